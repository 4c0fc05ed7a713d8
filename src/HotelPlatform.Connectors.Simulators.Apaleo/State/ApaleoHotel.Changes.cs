using System.Globalization;
using HotelPlatform.Connectors.Simulators.Apaleo.Wire;

namespace HotelPlatform.Connectors.Simulators.Apaleo.State;

/// <summary>The writes: create a booking, amend, cancel, assign a unit, check in, book and remove extras, apply a patch.</summary>
internal sealed partial class ApaleoHotel
{
    private const string CheckInStatusRule = "only 'Confirmed' reservations can be checked in.";

    /// <summary>
    /// <c>POST /booking/v1/bookings</c>: checks every reservation first and creates all of them or none. Returns the
    /// created booking, or the refusal.
    /// </summary>
    public (BookingCreatedModel? Created, ApaleoRefusal? Refusal, IReadOnlyList<HotelEvent> Events) CreateBooking(CreateBookingModel body, DateTimeOffset now)
    {
        lock (_gate)
        {
            DateOnly today = TodayAt(now);
            var messages = new List<string>();
            var claimed = new Dictionary<(UnitGroupDef, DateOnly), int>();
            var planned = new List<(CreateReservationModel Request, StayQuery Stay, RatePlanDef[] Plans, decimal[] Prices, GuaranteeType Guarantee, List<BookedService> Services)>();

            for (int i = 0; i < body.Reservations.Count; i++)
            {
                CreateReservationModel request = body.Reservations[i];
                string prefix = body.Reservations.Count > 1 ? $"Reservation {(i + 1).ToString(CultureInfo.InvariantCulture)}: " : string.Empty;
                var stay = new StayQuery(request.ParsedArrival.ToPropertyDate(Catalog.Zone), request.ParsedDeparture.ToPropertyDate(Catalog.Zone), request.Adults, request.ChildrenAges ?? []);
                var local = new List<string>(CheckStay(stay, today));
                RatePlanDef[]? plans = local.Count == 0 ? ResolvePlans(request.TimeSlices.Select(s => s.RatePlanId).ToList(), stay, local) : null;
                if (plans is not null)
                {
                    local.AddRange(Violations(plans, stay, request.ChannelCode, except: null, claimed).Select(v => v.Message));
                    GuaranteeType minimum = plans.Max(p => p.MinGuarantee);
                    if (request.GuaranteeType is { } requested && requested < minimum)
                    {
                        local.Add($"The guarantee type '{requested}' is weaker than '{minimum}', the minimum of the rate plan.");
                    }

                    foreach (CreateReservationTimeSliceModel slice in request.TimeSlices)
                    {
                        CheckCurrency(slice.TotalAmount, "timeSlices.totalAmount", local);
                    }

                    CheckCurrency(request.PrePaymentAmount, "prePaymentAmount", local);
                    CheckCurrency(request.Commission?.CommissionAmount, "commission.commissionAmount", local);
                    CheckCurrency(request.Commission?.BeforeCommissionAmount, "commission.beforeCommissionAmount", local);
                    if (request.CompanyId is { } companyId)
                    {
                        local.Add($"Company '{companyId}' not found.");
                    }

                    var services = new List<BookedService>();
                    foreach (BookReservationServiceModel serviceRequest in request.Services ?? [])
                    {
                        if (ResolveService(serviceRequest, stay, request.ChannelCode, today, local) is { } booked)
                        {
                            services.Add(booked);
                        }
                    }

                    if (local.Count == 0)
                    {
                        decimal[] prices = [.. plans.Select((p, n) => request.TimeSlices[n].TotalAmount?.Amount ?? NightPriceLocked(p, stay.Arrival.AddDays(n)))];
                        planned.Add((request, stay, plans, prices, request.GuaranteeType ?? minimum, services));
                        for (int n = 0; n < plans.Length; n++)
                        {
                            var key = (plans[n].UnitGroup, stay.Arrival.AddDays(n));
                            claimed[key] = claimed.GetValueOrDefault(key) + 1;
                        }
                    }
                }

                messages.AddRange(local.Select(m => prefix + m));
            }

            if (messages.Count > 0)
            {
                return (null, ApaleoRefusal.Rule(messages), []);
            }

            string bookingId = NewBookingIdLocked();
            var events = new List<HotelEvent> { new("Booking", "created", bookingId) };
            var ids = new List<ReservationCreatedModel>();
            for (int i = 0; i < planned.Count; i++)
            {
                var (request, stay, plans, prices, guarantee, services) = planned[i];
                var reservation = new StoredReservation
                {
                    Id = $"{bookingId}-{(i + 1).ToString(CultureInfo.InvariantCulture)}",
                    BookingId = bookingId,
                    Status = ApaleoReservationStatus.Confirmed,
                    Nights = [.. plans.Select((p, n) => new StayNight(stay.Arrival.AddDays(n), p, prices[n]))],
                    Adults = request.Adults,
                    ChildrenAges = request.ChildrenAges,
                    ChannelCode = request.ChannelCode,
                    Booker = body.Booker,

                    // Without a primary guest the booker is the guest (chosen: booking-v1 does not say).
                    PrimaryGuest = request.PrimaryGuest ?? body.Booker,
                    AdditionalGuests = request.AdditionalGuests,
                    GuaranteeType = guarantee,
                    Comment = request.Comment,
                    GuestComment = request.GuestComment,
                    ExternalCode = request.ExternalCode,
                    Source = request.Source,
                    CorporateCode = request.CorporateCode,
                    PromoCode = request.PromoCode,
                    TravelPurpose = request.TravelPurpose,
                    Commission = request.Commission,
                    PaymentAccount = body.PaymentAccount,
                    Created = now,
                    Modified = now,
                };
                reservation.Services.AddRange(services);
                AddLocked(reservation);
                ids.Add(new ReservationCreatedModel(reservation.Id));
                events.Add(new HotelEvent("Reservation", "created", reservation.Id));
            }

            // The booking's own comment and booker comment belong to the booking (GET /booking/v1/bookings/{id}).
            _bookingNotes[bookingId] = new BookingNotes(body.Comment, body.BookerComment);
            return (new BookingCreatedModel(bookingId, ids), null, events);
        }
    }

