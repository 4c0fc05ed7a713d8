namespace HotelPlatform.Connectors.InMemory;

/// <summary>
/// Seeds an in-memory hotel in a few lines:
/// <code>
/// var pms = InMemoryPms.Create(hotel => hotel
///     .WithProperty("BER", "Hotel Berlin Mitte", "Europe/Berlin", "EUR")
///     .AddRoomType("DBL", "Double room", rooms: 10, maxOccupancy: 2)
///     .AddRatePlan("FLEX", "Flexible", plan => plan.Price("DBL", 120m).VatIncluded(7m))
///     .AddService("BRKF", "Breakfast", 18m, ServicePricingUnit.PerPersonPerNight)
///     .AddGuest(new GuestProfile("Schmidt") { Email = "anna.schmidt@example.com" })
///     .AddReservation(today => new ReservationDraft(today, today.AddDays(2), "DBL", "FLEX", new GuestProfile("Meyer"))),
///     timeProvider);
/// var connector = new InMemoryPmsConnector(pms);
/// </code>
/// Nothing is checked until <see cref="Build"/>, which fails with a message naming what is wrong (an unknown room type,
/// a duplicate identifier, a seeded reservation that would overbook).
/// </summary>
public sealed class InMemoryHotelBuilder
{
    private readonly List<RoomTypeDefinition> _roomTypes = [];
    private readonly List<(string Id, string Name, InMemoryRatePlanBuilder Plan)> _ratePlans = [];
    private readonly List<ServiceDefinition> _services = [];
    private readonly List<GuestProfile> _guests = [];
    private readonly List<(string RoomTypeId, DateOnly First, DateOnly Last, StayRestrictions Restrictions)> _restrictions = [];
    private readonly List<(Func<DateOnly, ReservationDraft> Draft, ReservationStatus Status, string? ExternalReference)> _reservations = [];
    private string _propertyId = "INMEMORY";
    private string _name = "In-memory hotel";
    private string _timeZone = "Etc/UTC";
    private string _currency = "EUR";
    private bool _demo;
    private bool _allowPastArrivals;

    /// <summary>Sets the property; the default is <c>INMEMORY</c>, "In-memory hotel", <c>Etc/UTC</c>, EUR.</summary>
    /// <param name="propertyId">The property's identifier (<see cref="IPmsConnector.PropertyId"/>).</param>
    /// <param name="name">The property's name.</param>
    /// <param name="timeZone">The IANA time zone, for example <c>Europe/Berlin</c>; "today" is today there.</param>
    /// <param name="currency">The ISO 4217 currency every price is in.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The time zone is not an IANA zone known here, or the currency is not ISO 4217.</exception>
    public InMemoryHotelBuilder WithProperty(string propertyId, string name, string timeZone, string currency)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(propertyId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _ = FindIanaZone(timeZone, nameof(timeZone));
        _propertyId = propertyId;
        _name = name;
        _timeZone = timeZone;
        _currency = CurrencyCodes.Normalize(currency, nameof(currency));
        return this;
    }

