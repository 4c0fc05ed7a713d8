using System.Globalization;

namespace HotelPlatform.Connectors.InMemory;

/// <content>Reservations: booking, reading, finding, modifying, cancelling, listing and the stay's life cycle.</content>
public sealed partial class InMemoryPms
{
    private const string Crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>
    /// Adds a reservation as a channel manager or the front desk would: with any status and an optional channel
    /// booking reference (<see cref="Reservation.ExternalReference"/>) that <see cref="IPmsConnector.FindReservationAsync"/>
    /// finds. Unlike <see cref="IPmsConnector.CreateReservationAsync"/> it ignores restrictions and accepts past stays
    /// (to seed history), but it never overbooks: a reservation that holds a room needs one on every night.
    /// </summary>
    /// <param name="draft">The stay, room type, rate plan and guest.</param>
    /// <param name="status">The status; <see cref="ReservationStatus.Cancelled"/>, <see cref="ReservationStatus.NoShow"/> and <see cref="ReservationStatus.Waitlisted"/> hold no room.</param>
    /// <param name="externalReference">The channel's booking reference, for example <c>BDC-4711</c>.</param>
    /// <returns>The reservation.</returns>
    /// <exception cref="ArgumentException">The draft is invalid (see <see cref="PmsArguments"/>).</exception>
    /// <exception cref="PmsValidationException">The room type, rate plan, guest or a service does not exist, or the room type sleeps fewer persons.</exception>
    /// <exception cref="PmsConflictException">No room is left on a night of the stay (<see cref="PmsConflictReason.NoAvailability"/>), or the client reference is taken.</exception>
    public Reservation AddReservation(ReservationDraft draft, ReservationStatus status = ReservationStatus.Confirmed, string? externalReference = null)
    {
        PmsArguments.Validate(draft);
        if (status == ReservationStatus.Unknown || !Enum.IsDefined(status))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A seeded reservation has a known status.");
        }

        if (externalReference is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(externalReference);
        }

        List<PmsEvent> raised = [];
        Reservation result;
        lock (_gate)
        {
            if (draft.ClientReference is { } reference && _byClientReference.ContainsKey(reference))
            {
                throw Conflict(PmsConflictReason.IdempotencyKeyReused, $"Client reference '{reference}' is already used by another reservation.", nameof(AddReservation));
            }

            result = ToModel(Book(draft, status, externalReference, enforceSalesRules: false, nameof(AddReservation), raised));
        }

