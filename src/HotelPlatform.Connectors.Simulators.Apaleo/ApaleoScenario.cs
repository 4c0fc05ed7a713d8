namespace HotelPlatform.Connectors.Simulators.Apaleo;

/// <summary>A night on which a unit group has nothing left to sell.</summary>
/// <param name="UnitGroupId">The unit group.</param>
/// <param name="Night">The night (the date it starts); a stay covering it cannot be booked in that unit group.</param>
public sealed record ApaleoSoldOutNight(string UnitGroupId, DateOnly Night);

/// <summary>An arrival date on which a rate plan requires a minimum length of stay.</summary>
/// <param name="RatePlanId">The rate plan.</param>
/// <param name="Arrival">The arrival date.</param>
/// <param name="MinLengthOfStay">The fewest nights a stay arriving that day may have.</param>
public sealed record ApaleoRestrictedArrival(string RatePlanId, DateOnly Arrival, int MinLengthOfStay);

/// <summary>A seeded reservation and its guest.</summary>
/// <param name="ReservationId">The reservation id (<c>{bookingId}-1</c>).</param>
/// <param name="BookingId">The booking id.</param>
/// <param name="FirstName">The primary guest's first name.</param>
/// <param name="LastName">The primary guest's last name.</param>
/// <param name="Email">The primary guest's e-mail address.</param>
/// <param name="Arrival">The arrival date.</param>
/// <param name="Departure">The departure date.</param>
public sealed record ApaleoSeededReservation(string ReservationId, string BookingId, string FirstName, string LastName, string Email, DateOnly Arrival, DateOnly Departure);

/// <summary>
/// What an <see cref="ApaleoSimulator"/> seeded, so a contract-test fixture can describe its scenario without hard-coding
/// ids or dates. Dates are relative to <see cref="Today"/>, the simulator's date in the property's time zone when it was
/// constructed; <see cref="VendorSimulator.Reset"/> restores exactly this state.
/// </summary>
public sealed class ApaleoScenario
{
    internal ApaleoScenario()
    {
    }

    /// <summary>Gets the date the scenario is anchored to: the simulator clock's date in the property's time zone at construction.</summary>
    public DateOnly Today { get; internal init; }

    /// <summary>Gets the property id.</summary>
    public string PropertyId { get; internal init; } = string.Empty;

    /// <summary>Gets the property's IANA time zone.</summary>
    public string TimeZone { get; internal init; } = string.Empty;

    /// <summary>Gets the property's currency.</summary>
    public string CurrencyCode { get; internal init; } = string.Empty;

    /// <summary>Gets the unit group (room type) ids, in the order seeded.</summary>
    public IReadOnlyList<string> UnitGroupIds { get; internal init; } = [];

    /// <summary>Gets every rate plan id: a flexible and a non-refundable one per unit group.</summary>
    public IReadOnlyList<string> RatePlanIds { get; internal init; } = [];

    /// <summary>Gets the unit group of the known guest, the in-house guest and the restricted date.</summary>
    public string MainUnitGroupId { get; internal init; } = string.Empty;

    /// <summary>Gets the flexible rate plan of <see cref="MainUnitGroupId"/>: free cancellation until the day before arrival, guarantee PM6Hold.</summary>
    public string FlexibleRatePlanId { get; internal init; } = string.Empty;

    /// <summary>Gets the non-refundable rate plan of <see cref="MainUnitGroupId"/>: the whole stay is due at booking, guarantee Prepayment.</summary>
    public string NonRefundableRatePlanId { get; internal init; } = string.Empty;

    /// <summary>Gets the breakfast service (per person, delivered the morning after each night).</summary>
    public string BreakfastServiceId { get; internal init; } = string.Empty;

    /// <summary>Gets the parking service (per room and night).</summary>
    public string ParkingServiceId { get; internal init; } = string.Empty;

    /// <summary>Gets the night on which the first unit group is sold out.</summary>
    public ApaleoSoldOutNight SoldOut { get; internal init; } = null!;

    /// <summary>Gets the arrival date on which <see cref="FlexibleRatePlanId"/> requires a minimum stay.</summary>
    public ApaleoRestrictedArrival RestrictedArrival { get; internal init; } = null!;

    /// <summary>Gets the known guest's reservation: confirmed, arriving today, two nights, breakfast booked, no unit assigned yet.</summary>
    public ApaleoSeededReservation KnownGuest { get; internal init; } = null!;

    /// <summary>Gets the in-house guest's reservation: arrived yesterday, departs tomorrow, unit assigned.</summary>
    public ApaleoSeededReservation InHouseGuest { get; internal init; } = null!;

    /// <summary>Gets the ids of the reservations that sell out <see cref="SoldOut"/>.</summary>
    public IReadOnlyList<string> SoldOutReservationIds { get; internal init; } = [];

    /// <summary>Gets the last night with rates set (today plus <see cref="ApaleoSeed.BookableNights"/> minus one).</summary>
    public DateOnly LastBookableNight { get; internal init; }
}