    /// <summary><c>PUT /booking/v1/reservation-actions/{id}/amend</c>: changes dates, occupancy and rate plans, re-checking availability and restrictions.</summary>
    public (ApaleoRefusal? Refusal, IReadOnlyList<HotelEvent> Events) Amend(string id, DesiredStayDetailsModel desired, DateTimeOffset now)
    {
        // booking-v1: "Changes to reservations that are in the status 'CheckedOut' or 'Canceled' are not possible at all."
        return Change(id, [ApaleoReservationStatus.Confirmed, ApaleoReservationStatus.InHouse], "only 'Confirmed' and 'InHouse' reservations can be amended.", r =>
        {
            DateOnly today = TodayAt(now);
            var stay = new StayQuery(desired.ParsedArrival.ToPropertyDate(Catalog.Zone), desired.ParsedDeparture.ToPropertyDate(Catalog.Zone), desired.Adults, desired.ChildrenAges ?? []);
            bool inHouse = r.Status == ApaleoReservationStatus.InHouse;
            var messages = new List<string>(CheckStay(stay, today, checkArrival: !inHouse || stay.Arrival != r.Arrival));
            RatePlanDef[]? plans = messages.Count == 0 ? ResolvePlans(desired.TimeSlices.Select(s => s.RatePlanId).ToList(), stay, messages) : null;
            if (plans is not null)
            {
                if (inHouse)
                {
                    // "If a reservation is 'InHouse', only changes to future time slices are possible."
                    if (stay.Arrival != r.Arrival)
                    {
                        messages.Add($"Reservation '{id}' is in house; its arrival cannot change.");
                    }
                    else if (plans[0].UnitGroup != r.UnitGroup)
                    {
                        messages.Add($"Reservation '{id}' is in house; its unit group cannot change.");
                    }
                    else if (stay.Departure < today)
                    {
                        messages.Add($"Reservation '{id}' is in house; its departure cannot be before today ({Format(today)}).");
                    }
                    else if (r.Nights.Where(n => n.Date < today).Any(n => plans[n.Date.DayNumber - stay.Arrival.DayNumber] != n.RatePlan))
                    {
                        messages.Add($"Reservation '{id}' is in house; past time slices cannot change.");
                    }
                }

                messages.AddRange(Violations(plans, stay, r.ChannelCode, except: r, claimed: null).Select(v => v.Message));
                foreach (DesiredTimeSliceModel slice in desired.TimeSlices)
                {
                    CheckCurrency(slice.TotalGrossAmount, "timeSlices.totalGrossAmount", messages);
                }
            }

            if (messages.Count > 0 || plans is null)
            {
                return (ApaleoRefusal.Rule(messages), []);
            }

            bool requote = desired.Requote ?? false;
            r.Nights = [.. plans.Select((plan, n) =>
            {
                DateOnly night = stay.Arrival.AddDays(n);
                StayNight? current = r.Nights.FirstOrDefault(x => x.Date == night && x.RatePlan == plan);
                decimal price = desired.TimeSlices[n].TotalGrossAmount?.Amount
                    ?? (current is not null && !requote ? current.Gross : NightPriceLocked(plan, night));
                return new StayNight(night, plan, price);
            })];
            r.Adults = stay.Adults;
            r.ChildrenAges = desired.ChildrenAges;

            // Extras outside the new stay are dropped; a unit no longer free (or of another unit group) is unassigned.
            for (int s = r.Services.Count - 1; s >= 0; s--)
            {
                List<BookedServiceDate> kept = [.. r.Services[s].Dates.Where(d => d.Date >= r.Arrival && d.Date <= r.Departure)];
                if (kept.Count == 0)
                {
                    r.Services.RemoveAt(s);
                }
                else
                {
                    r.Services[s] = r.Services[s] with { Dates = kept };
                }
            }

            if (r.Unit is { } unit && (unit.UnitGroupId != r.UnitGroup.Id || !IsUnitFreeLocked(unit, r.Arrival, r.Departure, r)))
            {
                r.Unit = null;
            }

            r.Modified = now;
            return (null, [new HotelEvent("Reservation", "amended", id)]);
        });
    }