        Publish(raised);
        return result;
    }

    /// <summary>Checks a guest in: a <see cref="ReservationStatus.Confirmed"/> or <see cref="ReservationStatus.Tentative"/> reservation becomes <see cref="ReservationStatus.InHouse"/>.</summary>
    /// <param name="reservationId">The reservation's identifier.</param>
    /// <returns>The reservation after check-in.</returns>
    /// <exception cref="PmsNotFoundException">No reservation has that identifier.</exception>
    /// <exception cref="PmsConflictException">The reservation is not awaiting arrival (<see cref="PmsConflictReason.InvalidState"/>).</exception>
    public Reservation CheckIn(string reservationId) =>
        Transition(reservationId, ReservationStatus.InHouse, nameof(CheckIn), ReservationStatus.Confirmed, ReservationStatus.Tentative);

    /// <summary>Checks a guest out: an <see cref="ReservationStatus.InHouse"/> reservation becomes <see cref="ReservationStatus.CheckedOut"/>. The stay's dates are kept.</summary>
    /// <param name="reservationId">The reservation's identifier.</param>
    /// <returns>The reservation after check-out.</returns>
    /// <exception cref="PmsNotFoundException">No reservation has that identifier.</exception>
    /// <exception cref="PmsConflictException">The guest is not in house (<see cref="PmsConflictReason.InvalidState"/>).</exception>
    public Reservation CheckOut(string reservationId) =>
        Transition(reservationId, ReservationStatus.CheckedOut, nameof(CheckOut), ReservationStatus.InHouse);

    /// <summary>Marks a guest who did not arrive: a <see cref="ReservationStatus.Confirmed"/> or <see cref="ReservationStatus.Tentative"/> reservation becomes <see cref="ReservationStatus.NoShow"/> and gives its room back.</summary>
    /// <param name="reservationId">The reservation's identifier.</param>
    /// <returns>The reservation after the change.</returns>
    /// <exception cref="PmsNotFoundException">No reservation has that identifier.</exception>
    /// <exception cref="PmsConflictException">The reservation is not awaiting arrival (<see cref="PmsConflictReason.InvalidState"/>).</exception>
    public Reservation MarkNoShow(string reservationId) =>
        Transition(reservationId, ReservationStatus.NoShow, nameof(MarkNoShow), ReservationStatus.Confirmed, ReservationStatus.Tentative);

    internal Reservation ServeCreate(ReservationDraft draft)
    {
        const string operation = "CreateReservation";
        List<PmsEvent> raised = [];
        Reservation result;
        lock (_gate)
        {
            string? entityId = null;
            try
            {
                if (draft.ClientReference is { } reference && _byClientReference.TryGetValue(reference, out var existing))
                {
                    entityId = existing.Id;

                    // Exactly once: the same booking retried gets the reservation it made (as it is now), never a second one.
                    if (!SameBooking(existing.OriginalDraft, draft))
                    {
                        throw Conflict(
                            PmsConflictReason.IdempotencyKeyReused,
                            $"Client reference '{reference}' was used for a different booking (reservation {existing.Id}); use a new reference for a new booking.",
                            operation);
                    }

                    return ToModel(existing);
                }

                var state = Book(draft, ReservationStatus.Confirmed, externalReference: null, enforceSalesRules: true, operation, raised);
                entityId = state.Id;
                result = ToModel(state);
            }
            finally
            {
                Log(Operation(operation) with { EntityId = entityId, ClientReference = draft.ClientReference });
            }
        }

        Publish(raised);
        return result;
    }

    internal Reservation ServeGet(string reservationId)
    {
        const string operation = "GetReservation";
        lock (_gate)
        {
            Log(Operation(operation) with { EntityId = reservationId });
            return _reservations.TryGetValue(reservationId, out var state)
                ? ToModel(state)
                : throw NotFound("Reservation", reservationId, operation);
        }
    }

    internal Reservation? ServeFind(string confirmationNumber)
    {
        lock (_gate)
        {
            var match = _reservations.Values
                .Where(r => string.Equals(r.ConfirmationNumber, confirmationNumber, StringComparison.OrdinalIgnoreCase)
                            || string.Equals(r.ExternalReference, confirmationNumber, StringComparison.OrdinalIgnoreCase)
                            || string.Equals(r.Id, confirmationNumber, StringComparison.OrdinalIgnoreCase))
                .MinBy(r => r.Sequence);
            Log(Operation("FindReservation") with { EntityId = match?.Id, ResultCount = match is null ? 0 : 1 });
            return match is null ? null : ToModel(match);
        }
    }

    internal Reservation ServeModify(string reservationId, ReservationChanges changes)
    {
        const string operation = "ModifyReservation";
        List<PmsEvent> raised = [];
        Reservation result;
        lock (_gate)
        {
            Log(Operation(operation) with { EntityId = reservationId });
            var state = _reservations.GetValueOrDefault(reservationId) ?? throw NotFound("Reservation", reservationId, operation);
            if (state.Status is ReservationStatus.Cancelled or ReservationStatus.CheckedOut or ReservationStatus.NoShow)
            {
                throw Conflict(PmsConflictReason.InvalidState, $"Reservation {state.Id} is {state.Status} and can no longer be changed.", operation);
            }

            var arrival = changes.Arrival ?? state.Arrival;
            var departure = changes.Departure ?? state.Departure;
            if (departure <= arrival)
            {
                throw Invalid(changes.Departure is null ? "changes.Arrival" : "changes.Departure", $"Departure ({departure:yyyy-MM-dd}) must be after Arrival ({arrival:yyyy-MM-dd}).", operation);
            }

            if (state.Status == ReservationStatus.InHouse && arrival != state.Arrival)
            {
                throw Conflict(PmsConflictReason.InvalidState, $"Reservation {state.Id} is in house: its arrival can no longer change.", operation);
            }

            var roomType = _roomTypes.GetValueOrDefault(changes.RoomTypeId ?? state.RoomTypeId)
                           ?? throw Invalid("changes.RoomTypeId", $"Room type '{changes.RoomTypeId}' does not exist.", operation);
            var plan = _ratePlans.GetValueOrDefault(changes.RatePlanId ?? state.RatePlanId)
                       ?? throw Invalid("changes.RatePlanId", $"Rate plan '{changes.RatePlanId}' does not exist.", operation);
            if (!plan.Sells(roomType.Id))
            {
                throw Invalid(changes.RatePlanId is null ? "changes.RoomTypeId" : "changes.RatePlanId", $"Rate plan '{plan.Id}' does not sell room type '{roomType.Id}'.", operation);
            }

            var adults = changes.Adults ?? state.Adults;
            var children = changes.ChildrenAges ?? state.ChildrenAges;
            if (adults + children.Count > roomType.MaxOccupancy)
            {
                throw Invalid("changes.Adults", $"Room type '{roomType.Id}' sleeps at most {roomType.MaxOccupancy} persons; the change asks for {adults + children.Count}.", operation);
            }

            if (changes.PrimaryGuest?.VendorId is { } guestId && !_guests.ContainsKey(guestId))
            {
                throw Invalid("changes.PrimaryGuest.VendorId", $"Guest '{guestId}' does not exist.", operation);
            }

            var movesRoomNights = arrival != state.Arrival || departure != state.Departure || roomType.Id != state.RoomTypeId;
            if (movesRoomNights)
            {
                if (!_allowPastArrivals && arrival != state.Arrival && arrival < Today)
                {
                    throw Invalid("changes.Arrival", $"Arrival ({arrival:yyyy-MM-dd}) is before today ({Today:yyyy-MM-dd}) at the property.", operation);
                }

                if (RestrictionViolation(roomType.Id, arrival, departure) is { } why)
                {
                    throw Conflict(PmsConflictReason.NoAvailability, $"Cannot move reservation {state.Id}: {why}.", operation);
                }
            }

            var price = PriceStay(plan, roomType.Id, arrival, departure, adults + children.Count)
                        ?? throw Conflict(PmsConflictReason.NoAvailability, $"Rate plan '{plan.Id}' does not sell room type '{roomType.Id}' on every night from {arrival:yyyy-MM-dd} to {departure:yyyy-MM-dd}.", operation);

            var (oldArrival, oldDeparture, oldRoomType) = (state.Arrival, state.Departure, state.RoomTypeId);
            if (movesRoomNights && state.HoldsInventory)
            {
                // Atomic under the lock: give the old nights back, then take the new ones or restore the old.
                GiveBack(state);
                if (SoldOutNight(roomType, arrival, departure) is { } night)
                {
                    Take(state);
                    throw Conflict(PmsConflictReason.NoAvailability, $"No room of type '{roomType.Id}' is left on {night:yyyy-MM-dd}.", operation);
                }

                (state.Arrival, state.Departure, state.RoomTypeId) = (arrival, departure, roomType.Id);
                Take(state);
            }
            else
            {
                (state.Arrival, state.Departure, state.RoomTypeId) = (arrival, departure, roomType.Id);
            }

            state.RatePlanId = plan.Id;
            state.Adults = adults;
            state.ChildrenAges = [.. children];
            state.StayTotal = price.Total;
            state.NightlyRates = price.Nights;
            state.Fees = price.Fees;
            if (changes.PrimaryGuest is { } guest)
            {
                state.PrimaryGuest = guest.VendorId is null ? guest with { VendorId = state.PrimaryGuest.VendorId } : guest;
            }

            state.Comment = changes.Comment ?? state.Comment;
            state.GuestComment = changes.GuestComment ?? state.GuestComment;
            FollowStay(state);
            state.ModifiedAt = TimeProvider.GetUtcNow();
            raised.Add(Record(new ReservationModifiedEvent(NextEventId(), PmsVendors.InMemory, Property.VendorId, state.ModifiedAt, state.Id) { VendorEventType = "reservation/modified" }));
            if (movesRoomNights && state.HoldsInventory)
            {
                raised.Add(AvailabilityChanged(oldRoomType, Min(oldArrival, arrival), Max(oldDeparture, departure).AddDays(-1)));
                if (oldRoomType != roomType.Id)
                {
                    raised.Add(AvailabilityChanged(roomType.Id, arrival, departure.AddDays(-1)));
                }
            }

            result = ToModel(state);
        }

        Publish(raised);
        return result;
    }

    internal Reservation ServeCancel(string reservationId, string? reason)
    {
        const string operation = "CancelReservation";
        List<PmsEvent> raised = [];
        Reservation result;
        lock (_gate)
        {
            Log(Operation(operation) with { EntityId = reservationId });
            var state = _reservations.GetValueOrDefault(reservationId) ?? throw NotFound("Reservation", reservationId, operation);
            switch (state.Status)
            {
                case ReservationStatus.Cancelled:
                    // A retried cancel whose first answer was lost must not fail (ADR 0001): same reservation, unchanged.
                    return ToModel(state);
                case ReservationStatus.InHouse or ReservationStatus.CheckedOut or ReservationStatus.NoShow:
                    throw Conflict(PmsConflictReason.InvalidState, $"Reservation {state.Id} is {state.Status} and can no longer be cancelled.", operation);
            }

            var heldRoom = state.HoldsInventory;
            if (heldRoom)
            {
                GiveBack(state);
            }

            var now = TimeProvider.GetUtcNow();
            state.Status = ReservationStatus.Cancelled;
            state.CancelledAt = now;
            state.ModifiedAt = now;
            state.CancellationReason = reason;
            raised.Add(Record(new ReservationCancelledEvent(NextEventId(), PmsVendors.InMemory, Property.VendorId, now, state.Id) { VendorEventType = "reservation/cancelled" }));
            if (heldRoom)
            {
                raised.Add(AvailabilityChanged(state.RoomTypeId, state.Arrival, state.Departure.AddDays(-1)));
            }

            result = ToModel(state);
        }

        Publish(raised);
        return result;
    }

    /// <summary>Serves one page of a reservation list: the reservations after <paramref name="after"/> in the list's order.</summary>
    internal ReservationPage ServePage(ReservationQuery query, DateOnly day, int pageSize, PageCursor? after, int pageNumber)
    {
        lock (_gate)
        {
            var matching = query.Kind switch
            {
                ReservationQueryKind.Arrivals => _reservations.Values.Where(r => r.Arrival == day),
                ReservationQueryKind.Departures => _reservations.Values.Where(r => r.Departure == day),
                ReservationQueryKind.InHouse => _reservations.Values.Where(r => r.Status == ReservationStatus.InHouse && r.Arrival <= day && day < r.Departure),
                _ => _reservations.Values.Where(r => r.ModifiedAt >= query.Since!.Value),
            };
            if (!query.IncludeCancelled)
            {
                matching = matching.Where(r => r.Status != ReservationStatus.Cancelled);
            }

            // Keyset paging (like a vendor's cursor): a reservation made or cancelled while the caller pages neither
            // shifts the pages nor makes one be skipped or returned twice. Changed-since lists follow the change time,
            // so a reservation changed again during paging rightly comes again at the end.
            var changedSince = query.Kind == ReservationQueryKind.ChangedSince;
            var page = matching
                .Select(r => (Key: new PageCursor(changedSince ? r.ModifiedAt : DateTimeOffset.MinValue, r.Sequence), Reservation: r))
                .Where(x => after is not { } cursor || x.Key.CompareTo(cursor) > 0)
                .OrderBy(x => x.Key)
                .Take(pageSize + 1)
                .ToList();
            var hasMore = page.Count > pageSize;
            var items = page.Take(pageSize).ToList();
            Log(Operation("GetReservationsPage") with
            {
                QueryKind = query.Kind,
                PageNumber = pageNumber,
                PageSize = pageSize,
                ResultCount = items.Count,
            });
            return new ReservationPage([.. items.Select(x => ToModel(x.Reservation))], hasMore ? items[^1].Key : null);
        }
    }

    private Reservation Transition(string reservationId, ReservationStatus to, string operation, params ReservationStatus[] from)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reservationId);
        List<PmsEvent> raised = [];
        Reservation result;
        lock (_gate)
        {
            var state = _reservations.GetValueOrDefault(reservationId) ?? throw NotFound("Reservation", reservationId, operation);
            if (!from.Contains(state.Status))
            {
                throw Conflict(PmsConflictReason.InvalidState, $"Reservation {state.Id} is {state.Status}; {operation} needs {string.Join(" or ", from)}.", operation);
            }

            var heldRoom = state.HoldsInventory;
            state.Status = to;
            if (heldRoom && !state.HoldsInventory)
            {
                GiveBack(state);
                raised.Add(AvailabilityChanged(state.RoomTypeId, state.Arrival, state.Departure.AddDays(-1)));
            }

            state.ModifiedAt = TimeProvider.GetUtcNow();
            raised.Insert(0, Record(new ReservationModifiedEvent(NextEventId(), PmsVendors.InMemory, Property.VendorId, state.ModifiedAt, state.Id) { VendorEventType = "reservation/" + to.ToString().ToLowerInvariant() }));
            result = ToModel(state);
        }

        Publish(raised);
        return result;
    }

    private ReservationState Book(ReservationDraft draft, ReservationStatus status, string? externalReference, bool enforceSalesRules, string operation, List<PmsEvent> raised)
    {
        var roomType = _roomTypes.GetValueOrDefault(draft.RoomTypeId)
                       ?? throw Invalid("draft.RoomTypeId", $"Room type '{draft.RoomTypeId}' does not exist.", operation);
        var plan = _ratePlans.GetValueOrDefault(draft.RatePlanId)
                   ?? throw Invalid("draft.RatePlanId", $"Rate plan '{draft.RatePlanId}' does not exist.", operation);
        if (!plan.Sells(roomType.Id))
        {
            throw Invalid("draft.RatePlanId", $"Rate plan '{plan.Id}' does not sell room type '{roomType.Id}'.", operation);
        }

        var persons = draft.Adults + draft.ChildrenAges.Count;
        if (persons > roomType.MaxOccupancy)
        {
            throw Invalid("draft.Adults", $"Room type '{roomType.Id}' sleeps at most {roomType.MaxOccupancy} persons; the booking is for {persons}.", operation);
        }

        if (draft.PrimaryGuest.VendorId is { } guestId && !_guests.ContainsKey(guestId))
        {
            throw Invalid("draft.PrimaryGuest.VendorId", $"Guest '{guestId}' does not exist.", operation);
        }

        var lines = draft.Services
            .Select((order, i) => NewLine(order, draft.Arrival, draft.Departure, string.Create(CultureInfo.InvariantCulture, $"draft.Services[{i}]"), operation))
            .ToList();
        if (enforceSalesRules)
        {
            if (!_allowPastArrivals && draft.Arrival < Today)
            {
                throw Invalid("draft.Arrival", $"Arrival ({draft.Arrival:yyyy-MM-dd}) is before today ({Today:yyyy-MM-dd}) at the property.", operation);
            }

            if (RestrictionViolation(roomType.Id, draft.Arrival, draft.Departure) is { } why)
            {
                throw Conflict(PmsConflictReason.NoAvailability, $"Cannot book: {why}.", operation);
            }
        }

        if (ReservationState.HoldsInventoryIn(status) && SoldOutNight(roomType, draft.Arrival, draft.Departure) is { } night)
        {
            throw Conflict(PmsConflictReason.NoAvailability, $"No room of type '{roomType.Id}' is left on {night:yyyy-MM-dd}.", operation);
        }

        var price = PriceStay(plan, roomType.Id, draft.Arrival, draft.Departure, persons)
                    ?? throw Conflict(PmsConflictReason.NoAvailability, $"Rate plan '{plan.Id}' does not sell room type '{roomType.Id}' on every night from {draft.Arrival:yyyy-MM-dd} to {draft.Departure:yyyy-MM-dd}.", operation);
        if (enforceSalesRules && draft.QuotedTotal is { } quoted)
        {
            if (!string.Equals(quoted.Currency, Property.Currency, StringComparison.Ordinal))
            {
                throw Invalid("draft.QuotedTotal", $"The property sells in {Property.Currency}; the quoted total is in {quoted.Currency}.", operation);
            }

            // The quoted total is the stay's (room, VAT and included fees, as RateQuote.Total); extras are priced apart.
            if (CurrencyPrecision.Round(quoted.Amount, Property.Currency) != CurrencyPrecision.Round(price.Total, Property.Currency))
            {
                throw Conflict(PmsConflictReason.StaleData, $"The stay now costs {Money(price.Total)}, not the {quoted} quoted: quote again.", operation);
            }
        }

        var now = TimeProvider.GetUtcNow();
        var guest = draft.PrimaryGuest;
        if (guest.VendorId is null)
        {
            // As at most PMSs, a booking for a guest without a profile makes one, so the guest can be searched later.
            guest = guest with { VendorId = NextGuestId() };
            _guests.Add(guest.VendorId!, guest);
            raised.Add(Record(new GuestUpdatedEvent(NextEventId(), PmsVendors.InMemory, Property.VendorId, now, guest.VendorId!) { VendorEventType = "guest/created" }));
        }

        var sequence = ++_reservationSequence;
        var state = new ReservationState
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"R{sequence:D6}"),
            Sequence = sequence,
            ConfirmationNumber = ConfirmationNumberOf(sequence),
            OriginalDraft = draft,
            Status = status,
            Arrival = draft.Arrival,
            Departure = draft.Departure,
            RoomTypeId = roomType.Id,
            RatePlanId = plan.Id,
            Adults = draft.Adults,
            ChildrenAges = [.. draft.ChildrenAges],
            PrimaryGuest = guest,
            StayTotal = price.Total,
            NightlyRates = price.Nights,
            Fees = price.Fees,
            ClientReference = draft.ClientReference,
            ExternalReference = externalReference,
            Comment = draft.Comment,
            GuestComment = draft.GuestComment,
            CreatedAt = now,
            ModifiedAt = now,
            CancelledAt = status == ReservationStatus.Cancelled ? now : null,
        };
        state.Services.AddRange(lines);
        if (state.HoldsInventory)
        {
            Take(state);
        }

        _reservations.Add(state.Id, state);
        if (state.ClientReference is { } clientReference)
        {
            _byClientReference.Add(clientReference, state);
        }

        raised.Add(Record(new ReservationCreatedEvent(NextEventId(), PmsVendors.InMemory, Property.VendorId, now, state.Id) { VendorEventType = "reservation/created" }));
        if (state.HoldsInventory)
        {
            raised.Add(AvailabilityChanged(roomType.Id, state.Arrival, state.Departure.AddDays(-1)));
        }

        return state;
    }

    private ServiceLine NewLine(ServiceOrder order, DateOnly arrival, DateOnly departure, string field, string operation)
    {
        var service = _services.GetValueOrDefault(order.ServiceId)
                      ?? throw Invalid(field + ".ServiceId", $"Service '{order.ServiceId}' does not exist.", operation);
        if (order.Dates.Any(d => d < arrival || d >= departure))
        {
            throw Invalid(field + ".Dates", $"A delivery date lies outside the stay's nights ({arrival:yyyy-MM-dd} to {departure.AddDays(-1):yyyy-MM-dd}).", operation);
        }

        var explicitDates = order.Dates.Count > 0;
        return new ServiceLine
        {
            Service = service,
            Quantity = order.Quantity,
            ExplicitDates = explicitDates,
            Dates = explicitDates ? [.. order.Dates.Distinct().Order()] : service.IsNightly ? [.. Nights(arrival, departure)] : [],
        };
    }

    /// <summary>After a stay change: nightly extras follow the new nights; dates the caller chose that fell out of the stay are dropped.</summary>
    private static void FollowStay(ReservationState state)
    {
        foreach (var line in state.Services)
        {
            line.Dates = line.ExplicitDates
                ? [.. line.Dates.Where(d => d >= state.Arrival && d < state.Departure)]
                : line.Service.IsNightly ? [.. state.Nights()] : [];
        }

        state.Services.RemoveAll(line => line.ExplicitDates && line.Dates.Count == 0);
    }

    private Reservation ToModel(ReservationState state)
    {
        var services = state.Services
            .Select(line => new ReservationService(line.Service.Id, line.Service.Name, line.Quantity)
            {
                Total = Money(line.Service.PriceOf(line.Quantity, line.Dates.Count, state.Persons)),
                Dates = [.. line.Dates],
            })
            .ToList();
        return new Reservation(state.Id, Property.VendorId, state.Status, state.Arrival, state.Departure, state.PrimaryGuest)
        {
            ConfirmationNumber = state.ConfirmationNumber,
            RawStatus = state.Status.ToString(),
            RoomTypeId = state.RoomTypeId,
            RatePlanId = state.RatePlanId,
            Adults = state.Adults,
            ChildrenAges = [.. state.ChildrenAges],
            Total = Money(state.StayTotal + services.Sum(s => s.Total!.Value.Amount)),
            NightlyRates = state.NightlyRates,
            Fees = state.Fees,
            Services = services,
            ClientReference = state.ClientReference,
            ExternalReference = state.ExternalReference,
            Comment = state.Comment,
            GuestComment = state.GuestComment,
            CreatedAt = state.CreatedAt,
            ModifiedAt = state.ModifiedAt,
            CancelledAt = state.CancelledAt,
        };
    }

    /// <summary>Whether a retried draft is the same booking as the first: every member the caller set is equal.</summary>
    private static bool SameBooking(ReservationDraft first, ReservationDraft retry) =>
        first.Arrival == retry.Arrival
        && first.Departure == retry.Departure
        && string.Equals(first.RoomTypeId, retry.RoomTypeId, StringComparison.Ordinal)
        && string.Equals(first.RatePlanId, retry.RatePlanId, StringComparison.Ordinal)
        && first.Adults == retry.Adults
        && first.ChildrenAges.SequenceEqual(retry.ChildrenAges)
        && first.PrimaryGuest == retry.PrimaryGuest
        && first.QuotedTotal == retry.QuotedTotal
        && string.Equals(first.Comment, retry.Comment, StringComparison.Ordinal)
        && string.Equals(first.GuestComment, retry.GuestComment, StringComparison.Ordinal)
        && first.Services.Count == retry.Services.Count
        && first.Services.Zip(retry.Services).All(p =>
            string.Equals(p.First.ServiceId, p.Second.ServiceId, StringComparison.Ordinal)
            && p.First.Quantity == p.Second.Quantity
            && p.First.Dates.SequenceEqual(p.Second.Dates));

    /// <summary>
    /// Makes an 8-character confirmation number from the sequence: a bijective scramble (multiplication by an odd
    /// constant modulo 2^40) written in Crockford base 32, so numbers are unique, deterministic, and do not look sequential.
    /// </summary>
    private static string ConfirmationNumberOf(long sequence)
    {
        const long mask = (1L << 40) - 1;
        var scrambled = unchecked((sequence * 0x9E3779B97L) + 0x5DEECE66DL) & mask;
        Span<char> chars = stackalloc char[8];
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            chars[i] = Crockford[(int)(scrambled & 31)];
            scrambled >>= 5;
        }

        return new string(chars);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>A position in a reservation list: the change time (changed-since lists only) and the reservation's sequence.</summary>
    internal readonly record struct PageCursor(DateTimeOffset ModifiedAt, long Sequence) : IComparable<PageCursor>
    {
        public int CompareTo(PageCursor other)
        {
            var byTime = ModifiedAt.CompareTo(other.ModifiedAt);
            return byTime != 0 ? byTime : Sequence.CompareTo(other.Sequence);
        }
    }

    /// <summary>One page of a reservation list and the cursor of the next, <see langword="null"/> on the last page.</summary>
    internal sealed record ReservationPage(IReadOnlyList<Reservation> Items, PageCursor? Next);
}
