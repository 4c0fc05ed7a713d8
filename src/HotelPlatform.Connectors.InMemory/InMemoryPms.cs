using System.Globalization;

namespace HotelPlatform.Connectors.InMemory;

/// <summary>
/// The state of one in-memory hotel PMS: its property, room types, rate plans, restrictions, inventory, reservations,
/// guests and extras. An <see cref="InMemoryPmsConnector"/> serves <see cref="IPmsConnector"/> calls from it; tests
/// seed it with <see cref="InMemoryHotelBuilder"/>, move reservations through their stay (<see cref="CheckIn"/>,
/// <see cref="CheckOut"/>, <see cref="MarkNoShow"/>) and inspect what happened (<see cref="Reservations"/>,
/// <see cref="Operations"/>, <see cref="Events"/>).
/// </summary>
/// <remarks>
/// Every member is thread-safe: one lock guards the whole state, so each operation (a booking that checks every night
/// of the stay and takes them, a modification that gives back the old nights and takes the new ones) is atomic. Two
/// concurrent bookings for the last room: exactly one wins, the other gets <see cref="PmsConflictException"/>.
/// Results are immutable snapshots. Identifiers and confirmation numbers are deterministic (a sequence), so a test
/// seeded the same way sees the same values on every run.
/// </remarks>
public sealed partial class InMemoryPms
{
    /// <summary>The most entries <see cref="Operations"/> and <see cref="Events"/> keep; older ones are dropped.</summary>
    public const int LogCapacity = 1000;

    private readonly Lock _gate = new();
    private readonly TimeZoneInfo _zone;
    private readonly bool _allowPastArrivals;
    private readonly Dictionary<string, RoomTypeDefinition> _roomTypes = new(StringComparer.Ordinal);
    private readonly List<string> _roomTypeOrder = [];
    private readonly Dictionary<string, RatePlanDefinition> _ratePlans = new(StringComparer.Ordinal);
    private readonly List<string> _ratePlanOrder = [];
    private readonly Dictionary<string, ServiceDefinition> _services = new(StringComparer.Ordinal);
    private readonly List<string> _serviceOrder = [];
    private readonly Dictionary<(string RoomTypeId, DateOnly Night), int> _sold = [];
    private readonly Dictionary<(string RoomTypeId, DateOnly Date), StayRestrictions> _restrictions = [];
    private readonly Dictionary<string, ReservationState> _reservations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReservationState> _byClientReference = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GuestProfile> _guests = new(StringComparer.Ordinal);
    private readonly Queue<InMemoryOperation> _operations = new();
    private readonly Queue<PmsEvent> _events = new();
    private long _reservationSequence;
    private long _guestSequence;
    private long _eventSequence;

    internal InMemoryPms(PmsProperty property, TimeZoneInfo zone, TimeProvider timeProvider, bool allowPastArrivals)
    {
        Property = property;
        _zone = zone;
        TimeProvider = timeProvider;
        _allowPastArrivals = allowPastArrivals;
    }

    /// <summary>
    /// Raised after a change, outside the PMS's lock, with the normalised event a vendor's webhook would deliver
    /// (<see cref="ReservationCreatedEvent"/>, <see cref="ReservationModifiedEvent"/>, <see cref="ReservationCancelledEvent"/>,
    /// <see cref="GuestUpdatedEvent"/>, <see cref="AvailabilityChangedEvent"/>). Handlers run on the thread that made the change.
    /// </summary>
    public event EventHandler<PmsEvent>? EventRaised;

    /// <summary>Gets the property: identifier, name, IANA time zone and currency.</summary>
    public PmsProperty Property { get; }

    /// <summary>Gets the clock that stamps changes and defines "today" at the property.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Gets today's date in the property's time zone, by <see cref="TimeProvider"/>.</summary>
    public DateOnly Today => LocalDate(TimeProvider.GetUtcNow());

    /// <summary>Gets the room types, in the order they were added.</summary>
    public IReadOnlyList<RoomType> RoomTypes
    {
        get
        {
            lock (_gate)
            {
                return [.. _roomTypeOrder.Select(id => _roomTypes[id].ToModel())];
            }
        }
    }