    /// <summary>Adds a room type.</summary>
    /// <param name="roomTypeId">The identifier.</param>
    /// <param name="name">The display name.</param>
    /// <param name="rooms">How many rooms of the type exist: what every night starts with before bookings.</param>
    /// <param name="maxOccupancy">The most persons (adults and children) one room sleeps.</param>
    /// <param name="description">The description shown to guests.</param>
    /// <returns>This builder.</returns>
    public InMemoryHotelBuilder AddRoomType(string roomTypeId, string name, int rooms, int maxOccupancy = 2, string? description = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roomTypeId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegative(rooms);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxOccupancy, 1);
        _roomTypes.Add(new RoomTypeDefinition(roomTypeId, name, rooms, maxOccupancy, description));
        return this;
    }

    /// <summary>Adds a rate plan; <paramref name="configure"/> sets its prices, VAT, fees and cancellation terms.</summary>
    /// <param name="ratePlanId">The identifier.</param>
    /// <param name="name">The display name.</param>
    /// <param name="configure">Describes the plan; it must price at least one room type.</param>
    /// <returns>This builder.</returns>
    public InMemoryHotelBuilder AddRatePlan(string ratePlanId, string name, Action<InMemoryRatePlanBuilder> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ratePlanId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        var plan = new InMemoryRatePlanBuilder();
        configure(plan);
        _ratePlans.Add((ratePlanId, name, plan));
        return this;
    }

    /// <summary>Sets stay restrictions of a room type for every date from <paramref name="firstDate"/> to <paramref name="lastDate"/> (inclusive).</summary>
    /// <param name="roomTypeId">The room type.</param>
    /// <param name="firstDate">The first date.</param>
    /// <param name="lastDate">The last date (inclusive).</param>
    /// <param name="restrictions">The restrictions, for example <c>new StayRestrictions { MinStay = 2 }</c>.</param>
    /// <returns>This builder.</returns>
    public InMemoryHotelBuilder Restrict(string roomTypeId, DateOnly firstDate, DateOnly lastDate, StayRestrictions restrictions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roomTypeId);
        ArgumentNullException.ThrowIfNull(restrictions);
        if (lastDate < firstDate)
        {
            throw new ArgumentException($"lastDate ({lastDate:yyyy-MM-dd}) is before firstDate ({firstDate:yyyy-MM-dd}).", nameof(lastDate));
        }

        _restrictions.Add((roomTypeId, firstDate, lastDate, restrictions));
        return this;
    }

    /// <summary>Adds an extra that can be sold with a stay.</summary>
    /// <param name="serviceId">The identifier.</param>
    /// <param name="name">The name.</param>
    /// <param name="unitPrice">The price of one unit in the property's currency.</param>
    /// <param name="pricingUnit">What one unit is: per stay, per night, per person, per person and night.</param>
    /// <param name="description">The description.</param>
    /// <returns>This builder.</returns>
    public InMemoryHotelBuilder AddService(string serviceId, string name, decimal unitPrice, ServicePricingUnit pricingUnit = ServicePricingUnit.PerStay, string? description = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegative(unitPrice);
        if (!Enum.IsDefined(pricingUnit))
        {
            throw new ArgumentOutOfRangeException(nameof(pricingUnit), pricingUnit, "Unknown pricing unit.");
        }

        _services.Add(new ServiceDefinition(serviceId, name, unitPrice, pricingUnit, description));
        return this;
    }

    /// <summary>Adds a guest profile; one without <see cref="GuestProfile.VendorId"/> gets the next identifier (<c>G000001</c>, ...).</summary>
    /// <param name="guest">The profile.</param>
    /// <returns>This builder.</returns>
    public InMemoryHotelBuilder AddGuest(GuestProfile guest)
    {
        PmsArguments.Validate(guest);
        _guests.Add(guest);
        return this;
    }

    /// <summary>
    /// Adds a reservation (see <see cref="InMemoryPms.AddReservation"/>: any status, restrictions ignored, never overbooked).
    /// Prefer the overload taking today's date when the stay should be relative to the clock.
    /// </summary>
    /// <param name="draft">The stay.</param>
    /// <param name="status">The status.</param>
    /// <param name="externalReference">A channel's booking reference.</param>
    /// <returns>This builder.</returns>
    public InMemoryHotelBuilder AddReservation(ReservationDraft draft, ReservationStatus status = ReservationStatus.Confirmed, string? externalReference = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return AddReservation(_ => draft, status, externalReference);
    }

    /// <summary>
    /// Adds a reservation whose dates depend on the property's date when the hotel is built, so that seeded data never
    /// goes stale: <c>AddReservation(today => new(today, today.AddDays(2), "DBL", "FLEX", new("Meyer")))</c>.
    /// </summary>
    /// <param name="draft">Makes the stay from the property-local date at <see cref="Build"/>.</param>
    /// <param name="status">The status.</param>
    /// <param name="externalReference">A channel's booking reference.</param>
    /// <returns>This builder.</returns>
    public InMemoryHotelBuilder AddReservation(Func<DateOnly, ReservationDraft> draft, ReservationStatus status = ReservationStatus.Confirmed, string? externalReference = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        _reservations.Add((draft, status, externalReference));
        return this;
    }

    /// <summary>
    /// Adds the demo hotel, before anything else added to this builder: four room types (<c>STD</c> 12 rooms,
    /// <c>SGL</c> 6, <c>FAM</c> 4, <c>STE</c> 2), three rate plans (<c>FLEX</c> with free cancellation, <c>NONREF</c>
    /// 10 % cheaper, <c>CORP</c> behind promotion code <c>CORPORATE</c>; weekend nights 20 % dearer; 7 % VAT included,
    /// 5 % city tax on top), three extras (<c>BRKF</c> breakfast, <c>PARK</c> parking, <c>LATE</c> late check-out),
    /// three guests and reservations around today (two arriving, one in house, one departing, one cancelled, one booked
    /// through a channel with reference <c>BDC-1000001</c>). The same clock gives the same data.
    /// </summary>
    /// <returns>This builder.</returns>
    public InMemoryHotelBuilder WithDemoData()
    {
        _demo = true;
        return this;
    }

    /// <summary>
    /// Lets bookings, modifications and quotes use arrival dates before today. By default they are refused, as at a real
    /// PMS, so that an application bug that books yesterday is caught by its tests.
    /// </summary>
    /// <param name="allow">Whether past arrivals are allowed.</param>
    /// <returns>This builder.</returns>
    public InMemoryHotelBuilder AllowArrivalsInThePast(bool allow = true)
    {
        _allowPastArrivals = allow;
        return this;
    }

    /// <summary>Builds the hotel.</summary>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>. Pass a <c>FakeTimeProvider</c> in tests.</param>
    /// <returns>The in-memory PMS.</returns>
    /// <exception cref="InvalidOperationException">The seed is inconsistent; the message says how.</exception>
    public InMemoryPms Build(TimeProvider? timeProvider = null)
    {
        var clock = timeProvider ?? TimeProvider.System;
        var zone = FindIanaZone(_timeZone, "timeZone");
        var pms = new InMemoryPms(new PmsProperty(_propertyId, _name, _timeZone, _currency) { Code = _propertyId }, zone, clock, _allowPastArrivals);
        var today = pms.Today;
        InMemoryHotelBuilder[] seeds = _demo ? [DemoHotel.Seed(today, _currency), this] : [this];
        foreach (var builder in seeds)
        {
            builder.ApplyTo(pms, today);
        }

        // The seed is the hotel's starting point, not something that happened: tests see only their own calls and events.
        pms.ForgetHistory();
        return pms;
    }

    internal static TimeZoneInfo FindIanaZone(string? timeZone, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZone, paramName);

        // "Today at the property" must mean the same everywhere: a Windows zone name would resolve only on some machines.
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) || !zone.HasIanaId)
        {
            throw new ArgumentException($"'{timeZone}' is not an IANA time zone known on this machine (for example Europe/Berlin).", paramName);
        }

        return zone;
    }

    private void ApplyTo(InMemoryPms pms, DateOnly today)
    {
        foreach (var roomType in _roomTypes)
        {
            pms.AddRoomTypeDefinition(roomType);
        }

        foreach (var (id, name, plan) in _ratePlans)
        {
            pms.AddRatePlanDefinition(plan.Build(id, name));
        }

        foreach (var service in _services)
        {
            pms.AddServiceDefinition(service);
        }

        foreach (var (roomTypeId, first, last, restrictions) in _restrictions)
        {
            try
            {
                pms.SetRestrictions(roomTypeId, first, last, restrictions);
            }
            catch (ArgumentException ex)
            {
                throw new InvalidOperationException($"A restriction names room type '{roomTypeId}', which is not added.", ex);
            }
        }

        foreach (var guest in _guests)
        {
            pms.AddGuestProfile(guest);
        }

        foreach (var (draft, status, externalReference) in _reservations)
        {
            var stay = draft(today);
            try
            {
                pms.AddReservation(stay, status, externalReference);
            }
            catch (Exception ex) when (ex is ArgumentException or PmsException)
            {
                throw new InvalidOperationException($"The seeded reservation from {stay?.Arrival:yyyy-MM-dd} to {stay?.Departure:yyyy-MM-dd} in room type '{stay?.RoomTypeId}' cannot be added: {ex.Message}", ex);
            }
        }
    }
}
