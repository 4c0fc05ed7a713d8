using Refit;

namespace HotelPlatform.Connectors.Opera.Wire;

/// <summary>
/// The OHIP operations the connector uses, with the module base paths of Oracle's documents (<c>/rsv/v1</c>,
/// <c>/par/v1</c>, <c>/inv/v1</c>, <c>/rm/config/v1</c>, <c>/rtp/v1</c>, <c>/crm/v1</c>, <c>/blk/v1</c>, <c>/int/v1</c>).
/// <c>authorization</c>, <c>x-app-key</c> and <c>x-hotelid</c> are added by the pipeline's authenticator. Array
/// parameters are <c>collectionFormat: multi</c> in every module. Every method answers <see cref="IApiResponse"/> so
/// the caller sees 204 (OHIP's "not found" for a get by id) and the <c>Location</c> of a 201.
/// </summary>
internal interface IOperaApi
{
    /// <summary>rsv <c>getReservation</c>: 200 <c>reservation</c> (with what <c>fetchInstructions</c> asks for), 204 "Reservation not found.".</summary>
    [Get("/rsv/v1/hotels/{hotelId}/reservations/{reservationId}")]
    Task<IApiResponse<ReservationEnvelope>> GetReservationAsync(string hotelId, string reservationId, [Query(CollectionFormat.Multi)] IEnumerable<string>? fetchInstructions, CancellationToken cancellationToken);

    /// <summary>rsv <c>getReservationByExtId</c>: 200, 204.</summary>
    [Get("/rsv/v1/hotels/{hotelId}/externalSystems/{externalSystemCode}/reservations/{reservationExternalId}")]
    Task<IApiResponse<ReservationEnvelope>> GetReservationByExternalIdAsync(string hotelId, string externalSystemCode, string reservationExternalId, CancellationToken cancellationToken);

    /// <summary>rsv <c>postReservation</c>: 201 with <c>Location</c>.</summary>
    [Post("/rsv/v1/hotels/{hotelId}/reservations")]
    Task<IApiResponse<ReservationEnvelope>> CreateReservationAsync(string hotelId, [Body] CreateReservationRequest body, CancellationToken cancellationToken);

    /// <summary>rsv <c>postReservationByBlock</c>: 201 with <c>Location</c>.</summary>
    [Post("/rsv/v1/hotels/{hotelId}/blocks/{blockId}/reservations")]
    Task<IApiResponse> CreateReservationInBlockAsync(string hotelId, string blockId, [Body] CreateReservationRequest body, CancellationToken cancellationToken);

    /// <summary>rsv <c>putReservation</c>: 200 <c>changeReservationDetails</c>.</summary>
    [Put("/rsv/v1/hotels/{hotelId}/reservations/{reservationId}")]
    Task<IApiResponse> ChangeReservationAsync(string hotelId, string reservationId, [Body] ChangeReservationRequest body, CancellationToken cancellationToken);

    /// <summary>rsv <c>postCancelReservation</c>: 201 <c>cancelReservationDetails</c>.</summary>
    [Post("/rsv/v1/hotels/{hotelId}/reservations/{reservationId}/cancellations")]
    Task<IApiResponse> CancelReservationAsync(string hotelId, string reservationId, [Body] CancelReservationRequest body, CancellationToken cancellationToken);

    /// <summary>rsv <c>getHotelReservations</c>: 200 <c>reservationsDetails</c>, 204.</summary>
    [Get("/rsv/v1/hotels/{hotelId}/reservations")]
    Task<IApiResponse<ReservationsDetails>> SearchReservationsAsync(string hotelId, [Query] ReservationSearch search, CancellationToken cancellationToken);

    /// <summary>par <c>getHotelAvailability</c> (90 days at most): 200 <c>hotelAvailability</c>, 204.</summary>
    [Get("/par/v1/hotels/{hotelId}/availability")]
    Task<IApiResponse<HotelAvailability>> GetAvailabilityAsync(string hotelId, [Query] AvailabilitySearch search, CancellationToken cancellationToken);

    /// <summary>inv <c>getHotelInventory</c> (90 days at most): 200 <c>hotelInventory</c>.</summary>
    [Get("/inv/v1/hotels/{hotelId}/hotelInventory")]
    Task<IApiResponse<HotelInventory>> GetInventoryAsync(string hotelId, string dateRangeStart, string dateRangeEnd, int roomCountRequested, [Query(CollectionFormat.Multi)] IEnumerable<string>? roomTypes, CancellationToken cancellationToken);

    /// <summary>par <c>getRestrictionsByDateRange</c>: 200 <c>restrictionsByDateRange</c>.</summary>
    [Get("/par/v1/hotels/{hotelId}/restrictions")]
    Task<IApiResponse<RestrictionsResponse>> GetRestrictionsAsync(string hotelId, string restrictionSearchCriteriaStartDate, string end, CancellationToken cancellationToken);

