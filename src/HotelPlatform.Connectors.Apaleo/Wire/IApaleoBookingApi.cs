using Refit;

namespace HotelPlatform.Connectors.Apaleo.Wire;

/// <summary>
/// The parts of Apaleo's Booking API v1 the connector uses (booking-v1.swagger.json, 2021; every path here is also in
/// the current path list). Every method answers <see cref="IApiResponse"/> so the caller sees 204 (empty page, no
/// offers, action done) and reads error bodies (422 <c>{"messages": [...]}</c>) itself; arrays in the query are
/// comma-separated, the Swagger 2.0 default for <c>type: array</c> without <c>collectionFormat</c>.
/// </summary>
internal interface IApaleoBookingApi
{
    /// <summary><c>GET /booking/v1/offers</c>: prices a stay; scopes <c>offers.read</c> or <c>reservations.manage</c>. 204 "There are no available offers".</summary>
    /// <param name="propertyId">The property.</param>
    /// <param name="arrival">The arrival date ("either a pure date or a date and time").</param>
    /// <param name="departure">The departure date ("Cannot be more than 5 years after arrival").</param>
    /// <param name="adults">The number of adults (required).</param>
    /// <param name="childrenAges">The children's ages.</param>
    /// <param name="unitGroupIds">Only these unit groups.</param>
    /// <param name="channelCode">The channel whose rate plans are offered.</param>
    /// <param name="promoCode">A promo code.</param>
    /// <param name="timeSliceTemplate">DayUse or OverNight ("defaults to 'over night'").</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>200 with <see cref="StayOffersModel"/>, 204, or the error answer.</returns>
    [Get("/booking/v1/offers")]
    Task<IApiResponse<StayOffersModel>> GetOffersAsync(
        string propertyId,
        DateOnly arrival,
        DateOnly departure,
        int adults,
        [Query(CollectionFormat.Csv)] IEnumerable<int>? childrenAges,
        [Query(CollectionFormat.Csv)] IEnumerable<string>? unitGroupIds,
        string? channelCode,
        string? promoCode,
        string? timeSliceTemplate = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST /booking/v1/bookings</c>: creates a booking; scopes <c>reservations.create</c> or <c>reservations.manage</c>.
    /// 201 with <see cref="BookingCreatedModel"/> and a <c>Location</c> header. <c>Idempotency-Key</c>: "We'll always send
    /// back the same response for requests made with the same key, and keys can't be reused with different request
    /// parameters. Keys expire after 24 hours."
    /// </summary>
    /// <param name="idempotencyKey">The idempotency key (the draft's client reference).</param>
    /// <param name="booking">The booking.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>201 with <see cref="BookingCreatedModel"/>, or the error answer.</returns>
    [Post("/booking/v1/bookings")]
    Task<IApiResponse<BookingCreatedModel>> CreateBookingAsync(
        [Header("Idempotency-Key")] string idempotencyKey,
        [Body] CreateBookingModel booking,
        CancellationToken cancellationToken = default);

    /// <summary><c>GET /booking/v1/reservations/{id}</c>; scopes <c>reservations.read</c> or <c>reservations.manage</c>.</summary>
    /// <param name="id">The reservation id (for example <c>XPGMSXGF-1</c>).</param>
    /// <param name="expand">timeSlices, services, booker, actions, company, assignedUnits.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>200 with <see cref="ReservationModel"/>, 404, or the error answer.</returns>
    [Get("/booking/v1/reservations/{id}")]
    Task<IApiResponse<ReservationModel>> GetReservationAsync(
        string id,
        [Query(CollectionFormat.Csv)] IEnumerable<string>? expand = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>GET /booking/v1/reservations</c>; scopes <c>reservations.read</c> or <c>reservations.manage</c>. A page with no
    /// items answers 204 ("Page number, starting from 1 ... Results in 204 if there are no items on that page").
    /// <c>dateFilter</c> checks "if the date specified by the filter type is between from (included) and to (excluded)",
    /// except Stay, which returns the reservations overlapping the interval.
    /// </summary>
    /// <param name="propertyIds">The properties.</param>
    /// <param name="bookingId">Only reservations of this booking.</param>
    /// <param name="status">Confirmed, InHouse, CheckedOut, Canceled, NoShow.</param>
    /// <param name="dateFilter">Arrival, Departure, Stay, Creation, Modification or Cancellation.</param>
    /// <param name="from">The start of the interval (date-time without fractional seconds).</param>
    /// <param name="to">The end of the interval.</param>
    /// <param name="externalCode">Reservations whose external code starts with this value.</param>
    /// <param name="textSearch">Case-insensitive text in booker/primary guest names, e-mail, company, external code, reservation id, unit name.</param>
    /// <param name="pageNumber">The 1-based page.</param>
    /// <param name="pageSize">Items per page; without it booking-v1 2021 returns everything.</param>
    /// <param name="sort">Sort keys such as <c>id:asc</c>.</param>
    /// <param name="expand">booker, actions, timeSlices, services, assignedUnits, company.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>200 with <see cref="ReservationListModel"/>, 204 for an empty page, or the error answer.</returns>
    [Get("/booking/v1/reservations")]
    Task<IApiResponse<ReservationListModel>> GetReservationsAsync(
        [Query(CollectionFormat.Csv)] IEnumerable<string>? propertyIds,
        string? bookingId,
        [Query(CollectionFormat.Csv)] IEnumerable<string>? status,
        string? dateFilter,
        DateTimeOffset? from,
        DateTimeOffset? to,
        string? externalCode,
        string? textSearch,
        int pageNumber,
        int pageSize,
        [Query(CollectionFormat.Csv)] IEnumerable<string>? sort,
        [Query(CollectionFormat.Csv)] IEnumerable<string>? expand,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>PATCH /booking/v1/reservations/{id}</c>: a JSON Patch array; scope <c>reservations.manage</c>; 204. Allowed
    /// (booking-v1): add/replace/remove Comment, GuestComment, PaymentAccount, TravelPurpose, AdditionalGuests,
    /// Commission; add a company; replace PrimaryGuest; remove ValidationMessages.
    /// </summary>
    /// <param name="id">The reservation id.</param>
    /// <param name="operations">The operations (an array: Refit serialises a body by its runtime type, which must be in <see cref="ApaleoJsonContext"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>204, or the error answer.</returns>
    [Patch("/booking/v1/reservations/{id}")]
    Task<IApiResponse> PatchReservationAsync(
        string id,
        [Body] JsonPatchOperation[] operations,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>PUT /booking/v1/reservation-actions/{id}/amend</c>: changes stay dates, occupancy and the rate plan of each
    /// night; scope <c>reservations.manage</c>; 204. "If a reservation is 'Confirmed', you can change all fields. If a
    /// reservation is 'InHouse', only changes to future time slices are possible. Changes to reservations that are in the
    /// status 'CheckedOut' or 'Canceled' are not possible at all."
    /// </summary>
    /// <param name="id">The reservation id.</param>
    /// <param name="stay">The desired stay.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>204, or the error answer.</returns>
    [Put("/booking/v1/reservation-actions/{id}/amend")]
    Task<IApiResponse> AmendReservationAsync(
        string id,
        [Body] DesiredStayDetailsModel stay,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>PUT /booking/v1/reservation-actions/{id}/cancel</c> (no body); scope <c>reservations.manage</c>; 204. Only a
    /// reservation "in status 'Confirmed' and where the arrival time is in the future" can be cancelled.
    /// </summary>
    /// <param name="id">The reservation id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>204, or the error answer.</returns>
    [Put("/booking/v1/reservation-actions/{id}/cancel")]
    Task<IApiResponse> CancelReservationAsync(string id, CancellationToken cancellationToken = default);

    /// <summary><c>GET /booking/v1/reservations/{id}/service-offers</c>; scopes <c>offers.read</c> or <c>reservations.manage</c>. 204 when there is none.</summary>
    /// <param name="id">The reservation id.</param>
    /// <param name="channelCode">The channel whose services are offered.</param>
    /// <param name="onlyDefaultDates">Only the service's default dates (Apaleo's default: true).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>200 with <see cref="ServiceOffersModel"/>, 204, or the error answer.</returns>
    [Get("/booking/v1/reservations/{id}/service-offers")]
    Task<IApiResponse<ServiceOffersModel>> GetReservationServiceOffersAsync(
        string id,
        string? channelCode = null,
        bool? onlyDefaultDates = null,
        CancellationToken cancellationToken = default);

    /// <summary><c>GET /booking/v1/service-offers</c>: extras for a stay not yet booked; <c>ratePlanId, arrival, departure, adults</c> required. 204 when none.</summary>
    /// <param name="ratePlanId">The rate plan.</param>
    /// <param name="arrival">The arrival date.</param>
    /// <param name="departure">The departure date.</param>
    /// <param name="adults">The number of adults.</param>
    /// <param name="childrenAges">The children's ages.</param>
    /// <param name="channelCode">The channel whose services are offered.</param>
    /// <param name="onlyDefaultDates">Only the service's default dates (Apaleo's default: true).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>200 with <see cref="ServiceOffersModel"/>, 204, or the error answer.</returns>
    [Get("/booking/v1/service-offers")]
    Task<IApiResponse<ServiceOffersModel>> GetServiceOffersAsync(
        string ratePlanId,
        DateOnly arrival,
        DateOnly departure,
        int adults,
        [Query(CollectionFormat.Csv)] IEnumerable<int>? childrenAges,
        string? channelCode = null,
        bool? onlyDefaultDates = null,
        CancellationToken cancellationToken = default);

    /// <summary><c>PUT /booking/v1/reservation-actions/{id}/book-service</c>; scope <c>reservations.manage</c>; 204.</summary>
    /// <param name="id">The reservation id.</param>
    /// <param name="service">The service, count and dates.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>204, or the error answer.</returns>
    [Put("/booking/v1/reservation-actions/{id}/book-service")]
    Task<IApiResponse> BookServiceAsync(
        string id,
        [Body] BookReservationServiceModel service,
        CancellationToken cancellationToken = default);

    /// <summary><c>GET /booking/v1/reservations/{id}/services</c>: the extras booked with a reservation.</summary>
    /// <param name="id">The reservation id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>200 with <see cref="ReservationServiceListModel"/>, or the error answer.</returns>
    [Get("/booking/v1/reservations/{id}/services")]
    Task<IApiResponse<ReservationServiceListModel>> GetReservationServicesAsync(
        string id,
        CancellationToken cancellationToken = default);
}
