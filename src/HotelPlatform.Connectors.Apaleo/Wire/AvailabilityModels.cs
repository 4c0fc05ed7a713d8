// availability-v1 is not among the saved specs; these definitions are from the current "apaleo Availability API" v1
// at Altricch/ApaleoOnPrem@e5de34d0 specs/availability-v1.json ([S-cur]); the saved example
// availability.AvailableUnitGroupListModel.example.json was transcribed from the same document.
namespace HotelPlatform.Connectors.Apaleo.Wire;

/// <summary>availability-v1 <c>AvailableUnitGroupListModel</c>, the answer of <c>GET /availability/v1/unit-groups</c> [S-cur].</summary>
internal sealed record AvailableUnitGroupListModel
{
    public IReadOnlyList<UnitGroupAvailabilityTimeSliceItemModel> TimeSlices { get; init; } = [];

    public long Count { get; init; }
}

/// <summary>availability-v1 <c>UnitGroupAvailabilityTimeSliceItemModel</c>: one time slice (one night for the OverNight template) [S-cur].</summary>
internal sealed record UnitGroupAvailabilityTimeSliceItemModel
{
    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    public PropertyAvailabilityModel? Property { get; init; }

    public IReadOnlyList<UnitGroupAvailabilityItemModel> UnitGroups { get; init; } = [];
}

/// <summary>availability-v1 <c>PropertyAvailabilityModel</c> [S-cur].</summary>
internal sealed record PropertyAvailabilityModel
{
    public int PhysicalCount { get; init; }

    public int HouseCount { get; init; }

    public int SoldCount { get; init; }

    /// <summary>Gets "the number of units available for selling ... Any defined overbooking limits are also already considered".</summary>
    public int SellableCount { get; init; }
}

/// <summary>availability-v1 <c>UnitGroupAvailabilityItemModel</c> [S-cur].</summary>
internal sealed record UnitGroupAvailabilityItemModel
{
    public required EmbeddedUnitGroupModel UnitGroup { get; init; }

    public int PhysicalCount { get; init; }

    public int HouseCount { get; init; }

    public int SoldCount { get; init; }

    /// <summary>Gets "the house count excluding the out of order units minus the already sold units" (ignores overbooking and the house-level limit).</summary>
    public int AvailableCount { get; init; }

    /// <summary>
    /// Gets "the number of units available for selling already considering any defined overbooking limits. This number
    /// is the minimum of sellable units for the whole property ... and the sellable units of this unit group" — what
    /// the normalised grid reports as available.
    /// </summary>
    public int SellableCount { get; init; }

    public int AllowedOverbookingCount { get; init; }
}
