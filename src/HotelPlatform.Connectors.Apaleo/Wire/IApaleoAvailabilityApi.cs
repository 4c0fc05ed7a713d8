using Refit;

namespace HotelPlatform.Connectors.Apaleo.Wire;

/// <summary>The parts of Apaleo's Availability API v1 the connector uses; from the current availability-v1 document [S-cur].</summary>
internal interface IApaleoAvailabilityApi
{
    /// <summary>
    /// <c>GET /availability/v1/unit-groups</c>; scope <c>availability.read</c>. <paramref name="from"/> and
    /// <paramref name="to"/> are dates and "the given day will be included in the response" — so for a stay the
    /// connector asks from the arrival to the last night (departure minus one). 204 when nothing matches.
    /// </summary>
    /// <param name="propertyId">The property.</param>
    /// <param name="from">The first night.</param>
    /// <param name="to">The last night (included).</param>
    /// <param name="unitGroupIds">Only these unit groups; <see langword="null"/> for all.</param>
    /// <param name="timeSliceTemplate">DayUse or OverNight ("defaults to 'over night'").</param>
    /// <param name="onlySellable">Only unit groups sold by the template.</param>
    /// <param name="pageNumber">The 1-based page.</param>
    /// <param name="pageSize">Items per page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>200 with <see cref="AvailableUnitGroupListModel"/>, 204, or the error answer.</returns>
    [Get("/availability/v1/unit-groups")]
    Task<IApiResponse<AvailableUnitGroupListModel>> GetUnitGroupAvailabilityAsync(
        string propertyId,
        DateOnly from,
        DateOnly to,
        [Query(CollectionFormat.Csv)] IEnumerable<string>? unitGroupIds,
        string? timeSliceTemplate,
        bool? onlySellable,
        int pageNumber,
        int pageSize,
        CancellationToken cancellationToken = default);
}
