namespace HotelPlatform.Connectors;

/// <summary>The status of a reservation, one vocabulary across vendors. Each connector's documentation maps its vendor's statuses.</summary>
public enum ReservationStatus
{
    /// <summary>The vendor reported a status this SDK does not map; see <see cref="Reservation.RawStatus"/>.</summary>
    Unknown = 0,

    /// <summary>Booked and guaranteed; the guest has not arrived.</summary>
    Confirmed,

    /// <summary>Booked but not yet guaranteed (an option, an enquiry, an optional reservation).</summary>
    Tentative,

    /// <summary>The guest has checked in.</summary>
    InHouse,

    /// <summary>The guest has checked out.</summary>
    CheckedOut,

    /// <summary>The reservation was cancelled.</summary>
    Cancelled,

    /// <summary>The guest did not arrive.</summary>
    NoShow,

    /// <summary>The reservation waits for a room to become available.</summary>
    Waitlisted,
}

/// <summary>A stay to book.</summary>
/// <param name="Arrival">The first night.</param>
/// <param name="Departure">The departure day.</param>
/// <param name="RoomTypeId">The room type's vendor identifier.</param>
/// <param name="RatePlanId">The rate plan's vendor identifier.</param>
/// <param name="PrimaryGuest">The guest the reservation is for; <see cref="GuestProfile.LastName"/> is required.</param>
public sealed record ReservationDraft(DateOnly Arrival, DateOnly Departure, string RoomTypeId, string RatePlanId, GuestProfile PrimaryGuest)
{
    /// <summary>Gets the number of adults; at least one.</summary>
    public int Adults { get; init; } = 1;

    /// <summary>Gets the ages of the children staying, one entry per child.</summary>
    public IReadOnlyList<int> ChildrenAges { get; init; } = [];

    /// <summary>
    /// Gets the caller's unique reference for this booking. The connector sends it as the vendor's idempotency key or
    /// stores it as the vendor's client/external reference, and looks it up before retrying a create whose outcome is
    /// unknown. Reuse the same value when you retry the same booking; <see langword="null"/> lets the connector make one per call.
    /// </summary>
    public string? ClientReference { get; init; }

    /// <summary>Gets the total the guest was quoted, where the vendor needs the price with the booking.</summary>
    public Money? QuotedTotal { get; init; }

    /// <summary>Gets a note for the hotel staff.</summary>
    public string? Comment { get; init; }

    /// <summary>Gets a note from the guest.</summary>
    public string? GuestComment { get; init; }

    /// <summary>Gets extras to book with the stay.</summary>
    public IReadOnlyList<ServiceOrder> Services { get; init; } = [];

    /// <summary>Gets the number of nights.</summary>
    public int Nights => Departure.DayNumber - Arrival.DayNumber;
}

/// <summary>Changes to a reservation; a member left <see langword="null"/> is left as it is.</summary>
public sealed record ReservationChanges
{
    /// <summary>Gets the new arrival date.</summary>
    public DateOnly? Arrival { get; init; }

    /// <summary>Gets the new departure date.</summary>
    public DateOnly? Departure { get; init; }

    /// <summary>Gets the new number of adults.</summary>
    public int? Adults { get; init; }

    /// <summary>Gets the new ages of the children.</summary>
    public IReadOnlyList<int>? ChildrenAges { get; init; }

    /// <summary>Gets the new room type.</summary>
    public string? RoomTypeId { get; init; }

    /// <summary>Gets the new rate plan.</summary>
    public string? RatePlanId { get; init; }

    /// <summary>Gets the new primary guest details.</summary>
    public GuestProfile? PrimaryGuest { get; init; }

    /// <summary>Gets the new note for the hotel staff.</summary>
    public string? Comment { get; init; }

    /// <summary>Gets the new note from the guest.</summary>
    public string? GuestComment { get; init; }

    /// <summary>Gets a value indicating whether any stay detail (dates, occupancy, room type, rate plan) changes.</summary>
    public bool ChangesStay => Arrival is not null || Departure is not null || Adults is not null || ChildrenAges is not null
                               || RoomTypeId is not null || RatePlanId is not null;

    /// <summary>Gets a value indicating whether anything changes at all.</summary>
    public bool IsEmpty => !ChangesStay && PrimaryGuest is null && Comment is null && GuestComment is null;
}

