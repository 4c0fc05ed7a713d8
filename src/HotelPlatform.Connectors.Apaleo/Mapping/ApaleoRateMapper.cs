using System.Globalization;
using HotelPlatform.Connectors.Apaleo.Wire;

namespace HotelPlatform.Connectors.Apaleo.Mapping;

/// <summary>What a push changes on one night of one rate plan: the price for one adult and the restriction values, in the order given.</summary>
/// <param name="RoomTypeId">The room type the caller named (Apaleo's rate plan belongs to exactly one unit group).</param>
internal sealed record ApaleoNightChange(string RoomTypeId)
{
    /// <summary>Gets the new price, or <see langword="null"/> to keep Apaleo's.</summary>
    public MonetaryValueModel? Price { get; init; }

    /// <summary>Gets the restriction values; a member left null keeps Apaleo's.</summary>
    public IReadOnlyList<PmsRestrictionValue> Restrictions { get; init; } = [];
}

/// <summary>
/// Maps the vendor-neutral <see cref="PmsRatesAndAvailabilityUpdate"/> to rateplan-v1 rates. Apaleo keeps one rate per
/// rate plan and time slice: a price (<c>price</c>, single occupancy; other occupancies are "calculated" from the rate
/// plan's surcharges) and <c>restrictions</c> (<c>minLengthOfStay</c>, <c>maxLengthOfStay</c>, <c>closed</c>,
/// <c>closedOnArrival</c>, <c>closedOnDeparture</c>). <c>PUT .../rates</c> overwrites a whole rate, so the rates are
/// read first and the values the update leaves out are sent back as Apaleo had them — the way the spec itself advises
/// ("calling the GET /rate-plans/{id}/rates for the time range you want to update and then resend the payload with the
/// set prices and restrictions").
/// </summary>
internal static class ApaleoRateMapper
{
    /// <summary>The connector operation of a push, in errors and telemetry.</summary>
    public const string ApaleoRatesOperation = "PushRatesAndAvailability";

    /// <summary>The number of adults whose price is a rate's <c>price</c>: Apaleo's surcharges start "from occupancy of 2 adults".</summary>
    public const int PricedAdults = 1;

    /// <summary>
    /// The most rates one <c>PUT</c> carries. rateplan-v1 documents no limit for the body; the connector never writes more
    /// time slices at once than it reads in one page (<see cref="ApaleoQueryValues.MaxPageSize"/>).
    /// </summary>
    public const int MaxRatesPerRequest = ApaleoQueryValues.MaxPageSize;

    /// <summary>
    /// Refuses a rate Apaleo cannot hold: a price for any occupancy but one adult. Apaleo derives those from the rate
    /// plan's surcharges (<c>calculatedPrices</c>: "Only set, if the rate plan defines surcharges"), which a rate push
    /// does not write, so sending only the one-adult price would silently drop the others.
    /// </summary>
    /// <param name="update">The update.</param>
    /// <exception cref="PmsNotSupportedException">A rate has an amount for another number of adults, or none for one adult.</exception>
    public static void EnsureExpressible(PmsRatesAndAvailabilityUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        foreach (var rate in update.Rates)
        {
            if (rate.AmountsByAdults.Count == 1 && rate.AmountsByAdults.ContainsKey(PricedAdults))
            {
                continue;
            }

            var others = string.Join(", ", rate.AmountsByAdults.Keys.Where(a => a != PricedAdults).Order().Select(a => a.ToString(CultureInfo.InvariantCulture)));
            throw new PmsNotSupportedException(
                $"{PmsVendors.Apaleo} takes one price per rate plan and night, the price for 1 adult (rateplan-v1 ReplaceRateModel.price); " +
                $"the prices for more adults come from the rate plan's surcharges, which a rate push does not write. Rate plan '{rate.RatePlanId}' on {Format(rate.Date)} " +
                (others.Length == 0 ? "has no amount for 1 adult." : $"has amounts for {others} adults: send only the amount for 1 adult and set the surcharges in Apaleo."))
            {
                Feature = IPmsRatesAndAvailabilityPush.FeatureName,
            };
        }
    }

