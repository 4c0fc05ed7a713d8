using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HotelPlatform.Connectors.Simulators.Mews.Wire;

namespace HotelPlatform.Connectors.Simulators.Mews.State;

/// <summary>
/// The state of the simulated enterprise: one bookable service with its resource categories, rates, age categories and
/// products, customers and reservations. Every method takes the lock; what it returns is a copy.
/// </summary>
internal sealed partial class MewsHotel
{
    public const string StartOffset = "P0M0DT15H0M0S";
    public const string EndOffset = "P0M0DT12H0M0S";

    private static readonly TimeSpan StartTime = TimeSpan.FromHours(15);
    private static readonly TimeSpan EndTime = TimeSpan.FromHours(12);

    private readonly object _gate = new();
    private readonly List<Reservation> _reservations = [];
    private readonly List<OrderItem> _orderItems = [];
    private readonly Dictionary<string, Customer> _customers = new(StringComparer.Ordinal);
    private readonly string _seed;
    private int _nextNumber = 1000;
    private int _nextId;

    public MewsHotel(MewsSimulatorOptions options, DateTimeOffset now)
    {
        _seed = options.EnterpriseId ?? "mews-simulator";
        Options = options;
        Zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        EnterpriseId = options.EnterpriseId ?? Id("enterprise");
        ServiceId = Id("service:accommodation");
        Categories =
        [
            new Category(Id("category:double"), "Double Room", "DBL", 2, 1, 8),
            new Category(Id("category:single"), "Single Room", "SGL", 1, 0, 4),
            new Category(Id("category:suite"), "Suite", "STE", 4, 0, 1),
        ];
        Rates =
        [
            new Rate(Id("rate:flexible"), "Flexible", "FLEX", 1.0m),
            new Rate(Id("rate:nonrefundable"), "Non-refundable", "NREF", 0.85m),
        ];
        AgeCategories =
        [
            new AgeCategory(Id("age:adult"), "Adult", null, null, "Adults"),
            new AgeCategory(Id("age:child"), "Child", 0, 12, "Children"),
        ];
        Products = [new Product(Id("product:breakfast"), "Breakfast", "PerPersonPerTimeUnit", 18m)];
        SeededAt = now;
        Today = LocalDate(now);

        // Arrivals in a double on the restricted day must stay at least 3 nights, on every rate: a Start restriction
        // lifted by a MinLength exception (restrictions.md). Beyond the nights the contract kit books.
        RestrictedArrival = Today.AddDays(80);
        _restrictions.Add(new Restriction(Id("restriction:double-min-stay"), UserOrigin, new RestrictionKey("Start", null, null, null, Categories[0].Id, null, EveryDay), RestrictedArrival, RestrictedArrival, RestrictedMinStay, null));
        Scenario = Seed(now);
    }

    public MewsSimulatorOptions Options { get; }

    public TimeZoneInfo Zone { get; }

    public string EnterpriseId { get; }

    public string ServiceId { get; }

    public IReadOnlyList<Category> Categories { get; }

    public IReadOnlyList<Rate> Rates { get; }

    public IReadOnlyList<AgeCategory> AgeCategories { get; }

    public IReadOnlyList<Product> Products { get; }

    /// <summary>Gets the arrival day of the seeded minimum-stay restriction.</summary>
    public DateOnly RestrictedArrival { get; }

    /// <summary>Gets the seeded restriction's minimum stay in nights.</summary>
    public int RestrictedMinStay => 3;

    public DateTimeOffset SeededAt { get; }

    public DateOnly Today { get; }

    public MewsScenario Scenario { get; }

