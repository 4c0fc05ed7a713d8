using System.Globalization;
using System.Text.Json.Nodes;
using HotelPlatform.Connectors.Simulators.Cloudbeds.Wire;

namespace HotelPlatform.Connectors.Simulators.Cloudbeds;

/// <summary>The seeded, mutable state of one simulated property; every member runs under the simulator's lock.</summary>
internal sealed class CloudbedsState
{
    /// <summary>Date-times as the OpenAPI document types them (<c>format: date-time</c>, RFC 3339), in UTC.</summary>
    private const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";
    /// <summary>patchRate's limit: "The API is limited to 30 interval per update, sending more than 30 will return an error".</summary>
    private const int MaxRateIntervals = 30;
    private static readonly string[] Statuses = ["confirmed", "not_confirmed", "canceled", "checked_in", "checked_out", "no_show"];

    private readonly CloudbedsSimulatorOptions _options;
    private readonly TimeProvider _clock;
    private readonly DeterministicRandom _random;
    private readonly List<RoomTypeDef> _roomTypes;
    private readonly List<RateDef> _rates;
    private readonly Dictionary<string, GuestRecord> _guests = new(StringComparer.Ordinal);
    private readonly Dictionary<(string RateId, DateOnly Date), RateNight> _nights = [];
    private readonly List<RateJob> _rateJobs = [];
    private readonly List<(string Id, string Event, Uri Endpoint)> _webhooks = [];
    private int _nextId = 1000;

    public CloudbedsState(CloudbedsSimulatorOptions options, TimeProvider clock, DeterministicRandom random)
    {
        _options = options;
        _clock = clock;
        _random = random;
        _roomTypes =
        [
            new("501", "Double Room", "DBL", 2, 10),
            new("502", "Single Room", "SGL", 1, 5),
            new("503", "Suite", "STE", 4, 2),
        ];
        _rates =
        [
            new("7001", "501", "1", "Standard Rate", 120m),
            new("7002", "501", "2", "Non-refundable", 100m),
            new("7011", "502", "1", "Standard Rate", 80m),
            new("7021", "503", "1", "Standard Rate", 260m),
        ];
        var today = Today;

        var known = AddGuest("Ana", "Marques", "ana.marques@example.com", "+351210000001", "PT");
        var past = NewReservation(known, today.AddDays(-30), today.AddDays(-28), null, [new(_roomTypes[0], _rates[0], 2, 0)]);
        past.Status = "checked_out";
        var soldOut = today.AddDays(10);
        for (var i = 0; i < _roomTypes[2].Rooms; i++)
        {
            NewReservation(AddGuest("Sold", $"Out{i}", $"soldout{i}@example.com", null, "PT"), soldOut, soldOut.AddDays(1), null, [new(_roomTypes[2], _rates[3], 2, 0)]);
        }

        var restricted = today.AddDays(12);
        Night(_rates[0].Id, restricted).MinLos = 3;
        Scenario = new CloudbedsScenario(
            options.PropertyId, _roomTypes[0].Id, _rates[0].Id, today.AddDays(20), _roomTypes[0].Rooms, _roomTypes[2].Id, _rates[3].Id, soldOut, restricted, 3,
            known.Id, known.FirstName, known.LastName, known.Email!, known.Phone!, "9001");
    }

    public CloudbedsScenario Scenario { get; }

