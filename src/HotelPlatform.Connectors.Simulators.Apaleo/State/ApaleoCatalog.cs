using System.Globalization;
using HotelPlatform.Connectors.Simulators.Apaleo.Wire;

namespace HotelPlatform.Connectors.Simulators.Apaleo.State;

/// <summary>A room (Apaleo unit).</summary>
internal sealed record UnitDef(string Id, string Name, string Description, string UnitGroupId);

/// <summary>A room type (Apaleo unit group) with its rooms.</summary>
internal sealed record UnitGroupDef(string Id, string Code, string Name, string Description, int MaxPersons, int Rank, IReadOnlyList<UnitDef> Units, decimal NightlyPrice)
{
    public EmbeddedUnitGroupModel ToEmbedded(bool withType = false) => new(Id, Code, Name, Description, withType ? UnitGroupType.BedRoom : null);
}

/// <summary>A cancellation or no-show policy.</summary>
internal sealed record PolicyDef(string Id, string Code, string Name, string Description);

/// <summary>The two kinds of rate plan the simulator sells.</summary>
internal enum RateKind
{
    /// <summary>Free cancellation until the day before arrival; the first night is charged after that or on no-show.</summary>
    Flexible,

    /// <summary>The whole stay is due at booking, prepaid.</summary>
    NonRefundable,
}

/// <summary>A rate plan: one unit group, one price level, one cancellation and no-show policy.</summary>
internal sealed record RatePlanDef(
    string Id,
    string Code,
    string Name,
    string Description,
    RateKind Kind,
    UnitGroupDef UnitGroup,
    PolicyDef CancellationPolicy,
    PolicyDef NoShowPolicy,
    GuaranteeType MinGuarantee,
    IReadOnlyList<ChannelCode> Channels)
{
    public EmbeddedRatePlanModel ToEmbedded() => new(Id, Code, Name, Description, IsSubjectToCityTax: true);
}

/// <summary>An extra that can be booked with a stay.</summary>
internal sealed record ServiceDef(
    string Id,
    string Code,
    string Name,
    string Description,
    decimal Price,
    PricingUnit PricingUnit,
    bool PostNextDay,
    ServiceType ServiceType,
    VatType VatType,
    decimal VatPercent,
    IReadOnlyList<ChannelCode> Channels)
{
    public ServiceModel ToModel(string currency) => new(Id, Code, Name, Description, PricingUnit, MonetaryValueModel.Of(Price, currency));

    /// <summary>The dates the service is delivered by default for a stay: breakfast (posted next day) from the day after arrival to departure, others every night.</summary>
    public IEnumerable<DateOnly> DefaultDates(DateOnly arrival, DateOnly departure)
    {
        DateOnly first = PostNextDay ? arrival.AddDays(1) : arrival;
        DateOnly last = PostNextDay ? departure : departure.AddDays(-1);
        for (DateOnly date = first; date <= last; date = date.AddDays(1))
        {
            yield return date;
        }
    }

    /// <summary>Every date the service can be delivered during a stay, from arrival to departure.</summary>
    public static IEnumerable<DateOnly> PossibleDates(DateOnly arrival, DateOnly departure)
    {
        for (DateOnly date = arrival; date <= departure; date = date.AddDays(1))
        {
            yield return date;
        }
    }

    /// <summary>How many a stay gets by default: one per person for a per-person service, else one.</summary>
    public int DefaultCount(int adults, int children) => PricingUnit == PricingUnit.Person ? adults + children : 1;
}

/// <summary>
/// The seeded, unchanging part of the simulated hotel: the property, its unit groups and units, rate plans, services,
/// prices, restrictions and the times of its time slices; plus the money arithmetic Apaleo's answers need.
/// </summary>
internal sealed class ApaleoCatalog
{
    /// <summary>The check-in time of the overnight time slice definition (Apaleo's examples: 17:00).</summary>
    public static readonly TimeOnly CheckInTime = new(17, 0);

    /// <summary>The check-out time of the overnight time slice definition (Apaleo's examples: 11:00).</summary>
    public static readonly TimeOnly CheckOutTime = new(11, 0);

    private readonly Dictionary<string, UnitGroupDef> _unitGroups;
    private readonly Dictionary<string, RatePlanDef> _ratePlans;
    private readonly Dictionary<string, ServiceDef> _services;

