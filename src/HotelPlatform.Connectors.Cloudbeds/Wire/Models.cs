using System.Text.Json.Serialization;

namespace HotelPlatform.Connectors.Cloudbeds.Wire;

// Wire models of the Cloudbeds API v1.3 (pms-v1.3-openapi.yaml), only the members the connector reads. Names are the
// spec's (camelCase with "ID"); numbers the spec types as strings (adults, roomTotal) are read from either form.

/// <summary>The envelope of every answer: <c>{success, data, message}</c>, lists add <c>count</c> and <c>total</c>.</summary>
/// <typeparam name="T">The <c>data</c> member.</typeparam>
internal sealed record CloudbedsEnvelope<T>
{
    public bool Success { get; init; }

    public T? Data { get; init; }

    public string? Message { get; init; }

    public int? Count { get; init; }

    public int? Total { get; init; }
}

/// <summary>An answer without <c>data</c> (putGuest, deleteWebhook) or whose fields are at the top (the error body).</summary>
internal sealed record CloudbedsStatus
{
    [JsonConverter(typeof(CloudbedsBooleanConverter))]
    public bool Success { get; init; }

    public string? Message { get; init; }
}

/// <summary>
/// The answer of <c>GET /oauth/metadata</c>: the API address of the credential's property. The document types its
/// <c>success</c> as a string ("True if property can be found"), so it is read as a string or a boolean.
/// </summary>
internal sealed record MetadataModel
{
    [JsonConverter(typeof(CloudbedsBooleanConverter))]
    public bool Success { get; init; }

    public MetadataDataModel? Data { get; init; }

    public string? Message { get; init; }
}

/// <summary>The <c>data</c> of the metadata answer.</summary>
internal sealed record MetadataDataModel
{
    public MetadataApiModel? Api { get; init; }
}

/// <summary>The <c>data.api</c> of the metadata answer.</summary>
internal sealed record MetadataApiModel
{
    public string? Url { get; init; }
}

/// <summary>A boolean Cloudbeds may spell as JSON <c>true</c>/<c>false</c> or as the strings <c>"true"</c>/<c>"false"</c> (or <c>"1"</c>/<c>"0"</c>).</summary>
internal sealed class CloudbedsBooleanConverter : JsonConverter<bool>
{
    public override bool Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) => reader.TokenType switch
    {
        System.Text.Json.JsonTokenType.True => true,
        System.Text.Json.JsonTokenType.False => false,
        System.Text.Json.JsonTokenType.String when reader.GetString() is { } text => text.Trim() switch
        {
            var t when t.Equals("true", StringComparison.OrdinalIgnoreCase) || t == "1" => true,
            var t when t.Equals("false", StringComparison.OrdinalIgnoreCase) || t == "0" || t.Length == 0 => false,
            _ => throw new System.Text.Json.JsonException($"'{text}' is not a boolean."),
        },
        System.Text.Json.JsonTokenType.Number => reader.GetInt32() != 0,
        _ => throw new System.Text.Json.JsonException($"A boolean was expected, not {reader.TokenType}."),
    };

    public override void Write(System.Text.Json.Utf8JsonWriter writer, bool value, System.Text.Json.JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}

/// <summary>getHotels item.</summary>
internal sealed record HotelModel
{
    public string PropertyID { get; init; } = string.Empty;

    public string? PropertyName { get; init; }

    public string? PropertyTimezone { get; init; }

    public IReadOnlyList<CurrencyModel> PropertyCurrency { get; init; } = [];
}

/// <summary>A property's currency.</summary>
internal sealed record CurrencyModel
{
    public string? CurrencyCode { get; init; }
}

/// <summary>getRoomTypes item.</summary>
internal sealed record RoomTypeModel
{
    public string RoomTypeID { get; init; } = string.Empty;

    public string? RoomTypeName { get; init; }

    public string? RoomTypeNameShort { get; init; }

    public string? RoomTypeDescription { get; init; }

    public int? MaxGuests { get; init; }
}

/// <summary>getRatePlans item: one rate (a rate plan on one room type).</summary>
internal sealed record RateModel
{
    public string RateID { get; init; } = string.Empty;

    public string RoomTypeID { get; init; } = string.Empty;

    public string? RatePlanID { get; init; }

    public string? RatePlanNamePublic { get; init; }

    public string? RatePlanNamePrivate { get; init; }