    /// <summary>The UTC instant of a local time of day on a date in the enterprise's zone.</summary>
    public DateTimeOffset Utc(DateOnly date, TimeSpan time = default)
    {
        var local = date.ToDateTime(TimeOnly.MinValue).Add(time);
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    public bool IsTimeUnitStart(DateTimeOffset instant) => Utc(LocalDate(instant)) == instant;

    public IReadOnlyList<MewsReservationInfo> Snapshot()
    {
        lock (_gate)
        {
            return [.. _reservations.Select(r => r.Info())];
        }
    }

    public IReadOnlyList<MewsCustomerInfo> Customers()
    {
        lock (_gate)
        {
            return [.. _customers.Values.Select(c => c.Info())];
        }
    }

    /// <summary>Rooms of a category left on a night: its rooms minus the reservations holding it.</summary>
    public int Available(string categoryId, DateOnly night)
    {
        lock (_gate)
        {
            var category = Categories.First(c => c.Id == categoryId);
            return Math.Max(0, category.Rooms + Adjustment(categoryId, night) - Occupied(categoryId, night, except: null));
        }
    }

    public int Occupied(string categoryId, DateOnly night)
    {
        lock (_gate)
        {
            return Occupied(categoryId, night, except: null);
        }
    }

    public Customer? FindCustomer(string id)
    {
        lock (_gate)
        {
            return _customers.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<CustomerResult> FindCustomers(CustomersGetAllRequest request)
    {
        lock (_gate)
        {
            IEnumerable<Customer> found = _customers.Values.OrderByDescending(c => c.CreatedUtc).ThenByDescending(c => c.Id, StringComparer.Ordinal);
            found = Where(found, request.CustomerIds, c => c.Id);
            found = Where(found, request.Emails, c => c.Email);
            found = Where(found, request.FirstNames, c => c.FirstName);
            found = Where(found, request.LastNames, c => c.LastName);
            return [.. found.Select(c => c.ToResult(EnterpriseId))];
        }
    }

    public CustomerResult AddCustomer(CustomersAddRequest request, DateTimeOffset now)
    {
        lock (_gate)
        {
            var customer = new Customer(NextId("customer"), (_nextNumber++).ToString(CultureInfo.InvariantCulture), now)
            {
                FirstName = request.FirstName,
                LastName = request.LastName,
                Email = request.Email,
                Phone = request.Phone,
                NationalityCode = request.NationalityCode,
                PreferredLanguageCode = request.PreferredLanguageCode,
                Options = [.. (request.Options ?? []).Distinct().Select(o => o.ToString())],
            };
            _customers[customer.Id] = customer;
            return customer.ToResult(EnterpriseId);
        }
    }

    public (CustomerResult? Customer, MewsRefusal? Refusal) UpdateCustomer(CustomersUpdateRequest request, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_customers.TryGetValue(request.CustomerId, out var customer))
            {
                return (null, MewsRefusal.Invalid("CustomerId"));
            }

            customer.FirstName = request.FirstName ?? customer.FirstName;
            customer.LastName = request.LastName ?? customer.LastName;
            customer.Email = request.Email ?? customer.Email;
            customer.Phone = request.Phone ?? customer.Phone;
            customer.NationalityCode = request.NationalityCode ?? customer.NationalityCode;
            customer.PreferredLanguageCode = request.PreferredLanguageCode ?? customer.PreferredLanguageCode;

            // Options is a plain array, not an update value: when sent, it is the customer's new set.
            customer.Options = request.Options is { } options ? [.. options.Distinct().Select(o => o.ToString())] : customer.Options;
            customer.UpdatedUtc = now;
            return (customer.ToResult(EnterpriseId), null);
        }
    }

    /// <summary>
    /// The reservations a filter selects, newest first (Mews: "the latest or most recent items will be returned"), after
    /// the cursor's position in that order, at most <paramref name="count"/>.
    /// </summary>
    public (IReadOnlyList<ReservationResult> Page, MewsRefusal? Refusal) ListReservations(ReservationsGetAllRequest request, int count)
    {
        lock (_gate)
        {
            var ordered = _reservations.OrderByDescending(r => r.CreatedUtc).ThenByDescending(r => r.Id, StringComparer.Ordinal).ToList();
            var start = 0;
            if (request.Limitation.Cursor is { } cursor)
            {
                var at = ordered.FindIndex(r => r.Id == cursor);
                if (at < 0)
                {
                    return ([], MewsRefusal.Invalid("Cursor"));
                }

                start = at + 1;
            }

            var states = request.States?.Select(s => s.ToString()).ToHashSet(StringComparer.Ordinal);
            var page = ordered.Skip(start)
                .Where(r => request.ServiceIds is null || request.ServiceIds.Contains(ServiceId))
                .Where(r => request.ReservationIds is null || request.ReservationIds.Contains(r.Id))
                .Where(r => request.Numbers is null || request.Numbers.Contains(r.Number))
                .Where(r => request.ChannelNumbers is null || (r.ChannelNumber is not null && request.ChannelNumbers.Contains(r.ChannelNumber)))
                .Where(r => request.AccountIds is null || request.AccountIds.Contains(r.CustomerId))
                .Where(r => states is null || states.Contains(r.State))
                .Where(r => In(request.CreatedUtc, r.CreatedUtc) && In(request.UpdatedUtc, r.UpdatedUtc)
                            && In(request.ScheduledStartUtc, r.StartUtc) && In(request.ScheduledEndUtc, r.EndUtc)
                            && In(request.ActualStartUtc, r.ActualStartUtc) && In(request.ActualEndUtc, r.ActualEndUtc)
                            && (request.CollidingUtc is not { } colliding || (r.StartUtc <= colliding.EndUtc && r.EndUtc >= colliding.StartUtc)))
                .Take(count)
                .Select(r => r.ToResult(ServiceId))
                .ToList();
            return (page, null);
        }
    }

    public (IReadOnlyList<(string? Identifier, Reservation Reservation)> Added, MewsRefusal? Refusal) AddReservations(ReservationsAddRequest request, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (request.ServiceId != ServiceId)
            {
                return ([], MewsRefusal.Invalid("ServiceId"));
            }

            // All or nothing: every reservation is checked before any is added.
            var pending = new List<Reservation>();
            foreach (var parameters in request.Reservations)
            {
                if (CheckStay(parameters.CustomerId, parameters.RequestedCategoryId, parameters.RateId, parameters.StartUtc, parameters.EndUtc, parameters.PersonCounts, request.CheckOverbooking ?? true, except: null, pending) is { } refusal)
                {
                    return ([], refusal);
                }

                // CheckRateApplicability: "The default is true" (reservations.md), so restrictions are enforced unless it is false.
                if ((request.CheckRateApplicability ?? true) && CheckRestrictions(parameters.RequestedCategoryId, parameters.RateId, parameters.StartUtc, parameters.EndUtc) is { } restricted)
                {
                    return ([], restricted);
                }

                if (parameters.ProductOrders?.FirstOrDefault(p => Products.All(product => product.Id != p.ProductId)) is { } unknown)
                {
                    return ([], MewsRefusal.Invalid("ProductId", $"the service has no product '{unknown.ProductId}'."));
                }

                var state = parameters.State ?? "Confirmed";
                if (state is not ("Confirmed" or "Optional" or "Enquired"))
                {
                    return ([], MewsRefusal.Invalid("State", "a new reservation is Optional, Enquired or Confirmed."));
                }

                pending.Add(new Reservation(NextId("reservation"), (_nextNumber++).ToString(CultureInfo.InvariantCulture), Id("group:" + _nextId), now)
                {
                    State = state == "Enquired" ? "Inquired" : state,
                    CustomerId = parameters.CustomerId!,
                    CategoryId = parameters.RequestedCategoryId,
                    RateId = parameters.RateId,
                    StartUtc = parameters.StartUtc,
                    EndUtc = parameters.EndUtc,
                    PersonCounts = [.. parameters.PersonCounts.Select(p => new PersonCountResult(p.AgeCategoryId, p.Count))],
                    ChannelNumber = parameters.ChannelNumber,
                    Notes = parameters.Notes,
                });
            }

            _reservations.AddRange(pending);
            foreach (var (parameters, reservation) in request.Reservations.Zip(pending))
            {
                foreach (var order in parameters.ProductOrders ?? [])
                {
                    AddOrderItems(reservation, order.ProductId, order.Count ?? 1, order.StartUtc ?? reservation.StartUtc, order.EndUtc ?? reservation.EndUtc, now);
                }
            }

            return ([.. request.Reservations.Zip(pending, (p, r) => (p.Identifier, r))], null);
        }
    }

