using System.Globalization;
using System.Xml;
using HotelPlatform.Connectors.Simulators.Mews.Wire;

namespace HotelPlatform.Connectors.Simulators.Mews.State;

/// <summary>
/// What a distribution system writes: restrictions (<c>restrictions/set</c> and <c>clear</c> with Mews' merging and
/// splicing, concepts/restrictions.md), prices (<c>rates/updatePrice</c>) and availability adjustments
/// (<c>services/updateAvailability</c>); availability, pricing, quotes and bookings read them.
/// </summary>
internal sealed partial class MewsHotel
{
    public const string UserOrigin = "User";
    public const string IntegrationOrigin = "Integration";

    /// <summary>Every day of the week, as a bit per <see cref="DayOfWeek"/>.</summary>
    public const int EveryDay = 0b111_1111;

    /// <summary>"A quota of 150,000 restrictions per service applies" (restrictions.md).</summary>
    private const int RestrictionQuota = 150_000;

    private const int MaxPriceTimeUnits = 100;
    private const int MaxAvailabilityTimeUnits = 367;

    private readonly List<Restriction> _restrictions = [];
    private readonly Dictionary<(string RateId, string? CategoryId, DateOnly Night), decimal> _prices = [];
    private readonly Dictionary<(string CategoryId, DateOnly Night), int> _adjustments = [];

    /// <summary>A snapshot of every restriction, users' and the integration's, oldest first.</summary>
    public IReadOnlyList<Restriction> Restrictions()
    {
        lock (_gate)
        {
            return [.. _restrictions];
        }
    }

    /// <summary>The availability adjustment of a category on a night (0 without one).</summary>
    public int Adjustment(string categoryId, DateOnly night)
    {
        lock (_gate)
        {
            return _adjustments.GetValueOrDefault((categoryId, night));
        }
    }

    /// <summary>
    /// The price of a category on a rate for a night, for the category's capacity: a price set by <c>rates/updatePrice</c>
    /// for the category, else the base price set for the rate plus the category's seeded difference to the first
    /// category, else the seeded price (the category's base, a little dearer on Fridays and Saturdays, times the rate's
    /// factor, with the rate's occupancy adjustment for each person of the capacity after the first).
    /// </summary>
    public decimal Price(Category category, Rate rate, DateOnly night)
    {
        lock (_gate)
        {
            if (_prices.TryGetValue((rate.Id, category.Id, night), out var set))
            {
                return set;
            }

            return _prices.TryGetValue((rate.Id, null, night), out var basePrice)
                ? basePrice + Seeded(category, rate, night) - Seeded(Categories[0], rate, night)
                : Seeded(category, rate, night);
        }
    }

    /// <summary>
    /// The price of one night for a party: the category's price for its capacity plus the rate's occupancy adjustment
    /// (the seeded extra adult times the rate's factor) per adult above or below it, and the child supplement; persons
    /// above the category's capacity and extra capacity are priced as it (reservations.md "Price reservations").
    /// </summary>
    public decimal Price(Category category, Rate rate, DateOnly night, IEnumerable<(string AgeCategoryId, int Count)> persons)
    {
        var counted = persons.ToList();
        var adults = counted.Where(p => AgeCategories.FirstOrDefault(a => a.Id == p.AgeCategoryId)?.Classification != "Child").Sum(p => p.Count);
        var children = counted.Sum(p => p.Count) - adults;
        var capacity = category.Capacity + category.ExtraCapacity;
        adults = Math.Min(adults, capacity);
        children = Math.Min(children, capacity - adults);
        return Price(category, rate, night) + decimal.Round((adults - category.Capacity) * ExtraAdult * rate.Factor, 2) + decimal.Round(children * ExtraChild * rate.Factor, 2);
    }

    /// <summary>Whether a restriction forbids the stay on the rate (what <c>CheckRateApplicability</c> checks): the refusal, or <see langword="null"/>.</summary>
    public MewsRefusal? CheckRestrictions(string categoryId, string rateId, DateTimeOffset start, DateTimeOffset end)
    {
        var arrival = LocalDate(start);
        var departure = LocalDate(end);
        var nights = departure.DayNumber - arrival.DayNumber;
        foreach (var restriction in Restrictions().Where(r => r.Key.Concerns(categoryId, rateId)))
        {
            if ((restriction.MinLength is not null || restriction.MaxLength is not null) && (restriction.MinLength is null || nights >= restriction.MinLength) && (restriction.MaxLength is null || nights <= restriction.MaxLength))
            {
                continue;
            }

            var applies = restriction.Key.Type switch
            {
                "Start" => restriction.Covers(arrival),
                "End" => restriction.Covers(departure),
                _ => Enumerable.Range(0, nights).Any(i => restriction.Covers(arrival.AddDays(i))),
            };
            if (applies)
            {
                return MewsRefusal.Rule($"The rate is not available for this reservation: a restriction applies from {arrival:yyyy-MM-dd} to {departure:yyyy-MM-dd}.");
            }
        }

        return null;
    }

