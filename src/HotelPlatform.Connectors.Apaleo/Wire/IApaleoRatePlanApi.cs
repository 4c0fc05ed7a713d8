using Refit;

namespace HotelPlatform.Connectors.Apaleo.Wire;

/// <summary>The parts of Apaleo's Rate Plan API v1 the connector uses; paths and parameters from the current rateplan-v1 document [S-cur].</summary>
internal interface IApaleoRatePlanApi
{
    /// <summary>
    /// <c>GET /rateplan/v1/rate-plans</c>; scopes <c>rateplans.read</c>, <c>setup.read</c> or <c>setup.manage</c>
    /// ("If a client has no additional scopes, only public rate plans are returned"; <c>rateplans.read-corporate</c> adds
    /// corporate plans). 204 when none is found.
    /// </summary>
    /// <param name="propertyId">The property.</param>
    /// <param name="unitGroupIds">Only plans of these unit groups; <see langword="null"/> for all.</param>
    /// <param name="includeArchived">Whether archived plans are returned ("Defaults to false").</param>
    /// <param name="pageNumber">The 1-based page.</param>
    /// <param name="pageSize">Items per page.</param>
    /// <param name="expand">Embedded resources: property, unitGroup, cancellationPolicy, services, bookingPeriods, surcharges, ageCategories.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>200 with <see cref="RatePlanListModel"/>, 204, or the error answer.</returns>
    [Get("/rateplan/v1/rate-plans")]
    Task<IApiResponse<RatePlanListModel>> GetRatePlansAsync(
        string propertyId,
        [Query(CollectionFormat.Csv)] IEnumerable<string>? unitGroupIds,
        bool? includeArchived,
        int pageNumber,
        int pageSize,
        [Query(CollectionFormat.Csv)] IEnumerable<string>? expand = null,
        CancellationToken cancellationToken = default);

    /// <summary><c>GET /rateplan/v1/services</c>: the extras catalogue; scopes <c>services.read</c>, <c>setup.read</c> or <c>setup.manage</c>. 204 when none.</summary>
    /// <param name="propertyId">The property.</param>
    /// <param name="onlySoldAsExtras">"If set to true, return only services that can be sold as extras".</param>
    /// <param name="channelCodes">Only services sold through these channels.</param>
    /// <param name="pageNumber">The 1-based page.</param>
    /// <param name="pageSize">Items per page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>200 with <see cref="ServiceListModel"/>, 204, or the error answer.</returns>
    [Get("/rateplan/v1/services")]
    Task<IApiResponse<ServiceListModel>> GetServicesAsync(
        string propertyId,
        bool? onlySoldAsExtras,
        [Query(CollectionFormat.Csv)] IEnumerable<string>? channelCodes,
        int pageNumber,
        int pageSize,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>GET /rateplan/v1/rate-plans/{id}/rates</c>; scopes <c>rates.read</c> or <c>rates.manage</c>. Every time slice
    /// whose start is at or after <paramref name="from"/> and before <paramref name="to"/> ("Specify either a pure date or
    /// a date and time"), uninitialized ones with only from and to. 204 when none; 404 for an unknown rate plan.
    /// </summary>
    /// <param name="id">The rate plan.</param>
    /// <param name="from">The first night (its time slice starts on that date).</param>
    /// <param name="to">The day after the last night.</param>
    /// <param name="pageNumber">The 1-based page.</param>
    /// <param name="pageSize">Items per page ("Maximum: 500").</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>200 with <see cref="RateListModel"/>, 204, or the error answer.</returns>
    [Get("/rateplan/v1/rate-plans/{id}/rates")]
    Task<IApiResponse<RateListModel>> GetRatesAsync(string id, DateOnly from, DateOnly to, int pageNumber, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>PUT /rateplan/v1/rate-plans/{id}/rates</c>, "Initializes and changes the rates for the rate plan"; scope
    /// <c>rates.manage</c>. "All rates specified in the request will be initialized, or overwritten if they already
    /// exist", so sending the same body again sets the same values. 204 on success, 404, 422 <c>MessageItemCollection</c>.
    /// </summary>
    /// <param name="id">The rate plan.</param>
    /// <param name="rates">The rates, each with the from and to of one of the plan's time slices.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>204 or the error answer.</returns>
    [Put("/rateplan/v1/rate-plans/{id}/rates")]
    Task<IApiResponse> ReplaceRatesAsync(string id, [Body] ReplaceRateListModel rates, CancellationToken cancellationToken = default);
}
