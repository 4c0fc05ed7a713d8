using System.Globalization;
using System.Xml.Linq;
using HotelPlatform.Connectors.Events;

namespace HotelPlatform.Connectors.SiteMinder.Wire;

/// <summary>One <c>HotelReservation</c> of an <c>OTA_ResRetrieveRS</c> (pull) or <c>OTA_HotelResNotifRQ</c> (push), mapped.</summary>
/// <param name="Reservation">The normalised reservation.</param>
/// <param name="ResStatus">The OTA status as sent (<c>Book</c>, <c>Modify</c>, <c>Cancel</c>; OTA's <c>Commit</c> as a push sends it).</param>
/// <param name="MessageId">SiteMinder's message id (<c>UniqueID @Type="16"</c>), what <c>OTA_NotifReportRQ</c> confirms; <see langword="null"/> when absent.</param>
/// <param name="Inbound">The event, carrying the reservation whole.</param>
internal sealed record OtaReservation(Reservation Reservation, string? ResStatus, string? MessageId, PmsInboundEvent Inbound);

/// <summary>
/// Maps an OTA <c>HotelReservation</c> into a <see cref="Reservation"/> and its event. The reservation id is the
/// channel's booking reference (<c>UniqueID @Type="14"</c>) — the only stable id a pmsXchange reservation has — or, in
/// generic OTA messages without one, the first <c>ResGlobalInfo/HotelReservationIDs/HotelReservationID @ResID_Value</c>.
/// The event id is SiteMinder's message id (<c>UniqueID @Type="16"</c>), stable across redeliveries; where a message
/// has none, a content hash of the reservation id, status and modification time (<see cref="PmsEventIds"/>).
/// </summary>
internal static class OtaReservationMapper
{
    /// <summary>Maps one reservation.</summary>
    /// <param name="hotelReservation">The <c>HotelReservation</c> element.</param>
    /// <param name="fallbackHotelCode">The hotel code when the reservation names none (the pull request named it).</param>
    /// <param name="messageResStatus">The message-level <c>ResStatus</c> (push), used when the reservation carries none.</param>
    /// <param name="receivedAt">When it was received: the event's time when the message says none.</param>
    /// <returns>The mapped reservation and event.</returns>
    /// <exception cref="FormatException">A required part (an id, the stay dates, a guest surname) is missing or malformed.</exception>
    public static OtaReservation Map(XElement hotelReservation, string fallbackHotelCode, string? messageResStatus, DateTimeOffset receivedAt)
    {
        string? channelReference = ReferenceOf(hotelReservation);
        string? messageId = MessageIdOf(hotelReservation);
        var globalInfo = hotelReservation.Element(Ota.N("ResGlobalInfo"));
        string? hotelReservationId = globalInfo?.Element(Ota.N("HotelReservationIDs"))?.Elements(Ota.N("HotelReservationID"))
            .Select(id => (string?)id.Attribute("ResID_Value")).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        string vendorId = channelReference ?? hotelReservationId
            ?? throw new FormatException("A HotelReservation has neither a UniqueID of Type 14 (the channel's booking reference) nor a HotelReservationID.");

        string? resStatus = (string?)hotelReservation.Attribute("ResStatus") ?? messageResStatus;
        var roomStays = hotelReservation.Element(Ota.N("RoomStays"))?.Elements(Ota.N("RoomStay")).ToList() ?? [];
        if (roomStays.Count == 0)
        {
            throw new FormatException($"Reservation {vendorId} has no RoomStay.");
        }

        var spans = roomStays.Select(s => s.Element(Ota.N("TimeSpan")) ?? throw new FormatException($"A RoomStay of reservation {vendorId} has no TimeSpan.")).ToList();
        DateOnly arrival = spans.Min(s => ParseDate(s, "Start", vendorId));
        DateOnly departure = spans.Max(s => ParseDate(s, "End", vendorId));
        var first = roomStays[0];
        string propertyId = (string?)first.Element(Ota.N("BasicPropertyInfo"))?.Attribute("HotelCode")
            ?? (string?)globalInfo?.Element(Ota.N("BasicPropertyInfo"))?.Attribute("HotelCode")
            ?? fallbackHotelCode;

        var guests = hotelReservation.Element(Ota.N("ResGuests"))?.Elements(Ota.N("ResGuest"))
            .SelectMany(g => g.Descendants(Ota.N("Customer"))).Select(MapGuest).ToList() ?? [];
        GuestProfile primary = guests.FirstOrDefault() ?? throw new FormatException($"Reservation {vendorId} has no guest with a surname.");

        var (adults, children) = CountGuests(first);
        var nightly = NightlyRates(roomStays, arrival, departure);
        Money? total = TotalOf(globalInfo?.Element(Ota.N("Total")) ?? (roomStays.Count == 1 ? first.Element(Ota.N("Total")) : null));
        var comments = roomStays.Select(s => s.Element(Ota.N("Comments"))).Append(globalInfo?.Element(Ota.N("Comments")))
            .Where(c => c is not null)
            .SelectMany(c => c!.Elements(Ota.N("Comment")))
            .Select(c => (c.Element(Ota.N("Text"))?.Value ?? c.Value).Trim())
            .Where(t => t.Length > 0)
            .ToList();
        DateTimeOffset? created = ParseInstant(hotelReservation, "CreateDateTime");
        DateTimeOffset? modified = ParseInstant(hotelReservation, "LastModifyDateTime");
        ReservationStatus status = resStatus switch
        {
            "Book" or "Commit" or "Modify" or "Reserved" => ReservationStatus.Confirmed,
            "Cancel" or "Cancelled" => ReservationStatus.Cancelled,
            _ => ReservationStatus.Unknown,
        };

        var reservation = new Reservation(vendorId, propertyId, status, arrival, departure, primary)
        {
            ConfirmationNumber = vendorId,
            ExternalReference = channelReference,
            RawStatus = resStatus,
            RoomTypeId = RoomTypeOf(first),
            RatePlanId = RatePlanOf(first),
            Adults = adults,
            ChildrenAges = children,
            AdditionalGuests = [.. guests.Skip(1)],
            Total = total ?? (nightly.Count > 0 && nightly.Count == departure.DayNumber - arrival.DayNumber
                ? new Money(nightly.Sum(n => n.Amount.Amount), nightly[0].Amount.Currency)
                : null),
            NightlyRates = nightly,
            GuestComment = comments.Count == 0 ? null : string.Join("\n", comments),
            CreatedAt = created,
            ModifiedAt = modified,
            CancelledAt = status == ReservationStatus.Cancelled ? modified ?? created : null,
        };

        DateTimeOffset occurredAt = modified ?? created ?? receivedAt;
        string eventId = messageId ?? PmsEventIds.FromContent(PmsVendors.SiteMinder, propertyId, vendorId, resStatus, occurredAt.ToString("O", CultureInfo.InvariantCulture));
        PmsEvent pmsEvent = resStatus switch
        {
            "Cancel" or "Cancelled" => new ReservationCancelledEvent(eventId, PmsVendors.SiteMinder, propertyId, occurredAt, vendorId),
            "Modify" => new ReservationModifiedEvent(eventId, PmsVendors.SiteMinder, propertyId, occurredAt, vendorId),
            _ => new ReservationCreatedEvent(eventId, PmsVendors.SiteMinder, propertyId, occurredAt, vendorId),
        };
        pmsEvent = pmsEvent with { VendorEventType = resStatus };
        return new OtaReservation(reservation, resStatus, messageId, new PmsInboundEvent(pmsEvent) { Reservation = reservation });
    }

