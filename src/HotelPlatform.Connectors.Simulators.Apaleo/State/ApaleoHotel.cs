using System.Globalization;
using HotelPlatform.Connectors.Simulators.Apaleo.Wire;

namespace HotelPlatform.Connectors.Simulators.Apaleo.State;

/// <summary>Something that changed, to be announced as a webhook (<c>Reservation</c> / <c>created</c> / <c>XPGMSXGF-1</c>).</summary>
internal sealed record HotelEvent(string Topic, string Type, string EntityId);

/// <summary>
/// The simulated hotel: the <see cref="ApaleoCatalog"/> plus its reservations, and Apaleo's business rules on them
/// (availability, restrictions, amend, cancel, check-in, extras). Every member takes the lock, so handlers can call it
/// concurrently; availability is computed from the reservations themselves, so it goes down when a reservation is made
/// and back up when it is cancelled without any separate counter to keep in step.
/// </summary>
internal sealed partial class ApaleoHotel
{
    private const string BookingIdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static readonly (string First, string Last)[] SoldOutGuests =
    [
        ("Alan", "Turing"), ("Katherine", "Johnson"), ("Edsger", "Dijkstra"), ("Barbara", "Liskov"), ("Donald", "Knuth"), ("Frances", "Allen"),
    ];

    private readonly Lock _gate = new();
    private readonly List<StoredReservation> _reservations = [];
    private readonly Dictionary<string, StoredReservation> _byId = new(StringComparer.Ordinal);
    private readonly HashSet<string> _bookingIds = new(StringComparer.Ordinal);
    private readonly DeterministicRandom _ids;

    /// <summary>Initializes a new instance of the <see cref="ApaleoHotel"/> class and seeds its reservations.</summary>
    /// <param name="catalog">The inventory, prices and policies.</param>
    /// <param name="ids">The stream booking ids are drawn from.</param>
    /// <param name="seededAt">The simulator clock at seeding; seeded reservations were "made" days before it.</param>
    public ApaleoHotel(ApaleoCatalog catalog, DeterministicRandom ids, DateTimeOffset seededAt)
    {
        Catalog = catalog;
        _ids = ids;
        Scenario = Seed(seededAt);
    }

    public ApaleoCatalog Catalog { get; }

    public ApaleoScenario Scenario { get; }

    /// <summary>Today at the property, on the simulator clock.</summary>
    public DateOnly TodayAt(DateTimeOffset now) => Catalog.DateAt(now);

    // ---- availability ----

    /// <summary>How many units of a unit group are sold on a night.</summary>
    public int SoldCount(UnitGroupDef group, DateOnly night, StoredReservation? except = null)
    {
        lock (_gate)
        {
            return SoldLocked(group, night, except);
        }
    }

    /// <summary>How many units of a unit group can still be sold on a night (no overbooking, no maintenance).</summary>
    public int SellableCount(UnitGroupDef group, DateOnly night, StoredReservation? except = null)
    {
        lock (_gate)
        {
            return SellableLocked(group, night, except);
        }
    }

    /// <summary>The answer of <c>GET /availability/v1/unit-groups</c>: one overnight time slice per day from <paramref name="from"/> to <paramref name="to"/> (both included).</summary>
    public IReadOnlyList<UnitGroupAvailabilityTimeSliceItemModel> UnitGroupAvailability(DateOnly from, DateOnly to, IReadOnlyList<UnitGroupDef> groups)
    {
        lock (_gate)
        {
            var slices = new List<UnitGroupAvailabilityTimeSliceItemModel>();
            for (DateOnly night = from; night <= to; night = night.AddDays(1))
            {
                var items = groups.Select(group =>
                {
                    int physical = group.Units.Count;
                    int sold = SoldLocked(group, night, null);
                    int sellable = Math.Max(0, physical - sold);
                    return new UnitGroupAvailabilityItemModel(group.ToEmbedded(withType: true), physical, physical, sold, Occupancy(sold, physical), sellable, sellable, 0, NoMaintenance, NoBlocks);
                }).ToList();

                int propertyPhysical = Catalog.UnitGroups.Sum(g => g.Units.Count);
                int propertySold = Catalog.UnitGroups.Sum(g => SoldLocked(g, night, null));
                var property = new PropertyAvailabilityModel(
                    propertyPhysical, propertyPhysical, propertySold, Occupancy(propertySold, propertyPhysical), Math.Max(0, propertyPhysical - propertySold), 0, NoMaintenance, NoBlocks);
                slices.Add(new UnitGroupAvailabilityTimeSliceItemModel(Catalog.CheckInAt(night), Catalog.CheckOutAt(night.AddDays(1)), property, items));
            }

            return slices;
        }
    }

