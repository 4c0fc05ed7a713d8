using System.Xml.Linq;
using HotelPlatform.Connectors.SiteMinder.Wire;

namespace HotelPlatform.Connectors.VendorConformance.SiteMinder;

/// <summary>
/// The OpenTravel sample messages in <c>../shared/vendor-specs/siteminder/ota-samples/2011B</c> that carry hotel
/// reservations (<c>OTA_ResRetrieveRS2</c>, <c>OTA_HotelResNotifRQ</c>, <c>RQ2</c>, <c>RQ3</c>), mapped with the
/// connector's OTA mapper and checked field by field against the sample. They are generic OTA, not SiteMinder-profiled:
/// where a sample lacks what a normalised reservation needs (an identifier), the refusal is checked instead.
/// </summary>
public sealed class OpenTravelSampleMappingTests
{
    private static readonly XNamespace Ota = "http://www.opentravel.org/OTA/2003/05";
    private static readonly DateTimeOffset Received = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static List<OtaReservation> Map(string sample, string fallbackHotel = "FALLBACK")
    {
        var root = XDocument.Parse(VendorSpecs.ReadText("siteminder", "ota-samples", "2011B", sample)).Root!;
        return [.. root.Descendants(Ota + "HotelReservation").Select(r => OtaReservationMapper.Map(r, fallbackHotel, (string?)root.Attribute("ResStatus"), Received))];
    }

    [Fact]
    public void OTA_ResRetrieveRS2_maps_both_reservations_of_the_list()
    {
        var mapped = Map("OTA_ResRetrieveRS2.xml");

        Assert.Equal(2, mapped.Count);
        var first = mapped[0].Reservation;
        Assert.Equal("83428984", first.VendorId);
        Assert.Equal("83428984", first.ConfirmationNumber);
        Assert.Null(first.ExternalReference);
        Assert.Equal("WASTC", first.PropertyId);
        Assert.Equal(new DateOnly(2003, 11, 23), first.Arrival);
        Assert.Equal(new DateOnly(2003, 11, 26), first.Departure);
        Assert.Equal("Wilson", first.PrimaryGuest.LastName);
        Assert.Equal("Brandon", first.PrimaryGuest.FirstName);
        Assert.Equal(1, first.Adults);
        Assert.Empty(first.ChildrenAges);
        Assert.Null(first.Total);
        Assert.Empty(first.NightlyRates);
        Assert.Equal(ReservationStatus.Unknown, first.Status);
        Assert.Null(first.RawStatus);
        var second = mapped[1].Reservation;
        Assert.Equal("80422743", second.VendorId);
        Assert.Equal(new DateOnly(2004, 1, 6), second.Arrival);
        Assert.Equal(new DateOnly(2004, 1, 10), second.Departure);
        Assert.All(mapped, m => Assert.StartsWith("sha256:", m.Inbound.Event.EventId, StringComparison.Ordinal));
        Assert.NotEqual(mapped[0].Inbound.Event.EventId, mapped[1].Inbound.Event.EventId);
    }

    [Fact]
    public void OTA_HotelResNotifRQ_maps_a_committed_reservation_with_its_guest_and_comment()
    {
        var mapped = Assert.Single(Map("OTA_HotelResNotifRQ.xml"));
        var reservation = mapped.Reservation;

        Assert.Equal("7865", reservation.VendorId);
        Assert.Equal("WASJW", reservation.PropertyId);
        Assert.Equal(ReservationStatus.Confirmed, reservation.Status);
        Assert.Equal("Commit", reservation.RawStatus);
        Assert.Equal(new DateOnly(2005, 10, 18), reservation.Arrival);
        Assert.Equal(new DateOnly(2005, 10, 20), reservation.Departure);
        Assert.Equal("CORA999", reservation.RatePlanId);
        Assert.Null(reservation.RoomTypeId);
        Assert.Equal(1, reservation.Adults);
        Assert.Equal("Dewberry", reservation.PrimaryGuest.LastName);
        Assert.Equal("David", reservation.PrimaryGuest.FirstName);
        Assert.Equal("david.dewberry@dewberrycorp.com", reservation.PrimaryGuest.Email);
        Assert.Equal("7245554321", reservation.PrimaryGuest.Phone);
        Assert.Null(reservation.PrimaryGuest.Address);
        Assert.Equal("non-smoking Room requested;king bed", reservation.GuestComment);

        // The sample's rate (280.00 before tax) names no currency: an amount without one is not money, so none is made up.
        Assert.Empty(reservation.NightlyRates);
        Assert.Null(reservation.Total);
        Assert.IsType<ReservationCreatedEvent>(mapped.Inbound.Event);
    }

    [Fact]
    public void OTA_HotelResNotifRQ3_maps_the_room_stay_the_guests_and_an_amount_in_minor_units()
    {
        var reservation = Assert.Single(Map("OTA_HotelResNotifRQ3.xml")).Reservation;

        Assert.Equal("193350531", reservation.VendorId);
        Assert.Equal("FALLBACK", reservation.PropertyId);
        Assert.Equal(new DateOnly(2011, 6, 1), reservation.Arrival);
        Assert.Equal(new DateOnly(2011, 6, 6), reservation.Departure);
        Assert.Equal("A1K", reservation.RoomTypeId);
        Assert.Equal("RMTXFD", reservation.RatePlanId);
        Assert.Equal("Smith", reservation.PrimaryGuest.LastName);
        Assert.Equal("Jane", reservation.PrimaryGuest.FirstName);
        Assert.Equal("janesmith@anycompany.com", reservation.PrimaryGuest.Email);
        Assert.Equal("999-999-9999", reservation.PrimaryGuest.Phone);
        Assert.Equal(["Jones", "Davidson"], reservation.AdditionalGuests.Select(g => g.LastName));

        // One daily rate (ChargeType 1) without dates prices every night of the stay: its Total AmountAfterTax="200"
        // with DecimalPlaces="2" is USD 2.00 in OTA's minor-unit convention; the stay's total is the five nights.
        Assert.Equal(Enumerable.Range(0, 5).Select(i => new NightlyRate(new DateOnly(2011, 6, 1).AddDays(i), new Money(2.00m, "USD"))), reservation.NightlyRates);
        Assert.Equal(new Money(10.00m, "USD"), reservation.Total);
    }

    [Fact]
    public void OTA_HotelResNotifRQ2_has_no_identifier_and_is_refused_saying_so()
    {
        var error = Assert.Throws<FormatException>(() => Map("OTA_HotelResNotifRQ2.xml"));

        Assert.Contains("neither a UniqueID of Type 14", error.Message, StringComparison.Ordinal);
    }
}