    /// <summary>The message id (<c>UniqueID @Type="16"</c>) of a reservation element, readable even when the rest is not.</summary>
    public static string? MessageIdOf(XElement hotelReservation) => IdOf(hotelReservation, Ota.MessageIdType);

    /// <summary>The channel's booking reference (<c>UniqueID @Type="14"</c>) of a reservation element, where it has one.</summary>
    public static string? ReferenceOf(XElement hotelReservation) => IdOf(hotelReservation, Ota.ChannelReferenceType);

    private static string? IdOf(XElement hotelReservation, string type) =>
        hotelReservation.Elements(Ota.N("UniqueID")).FirstOrDefault(u => (string?)u.Attribute("Type") == type)?.Attribute("ID")?.Value;

    private static GuestProfile MapGuest(XElement customer)
    {
        var name = customer.Element(Ota.N("PersonName"));
        string surname = name?.Element(Ota.N("Surname"))?.Value.Trim() is { Length: > 0 } s ? s : throw new FormatException("A guest has no Surname.");
        var address = customer.Element(Ota.N("Address"));
        string? country = (string?)address?.Element(Ota.N("CountryName"))?.Attribute("Code");
        return new GuestProfile(surname)
        {
            FirstName = name?.Element(Ota.N("GivenName"))?.Value.Trim(),
            Email = customer.Element(Ota.N("Email"))?.Value.Trim(),
            Phone = (string?)customer.Element(Ota.N("Telephone"))?.Attribute("PhoneNumber"),
            Address = address is null || country is null ? null : new PostalAddress(country)
            {
                Line1 = address.Element(Ota.N("AddressLine"))?.Value.Trim(),
                PostalCode = address.Element(Ota.N("PostalCode"))?.Value.Trim(),
                City = address.Element(Ota.N("CityName"))?.Value.Trim(),
            },
        };
    }

