using Refit;

namespace HotelPlatform.Connectors.Cloudbeds.Wire;

/// <summary>
/// The Cloudbeds API v1.3 methods the connector calls (<c>https://api.cloudbeds.com/api/v1.3/{method}</c>): GET and
/// DELETE with query strings, POST and PUT with <c>application/x-www-form-urlencoded</c> bodies whose arrays use
/// PHP-style bracket keys (written by <see cref="CloudbedsForm"/>). Every answer is the <c>{success, data, message}</c>
/// envelope; the response classifier turns <c>success:false</c> into a failure before it is read here.
/// </summary>
internal interface ICloudbedsApi
{
    [Get("/oauth/metadata")]
    Task<IApiResponse<MetadataModel>> GetMetadataAsync(CancellationToken cancellationToken = default);

    [Get("/getHotels")]
    Task<IApiResponse<CloudbedsEnvelope<IReadOnlyList<HotelModel>>>> GetHotelsAsync(
        [AliasAs("propertyIDs")] string propertyIds,
        CancellationToken cancellationToken = default);

    [Get("/getRoomTypes")]
    Task<IApiResponse<CloudbedsEnvelope<IReadOnlyList<RoomTypeModel>>>> GetRoomTypesAsync(
        [AliasAs("propertyIDs")] string propertyIds,
        [AliasAs("pageNumber")] int pageNumber,
        [AliasAs("pageSize")] int pageSize,
        CancellationToken cancellationToken = default);

    [Get("/getRatePlans")]
    Task<IApiResponse<CloudbedsEnvelope<IReadOnlyList<RateModel>>>> GetRatePlansAsync(
        [AliasAs("propertyIDs")] string propertyIds,
        [AliasAs("startDate")] string startDate,
        [AliasAs("endDate")] string endDate,
        [AliasAs("adults")] int? adults,
        [AliasAs("children")] int? children,
        [AliasAs("promoCode")] string? promoCode,
        [AliasAs("detailedRates")] string? detailedRates,
        CancellationToken cancellationToken = default);