    /// <summary><c>PUT /booking/v1/reservation-actions/{id}/cancel</c>.</summary>
    public (ApaleoRefusal? Refusal, IReadOnlyList<HotelEvent> Events) Cancel(string id, DateTimeOffset now)
    {
        // booking-v1: "Cancel a specific reservation which is in status 'Confirmed' and where the arrival time is in
        // the future." What Apaleo answers otherwise is not documented; 422 with a message is chosen, as for every
        // other broken business rule.
        return Change(id, [ApaleoReservationStatus.Confirmed], "only 'Confirmed' reservations can be canceled.", r =>
        {
            if (now >= Catalog.CheckInAt(r.Arrival))
            {
                return (ApaleoRefusal.Rule($"Reservation '{id}' cannot be canceled: its arrival time has passed."), []);
            }

            r.Status = ApaleoReservationStatus.Canceled;
            r.CancellationTime = now;
            r.Unit = null;
            r.Modified = now;
            return (null, [new HotelEvent("Reservation", "canceled", id)]);
        });
    }

    /// <summary><c>PUT /booking/v1/reservation-actions/{id}/checkout</c>.</summary>
    public (ApaleoRefusal? Refusal, IReadOnlyList<HotelEvent> Events) CheckOut(string id, DateTimeOffset now)
    {
        // booking-v1: "Check out a specific reservation which is in status 'InHouse'. [...] Check-out is only possible,
        // if the departure date is not later than tomorrow. Otherwise, first amend the reservation and shorten the stay."
        return Change(id, [ApaleoReservationStatus.InHouse], "only 'InHouse' reservations can be checked out.", r =>
        {
            DateOnly tomorrow = TodayAt(now).AddDays(1);
            if (r.Departure > tomorrow)
            {
                return (ApaleoRefusal.Rule($"Reservation '{id}' departs on {Format(r.Departure)}; check-out is only possible if the departure date is not later than tomorrow ({Format(tomorrow)}). Amend the reservation first to shorten the stay."), []);
            }

            r.Status = ApaleoReservationStatus.CheckedOut;
            r.CheckOutTime = now;
            r.Modified = now;
            return (null, [new HotelEvent("Reservation", "checked-out", id)]);
        });
    }

    /// <summary><c>PUT /booking/v1/reservation-actions/{id}/noshow</c>.</summary>
    public (ApaleoRefusal? Refusal, IReadOnlyList<HotelEvent> Events) NoShow(string id, DateTimeOffset now)
    {
        // booking-v1: "Set a specific reservation to No-show which is in status 'Confirmed' and where the arrival date is
        // in the past. This changes the status to 'NoShow', and sets the no-show date and time."
        return Change(id, [ApaleoReservationStatus.Confirmed], "only 'Confirmed' reservations can be set to no-show.", r =>
        {
            if (r.Arrival >= TodayAt(now))
            {
                return (ApaleoRefusal.Rule($"Reservation '{id}' arrives on {Format(r.Arrival)}; only a reservation whose arrival date is in the past can be set to no-show."), []);
            }

            r.Status = ApaleoReservationStatus.NoShow;
            r.NoShowTime = now;
            r.Unit = null;
            r.Modified = now;
            return (null, [new HotelEvent("Reservation", "set-to-no-show", id)]);
        });
    }