    /// <summary><c>restrictions/set</c>: every item checked first, then each merged with the integration's restriction of the same conditions.</summary>
    public MewsRefusal? SetRestrictions(RestrictionsSetRequest request)
    {
        lock (_gate)
        {
            var items = new List<Restriction>();
            foreach (var data in request.Data)
            {
                var refusal = CheckData(request.ServiceId, request.Data.Count, data);
                int? min = null, max = null;
                if ((refusal ?? CheckExceptions(data, out min, out max)) is { } refused)
                {
                    return refused;
                }

                var (first, last) = Interval(data);
                items.Add(new Restriction(string.Empty, IntegrationOrigin, KeyOf(data), first, last, min, max));
            }

            if (_restrictions.Count + items.Count > RestrictionQuota)
            {
                return MewsRefusal.Rule($"The service would have more than {RestrictionQuota} restrictions.");
            }

            foreach (var item in items)
            {
                var next = item with { Id = NextId("restriction") };
                foreach (var old in SameConditions(item).Where(old => old.Touches(item)).ToList())
                {
                    if (old.MinLength == next.MinLength && old.MaxLength == next.MaxLength)
                    {
                        // Same exceptions: one restriction joining the two intervals.
                        _restrictions.Remove(old);
                        next = next with { First = Min(old.First, next.First), Last = Max(old.Last, next.Last) };
                    }
                    else if (old.Overlaps(item))
                    {
                        // Other exceptions: the new one holds on its interval, the old one around it.
                        _restrictions.Remove(old);
                        Splice(old, item.First, item.Last);
                    }
                }

                _restrictions.Add(next);
            }

            return null;
        }
    }

    /// <summary><c>restrictions/clear</c>: the integration's restrictions of exactly these conditions lose the interval (spliced around it).</summary>
    public MewsRefusal? ClearRestrictions(RestrictionsClearRequest request)
    {
        lock (_gate)
        {
            foreach (var data in request.Data)
            {
                if (CheckData(request.ServiceId, request.Data.Count, data) is { } refusal)
                {
                    return refusal;
                }
            }

            foreach (var data in request.Data)
            {
                var (first, last) = Interval(data);
                var cleared = new Restriction(string.Empty, IntegrationOrigin, KeyOf(data), first, last, null, null);
                foreach (var old in SameConditions(cleared).Where(old => old.Overlaps(cleared)).ToList())
                {
                    _restrictions.Remove(old);
                    Splice(old, first, last);
                }
            }

            return null;
        }
    }

    /// <summary><c>rates/updatePrice</c>: a category's (or, without one, the base) price per night; without <c>Value</c> the interval's prices are removed.</summary>
    public MewsRefusal? UpdatePrices(RatesUpdatePriceRequest request)
    {
        lock (_gate)
        {
            if (Rates.All(r => r.Id != request.RateId))
            {
                return MewsRefusal.Invalid("RateId", $"the service has no rate '{request.RateId}'.");
            }

            if (request.ProductId is not null)
            {
                return MewsRefusal.Invalid("ProductId", $"the service has no product '{request.ProductId}' priced by rate.");
            }

            if (request.PriceUpdates.Count is 0 or > MaxCount)
            {
                return MewsRefusal.Invalid("PriceUpdates", $"between 1 and {MaxCount} are required.");
            }

            var changes = new List<(string? CategoryId, DateOnly First, DateOnly Last, decimal? Value)>();
            foreach (var update in request.PriceUpdates)
            {
                if (update.CategoryId is { } categoryId && Categories.All(c => c.Id != categoryId))
                {
                    return MewsRefusal.Invalid("CategoryId", $"the service has no resource category '{categoryId}'.");
                }

                if (update.FirstTimeUnitStartUtc is not { } first || update.LastTimeUnitStartUtc is not { } last)
                {
                    return MewsRefusal.Invalid(update.FirstTimeUnitStartUtc is null ? "FirstTimeUnitStartUtc" : "LastTimeUnitStartUtc", "the simulator needs both ends of the interval.");
                }

                if (CheckTimeUnits(first, last, MaxPriceTimeUnits) is { } refusal)
                {
                    return refusal;
                }

                changes.Add((update.CategoryId, LocalDate(first), LocalDate(last), update.Value));
            }

            foreach (var (categoryId, first, last, value) in changes)
            {
                for (var night = first; night <= last; night = night.AddDays(1))
                {
                    if (value is { } price)
                    {
                        _prices[(request.RateId, categoryId, night)] = price;
                    }
                    else
                    {
                        _prices.Remove((request.RateId, categoryId, night));
                    }
                }
            }

            return null;
        }
    }