    public (IReadOnlyList<string> Changed, MewsRefusal? Refusal) UpdateReservations(ReservationsUpdateRequest request, DateTimeOffset now)
    {
        lock (_gate)
        {
            var changes = new List<(Reservation Reservation, Reservation Updated)>();
            foreach (var update in request.ReservationUpdates)
            {
                var reservation = _reservations.FirstOrDefault(r => r.Id == update.ReservationId);
                if (reservation is null)
                {
                    return ([], MewsRefusal.Invalid("ReservationId"));
                }

                if (reservation.State is "Canceled" or "Processed")
                {
                    return ([], MewsRefusal.Rule($"Reservation {reservation.Number} is {reservation.State} and cannot be changed."));
                }

                var updated = reservation.Copy();
                updated.StartUtc = update.StartUtc?.Value ?? updated.StartUtc;
                updated.EndUtc = update.EndUtc?.Value ?? updated.EndUtc;
                updated.CategoryId = update.RequestedCategoryId?.Value ?? updated.CategoryId;
                updated.RateId = update.RateId?.Value ?? updated.RateId;
                updated.ChannelNumber = update.ChannelNumber is { } channel ? channel.Value : updated.ChannelNumber;
                if (update.PersonCounts?.Value is { } counts)
                {
                    updated.PersonCounts = [.. counts.Select(p => new PersonCountResult(p.AgeCategoryId, p.Count))];
                }

                var persons = updated.PersonCounts.Select(p => new AgeCategoryCount { AgeCategoryId = p.AgeCategoryId, Count = p.Count }).ToList();
                if (CheckStay(updated.CustomerId, updated.CategoryId, updated.RateId, updated.StartUtc, updated.EndUtc, persons, checkOverbooking: true, except: reservation, [.. changes.Select(c => c.Updated)]) is { } refusal)
                {
                    return ([], refusal);
                }

                changes.Add((reservation, updated));
            }

            foreach (var (reservation, updated) in changes)
            {
                reservation.Apply(updated, now);
            }

            return ([.. changes.Select(c => c.Reservation.Id)], null);
        }
    }