    // ---- reading reservations ----

    public ReservationModel? Describe(string id, ReservationExpansion expansion)
    {
        lock (_gate)
        {
            return _byId.TryGetValue(id, out StoredReservation? reservation) ? DescribeLocked(reservation, expansion, single: true) : null;
        }
    }

    /// <summary>The page of the reservation list, and how many reservations match in all.</summary>
    public (IReadOnlyList<ReservationModel> Page, int Total) List(ReservationListQuery query, ReservationExpansion expansion, int pageNumber, int? pageSize)
    {
        lock (_gate)
        {
            List<StoredReservation> matching = [.. Sort(_reservations.Where(r => Matches(r, query)), query.Sort)];
            IEnumerable<StoredReservation> page = pageSize is { } size ? matching.Skip((pageNumber - 1) * size).Take(size) : matching;
            return ([.. page.Select(r => DescribeLocked(r, expansion, single: false))], matching.Count);
        }
    }

    public IReadOnlyList<ReservationServiceItemModel>? BookedServices(string id)
    {
        lock (_gate)
        {
            return _byId.TryGetValue(id, out StoredReservation? reservation) ? [.. reservation.Services.Select(DescribeService)] : null;
        }
    }

    /// <summary>A snapshot of every reservation for the public API.</summary>
    public IReadOnlyList<ApaleoReservationInfo> Snapshot()
    {
        lock (_gate)
        {
            return [.. _reservations.Select(r => new ApaleoReservationInfo(
                r.Id, r.BookingId, r.Status.ToString(), r.Arrival, r.Departure, r.UnitGroup.Id, r.RatePlan.Id, r.Unit?.Id, r.Adults,
                r.PrimaryGuest.FirstName, r.PrimaryGuest.LastName, r.PrimaryGuest.Email, r.ExternalCode, r.Created, r.Modified))];
        }
    }

    private static decimal Occupancy(int sold, int physical) => physical == 0 ? 0m : ApaleoCatalog.Round(sold * 100m / physical);

    private static MaintenanceModel NoMaintenance => new(0, 0, 0);

    private static BlockUnitsModel NoBlocks => new(0, 0, 0, 0, 0, 0);

    private int SoldLocked(UnitGroupDef group, DateOnly night, StoredReservation? except) =>
        _reservations.Count(r => r != except && r.HoldsInventory && r.Nights.Any(n => n.Date == night && n.RatePlan.UnitGroup == group));

    private int SellableLocked(UnitGroupDef group, DateOnly night, StoredReservation? except) =>
        Math.Max(0, group.Units.Count - SoldLocked(group, night, except));