    public ApaleoCatalog(ApaleoSeed seed, DateOnly today, DateTimeOffset propertyCreated)
    {
        Seed = seed;
        Today = today;
        Zone = TimeZoneInfo.FindSystemTimeZoneById(seed.TimeZone);
        PropertyId = seed.PropertyId;
        Currency = seed.CurrencyCode;
        PropertyCreated = propertyCreated;
        FirstRateDate = today.AddDays(-30);
        LastRateDate = today.AddDays(seed.BookableNights - 1);

        var groups = new List<UnitGroupDef>();
        for (int g = 0; g < seed.UnitGroups.Count; g++)
        {
            ApaleoUnitGroupSeed groupSeed = seed.UnitGroups[g];
            string groupId = $"{seed.PropertyId}-{groupSeed.Code}";
            var units = Enumerable.Range(1, groupSeed.UnitCount)
                .Select(n => new UnitDef(
                    $"{groupId}-{n.ToString("D2", CultureInfo.InvariantCulture)}",
                    $"{(char)('A' + g)}.{(100 + n).ToString(CultureInfo.InvariantCulture)}",
                    $"{groupSeed.Name} {n.ToString(CultureInfo.InvariantCulture)}",
                    groupId))
                .ToList();
            groups.Add(new UnitGroupDef(groupId, groupSeed.Code, groupSeed.Name, $"{groupSeed.Name} for up to {groupSeed.MaxPersons.ToString(CultureInfo.InvariantCulture)}", groupSeed.MaxPersons, g + 1, units, groupSeed.NightlyPrice));
        }

        UnitGroups = groups;
        FreeCancellation = new PolicyDef($"{seed.PropertyId}-FLEX", "FLEX", "Flexible", "Free cancellation until one day before arrival; afterwards the first night is charged.");
        NonRefundableCancellation = new PolicyDef($"{seed.PropertyId}-NONREF", "NONREF", "Non refundable", "The whole stay is charged when the booking is made.");
        FirstNightNoShow = new PolicyDef($"{seed.PropertyId}-NSFIRST", "NSFIRST", "First night", "The first night is charged on no-show.");
        FullStayNoShow = new PolicyDef($"{seed.PropertyId}-NSFULL", "NSFULL", "Full stay", "The whole stay is charged on no-show.");

        ChannelCode[] channels = [ChannelCode.Direct, ChannelCode.BookingCom, ChannelCode.Ibe, ChannelCode.ChannelManager];
        RatePlans = [.. groups.SelectMany(group => new[]
        {
            new RatePlanDef($"{seed.PropertyId}-FLEX-{group.Code}", "FLEX", $"Flexible {group.Name}", "Free cancellation until one day before arrival", RateKind.Flexible, group, FreeCancellation, FirstNightNoShow, GuaranteeType.PM6Hold, channels),
            new RatePlanDef($"{seed.PropertyId}-NONREF-{group.Code}", "NONREF", $"Non Refundable {group.Name}", "Prepaid, no refund", RateKind.NonRefundable, group, NonRefundableCancellation, FullStayNoShow, GuaranteeType.Prepayment, channels),
        })];

        Services =
        [
            new ServiceDef($"{seed.PropertyId}-BRKF", "BRKF", "Breakfast", "Breakfast buffet, served the morning after each night.", seed.BreakfastPrice, PricingUnit.Person, PostNextDay: true, ServiceType.FoodAndBeverages, VatType.Normal, seed.ServiceVatPercent, channels),
            new ServiceDef($"{seed.PropertyId}-PARK", "PARK", "Parking", "A parking space in the garage, per night.", seed.ParkingPrice, PricingUnit.Room, PostNextDay: false, ServiceType.Other, VatType.Normal, seed.ServiceVatPercent, channels),
        ];

        _unitGroups = UnitGroups.ToDictionary(g => g.Id, StringComparer.Ordinal);
        _ratePlans = RatePlans.ToDictionary(r => r.Id, StringComparer.Ordinal);
        _services = Services.ToDictionary(s => s.Id, StringComparer.Ordinal);

        SoldOutUnitGroup = groups[0];
        MainUnitGroup = groups[1];
        RestrictedRatePlan = _ratePlans[$"{seed.PropertyId}-FLEX-{MainUnitGroup.Code}"];
        RestrictedArrival = today.AddDays(seed.RestrictedArrivalOffset);
    }

    public ApaleoSeed Seed { get; }

    public DateOnly Today { get; }

    public TimeZoneInfo Zone { get; }

    public string PropertyId { get; }

    public string Currency { get; }

    public DateTimeOffset PropertyCreated { get; }

    /// <summary>Gets the first night with rates (a month back, so the stays of seeded guests in house are priced).</summary>
    public DateOnly FirstRateDate { get; }

    /// <summary>Gets the last night with rates.</summary>
    public DateOnly LastRateDate { get; }

    public IReadOnlyList<UnitGroupDef> UnitGroups { get; }

    public IReadOnlyList<RatePlanDef> RatePlans { get; }

    public IReadOnlyList<ServiceDef> Services { get; }

    public PolicyDef FreeCancellation { get; }

    public PolicyDef NonRefundableCancellation { get; }

    public PolicyDef FirstNightNoShow { get; }

    public PolicyDef FullStayNoShow { get; }

    public UnitGroupDef SoldOutUnitGroup { get; }

    public UnitGroupDef MainUnitGroup { get; }

    public RatePlanDef RestrictedRatePlan { get; }

    public DateOnly RestrictedArrival { get; }