    public (IReadOnlyList<string> Cancelled, MewsRefusal? Refusal) Cancel(IReadOnlyList<string> ids, DateTimeOffset now)
    {
        lock (_gate)
        {
            var found = new List<Reservation>();
            foreach (var id in ids)
            {
                var reservation = _reservations.FirstOrDefault(r => r.Id == id);
                if (reservation is null)
                {
                    return ([], MewsRefusal.Invalid("ReservationIds"));
                }

                if (reservation.State is not ("Confirmed" or "Optional" or "Inquired" or "Requested"))
                {
                    return ([], MewsRefusal.Rule($"Reservation {reservation.Number} is {reservation.State} and cannot be canceled."));
                }

                found.Add(reservation);
            }

            foreach (var reservation in found)
            {
                reservation.State = "Canceled";
                reservation.CancelledUtc = now;
                reservation.UpdatedUtc = now;
            }

            return ([.. found.Select(r => r.Id)], null);
        }
    }

    /// <summary>
    /// The order items of the given reservations (service orders): each night's <c>SpaceOrder</c> (priced for the
    /// reservation's party as <c>reservations/price</c> prices it), then the products' <c>ProductOrder</c>s.
    /// </summary>
    public IReadOnlyList<OrderItemResult> OrderItems(OrderItemsGetAllRequest request)
    {
        lock (_gate)
        {
            var types = request.Types?.Select(t => t.ToString()).ToHashSet(StringComparer.Ordinal);
            var nights = _reservations
                .Where(r => request.ServiceOrderIds is null || request.ServiceOrderIds.Contains(r.Id))
                .OrderBy(r => r.CreatedUtc).ThenBy(r => r.Id, StringComparer.Ordinal)
                .SelectMany(SpaceOrders);
            var products = _orderItems
                .Where(i => request.ServiceOrderIds is null || request.ServiceOrderIds.Contains(i.ReservationId))
                .Select(i => i.ToResult(this));
            return [.. nights.Concat(products)
                .Where(i => request.OrderItemIds is null || request.OrderItemIds.Contains(i.Id))
                .Where(i => types is null || types.Contains(i.Type))];
        }
    }

