using System.Globalization;
using HotelPlatform.Connectors.Simulators.Apaleo.Wire;

namespace HotelPlatform.Connectors.Simulators.Apaleo.State;

/// <summary>One rate of a rate plan on a night: its price (single occupancy) and restrictions; both <see langword="null"/> while not initialized.</summary>
internal sealed record StoredRate(decimal? Price, StoredRestrictions? Restrictions);

/// <summary>rateplan-v1 <c>RateRestrictionsModel</c> as the simulator holds it.</summary>
internal sealed record StoredRestrictions(int? MinLengthOfStay, int? MaxLengthOfStay, bool Closed, bool ClosedOnArrival, bool ClosedOnDeparture);

/// <summary>
/// Rates: the seeded prices and restrictions of the catalog until <c>PUT /rateplan/v1/rate-plans/{id}/rates</c>
/// overwrites a night, and the rules offers and bookings take from them (rates not set, closed, closed on arrival and
/// departure, minimum and maximum length of stay).
/// </summary>
internal sealed partial class ApaleoHotel
{
    /// <summary>The longest range of rates one request may read or write (the simulator's guard; the spec names none).</summary>
    private const int MaxRateRangeDays = 5 * 366;

    private readonly Dictionary<(string RatePlanId, DateOnly Night), StoredRate> _rates = [];

    /// <summary>
    /// The answer of <c>GET /rateplan/v1/rate-plans/{id}/rates</c>: every time slice whose start is at or after
    /// <paramref name="from"/> and before <paramref name="to"/>, uninitialized ones with only from and to; <see langword="null"/>
    /// when the rate plan does not exist.
    /// </summary>
    public IReadOnlyList<RateItemModel>? Rates(string ratePlanId, DateTimeOffset from, DateTimeOffset to)
    {
        lock (_gate)
        {
            if (Catalog.FindRatePlan(ratePlanId) is not { } plan)
            {
                return null;
            }

            var rates = new List<RateItemModel>();
            for (DateOnly night = Catalog.DateAt(from).AddDays(-1); Catalog.CheckInAt(night) < to; night = night.AddDays(1))
            {
                if (Catalog.CheckInAt(night) >= from)
                {
                    StoredRate rate = RateLocked(plan, night);
                    rates.Add(new RateItemModel(
                        Catalog.CheckInAt(night),
                        Catalog.CheckOutAt(night.AddDays(1)),
                        rate.Price is { } price ? Catalog.Money(price) : null,
                        rate.Restrictions is { } r ? RateRestrictionsModel.Of(r) : null));
                }
            }

            return rates;
        }
    }

    /// <summary>The messages refusing a rate range, empty when it is valid.</summary>
    public IReadOnlyList<string> CheckRateRange(DateTimeOffset from, DateTimeOffset to) =>
        to <= from ? [$"'to' ({to:O}) must be later than 'from' ({from:O})."]
        : to - from > TimeSpan.FromDays(MaxRateRangeDays) ? [$"A range of rates can span at most {MaxRateRangeDays.ToString(CultureInfo.InvariantCulture)} days."]
        : [];

    /// <summary>
    /// <c>PUT /rateplan/v1/rate-plans/{id}/rates</c>: "All rates specified in the request will be initialized, or
    /// overwritten if they already exist" — whole or not at all. Each rate's from and to must be a time slice of the plan
    /// (check-in to the next day's check-out), its price in the property's currency and not negative, its minimum length
    /// of stay not above its maximum.
    /// </summary>
    /// <returns><see langword="null"/> when stored; 404 for an unknown rate plan; 422 with every reason otherwise.</returns>
    public ApaleoRefusal? ReplaceRates(string ratePlanId, IReadOnlyList<ReplaceRateModel> rates)
    {
        lock (_gate)
        {
            if (Catalog.FindRatePlan(ratePlanId) is not { } plan)
            {
                return ApaleoRefusal.NotFound();
            }

            var messages = new List<string>();
            var nights = new List<(DateOnly Night, StoredRate Rate)>();
            for (int i = 0; i < rates.Count; i++)
            {
                ReplaceRateModel rate = rates[i];
                string at = $"rates[{i.ToString(CultureInfo.InvariantCulture)}]";
                DateOnly night = Catalog.DateAt(rate.From);
                if (rate.From != Catalog.CheckInAt(night) || rate.To != Catalog.CheckOutAt(night.AddDays(1)))
                {
                    messages.Add($"{at}: from {rate.From:O} and to {rate.To:O} do not match a time slice of rate plan '{plan.Id}' (check-in {ApaleoCatalog.CheckInTime:HH\\:mm} to check-out {ApaleoCatalog.CheckOutTime:HH\\:mm} the next day, property time).");
                }

                if (rate.Price is { } price && price.Currency != Catalog.Currency)
                {
                    messages.Add($"{at}: the price is in {price.Currency}; rate plan '{plan.Id}' is priced in {Catalog.Currency}.");
                }

                if (rate.Price is { Amount: < 0 })
                {
                    messages.Add($"{at}: the price cannot be negative.");
                }

                if (rate.Restrictions is { MinLengthOfStay: { } min, MaxLengthOfStay: { } max } && min > max)
                {
                    messages.Add($"{at}: the minimum length of stay ({min.ToString(CultureInfo.InvariantCulture)}) is above the maximum ({max.ToString(CultureInfo.InvariantCulture)}).");
                }

                nights.Add((night, new StoredRate(rate.Price?.Amount, rate.Restrictions?.ToStored())));
            }

            if (messages.Count > 0)
            {
                return ApaleoRefusal.Rule(messages);
            }

            foreach ((DateOnly night, StoredRate rate) in nights)
            {
                _rates[(plan.Id, night)] = rate;
            }

            return null;
        }
    }