    /// <summary>rmcfg <c>getRoomTypes</c> (limit at most 1000): 200 <c>roomTypesDetails</c>.</summary>
    [Get("/rm/config/v1/hotels/{hotelId}/roomTypes")]
    Task<IApiResponse<RoomTypesDetails>> GetRoomTypesAsync(string hotelId, int limit, int offset, CancellationToken cancellationToken);

    /// <summary>rtp <c>getRatePlansByHotel</c>: 200 <c>ratePlanInfo</c>, 204.</summary>
    [Get("/rtp/v1/hotels/{hotelId}/ratePlans")]
    Task<IApiResponse<RatePlanInfo>> GetRatePlansAsync(string hotelId, CancellationToken cancellationToken);

    /// <summary>crm <c>getProfiles</c> (limit at most 200): 200 <c>profileSummaries</c>, 204.</summary>
    [Get("/crm/v1/profiles")]
    Task<IApiResponse<ProfileSummaries>> SearchProfilesAsync([Query] ProfileSearch search, CancellationToken cancellationToken);

    /// <summary>crm <c>getProfile</c>: 200 <c>profile</c>, 204.</summary>
    [Get("/crm/v1/profiles/{profileId}")]
    Task<IApiResponse<ProfileEnvelope>> GetProfileAsync(string profileId, CancellationToken cancellationToken);

    /// <summary>crm <c>postProfile</c>: 201 with <c>Location</c> carrying the new profile id.</summary>
    [Post("/crm/v1/profiles")]
    Task<IApiResponse> CreateProfileAsync([Body] ProfileEnvelope body, CancellationToken cancellationToken);

    /// <summary>crm <c>putProfile</c>: 200 <c>profile</c>.</summary>
    [Put("/crm/v1/profiles/{profileId}")]
    Task<IApiResponse> ChangeProfileAsync(string profileId, [Body] ProfileEnvelope body, CancellationToken cancellationToken);

    /// <summary>blk <c>postBlock</c> (the path is singular): 201 with <c>Location</c>.</summary>
    [Post("/blk/v1/hotels/{hotelId}/block")]
    Task<IApiResponse> CreateBlockAsync(string hotelId, [Body] BlockEnvelope body, CancellationToken cancellationToken);

    /// <summary>blk <c>getBlock</c>: 200 <c>block</c>, 204.</summary>
    [Get("/blk/v1/hotels/{hotelId}/blocks/{blockId}")]
    Task<IApiResponse<BlockEnvelope>> GetBlockAsync(string hotelId, string blockId, CancellationToken cancellationToken);

    /// <summary>rtp <c>getPackages</c> (a time span of 365 days at most): 200 <c>packagesInfo</c>, 204 "Packages not found.".</summary>
    [Get("/rtp/v1/packages")]
    Task<IApiResponse<PackagesInfo>> GetPackagesAsync([Query] PackageSearch search, CancellationToken cancellationToken);

    /// <summary>rsv <c>getPackage</c>: a package's availability for a reservation; 200 <c>packages</c>, 204 "Package not found.".</summary>
    [Get("/rsv/v1/hotels/{hotelId}/reservations/{reservationId}/packages")]
    Task<IApiResponse<PackageAvailability>> GetPackageAvailabilityAsync(string hotelId, string reservationId, [Query] PackageAvailabilitySearch search, CancellationToken cancellationToken);

    /// <summary>rsv <c>postReservationPackage</c>: 201 <c>status</c>.</summary>
    [Post("/rsv/v1/hotels/{hotelId}/reservations/{reservationId}/packages")]
    Task<IApiResponse> AddReservationPackagesAsync(string hotelId, string reservationId, [Body] ReservationPackagesRequest body, CancellationToken cancellationToken);

    /// <summary>par <c>postRestriction</c>: 201 <c>status</c> (warnings).</summary>
    [Post("/par/v1/hotels/{hotelId}/restrictions")]
    Task<IApiResponse<StatusModel>> CreateRestrictionAsync(string hotelId, [Body] CreateRestrictionRequest body, CancellationToken cancellationToken);

    /// <summary>rtp <c>setRatePlanSchedules</c> (at most 50 schedules): 200 <c>status</c> (warnings).</summary>
    [Put("/rtp/v1/hotels/{hotelId}/ratePlans/{ratePlanCode}/schedules/set")]
    Task<IApiResponse<StatusModel>> SetRatePlanSchedulesAsync(string hotelId, string ratePlanCode, [Body] RatePlanSchedulesToSet body, CancellationToken cancellationToken);

    /// <summary>int <c>getBusinessEvents</c> (dequeues; limit at most 20): 200 <c>businessEvents</c>, 204.</summary>
    [Get("/int/v1/externalSystem/{extSystemCode}/hotels/{hotelId}/businessEvents")]
    Task<IApiResponse<BusinessEvents>> DequeueBusinessEventsAsync(string extSystemCode, string hotelId, int limit, CancellationToken cancellationToken);
}