    private IEnumerable<OrderItemResult> SpaceOrders(Reservation reservation)
    {
        var category = Categories.First(c => c.Id == reservation.CategoryId);
        var rate = Rates.First(r => r.Id == reservation.RateId);
        var canceled = reservation.State == "Canceled" ? reservation.CancelledUtc : null;
        for (var night = LocalDate(reservation.StartUtc); night < LocalDate(reservation.EndUtc); night = night.AddDays(1))
        {
            var price = Price(category, rate, night, reservation.PersonCounts.Select(p => (p.AgeCategoryId, p.Count)));
            var amount = new AmountResult(Options.Currency, price, decimal.Round(price / 1.12m, 2));
            yield return new OrderItemResult(
                Id($"night:{reservation.Id}:{night:yyyy-MM-dd}"), EnterpriseId, reservation.CustomerId, ServiceId, reservation.Id, 1, amount, amount, amount,
                "Service", ProfileId, ProfileId, reservation.CreatedUtc, canceled ?? reservation.UpdatedUtc, Utc(night), canceled, canceled is null ? "Open" : "Canceled", "SpaceOrder",
                new OrderItemOptionsResult(canceled is not null), null);
        }
    }

    public (string? ItemId, MewsRefusal? Refusal) AddProduct(ReservationsAddProductRequest request, DateTimeOffset now)
    {
        lock (_gate)
        {
            var reservation = _reservations.FirstOrDefault(r => r.Id == request.ReservationId);
            if (reservation is null)
            {
                return (null, MewsRefusal.Invalid("ReservationId"));
            }

            if (Products.All(p => p.Id != request.ProductId))
            {
                return (null, MewsRefusal.Invalid("ProductId"));
            }

            if (request.Count < 1)
            {
                return (null, MewsRefusal.Invalid("Count", "must be positive."));
            }

            if (reservation.State is "Canceled" or "Processed")
            {
                return (null, MewsRefusal.Rule($"Reservation {reservation.Number} is {reservation.State}; products cannot be added."));
            }

            var items = AddOrderItems(reservation, request.ProductId, request.Count, request.StartUtc ?? reservation.StartUtc, request.EndUtc ?? reservation.EndUtc, now);
            reservation.UpdatedUtc = now;
            return (items[0].Id, null);
        }
    }

    /// <summary>Checks a guest in as the front desk would: Confirmed, arriving today or earlier.</summary>
    public MewsRefusal? Start(string reservationId, DateTimeOffset now)
    {
        lock (_gate)
        {
            var reservation = _reservations.FirstOrDefault(r => r.Id == reservationId);
            if (reservation is null)
            {
                return MewsRefusal.Invalid("ReservationId");
            }

            if (reservation.State != "Confirmed" || LocalDate(reservation.StartUtc) > LocalDate(now))
            {
                return MewsRefusal.Rule($"Reservation {reservation.Number} cannot be started: it must be Confirmed and not in the future.");
            }

            reservation.State = "Started";
            reservation.ActualStartUtc = now;
            reservation.UpdatedUtc = now;
            return null;
        }
    }