    [Post("/patchRate")]
    Task<IApiResponse<RateJobCreatedModel>> PatchRateAsync(
        [Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form,
        CancellationToken cancellationToken = default);

    [Get("/getRateJobs")]
    Task<IApiResponse<RateJobsModel>> GetRateJobsAsync(
        [AliasAs("jobReferenceID")] string jobReferenceId,
        CancellationToken cancellationToken = default);

    [Post("/postReservation")]
    Task<IApiResponse<ReservationCreatedModel>> PostReservationAsync(
        [Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form,
        CancellationToken cancellationToken = default);

    [Get("/getReservation")]
    Task<IApiResponse<CloudbedsEnvelope<ReservationModel>>> GetReservationAsync(
        [AliasAs("propertyID")] string propertyId,
        [AliasAs("reservationID")] string reservationId,
        CancellationToken cancellationToken = default);

    [Get("/getReservations")]
    Task<IApiResponse<CloudbedsEnvelope<IReadOnlyList<ReservationListItemModel>>>> GetReservationsAsync(
        [Query] ReservationFilter filter,
        CancellationToken cancellationToken = default);

    [Put("/putReservation")]
    Task<IApiResponse<CloudbedsStatus>> PutReservationAsync(
        [Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form,
        CancellationToken cancellationToken = default);

    [Post("/postReservationNote")]
    Task<IApiResponse<ReservationNoteCreatedModel>> PostReservationNoteAsync(
        [Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form,
        CancellationToken cancellationToken = default);

    [Get("/getReservationNotes")]
    Task<IApiResponse<CloudbedsEnvelope<IReadOnlyList<ReservationNoteModel>>>> GetReservationNotesAsync(
        [AliasAs("propertyID")] string propertyId,
        [AliasAs("reservationID")] string reservationId,
        CancellationToken cancellationToken = default);

    [Get("/getGuest")]
    Task<IApiResponse<CloudbedsEnvelope<GuestModel>>> GetGuestAsync(
        [AliasAs("propertyID")] string propertyId,
        [AliasAs("guestID")] string guestId,
        CancellationToken cancellationToken = default);

    [Get("/getGuestList")]
    Task<IApiResponse<CloudbedsEnvelope<IReadOnlyDictionary<string, GuestListItemModel>>>> GetGuestListAsync(
        [Query] GuestFilter filter,
        CancellationToken cancellationToken = default);

    [Put("/putGuest")]
    Task<IApiResponse<CloudbedsStatus>> PutGuestAsync(
        [Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form,
        CancellationToken cancellationToken = default);

    [Get("/getItems")]
    Task<IApiResponse<CloudbedsEnvelope<IReadOnlyList<ItemModel>>>> GetItemsAsync(
        [AliasAs("propertyID")] string propertyId,
        CancellationToken cancellationToken = default);

    [Post("/postWebhook")]
    Task<IApiResponse<CloudbedsEnvelope<WebhookCreatedModel>>> PostWebhookAsync(
        [Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form,
        CancellationToken cancellationToken = default);

    [Get("/getWebhooks")]
    Task<IApiResponse<CloudbedsEnvelope<IReadOnlyList<WebhookModel>>>> GetWebhooksAsync(
        [AliasAs("propertyID")] string propertyId,
        CancellationToken cancellationToken = default);

    [Delete("/deleteWebhook")]
    Task<IApiResponse<CloudbedsStatus>> DeleteWebhookAsync(
        [AliasAs("propertyIDs")] string propertyIds,
        [AliasAs("subscriptionID")] string subscriptionId,
        CancellationToken cancellationToken = default);
}

/// <summary>The query of getReservations (only the filters the connector uses; unset ones are not sent).</summary>
internal sealed record ReservationFilter
{
    [AliasAs("propertyID")]
    public required string PropertyId { get; init; }

    [AliasAs("status")]
    public string? Status { get; init; }

    [AliasAs("resultsFrom")]
    public string? ResultsFrom { get; init; }

    [AliasAs("modifiedFrom")]
    public string? ModifiedFrom { get; init; }

    [AliasAs("checkInFrom")]
    public string? CheckInFrom { get; init; }

    [AliasAs("checkInTo")]
    public string? CheckInTo { get; init; }

    [AliasAs("checkOutFrom")]
    public string? CheckOutFrom { get; init; }

    [AliasAs("checkOutTo")]
    public string? CheckOutTo { get; init; }

    [AliasAs("pageNumber")]
    public int PageNumber { get; init; } = 1;

    [AliasAs("pageSize")]
    public int PageSize { get; init; } = CloudbedsLimits.MaxPageSize;
}

/// <summary>The query of getGuestList.</summary>
internal sealed record GuestFilter
{
    [AliasAs("propertyIDs")]
    public required string PropertyIds { get; init; }

    [AliasAs("guestFirstName")]
    public string? FirstName { get; init; }

    [AliasAs("guestLastName")]
    public string? LastName { get; init; }

    [AliasAs("guestEmail")]
    public string? Email { get; init; }

    [AliasAs("guestPhone")]
    public string? Phone { get; init; }

    [AliasAs("pageNumber")]
    public int PageNumber { get; init; } = 1;

    [AliasAs("pageSize")]
    public int PageSize { get; init; } = CloudbedsLimits.MaxPageSize;
}

/// <summary>Documented limits of the v1.3 API.</summary>
internal static class CloudbedsLimits
{
    /// <summary>The largest <c>pageSize</c> of getReservations and getGuestList ("max 100").</summary>
    public const int MaxPageSize = 100;

    /// <summary>The default <c>pageSize</c> of getRoomTypes (20); no maximum is documented, so the default is used.</summary>
    public const int RoomTypePageSize = 20;

    /// <summary>The most intervals one patchRate or putRate request takes ("The API is limited to 30 interval per update, sending more than 30 will return an error").</summary>
    public const int MaxRateIntervals = 30;
}