    private bool Matches(StoredReservation r, ReservationListQuery q)
    {
        if ((q.BookingId is not null && r.BookingId != q.BookingId)
            || (q.PropertyIds.Count > 0 && !q.PropertyIds.Contains(Catalog.PropertyId))
            || (q.RatePlanIds.Count > 0 && !r.Nights.Any(n => q.RatePlanIds.Contains(n.RatePlan.Id)))
            || (q.UnitGroupIds.Count > 0 && !r.Nights.Any(n => q.UnitGroupIds.Contains(n.RatePlan.UnitGroup.Id)))
            || (q.UnitGroupTypes.Count > 0 && !q.UnitGroupTypes.Contains(UnitGroupType.BedRoom))
            || (q.UnitIds.Count > 0 && (r.Unit is null || !q.UnitIds.Contains(r.Unit.Id)))
            || (q.Statuses.Count > 0 && !q.Statuses.Contains(r.Status))
            || (q.ChannelCodes.Count > 0 && !q.ChannelCodes.Contains(r.ChannelCode))
            || (q.Sources.Count > 0 && (r.Source is null || !q.Sources.Contains(r.Source)))
            || (q.ExternalCode is not null && (r.ExternalCode is null || !r.ExternalCode.StartsWith(q.ExternalCode, StringComparison.OrdinalIgnoreCase)))
            || (q.TextSearch is not null && !MatchesText(r, q.TextSearch))
            || !q.BalanceFilter.All(c => c.Matches(0m))

            // The simulator keeps no companies, blocks, validation messages or invoices: such filters match nothing
            // (allFoliosHaveInvoice=false matches every reservation, since none has an invoice).
            || q.CompanyIds.Count > 0
            || q.BlockIds.Count > 0
            || q.ValidationMessageCategories.Count > 0
            || q.AllFoliosHaveInvoice == true)
        {
            return false;
        }

        if (q.DateFilter is not { } filter)
        {
            return true;
        }

        DateTimeOffset from = q.From ?? DateTimeOffset.MinValue;
        DateTimeOffset to = q.To ?? DateTimeOffset.MaxValue;
        if (filter == ReservationDateFilter.Stay)
        {
            // "all reservations that are overlapping with the interval specified by from and to".
            return Catalog.CheckInAt(r.Arrival) < to && Catalog.CheckOutAt(r.Departure) > from;
        }

        DateTimeOffset? value = filter switch
        {
            ReservationDateFilter.Arrival => Catalog.CheckInAt(r.Arrival),
            ReservationDateFilter.Departure => Catalog.CheckOutAt(r.Departure),
            ReservationDateFilter.Creation => r.Created,
            ReservationDateFilter.Modification => r.Modified,
            _ => r.CancellationTime,
        };

        // "between from (included) and to (excluded)".
        return value is { } v && v >= from && v < to;
    }