    /// <summary>One item per night for a product charged per time unit, else one at the start; cancelled with the reservation.</summary>
    private List<OrderItem> AddOrderItems(Reservation reservation, string productId, int count, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now)
    {
        var product = Products.First(p => p.Id == productId);
        var persons = reservation.PersonCounts.Sum(p => p.Count);
        var perNight = product.ChargingMode is "PerTimeUnit" or "PerPersonPerTimeUnit";
        var units = product.ChargingMode is "PerPerson" or "PerPersonPerTimeUnit" ? count * persons : count;
        var dates = new List<DateOnly>();
        for (var night = LocalDate(start); perNight ? night < LocalDate(end) : dates.Count == 0; night = night.AddDays(1))
        {
            dates.Add(night);
        }

        var added = dates.Select(date => new OrderItem(NextId("item"), reservation.Id, reservation.CustomerId, productId, units, product.Price, Utc(date), now)).ToList();
        _orderItems.AddRange(added);
        reservation.ProductIds = [.. reservation.ProductIds, productId];
        return added;
    }

    private static IEnumerable<Customer> Where(IEnumerable<Customer> customers, IReadOnlyList<string>? values, Func<Customer, string?> field) =>
        values is null ? customers : customers.Where(c => field(c) is { } value && values.Contains(value, StringComparer.OrdinalIgnoreCase));

    private static bool In(TimeIntervalModel? interval, DateTimeOffset? instant) =>
        interval is null || (instant is { } value && value >= interval.StartUtc && value <= interval.EndUtc);

    private MewsRefusal? CheckStay(string? customerId, string categoryId, string rateId, DateTimeOffset start, DateTimeOffset end, IReadOnlyList<AgeCategoryCount> persons, bool checkOverbooking, Reservation? except, IReadOnlyList<Reservation> pending)
    {
        if (customerId is null || !_customers.ContainsKey(customerId))
        {
            return MewsRefusal.Invalid("CustomerId");
        }

        var category = Categories.FirstOrDefault(c => c.Id == categoryId);
        if (category is null)
        {
            return MewsRefusal.Invalid("RequestedCategoryId");
        }

        if (Rates.All(r => r.Id != rateId))
        {
            return MewsRefusal.Invalid("RateId");
        }

        if (end <= start)
        {
            return MewsRefusal.Invalid("EndUtc", "the reservation must end after it starts.");
        }

        if (persons.Count == 0 || persons.Any(p => p.Count < 1 || AgeCategories.All(a => a.Id != p.AgeCategoryId)))
        {
            return MewsRefusal.Invalid("PersonCounts");
        }

        if (persons.Sum(p => p.Count) > category.Capacity + category.ExtraCapacity)
        {
            return MewsRefusal.Rule($"The resource category {category.Name} holds at most {category.Capacity + category.ExtraCapacity} persons.");
        }

        if (checkOverbooking)
        {
            for (var night = LocalDate(start); night < LocalDate(end); night = night.AddDays(1))
            {
                var taken = Occupied(categoryId, night, except) + pending.Count(p => p.CategoryId == categoryId && p.Holds(night, this));
                if (taken >= category.Rooms + Adjustment(categoryId, night))
                {
                    return MewsRefusal.Rule($"There is no availability of {category.Name} on {night:yyyy-MM-dd}; the reservation would overbook it.");
                }
            }
        }

        return null;
    }

    private int Occupied(string categoryId, DateOnly night, Reservation? except) =>
        _reservations.Count(r => r != except && r.CategoryId == categoryId && r.Holds(night, this));

