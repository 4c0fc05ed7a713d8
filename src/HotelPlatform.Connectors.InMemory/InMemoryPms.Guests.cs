using System.Globalization;

namespace HotelPlatform.Connectors.InMemory;

/// <content>Guest profiles and extras (services).</content>
public sealed partial class InMemoryPms
{
    // Names compare as a caller on the phone would expect: "muller" finds "Müller".
    private static readonly CompareInfo Names = CultureInfo.InvariantCulture.CompareInfo;
    private const CompareOptions NameComparison = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;

    internal IReadOnlyList<GuestProfile> ServeSearchGuests(GuestSearch search)
    {
        lock (_gate)
        {
            var email = search.Email?.Trim();
            var phone = string.IsNullOrWhiteSpace(search.Phone) ? null : PhoneDigits(search.Phone);
            var matches = _guests.Values
                .Where(g => string.IsNullOrWhiteSpace(email) || string.Equals(g.Email?.Trim(), email, StringComparison.OrdinalIgnoreCase))
                .Where(g => phone is null || (g.Phone is not null && PhoneDigits(g.Phone) == phone))
                .Where(g => string.IsNullOrWhiteSpace(search.LastName) || SameName(g.LastName, search.LastName))
                .Where(g => string.IsNullOrWhiteSpace(search.FirstName) || (g.FirstName is not null && SameName(g.FirstName, search.FirstName)))
                .Take(search.MaxResults)
                .ToList();
            Log(Operation("SearchGuests") with { ResultCount = matches.Count });
            return matches;
        }
    }

    internal GuestProfile ServeGetGuest(string guestId)
    {
        const string operation = "GetGuest";
        lock (_gate)
        {
            Log(Operation(operation) with { EntityId = guestId });
            return _guests.GetValueOrDefault(guestId) ?? throw NotFound("Guest", guestId, operation);
        }
    }

    internal GuestProfile ServeUpsertGuest(GuestProfile guest)
    {
        const string operation = "UpsertGuest";
        List<PmsEvent> raised = [];
        GuestProfile stored;
        lock (_gate)
        {
            if (guest.VendorId is { } id && !_guests.ContainsKey(id))
            {
                Log(Operation(operation) with { EntityId = id });
                throw NotFound("Guest", id, operation);
            }

            // The profile sent replaces the stored one (PUT semantics): a member left null is cleared.
            var created = guest.VendorId is null;
            stored = created ? guest with { VendorId = NextGuestId() } : guest;
            _guests[stored.VendorId!] = stored;
            Log(Operation(operation) with { EntityId = stored.VendorId });
            raised.Add(Record(new GuestUpdatedEvent(NextEventId(), PmsVendors.InMemory, Property.VendorId, TimeProvider.GetUtcNow(), stored.VendorId!)
            {
                VendorEventType = created ? "guest/created" : "guest/updated",
            }));
        }

        Publish(raised);
        return stored;
    }

    internal IReadOnlyList<ServiceOffer> ServeServiceOffers(ServiceOfferRequest request)
    {
        const string operation = "GetServiceOffers";
        lock (_gate)
        {
            DateOnly arrival, departure;
            int persons;
            if (request.ReservationId is { } reservationId)
            {
                var state = _reservations.GetValueOrDefault(reservationId);
                if (state is null)
                {
                    Log(Operation(operation) with { EntityId = reservationId });
                    throw NotFound("Reservation", reservationId, operation);
                }

                (arrival, departure, persons) = (state.Arrival, state.Departure, state.Persons);
            }
            else
            {
                (arrival, departure, persons) = (request.Arrival!.Value, request.Departure!.Value, request.Adults);
            }

            var nights = Nights(arrival, departure).ToList();
            var offers = _serviceOrder
                .Select(id => _services[id])
                .Select(service => new ServiceOffer(service.Id, service.Name, Money(service.UnitPrice))
                {
                    Description = service.Description,
                    PricingUnit = service.PricingUnit,
                    Total = Money(service.PriceOf(1, service.IsNightly ? nights.Count : 0, persons)),
                    AvailableDates = service.IsNightly ? nights : [],
                })
                .ToList();
            Log(Operation(operation) with { EntityId = request.ReservationId, ResultCount = offers.Count });
            return offers;
        }
    }

    internal Reservation ServeAddService(string reservationId, ServiceOrder order)
    {
        const string operation = "AddService";
        List<PmsEvent> raised = [];
        Reservation result;
        lock (_gate)
        {
            Log(Operation(operation) with { EntityId = reservationId });
            var state = _reservations.GetValueOrDefault(reservationId) ?? throw NotFound("Reservation", reservationId, operation);
            if (state.Status is not (ReservationStatus.Confirmed or ReservationStatus.Tentative or ReservationStatus.InHouse))
            {
                throw Conflict(PmsConflictReason.InvalidState, $"Reservation {state.Id} is {state.Status}: extras can no longer be added.", operation);
            }

            state.Services.Add(NewLine(order, state.Arrival, state.Departure, "order", operation));
            state.ModifiedAt = TimeProvider.GetUtcNow();
            raised.Add(Record(new ReservationModifiedEvent(NextEventId(), PmsVendors.InMemory, Property.VendorId, state.ModifiedAt, state.Id) { VendorEventType = "reservation/service-added" }));
            result = ToModel(state);
        }

        Publish(raised);
        return result;
    }

    private static bool SameName(string stored, string searched) =>
        Names.Compare(stored.Trim(), searched.Trim(), NameComparison) == 0;

    /// <summary>Reduces a phone number to its digits (keeping a leading '+'), so "+49 30 123-45" matches "+493012345".</summary>
    private static string PhoneDigits(string phone)
    {
        var trimmed = phone.Trim();
        var digits = new string([.. trimmed.Where(char.IsAsciiDigit)]);
        return trimmed.StartsWith('+') ? "+" + digits : digits;
    }
}