    /// <summary>Gets the rate plans, in the order they were added (promotion-code plans included).</summary>
    public IReadOnlyList<RatePlan> RatePlans
    {
        get
        {
            lock (_gate)
            {
                return [.. _ratePlanOrder.Select(id => _ratePlans[id].ToModel(_roomTypeOrder, Property.Currency))];
            }
        }
    }

    /// <summary>Gets a snapshot of every reservation, cancelled ones included, in the order they were made.</summary>
    public IReadOnlyList<Reservation> Reservations
    {
        get
        {
            lock (_gate)
            {
                return [.. _reservations.Values.OrderBy(r => r.Sequence).Select(ToModel)];
            }
        }
    }

    /// <summary>Gets a snapshot of every guest profile, in the order they were made.</summary>
    public IReadOnlyList<GuestProfile> Guests
    {
        get
        {
            lock (_gate)
            {
                return [.. _guests.Values];
            }
        }
    }

    /// <summary>Gets the calls served so far, oldest first (at most <see cref="LogCapacity"/>).</summary>
    public IReadOnlyList<InMemoryOperation> Operations
    {
        get
        {
            lock (_gate)
            {
                return [.. _operations];
            }
        }
    }

    /// <summary>Gets the events raised so far, oldest first (at most <see cref="LogCapacity"/>).</summary>
    public IReadOnlyList<PmsEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Creates an in-memory PMS seeded by <paramref name="configure"/>.</summary>
    /// <param name="configure">Seeds the hotel.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>. Pass a <c>FakeTimeProvider</c> in tests.</param>
    /// <returns>The PMS.</returns>
    public static InMemoryPms Create(Action<InMemoryHotelBuilder> configure, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new InMemoryHotelBuilder();
        configure(builder);
        return builder.Build(timeProvider);
    }

    /// <summary>Creates an in-memory PMS holding the deterministic demo hotel (see <see cref="InMemoryHotelBuilder.WithDemoData"/>).</summary>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <returns>The PMS.</returns>
    public static InMemoryPms CreateDemo(TimeProvider? timeProvider = null) =>
        new InMemoryHotelBuilder().WithDemoData().Build(timeProvider);

    /// <summary>Forgets the recorded <see cref="Operations"/>, so that a test sees only the calls it made.</summary>
    public void ClearOperations()
    {
        lock (_gate)
        {
            _operations.Clear();
        }
    }