    private MewsScenario Seed(DateTimeOffset now)
    {
        var known = NewCustomer("Anna", "Novak", "anna.novak@example.com", "+420 601 123 456", now.AddDays(-400));
        var inHouse = NewCustomer("Jonas", "Berg", "jonas.berg@example.com", null, now.AddDays(-30));
        var suiteGuest = NewCustomer("Mia", "Lopez", "mia.lopez@example.com", null, now.AddDays(-20));
        var adult = AgeCategories[0].Id;
        var knownReservation = NewReservation(known, Categories[0], Rates[0], Today.AddDays(2), Today.AddDays(4), adult, "Confirmed", now.AddDays(-60));
        var inHouseReservation = NewReservation(inHouse, Categories[0], Rates[0], Today.AddDays(-1), Today.AddDays(2), adult, "Started", now.AddDays(-10));
        inHouseReservation.ActualStartUtc = Utc(Today.AddDays(-1), StartTime);
        var soldOut = Today.AddDays(30);
        NewReservation(suiteGuest, Categories[2], Rates[0], soldOut, soldOut.AddDays(1), adult, "Confirmed", now.AddDays(-5));
        return new MewsScenario(
            EnterpriseId, ServiceId, Categories[0].Id, Categories[1].Id, Categories[2].Id, Rates[0].Id, Rates[1].Id, Products[0].Id, Today, soldOut,
            known.Info(), knownReservation.Id, inHouseReservation.Id)
        {
            DoubleRooms = Categories[0].Rooms,
            RestrictedArrival = RestrictedArrival,
            RestrictedMinStay = RestrictedMinStay,
        };
    }

    private Customer NewCustomer(string firstName, string lastName, string email, string? phone, DateTimeOffset created)
    {
        var customer = new Customer(NextId("customer"), (_nextNumber++).ToString(CultureInfo.InvariantCulture), created) { FirstName = firstName, LastName = lastName, Email = email, Phone = phone };
        _customers[customer.Id] = customer;
        return customer;
    }

    private Reservation NewReservation(Customer customer, Category category, Rate rate, DateOnly arrival, DateOnly departure, string adultCategory, string state, DateTimeOffset created)
    {
        var reservation = new Reservation(NextId("reservation"), (_nextNumber++).ToString(CultureInfo.InvariantCulture), Id("group:" + _nextId), created)
        {
            State = state,
            CustomerId = customer.Id,
            CategoryId = category.Id,
            RateId = rate.Id,
            StartUtc = Utc(arrival, StartTime),
            EndUtc = Utc(departure, EndTime),
            PersonCounts = [new PersonCountResult(adultCategory, 1)],
        };
        _reservations.Add(reservation);
        return reservation;
    }

    private string NextId(string kind) => Id($"{kind}:{++_nextId}");