    /// <summary>The rate of a plan on a night: what was put, else the catalog's seeded price and minimum stay (nights outside the seeded range are not initialized).</summary>
    private StoredRate RateLocked(RatePlanDef plan, DateOnly night) =>
        _rates.TryGetValue((plan.Id, night), out StoredRate? rate) ? rate
        : Catalog.HasRate(night) ? new StoredRate(Catalog.NightPrice(plan, night), new StoredRestrictions(Catalog.MinLengthOfStay(plan, night), null, false, false, false))
        : new StoredRate(null, null);

    /// <summary>The price a night is sold at: the rate's, or the catalog's where a booking names a night without one (refused before it is priced).</summary>
    private decimal NightPriceLocked(RatePlanDef plan, DateOnly night) => RateLocked(plan, night).Price ?? Catalog.NightPrice(plan, night);

    /// <summary>Why the rates of a stay refuse it (Apaleo's <c>RatesNotSet</c> and <c>RateRestrictionsViolated</c>).</summary>
    private void RateViolations(IReadOnlyList<RatePlanDef> nightPlans, StayQuery stay, List<OfferValidationMessageModel> violations)
    {
        for (int i = 0; i < nightPlans.Count; i++)
        {
            DateOnly night = stay.Arrival.AddDays(i);
            RatePlanDef plan = nightPlans[i];
            StoredRate rate = RateLocked(plan, night);
            if (rate.Price is null)
            {
                violations.Add(new(OfferValidationCode.RatesNotSet, $"No rates are set for rate plan '{plan.Id}' on {Format(night)}."));
            }

            if (rate.Restrictions is { Closed: true })
            {
                violations.Add(Restricted(plan, $"it is closed on {Format(night)}"));
            }
        }

        RatePlanDef first = nightPlans[0];
        StoredRestrictions? arrival = RateLocked(first, stay.Arrival).Restrictions;
        if (arrival is { ClosedOnArrival: true })
        {
            violations.Add(Restricted(first, $"it is closed for arrival on {Format(stay.Arrival)}"));
        }

        if (arrival?.MinLengthOfStay is { } minimum && stay.Nights < minimum)
        {
            violations.Add(Restricted(first, $"it requires a minimum stay of {minimum.ToString(CultureInfo.InvariantCulture)} nights for arrival on {Format(stay.Arrival)}"));
        }

        if (arrival?.MaxLengthOfStay is { } maximum && stay.Nights > maximum)
        {
            violations.Add(Restricted(first, $"it allows a maximum stay of {maximum.ToString(CultureInfo.InvariantCulture)} nights for arrival on {Format(stay.Arrival)}"));
        }

        RatePlanDef last = nightPlans[^1];
        if (RateLocked(last, stay.Departure).Restrictions is { ClosedOnDeparture: true })
        {
            violations.Add(Restricted(last, $"it is closed for departure on {Format(stay.Departure)}"));
        }
    }

    private static OfferValidationMessageModel Restricted(RatePlanDef plan, string why) =>
        new(OfferValidationCode.RateRestrictionsViolated, $"The rate restrictions of rate plan '{plan.Id}' are violated: {why}.");
}
