// rateplan-v1 is not among the saved specs: these members are from the current "apaleo Rate Plan API" v1 document at
// Altricch/ApaleoOnPrem@e5de34d0 specs/rateplan-v1.json ([S-cur]), definitions RateListModel, RateItemModel,
// CalculatedRateModel, RateRestrictionsModel, ReplaceRateListModel and ReplaceRateModel (docs/connectors/apaleo.md, "Rate and
// availability push", lists the source and how sure it is).
namespace HotelPlatform.Connectors.Apaleo.Wire;

/// <summary>rateplan-v1 <c>RateListModel</c>, the answer of <c>GET /rateplan/v1/rate-plans/{id}/rates</c> (<c>rates</c>, <c>count</c> required) [S-cur].</summary>
internal sealed record RateListModel
{
    public IReadOnlyList<RateItemModel> Rates { get; init; } = [];

    public long Count { get; init; }
}

/// <summary>
/// rateplan-v1 <c>RateItemModel</c> (<c>from</c>, <c>to</c> required): one time slice of a rate plan. "If a rate has not
/// been initialized, it will still be returned, but anything besides the from and to values will be empty" [S-cur].
/// </summary>
internal sealed record RateItemModel
{
    /// <summary>Gets "date and time the rate begins" (the time slice's check-in).</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>Gets "date and time the rate ends" (the next day's check-out).</summary>
    public required DateTimeOffset To { get; init; }

    /// <summary>Gets the price of the rate: single occupancy (occupancies 2 and more are <see cref="CalculatedPrices"/>).</summary>
    public MonetaryValueModel? Price { get; init; }

    public MonetaryValueModel? IncludedServicesPrice { get; init; }

    /// <summary>Gets "a list of prices for occupancies 2 or higher. Only set, if the rate plan defines surcharges for different occupancies".</summary>
    public IReadOnlyList<CalculatedRateModel>? CalculatedPrices { get; init; }

    public RateRestrictionsModel? Restrictions { get; init; }
}

/// <summary>rateplan-v1 <c>CalculatedRateModel</c> (<c>adults</c>, <c>price</c> required) [S-cur].</summary>
internal sealed record CalculatedRateModel
{
    public int Adults { get; init; }

    public required MonetaryValueModel Price { get; init; }
}

/// <summary>
/// rateplan-v1 <c>RateRestrictionsModel</c> (<c>closed</c>, <c>closedOnArrival</c>, <c>closedOnDeparture</c> required;
/// the lengths of stay are nullable, minimum 1) [S-cur].
/// </summary>
internal sealed record RateRestrictionsModel
{
    /// <summary>Gets the minimum length of stay: "If at least this number of time slices are covered by the stay duration the rate will be offered."</summary>
    public int? MinLengthOfStay { get; init; }

    /// <summary>Gets the maximum length of stay: "If not more than this number of time slices are covered by the stay duration the rate will be offered."</summary>
    public int? MaxLengthOfStay { get; init; }

    /// <summary>Gets "whether the rate can be booked for a stay-through reservation".</summary>
    public bool Closed { get; init; }

    /// <summary>Gets "whether the rate can be booked on the reservation's arrival date".</summary>
    public bool ClosedOnArrival { get; init; }

    /// <summary>Gets "whether the rate can be booked on the reservation's departure date".</summary>
    public bool ClosedOnDeparture { get; init; }
}

/// <summary>rateplan-v1 <c>ReplaceRateListModel</c> (<c>rates</c> required), the body of <c>PUT /rateplan/v1/rate-plans/{id}/rates</c> [S-cur].</summary>
internal sealed record ReplaceRateListModel
{
    public required IReadOnlyList<ReplaceRateModel> Rates { get; init; }
}

/// <summary>
/// rateplan-v1 <c>ReplaceRateModel</c> (<c>from</c>, <c>to</c> required; <c>price</c>, <c>restrictions</c> optional). The
/// rate is "initialized, or overwritten if [it] already exist[s]"; from and to must "match the time slice definition of
/// the rate plan" [S-cur].
/// </summary>
internal sealed record ReplaceRateModel
{
    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    public MonetaryValueModel? Price { get; init; }

    public RateRestrictionsModel? Restrictions { get; init; }
}