    /// <summary>A GUID made from the seed and a name, so that ids are the same on every run.</summary>
    private string Id(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{_seed}|{name}"));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }

    internal sealed record Category(string Id, string Name, string ShortName, int Capacity, int ExtraCapacity, int Rooms);

    internal sealed record Rate(string Id, string Name, string ShortName, decimal Factor);

    internal sealed record AgeCategory(string Id, string Classification, int? MinimalAge, int? MaximalAge, string Name);

    internal sealed record Product(string Id, string Name, string ChargingMode, decimal Price);

    internal sealed record OrderItem(string Id, string ReservationId, string CustomerId, string ProductId, int UnitCount, decimal UnitPrice, DateTimeOffset ConsumedUtc, DateTimeOffset CreatedUtc)
    {
        public OrderItemResult ToResult(MewsHotel hotel)
        {
            var currency = hotel.Options.Currency;
            AmountResult Amount(decimal gross) => new(currency, gross, decimal.Round(gross / 1.12m, 2));
            var reservation = hotel._reservations.First(r => r.Id == ReservationId);
            var canceled = reservation.State == "Canceled" ? reservation.CancelledUtc : null;
            return new OrderItemResult(
                Id, hotel.EnterpriseId, CustomerId, hotel.ServiceId, ReservationId, UnitCount, Amount(UnitPrice), Amount(UnitPrice * UnitCount), Amount(UnitPrice * UnitCount),
                "Product", ProfileId, ProfileId, CreatedUtc, canceled ?? CreatedUtc, ConsumedUtc, canceled, canceled is null ? "Open" : "Canceled", "ProductOrder",
                new OrderItemOptionsResult(canceled is not null), new OrderItemDataResult("Product", null, new ProductDataResult(ProductId, null)));
        }
    }

    internal sealed class Customer(string id, string number, DateTimeOffset created)
    {
        public string Id { get; } = id;

        public string Number { get; } = number;

        public DateTimeOffset CreatedUtc { get; } = created;

        public DateTimeOffset UpdatedUtc { get; set; } = created;

        public string? FirstName { get; set; }

        public string LastName { get; set; } = string.Empty;

        public string? Email { get; set; }

        public string? Phone { get; set; }

        public string? NationalityCode { get; set; }

        public string? PreferredLanguageCode { get; set; }

        public IReadOnlyList<string> Options { get; set; } = [];

        public MewsCustomerInfo Info() => new(Id, FirstName, LastName, Email, Phone);

        public CustomerResult ToResult(string enterpriseId) =>
            new(Id, enterpriseId, Number, FirstName, LastName, NationalityCode, PreferredLanguageCode, Email, false, Phone, CreatedUtc, UpdatedUtc, [], Options, true, [], ProfileId, ProfileId);
    }

    internal sealed class Reservation(string id, string number, string groupId, DateTimeOffset created)
    {
        public string Id { get; } = id;

        public string Number { get; } = number;

        public string GroupId { get; } = groupId;

        public DateTimeOffset CreatedUtc { get; } = created;

        public DateTimeOffset UpdatedUtc { get; set; } = created;

        public DateTimeOffset? CancelledUtc { get; set; }

        public string State { get; set; } = "Confirmed";

        public string CustomerId { get; set; } = string.Empty;

        public string CategoryId { get; set; } = string.Empty;

        public string RateId { get; set; } = string.Empty;

        public DateTimeOffset StartUtc { get; set; }

        public DateTimeOffset EndUtc { get; set; }

        public DateTimeOffset? ActualStartUtc { get; set; }

        public DateTimeOffset? ActualEndUtc { get; set; }

        public IReadOnlyList<PersonCountResult> PersonCounts { get; set; } = [];

        public string? ChannelNumber { get; set; }

        public string? Notes { get; set; }

        public IReadOnlyList<string> ProductIds { get; set; } = [];

        /// <summary>Whether the reservation holds a room of its category on a night (Confirmed, Optional or checked in).</summary>
        public bool Holds(DateOnly night, MewsHotel hotel) =>
            State is "Confirmed" or "Optional" or "Started" && hotel.LocalDate(StartUtc) <= night && night < hotel.LocalDate(EndUtc);

        public Reservation Copy() => (Reservation)MemberwiseClone();

        public void Apply(Reservation updated, DateTimeOffset now)
        {
            StartUtc = updated.StartUtc;
            EndUtc = updated.EndUtc;
            CategoryId = updated.CategoryId;
            RateId = updated.RateId;
            ChannelNumber = updated.ChannelNumber;
            PersonCounts = updated.PersonCounts;
            UpdatedUtc = now;
        }

        public MewsReservationInfo Info() =>
            new(Id, Number, State, CustomerId, CategoryId, RateId, StartUtc, EndUtc, ChannelNumber, Notes, CreatedUtc, UpdatedUtc, ProductIds);

        public ReservationResult ToResult(string serviceId) =>
            new(Id, serviceId, CustomerId, "Customer", ProfileId, ProfileId, Number, State, "Connector", CreatedUtc, UpdatedUtc, CancelledUtc,
                new ReservationOptionsResult(State == "Started", State == "Started", State == "Started", false),
                RateId, GroupId, CategoryId, null, false, ChannelNumber, StartUtc, ActualStartUtc, EndUtc, ActualEndUtc, PersonCounts);
    }

    /// <summary>What each adult after the first adds to a night, before the rate's factor.</summary>
    private const decimal ExtraAdult = 25m;

    /// <summary>What each child adds to a night, before the rate's factor.</summary>
    private const decimal ExtraChild = 10m;

    /// <summary>The profile the simulator's changes are made by.</summary>
    private const string ProfileId = "00000000-0000-4000-8000-00000000a11e";
}
