using HotelPlatform.Connectors.Apaleo.Mapping;
using HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;
using HotelPlatform.Connectors.Apaleo.Wire;

namespace HotelPlatform.Connectors.Apaleo.Tests.Mapping;

/// <summary>Draft → <c>POST /booking/v1/bookings</c> body, compared as JSON.</summary>
public sealed class BookingRequestTests
{
    [Fact]
    public void A_draft_becomes_one_reservation_with_one_time_slice_per_night_the_guest_as_booker_and_the_client_reference_as_external_code()
    {
        var body = ApaleoBookingMapper.ToCreateBooking(RequestSamples.FullDraft(), "voice-7Q2K");

        Json.AssertEquivalent(
            """
            {
              "booker": {
                "firstName": "Erika", "lastName": "Musterfrau", "email": "erika@example.com", "phone": "+49 89 1234567",
                "address": { "addressLine1": "Marienplatz 1", "postalCode": "80331", "city": "München", "countryCode": "DE" },
                "nationalityCountryCode": "DE", "preferredLanguage": "de"
              },
              "reservations": [
                {
                  "arrival": "2025-03-10",
                  "departure": "2025-03-12",
                  "adults": 2,
                  "childrenAges": [7],
                  "comment": "Booked by phone",
                  "guestComment": "Quiet room please",
                  "externalCode": "voice-7Q2K",
                  "channelCode": "Direct",
                  "primaryGuest": {
                    "firstName": "Erika", "lastName": "Musterfrau", "email": "erika@example.com", "phone": "+49 89 1234567",
                    "address": { "addressLine1": "Marienplatz 1", "postalCode": "80331", "city": "München", "countryCode": "DE" },
                    "nationalityCountryCode": "DE", "preferredLanguage": "de"
                  },
                  "timeSlices": [ { "ratePlanId": "MUC-FLEX-DBL" }, { "ratePlanId": "MUC-FLEX-DBL" } ],
                  "services": [
                    { "serviceId": "MUC-BRKF", "count": 3 },
                    { "serviceId": "MUC-PARK", "count": 1, "dates": [ { "serviceDate": "2025-03-10" }, { "serviceDate": "2025-03-11" } ] }
                  ]
                }
              ]
            }
            """,
            Json.Write(body, Json.Context.CreateBookingModel));
    }

    [Fact]
    public void A_minimal_draft_sends_only_the_required_members_and_no_invented_price()
    {
        var draft = new ReservationDraft(new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 11), "MUC-SGL", "MUC-NONREF-SGL", new GuestProfile("Doe"))
        {
            QuotedTotal = new Money(99m, "EUR"),
        };

        var body = ApaleoBookingMapper.ToCreateBooking(draft, "ref-1");

