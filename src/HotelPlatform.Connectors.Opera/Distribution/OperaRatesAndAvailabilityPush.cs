using HotelPlatform.Connectors.Http;
using HotelPlatform.Connectors.Opera.Wire;

namespace HotelPlatform.Connectors.Opera.Distribution;

/// <summary>
/// The vendor-neutral <see cref="IPmsRatesAndAvailabilityPush"/> over OHIP's property APIs: restrictions through par
/// <c>postRestriction</c>, nightly rates through rtp <c>setRatePlanSchedules</c>. Availability is not taken: OPERA
/// derives rooms left to sell from its rooms and reservations (inv's sell limits cap the rooms sold in total, a
/// different value; docs/connectors/opera.md says why it is not mapped).
/// </summary>
/// <remarks>
/// Nights of a room type and rate plan with the same value are sent as one date range, and room types sharing a range
/// and value as one item listing them (at most <see cref="OperaLimits.MaxCodesPerItem"/>); rate schedules go at most
/// <see cref="OperaLimits.MaxSchedulesPerRequest"/> a request, one request per rate plan (the code is in the path), a
/// restriction is one request. Every value is checked before the first request is sent.
/// </remarks>
internal sealed class OperaRatesAndAvailabilityPush(OperaClients clients, string hotelId, Func<CancellationToken, ValueTask<IReadOnlyList<RatePlan>>> ratePlans) : IPmsRatesAndAvailabilityPush
{
    private const string Operation = "PushRatesAndAvailability";

    private readonly OperaResponses _responses = OperaResponses.Instance;

    public PmsPushParts Parts => PmsPushParts.Restrictions | PmsPushParts.Rates;

    public async Task<PmsPushResult> PushAsync(PmsRatesAndAvailabilityUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        update.EnsureOnly(Parts, PmsVendors.Opera);
        var restrictions = Restrictions(update.Restrictions);
        var schedules = Schedules(update.Rates);
        if (restrictions.Count == 0 && schedules.Count == 0)
        {
            return new PmsPushResult(0, []);
        }

        await EnsureCurrenciesAsync(update.Rates, cancellationToken).ConfigureAwait(false);
        var warnings = new List<string>();
        var requests = 0;

        // Pushes set values (a restriction code over a range, the amounts of a schedule): sending one again leaves OPERA
        // as it was, so the pipeline may retry these writes like reads although OHIP has no idempotency key.
        using (PmsOperation.Begin(Operation, PmsOperationIntent.IdempotentWrite))
        {
            foreach (var restriction in restrictions)
            {
                var answer = await _responses.ReadAsync(
                    clients.Api.CreateRestrictionAsync(hotelId, new CreateRestrictionRequest(restriction), cancellationToken),
                    new OperaCall(Operation),
                    cancellationToken).ConfigureAwait(false);
                requests++;
                Collect(answer, warnings);
            }

            foreach (var (ratePlan, list) in schedules)
            {
                foreach (var batch in list.Chunk(OperaLimits.MaxSchedulesPerRequest))
                {
                    var answer = await _responses.ReadAsync(
                        clients.Api.SetRatePlanSchedulesAsync(hotelId, ratePlan, new RatePlanSchedulesToSet(hotelId, ratePlan, batch), cancellationToken),
                        new OperaCall(Operation) { EntityType = "RatePlan", EntityId = ratePlan },
                        cancellationToken).ConfigureAwait(false);
                    requests++;
                    Collect(answer, warnings);
                }
            }
        }

        return new PmsPushResult(requests, warnings);
    }

    /// <summary>par restrictions: each field set becomes a restriction code (false opens: Open, OpenForArrival, OpenForDeparture).</summary>
    internal static List<CreateRestrictionModel> Restrictions(IReadOnlyList<PmsRestrictionValue> values)
    {
        // The last value of a night wins, as if the values were pushed one after the other.
        var nights = new Dictionary<(string RatePlan, string Family, string RoomType, DateOnly Night), RestrictionStatus>();
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            foreach (var (family, status) in Statuses(value, i))
            {
                nights[(value.RatePlanId, family, value.RoomTypeId, value.Date)] = status;
            }
        }