    public Dictionary<string, ReservationRecord> Reservations { get; } = new(StringComparer.Ordinal);

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(_options.TimeZone)).DateTime);

    /// <summary>Rooms of a room type free on a night, not counting the room <paramref name="exceptRoom"/> (a sub-reservation being changed).</summary>
    public int Free(string roomTypeId, DateOnly night, string? exceptRoom)
    {
        var roomType = _roomTypes.First(r => r.Id == roomTypeId);
        var taken = Reservations.Values.Where(r => r.Status != "canceled").SelectMany(r => r.Rooms)
            .Count(room => room.RoomTypeId == roomTypeId && room.SubReservationId != exceptRoom && room.Start <= night && night < room.End);
        return roomType.Rooms - taken;
    }

    public JsonObject Hotels(QueryReader query) =>
        List([new JsonObject
        {
            ["propertyID"] = _options.PropertyId,
            ["organizationID"] = "1",
            ["propertyName"] = _options.PropertyName,
            ["propertyImage"] = string.Empty,
            ["propertyDescription"] = string.Empty,
            ["propertyTimezone"] = _options.TimeZone,
            ["propertyCurrency"] = new JsonArray(new JsonObject { ["currencyCode"] = _options.Currency, ["currencySymbol"] = _options.Currency, ["currencyPosition"] = "before" }),
        }], 1);

    public JsonObject RoomTypes((int Number, int Size) paging) =>
        PageWithoutCounts(_roomTypes.Select(r => new JsonObject
        {
            ["roomTypeID"] = r.Id,
            ["propertyID"] = _options.PropertyId,
            ["roomTypeName"] = r.Name,
            ["roomTypeNameShort"] = r.Code,
            ["roomTypeDescription"] = r.Name,
            ["isPrivate"] = true,
            ["maxGuests"] = r.MaxGuests,
            ["adultsIncluded"] = 1,
            ["childrenIncluded"] = 0,
        }).ToList(), paging);

    public JsonObject Rates(QueryReader query)
    {
        var start = query.RequiredDate("startDate");
        var end = query.RequiredDate("endDate");
        var adults = query.OptionalInt32("adults", minimum: 1) ?? 1;
        var children = query.OptionalInt32("children", minimum: 0) ?? 0;
        var detailed = query.OptionalBoolean("detailedRates") ?? false;
        query.Allow("propertyIDs", "rateIDs", "roomTypeID", "promoCode", "includePromoCode", "includeSharedRooms");
        if (end <= start)
        {
            return Refusal("Invalid dates: endDate must be after startDate.");
        }

        var items = new JsonArray();
        foreach (var rate in _rates)
        {
            var roomType = _roomTypes.First(r => r.Id == rate.RoomTypeId);
            if (adults + children > roomType.MaxGuests)
            {
                continue;
            }

            var nights = Enumerable.Range(0, end.DayNumber - start.DayNumber).Select(start.AddDays).ToList();
            var days = new JsonArray();
            foreach (var night in nights)
            {
                var values = _nights.GetValueOrDefault((rate.Id, night)) ?? new RateNight();
                days.Add(new JsonObject
                {
                    ["date"] = Date(night),
                    ["rateBase"] = PriceOn(rate, night),
                    ["totalRate"] = PriceOn(rate, night),
                    ["roomsAvailable"] = Math.Max(0, Free(roomType.Id, night, null)),
                    ["closedToArrival"] = values.ClosedToArrival,
                    ["closedToDeparture"] = values.ClosedToDeparture,
                    ["blocked"] = values.Blocked,
                    ["minLos"] = values.MinLos ?? 1,
                    ["maxLos"] = values.MaxLos ?? 0,
                    ["cutOff"] = values.CutOff ?? 0,
                    ["lastMinuteBooking"] = values.LastMinuteBooking ?? 0,
                });
            }

            var item = new JsonObject
            {
                ["rateID"] = rate.Id,
                ["isDerived"] = false,
                ["roomRate"] = rate.Price,
                ["totalRate"] = nights.Sum(n => PriceOn(rate, n)),
                ["roomsAvailable"] = nights.Min(n => Math.Max(0, Free(roomType.Id, n, null))),
                ["roomTypeID"] = roomType.Id,
                ["propertyID"] = _options.PropertyId,
                ["ratePlanID"] = rate.PlanId,
                ["ratePlanNamePublic"] = rate.Name,
                ["ratePlanNamePrivate"] = rate.Name,
            };
            if (detailed)
            {
                item["roomRateDetailed"] = days;
            }

            items.Add(item);
        }

        return new JsonObject { ["success"] = true, ["data"] = items };
    }

    public (JsonObject, IReadOnlyList<JsonObject>) PostReservation(PostReservationForm form)
    {
        if (form.PropertyID is { } property && property != _options.PropertyId)
        {
            return (Refusal($"Property ID {property} is not covered by this API key."), []);
        }

        if (form.EndDate <= form.StartDate)
        {
            return (Refusal("Invalid dates: endDate must be after startDate."), []);
        }

        // rooms[] books quantity rooms of a room type (on roomRateID, or its first rate); adults[] and children[] give the
        // guests per room type ("Quantity of adults for the room type ID"), shared out over its rooms, every room with an adult.
        if (form.Rooms.Count == 0 || form.Rooms.Select(r => r.RoomTypeID).Distinct(StringComparer.Ordinal).Count() != form.Rooms.Count)
        {
            return (Refusal("Invalid rooms: book at least one room, with one rooms[] entry per room type."), []);
        }

        if (form.Adults.Concat(form.Children ?? []).FirstOrDefault(o => !form.Rooms.Any(r => r.RoomTypeID == o.RoomTypeID)) is { } stray)
        {
            return (Refusal($"Invalid guests: adults or children are given for room type {stray.RoomTypeID}, which is not booked."), []);
        }

        var booked = new List<RoomRequest>();
        foreach (var group in form.Rooms)
        {
            var roomType = _roomTypes.FirstOrDefault(r => r.Id == group.RoomTypeID);
            if (roomType is null)
            {
                return (Refusal($"Invalid roomTypeID '{group.RoomTypeID}'."), []);
            }

            var rate = group.RoomRateID is { } rateId ? _rates.FirstOrDefault(r => r.Id == rateId && r.RoomTypeId == roomType.Id) : _rates.First(r => r.RoomTypeId == roomType.Id);
            if (rate is null)
            {
                return (Refusal($"Invalid roomRateID '{group.RoomRateID}' for room type {roomType.Id}."), []);
            }

            var adults = form.Adults.Where(a => a.RoomTypeID == roomType.Id).Sum(a => a.Quantity);
            var children = (form.Children ?? []).Where(c => c.RoomTypeID == roomType.Id).Sum(c => c.Quantity);
            if (group.Quantity < 1 || adults < group.Quantity)
            {
                return (Refusal($"Invalid number of guests: each of the {group.Quantity} room(s) of room type {roomType.Id} needs an adult."), []);
            }

            for (var i = 0; i < group.Quantity; i++)
            {
                var room = new RoomRequest(roomType, rate, Share(adults, group.Quantity, i), Share(children, group.Quantity, i));
                if (room.Adults + room.Children > roomType.MaxGuests)
                {
                    return (Refusal($"Invalid number of guests: room type {roomType.Id} sleeps at most {roomType.MaxGuests}."), []);
                }

                booked.Add(room);
            }

            if (Refuse(roomType, rate, form.StartDate, form.EndDate, null, group.Quantity) is { } refusal)
            {
                return (refusal, []);
            }
        }

        if (form.PaymentMethod is { } payment && payment is not ("cash" or "credit" or "ebanking" or "pay_pal"))
        {
            return (Refusal($"Invalid paymentMethod '{payment}'."), []);
        }

        var guest = AddGuest(form.GuestFirstName, form.GuestLastName, form.GuestEmail, form.GuestPhone, form.GuestCountry);
        var reservation = NewReservation(guest, form.StartDate, form.EndDate, form.ThirdPartyIdentifier, booked);
        var answer = new JsonObject
        {
            ["success"] = true,
            ["reservationID"] = reservation.Id,
            ["status"] = reservation.Status,
            ["guestID"] = guest.Id,
            ["guestFirstName"] = guest.FirstName,
            ["guestLastName"] = guest.LastName,
            ["guestGender"] = "N/A",
            ["guestEmail"] = guest.Email,
            ["startDate"] = Date(reservation.Start),
            ["endDate"] = Date(reservation.End),
            ["dateCreated"] = DateTime(reservation.Created),
            ["grandTotal"] = reservation.Total,
            ["unassigned"] = new JsonArray([.. reservation.Rooms.Select(room => (JsonNode)new JsonObject
            {
                ["subReservationID"] = room.SubReservationId,
                ["roomTypeName"] = _roomTypes.First(r => r.Id == room.RoomTypeId).Name,
                ["roomTypeID"] = room.RoomTypeId,
                ["adults"] = room.Adults,
                ["children"] = room.Children,
                ["dailyRates"] = DailyRates(room),
                ["roomTotal"] = room.Total,
            })]),
        };
        return (answer, [Delivery("reservation/created", reservation)]);
    }

    public JsonObject GetReservation(string reservationId, string? propertyId)
    {
        if (propertyId is not null && propertyId != _options.PropertyId)
        {
            return Refusal($"Property ID {propertyId} is not covered by this API key.");
        }

        return Reservations.TryGetValue(reservationId, out var reservation)
            ? new JsonObject { ["success"] = true, ["data"] = Details(reservation) }
            : Refusal($"Reservation {reservationId} not found.");
    }

    public JsonObject ListReservations(QueryReader query, (int Number, int Size) paging)
    {
        var status = query.Optional("status");
        var checkInFrom = query.OptionalDate("checkInFrom");
        var checkInTo = query.OptionalDate("checkInTo");
        var checkOutFrom = query.OptionalDate("checkOutFrom");
        var checkOutTo = query.OptionalDate("checkOutTo");
        var modifiedFrom = ReadDateTime(query, "modifiedFrom");
        var resultsFrom = ReadDateTime(query, "resultsFrom");
        query.Allow("propertyID", "includeGuestsDetails", "includeCustomFields", "includeAllRooms", "sortByRecent");
        if (status is not null && !Statuses.Contains(status))
        {
            query.AddViolation("status", $"'{status}' is not one of {string.Join(", ", Statuses)}.");
        }

        var found = Reservations.Values
            .Where(r => (status is null || r.Status == status)
                        && (checkInFrom is null || r.Start >= checkInFrom) && (checkInTo is null || r.Start <= checkInTo)
                        && (checkOutFrom is null || r.End >= checkOutFrom) && (checkOutTo is null || r.End <= checkOutTo)
                        && (modifiedFrom is null || r.Modified >= modifiedFrom) && (resultsFrom is null || r.Created >= resultsFrom))
            .OrderBy(r => r.Sequence)
            .Select(r => new JsonObject
            {
                ["propertyID"] = _options.PropertyId,
                ["reservationID"] = r.Id,
                ["dateCreated"] = DateTime(r.Created),
                ["dateModified"] = DateTime(r.Modified),
                ["status"] = r.Status,
                ["guestID"] = r.GuestId,
                ["guestName"] = GuestName(r),
                ["startDate"] = Date(r.Start),
                ["endDate"] = Date(r.End),
                ["adults"] = r.Adults.ToString(CultureInfo.InvariantCulture),
                ["children"] = r.Children.ToString(CultureInfo.InvariantCulture),
                ["balance"] = r.Total,
                ["sourceName"] = "Website",
                ["sourceID"] = "s-1",
                ["thirdPartyIdentifier"] = r.ThirdPartyIdentifier,
            })
            .ToList();
        return Page(found, paging);
    }

    public (JsonObject, IReadOnlyList<JsonObject>) PutReservation(PutReservationForm form)
    {
        if (!Reservations.TryGetValue(form.ReservationID, out var reservation))
        {
            return (Refusal($"Reservation {form.ReservationID} not found."), []);
        }

        if (form.Status is { } status && !Statuses.Contains(status))
        {
            return (Refusal($"Invalid status '{status}'."), []);
        }

        if (reservation.Status == "canceled")
        {
            return (Refusal($"Reservation {reservation.Id} is canceled and cannot be modified."), []);
        }

        // Each rooms[] entry changes the room its subReservationID names (the only room when it names none); checkoutDate
        // changes every room's departure that no entry sets.
        var changes = new Dictionary<RoomStay, PutRoomForm>();
        foreach (var change in form.Rooms ?? [])
        {
            var target = change.SubReservationID is { } sub
                ? reservation.Rooms.FirstOrDefault(r => r.SubReservationId == sub)
                : reservation.Rooms.Count == 1 ? reservation.Rooms[0] : null;
            if (target is null || !changes.TryAdd(target, change))
            {
                return (Refusal(change.SubReservationID is null
                    ? $"Invalid rooms: reservation {reservation.Id} has {reservation.Rooms.Count} rooms; rooms[][subReservationID] is required."
                    : $"Invalid rooms: reservation {reservation.Id} has no room {change.SubReservationID}, or it was given twice."), []);
            }
        }

        var planned = new List<(RoomStay Room, RoomTypeDef Type, RateDef Rate, DateOnly Start, DateOnly End, int Adults, int Children)>();
        foreach (var room in reservation.Rooms)
        {
            var change = changes.GetValueOrDefault(room);
            var start = change?.CheckinDate ?? room.Start;
            var end = change?.CheckoutDate ?? form.CheckoutDate ?? room.End;
            var roomType = _roomTypes.FirstOrDefault(r => r.Id == (change?.RoomTypeID ?? room.RoomTypeId));
            var rate = _rates.FirstOrDefault(r => r.Id == (change?.RateID ?? (change?.RoomTypeID is null ? room.RateId : null) ?? _rates.First(x => x.RoomTypeId == roomType?.Id).Id));
            var adults = change?.Adults ?? room.Adults;
            var children = change?.Children ?? room.Children;
            if (roomType is null || rate is null || rate.RoomTypeId != roomType.Id)
            {
                return (Refusal("Invalid roomTypeID or rateID."), []);
            }

            if (end <= start || adults < 1 || adults + children > roomType.MaxGuests)
            {
                return (Refusal(end <= start ? "Invalid dates: checkoutDate must be after checkinDate." : $"Invalid number of guests: room type {roomType.Id} sleeps at most {roomType.MaxGuests}."), []);
            }

            if (start != room.Start || end != room.End || roomType.Id != room.RoomTypeId || rate.Id != room.RateId || adults != room.Adults || children != room.Children)
            {
                if (Refuse(roomType, rate, start, end, room.SubReservationId) is { } refusal)
                {
                    return (refusal, []);
                }

                planned.Add((room, roomType, rate, start, end, adults, children));
            }
        }

        var deliveries = new List<JsonObject>();
        if (planned.Count > 0)
        {
            var datesChanged = planned.Any(p => p.Start != p.Room.Start || p.End != p.Room.End);
            foreach (var (room, roomType, rate, start, end, adults, children) in planned)
            {
                (room.Start, room.End, room.RoomTypeId, room.RateId, room.Price, room.Adults, room.Children) = (start, end, roomType.Id, rate.Id, rate.Price, adults, children);
            }

            deliveries.Add(Delivery(datesChanged ? "reservation/dates_changed" : "reservation/accommodation_changed", reservation));
        }

        if (form.Status == "canceled" && reservation.Status is "checked_in" or "checked_out" or "no_show")
        {
            return (Refusal($"Reservation {reservation.Id} is {reservation.Status.Replace('_', ' ')} and cannot be canceled."), []);
        }

        if (form.Status is { } newStatus && newStatus != reservation.Status)
        {
            reservation.Status = newStatus;
            var delivery = Delivery("reservation/status_changed", reservation);
            delivery["status"] = newStatus;
            deliveries.Add(delivery);
        }

        reservation.Modified = _clock.GetUtcNow();
        return (new JsonObject { ["success"] = true, ["message"] = string.Empty, ["data"] = Details(reservation) }, deliveries);
    }

    public JsonObject Notes(string reservationId) =>
        Reservations.TryGetValue(reservationId, out var reservation)
            ? new JsonObject
            {
                ["success"] = true,
                ["data"] = new JsonArray([.. reservation.Notes.Select(n => (JsonNode)new JsonObject
                {
                    ["reservationNoteID"] = n.Id,
                    ["userName"] = "API",
                    ["dateCreated"] = DateTime(n.Created),
                    ["dateModified"] = DateTime(n.Created),
                    ["reservationNote"] = n.Text,
                })]),
            }
            : Refusal($"Reservation {reservationId} not found.");

    public (JsonObject, IReadOnlyList<JsonObject>) PostNote(PostReservationNoteForm form)
    {
        if (!Reservations.TryGetValue(form.ReservationID, out var reservation))
        {
            return (Refusal($"Reservation {form.ReservationID} not found."), []);
        }

        var id = NextId();
        reservation.Notes.Add((id, form.ReservationNote, _clock.GetUtcNow()));
        reservation.Modified = _clock.GetUtcNow();
        return (new JsonObject { ["success"] = true, ["reservationNoteID"] = id }, [Delivery("reservation/notes_changed", reservation)]);
    }

    public JsonObject GetGuest(QueryReader query)
    {
        var guestId = query.Optional("guestID");
        var reservationId = query.Optional("reservationID");
        query.Allow("propertyID", "includeGuestRequirements");
        var guest = guestId is not null ? _guests.GetValueOrDefault(guestId)
            : reservationId is not null && Reservations.TryGetValue(reservationId, out var reservation) ? _guests.GetValueOrDefault(reservation.GuestId)
            : null;
        if (guestId is null && reservationId is null)
        {
            query.AddViolation("guestID", "guestID or reservationID is required.");
        }

        return guest is null
            ? Refusal($"Guest {guestId ?? reservationId} not found.")
            : new JsonObject
            {
                ["success"] = true,
                ["data"] = new JsonObject
                {
                    ["firstName"] = guest.FirstName,
                    ["lastName"] = guest.LastName,
                    ["gender"] = "N/A",
                    ["email"] = guest.Email,
                    ["phone"] = guest.Phone,
                    ["cellPhone"] = string.Empty,
                    ["country"] = guest.Country,
                    ["address"] = guest.Address1,
                    ["address2"] = guest.Address2,
                    ["city"] = guest.City,
                    ["zip"] = guest.Zip,
                    ["state"] = string.Empty,
                },
            };
    }

    public JsonObject ListGuests(QueryReader query, (int Number, int Size) paging)
    {
        var first = query.Optional("guestFirstName");
        var last = query.Optional("guestLastName");
        var email = query.Optional("guestEmail");
        var phone = query.Optional("guestPhone");
        query.Allow("propertyIDs", "resultsFrom", "resultsTo", "checkInFrom", "checkInTo", "checkOutFrom", "checkOutTo", "guestCellPhone", "status", "sortBy", "includeGuestInfo", "excludeSecondaryGuests", "includeGuestRequirements");
        static bool Same(string? filter, string? value) => filter is null || string.Equals(filter, value, StringComparison.OrdinalIgnoreCase);
        var found = _guests.Values.Where(g => Same(first, g.FirstName) && Same(last, g.LastName) && Same(email, g.Email) && Same(phone, g.Phone)).ToList();
        var page = found.Skip((paging.Number - 1) * paging.Size).Take(paging.Size).ToList();
        var data = new JsonObject();
        foreach (var guest in page)
        {
            var reservation = Reservations.Values.Where(r => r.GuestId == guest.Id).OrderBy(r => r.Sequence).LastOrDefault();
            data[guest.Id] = new JsonObject
            {
                ["reservationID"] = reservation?.Id,
                ["guestName"] = $"{guest.FirstName} {guest.LastName}",
                ["guestEmail"] = guest.Email,
                ["guestID"] = guest.Id,
                ["isMainGuest"] = true,
                ["guestFirstName"] = guest.FirstName,
                ["guestLastName"] = guest.LastName,
                ["guestPhone"] = guest.Phone,
            };
        }

        return new JsonObject { ["success"] = true, ["data"] = data, ["count"] = page.Count, ["total"] = found.Count };
    }

    public (JsonObject, IReadOnlyList<JsonObject>) PutGuest(PutGuestForm form)
    {
        if (!_guests.TryGetValue(form.GuestID, out var guest))
        {
            return (Refusal($"Guest {form.GuestID} not found."), []);
        }

        guest.FirstName = form.GuestFirstName ?? guest.FirstName;
        guest.LastName = form.GuestLastName ?? guest.LastName;
        guest.Email = form.GuestEmail ?? guest.Email;
        guest.Phone = form.GuestPhone ?? guest.Phone;
        guest.Country = form.GuestCountry ?? guest.Country;
        guest.Address1 = form.GuestAddress1 ?? guest.Address1;
        guest.Address2 = form.GuestAddress2 ?? guest.Address2;
        guest.City = form.GuestCity ?? guest.City;
        guest.Zip = form.GuestZip ?? guest.Zip;
        foreach (var reservation in Reservations.Values.Where(r => r.GuestId == guest.Id))
        {
            reservation.Modified = _clock.GetUtcNow();
        }

        // Guest events spell their members propertyId and guestId (with _str twins), unlike reservation events.
        var delivery = new JsonObject
        {
            ["propertyId"] = int.TryParse(_options.PropertyId, CultureInfo.InvariantCulture, out var number) ? number : null,
            ["propertyId_str"] = _options.PropertyId,
            ["guestId"] = int.TryParse(guest.Id, CultureInfo.InvariantCulture, out var guestNumber) ? guestNumber : null,
            ["guestId_str"] = guest.Id,
            ["version"] = "1.0",
            ["event"] = "guest/details_changed",
            ["timestamp"] = _clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0,
        };
        return (new JsonObject { ["success"] = true, ["message"] = string.Empty }, [delivery]);
    }

    public JsonObject Items() =>
        new()
        {
            ["success"] = true,
            ["data"] = new JsonArray(new JsonObject
            {
                ["itemID"] = Scenario.ItemId,
                ["itemType"] = "service",
                ["sku"] = "BRK",
                ["itemCode"] = "BRK",
                ["name"] = "Breakfast",
                ["categoryID"] = "1",
                ["categoryName"] = "Food",
                ["description"] = "Continental breakfast",
                ["price"] = 12.5m,
                ["stockInventory"] = false,
                ["grandTotal"] = 12.5m,
            }),
        };

    public (JsonObject, IReadOnlyList<JsonObject>) PostWebhook(PostWebhookForm form)
    {
        if (!Uri.TryCreate(form.EndpointUrl, UriKind.Absolute, out var endpoint))
        {
            return (Refusal($"Invalid endpointUrl '{form.EndpointUrl}'."), []);
        }

        var id = NextId();
        _webhooks.Add((id, $"{form.Object}/{form.Action}", endpoint));
        return (new JsonObject { ["success"] = true, ["data"] = new JsonObject { ["subscriptionID"] = id } }, []);
    }

    public JsonObject Webhooks() =>
        new()
        {
            ["success"] = true,
            ["data"] = new JsonArray([.. _webhooks.Select(w => (JsonNode)new JsonObject
            {
                ["id"] = w.Id,
                ["key"] = new JsonObject { ["type"] = "property", ["id"] = _options.PropertyId },
                ["event"] = new JsonObject { ["entity"] = w.Event.Split('/')[0], ["action"] = w.Event.Split('/')[1] },
                ["owner"] = new JsonObject { ["type"] = "client", ["id"] = "1" },
                ["subscriptionType"] = "webhook",
                ["subscriptionData"] = new JsonObject { ["endpoint"] = w.Endpoint.AbsoluteUri },
            })]),
        };

    public JsonObject DeleteWebhook(string subscriptionId) =>
        _webhooks.RemoveAll(w => w.Id == subscriptionId) > 0
            ? new JsonObject { ["success"] = true }
            : Refusal($"Subscription {subscriptionId} not found.");

    public IReadOnlyList<Uri> Subscribers(string eventName) => [.. _webhooks.Where(w => w.Event == eventName).Select(w => w.Endpoint)];

    private static JsonObject Refusal(string message) => new() { ["success"] = false, ["message"] = message };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string DateTime(DateTimeOffset instant) => instant.UtcDateTime.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    /// <summary>A query date-time: the OpenAPI document's <c>format: date-time</c> (RFC 3339).</summary>
    private static DateTimeOffset? ReadDateTime(QueryReader query, string name) => query.OptionalDateTime(name, allowFractionalSeconds: false);

    private static JsonObject List(IReadOnlyList<JsonObject> items, int total) =>
        new() { ["success"] = true, ["data"] = new JsonArray([.. items]), ["count"] = items.Count, ["total"] = total };

    /// <summary>A page of a list whose answer declares no <c>count</c> or <c>total</c> (getRoomTypes).</summary>
    private static JsonObject PageWithoutCounts(IReadOnlyList<JsonObject> all, (int Number, int Size) paging) =>
        new() { ["success"] = true, ["data"] = new JsonArray([.. all.Skip((paging.Number - 1) * paging.Size).Take(paging.Size)]) };

    private static JsonObject Page(IReadOnlyList<JsonObject> all, (int Number, int Size) paging) =>
        List([.. all.Skip((paging.Number - 1) * paging.Size).Take(paging.Size)], all.Count);

    private JsonObject? Refuse(RoomTypeDef roomType, RateDef rate, DateOnly start, DateOnly end, string? exceptRoom, int rooms = 1)
    {
        var nights = end.DayNumber - start.DayNumber;
        var arrival = _nights.GetValueOrDefault((rate.Id, start)) ?? new RateNight();
        if ((arrival.MinLos ?? 1) > nights)
        {
            return Refusal($"Rate {rate.Id} is not available for {nights} night(s) from {Date(start)}: minimum stay {arrival.MinLos} nights.");
        }

        if (arrival.MaxLos is > 0 and var max && nights > max)
        {
            return Refusal($"Rate {rate.Id} is not available for {nights} night(s) from {Date(start)}: maximum stay {max} nights.");
        }

        if (arrival.ClosedToArrival)
        {
            return Refusal($"Rate {rate.Id} is not available: closed to arrival on {Date(start)}.");
        }

        if (_nights.GetValueOrDefault((rate.Id, end))?.ClosedToDeparture == true)
        {
            return Refusal($"Rate {rate.Id} is not available: closed to departure on {Date(end)}.");
        }

        for (var night = start; night < end; night = night.AddDays(1))
        {
            if (_nights.GetValueOrDefault((rate.Id, night))?.Blocked == true)
            {
                return Refusal($"Rate {rate.Id} is not available on {Date(night)}: blocked.");
            }
        }

        for (var night = start; night < end; night = night.AddDays(1))
        {
            if (Free(roomType.Id, night, exceptRoom) < rooms)
            {
                return Refusal($"Room type {roomType.Id} is not available on {Date(night)}.");
            }
        }

        return null;
    }

    /// <summary>
    /// <c>POST /patchRate</c>: checks the request (at most 30 intervals, known non-derived rates) and queues a job that
    /// is applied <see cref="CloudbedsSimulatorOptions.RateJobDelay"/> later, at the next request.
    /// </summary>
    public (JsonObject, IReadOnlyList<JsonObject>) PatchRate(PatchRateForm form)
    {
        if (form.Rates.Count == 0)
        {
            return (Refusal("rates is required."), []);
        }

        if (form.Rates.Count > MaxRateIntervals)
        {
            return (Refusal($"The API is limited to {MaxRateIntervals} interval per update; {form.Rates.Count} were sent."), []);
        }

        if (form.Rates.FirstOrDefault(r => _rates.All(known => known.Id != r.RateID)) is { } unknown)
        {
            return (Refusal($"Invalid rateID '{unknown.RateID}'."), []);
        }

        var job = new RateJob(NextId(), _clock.GetUtcNow(), _clock.GetUtcNow() + _options.RateJobDelay, form.Rates);
        _rateJobs.Add(job);
        return (new JsonObject { ["success"] = true, ["jobReferenceID"] = job.Id }, []);
    }

    /// <summary>Applies the rate jobs whose time has come, in the order they were queued; runs before every request.</summary>
    public void ApplyDueRateJobs()
    {
        var now = _clock.GetUtcNow();
        foreach (var job in _rateJobs.Where(j => j.Status == "in_progress" && j.Due <= now))
        {
            foreach (var item in job.Items)
            {
                var interval = item.Interval;
                var error = interval switch
                {
                    { StartDate: null } or { EndDate: null } => "startDate and endDate are required by this simulator.",
                    { StartDate: { } from, EndDate: { } to } when to < from => "endDate is before startDate.",
                    { Rate: < 0 } => "rate must not be negative.",
                    { MinLos: < 1 } => "minLos must be 1 or more.",
                    { MaxLos: < 0 } => "maxLos must not be negative.",
                    { MinLos: { } min, MaxLos: > 0 and var max } when max < min => "maxLos is below minLos.",
                    _ => null,
                };
                if (error is null)
                {
                    for (var night = interval.StartDate!.Value; night <= interval.EndDate!.Value; night = night.AddDays(1))
                    {
                        Night(item.RateID, night).Apply(interval);
                    }
                }

                job.Updates.Add(new JsonObject
                {
                    ["rateID"] = item.RateID,
                    ["action"] = error is null ? "updated" : "error",
                    ["startDate"] = interval.StartDate is { } start ? Date(start) : null,
                    ["endDate"] = interval.EndDate is { } end ? Date(end) : null,
                    ["rate"] = interval.Rate,
                    ["maxLos"] = interval.MaxLos,
                    ["minLos"] = interval.MinLos,
                    ["closedToArrival"] = interval.ClosedToArrival,
                    ["closedToDeparture"] = interval.ClosedToDeparture,
                    ["cutOff"] = interval.CutOff,
                    ["lastMinuteBooking"] = interval.LastMinuteBooking,
                    ["message"] = error,
                });
            }

            job.Status = job.Updates.Any(u => (string?)u["action"] == "error") ? "error" : "completed";
        }
    }

    /// <summary><c>GET /getRateJobs</c>: the jobs of the last 7 days, by <c>jobReferenceID</c> and <c>status</c> when given.</summary>
    public JsonObject RateJobs(QueryReader query)
    {
        var id = query.Optional("jobReferenceID");
        var status = query.Optional("status");
        var since = _clock.GetUtcNow().AddDays(-7);
        var jobs = _rateJobs.Where(j => j.Created >= since && (id is null || j.Id == id) && (status is null || j.Status == status));
        return new JsonObject
        {
            ["success"] = true,
            ["hasNextPage"] = false,
            ["data"] = new JsonArray([.. jobs.Select(j => (JsonNode)new JsonObject
            {
                ["jobReferenceID"] = j.Id,
                ["dateCreated"] = Date(DateOnly.FromDateTime(j.Created.UtcDateTime)),
                ["status"] = j.Status,
                ["updates"] = j.Status == "in_progress"
                    ? new JsonArray([.. j.Items.Select(i => (JsonNode)new JsonObject { ["rateID"] = i.RateID, ["action"] = "in_progress" })])
                    : new JsonArray([.. j.Updates.Select(u => u.DeepClone())]),
            })]),
        };
    }

    private RateNight Night(string rateId, DateOnly date)
    {
        if (!_nights.TryGetValue((rateId, date), out var night))
        {
            _nights[(rateId, date)] = night = new RateNight();
        }

        return night;
    }

    private decimal PriceOn(RateDef rate, DateOnly night) => _nights.GetValueOrDefault((rate.Id, night))?.Price ?? rate.Price;

    private string NextId() => (++_nextId).ToString(CultureInfo.InvariantCulture) + _random.NextString(4, "0123456789");

    private GuestRecord AddGuest(string firstName, string lastName, string? email, string? phone, string? country)
    {
        var guest = new GuestRecord(NextId()) { FirstName = firstName, LastName = lastName, Email = email, Phone = phone, Country = country };
        _guests.Add(guest.Id, guest);
        return guest;
    }

    /// <summary>The share of <paramref name="count"/> guests that room <paramref name="index"/> of <paramref name="rooms"/> gets (the first rooms take the remainder).</summary>
    private static int Share(int count, int rooms, int index) => (count / rooms) + (index < count % rooms ? 1 : 0);

    private ReservationRecord NewReservation(GuestRecord guest, DateOnly start, DateOnly end, string? thirdParty, IReadOnlyList<RoomRequest> rooms)
    {
        var now = _clock.GetUtcNow();
        var reservation = new ReservationRecord(NextId(), Reservations.Count, guest.Id, now) { ThirdPartyIdentifier = thirdParty, Modified = now };
        for (var i = 0; i < rooms.Count; i++)
        {
            var (roomType, rate, adults, children) = rooms[i];
            reservation.Rooms.Add(new RoomStay(FormattableString.Invariant($"{reservation.Id}-{i + 1}"))
            {
                RoomTypeId = roomType.Id,
                RateId = rate.Id,
                Price = rate.Price,
                Start = start,
                End = end,
                Adults = adults,
                Children = children,
            });
        }

        Reservations.Add(reservation.Id, reservation);
        return reservation;
    }

    private string GuestName(ReservationRecord reservation) =>
        _guests.TryGetValue(reservation.GuestId, out var guest) ? $"{guest.FirstName} {guest.LastName}" : string.Empty;

    private static JsonArray DailyRates(RoomStay room) =>
        new([.. Enumerable.Range(0, room.Nights).Select(i => (JsonNode)new JsonObject { ["date"] = Date(room.Start.AddDays(i)), ["rate"] = room.Price })]);

    private JsonObject Room(RoomStay room) =>
        new()
        {
            ["reservationRoomID"] = room.SubReservationId,
            ["roomTypeName"] = _roomTypes.First(r => r.Id == room.RoomTypeId).Name,
            ["roomTypeIsVirtual"] = false,
            ["roomTypeID"] = room.RoomTypeId,
            ["subReservationID"] = room.SubReservationId,
            ["isRoomLocked"] = false,
            ["startDate"] = Date(room.Start),
            ["endDate"] = Date(room.End),
            ["adults"] = room.Adults.ToString(CultureInfo.InvariantCulture),
            ["children"] = room.Children.ToString(CultureInfo.InvariantCulture),
            ["dailyRates"] = DailyRates(room),
            ["roomTotal"] = room.Total.ToString(CultureInfo.InvariantCulture),
        };

    private JsonObject Details(ReservationRecord reservation)
    {
        var guest = _guests[reservation.GuestId];
        return new JsonObject
        {
            ["propertyID"] = _options.PropertyId,
            ["guestName"] = GuestName(reservation),
            ["guestEmail"] = guest.Email,
            ["isAnonymized"] = false,
            ["guestList"] = new JsonObject
            {
                [guest.Id] = new JsonObject
                {
                    ["guestID"] = guest.Id,
                    ["guestFirstName"] = guest.FirstName,
                    ["guestLastName"] = guest.LastName,
                    ["guestGender"] = "N/A",
                    ["guestEmail"] = guest.Email,
                    ["guestPhone"] = guest.Phone,
                    ["guestCountry"] = guest.Country,
                    ["guestZip"] = guest.Zip,
                    ["guestStatus"] = reservation.Status,
                    ["isMainGuest"] = true,
                    ["assignedRoom"] = false,
                },
            },
            ["reservationID"] = reservation.Id,
            ["dateCreated"] = DateTime(reservation.Created),
            ["dateModified"] = DateTime(reservation.Modified),
            ["source"] = "Website",
            ["sourceID"] = "s-1",
            ["thirdPartyIdentifier"] = reservation.ThirdPartyIdentifier,
            ["status"] = reservation.Status,
            ["total"] = reservation.Total,
            ["balance"] = reservation.Total,
            ["assigned"] = new JsonArray(),
            ["unassigned"] = new JsonArray([.. reservation.Rooms.Select(room => (JsonNode)Room(room))]),
            ["startDate"] = Date(reservation.Start),
            ["endDate"] = Date(reservation.End),
        };
    }

    private JsonObject Delivery(string eventName, ReservationRecord reservation) =>
        new()
        {
            ["reservationID"] = reservation.Id,
            ["propertyID"] = int.TryParse(_options.PropertyId, CultureInfo.InvariantCulture, out var number) ? number : null,
            ["propertyID_str"] = _options.PropertyId,
            ["startDate"] = Date(reservation.Start),
            ["endDate"] = Date(reservation.End),
            ["version"] = "1.0",
            ["event"] = eventName,
            ["timestamp"] = _clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0,
        };

    private sealed record RoomTypeDef(string Id, string Name, string Code, int MaxGuests, int Rooms);

    private sealed record RateDef(string Id, string RoomTypeId, string PlanId, string Name, decimal Price);

    private sealed record RoomRequest(RoomTypeDef RoomType, RateDef Rate, int Adults, int Children);

    /// <summary>A rate job queued by patchRate: <c>in_progress</c> until <see cref="Due"/>, then <c>completed</c> or <c>error</c>.</summary>
    private sealed record RateJob(string Id, DateTimeOffset Created, DateTimeOffset Due, IReadOnlyList<PatchRateItemForm> Items)
    {
        public string Status { get; set; } = "in_progress";

        public List<JsonObject> Updates { get; } = [];
    }

    /// <summary>A rate's values on a night as patchRate set them; unset ones fall back to the rate's own.</summary>
    private sealed class RateNight
    {
        public decimal? Price { get; set; }

        public bool Blocked { get; set; }

        public bool ClosedToArrival { get; set; }

        public bool ClosedToDeparture { get; set; }

        public int? MinLos { get; set; }

        public int? MaxLos { get; set; }

        public int? CutOff { get; set; }

        public int? LastMinuteBooking { get; set; }

        /// <summary>Sets the members the interval carries; the others keep their values.</summary>
        public void Apply(PatchRateIntervalForm interval)
        {
            Price = interval.Rate ?? Price;
            Blocked = interval.Blocked ?? Blocked;
            ClosedToArrival = interval.ClosedToArrival ?? ClosedToArrival;
            ClosedToDeparture = interval.ClosedToDeparture ?? ClosedToDeparture;
            MinLos = interval.MinLos ?? MinLos;
            MaxLos = interval.MaxLos ?? MaxLos;
            CutOff = interval.CutOff ?? CutOff;
            LastMinuteBooking = interval.LastMinuteBooking ?? LastMinuteBooking;
        }
    }
}

