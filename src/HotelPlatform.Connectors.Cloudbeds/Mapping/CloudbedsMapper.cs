using System.Globalization;
using HotelPlatform.Connectors.Cloudbeds.Wire;

namespace HotelPlatform.Connectors.Cloudbeds.Mapping;

/// <summary>Maps Cloudbeds v1.3 wire models to the SDK model and back (form bodies).</summary>
internal static class CloudbedsMapper
{
    /// <summary>The date-time format of Cloudbeds' answers ("YYYY-MM-DD HH:MM:SS", tech specs); the zone is not documented and read as UTC.</summary>
    public const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>The date-time format of query parameters: the OpenAPI document's <c>format: date-time</c> (RFC 3339), in UTC.</summary>
    public const string QueryDateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset instant) => instant.UtcDateTime.ToString(QueryDateTimeFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseDateTime(string? text) =>
        System.DateTime.TryParseExact(text, [DateTimeFormat, QueryDateTimeFormat], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? new DateTimeOffset(value, TimeSpan.Zero)
            : null;

    public static ReservationStatus ToStatus(string? status) => status switch
    {
        "confirmed" => ReservationStatus.Confirmed,
        "not_confirmed" => ReservationStatus.Tentative,
        "canceled" => ReservationStatus.Cancelled,
        "checked_in" => ReservationStatus.InHouse,
        "checked_out" => ReservationStatus.CheckedOut,
        "no_show" => ReservationStatus.NoShow,
        _ => ReservationStatus.Unknown,
    };

    public static PmsProperty ToProperty(HotelModel hotel, string propertyId) =>
        new(hotel.PropertyID.Length == 0 ? propertyId : hotel.PropertyID, hotel.PropertyName ?? propertyId, hotel.PropertyTimezone ?? "UTC", hotel.PropertyCurrency.FirstOrDefault()?.CurrencyCode?.ToUpperInvariant() ?? string.Empty);

    public static RoomType ToRoomType(RoomTypeModel model) =>
        new(model.RoomTypeID, model.RoomTypeName ?? model.RoomTypeID)
        {
            Code = model.RoomTypeNameShort,
            Description = model.RoomTypeDescription,
            MaxOccupancy = model.MaxGuests,
        };

    /// <summary>A Cloudbeds rate (one rate plan on one room type, the id postReservation books with <c>roomRateID</c>) as a rate plan.</summary>
    public static RatePlan ToRatePlan(RateModel rate, string currency) =>
        new(rate.RateID, rate.RatePlanNamePublic ?? rate.RatePlanNamePrivate ?? rate.RateID)
        {
            Code = rate.RatePlanID,
            RoomTypeIds = [rate.RoomTypeID],
            Currency = currency,
        };

    /// <summary>The grid: per room type and night, the most rooms any of its rates has left (the rates share the room type's rooms); a rate blocked on the night (patchRate's <c>blocked</c>) has none to sell.</summary>
    public static AvailabilityGrid ToGrid(string propertyId, AvailabilityRequest request, IReadOnlyList<RoomType> roomTypes, IReadOnlyList<RateModel> rates)
    {
        var rows = new List<RoomTypeAvailability>();
        foreach (var roomType in roomTypes.Where(r => request.RoomTypeIds.Count == 0 || request.RoomTypeIds.Contains(r.VendorId, StringComparer.Ordinal)))
        {
            var days = rates.Where(r => r.RoomTypeID == roomType.VendorId).SelectMany(r => r.RoomRateDetailed).ToList();
            var nights = Enumerable.Range(0, request.Nights)
                .Select(request.Arrival.AddDays)
                .Select(night => new NightAvailability(night, days.Where(d => d.Date == night).Select(d => d.Blocked == true ? 0 : d.RoomsAvailable ?? 0).DefaultIfEmpty(0).Max()))
                .ToList();
            rows.Add(new RoomTypeAvailability(roomType.VendorId, nights));
        }

        return new AvailabilityGrid(propertyId, request.Arrival, request.Departure, rows);
    }

    /// <summary>The quotes: each rate with a room left for the whole stay and no restriction forbidding it.</summary>
    public static IReadOnlyList<RateQuote> ToQuotes(QuoteRequest request, IReadOnlyList<RateModel> rates, IReadOnlyDictionary<string, RoomType> roomTypes, string currency)
    {
        var quotes = new List<RateQuote>();
        foreach (var rate in rates)
        {
            if ((request.RoomTypeIds.Count > 0 && !request.RoomTypeIds.Contains(rate.RoomTypeID, StringComparer.Ordinal))
                || (request.RatePlanId is { } plan && plan != rate.RateID)
                || !IsSellable(rate, request)
                || (roomTypes.TryGetValue(rate.RoomTypeID, out var roomType) && roomType.MaxOccupancy < request.Adults + request.ChildrenAges.Count))
            {
                continue;
            }

            var nights = rate.RoomRateDetailed.Where(d => d.Date >= request.Arrival && d.Date < request.Departure).OrderBy(d => d.Date)
                .Select(d => new NightlyRate(d.Date, new Money(d.TotalRate ?? d.RateBase ?? 0m, currency)))
                .ToList();
            quotes.Add(new RateQuote(rate.RoomTypeID, rate.RateID, new Money(rate.TotalRate ?? nights.Sum(n => n.Amount.Amount), currency), nights)
            {
                RoomTypeName = roomType?.Name,
                RatePlanName = rate.RatePlanNamePublic ?? rate.RatePlanNamePrivate,
                Available = rate.RoomsAvailable,
            });
        }

        return quotes;
    }

    private static bool IsSellable(RateModel rate, QuoteRequest request)
    {
        var nights = rate.RoomRateDetailed.Where(d => d.Date >= request.Arrival && d.Date < request.Departure).ToList();
        if (rate.TotalRate is null || rate.RoomsAvailable is not > 0 || nights.Count != request.Nights)
        {
            return false;
        }

        var arrival = nights.FirstOrDefault(d => d.Date == request.Arrival);
        return nights.All(d => d.Blocked != true && d.RoomsAvailable is not 0)
               && arrival?.ClosedToArrival != true
               && (arrival?.MinLos is not { } min || min <= request.Nights)
               && (arrival?.MaxLos is not { } max || max == 0 || max >= request.Nights);
    }

    /// <summary>
    /// The reservation (the whole booking, however many rooms): <see cref="Reservation.RoomTypeId"/> is the rooms' room
    /// type when they share one, else <see langword="null"/>; <see cref="Reservation.Adults"/> and the nightly rates are
    /// summed over the rooms; <see cref="Reservation.Total"/> is Cloudbeds' <c>total</c>.
    /// </summary>
    public static Reservation ToReservation(ReservationModel model, string propertyId, string currency)
    {
        var guests = model.GuestList.Values.ToList();
        var main = guests.FirstOrDefault(g => g.IsMainGuest) ?? guests.FirstOrDefault();
        // A Cloudbeds reservation may hold several rooms (sub-reservations); the model's reservation is the whole booking:
        // its room type only when every room has the same, its adults and nightly rates summed over the rooms.
        var rooms = model.Unassigned.Concat(model.Assigned).ToList();
        var roomTypes = rooms.Select(r => r.RoomTypeID).Distinct(StringComparer.Ordinal).ToList();
        var adults = rooms.Sum(r => r.Adults ?? 0);
        var nightly = rooms.SelectMany(r => r.DailyRates).GroupBy(d => d.Date).OrderBy(g => g.Key)
            .Select(g => new NightlyRate(g.Key, new Money(g.Sum(d => d.Rate), currency))).ToList();
        return new Reservation(
            model.ReservationID,
            propertyId,
            ToStatus(model.Status),
            model.StartDate,
            model.EndDate,
            main is null ? new GuestProfile(string.Empty) : ToGuest(main))
        {
            ConfirmationNumber = model.ReservationID,
            RawStatus = model.Status,
            RoomTypeId = roomTypes.Count == 1 ? roomTypes[0] : null,
            Adults = adults > 0 ? adults : 1,
            AdditionalGuests = [.. guests.Where(g => !ReferenceEquals(g, main)).Select(ToGuest)],
            Total = model.Total is { } total && CurrencyCodes.IsKnown(currency) ? new Money(total, currency) : null,
            NightlyRates = nightly,
            ClientReference = model.ThirdPartyIdentifier,
            CreatedAt = ParseDateTime(model.DateCreated),
            ModifiedAt = ParseDateTime(model.DateModified),
        };
    }

    public static GuestProfile ToGuest(ReservationGuestModel guest) =>
        new(guest.GuestLastName ?? string.Empty)
        {
            VendorId = guest.GuestID,
            FirstName = guest.GuestFirstName,
            Email = guest.GuestEmail,
            Phone = guest.GuestPhone,
            Address = string.IsNullOrEmpty(guest.GuestCountry) ? null : new PostalAddress(guest.GuestCountry),
        };

    public static GuestProfile ToGuest(string guestId, GuestModel guest) =>
        new(guest.LastName ?? string.Empty)
        {
            VendorId = guestId,
            FirstName = guest.FirstName,
            Email = guest.Email,
            Phone = guest.Phone,
            Address = string.IsNullOrEmpty(guest.Country) ? null : new PostalAddress(guest.Country)
            {
                Line1 = guest.Address,
                Line2 = guest.Address2,
                City = guest.City,
                PostalCode = guest.Zip,
            },
        };

    public static GuestProfile ToGuest(GuestListItemModel guest) =>
        new(guest.GuestLastName ?? string.Empty)
        {
            VendorId = guest.GuestID,
            FirstName = guest.GuestFirstName,
            Email = guest.GuestEmail,
            Phone = guest.GuestPhone,
        };

    public static ServiceOffer ToOffer(ItemModel item, string currency) =>
        new(item.ItemID, item.Name ?? item.ItemID, new Money(item.Price ?? 0m, currency)) { Description = item.Description };

    /// <summary>The postReservation form: one room of the draft's room type on its rate, the guests counted on it, the main guest, the client reference as <c>thirdPartyIdentifier</c>.</summary>
    public static CloudbedsForm ToPostReservation(ReservationDraft draft, string propertyId, string reference, CloudbedsOptions options) =>
        new CloudbedsForm()
            .Add("propertyID", propertyId)
            .Add("sourceID", options.SourceId)
            .Add("thirdPartyIdentifier", reference)
            .Add("startDate", draft.Arrival)
            .Add("endDate", draft.Departure)
            .Add("guestFirstName", draft.PrimaryGuest.FirstName)
            .Add("guestLastName", draft.PrimaryGuest.LastName)
            .Add("guestCountry", draft.PrimaryGuest.Address?.CountryCode ?? draft.PrimaryGuest.NationalityCountryCode)
            .Add("guestZip", draft.PrimaryGuest.Address?.PostalCode)
            .Add("guestEmail", draft.PrimaryGuest.Email)
            .Add("guestPhone", draft.PrimaryGuest.Phone)
            .AddElement("rooms", 0, ("roomTypeID", draft.RoomTypeId), ("quantity", "1"), ("roomRateID", draft.RatePlanId))
            .AddElement("adults", 0, ("roomTypeID", draft.RoomTypeId), ("quantity", draft.Adults.ToString(CultureInfo.InvariantCulture)))
            .AddElement("children", 0, ("roomTypeID", draft.RoomTypeId), ("quantity", draft.ChildrenAges.Count.ToString(CultureInfo.InvariantCulture)))
            .Add("paymentMethod", options.PaymentMethod)
            .Add("sendEmailConfirmation", false);

    /// <summary>The putGuest form of a changed main guest.</summary>
    public static CloudbedsForm ToPutGuest(string propertyId, string guestId, GuestProfile guest) =>
        new CloudbedsForm()
            .Add("propertyID", propertyId)
            .Add("guestID", guestId)
            .Add("guestFirstName", guest.FirstName)
            .Add("guestLastName", guest.LastName)
            .Add("guestEmail", guest.Email)
            .Add("guestPhone", guest.Phone)
            .Add("guestAddress1", guest.Address?.Line1)
            .Add("guestAddress2", guest.Address?.Line2)
            .Add("guestCity", guest.Address?.City)
            .Add("guestCountry", guest.Address?.CountryCode)
            .Add("guestZip", guest.Address?.PostalCode);
}