    /// <summary>The update's changes by rate plan and night; of a price given twice for a night, the last counts.</summary>
    /// <param name="update">The update.</param>
    /// <returns>The changes, rate plans in ordinal order, nights ascending.</returns>
    public static IReadOnlyDictionary<string, SortedDictionary<DateOnly, ApaleoNightChange>> ByRatePlan(PmsRatesAndAvailabilityUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var plans = new SortedDictionary<string, SortedDictionary<DateOnly, ApaleoNightChange>>(StringComparer.Ordinal);
        SortedDictionary<DateOnly, ApaleoNightChange> Nights(string ratePlanId) =>
            plans.TryGetValue(ratePlanId, out var nights) ? nights : plans[ratePlanId] = [];

        foreach (var rate in update.Rates)
        {
            var nights = Nights(rate.RatePlanId);
            var change = nights.GetValueOrDefault(rate.Date) ?? new ApaleoNightChange(rate.RoomTypeId);
            nights[rate.Date] = change with { Price = new MonetaryValueModel(rate.AmountsByAdults[PricedAdults], rate.Currency) };
        }

        foreach (var restriction in update.Restrictions)
        {
            var nights = Nights(restriction.RatePlanId);
            var change = nights.GetValueOrDefault(restriction.Date) ?? new ApaleoNightChange(restriction.RoomTypeId);
            nights[restriction.Date] = change with { Restrictions = [.. change.Restrictions, restriction] };
        }

        return plans;
    }

    /// <summary>
    /// The rates to send for one rate plan: each changed night's current rate (its time slice's <c>from</c> and
    /// <c>to</c>, its price and restrictions) with the update's values applied; a night whose rate would not change is
    /// left out.
    /// </summary>
    /// <param name="ratePlanId">The rate plan, for messages.</param>
    /// <param name="changes">The changes by night.</param>
    /// <param name="current">Apaleo's rates of the plan by night (the property-local date their time slice starts on).</param>
    /// <returns>The rates to send, nights ascending.</returns>
    /// <exception cref="PmsValidationException">Apaleo has no time slice of the plan starting on a changed night.</exception>
    public static IReadOnlyList<ReplaceRateModel> ToReplacements(string ratePlanId, IReadOnlyDictionary<DateOnly, ApaleoNightChange> changes, IReadOnlyDictionary<DateOnly, RateItemModel> current)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(current);
        var missing = changes.Keys.Where(n => !current.ContainsKey(n)).Order().ToList();
        if (missing.Count > 0)
        {
            throw new PmsValidationException(
                $"{PmsVendors.Apaleo}: rate plan '{ratePlanId}' has no rate (time slice) starting on {string.Join(", ", missing.Select(Format))}; nothing was sent.")
            {
                Vendor = PmsVendors.Apaleo,
                Operation = ApaleoRatesOperation,
                Field = "Date",
            };
        }

        var replacements = new List<ReplaceRateModel>();
        foreach (var (night, change) in changes.OrderBy(c => c.Key))
        {
            var rate = current[night];
            var price = change.Price ?? rate.Price;
            var restrictions = change.Restrictions.Aggregate(rate.Restrictions, Apply);
            if (price == rate.Price && restrictions == rate.Restrictions)
            {
                continue; // Apaleo has these values already.
            }

            replacements.Add(new ReplaceRateModel { From = rate.From, To = rate.To, Price = price, Restrictions = restrictions });
        }

        return replacements;
    }

    /// <summary>The night a rate is for: the property-local date its time slice starts on.</summary>
    /// <param name="rate">The rate.</param>
    /// <param name="zone">The property's time zone.</param>
    /// <returns>The night.</returns>
    public static DateOnly NightOf(RateItemModel rate, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(rate);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(rate.From, zone).DateTime);
    }

    /// <summary>
    /// Applies a restriction value to a rate's restrictions. An uninitialized rate has none; Apaleo requires the three
    /// flags whenever restrictions are sent, so they start open (<see langword="false"/>) and without lengths of stay.
    /// </summary>
    private static RateRestrictionsModel Apply(RateRestrictionsModel? current, PmsRestrictionValue value)
    {
        var restrictions = current ?? new RateRestrictionsModel();
        return restrictions with
        {
            Closed = value.Closed ?? restrictions.Closed,
            ClosedOnArrival = value.ClosedToArrival ?? restrictions.ClosedOnArrival,
            ClosedOnDeparture = value.ClosedToDeparture ?? restrictions.ClosedOnDeparture,
            MinLengthOfStay = value.MinStay ?? restrictions.MinLengthOfStay,
            MaxLengthOfStay = value.MaxStay ?? restrictions.MaxLengthOfStay,
        };
    }

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