    public EmbeddedPropertyModel EmbeddedProperty => new(PropertyId, PropertyId, Seed.PropertyName, $"{Seed.PropertyName}, the Apaleo simulator's demo property");

    public UnitGroupDef? FindUnitGroup(string id) => _unitGroups.GetValueOrDefault(id);

    public RatePlanDef? FindRatePlan(string id) => _ratePlans.GetValueOrDefault(id);

    public ServiceDef? FindService(string id) => _services.GetValueOrDefault(id);

    public RatePlanDef RatePlanOf(UnitGroupDef group, RateKind kind) => RatePlans.First(r => r.UnitGroup == group && r.Kind == kind);

    // ---- time ----

    /// <summary>The instant a local date and time has at the property.</summary>
    public DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        DateTime local = date.ToDateTime(time);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    public DateTimeOffset CheckInAt(DateOnly date) => At(date, CheckInTime);

    public DateTimeOffset CheckOutAt(DateOnly date) => At(date, CheckOutTime);

    /// <summary>The property-local date of an instant.</summary>
    public DateOnly DateAt(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    // ---- prices and restrictions ----

    public bool HasRate(DateOnly night) => night >= FirstRateDate && night <= LastRateDate;

    /// <summary>The gross price of one night: the unit group's price, plus the weekend surcharge on Friday and Saturday, less the non-refundable discount.</summary>
    public decimal NightPrice(RatePlanDef ratePlan, DateOnly night)
    {
        decimal price = ratePlan.UnitGroup.NightlyPrice + (night.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday ? Seed.WeekendSurcharge : 0m);
        if (ratePlan.Kind == RateKind.NonRefundable)
        {
            price *= 1m - (Seed.NonRefundableDiscountPercent / 100m);
        }

        return Round(price);
    }

    /// <summary>The minimum length of stay a rate plan requires for an arrival date, or <see langword="null"/>.</summary>
    public int? MinLengthOfStay(RatePlanDef ratePlan, DateOnly arrival) =>
        ratePlan == RestrictedRatePlan && arrival == RestrictedArrival ? Seed.MinLengthOfStay : null;

    // ---- money ----

    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    public MonetaryValueModel Money(decimal amount) => MonetaryValueModel.Of(Round(amount), Currency);

    /// <summary>A gross amount split into net and VAT.</summary>
    public AmountModel Amount(decimal gross, VatType vatType, decimal vatPercent) =>
        new(Round(gross), Round(gross * 100m / (100m + vatPercent)), vatType, vatPercent, Currency);

    public AmountModel Accommodation(decimal gross) => Amount(gross, VatType.Reduced, Seed.AccommodationVatPercent);

    public AmountModel ServiceAmount(ServiceDef service, decimal gross) => Amount(gross, service.VatType, service.VatPercent);

    /// <summary>The city tax on a stay: a percentage of the net accommodation, without VAT.</summary>
    public AmountModel CityTax(IEnumerable<decimal> nightGrossPrices)
    {
        decimal tax = Round(nightGrossPrices.Sum(g => Accommodation(g).NetAmount) * Seed.CityTaxPercent / 100m);
        return new AmountModel(tax, tax, VatType.Without, 0m, Currency);
    }

    /// <summary>Net and VAT per VAT type of a set of amounts.</summary>
    public IReadOnlyList<TaxDetailModel> TaxDetails(IEnumerable<AmountModel> amounts) =>
        [.. amounts
            .GroupBy(a => (a.VatType, a.VatPercent))
            .OrderBy(g => g.Key.VatPercent)
            .Select(g => new TaxDetailModel(
                g.Key.VatType,
                g.Key.VatPercent,
                Money(g.Sum(a => a.NetAmount)),
                Money(g.Sum(a => a.GrossAmount - a.NetAmount))))];

    // ---- policies ----

    /// <summary>When the cancellation fee falls due: the day before arrival at check-in time (flexible), or at booking (non-refundable).</summary>
    public DateTimeOffset CancellationDue(RatePlanDef ratePlan, DateOnly arrival, DateTimeOffset bookedAt) =>
        ratePlan.Kind == RateKind.Flexible ? CheckInAt(arrival).AddDays(-1) : bookedAt;

    /// <summary>The cancellation and no-show fee: the first night (flexible) or the whole stay (non-refundable).</summary>
    public decimal PolicyFee(RatePlanDef ratePlan, IReadOnlyList<decimal> nightGrossPrices) =>
        ratePlan.Kind == RateKind.Flexible ? nightGrossPrices[0] : nightGrossPrices.Sum();

    /// <summary>The amount to prepay: the whole stay for a prepaid rate plan, else nothing.</summary>
    public decimal PrePayment(RatePlanDef ratePlan, IReadOnlyList<decimal> nightGrossPrices) =>
        ratePlan.MinGuarantee == GuaranteeType.Prepayment ? nightGrossPrices.Sum() : 0m;
}