    /// <summary><c>services/updateAvailability</c>: each night's adjustment is set to the value (a relative count), or removed without one.</summary>
    public MewsRefusal? UpdateAvailability(ServicesUpdateAvailabilityRequest request)
    {
        lock (_gate)
        {
            if (request.ServiceId != ServiceId)
            {
                return MewsRefusal.Invalid("ServiceId");
            }

            if (request.AvailabilityUpdates.Count is 0 or > MaxCount)
            {
                return MewsRefusal.Invalid("AvailabilityUpdates", $"between 1 and {MaxCount} are required.");
            }

            foreach (var update in request.AvailabilityUpdates)
            {
                var refusal = Categories.All(c => c.Id != update.ResourceCategoryId) ? MewsRefusal.Invalid("ResourceCategoryId", $"the service has no resource category '{update.ResourceCategoryId}'.")
                    : update.AvailabilityBlockId is { } block ? MewsRefusal.Invalid("AvailabilityBlockId", $"the service has no availability block '{block}'.")
                    : update.PaxCounts is not null ? MewsRefusal.Invalid("PaxCounts", "applicable only when AvailabilityBlockId is set.")
                    : CheckTimeUnits(update.FirstTimeUnitStartUtc, update.LastTimeUnitStartUtc, MaxAvailabilityTimeUnits);
                if (refusal is not null)
                {
                    return refusal;
                }
            }

            foreach (var update in request.AvailabilityUpdates)
            {
                for (var night = LocalDate(update.FirstTimeUnitStartUtc); night <= LocalDate(update.LastTimeUnitStartUtc); night = night.AddDays(1))
                {
                    if (update.UnitCountAdjustment.Value is { } value)
                    {
                        _adjustments[(update.ResourceCategoryId, night)] = value;
                    }
                    else
                    {
                        _adjustments.Remove((update.ResourceCategoryId, night));
                    }
                }
            }

            return null;
        }
    }

    private const int MaxCount = 1000;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static RestrictionKey KeyOf(RestrictionClearDataModel data) =>
        new(data.Type, data.ExactRateId, data.BaseRateId, data.RateGroupId, data.ResourceCategoryId, data.ResourceCategoryType,
            Enum.GetValues<DayOfWeek>().Where(data.Days.Has).Aggregate(0, (mask, day) => mask | (1 << (int)day)));

    private static int? Nights(string? duration) =>
        duration is null ? null : (int)Math.Round(XmlConvert.ToTimeSpan(duration.Replace("P0M", "P", StringComparison.Ordinal).Replace("P0Y", "P", StringComparison.Ordinal)).TotalDays);

    private static MewsRefusal? CheckExceptions(RestrictionSetDataModel data, out int? minLength, out int? maxLength)
    {
        (minLength, maxLength) = (null, null);
        if (data.MinAdvance is not null || data.MaxAdvance is not null || data.MinPrice is not null || data.MaxPrice is not null)
        {
            return MewsRefusal.Invalid(data.MinAdvance is not null || data.MaxAdvance is not null ? "MinAdvance" : "MinPrice", "the simulator does not model advance or price exceptions.");
        }

        try
        {
            (minLength, maxLength) = (Nights(data.MinLength), Nights(data.MaxLength));
        }
        catch (FormatException)
        {
            return MewsRefusal.Invalid(data.MinLength is not null ? "MinLength" : "MaxLength", "it is not an ISO 8601 duration.");
        }

        return minLength < 0 || maxLength < 0 || minLength > maxLength ? MewsRefusal.Invalid("MinLength", "the lengths do not make an interval.") : null;
    }

    private (DateOnly First, DateOnly Last) Interval(RestrictionClearDataModel data) =>
        (data.StartUtc is { } start ? LocalDate(start) : DateOnly.MinValue, data.EndUtc is { } end ? LocalDate(end) : DateOnly.MaxValue);

    private MewsRefusal? CheckData(string serviceId, int count, RestrictionClearDataModel data)
    {
        string? UnknownRate(string? id) => id is not null && Rates.All(r => r.Id != id) ? id : null;
        return serviceId != ServiceId ? MewsRefusal.Invalid("ServiceId")
            : count is 0 or > MaxCount ? MewsRefusal.Invalid("Data", $"between 1 and {MaxCount} are required.")
            : data.Type is not ("Stay" or "Start" or "End") ? MewsRefusal.Invalid("Type")
            : UnknownRate(data.ExactRateId) is { } exact ? MewsRefusal.Invalid("ExactRateId", $"the service has no rate '{exact}'.")
            : UnknownRate(data.BaseRateId) is { } baseRate ? MewsRefusal.Invalid("BaseRateId", $"the service has no rate '{baseRate}'.")
            : data.RateGroupId is { } group ? MewsRefusal.Invalid("RateGroupId", $"the service has no rate group '{group}'.")
            : data.ResourceCategoryId is { } category && Categories.All(c => c.Id != category) ? MewsRefusal.Invalid("ResourceCategoryId", $"the service has no resource category '{category}'.")
            : data.StartUtc > data.EndUtc ? MewsRefusal.Invalid("EndUtc", "it is before StartUtc.")
            : null;
    }