/// <summary>The query of rsv <c>getHotelReservations</c> the connector sends (names as in rsv.json).</summary>
internal sealed record ReservationSearch
{
    [AliasAs("limit")]
    public int? Limit { get; init; }

    [AliasAs("offset")]
    public int? Offset { get; init; }

    /// <summary>Arrival, Departure, InHouse, ... (rsv <c>searchType</c>).</summary>
    [AliasAs("searchType")]
    public string? SearchType { get; init; }

    [AliasAs("arrivalStartDate")]
    public string? ArrivalStartDate { get; init; }

    [AliasAs("arrivalEndDate")]
    public string? ArrivalEndDate { get; init; }

    [AliasAs("departureStartDate")]
    public string? DepartureStartDate { get; init; }

    [AliasAs("departureEndDate")]
    public string? DepartureEndDate { get; init; }

    [AliasAs("stayDate")]
    public string? StayDate { get; init; }

    [AliasAs("confirmationNumberList")]
    public string? ConfirmationNumber { get; init; }

    [AliasAs("reservationStatuses")]
    [Query(CollectionFormat.Multi)]
    public IReadOnlyList<string>? ReservationStatuses { get; init; }

    [AliasAs("orderBy")]
    public string? OrderBy { get; init; }

    [AliasAs("sortOrder")]
    public string? SortOrder { get; init; }
}

/// <summary>The query of par <c>getHotelAvailability</c> the connector sends.</summary>
internal sealed record AvailabilitySearch
{
    [AliasAs("roomStayStartDate")]
    public required string RoomStayStartDate { get; init; }

    [AliasAs("roomStayEndDate")]
    public required string RoomStayEndDate { get; init; }

    [AliasAs("roomStayQuantity")]
    public int RoomStayQuantity { get; init; } = 1;

    [AliasAs("adults")]
    public int Adults { get; init; }

    [AliasAs("children")]
    public int? Children { get; init; }

    [AliasAs("childAge")]
    [Query(CollectionFormat.Multi)]
    public IReadOnlyList<int>? ChildAge { get; init; }

    [AliasAs("ratePlanCode")]
    public string? RatePlanCode { get; init; }

    [AliasAs("roomType")]
    public string? RoomType { get; init; }

    [AliasAs("promotionCode")]
    public string? PromotionCode { get; init; }

    /// <summary>The <c>pagingKey</c> of the previous page (par: "fetched record's key as pointer to fetch additional records from").</summary>
    [AliasAs("pagePointerKey")]
    public string? PagePointerKey { get; init; }
}

/// <summary>The query of rtp <c>getPackages</c> the connector sends: the hotel's packages sold separately, priced for a stay and party.</summary>
internal sealed record PackageSearch
{
    [AliasAs("hotelId")]
    public required string HotelId { get; init; }

    [AliasAs("startDate")]
    public required string StartDate { get; init; }

    [AliasAs("endDate")]
    public required string EndDate { get; init; }

    [AliasAs("adults")]
    public int Adults { get; init; }

    [AliasAs("children")]
    public int? Children { get; init; }

    [AliasAs("sellSeparate")]
    public bool SellSeparate { get; init; } = true;

    /// <summary>Header (the package's details) and CalculatedPrice (its price for the party).</summary>
    [AliasAs("fetchInstructions")]
    [Query(CollectionFormat.Multi)]
    public IReadOnlyList<string> FetchInstructions { get; init; } = ["Header", "CalculatedPrice"];
}

/// <summary>The query of rsv <c>getPackage</c> the connector sends: one package for a reservation's dates and party.</summary>
internal sealed record PackageAvailabilitySearch
{
    [AliasAs("productCode")]
    public required string ProductCode { get; init; }

    [AliasAs("packageTimeSpanStartDate")]
    public string? PackageStartDate { get; init; }

    [AliasAs("packageTimeSpanEndDate")]
    public string? PackageEndDate { get; init; }

    [AliasAs("packageQuantity")]
    public int PackageQuantity { get; init; }

    [AliasAs("reservationAdults")]
    public int ReservationAdults { get; init; }

    [AliasAs("reservationChildren")]
    public int ReservationChildren { get; init; }
}

/// <summary>The query of crm <c>getProfiles</c> the connector sends.</summary>
internal sealed record ProfileSearch
{
    [AliasAs("limit")]
    public int Limit { get; init; }

    [AliasAs("offset")]
    public int Offset { get; init; }

    [AliasAs("profileType")]
    public string ProfileType { get; init; } = "Guest";

    [AliasAs("profileName")]
    public string? ProfileName { get; init; }

    [AliasAs("givenName")]
    public string? GivenName { get; init; }

    [AliasAs("email")]
    public string? Email { get; init; }

    [AliasAs("phone")]
    public string? Phone { get; init; }
}