        Json.AssertEquivalent(
            """
            {
              "booker": { "lastName": "Doe" },
              "reservations": [ {
                "arrival": "2025-03-10", "departure": "2025-03-11", "adults": 1, "externalCode": "ref-1", "channelCode": "Direct",
                "primaryGuest": { "lastName": "Doe" }, "timeSlices": [ { "ratePlanId": "MUC-NONREF-SGL" } ]
              } ]
            }
            """,
            Json.Write(body, Json.Context.CreateBookingModel));
    }

    [Fact]
    public void Nightly_prices_pin_each_time_slice_amount_in_order()
    {
        var draft = RequestSamples.FullDraft();
        NightlyRate[] prices = [new(new DateOnly(2025, 3, 10), new Money(120.5m, "EUR")), new(new DateOnly(2025, 3, 11), new Money(99m, "EUR"))];

        var body = ApaleoBookingMapper.ToCreateBooking(draft, "voice-7Q2K", "Ibe", prices);

        var reservation = Assert.Single(body.Reservations);
        Assert.Equal("Ibe", reservation.ChannelCode);
        Json.AssertEquivalent(
            """[{"ratePlanId":"MUC-FLEX-DBL","totalAmount":{"amount":120.5,"currency":"EUR"}},{"ratePlanId":"MUC-FLEX-DBL","totalAmount":{"amount":99,"currency":"EUR"}}]""",
            Json.Write(body, Json.Context.CreateBookingModel)["reservations"]![0]!["timeSlices"]!);
    }

    [Fact]
    public void Nightly_prices_that_do_not_cover_each_night_in_order_are_refused()
    {
        var draft = RequestSamples.FullDraft();

        var tooFew = Assert.Throws<ArgumentException>(() => ApaleoBookingMapper.ToCreateBooking(draft, "r", nightlyPrices: [new(new DateOnly(2025, 3, 10), new Money(1m, "EUR"))]));
        var wrongOrder = Assert.Throws<ArgumentException>(() => ApaleoBookingMapper.ToCreateBooking(
            draft, "r", nightlyPrices: [new(new DateOnly(2025, 3, 11), new Money(1m, "EUR")), new(new DateOnly(2025, 3, 10), new Money(1m, "EUR"))]));

        Assert.Equal("nightlyPrices", tooFew.ParamName);
        Assert.Equal("nightlyPrices", wrongOrder.ParamName);
    }

    [Fact]
    public void A_booking_without_a_client_reference_is_refused_before_anything_is_built()
    {
        Assert.Throws<ArgumentException>(() => ApaleoBookingMapper.ToCreateBooking(RequestSamples.FullDraft(), " "));
    }

    [Fact]
    public void A_created_booking_without_reservation_ids_is_a_vendor_failure()
    {
        var created = Json.Read("""{"id":"XPGMSXGF","reservationIds":[]}""", Json.Context.BookingCreatedModel);

        var exception = Assert.Throws<PmsException>(() => ApaleoBookingMapper.ToReservationId(created));

        Assert.Equal(PmsVendors.Apaleo, exception.Vendor);
    }

    [Fact]
    public void A_source_is_sent_when_the_channel_needs_one()
    {
        var body = ApaleoBookingMapper.ToCreateBooking(RequestSamples.FullDraft(), "ref-1", "ChannelManager", source: "Homelike");

        Assert.Equal(("ChannelManager", "Homelike"), (body.Reservations[0].ChannelCode, body.Reservations[0].Source));
        Assert.Null(ApaleoBookingMapper.ToCreateBooking(RequestSamples.FullDraft(), "ref-1", source: " ").Reservations[0].Source);
    }

    [Fact]
    public void An_extra_with_dates_resends_the_dates_already_booked_so_Apaleo_removes_none()
    {
        var booked = Json.Read(
            """{"service":{"id":"MUC-BRKF"},"totalAmount":{"grossAmount":30,"netAmount":28,"vatType":"Reduced","vatPercent":7,"currency":"EUR"},"dates":[{"serviceDate":"2025-03-11","count":2},{"serviceDate":"2025-03-12","count":2}]}""",
            Json.Context.ReservationServiceItemModel);

        var body = ApaleoServiceMapper.ToBookService(new ServiceOrder("MUC-BRKF") { Quantity = 1, Dates = [new DateOnly(2025, 3, 12), new DateOnly(2025, 3, 10)] }, booked);

        Json.AssertEquivalent(
            """{"serviceId":"MUC-BRKF","count":1,"dates":[{"serviceDate":"2025-03-10","count":1},{"serviceDate":"2025-03-11","count":2},{"serviceDate":"2025-03-12","count":1}]}""",
            Json.Write(body, Json.Context.BookReservationServiceModel));
    }

    [Fact]
    public void An_order_is_booked_when_the_reservation_has_the_quantity_on_every_ordered_date()
    {
        var reservation = RequestSamples.CurrentReservation() with
        {
            Services = [new ReservationServiceItemModel
            {
                Service = new ServiceModel { Id = "MUC-BRKF" },
                TotalAmount = new AmountModel { GrossAmount = 30m, Currency = "EUR" },
                Dates = [new ServiceDateItemModel { ServiceDate = new DateOnly(2025, 3, 10), Count = 2 }, new ServiceDateItemModel { ServiceDate = new DateOnly(2025, 3, 11), Count = 2 }],
            }],
        };

        Assert.True(ApaleoServiceMapper.IsBooked(new ServiceOrder("MUC-BRKF") { Quantity = 2 }, reservation));
        Assert.True(ApaleoServiceMapper.IsBooked(new ServiceOrder("MUC-BRKF") { Quantity = 2, Dates = [new DateOnly(2025, 3, 11)] }, reservation));
        Assert.False(ApaleoServiceMapper.IsBooked(new ServiceOrder("MUC-BRKF") { Quantity = 1 }, reservation));
        Assert.False(ApaleoServiceMapper.IsBooked(new ServiceOrder("MUC-BRKF") { Quantity = 2, Dates = [new DateOnly(2025, 3, 12)] }, reservation));
        Assert.False(ApaleoServiceMapper.IsBooked(new ServiceOrder("MUC-PARK"), reservation));
    }
}