        return [.. Ranges(nights.Select(n => (Key: (n.Key.RatePlan, n.Key.Family, n.Value), n.Key.RoomType, n.Key.Night)))
            .SelectMany(range => range.RoomTypes.Chunk(OperaLimits.MaxCodesPerItem).Select(roomTypes => Everyday(new CreateRestrictionModel
            {
                RestrictionStatus = range.Key.Value,
                RatePlanCodes = [range.Key.RatePlan],
                RoomTypes = roomTypes,
                Start = range.Start,
                End = range.End,
            })))];
    }

    /// <summary>rtp schedules per rate plan: the amounts by persons (one to five) of each night.</summary>
    internal static List<(string RatePlan, List<RatePlanScheduleDetail> Schedules)> Schedules(IReadOnlyList<PmsRateValue> values)
    {
        var nights = new Dictionary<(string RatePlan, string RoomType, DateOnly Night), ScheduleRateAmounts>();
        for (var i = 0; i < values.Count; i++)
        {
            nights[(values[i].RatePlanId, values[i].RoomTypeId, values[i].Date)] = Amounts(values[i], i);
        }

        var schedules = Ranges(nights.Select(n => (Key: (n.Key.RatePlan, n.Value), n.Key.RoomType, n.Key.Night)))
            .SelectMany(range => range.RoomTypes.Chunk(OperaLimits.MaxCodesPerItem).Select(roomTypes => (range.Key.RatePlan, Schedule: Everyday(new RatePlanScheduleDetail
            {
                RateAmounts = range.Key.Value,
                Start = range.Start,
                End = range.End,
                RoomTypeList = roomTypes,
            }))));
        return [.. schedules.GroupBy(s => s.RatePlan, StringComparer.Ordinal).Select(plan => (plan.Key, plan.Select(s => s.Schedule).ToList()))];
    }

    /// <summary>
    /// Runs of consecutive nights of a room type with the same key, then the room types that share a run: one item each.
    /// Sorted, so that the same update always makes the same requests.
    /// </summary>
    private static IEnumerable<(TKey Key, DateOnly Start, DateOnly End, string[] RoomTypes)> Ranges<TKey>(IEnumerable<(TKey Key, string RoomType, DateOnly Night)> nights)
        where TKey : notnull
    {
        var runs = nights.GroupBy(n => (n.Key, n.RoomType)).SelectMany(group =>
            PmsNightRuns.Split(group.Select(n => n.Night).Order(), n => n, (_, _) => true)
                .Select(run => (group.Key.Key, group.Key.RoomType, Start: run[0], End: run[^1])));

        return runs
            .GroupBy(r => (r.Key, r.Start, r.End))
            .OrderBy(g => g.Key.Start)
            .ThenBy(g => g.Key.End)
            .Select(g => (g.Key.Key, g.Key.Start, g.Key.End, g.Select(r => r.RoomType).Order(StringComparer.Ordinal).ToArray()));
    }

    private static IEnumerable<(string Family, RestrictionStatus Status)> Statuses(PmsRestrictionValue value, int index)
    {
        if (value.Closed is { } closed)
        {
            yield return ("Closed", new RestrictionStatus(closed ? "Closed" : "Open", null));
        }

        if (value.ClosedToArrival is { } arrival)
        {
            yield return ("Arrival", new RestrictionStatus(arrival ? "ClosedForArrival" : "OpenForArrival", null));
        }

        if (value.ClosedToDeparture is { } departure)
        {
            yield return ("Departure", new RestrictionStatus(departure ? "ClosedForDeparture" : "OpenForDeparture", null));
        }

        if (value.MinStay is { } min)
        {
            yield return ("MinimumLengthOfStay", new RestrictionStatus("MinimumLengthOfStay", Nights(min, index, nameof(value.MinStay))));
        }

        if (value.MaxStay is { } max)
        {
            yield return ("MaximumLengthOfStay", new RestrictionStatus("MaximumLengthOfStay", Nights(max, index, nameof(value.MaxStay))));
        }
    }

    private static int Nights(int nights, int index, string member) =>
        nights >= 1
            ? nights
            : throw Invalid($"Restrictions[{index}].{member}", $"a length of stay is 1 night or more (par restrictionStatusType.unit); {nights} was given.");

    private static ScheduleRateAmounts Amounts(PmsRateValue value, int index)
    {
        var field = $"Rates[{index}].AmountsByAdults";
        if (value.AmountsByAdults.Count == 0)
        {
            throw Invalid(field, $"rate of room type {value.RoomTypeId}, rate plan {value.RatePlanId} on {value.Date:yyyy-MM-dd} has no amount.");
        }

        if (value.AmountsByAdults.Keys.Where(adults => adults is < 1 or > OperaLimits.MaxPersonsPerRate).Select(adults => (int?)adults).FirstOrDefault() is { } adults)
        {
            throw new PmsNotSupportedException(
                $"{PmsVendors.Opera} cannot take an amount for {adults} adults ({field}, room type {value.RoomTypeId}, rate plan {value.RatePlanId}, {value.Date:yyyy-MM-dd}): an OPERA rate schedule has amounts for 1 to {OperaLimits.MaxPersonsPerRate} persons (rtp scheduleRateAmountsType onePersonRate..fivePersonRate).")
            {
                Vendor = PmsVendors.Opera,
                Operation = Operation,
                Feature = IPmsRatesAndAvailabilityPush.FeatureName,
            };
        }

        if (value.AmountsByAdults.Values.Any(amount => amount < 0))
        {
            throw Invalid(field, $"rate of room type {value.RoomTypeId}, rate plan {value.RatePlanId} on {value.Date:yyyy-MM-dd} has a negative amount.");
        }

        decimal? For(int persons) => value.AmountsByAdults.TryGetValue(persons, out var amount) ? amount : null;
        return new ScheduleRateAmounts { OnePersonRate = For(1), TwoPersonRate = For(2), ThreePersonRate = For(3), FourPersonRate = For(4), FivePersonRate = For(5) };
    }

    /// <summary>
    /// An rtp schedule carries no currency: its amounts are in the rate plan's (<c>transactionDetails.currencyCode</c>).
    /// A rate in another currency is refused rather than written as if it were in the plan's; a rate plan OHIP does not
    /// list is left for OHIP to refuse.
    /// </summary>
    private async Task EnsureCurrenciesAsync(IReadOnlyList<PmsRateValue> rates, CancellationToken cancellationToken)
    {
        if (rates.Count == 0)
        {
            return;
        }

        var plans = (await ratePlans(cancellationToken).ConfigureAwait(false)).Where(p => p.Currency is not null).ToDictionary(p => p.VendorId, p => p.Currency!, StringComparer.Ordinal);
        for (var i = 0; i < rates.Count; i++)
        {
            if (plans.TryGetValue(rates[i].RatePlanId, out var currency) && !string.Equals(currency, rates[i].Currency, StringComparison.OrdinalIgnoreCase))
            {
                throw Invalid($"Rates[{i}].Currency", $"rate plan {rates[i].RatePlanId} is priced in {currency}, not {rates[i].Currency} (an OPERA rate schedule has no currency of its own).");
            }
        }
    }

    /// <summary>Flags every weekday: OHIP reads unflagged weekdays as left out of the range (the spec gives no default).</summary>
    private static T Everyday<T>(T item)
        where T : WeekdayFlags =>
        (T)((WeekdayFlags)item with { Sunday = true, Monday = true, Tuesday = true, Wednesday = true, Thursday = true, Friday = true, Saturday = true });

    private static void Collect(StatusModel? answer, List<string> warnings) =>
        warnings.AddRange((answer?.Warnings ?? []).Select(w => w.ShortText ?? w.Value ?? w.Code).OfType<string>());

    private static PmsValidationException Invalid(string field, string message) =>
        new($"{PmsVendors.Opera} {Operation}: {message}") { Vendor = PmsVendors.Opera, Operation = Operation, Field = field };
}
