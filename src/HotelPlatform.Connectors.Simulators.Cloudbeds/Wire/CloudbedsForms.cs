using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace HotelPlatform.Connectors.Simulators.Cloudbeds.Wire;

// Strict form models of pms-v1.3-openapi.yaml's request bodies (application/x-www-form-urlencoded). Every field the
// document lists is accepted, nothing else; the fields Cloudbeds needs in practice are required.

internal sealed record PostReservationForm
{
    public string? PropertyID { get; init; }

    public string? SourceID { get; init; }

    public string? ThirdPartyIdentifier { get; init; }

    public required DateOnly StartDate { get; init; }

    public required DateOnly EndDate { get; init; }

    public required string GuestFirstName { get; init; }

    public required string GuestLastName { get; init; }

    public string? GuestGender { get; init; }

    public string? GuestCountry { get; init; }

    public string? GuestZip { get; init; }

    public string? GuestEmail { get; init; }

    public string? GuestPhone { get; init; }

    public List<string>? GuestRequirements { get; init; }

    public string? EstimatedArrivalTime { get; init; }

    public required List<RoomForm> Rooms { get; init; }

    public required List<OccupancyForm> Adults { get; init; }

    public List<OccupancyForm>? Children { get; init; }

    public string? PaymentMethod { get; init; }

    public string? CardToken { get; init; }

    public string? PaymentAuthorizationCode { get; init; }

    public List<CustomFieldForm>? CustomFields { get; init; }

    public string? PromoCode { get; init; }

    public string? AllotmentBlockCode { get; init; }

    public string? GroupCode { get; init; }

    public string? DateCreated { get; init; }

    public bool? SendEmailConfirmation { get; init; }
}

internal sealed record RoomForm
{
    public required string RoomTypeID { get; init; }

    public required int Quantity { get; init; }

    public string? RoomID { get; init; }

    public string? RoomRateID { get; init; }
}

internal sealed record OccupancyForm
{
    public required string RoomTypeID { get; init; }

    public required int Quantity { get; init; }

    public string? RoomID { get; init; }
}

internal sealed record CustomFieldForm
{
    public string? FieldName { get; init; }

    public string? FieldValue { get; init; }
}

internal sealed record PutReservationForm
{
    public string? PropertyID { get; init; }

    public required string ReservationID { get; init; }

    public string? EstimatedArrivalTime { get; init; }

    public string? Status { get; init; }

    public DateOnly? CheckoutDate { get; init; }

    public List<NamedCustomFieldForm>? CustomFields { get; init; }

    public List<PutRoomForm>? Rooms { get; init; }

    public string? DateCreated { get; init; }

    public string? AllotmentBlockCode { get; init; }

    public string? EventCode { get; init; }

    public bool? SendStatusChangeEmail { get; init; }
}

internal sealed record NamedCustomFieldForm
{
    public string? CustomFieldName { get; init; }

    public string? CustomFieldValue { get; init; }
}

internal sealed record PutRoomForm
{
    public string? SubReservationID { get; init; }

    public string? RoomTypeID { get; init; }

    public DateOnly? CheckinDate { get; init; }

    public DateOnly? CheckoutDate { get; init; }

    public int? Adults { get; init; }

    public int? Children { get; init; }

    public string? RateID { get; init; }

    public bool? AdjustPrice { get; init; }
}

internal sealed record PutGuestForm
{
    public string? PropertyID { get; init; }

    public required string GuestID { get; init; }

    public string? GuestFirstName { get; init; }

    public string? GuestLastName { get; init; }

    public string? GuestGender { get; init; }

    public string? GuestEmail { get; init; }

    public string? GuestPhone { get; init; }

    public string? GuestCellPhone { get; init; }

    public string? GuestAddress1 { get; init; }

    public string? GuestAddress2 { get; init; }

    public string? GuestCity { get; init; }

    public string? GuestCountry { get; init; }

    public string? GuestState { get; init; }

