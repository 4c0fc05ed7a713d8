namespace HotelPlatform.Connectors.ContractTests;

/// <summary>
/// What the fixture seeded at the PMS, so that the kit knows what it may book and look for. The kit books only inside
/// the window <see cref="FirstNight"/>..<see cref="LastNight"/>, always in <see cref="RoomTypeId"/> under
/// <see cref="RatePlanId"/>, with guests it makes up; it cancels what it booked when a test ends.
/// </summary>
/// <param name="RoomTypeId">A room type the kit can book; it sleeps at least one adult.</param>
/// <param name="RatePlanId">A public rate plan (no promotion code needed) that sells <paramref name="RoomTypeId"/> on every night of the window.</param>
/// <param name="FirstNight">The first night of the window: after today at the property, by the fixture's clock.</param>
/// <param name="LastNight">The last night of the window; the window spans at least <see cref="MinimumNights"/> nights.</param>
public sealed record PmsContractScenario(string RoomTypeId, string RatePlanId, DateOnly FirstNight, DateOnly LastNight)
{
    /// <summary>The fewest nights the window spans: each kit area books in a band of nights of its own.</summary>
    public const int MinimumNights = 40;

    /// <summary>The fewest rooms of <see cref="RoomTypeId"/> free on every night of the window before the kit runs.</summary>
    public const int MinimumRoomsPerNight = 3;

    /// <summary>
    /// Gets how many rooms of <see cref="RoomTypeId"/> are free on every night of the window (at least
    /// <see cref="MinimumRoomsPerNight"/>). The paging test books up to five reservations on one night.
    /// </summary>
    public int RoomsPerNight { get; init; } = MinimumRoomsPerNight;

    /// <summary>Gets a guest profile that exists at the PMS, with its <see cref="GuestProfile.VendorId"/>, last name, e-mail and (ideally) phone; <see langword="null"/> skips the tests that need one.</summary>
    public GuestProfile? KnownGuest { get; init; }

    /// <summary>Gets an extra (service) the PMS sells for stays in the window; <see langword="null"/> skips the tests that need one.</summary>
    public string? ServiceId { get; init; }

    /// <summary>Gets a stay that cannot be booked because no room of its type is left; <see langword="null"/> skips the overbooking tests.</summary>
    public PmsContractStay? SoldOutStay { get; init; }

    /// <summary>Gets a restriction in force at the PMS for arrivals on a date; <see langword="null"/> skips the restriction tests.</summary>
    public PmsContractRestriction? Restriction { get; init; }

    /// <summary>Gets a reservation identifier that does not exist, in the vendor's identifier format.</summary>
    public string UnknownReservationId { get; init; } = "KITNOSUCHRES-1";

    /// <summary>Gets a confirmation number no reservation has, in the vendor's format.</summary>
    public string UnknownConfirmationNumber { get; init; } = "KITNOSUCHCONF";

    /// <summary>Gets a guest identifier that does not exist, in the vendor's identifier format.</summary>
    public string UnknownGuestId { get; init; } = "KITNOSUCHGUEST";

    /// <summary>Gets a service identifier the PMS does not sell.</summary>
    public string UnknownServiceId { get; init; } = "KITNOSUCHSERVICE";

    /// <summary>Gets the number of nights of the window.</summary>
    public int Nights => LastNight.DayNumber - FirstNight.DayNumber + 1;
}

/// <summary>A stay of one room type.</summary>
/// <param name="RoomTypeId">The room type.</param>
/// <param name="RatePlanId">A rate plan that sells the room type.</param>
/// <param name="Arrival">The first night.</param>
/// <param name="Departure">The departure day.</param>
public sealed record PmsContractStay(string RoomTypeId, string RatePlanId, DateOnly Arrival, DateOnly Departure);

/// <summary>Restrictions in force at the PMS for stays of a room type arriving on a date.</summary>
/// <param name="RoomTypeId">The room type.</param>
/// <param name="RatePlanId">A rate plan that sells the room type.</param>
/// <param name="Date">The arrival date the restrictions apply to.</param>
/// <param name="Restrictions">
/// The restrictions on that date, as the availability grid should report them. At least one of
/// <see cref="StayRestrictions.MinStay"/> (of 2 or more), <see cref="StayRestrictions.MaxStay"/>,
/// <see cref="StayRestrictions.ClosedToArrival"/> or <see cref="StayRestrictions.Closed"/> is set, so the kit can make a
/// stay that breaks them.
/// </param>
public sealed record PmsContractRestriction(string RoomTypeId, string RatePlanId, DateOnly Date, StayRestrictions Restrictions)
{
    /// <summary>Gets a stay arriving on <see cref="Date"/> that the restrictions forbid, or <see langword="null"/> when they forbid none the kit can make.</summary>
    /// <returns>The forbidden stay.</returns>
    public PmsContractStay? ForbiddenStay() => Restrictions switch
    {
        { ClosedToArrival: true } or { Closed: true } => new(RoomTypeId, RatePlanId, Date, Date.AddDays(1)),
        { MinStay: { } min } when min > 1 => new(RoomTypeId, RatePlanId, Date, Date.AddDays(min - 1)),
        { MaxStay: { } max } when max is >= 1 and < PmsArguments.MaxAvailabilityNights => new(RoomTypeId, RatePlanId, Date, Date.AddDays(max + 1)),
        _ => null,
    };
}
