namespace HotelPlatform.Connectors.Simulators.Apaleo;

/// <summary>One room type (Apaleo unit group) to seed.</summary>
/// <param name="Code">The unit group code; its id is <c>{propertyId}-{code}</c>, as in Apaleo (<c>MUC-DBL</c>).</param>
/// <param name="Name">The English name.</param>
/// <param name="UnitCount">How many units (rooms) it has; at least 2.</param>
/// <param name="MaxPersons">The most guests a unit takes.</param>
/// <param name="NightlyPrice">The gross price of a weekday night on the flexible rate plan.</param>
public sealed record ApaleoUnitGroupSeed(string Code, string Name, int UnitCount, int MaxPersons, decimal NightlyPrice);

/// <summary>A guest to seed: the known guest a contract test searches for.</summary>
/// <param name="FirstName">The first name.</param>
/// <param name="LastName">The last name.</param>
/// <param name="Email">The e-mail address.</param>
public sealed record ApaleoGuestSeed(string FirstName, string LastName, string Email);

/// <summary>
/// What the <see cref="ApaleoSimulator"/> seeds: one property with its unit groups (each with a flexible and a
/// non-refundable rate plan), breakfast and parking as bookable extras, and reservations that make the scenario a contract
/// test needs (a known guest arriving today, a guest in house, a sold-out night, a min-length-of-stay date). Every date is
/// relative to the simulator's "today" in the property's time zone; what was seeded is read back from
/// <see cref="ApaleoSimulator.Scenario"/>.
/// </summary>
/// <remarks>
/// The first unit group is the one sold out on <see cref="SoldOutNightOffset"/>; the second carries the known guest, the
/// in-house guest and the restricted arrival date, and its rate plans are <see cref="ApaleoScenario.FlexibleRatePlanId"/>
/// and <see cref="ApaleoScenario.NonRefundableRatePlanId"/>.
/// </remarks>
public sealed class ApaleoSeed
{
    /// <summary>Gets the property id (also its code).</summary>
    public string PropertyId { get; init; } = "BER";

    /// <summary>Gets the property's English name.</summary>
    public string PropertyName { get; init; } = "Simulator Hotel Berlin";

    /// <summary>Gets the property's IANA time zone.</summary>
    public string TimeZone { get; init; } = "Europe/Berlin";

    /// <summary>Gets the ISO 4217 currency every price is in.</summary>
    public string CurrencyCode { get; init; } = "EUR";

    /// <summary>Gets the room types; at least two.</summary>
    public IReadOnlyList<ApaleoUnitGroupSeed> UnitGroups { get; init; } =
    [
        new("SGL", "Single Room", 3, 1, 89m),
        new("DBL", "Double Room", 5, 2, 119m),
        new("STE", "Junior Suite", 3, 4, 229m),
    ];

    /// <summary>Gets how much cheaper the non-refundable rate plans are than the flexible ones, in percent.</summary>
    public decimal NonRefundableDiscountPercent { get; init; } = 15m;

    /// <summary>Gets the surcharge on Friday and Saturday nights.</summary>
    public decimal WeekendSurcharge { get; init; } = 20m;

    /// <summary>Gets the VAT on accommodation, in percent (Apaleo VAT type <c>Reduced</c>; 7 in Germany).</summary>
    public decimal AccommodationVatPercent { get; init; } = 7m;

    /// <summary>Gets the VAT on extras, in percent (Apaleo VAT type <c>Normal</c>; 19 in Germany).</summary>
    public decimal ServiceVatPercent { get; init; } = 19m;

    /// <summary>Gets the city tax on the net accommodation price, in percent (Berlin: 7.5); offered as <c>cityTax</c>, not included in totals.</summary>
    public decimal CityTaxPercent { get; init; } = 7.5m;

    /// <summary>Gets the price of breakfast per person and day.</summary>
    public decimal BreakfastPrice { get; init; } = 19.5m;

    /// <summary>Gets the price of parking per room and night.</summary>
    public decimal ParkingPrice { get; init; } = 15m;

    /// <summary>Gets how many nights from today rates are set for; outside them nothing is offered.</summary>
    public int BookableNights { get; init; } = 365;

    /// <summary>Gets how many days from today the night is on which the first unit group is sold out.</summary>
    public int SoldOutNightOffset { get; init; } = 10;

    /// <summary>Gets how many days from today the arrival date is on which the second unit group's flexible rate plan requires a minimum stay.</summary>
    public int RestrictedArrivalOffset { get; init; } = 14;