    private static bool MatchesText(StoredReservation r, string text)
    {
        // booking-v1: "booker first name or last name or email or company name, primary guest first name or last name
        // or email or company name, external code, reservation id, unit name. The search is case insensitive."
        string?[] fields =
        [
            r.Booker.FirstName, r.Booker.LastName, r.Booker.Email, r.Booker.Company?.Name,
            r.PrimaryGuest.FirstName, r.PrimaryGuest.LastName, r.PrimaryGuest.Email, r.PrimaryGuest.Company?.Name,
            r.ExternalCode, r.Id, r.Unit?.Name,
        ];
        return fields.Any(f => f is not null && f.Contains(text, StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<StoredReservation> Sort(IEnumerable<StoredReservation> reservations, IReadOnlyList<ReservationSort> sort)
    {
        IOrderedEnumerable<StoredReservation>? ordered = null;
        foreach (ReservationSort key in sort)
        {
            Func<StoredReservation, string> selector = key.Field switch
            {
                "arrival" => r => r.Arrival.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                "departure" => r => r.Departure.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                "created" => r => r.Created.UtcTicks.ToString("D20", CultureInfo.InvariantCulture),
                "updated" => r => r.Modified.UtcTicks.ToString("D20", CultureInfo.InvariantCulture),
                "firstname" => r => r.PrimaryGuest.FirstName ?? string.Empty,
                "lastname" => r => r.PrimaryGuest.LastName,
                "unitname" => r => r.Unit?.Name ?? string.Empty,
                _ => r => r.Id,
            };
            ordered = ordered is null
                ? (key.Descending ? reservations.OrderByDescending(selector, StringComparer.OrdinalIgnoreCase) : reservations.OrderBy(selector, StringComparer.OrdinalIgnoreCase))
                : (key.Descending ? ordered.ThenByDescending(selector, StringComparer.OrdinalIgnoreCase) : ordered.ThenBy(selector, StringComparer.OrdinalIgnoreCase));
        }

        return ordered ?? reservations;
    }

    private ReservationModel DescribeLocked(StoredReservation r, ReservationExpansion expansion, bool single)
    {
        List<decimal> nightPrices = [.. r.Nights.Select(n => n.Gross)];
        List<AmountModel> accommodation = [.. r.Nights.Select(n => Catalog.Accommodation(n.Gross))];
        List<AmountModel> extras = [.. r.Services.SelectMany(s => s.Dates.Select(d => Catalog.ServiceAmount(s.Service, d.Gross)))];
        MonetaryValueModel total = Catalog.Money(nightPrices.Sum() + extras.Sum(a => a.GrossAmount));
        RatePlanDef plan = r.RatePlan;
        EmbeddedUnitModel? unit = r.Unit is { } u ? new EmbeddedUnitModel(u.Id, u.Name, u.Description, u.UnitGroupId) : null;

        return new ReservationModel(
            Id: r.Id,
            BookingId: r.BookingId,
            Status: r.Status,
            CheckInTime: r.CheckInTime,
            CheckOutTime: r.CheckOutTime,
            CancellationTime: r.CancellationTime,
            NoShowTime: r.NoShowTime,
            Unit: unit,
            Property: Catalog.EmbeddedProperty,
            RatePlan: plan.ToEmbedded(),
            UnitGroup: r.UnitGroup.ToEmbedded(),
            TotalGrossAmount: total,
            Arrival: Catalog.CheckInAt(r.Arrival),
            Departure: Catalog.CheckOutAt(r.Departure),
            Created: r.Created,
            Modified: r.Modified,
            Adults: r.Adults,
            ChildrenAges: r.ChildrenAges,
            Comment: r.Comment,
            GuestComment: r.GuestComment,
            ExternalCode: r.ExternalCode,
            ChannelCode: r.ChannelCode,
            Source: r.Source,
            PrimaryGuest: r.PrimaryGuest,
            AdditionalGuests: r.AdditionalGuests,
            Booker: expansion.HasFlag(ReservationExpansion.Booker) ? r.Booker : null,
            PaymentAccount: r.PaymentAccount is { } account
                ? new PaymentAccountModel(account.AccountNumber, account.AccountHolder, account.ExpiryMonth, account.ExpiryYear, account.PaymentMethod, account.PayerEmail, account.PayerReference, account.IsVirtual, IsActive: account.PayerReference is not null, account.InactiveReason)
                : null,
            TimeSlices: expansion.HasFlag(ReservationExpansion.TimeSlices)
                ? [.. r.Nights.Select(n => new TimeSliceModel(
                    Catalog.CheckInAt(n.Date), Catalog.CheckOutAt(n.Date.AddDays(1)), n.Date, n.RatePlan.ToEmbedded(), n.RatePlan.UnitGroup.ToEmbedded(), unit, Catalog.Accommodation(n.Gross), Catalog.Money(n.Gross)))]
                : null,
            Services: expansion.HasFlag(ReservationExpansion.Services) && r.Services.Count > 0 ? [.. r.Services.Select(DescribeService)] : null,
            GuaranteeType: r.GuaranteeType,
            CancellationFee: new ReservationCancellationFeeModel(
                plan.CancellationPolicy.Id, plan.CancellationPolicy.Code, plan.CancellationPolicy.Name, plan.CancellationPolicy.Description,
                Catalog.CancellationDue(plan, r.Arrival, r.Created), Catalog.Money(Catalog.PolicyFee(plan, nightPrices))),
            NoShowFee: new ReservationNoShowFeeModel(
                plan.NoShowPolicy.Id, plan.NoShowPolicy.Code, plan.NoShowPolicy.Name, plan.NoShowPolicy.Description, Catalog.Money(Catalog.PolicyFee(plan, nightPrices))),
            TravelPurpose: r.TravelPurpose,

            // No charges are posted to folios in the simulator, so the balance stays zero.
            Balance: Catalog.Money(0m),
            AssignedUnits: expansion.HasFlag(ReservationExpansion.AssignedUnits) && unit is not null
                ? [new ReservationAssignedUnitModel(unit, [new ReservationAssignedUnitTimeRangeModel(Catalog.CheckInAt(r.Arrival), Catalog.CheckOutAt(r.Departure))])]
                : null,
            CorporateCode: r.CorporateCode,
            TaxDetails: single ? Catalog.TaxDetails(accommodation.Concat(extras)) : null,
            HasCityTax: r.HasCityTax,
            Commission: r.Commission,
            PromoCode: r.PromoCode,
            PayableAmount: single ? new PayableAmountModel(total) : null);
    }

    private ReservationServiceItemModel DescribeService(BookedService booked)
    {
        List<AmountModel> amounts = [.. booked.Dates.Select(d => Catalog.ServiceAmount(booked.Service, d.Gross))];
        return new ReservationServiceItemModel(
            booked.Service.ToModel(Catalog.Currency),
            Catalog.ServiceAmount(booked.Service, amounts.Sum(a => a.GrossAmount)),
            [.. booked.Dates.Select((d, i) => new ServiceDateItemModel(d.Date, d.Count, amounts[i], IsMandatory: false))]);
    }

    // ---- seeding ----

    private string NewBookingIdLocked()
    {
        string id;
        do
        {
            id = _ids.NextString(8, BookingIdAlphabet);
        }
        while (!_bookingIds.Add(id));

        return id;
    }

    private void AddLocked(StoredReservation reservation)
    {
        _reservations.Add(reservation);
        _byId.Add(reservation.Id, reservation);
    }

    private ApaleoScenario Seed(DateTimeOffset seededAt)
    {
        ApaleoSeed seed = Catalog.Seed;
        DateOnly today = Catalog.Today;
        UnitGroupDef main = Catalog.MainUnitGroup;
        RatePlanDef flexible = Catalog.RatePlanOf(main, RateKind.Flexible);
        RatePlanDef nonRefundable = Catalog.RatePlanOf(main, RateKind.NonRefundable);
        ServiceDef breakfast = Catalog.Services[0];

        lock (_gate)
        {
            // The known guest: confirmed, arriving today for two nights, breakfast booked, no unit yet.
            GuestModel known = Guest(seed.KnownGuest.FirstName, seed.KnownGuest.LastName, seed.KnownGuest.Email);
            int knownAdults = Math.Min(2, main.MaxPersons);
            StoredReservation knownReservation = Reservation(NewBookingIdLocked(), 1, flexible, today, 2, knownAdults, known, known, ChannelCode.Direct, seededAt.AddDays(-7));
            knownReservation.Services.Add(new BookedService(breakfast, [.. breakfast.DefaultDates(today, today.AddDays(2)).Select(d => new BookedServiceDate(d, knownAdults, breakfast.Price * knownAdults))]));
            AddLocked(knownReservation);

            // The guest in house: arrived yesterday (non-refundable), departs tomorrow, in the first unit of the group.
            GuestModel inHouse = Guest(seed.InHouseGuest.FirstName, seed.InHouseGuest.LastName, seed.InHouseGuest.Email);
            StoredReservation inHouseReservation = Reservation(NewBookingIdLocked(), 1, nonRefundable, today.AddDays(-1), 2, 1, inHouse, inHouse, ChannelCode.Direct, seededAt.AddDays(-14));
            inHouseReservation.Status = ApaleoReservationStatus.InHouse;
            inHouseReservation.Unit = main.Units[0];
            inHouseReservation.CheckInTime = Catalog.CheckInAt(today.AddDays(-1)).AddHours(1);
            inHouseReservation.HasCityTax = true;
            inHouseReservation.Modified = inHouseReservation.CheckInTime.Value;
            AddLocked(inHouseReservation);

            // The sold-out night: one booking (an OTA group) taking every unit of the first unit group for one night.
            UnitGroupDef soldOutGroup = Catalog.SoldOutUnitGroup;
            DateOnly soldOutNight = today.AddDays(seed.SoldOutNightOffset);
            RatePlanDef soldOutPlan = Catalog.RatePlanOf(soldOutGroup, RateKind.Flexible);
            string groupBookingId = NewBookingIdLocked();
            GuestModel groupBooker = Guest("Events", "Desk", "events.desk@example.com");
            var soldOutIds = new List<string>();
            for (int n = 0; n < soldOutGroup.Units.Count; n++)
            {
                (string first, string last) = SoldOutGuests[n % SoldOutGuests.Length];
                StoredReservation filler = Reservation(
                    groupBookingId, n + 1, soldOutPlan, soldOutNight, 1, 1, groupBooker, Guest(first, last, $"{first}.{last}@example.com".ToLowerInvariant()), ChannelCode.BookingCom, seededAt.AddDays(-30), externalCode: $"BDC-{(4711 + n).ToString(CultureInfo.InvariantCulture)}", source: "Booking.com");
                AddLocked(filler);
                soldOutIds.Add(filler.Id);
            }

            return new ApaleoScenario
            {
                Today = today,
                PropertyId = Catalog.PropertyId,
                TimeZone = seed.TimeZone,
                CurrencyCode = Catalog.Currency,
                UnitGroupIds = [.. Catalog.UnitGroups.Select(g => g.Id)],
                RatePlanIds = [.. Catalog.RatePlans.Select(r => r.Id)],
                MainUnitGroupId = main.Id,
                FlexibleRatePlanId = flexible.Id,
                NonRefundableRatePlanId = nonRefundable.Id,
                BreakfastServiceId = breakfast.Id,
                ParkingServiceId = Catalog.Services[1].Id,
                SoldOut = new ApaleoSoldOutNight(soldOutGroup.Id, soldOutNight),
                RestrictedArrival = new ApaleoRestrictedArrival(Catalog.RestrictedRatePlan.Id, Catalog.RestrictedArrival, seed.MinLengthOfStay),
                KnownGuest = Seeded(knownReservation),
                InHouseGuest = Seeded(inHouseReservation),
                SoldOutReservationIds = soldOutIds,
                LastBookableNight = Catalog.LastRateDate,
            };
        }

        static GuestModel Guest(string first, string last, string email) => new() { FirstName = first, LastName = last, Email = email };

        static ApaleoSeededReservation Seeded(StoredReservation r) =>
            new(r.Id, r.BookingId, r.PrimaryGuest.FirstName!, r.PrimaryGuest.LastName, r.PrimaryGuest.Email!, r.Arrival, r.Departure);
    }

    private StoredReservation Reservation(
        string bookingId, int number, RatePlanDef plan, DateOnly arrival, int nights, int adults, GuestModel booker, GuestModel guest, ChannelCode channel, DateTimeOffset created, string? externalCode = null, string? source = null) => new()
    {
        Id = $"{bookingId}-{number.ToString(CultureInfo.InvariantCulture)}",
        BookingId = bookingId,
        Status = ApaleoReservationStatus.Confirmed,
        Nights = [.. Enumerable.Range(0, nights).Select(i => new StayNight(arrival.AddDays(i), plan, Catalog.NightPrice(plan, arrival.AddDays(i))))],
        Adults = adults,
        ChannelCode = channel,
        Booker = booker,
        PrimaryGuest = guest,
        GuaranteeType = plan.MinGuarantee,
        ExternalCode = externalCode,
        Source = source,
        Created = created,
        Modified = created,
    };
}
