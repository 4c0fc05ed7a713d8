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
}