    /// <summary>Gets how many rooms of a room type can still be sold for a night (never negative).</summary>
    /// <param name="roomTypeId">The room type.</param>
    /// <param name="night">The night.</param>
    /// <returns>The rooms left.</returns>
    /// <exception cref="ArgumentException">The room type does not exist.</exception>
    public int GetAvailable(string roomTypeId, DateOnly night)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roomTypeId);
        lock (_gate)
        {
            return Available(RoomTypeOrThrow(roomTypeId), night);
        }
    }

    /// <summary>Gets the restrictions in force for a room type on a date.</summary>
    /// <param name="roomTypeId">The room type.</param>
    /// <param name="date">The date.</param>
    /// <returns>The restrictions; <see cref="StayRestrictions.None"/> when there are none.</returns>
    /// <exception cref="ArgumentException">The room type does not exist.</exception>
    public StayRestrictions GetRestrictions(string roomTypeId, DateOnly date)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roomTypeId);
        lock (_gate)
        {
            RoomTypeOrThrow(roomTypeId);
            return RestrictionsOf(roomTypeId, date);
        }
    }

    /// <summary>
    /// Sets the restrictions of a room type for every date from <paramref name="firstDate"/> to <paramref name="lastDate"/>
    /// (inclusive), replacing what was there; <see cref="StayRestrictions.None"/> lifts them. Quotes and bookings made
    /// afterwards honour them; existing reservations are not touched.
    /// </summary>
    /// <param name="roomTypeId">The room type.</param>
    /// <param name="firstDate">The first date.</param>
    /// <param name="lastDate">The last date (inclusive).</param>
    /// <param name="restrictions">The restrictions.</param>
    /// <exception cref="ArgumentException">The room type does not exist, or the dates are reversed.</exception>
    public void SetRestrictions(string roomTypeId, DateOnly firstDate, DateOnly lastDate, StayRestrictions restrictions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roomTypeId);
        ArgumentNullException.ThrowIfNull(restrictions);
        if (lastDate < firstDate)
        {
            throw new ArgumentException($"lastDate ({lastDate:yyyy-MM-dd}) is before firstDate ({firstDate:yyyy-MM-dd}).", nameof(lastDate));
        }

        List<PmsEvent> raised = [];
        lock (_gate)
        {
            RoomTypeOrThrow(roomTypeId);
            for (var date = firstDate; date <= lastDate; date = date.AddDays(1))
            {
                if (restrictions.IsRestricted)
                {
                    _restrictions[(roomTypeId, date)] = restrictions;
                }
                else
                {
                    _restrictions.Remove((roomTypeId, date));
                }
            }

            raised.Add(AvailabilityChanged(roomTypeId, firstDate, lastDate));
        }

        Publish(raised);
    }

    internal void ForgetHistory()
    {
        lock (_gate)
        {
            _operations.Clear();
            _events.Clear();
        }
    }

    internal DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, _zone).DateTime);

    // ---- construction (used by InMemoryHotelBuilder before the instance is handed out) ----

    internal void AddRoomTypeDefinition(RoomTypeDefinition roomType)
    {
        if (!_roomTypes.TryAdd(roomType.Id, roomType))
        {
            throw new InvalidOperationException($"Room type '{roomType.Id}' is added twice.");
        }

        _roomTypeOrder.Add(roomType.Id);
    }

    internal void AddRatePlanDefinition(RatePlanDefinition ratePlan)
    {
        var unknown = ratePlan.Prices.Keys.FirstOrDefault(id => !_roomTypes.ContainsKey(id));
        if (unknown is not null)
        {
            throw new InvalidOperationException($"Rate plan '{ratePlan.Id}' prices room type '{unknown}', which is not added: add room types before the rate plans that sell them.");
        }

        if (!_ratePlans.TryAdd(ratePlan.Id, ratePlan))
        {
            throw new InvalidOperationException($"Rate plan '{ratePlan.Id}' is added twice.");
        }

        _ratePlanOrder.Add(ratePlan.Id);
    }

    internal void AddServiceDefinition(ServiceDefinition service)
    {
        if (!_services.TryAdd(service.Id, service))
        {
            throw new InvalidOperationException($"Service '{service.Id}' is added twice.");
        }

        _serviceOrder.Add(service.Id);
    }

    internal void AddGuestProfile(GuestProfile guest)
    {
        lock (_gate)
        {
            var stored = guest.VendorId is null ? guest with { VendorId = NextGuestId() } : guest;
            if (!_guests.TryAdd(stored.VendorId!, stored))
            {
                throw new InvalidOperationException($"Guest '{stored.VendorId}' is added twice.");
            }
        }
    }

    // ---- helpers; callers hold the lock ----

    private RoomTypeDefinition RoomTypeOrThrow(string roomTypeId) =>
        _roomTypes.TryGetValue(roomTypeId, out var roomType)
            ? roomType
            : throw new ArgumentException($"Room type '{roomTypeId}' does not exist. Room types: {string.Join(", ", _roomTypeOrder)}.", nameof(roomTypeId));

    private int Available(RoomTypeDefinition roomType, DateOnly night) =>
        Math.Max(0, roomType.RoomCount - _sold.GetValueOrDefault((roomType.Id, night)));

    private StayRestrictions RestrictionsOf(string roomTypeId, DateOnly date) =>
        _restrictions.GetValueOrDefault((roomTypeId, date)) ?? StayRestrictions.None;

    /// <summary>Returns why a stay may not be sold in a room type under its restrictions, or <see langword="null"/> when it may.</summary>
    private string? RestrictionViolation(string roomTypeId, DateOnly arrival, DateOnly departure)
    {
        var nights = departure.DayNumber - arrival.DayNumber;
        var onArrival = RestrictionsOf(roomTypeId, arrival);
        if (onArrival.ClosedToArrival)
        {
            return $"room type '{roomTypeId}' is closed to arrival on {arrival:yyyy-MM-dd}";
        }

        if (onArrival.MinStay is { } min && nights < min)
        {
            return $"room type '{roomTypeId}' needs at least {min} nights for an arrival on {arrival:yyyy-MM-dd}";
        }

        if (onArrival.MaxStay is { } max && nights > max)
        {
            return $"room type '{roomTypeId}' allows at most {max} nights for an arrival on {arrival:yyyy-MM-dd}";
        }

        if (RestrictionsOf(roomTypeId, departure).ClosedToDeparture)
        {
            return $"room type '{roomTypeId}' is closed to departure on {departure:yyyy-MM-dd}";
        }

        for (var night = arrival; night < departure; night = night.AddDays(1))
        {
            if (RestrictionsOf(roomTypeId, night).Closed)
            {
                return $"room type '{roomTypeId}' is closed on {night:yyyy-MM-dd}";
            }
        }

        return null;
    }

    /// <summary>Returns the first night of the stay with no room of the type left, or <see langword="null"/>.</summary>
    private DateOnly? SoldOutNight(RoomTypeDefinition roomType, DateOnly arrival, DateOnly departure)
    {
        for (var night = arrival; night < departure; night = night.AddDays(1))
        {
            if (Available(roomType, night) < 1)
            {
                return night;
            }
        }

        return null;
    }

    private void Take(ReservationState reservation) => Adjust(reservation, +1);

    private void GiveBack(ReservationState reservation) => Adjust(reservation, -1);

    private void Adjust(ReservationState reservation, int delta)
    {
        foreach (var night in reservation.Nights())
        {
            var key = (reservation.RoomTypeId, night);
            var sold = _sold.GetValueOrDefault(key) + delta;
            if (sold == 0)
            {
                _sold.Remove(key);
            }
            else
            {
                _sold[key] = sold;
            }
        }
    }

    private void Log(InMemoryOperation operation)
    {
        if (_operations.Count == LogCapacity)
        {
            _operations.Dequeue();
        }

        _operations.Enqueue(operation);
    }

    private InMemoryOperation Operation(string name) => new(name, TimeProvider.GetUtcNow());

    private string NextEventId() => string.Create(CultureInfo.InvariantCulture, $"evt-{++_eventSequence:D6}");

    private string NextGuestId() => string.Create(CultureInfo.InvariantCulture, $"G{++_guestSequence:D6}");

    private PmsEvent AvailabilityChanged(string roomTypeId, DateOnly from, DateOnly to) =>
        Record(new AvailabilityChangedEvent(NextEventId(), PmsVendors.InMemory, Property.VendorId, TimeProvider.GetUtcNow())
        {
            From = from,
            To = to,
            RoomTypeIds = [roomTypeId],
            VendorEventType = "availability/changed",
        });

    private PmsEvent Record(PmsEvent pmsEvent)
    {
        if (_events.Count == LogCapacity)
        {
            _events.Dequeue();
        }

        _events.Enqueue(pmsEvent);
        return pmsEvent;
    }

    /// <summary>Raises events after the lock is released, so that a handler calling back into the PMS cannot deadlock.</summary>
    private void Publish(List<PmsEvent> raised)
    {
        var handler = EventRaised;
        if (handler is null)
        {
            return;
        }

        foreach (var pmsEvent in raised)
        {
            handler(this, pmsEvent);
        }
    }

    private Money Money(decimal amount) => new(CurrencyPrecision.Round(amount, Property.Currency), Property.Currency);

    private PmsNotFoundException NotFound(string entityType, string id, string operation) =>
        new($"{entityType} '{id}' does not exist at in-memory property '{Property.VendorId}'.")
        {
            Vendor = PmsVendors.InMemory,
            Operation = operation,
            EntityType = entityType,
            EntityId = id,
            StatusCode = System.Net.HttpStatusCode.NotFound,
        };

    private static PmsValidationException Invalid(string field, string message, string operation) =>
        new(message)
        {
            Vendor = PmsVendors.InMemory,
            Operation = operation,
            Field = field,
            Messages = [message],
            StatusCode = System.Net.HttpStatusCode.UnprocessableEntity,
        };

    private static PmsConflictException Conflict(PmsConflictReason reason, string message, string operation) =>
        new(message)
        {
            Vendor = PmsVendors.InMemory,
            Operation = operation,
            Reason = reason,
            StatusCode = System.Net.HttpStatusCode.Conflict,
        };
}
