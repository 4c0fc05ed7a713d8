using Refit;

namespace HotelPlatform.Connectors.Apaleo.Wire;

/// <summary>The parts of Apaleo's Inventory API v1 (inventory-v1.swagger.json, 2026) the connector uses.</summary>
internal interface IApaleoInventoryApi
{
    /// <summary><c>GET /inventory/v1/properties/{id}</c>: "You need to be authorized (no particular scope required)".</summary>
    /// <param name="id">The property id.</param>
    /// <param name="languages">"'all' or comma separated list of two-letter language codes"; <see langword="null"/> for Apaleo's default.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>200 with <see cref="PropertyModel"/>, or the error answer.</returns>
    [Get("/inventory/v1/properties/{id}")]
    Task<IApiResponse<PropertyModel>> GetPropertyAsync(
        string id,
        [Query(CollectionFormat.Csv)] IEnumerable<string>? languages = null,
        CancellationToken cancellationToken = default);

    /// <summary><c>GET /inventory/v1/unit-groups</c>; scopes <c>unitgroups.read</c>, <c>setup.read</c> or <c>setup.manage</c>. 204 when the page is empty.</summary>
    /// <param name="propertyId">The property.</param>
    /// <param name="unitGroupTypes">BedRoom, MeetingRoom, EventSpace, ParkingLot, Other; <see langword="null"/> for all.</param>
    /// <param name="pageNumber">The 1-based page.</param>
    /// <param name="pageSize">Items per page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>200 with <see cref="UnitGroupListModel"/>, 204 for an empty page, or the error answer.</returns>
    [Get("/inventory/v1/unit-groups")]
    Task<IApiResponse<UnitGroupListModel>> GetUnitGroupsAsync(
        string propertyId,
        [Query(CollectionFormat.Csv)] IEnumerable<string>? unitGroupTypes,
        int pageNumber,
        int pageSize,
        CancellationToken cancellationToken = default);
}