    /// <summary><c>PUT /booking/v1/reservation-actions/{id}/assign-unit</c>: assigns a unit free for the whole stay (keeps one already assigned).</summary>
    public (AutoAssignedUnitListModel? Assigned, ApaleoRefusal? Refusal, IReadOnlyList<HotelEvent> Events) AssignUnit(string id, DateTimeOffset now)
    {
        AutoAssignedUnitListModel? assigned = null;
        (ApaleoRefusal? refusal, IReadOnlyList<HotelEvent> events) = Change(id, [ApaleoReservationStatus.Confirmed, ApaleoReservationStatus.InHouse], "units are assigned to 'Confirmed' or 'InHouse' reservations only.", r =>
        {
            UnitDef? unit = r.Unit ?? FreeUnitLocked(r);
            if (unit is null)
            {
                return (ApaleoRefusal.Rule($"No unit of unit group '{r.UnitGroup.Id}' is free for the whole stay of reservation '{id}'."), []);
            }

            var embedded = new EmbeddedUnitModel(unit.Id, unit.Name, unit.Description, unit.UnitGroupId);
            assigned = new AutoAssignedUnitListModel([.. r.Nights.Select(n => new AutoAssignedUnitItemModel(embedded, Catalog.CheckInAt(n.Date), Catalog.CheckOutAt(n.Date.AddDays(1))))]);
            if (r.Unit == unit)
            {
                return (null, []);
            }

            r.Unit = unit;
            r.Modified = now;
            return (null, [new HotelEvent("Reservation", "unit-assigned", id)]);
        });
        return (assigned, refusal, events);
    }

    /// <summary><c>PUT /booking/v1/reservation-actions/{id}/checkin</c>: "which is in status 'Confirmed', and has a unit assigned".</summary>
    public (ApaleoRefusal? Refusal, IReadOnlyList<HotelEvent> Events) CheckIn(string id, bool withCityTax, DateTimeOffset now) =>
        Change(id, [ApaleoReservationStatus.Confirmed], CheckInStatusRule, r => CheckInLocked(r, withCityTax, assignUnit: false, now));

    /// <summary>Check-in as the front desk does it: a free unit is assigned first when none is, all under one lock, so a refused check-in assigns nothing.</summary>
    public (ApaleoRefusal? Refusal, IReadOnlyList<HotelEvent> Events) CheckInAtDesk(string id, DateTimeOffset now) =>
        Change(id, [ApaleoReservationStatus.Confirmed], CheckInStatusRule, r => CheckInLocked(r, withCityTax: true, assignUnit: true, now));

    /// <summary><c>PUT /booking/v1/reservation-actions/{id}/book-service</c>: books an extra, replacing an earlier booking of the same service.</summary>
    public (ApaleoRefusal? Refusal, IReadOnlyList<HotelEvent> Events) BookService(string id, BookReservationServiceModel request, DateTimeOffset now)
    {
        return Change(id, [ApaleoReservationStatus.Confirmed, ApaleoReservationStatus.InHouse], "services can be booked for 'Confirmed' or 'InHouse' reservations only.", r =>
        {
            var messages = new List<string>();
            BookedService? booked = ResolveService(request, new StayQuery(r.Arrival, r.Departure, r.Adults, r.ChildrenAges ?? []), r.ChannelCode, r.Status == ApaleoReservationStatus.InHouse ? TodayAt(now) : r.Arrival, messages);
            if (booked is null)
            {
                return (ApaleoRefusal.Rule(messages), []);
            }

            // "when dates are specified, all desired dates must be specified or they will be removed".
            r.Services.RemoveAll(s => s.Service == booked.Service);
            r.Services.Add(booked);
            r.Modified = now;
            return (null, [new HotelEvent("Reservation", "changed", id)]);
        });
    }