    public string? GuestZip { get; init; }

    public DateOnly? GuestBirthDate { get; init; }

    public string? GuestDocumentType { get; init; }

    public string? GuestDocumentNumber { get; init; }

    public DateOnly? GuestDocumentIssueDate { get; init; }

    public string? GuestDocumentIssuingCountry { get; init; }

    public DateOnly? GuestDocumentExpirationDate { get; init; }

    public List<string>? GuestRequirements { get; init; }

    public List<NamedCustomFieldForm>? GuestCustomFields { get; init; }

    public string? GuestCompanyName { get; init; }

    public string? GuestCompanyTaxId { get; init; }

    public string? GuestTaxId { get; init; }
}

internal sealed record PostReservationNoteForm
{
    public string? PropertyID { get; init; }

    public required string ReservationID { get; init; }

    public required string ReservationNote { get; init; }

    public string? UserID { get; init; }

    public string? DateCreated { get; init; }
}

internal sealed record PostWebhookForm
{
    public string? PropertyID { get; init; }

    public required string Object { get; init; }

    public required string Action { get; init; }

    public required string EndpointUrl { get; init; }
}

/// <summary>The form of <c>POST /patchRate</c> (PostPatchRateRequest): one interval per rate item.</summary>
internal sealed record PatchRateForm
{
    public required List<PatchRateItemForm> Rates { get; init; }
}

internal sealed record PatchRateItemForm
{
    public required string RateID { get; init; }

    public required PatchRateIntervalForm Interval { get; init; }
}

internal sealed record PatchRateIntervalForm
{
    public DateOnly? StartDate { get; init; }

    public DateOnly? EndDate { get; init; }

    public decimal? Rate { get; init; }

    public int? MaxLos { get; init; }

    public int? MinLos { get; init; }

    public bool? ClosedToArrival { get; init; }

    public bool? ClosedToDeparture { get; init; }

    public int? CutOff { get; init; }

    public int? LastMinuteBooking { get; init; }

    public bool? Blocked { get; init; }

    public GuestPricingForm? GuestPricing { get; init; }
}

internal sealed record GuestPricingForm
{
    public string? Adult1 { get; init; }

    public string? Adult2 { get; init; }

    public string? Adult3 { get; init; }

    public string? Child1 { get; init; }

    public string? Child2 { get; init; }

    public string? Child3 { get; init; }
}

/// <summary>The form of <c>POST /access_token</c> (PostAccessTokenRequest; OAuth's snake_case names).</summary>
internal sealed record AccessTokenForm
{
    [JsonPropertyName("grant_type")]
    public required string GrantType { get; init; }

    [JsonPropertyName("client_id")]
    public string? ClientId { get; init; }

    [JsonPropertyName("client_secret")]
    public string? ClientSecret { get; init; }

    [JsonPropertyName("redirect_uri")]
    public string? RedirectUri { get; init; }

    [JsonPropertyName("code")]
    public string? Code { get; init; }

    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; init; }
}

/// <summary>The strict form options (numbers and booleans from strings, nothing unknown) over the source-generated models.</summary>
internal static class CloudbedsForms
{
    private static readonly JsonSerializerOptions Options = Create();

    public static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions Create()
    {
        var options = StrictJson.CreateFormOptions(JsonNamingPolicy.CamelCase);
        options.TypeInfoResolver = CloudbedsFormContext.Default;
        options.MakeReadOnly();
        return options;
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PostReservationForm))]
[JsonSerializable(typeof(PutReservationForm))]
[JsonSerializable(typeof(PutGuestForm))]
[JsonSerializable(typeof(PostWebhookForm))]
[JsonSerializable(typeof(PostReservationNoteForm))]
[JsonSerializable(typeof(AccessTokenForm))]
[JsonSerializable(typeof(PatchRateForm))]
[JsonSerializable(typeof(bool))]
internal sealed partial class CloudbedsFormContext : JsonSerializerContext;