    /// <summary>Adults are guest counts with <c>AgeQualifyingCode</c> 10 or none; children (code 8) repeat their <c>Age</c> per <c>Count</c>.</summary>
    private static (int Adults, IReadOnlyList<int> Children) CountGuests(XElement roomStay)
    {
        int adults = 0;
        var children = new List<int>();
        foreach (var count in roomStay.Element(Ota.N("GuestCounts"))?.Elements(Ota.N("GuestCount")) ?? [])
        {
            int n = int.TryParse((string?)count.Attribute("Count"), NumberStyles.None, CultureInfo.InvariantCulture, out int parsed) ? parsed : 0;
            switch ((string?)count.Attribute("AgeQualifyingCode"))
            {
                case null or "10":
                    adults += n;
                    break;
                case "8" or "7":
                    int age = int.TryParse((string?)count.Attribute("Age"), NumberStyles.None, CultureInfo.InvariantCulture, out int a) ? a : 0;
                    children.AddRange(Enumerable.Repeat(age, n));
                    break;
            }
        }

        return (Math.Max(adults, 1), children);
    }

    private static string? RoomTypeOf(XElement roomStay) =>
        (string?)roomStay.Element(Ota.N("RoomTypes"))?.Element(Ota.N("RoomType"))?.Attribute("RoomTypeCode")
        ?? (string?)roomStay.Element(Ota.N("RoomRates"))?.Element(Ota.N("RoomRate"))?.Attribute("RoomTypeCode");

    private static string? RatePlanOf(XElement roomStay) =>
        (string?)roomStay.Element(Ota.N("RatePlans"))?.Element(Ota.N("RatePlan"))?.Attribute("RatePlanCode")
        ?? (string?)roomStay.Element(Ota.N("RoomRates"))?.Element(Ota.N("RoomRate"))?.Attribute("RatePlanCode");

    /// <summary>
    /// One entry per night from the <c>RoomRate/Rates/Rate</c> ranges: <c>EffectiveDate</c> to the night before
    /// <c>ExpireDate</c> (OTA's daily rates), or, for a rate without dates whose <c>ChargeType</c> is 1 (daily, OTA code
    /// list CHG), every night of its room stay. The amount is the rate's gross <c>Total</c> where it has one, else its
    /// <c>Base</c> (<c>AmountAfterTax</c>, else <c>AmountBeforeTax</c>); only amounts with a currency count, since an
    /// amount without one is not money. Nights outside the stay are dropped.
    /// </summary>
    private static List<NightlyRate> NightlyRates(List<XElement> roomStays, DateOnly arrival, DateOnly departure)
    {
        var nights = new SortedDictionary<DateOnly, Money>();
        foreach (var roomStay in roomStays)
        {
            var span = roomStay.Element(Ota.N("TimeSpan"))!;
            foreach (var rate in roomStay.Descendants(Ota.N("Rate")))
            {
                if ((TotalOf(rate.Element(Ota.N("Total"))) ?? TotalOf(rate.Element(Ota.N("Base")))) is not { } amount)
                {
                    continue;
                }

                DateOnly from, to;
                if (DateOnly.TryParseExact((string?)rate.Attribute("EffectiveDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out from))
                {
                    to = DateOnly.TryParseExact((string?)rate.Attribute("ExpireDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expire) && expire > from
                        ? expire
                        : from.AddDays(1);
                }
                else if ((string?)rate.Attribute("ChargeType") == "1")
                {
                    (from, to) = (ParseDate(span, "Start", "?"), ParseDate(span, "End", "?"));
                }
                else
                {
                    continue;
                }

                for (var night = from; night < to; night = night.AddDays(1))
                {
                    if (night >= arrival && night < departure)
                    {
                        nights[night] = amount;
                    }
                }
            }
        }

        return [.. nights.Select(n => new NightlyRate(n.Key, n.Value))];
    }

    /// <summary>
    /// The gross amount (<c>AmountAfterTax</c>, else <c>AmountBeforeTax</c>) in its <c>CurrencyCode</c>. OTA's
    /// <c>DecimalPlaces</c> means the amount is given in minor units without a decimal point ("USD 8500 needs
    /// DecimalPlaces=2 to represent $85", OTA CurrencyAmountGroup), so such an amount is scaled down.
    /// </summary>
    private static Money? TotalOf(XElement? amount)
    {
        string? value = (string?)amount?.Attribute("AmountAfterTax") ?? (string?)amount?.Attribute("AmountBeforeTax");
        string? currency = (string?)amount?.Attribute("CurrencyCode");
        if (value is null || currency is null || !CurrencyCodes.IsKnown(currency) || !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal parsed))
        {
            return null;
        }

        if (!value.Contains('.', StringComparison.Ordinal) && int.TryParse((string?)amount!.Attribute("DecimalPlaces"), NumberStyles.None, CultureInfo.InvariantCulture, out int places) && places is > 0 and < 6)
        {
            for (int i = 0; i < places; i++)
            {
                parsed /= 10;
            }
        }

        return new Money(parsed, currency);
    }

    private static DateOnly ParseDate(XElement span, string attribute, string vendorId)
    {
        string? value = (string?)span.Attribute(attribute);
        return value is not null && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? DateOnly.FromDateTime(parsed)
            : throw new FormatException($"The TimeSpan of reservation {vendorId} has no valid {attribute}.");
    }

    private static DateTimeOffset? ParseInstant(XElement element, string attribute) =>
        (string?)element.Attribute(attribute) is { } value && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : null;
}