/// <summary>A guest of the simulated property.</summary>
internal sealed class GuestRecord(string id)
{
    public string Id { get; } = id;

    public required string FirstName { get; set; }

    public required string LastName { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? Country { get; set; }

    public string? Address1 { get; set; }

    public string? Address2 { get; set; }

    public string? City { get; set; }

    public string? Zip { get; set; }
}

/// <summary>A reservation of the simulated property: one or more rooms (sub-reservations) for one main guest.</summary>
internal sealed class ReservationRecord(string id, int sequence, string guestId, DateTimeOffset created)
{
    public string Id { get; } = id;

    public int Sequence { get; } = sequence;

    public string GuestId { get; } = guestId;

    public DateTimeOffset Created { get; } = created;

    public DateTimeOffset Modified { get; set; }

    public string Status { get; set; } = "confirmed";

    public List<RoomStay> Rooms { get; } = [];

    public DateOnly Start => Rooms.Min(r => r.Start);

    public DateOnly End => Rooms.Max(r => r.End);

    public int Adults => Rooms.Sum(r => r.Adults);

    public int Children => Rooms.Sum(r => r.Children);

    public decimal Total => Rooms.Sum(r => r.Total);

    public string? ThirdPartyIdentifier { get; set; }

    public List<(string Id, string Text, DateTimeOffset Created)> Notes { get; } = [];
}

/// <summary>One room of a reservation (a sub-reservation), priced at its rate's nightly price.</summary>
internal sealed class RoomStay(string subReservationId)
{
    public string SubReservationId { get; } = subReservationId;

    public required string RoomTypeId { get; set; }

    public required string RateId { get; set; }

    public decimal Price { get; set; }

    public DateOnly Start { get; set; }

    public DateOnly End { get; set; }

    public int Adults { get; set; }

    public int Children { get; set; }

    public int Nights => End.DayNumber - Start.DayNumber;

    public decimal Total => Price * Nights;
}
