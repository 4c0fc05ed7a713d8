using HotelPlatform.Connectors.Simulators.Apaleo.Wire;

namespace HotelPlatform.Connectors.Simulators.Apaleo.State;

/// <summary>The stay an offer or service offer is asked for, already read from the query.</summary>
internal sealed record StayQuery(DateOnly Arrival, DateOnly Departure, int Adults, IReadOnlyList<int> ChildrenAges)
{
    public int Nights => Departure.DayNumber - Arrival.DayNumber;

    public int Persons => Adults + ChildrenAges.Count;
}

/// <summary>The filters of <c>GET /booking/v1/offers</c> besides the stay.</summary>
internal sealed record OfferFilter(
    IReadOnlyList<string> UnitGroupIds,
    IReadOnlyList<UnitGroupType> UnitGroupTypes,
    ChannelCode? ChannelCode,
    bool IncludeUnavailable);

/// <summary>A <c>balanceFilter</c> expression: <c>OPERATION_VALUE</c>.</summary>
internal sealed record BalanceCondition(string Operation, decimal Value)
{
    public bool Matches(decimal balance) => Operation switch
    {
        "eq" => balance == Value,
        "neq" => balance != Value,
        "lt" => balance < Value,
        "gt" => balance > Value,
        "lte" => balance <= Value,
        _ => balance >= Value,
    };
}

/// <summary>A <c>sort</c> item of the reservation list (<c>arrival:asc</c>).</summary>
internal sealed record ReservationSort(string Field, bool Descending);

/// <summary>The filters of <c>GET /booking/v1/reservations</c>, already read from the query.</summary>
internal sealed record ReservationListQuery
{
    public string? BookingId { get; init; }

    public IReadOnlyList<string> PropertyIds { get; init; } = [];

    public IReadOnlyList<string> RatePlanIds { get; init; } = [];

    public IReadOnlyList<string> CompanyIds { get; init; } = [];

    public IReadOnlyList<string> UnitIds { get; init; } = [];

    public IReadOnlyList<string> UnitGroupIds { get; init; } = [];

    public IReadOnlyList<UnitGroupType> UnitGroupTypes { get; init; } = [];

    public IReadOnlyList<string> BlockIds { get; init; } = [];

    public IReadOnlyList<ApaleoReservationStatus> Statuses { get; init; } = [];

    public ReservationDateFilter? DateFilter { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public IReadOnlyList<ChannelCode> ChannelCodes { get; init; } = [];

    public IReadOnlyList<string> Sources { get; init; } = [];

    public IReadOnlyList<string> ValidationMessageCategories { get; init; } = [];

    public string? ExternalCode { get; init; }

    public string? TextSearch { get; init; }

    public IReadOnlyList<BalanceCondition> BalanceFilter { get; init; } = [];

    public bool? AllFoliosHaveInvoice { get; init; }

    public IReadOnlyList<ReservationSort> Sort { get; init; } = [];
}

/// <summary>The members of a reservation expanded on request (<c>expand=timeSlices,services,…</c>).</summary>
[Flags]
internal enum ReservationExpansion
{
    None = 0,
    TimeSlices = 1,
    Services = 2,
    Booker = 4,
    Actions = 8,
    Company = 16,
    AssignedUnits = 32,
}