    private MewsRefusal? CheckTimeUnits(DateTimeOffset first, DateTimeOffset last, int maxUnits) =>
        !IsTimeUnitStart(first) ? MewsRefusal.Invalid("FirstTimeUnitStartUtc", "it is not the start of a time unit (the enterprise's local midnight in UTC).")
        : !IsTimeUnitStart(last) ? MewsRefusal.Invalid("LastTimeUnitStartUtc", "it is not the start of a time unit (the enterprise's local midnight in UTC).")
        : last < first ? MewsRefusal.Invalid("LastTimeUnitStartUtc", "it is before FirstTimeUnitStartUtc.")
        : LocalDate(last).DayNumber - LocalDate(first).DayNumber >= maxUnits ? MewsRefusal.Invalid("LastTimeUnitStartUtc", $"the interval is longer than {maxUnits} time units.")
        : null;

    private IEnumerable<Restriction> SameConditions(Restriction restriction) =>
        _restrictions.Where(r => r.Origin == IntegrationOrigin && r.Key == restriction.Key);

    /// <summary>Puts back what of <paramref name="old"/> lies before and after the interval.</summary>
    private void Splice(Restriction old, DateOnly first, DateOnly last)
    {
        if (old.First < first)
        {
            _restrictions.Add(old with { Id = NextId("restriction"), Last = first.AddDays(-1) });
        }

        if (old.Last > last)
        {
            _restrictions.Add(old with { Id = NextId("restriction"), First = last.AddDays(1) });
        }
    }

    private decimal Seeded(Category category, Rate rate, DateOnly night)
    {
        var basePrice = category.Capacity switch { 1 => 90m, 2 => 120m, _ => 300m };
        var weekend = night.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday ? 20m : 0m;
        return decimal.Round((basePrice + weekend) * rate.Factor, 2) + decimal.Round((category.Capacity - 1) * ExtraAdult * rate.Factor, 2);
    }

    /// <summary>A restriction's conditions (restrictions.md#restriction-condition); <c>set</c> merges and <c>clear</c> removes by them exactly.</summary>
    internal sealed record RestrictionKey(string Type, string? ExactRateId, string? BaseRateId, string? RateGroupId, string? CategoryId, string? CategoryType, int Days)
    {
        /// <summary>Whether the restriction concerns a booking of the category on the rate (every simulated rate is a base rate of its own; the categories are rooms; there are no rate groups).</summary>
        public bool Concerns(string categoryId, string rateId) =>
            (CategoryId is null || CategoryId == categoryId) && (CategoryType is null or "Room") && (ExactRateId is null || ExactRateId == rateId) && (BaseRateId is null || BaseRateId == rateId) && RateGroupId is null;

        /// <summary>The restricted days' names, or <see langword="null"/> for every day ("Defaults to all days when not provided").</summary>
        public IReadOnlyList<string>? DayNames() =>
            Days == EveryDay ? null : [.. Enum.GetValues<DayOfWeek>().Where(d => (Days & (1 << (int)d)) != 0).Select(d => d.ToString())];
    }

    /// <summary>A restriction: who made it, its conditions, its inclusive interval of nights (unbounded at <see cref="DateOnly.MinValue"/>/<see cref="DateOnly.MaxValue"/>) and its length exceptions in nights.</summary>
    internal sealed record Restriction(string Id, string Origin, RestrictionKey Key, DateOnly First, DateOnly Last, int? MinLength, int? MaxLength)
    {
        public bool Covers(DateOnly night) => First <= night && night <= Last && (Key.Days & (1 << (int)night.DayOfWeek)) != 0;

        public bool Overlaps(Restriction other) => First <= other.Last && other.First <= Last;

        /// <summary>Whether the intervals overlap or follow each other without a gap (set joins such restrictions).</summary>
        public bool Touches(Restriction other) => First.DayNumber <= other.Last.DayNumber + 1 && other.First.DayNumber <= Last.DayNumber + 1;

        public string? Length(int? nights) => nights is { } n ? string.Create(CultureInfo.InvariantCulture, $"P0M{n}DT0H0M0S") : null;
    }
}