    public decimal? TotalRate { get; init; }

    public int? RoomsAvailable { get; init; }

    public IReadOnlyList<RateDayModel> RoomRateDetailed { get; init; } = [];
}

/// <summary>A night of a rate (<c>detailedRates=true</c>).</summary>
internal sealed record RateDayModel
{
    public DateOnly Date { get; init; }

    public decimal? TotalRate { get; init; }

    public decimal? RateBase { get; init; }

    public int? RoomsAvailable { get; init; }

    public bool? ClosedToArrival { get; init; }

    public bool? ClosedToDeparture { get; init; }

    public bool? Blocked { get; init; }

    public int? MinLos { get; init; }

    public int? MaxLos { get; init; }
}

/// <summary>The answer of postReservation: its fields are at the top, not in <c>data</c>.</summary>
internal sealed record ReservationCreatedModel
{
    public bool Success { get; init; }

    public string? ReservationID { get; init; }

    public string? GuestID { get; init; }

    public string? Message { get; init; }
}

/// <summary>getReservation's <c>data</c>.</summary>
internal sealed record ReservationModel
{
    public string ReservationID { get; init; } = string.Empty;

    public string? PropertyID { get; init; }

    public string? Status { get; init; }

    public string? DateCreated { get; init; }

    public string? DateModified { get; init; }

    public string? ThirdPartyIdentifier { get; init; }

    public decimal? Total { get; init; }

    public DateOnly StartDate { get; init; }

    public DateOnly EndDate { get; init; }

    public IReadOnlyDictionary<string, ReservationGuestModel> GuestList { get; init; } = new Dictionary<string, ReservationGuestModel>();

    public IReadOnlyList<ReservationRoomModel> Assigned { get; init; } = [];

    public IReadOnlyList<ReservationRoomModel> Unassigned { get; init; } = [];
}

/// <summary>A guest of getReservation's <c>guestList</c>.</summary>
internal sealed record ReservationGuestModel
{
    public string GuestID { get; init; } = string.Empty;

    public string? GuestFirstName { get; init; }

    public string? GuestLastName { get; init; }

    public string? GuestEmail { get; init; }

    public string? GuestPhone { get; init; }

    public string? GuestCountry { get; init; }

    public bool IsMainGuest { get; init; }
}

/// <summary>A room of a reservation (<c>assigned</c> or <c>unassigned</c>).</summary>
internal sealed record ReservationRoomModel
{
    public string? SubReservationID { get; init; }

    public string? RoomTypeID { get; init; }

    public DateOnly StartDate { get; init; }

    public DateOnly EndDate { get; init; }

    public int? Adults { get; init; }

    public int? Children { get; init; }

    public IReadOnlyList<DailyRateModel> DailyRates { get; init; } = [];
}

/// <summary>A night's price of a room.</summary>
internal sealed record DailyRateModel
{
    public DateOnly Date { get; init; }

    public decimal Rate { get; init; }
}

/// <summary>getReservations item.</summary>
internal sealed record ReservationListItemModel
{
    public string ReservationID { get; init; } = string.Empty;

    public string? Status { get; init; }

    public string? DateModified { get; init; }

    public string? ThirdPartyIdentifier { get; init; }
}

/// <summary>The answer of postReservationNote (fields at the top).</summary>
internal sealed record ReservationNoteCreatedModel
{
    public bool Success { get; init; }

    public string? ReservationNoteID { get; init; }
}

/// <summary>getReservationNotes item.</summary>
internal sealed record ReservationNoteModel
{
    public string? ReservationNoteID { get; init; }

    public string? ReservationNote { get; init; }
}

/// <summary>getGuest's <c>data</c>.</summary>
internal sealed record GuestModel
{
    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? Country { get; init; }

    public string? Address { get; init; }

    public string? Address2 { get; init; }

    public string? City { get; init; }

    public string? Zip { get; init; }
}

/// <summary>A getGuestList entry (the list is an object keyed by guest id).</summary>
internal sealed record GuestListItemModel
{
    public string GuestID { get; init; } = string.Empty;

    public string? GuestFirstName { get; init; }

    public string? GuestLastName { get; init; }

    public string? GuestEmail { get; init; }

    public string? GuestPhone { get; init; }
}

/// <summary>getItems item: a product or service the property sells.</summary>
internal sealed record ItemModel
{
    public string ItemID { get; init; } = string.Empty;