    /// <summary>Gets the minimum length of stay required on the restricted arrival date; at least 2.</summary>
    public int MinLengthOfStay { get; init; } = 2;

    /// <summary>Gets the known guest: booker and primary guest of a reservation arriving today for two nights.</summary>
    public ApaleoGuestSeed KnownGuest { get; init; } = new("Ada", "Lovelace", "ada.lovelace@example.com");

    /// <summary>Gets the guest in house: arrived yesterday, departs tomorrow.</summary>
    public ApaleoGuestSeed InHouseGuest { get; init; } = new("Grace", "Hopper", "grace.hopper@example.com");

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(PropertyId, nameof(PropertyId));
        ArgumentException.ThrowIfNullOrWhiteSpace(PropertyName, nameof(PropertyName));
        ArgumentException.ThrowIfNullOrWhiteSpace(TimeZone, nameof(TimeZone));
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            throw new ArgumentException($"The time zone '{TimeZone}' is not known to this machine's time zone database.", nameof(TimeZone));
        }

        if (CurrencyCode is not { Length: 3 } || !CurrencyCode.All(char.IsAsciiLetterUpper))
        {
            throw new ArgumentException($"The currency '{CurrencyCode}' is not an ISO 4217 code.", nameof(CurrencyCode));
        }

        ArgumentNullException.ThrowIfNull(UnitGroups, nameof(UnitGroups));
        if (UnitGroups.Count < 2)
        {
            throw new ArgumentException("The seed needs at least two unit groups: the first is sold out on one night, the second holds the known guest.", nameof(UnitGroups));
        }

        foreach (ApaleoUnitGroupSeed group in UnitGroups)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(group.Code, nameof(UnitGroups));
            ArgumentException.ThrowIfNullOrWhiteSpace(group.Name, nameof(UnitGroups));
            ArgumentOutOfRangeException.ThrowIfLessThan(group.UnitCount, 2, nameof(UnitGroups));
            ArgumentOutOfRangeException.ThrowIfLessThan(group.MaxPersons, 1, nameof(UnitGroups));
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(group.NightlyPrice, 0m, nameof(UnitGroups));
        }

        if (UnitGroups.Select(g => g.Code).Distinct(StringComparer.Ordinal).Count() != UnitGroups.Count)
        {
            throw new ArgumentException("Unit group codes must be unique.", nameof(UnitGroups));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(NonRefundableDiscountPercent, nameof(NonRefundableDiscountPercent));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(NonRefundableDiscountPercent, 100m, nameof(NonRefundableDiscountPercent));
        ArgumentOutOfRangeException.ThrowIfNegative(WeekendSurcharge, nameof(WeekendSurcharge));
        ArgumentOutOfRangeException.ThrowIfNegative(AccommodationVatPercent, nameof(AccommodationVatPercent));
        ArgumentOutOfRangeException.ThrowIfNegative(ServiceVatPercent, nameof(ServiceVatPercent));
        ArgumentOutOfRangeException.ThrowIfNegative(CityTaxPercent, nameof(CityTaxPercent));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(BreakfastPrice, 0m, nameof(BreakfastPrice));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ParkingPrice, 0m, nameof(ParkingPrice));
        ArgumentOutOfRangeException.ThrowIfLessThan(BookableNights, 60, nameof(BookableNights));
        ArgumentOutOfRangeException.ThrowIfLessThan(SoldOutNightOffset, 1, nameof(SoldOutNightOffset));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(SoldOutNightOffset, BookableNights, nameof(SoldOutNightOffset));
        ArgumentOutOfRangeException.ThrowIfLessThan(RestrictedArrivalOffset, 1, nameof(RestrictedArrivalOffset));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(RestrictedArrivalOffset, BookableNights - MinLengthOfStay, nameof(RestrictedArrivalOffset));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinLengthOfStay, 2, nameof(MinLengthOfStay));
        ValidateGuest(KnownGuest, nameof(KnownGuest));
        ValidateGuest(InHouseGuest, nameof(InHouseGuest));
    }

    private static void ValidateGuest(ApaleoGuestSeed guest, string name)
    {
        ArgumentNullException.ThrowIfNull(guest, name);
        ArgumentException.ThrowIfNullOrWhiteSpace(guest.FirstName, name);
        ArgumentException.ThrowIfNullOrWhiteSpace(guest.LastName, name);
        ArgumentException.ThrowIfNullOrWhiteSpace(guest.Email, name);
    }
}