/// <summary>A reservation: one room for one stay.</summary>
/// <param name="VendorId">The vendor's reservation identifier.</param>
/// <param name="PropertyId">The vendor's property identifier.</param>
/// <param name="Status">The normalised status.</param>
/// <param name="Arrival">The first night.</param>
/// <param name="Departure">The departure day.</param>
/// <param name="PrimaryGuest">The guest the reservation is for.</param>
public sealed record Reservation(
    string VendorId,
    string PropertyId,
    ReservationStatus Status,
    DateOnly Arrival,
    DateOnly Departure,
    GuestProfile PrimaryGuest)
{
    /// <summary>Gets the number a guest quotes; often equal to <see cref="VendorId"/>.</summary>
    public string? ConfirmationNumber { get; init; }

    /// <summary>Gets the vendor's own status value, unmapped.</summary>
    public string? RawStatus { get; init; }

    /// <summary>Gets the room type's vendor identifier.</summary>
    public string? RoomTypeId { get; init; }

    /// <summary>Gets the rate plan's vendor identifier.</summary>
    public string? RatePlanId { get; init; }

    /// <summary>Gets the number of adults.</summary>
    public int Adults { get; init; } = 1;

    /// <summary>Gets the ages of the children.</summary>
    public IReadOnlyList<int> ChildrenAges { get; init; } = [];

    /// <summary>Gets the other guests staying in the room.</summary>
    public IReadOnlyList<GuestProfile> AdditionalGuests { get; init; } = [];

    /// <summary>
    /// Gets the total amount of the reservation, where known: the nights (<see cref="NightlyRates"/>), the fees included
    /// in the total (<see cref="Fees"/>) and the extras (<see cref="Services"/>).
    /// </summary>
    public Money? Total { get; init; }

    /// <summary>
    /// Gets what each night of the stay costs, in date order, one entry per night from <see cref="Arrival"/> to the night
    /// before <see cref="Departure"/>: the gross room rate of that night, as <see cref="RateQuote.Nights"/> gives it for a
    /// quote. Empty where the vendor's answer carries no nightly breakdown (see the connector's documentation; Apaleo's
    /// reservation lists, for example).
    /// </summary>
    public IReadOnlyList<NightlyRate> NightlyRates { get; init; } = [];

    /// <summary>Gets the fees (city tax, resort fee, ...) charged for the stay on top of the nightly rates, where the vendor states them.</summary>
    public IReadOnlyList<Fee> Fees { get; init; } = [];

    /// <summary>Gets the extras booked with the reservation.</summary>
    public IReadOnlyList<ReservationService> Services { get; init; } = [];

    /// <summary>Gets the client reference the reservation was created with, where the vendor stores it.</summary>
    public string? ClientReference { get; init; }

    /// <summary>Gets the booking reference of the channel that sold the stay, where any.</summary>
    public string? ExternalReference { get; init; }

    /// <summary>Gets the note for the hotel staff.</summary>
    public string? Comment { get; init; }

    /// <summary>Gets the note from the guest.</summary>
    public string? GuestComment { get; init; }

    /// <summary>Gets when the reservation was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets when the reservation was last modified.</summary>
    public DateTimeOffset? ModifiedAt { get; init; }

    /// <summary>Gets when the reservation was cancelled.</summary>
    public DateTimeOffset? CancelledAt { get; init; }

    /// <summary>Gets the number of nights.</summary>
    public int Nights => Departure.DayNumber - Arrival.DayNumber;
}

/// <summary>An extra booked with a reservation.</summary>
/// <param name="ServiceId">The service's vendor identifier.</param>
/// <param name="Name">The service's name.</param>
/// <param name="Quantity">How many were booked.</param>
public sealed record ReservationService(string ServiceId, string Name, int Quantity)
{
    /// <summary>Gets the total price of the extra.</summary>
    public Money? Total { get; init; }

    /// <summary>Gets the dates the extra is delivered on; empty when not date-bound.</summary>
    public IReadOnlyList<DateOnly> Dates { get; init; } = [];
}

/// <summary>What <see cref="ReservationQuery"/> lists.</summary>
public enum ReservationQueryKind
{
    /// <summary>Reservations arriving on <see cref="ReservationQuery.Date"/>.</summary>
    Arrivals,

    /// <summary>Reservations departing on <see cref="ReservationQuery.Date"/>.</summary>
    Departures,

    /// <summary>Guests in house on the night of <see cref="ReservationQuery.Date"/>.</summary>
    InHouse,

    /// <summary>Reservations created or modified since <see cref="ReservationQuery.Since"/>.</summary>
    ChangedSince,
}

/// <summary>A query of <see cref="IPmsConnector.GetReservationsAsync"/>. Use the factory methods.</summary>
public sealed record ReservationQuery
{
    private ReservationQuery(ReservationQueryKind kind) => Kind = kind;

    /// <summary>Gets what is listed.</summary>
    public ReservationQueryKind Kind { get; }

    /// <summary>Gets the property-local day, or <see langword="null"/> for today in the property's time zone.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Gets the instant for <see cref="ReservationQueryKind.ChangedSince"/>.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Gets the page size the connector asks the vendor for; <see langword="null"/> for the connector's default.</summary>
    public int? PageSize { get; init; }

    /// <summary>Gets a value indicating whether cancelled reservations are included (arrivals/departures/changed-since).</summary>
    public bool IncludeCancelled { get; init; }

    /// <summary>Arrivals of a day.</summary>
    /// <param name="date">The property-local day.</param>
    /// <returns>The query.</returns>
    public static ReservationQuery Arrivals(DateOnly date) => new(ReservationQueryKind.Arrivals) { Date = date };

    /// <summary>Arrivals of today in the property's time zone.</summary>
    /// <returns>The query.</returns>
    public static ReservationQuery ArrivalsToday() => new(ReservationQueryKind.Arrivals);

    /// <summary>Departures of a day.</summary>
    /// <param name="date">The property-local day.</param>
    /// <returns>The query.</returns>
    public static ReservationQuery Departures(DateOnly date) => new(ReservationQueryKind.Departures) { Date = date };

    /// <summary>Departures of today in the property's time zone.</summary>
    /// <returns>The query.</returns>
    public static ReservationQuery DeparturesToday() => new(ReservationQueryKind.Departures);

    /// <summary>Guests in house on the night of a day.</summary>
    /// <param name="date">The property-local day.</param>
    /// <returns>The query.</returns>
    public static ReservationQuery InHouse(DateOnly date) => new(ReservationQueryKind.InHouse) { Date = date };

    /// <summary>Guests in house tonight in the property's time zone.</summary>
    /// <returns>The query.</returns>
    public static ReservationQuery InHouseToday() => new(ReservationQueryKind.InHouse);

    /// <summary>Reservations created or modified since an instant.</summary>
    /// <param name="since">The instant.</param>
    /// <returns>The query.</returns>
    public static ReservationQuery ChangedSince(DateTimeOffset since) => new(ReservationQueryKind.ChangedSince) { Since = since, IncludeCancelled = true };
}