    /// <summary>
    /// <c>DELETE /booking/v1/reservations/{id}/services?serviceId=</c>: "The service will not be removed if it is mandatory,
    /// already posted or if the service date is in the past" — dates before today stay.
    /// </summary>
    public (ApaleoRefusal? Refusal, IReadOnlyList<HotelEvent> Events) RemoveService(string id, string serviceId, DateTimeOffset now)
    {
        return Change(id, [ApaleoReservationStatus.Confirmed, ApaleoReservationStatus.InHouse], "services can be removed from 'Confirmed' or 'InHouse' reservations only.", r =>
        {
            int index = r.Services.FindIndex(s => s.Service.Id == serviceId);
            if (index < 0)
            {
                // Not documented; chosen like other broken rules.
                return (ApaleoRefusal.Rule($"Service '{serviceId}' is not booked on reservation '{id}'."), []);
            }

            DateOnly today = TodayAt(now);
            List<BookedServiceDate> past = [.. r.Services[index].Dates.Where(d => d.Date < today)];
            if (past.Count == r.Services[index].Dates.Count)
            {
                return (ApaleoRefusal.Rule($"Service '{serviceId}' of reservation '{id}' has only dates in the past, which cannot be removed."), []);
            }

            if (past.Count == 0)
            {
                r.Services.RemoveAt(index);
            }
            else
            {
                r.Services[index] = r.Services[index] with { Dates = past };
            }

            r.Modified = now;
            return (null, [new HotelEvent("Reservation", "changed", id)]);
        });
    }

    /// <summary>Applies changes to a reservation under the lock, if its status still allows changes (the patch handler validates the operations first).</summary>
    public (ApaleoRefusal? Refusal, IReadOnlyList<HotelEvent> Events) Modify(string id, Action<StoredReservation> change, DateTimeOffset now)
    {
        // Not documented for PATCH; chosen to match amend.
        return Change(id, [ApaleoReservationStatus.Confirmed, ApaleoReservationStatus.InHouse], "it can no longer be modified.", r =>
        {
            change(r);
            r.Modified = now;
            return (null, [new HotelEvent("Reservation", "changed", id)]);
        });
    }

    private (ApaleoRefusal? Refusal, IReadOnlyList<HotelEvent> Events) CheckInLocked(StoredReservation r, bool withCityTax, bool assignUnit, DateTimeOffset now)
    {
        // Not documented: checking in before the arrival day is refused here.
        if (r.Arrival > TodayAt(now))
        {
            return (ApaleoRefusal.Rule($"Reservation '{r.Id}' arrives on {Format(r.Arrival)}; check-in is possible from the arrival day on."), []);
        }

        var events = new List<HotelEvent>();
        if (r.Unit is null)
        {
            UnitDef? free = assignUnit ? FreeUnitLocked(r) : null;
            if (free is null)
            {
                return (ApaleoRefusal.Rule(assignUnit
                    ? $"No unit of unit group '{r.UnitGroup.Id}' is free for the whole stay of reservation '{r.Id}'."
                    : $"Reservation '{r.Id}' has no unit assigned; assign a unit before check-in."), []);
            }

            r.Unit = free;
            events.Add(new HotelEvent("Reservation", "unit-assigned", r.Id));
        }

        r.Status = ApaleoReservationStatus.InHouse;
        r.CheckInTime = now;
        r.HasCityTax = withCityTax;
        r.Modified = now;
        events.Add(new HotelEvent("Reservation", "checked-in", r.Id));
        return (null, events);
    }

    private UnitDef? FreeUnitLocked(StoredReservation r) => r.UnitGroup.Units.FirstOrDefault(u => IsUnitFreeLocked(u, r.Arrival, r.Departure, r));

    /// <summary>Runs a change on one reservation under the lock: 404 when it does not exist, 422 when its status does not allow the change.</summary>
    private (ApaleoRefusal? Refusal, IReadOnlyList<HotelEvent> Events) Change(
        string id, ApaleoReservationStatus[] allowed, string notAllowed, Func<StoredReservation, (ApaleoRefusal? Refusal, IReadOnlyList<HotelEvent> Events)> change)
    {
        lock (_gate)
        {
            if (!_byId.TryGetValue(id, out StoredReservation? r))
            {
                return (ApaleoRefusal.NotFound(), []);
            }

            return allowed.Contains(r.Status)
                ? change(r)
                : (ApaleoRefusal.Rule($"Reservation '{id}' is in status '{r.Status}'; {notAllowed}"), []);
        }
    }

