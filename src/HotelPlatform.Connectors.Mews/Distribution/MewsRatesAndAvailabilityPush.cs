using System.Globalization;
using HotelPlatform.Connectors.Http;
using HotelPlatform.Connectors.Mews.Mapping;
using HotelPlatform.Connectors.Mews.Wire;

namespace HotelPlatform.Connectors.Mews.Distribution;

/// <summary>
/// The vendor-neutral <see cref="IPmsRatesAndAvailabilityPush"/> over the Mews Connector API (docs/connectors/mews.md,
/// "Rate and availability push"): availability as the relative adjustment of <c>services/updateAvailability</c> that
/// makes the count read back equal the pushed one; restrictions as <c>restrictions/set</c> and <c>restrictions/clear</c>
/// for the exact rate and resource category; rates with <c>rates/updatePrice</c> per rate and resource category.
/// </summary>
/// <remarks>
/// Everything is checked and planned (reads included) before the first write, so a refusal sends no write. Pushes set
/// values (an adjustment, a price, a restriction Mews merges with an identical one), so a repeated request is harmless:
/// the writes are sent as idempotent writes, retried by the pipeline like reads.
/// </remarks>
internal sealed class MewsRatesAndAvailabilityPush(
    Func<IMewsApi> api,
    Func<CancellationToken, ValueTask<MewsSetup>> setup,
    Func<CancellationToken, ValueTask<IReadOnlyList<ResourceCategoryModel>>> categories) : IPmsRatesAndAvailabilityPush
{
    /// <summary>The most items of one request: <c>Data</c>, <c>PriceUpdates</c> and <c>AvailabilityUpdates</c> are "max 1000 items".</summary>
    internal const int MaxItems = 1000;

    /// <summary>The longest interval of one price update: "100 time units or 2 years, whichever is the shorter" (rates.md).</summary>
    internal const int MaxPriceNights = 100;

    /// <summary>The longest interval of one availability update: "367 days if days" (services.md).</summary>
    internal const int MaxAvailabilityNights = 367;

    private const string Operation = "PushRatesAndAvailability";

    private static readonly MewsResponses Responses = MewsResponses.Instance;

    /// <inheritdoc />
    public PmsPushParts Parts => PmsPushParts.Availability | PmsPushParts.Restrictions | PmsPushParts.Rates;

    /// <inheritdoc />
    public async Task<PmsPushResult> PushAsync(PmsRatesAndAvailabilityUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        update.EnsureOnly(Parts, PmsVendors.Mews);
        if (update.IsEmpty)
        {
            return new PmsPushResult(0, []);
        }

        // One operation for telemetry and the pipeline; its reads are marked as reads below.
        using var scope = PmsOperation.Begin(Operation, PmsOperationIntent.IdempotentWrite);
        var hotel = await setup(cancellationToken).ConfigureAwait(false);
        var known = (await categories(cancellationToken).ConfigureAwait(false)).ToDictionary(c => c.Id, StringComparer.OrdinalIgnoreCase);
        foreach (var roomType in update.Availability.Select(a => a.RoomTypeId).Concat(update.Restrictions.Select(r => r.RoomTypeId)).Concat(update.Rates.Select(r => r.RoomTypeId)).Distinct(StringComparer.Ordinal))
        {
            if (!known.ContainsKey(roomType))
            {
                throw Invalid("RoomTypeId", $"the service has no active resource category '{roomType}'.");
            }
        }

        var prices = PlanPrices(update.Rates, known, hotel);
        var restrictions = await PlanRestrictionsAsync(update.Restrictions, hotel, cancellationToken).ConfigureAwait(false);
        var availability = await PlanAvailabilityAsync(update.Availability, hotel, cancellationToken).ConfigureAwait(false);

        var requests = 0;

        // Each write sets values, so a repeat is harmless: sent as idempotent writes, which the pipeline retries like reads.
        using (PmsOperation.Begin(Operation, PmsOperationIntent.IdempotentWrite))
        {
            foreach (var chunk in availability.Chunk(MaxItems))
            {
                await SendAsync(api().UpdateAvailabilityAsync(new UpdateAvailabilityRequest(hotel.ServiceId, chunk), cancellationToken), new MewsCall(Operation), cancellationToken).ConfigureAwait(false);
                requests++;
            }

            foreach (var chunk in restrictions.Clear.Chunk(MaxItems))
            {
                await SendAsync(api().ClearRestrictionsAsync(new RestrictionsWriteRequest(hotel.ServiceId, chunk), cancellationToken), new MewsCall(Operation), cancellationToken).ConfigureAwait(false);
                requests++;
            }

            foreach (var chunk in restrictions.Set.Chunk(MaxItems))
            {
                await SendAsync(api().SetRestrictionsAsync(new RestrictionsWriteRequest(hotel.ServiceId, chunk), cancellationToken), new MewsCall(Operation), cancellationToken).ConfigureAwait(false);
                requests++;
            }

            foreach (var (rateId, updates) in prices)
            {
                foreach (var chunk in updates.Chunk(MaxItems))
                {
                    await SendAsync(api().UpdateRatePriceAsync(new UpdateRatePriceRequest(rateId, chunk), cancellationToken), new MewsCall(Operation) { EntityType = "Rate", EntityId = rateId }, cancellationToken).ConfigureAwait(false);
                    requests++;
                }
            }
        }

        return new PmsPushResult(requests, []);
    }

    /// <summary>
    /// The price updates per rate. <c>rates/updatePrice</c> sets a resource category's price per night on a rate; Mews
    /// derives the price of other occupancies from the rate's occupancy adjustments (<c>NegativeOccupancyAdjustment</c>
    /// below the category's <c>Capacity</c>, <c>ExtraOccupancyAdjustment</c> above), which hold for every night and
    /// category. So the pushed price is the amount for <c>Capacity</c> adults; any other adult count is refused.
    /// </summary>
    private static List<(string RateId, List<RatePriceUpdate> Updates)> PlanPrices(IReadOnlyList<PmsRateValue> rates, Dictionary<string, ResourceCategoryModel> known, MewsSetup hotel)
    {
        var nightly = new List<(string RateId, string CategoryId, DateOnly Date, decimal Amount)>();
        foreach (var rate in rates)
        {
            var category = known[rate.RoomTypeId];
            if (!string.Equals(rate.Currency, hotel.Property.Currency, StringComparison.OrdinalIgnoreCase))
            {
                throw Invalid("Currency", $"rates/updatePrice takes no currency: its values are in the enterprise's {hotel.Property.Currency}, not {rate.Currency}.");
            }

            var others = rate.AmountsByAdults.Keys.Where(adults => adults != category.Capacity).Order().ToList();
            if (others.Count > 0 || !rate.AmountsByAdults.TryGetValue(category.Capacity, out var amount))
            {
                var asked = rate.AmountsByAdults.Count == 0 ? "no amount" : $"amounts for {string.Join(", ", others)} adults";
                throw new PmsNotSupportedException(
                    $"Mews cannot take {asked} for resource category '{rate.RoomTypeId}' on rate '{rate.RatePlanId}' on {rate.Date:yyyy-MM-dd}: rates/updatePrice sets one price per category and night, "
                    + $"the price for the category's capacity ({category.Capacity} adults); other occupancies follow the rate's occupancy adjustments, which hold for every night and category. Push AmountsByAdults[{category.Capacity}] only.")
                {
                    Vendor = PmsVendors.Mews,
                    Operation = Operation,
                    Feature = nameof(PmsRateValue.AmountsByAdults),
                };
            }

            if (amount < 0)
            {
                throw Invalid(nameof(PmsRateValue.AmountsByAdults), $"the amount for '{rate.RoomTypeId}' on rate '{rate.RatePlanId}' on {rate.Date:yyyy-MM-dd} is negative.");
            }

            nightly.Add((rate.RatePlanId, category.Id, rate.Date, amount));
        }

        return [.. nightly.GroupBy(n => n.RateId, StringComparer.Ordinal).Select(byRate => (byRate.Key, byRate
            .GroupBy(n => n.CategoryId, StringComparer.Ordinal)
            .SelectMany(byCategory => PmsNightRuns.Split(Latest(byCategory, n => n.Date), n => n.Date, (a, b) => a.Amount == b.Amount, MaxPriceNights)
                .Select(run => new RatePriceUpdate(byCategory.Key, run[0].Amount, hotel.Midnight(run[0].Date), hotel.Midnight(run[^1].Date))))
            .ToList()))];
    }

    /// <summary>
    /// The adjustments that make each pushed night read back as the pushed count: <c>Available − (UsableResources −
    /// Occupied)</c>, per resource category and run of nights with the same adjustment; a night that already reads so is left out.
    /// </summary>
    private async Task<List<AvailabilityUpdate>> PlanAvailabilityAsync(IReadOnlyList<PmsAvailabilityValue> values, MewsSetup hotel, CancellationToken cancellationToken)
    {
        if (values.Count == 0)
        {
            return [];
        }

        if (values.FirstOrDefault(v => v.Available < 0) is { } negative)
        {
            throw Invalid(nameof(PmsAvailabilityValue.Available), $"the count for '{negative.RoomTypeId}' on {negative.Date:yyyy-MM-dd} is negative.");
        }

        var counts = await MewsConnector.CountsAsync(api(), hotel, values.Min(v => v.Date), values.Max(v => v.Date).AddDays(1), Operation, cancellationToken).ConfigureAwait(false);
        var changes = new List<(string CategoryId, DateOnly Date, int Adjustment)>();
        foreach (var value in Latest(values, v => (v.RoomTypeId.ToUpperInvariant(), v.Date)))
        {
            var night = counts.FirstOrDefault(c => string.Equals(c.Key, value.RoomTypeId, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault(n => n.Date == value.Date)
                        ?? throw Invalid("RoomTypeId", $"Mews answered no availability of resource category '{value.RoomTypeId}' on {value.Date:yyyy-MM-dd}.");
            if (night.Available != value.Available)
            {
                changes.Add((value.RoomTypeId, value.Date, value.Available - night.Unadjusted));
            }
        }

        return [.. changes.GroupBy(c => c.CategoryId, StringComparer.OrdinalIgnoreCase).SelectMany(byCategory =>
            PmsNightRuns.Split([.. byCategory.OrderBy(c => c.Date)], c => c.Date, (a, b) => a.Adjustment == b.Adjustment, MaxAvailabilityNights)
                .Select(run => new AvailabilityUpdate(hotel.Midnight(run[0].Date), hotel.Midnight(run[^1].Date), byCategory.Key, new UpdateValue<int>(run[0].Adjustment))))];
    }

    /// <summary>
    /// The <c>restrictions/set</c> and <c>restrictions/clear</c> data that give each pushed night its restrictions. The
    /// restrictions this integration set (<c>Origin</c> <c>Integration</c>, exact rate and category, every day) are read
    /// first: Mews keeps one restriction per type and conditions on a night (a new one with other exceptions replaces the
    /// old, restrictions.md "Merging algorithm"), so minimum stay, maximum stay and closed-to-arrival share one <c>Start</c>
    /// restriction, and a member left <see langword="null"/> must keep what that restriction says.
    /// </summary>
    private async Task<(List<RestrictionData> Set, List<RestrictionData> Clear)> PlanRestrictionsAsync(IReadOnlyList<PmsRestrictionValue> values, MewsSetup hotel, CancellationToken cancellationToken)
    {
        if (values.Count == 0)
        {
            return ([], []);
        }

        foreach (var value in values)
        {
            if (value.MinStay < 0 || value.MaxStay < 1 || value.MinStay > value.MaxStay)
            {
                throw Invalid(value.MinStay < 0 || value.MinStay > value.MaxStay ? nameof(PmsRestrictionValue.MinStay) : nameof(PmsRestrictionValue.MaxStay),
                    $"'{value.RoomTypeId}' on rate '{value.RatePlanId}' on {value.Date:yyyy-MM-dd} has a minimum stay of {value.MinStay?.ToString(CultureInfo.InvariantCulture) ?? "none"} and a maximum of {value.MaxStay?.ToString(CultureInfo.InvariantCulture) ?? "none"}.");
            }
        }

        var current = await CurrentAsync(values, hotel, cancellationToken).ConfigureAwait(false);
        var actions = new List<(string Type, string RateId, string CategoryId, DateOnly Date, ArrivalRule? Set)>();
        foreach (var group in values.GroupBy(v => (Rate: v.RatePlanId, Category: v.RoomTypeId.ToUpperInvariant(), v.Date)))
        {
            var first = group.First();
            var key = (first.RatePlanId, first.RoomTypeId, first.Date);
            var now = current.GetValueOrDefault(key) ?? NightRestrictions.None;

            // Several values for one night: a later member that is set wins, as if they were pushed one after the other.
            bool? closed = null, toArrival = null, toDeparture = null;
            int? minStay = null, maxStay = null;
            foreach (var value in group)
            {
                (closed, toArrival, toDeparture, minStay, maxStay) = (value.Closed ?? closed, value.ClosedToArrival ?? toArrival, value.ClosedToDeparture ?? toDeparture, value.MinStay ?? minStay, value.MaxStay ?? maxStay);
            }

            if (closed is { } stay && stay != now.Closed)
            {
                actions.Add(("Stay", key.RatePlanId, key.RoomTypeId, key.Date, stay ? ArrivalRule.Closed : null));
            }

            if (toDeparture is { } end && end != now.ClosedToDeparture)
            {
                actions.Add(("End", key.RatePlanId, key.RoomTypeId, key.Date, end ? ArrivalRule.Closed : null));
            }

            if (toArrival is null && minStay is null && maxStay is null)
            {
                continue;
            }

            var rule = Arrival(toArrival ?? now.Arrival == ArrivalRule.Closed, minStay is { } min ? (min > 1 ? min : null) : now.Arrival?.MinStay, maxStay ?? now.Arrival?.MaxStay);
            if (rule == ArrivalRule.Closed && (minStay > 1 || maxStay is not null))
            {
                throw new PmsNotSupportedException(
                    $"Mews cannot keep a minimum or maximum stay on a night closed to arrival ('{key.RoomTypeId}' on rate '{key.RatePlanId}' on {key.Date:yyyy-MM-dd}): both are its one Start restriction per night, "
                    + "which either forbids every arrival or lets in the stay lengths of its exceptions. Open the night to arrival, or leave MinStay and MaxStay out.")
                {
                    Vendor = PmsVendors.Mews,
                    Operation = Operation,
                    Feature = nameof(PmsRestrictionValue.ClosedToArrival),
                };
            }

            if (rule != now.Arrival)
            {
                actions.Add(("Start", key.RatePlanId, key.RoomTypeId, key.Date, rule));
            }
        }

        var data = actions
            .GroupBy(a => (a.Type, a.RateId, a.CategoryId, a.Set))
            .SelectMany(same => PmsNightRuns.Split([.. same.OrderBy(a => a.Date)], a => a.Date, (_, _) => true, int.MaxValue)
                .Select(run => (Clear: same.Key.Set is null, Data: new RestrictionData(same.Key.Type, same.Key.RateId, same.Key.CategoryId, hotel.Midnight(run[0].Date), hotel.Midnight(run[^1].Date), DaysParameters.Every)
                {
                    MinLength = Length(same.Key.Set?.MinStay),
                    MaxLength = Length(same.Key.Set?.MaxStay),
                })))
            .ToList();
        return ([.. data.Where(d => !d.Clear).Select(d => d.Data)], [.. data.Where(d => d.Clear).Select(d => d.Data)]);
    }

    /// <summary>The restrictions this integration holds on the pushed nights, per rate, category and night (<c>restrictions/getAll</c>, 3-month windows, every page).</summary>
    private async Task<Dictionary<(string RateId, string CategoryId, DateOnly Date), NightRestrictions>> CurrentAsync(IReadOnlyList<PmsRestrictionValue> values, MewsSetup hotel, CancellationToken cancellationToken)
    {
        var (from, to) = (values.Min(v => v.Date), values.Max(v => v.Date));
        var rates = values.Select(v => v.RatePlanId).Distinct(StringComparer.Ordinal).ToList();
        var roomTypes = values.Select(v => v.RoomTypeId).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var found = new Dictionary<string, RestrictionModel>(StringComparer.Ordinal);
        using (PmsOperation.Begin(PmsOperationIntent.Read))
        {
            foreach (var (start, end) in MewsTime.Windows(hotel.Midnight(from), hotel.Midnight(to)))
            {
                var filter = new RestrictionFilter([hotel.ServiceId], new Limitation(MaxItems)) { ResourceCategoryIds = roomTypes, ExactRateIds = rates, Origin = "Integration", CollidingUtc = new TimeInterval(start, end) };
                foreach (var restriction in await MewsConnector.ReadAllAsync(
                             (cursor, ct) => Responses.ReadAsync(api().GetRestrictionsAsync(filter with { Limitation = new Limitation(MaxItems, cursor) }, ct), new MewsCall(Operation), ct),
                             page => page.Restrictions,
                             page => page.Cursor,
                             cancellationToken).ConfigureAwait(false))
                {
                    found[restriction.Id] = restriction;
                }
            }
        }

        var result = new Dictionary<(string, string, DateOnly), NightRestrictions>();
        foreach (var value in values)
        {
            var mine = found.Values.Where(r => IsOurs(r, value.RatePlanId, value.RoomTypeId) && Covers(r, hotel.Midnight(value.Date))).ToList();
            var start = mine.FirstOrDefault(r => r.Conditions.Type == "Start");
            result[(value.RatePlanId, value.RoomTypeId, value.Date)] = new NightRestrictions(
                mine.Any(r => r.Conditions.Type == "Stay"),
                mine.Any(r => r.Conditions.Type == "End"),
                start is null ? null : Arrival(start.Exceptions is null or { MinLength: null, MaxLength: null }, Nights(start.Exceptions?.MinLength), Nights(start.Exceptions?.MaxLength)));
        }

        return result;
    }

    /// <summary>Whether a restriction has the conditions this push writes: exactly the rate and category, every day of the week.</summary>
    private static bool IsOurs(RestrictionModel restriction, string rateId, string categoryId) =>
        restriction.Conditions is { BaseRateId: null, RateGroupId: null, ResourceCategoryType: null }
        && string.Equals(restriction.Conditions.ExactRateId, rateId, StringComparison.OrdinalIgnoreCase)
        && string.Equals(restriction.Conditions.ResourceCategoryId, categoryId, StringComparison.OrdinalIgnoreCase)
        && (restriction.Conditions.Days is null || restriction.Conditions.Days.Count == 7);

    private static bool Covers(RestrictionModel restriction, DateTimeOffset midnight) =>
        (restriction.Conditions.StartUtc is null || restriction.Conditions.StartUtc <= midnight) && (restriction.Conditions.EndUtc is null || midnight <= restriction.Conditions.EndUtc);

    private static ArrivalRule? Arrival(bool closed, int? minStay, int? maxStay) =>
        closed ? ArrivalRule.Closed : minStay is null && maxStay is null ? null : new ArrivalRule(false, minStay, maxStay);

    /// <summary>A stay length as Mews writes durations (<c>P0M2DT0H0M0S</c>): nights are days of the service's daily time unit.</summary>
    private static string? Length(int? nights) => nights is { } n ? string.Create(CultureInfo.InvariantCulture, $"P0M{n}DT0H0M0S") : null;

    private static int? Nights(string? duration) => string.IsNullOrWhiteSpace(duration) ? null : (int)Math.Round(MewsTime.ParseDuration(duration).TotalDays);

    /// <summary>The last value given for each key, in the order given.</summary>
    private static List<T> Latest<T, TKey>(IEnumerable<T> values, Func<T, TKey> key)
        where TKey : notnull =>
        [.. values.GroupBy(key).Select(g => g.Last()).OrderBy(key)];

    private static async Task SendAsync(Task<Refit.IApiResponse> call, MewsCall mewsCall, CancellationToken cancellationToken) =>
        await Responses.SendAsync(call, mewsCall, cancellationToken).ConfigureAwait(false);

    private static PmsValidationException Invalid(string field, string why) =>
        new($"{PmsVendors.Mews} {Operation}: {why}") { Vendor = PmsVendors.Mews, Operation = Operation, Field = field };

    /// <summary>What a night's <c>Start</c> restriction says: no arrival at all, or arrivals only for stays of these lengths.</summary>
    private sealed record ArrivalRule(bool IsClosed, int? MinStay, int? MaxStay)
    {
        public static ArrivalRule Closed { get; } = new(true, null, null);
    }

    /// <summary>This integration's restrictions of a rate, category and night; <see cref="Arrival"/> is <see langword="null"/> when arrival is free.</summary>
    private sealed record NightRestrictions(bool Closed, bool ClosedToDeparture, ArrivalRule? Arrival)
    {
        public static NightRestrictions None { get; } = new(false, false, null);
    }
}