    public string? Name { get; init; }

    public string? Description { get; init; }

    public decimal? Price { get; init; }
}

/// <summary>postWebhook's <c>data</c>.</summary>
internal sealed record WebhookCreatedModel
{
    public string SubscriptionID { get; init; } = string.Empty;
}

/// <summary>getWebhooks item.</summary>
internal sealed record WebhookModel
{
    public string Id { get; init; } = string.Empty;

    public WebhookEventNameModel? Event { get; init; }

    public WebhookDataModel? SubscriptionData { get; init; }
}

/// <summary>The <c>event</c> of a subscription.</summary>
internal sealed record WebhookEventNameModel
{
    public string? Entity { get; init; }

    public string? Action { get; init; }
}

/// <summary>The <c>subscriptionData</c> of a subscription.</summary>
internal sealed record WebhookDataModel
{
    public string? Endpoint { get; init; }
}

/// <summary>The answer of patchRate (PostPatchRateResponse): the queued job's reference, fields at the top.</summary>
internal sealed record RateJobCreatedModel
{
    public bool Success { get; init; }

    public string? JobReferenceID { get; init; }

    public string? Message { get; init; }
}

/// <summary>The answer of getRateJobs (GetRateJobsResponse).</summary>
internal sealed record RateJobsModel
{
    public bool Success { get; init; }

    public IReadOnlyList<RateJobModel> Data { get; init; } = [];
}

/// <summary>A rate job: <c>status</c> is <c>in_progress</c>, <c>completed</c> or <c>error</c> ("an error with 1 or more updates").</summary>
internal sealed record RateJobModel
{
    public string JobReferenceID { get; init; } = string.Empty;

    public string? Status { get; init; }

    public IReadOnlyList<RateJobUpdateModel> Updates { get; init; } = [];
}

/// <summary>What a job did to one interval: <c>action</c> is <c>in_progress</c>, <c>updated</c>, <c>created</c> or <c>error</c> (with <c>message</c>).</summary>
internal sealed record RateJobUpdateModel
{
    public string? RateID { get; init; }

    public string? Action { get; init; }

    public DateOnly? StartDate { get; init; }

    public DateOnly? EndDate { get; init; }

    public string? Message { get; init; }
}

/// <summary>
/// The <c>System.Text.Json</c> source generation of every Cloudbeds wire type: camelCase with the spec's <c>ID</c>
/// spelling, numbers read from strings too (the spec types counts and totals as strings in places), and reading
/// case-insensitive (deliveries spell <c>propertyId</c> and <c>propertyID</c>).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(CloudbedsStatus))]
[JsonSerializable(typeof(MetadataModel))]
[JsonSerializable(typeof(CloudbedsEnvelope<IReadOnlyList<HotelModel>>))]
[JsonSerializable(typeof(CloudbedsEnvelope<IReadOnlyList<RoomTypeModel>>))]
[JsonSerializable(typeof(CloudbedsEnvelope<IReadOnlyList<RateModel>>))]
[JsonSerializable(typeof(ReservationCreatedModel))]
[JsonSerializable(typeof(CloudbedsEnvelope<ReservationModel>))]
[JsonSerializable(typeof(CloudbedsEnvelope<IReadOnlyList<ReservationListItemModel>>))]
[JsonSerializable(typeof(CloudbedsEnvelope<GuestModel>))]
[JsonSerializable(typeof(ReservationNoteCreatedModel))]
[JsonSerializable(typeof(CloudbedsEnvelope<IReadOnlyList<ReservationNoteModel>>))]
[JsonSerializable(typeof(CloudbedsEnvelope<IReadOnlyDictionary<string, GuestListItemModel>>))]
[JsonSerializable(typeof(CloudbedsEnvelope<IReadOnlyList<ItemModel>>))]
[JsonSerializable(typeof(CloudbedsEnvelope<WebhookCreatedModel>))]
[JsonSerializable(typeof(CloudbedsEnvelope<IReadOnlyList<WebhookModel>>))]
[JsonSerializable(typeof(Dictionary<string, System.Text.Json.JsonElement>))]
[JsonSerializable(typeof(RateJobCreatedModel))]
[JsonSerializable(typeof(RateJobsModel))]
internal sealed partial class CloudbedsJsonContext : JsonSerializerContext
{
}