    private bool IsUnitFreeLocked(UnitDef unit, DateOnly arrival, DateOnly departure, StoredReservation except) =>
        !_reservations.Any(o => o != except && o.Unit == unit && (o.Status is ApaleoReservationStatus.Confirmed or ApaleoReservationStatus.InHouse) && o.Arrival < departure && o.Departure > arrival);

    private void CheckCurrency(MonetaryValueModel? amount, string member, List<string> messages)
    {
        if (amount is not null && amount.Currency != Catalog.Currency)
        {
            messages.Add($"The currency '{amount.Currency}' of '{member}' is not the property's currency '{Catalog.Currency}'.");
        }
    }

    /// <summary>The rate plan of each night: one time slice per night, every plan known, all of one unit group.</summary>
    private RatePlanDef[]? ResolvePlans(IReadOnlyList<string> ratePlanIds, StayQuery stay, List<string> messages)
    {
        if (ratePlanIds.Count != stay.Nights)
        {
            messages.Add($"The stay has {stay.Nights.ToString(CultureInfo.InvariantCulture)} nights, but {ratePlanIds.Count.ToString(CultureInfo.InvariantCulture)} time slices were given; give one per night.");
            return null;
        }

        var plans = new RatePlanDef[ratePlanIds.Count];
        for (int i = 0; i < plans.Length; i++)
        {
            if (Catalog.FindRatePlan(ratePlanIds[i]) is not { } plan)
            {
                messages.Add($"Rate plan '{ratePlanIds[i]}' not found.");
                return null;
            }

            plans[i] = plan;
        }

        if (plans.Select(p => p.UnitGroup).Distinct().Count() > 1)
        {
            // Chosen: a reservation stays in one unit group; Apaleo's rule for mixed time slices is not documented.
            messages.Add("All time slices of a reservation must use rate plans of the same unit group.");
            return null;
        }

        return plans;
    }

    /// <summary>
    /// Resolves an extra for a stay: the service, its dates (given, or the defaults) within the stay and not before
    /// <paramref name="firstDate"/>, and per date the count and gross amount. <c>amount</c> is read as the gross amount
    /// per service date (booking-v1 does not say; chosen).
    /// </summary>
    private BookedService? ResolveService(BookReservationServiceModel request, StayQuery stay, ChannelCode channel, DateOnly firstDate, List<string> messages)
    {
        if (Catalog.FindService(request.ServiceId) is not { } service)
        {
            messages.Add($"Service '{request.ServiceId}' not found.");
            return null;
        }

        if (!service.Channels.Contains(channel))
        {
            messages.Add($"Service '{service.Id}' is not sold through the channel '{channel}'.");
            return null;
        }

        int before = messages.Count;
        CheckCurrency(request.Amount, "amount", messages);
        int defaultCount = request.Count ?? service.DefaultCount(stay.Adults, stay.ChildrenAges.Count);
        HashSet<DateOnly> possible = [.. ServiceDef.PossibleDates(stay.Arrival, stay.Departure)];
        var dates = new List<BookedServiceDate>();
        IEnumerable<ServiceDateModel> requested = request.Dates ?? [.. service.DefaultDates(stay.Arrival, stay.Departure).Select(d => new ServiceDateModel { ServiceDate = d })];
        foreach (ServiceDateModel date in requested)
        {
            CheckCurrency(date.Amount, "dates.amount", messages);
            int count = date.Count ?? defaultCount;
            if (!possible.Contains(date.ServiceDate) || date.ServiceDate < firstDate)
            {
                messages.Add($"Service '{service.Id}' cannot be delivered on {Format(date.ServiceDate)}: the stay is {Format(stay.Arrival)} to {Format(stay.Departure)}.");
            }
            else if (count < 1)
            {
                messages.Add($"The count of service '{service.Id}' on {Format(date.ServiceDate)} must be at least 1.");
            }
            else if (dates.Any(d => d.Date == date.ServiceDate))
            {
                messages.Add($"The date {Format(date.ServiceDate)} is given twice for service '{service.Id}'.");
            }
            else
            {
                dates.Add(new BookedServiceDate(date.ServiceDate, count, date.Amount?.Amount ?? request.Amount?.Amount ?? service.Price * count));
            }
        }

        if (dates.Count == 0 && messages.Count == before)
        {
            messages.Add($"Service '{service.Id}' has no date to be delivered on during the stay.");
        }

        return messages.Count == before ? new BookedService(service, [.. dates.OrderBy(d => d.Date)]) : null;
    }
}
