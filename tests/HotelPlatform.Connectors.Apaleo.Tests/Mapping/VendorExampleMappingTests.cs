using HotelPlatform.Connectors.Apaleo.Mapping;
using HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;
using HotelPlatform.Connectors.Apaleo.Wire;

namespace HotelPlatform.Connectors.Apaleo.Tests.Mapping;

/// <summary>
/// Apaleo's own example payloads (shared/vendor-specs/apaleo/examples, read at run time) mapped field by field. Each
/// test skips, naming HOTELPLATFORM_VENDOR_SPECS and the expected path, when the documents are absent.
/// </summary>
public sealed class VendorExampleMappingTests
{
    private static readonly TimeSpan Cest = TimeSpan.FromHours(2);

    [Fact]
    public void The_PropertyModel_example_maps_to_the_Munich_demo_property_with_its_zone_and_currency()
    {
        var model = Json.Read(VendorSpecs.Example("inventory.PropertyModel"), Json.Context.PropertyModel);

        var property = ApaleoInventoryMapper.ToProperty(model);
        var german = ApaleoInventoryMapper.ToProperty(model, preferredLanguage: "de");

        Assert.Equal("MUC", property.VendorId);
        Assert.Equal("MUC", property.Code);
        Assert.Equal("Demo Hotel Munich", property.Name);
        Assert.Equal("Demo Hotel München", german.Name);
        Assert.Equal("Europe/Berlin", property.TimeZone);
        Assert.Equal("EUR", property.Currency);
        Assert.Equal("Test", model.Status);
        Assert.Equal(new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero), model.Created);
        Assert.Equal(new DateOnly(2021, 6, 30), property.LocalDate(new DateTimeOffset(2021, 6, 29, 22, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void The_UnitGroupListModel_example_maps_each_unit_group_to_a_room_type()
    {
        var model = Json.Read(VendorSpecs.Example("inventory.UnitGroupListModel"), Json.Context.UnitGroupListModel);

        var roomTypes = model.UnitGroups.Select(ApaleoInventoryMapper.ToRoomType).ToList();

        Assert.Equal(2, roomTypes.Count);
        var dbl = roomTypes[0];
        Assert.Equal("MUC-DBL", dbl.VendorId);
        Assert.Equal("Double Room", dbl.Name);
        Assert.Equal("DBL", dbl.Code);
        Assert.Equal("This is a nice room with as kingsize bed and flat screen", dbl.Description);
        Assert.Equal(4, dbl.MaxOccupancy);
        Assert.Equal(2, dbl.RoomCount);
        var suite = roomTypes[1];
        Assert.Equal(("BER-SUIT", "Suite Room", "SUIT", 3, 1), (suite.VendorId, suite.Name, suite.Code, suite.MaxOccupancy, suite.RoomCount));
        Assert.Equal("BER", model.UnitGroups[1].Property?.Id);
    }

    [Fact]
    public void The_AvailableUnitGroupListModel_example_gives_the_sellable_count_per_unit_group_and_night()
    {
        var model = Json.Read(VendorSpecs.Example("availability.AvailableUnitGroupListModel"), Json.Context.AvailableUnitGroupListModel);
        var request = new AvailabilityRequest(new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 1));

        var grid = ApaleoAvailabilityMapper.ToAvailabilityGrid("MUC", request, [model], Zones.Berlin);

        Assert.Equal(("MUC", new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 1)), (grid.PropertyId, grid.Arrival, grid.Departure));
        Assert.Equal(["MUC-SGL", "MUC-DBL"], grid.RoomTypes.Select(r => r.RoomTypeId));
        var single = Assert.Single(grid["MUC-SGL"]!.Nights);
        Assert.Equal(new DateOnly(2026, 9, 30), single.Date);
        Assert.Equal(3, single.Available); // sellableCount 3, not availableCount 0
        Assert.Equal(6, Assert.Single(grid["MUC-DBL"]!.Nights).Available);
        Assert.All(grid.RoomTypes.SelectMany(r => r.Nights), n => Assert.False(n.Restrictions.IsRestricted));
        Assert.Equal(9, model.TimeSlices[0].Property?.SellableCount);
        Assert.Equal(new DateTimeOffset(2026, 9, 30, 17, 0, 0, Cest), model.TimeSlices[0].From);
    }

    [Fact]
    public void A_night_the_availability_example_does_not_cover_is_reported_as_sold_out()
    {
        var model = Json.Read(VendorSpecs.Example("availability.AvailableUnitGroupListModel"), Json.Context.AvailableUnitGroupListModel);
        var request = new AvailabilityRequest(new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 2)) { RoomTypeIds = ["MUC-DBL"] };

        var grid = ApaleoAvailabilityMapper.ToAvailabilityGrid("MUC", request, [model]);

        var row = Assert.Single(grid.RoomTypes);
        Assert.Equal([6, 0], row.Nights.Select(n => n.Available));
        Assert.Equal(0, row.AvailableForWholeStay);
    }

    [Fact]
    public void The_StayOffersModel_example_maps_each_offer_to_a_quote_with_nights_taxes_and_cancellation_policy()
    {
        var model = Json.Read(VendorSpecs.Example("booking.StayOffersModel"), Json.Context.StayOffersModel);
        var request = new QuoteRequest(new DateOnly(2021, 6, 30), new DateOnly(2021, 7, 2), 1);

        var quotes = ApaleoOfferMapper.ToRateQuotes(model, request, Zones.Berlin);

        Assert.Equal(2, quotes.Count);
        var nonRef = quotes[0];
        Assert.Equal(("MUC-SGL", "MUC-NONREF_DBL"), (nonRef.RoomTypeId, nonRef.RatePlanId));
        Assert.Equal(("Standard", "Non Refundable"), (nonRef.RoomTypeName, nonRef.RatePlanName));
        Assert.Equal(new Money(214m, "EUR"), nonRef.Total);
        Assert.Equal(
            [new NightlyRate(new DateOnly(2021, 6, 30), new Money(50m, "EUR")), new NightlyRate(new DateOnly(2021, 7, 1), new Money(50m, "EUR"))],
            nonRef.Nights);
        Assert.Equal(new Money(100m, "EUR"), nonRef.TotalBeforeTax);
        var tax = Assert.Single(nonRef.Taxes);
        Assert.Equal(("VAT Reduced 14%", new Money(14m, "EUR"), 14m), (tax.Name, tax.Amount, tax.Percent));
        Assert.Empty(nonRef.Fees);
        Assert.Equal(4, nonRef.Available);
        var policy = nonRef.CancellationPolicy!;
        Assert.Equal(("Flexible", "Free cancellation."), (policy.Name, policy.Description));
        Assert.Equal(new DateTimeOffset(2021, 6, 30, 17, 0, 0, Cest), policy.FreeCancellationUntil);
        Assert.Equal(new Money(214m, "EUR"), policy.Fee);

        var flex = quotes[1];
        Assert.Equal(("MUC-SGL", "MUC-FLEX-DBL", "Flexible"), (flex.RoomTypeId, flex.RatePlanId, flex.RatePlanName));
        Assert.Equal(new Money(321m, "EUR"), flex.Total);
        Assert.Equal([100m, 100m], flex.Nights.Select(n => n.Amount.Amount));
        Assert.Equal(new Money(200m, "EUR"), flex.TotalBeforeTax);
        Assert.Equal(["VAT Reduced 14%", "VAT Null 0%"], flex.Taxes.Select(t => t.Name));
        Assert.Equal("Non Refundable", flex.CancellationPolicy!.Name);
        Assert.Equal(new DateTimeOffset(2021, 6, 29, 15, 45, 14, Cest).AddTicks(9289333), flex.CancellationPolicy.FreeCancellationUntil);
        Assert.Equal(new Money(321m, "EUR"), flex.CancellationPolicy.Fee);
    }

    [Fact]
    public void The_offers_example_filtered_by_rate_plan_keeps_only_that_plan()
    {
        var model = Json.Read(VendorSpecs.Example("booking.StayOffersModel"), Json.Context.StayOffersModel);

        var quotes = ApaleoOfferMapper.ToRateQuotes(model, new QuoteRequest(new DateOnly(2021, 6, 30), new DateOnly(2021, 7, 2), 1) { RatePlanId = "MUC-FLEX-DBL" });

        Assert.Equal("MUC-FLEX-DBL", Assert.Single(quotes).RatePlanId);
    }

    [Fact]
    public void The_ReservationModel_example_maps_to_a_confirmed_reservation_with_guest_total_and_channel_reference()
    {
        var model = Json.Read(VendorSpecs.Example("booking.ReservationModel"), Json.Context.ReservationModel);

        var reservation = ApaleoReservationMapper.ToReservation(model, Zones.Berlin);

        Assert.Equal(("XPGMSXGF-1", "XPGMSXGF-1", "MUC"), (reservation.VendorId, reservation.ConfirmationNumber, reservation.PropertyId));
        Assert.Equal(ReservationStatus.Confirmed, reservation.Status);
        Assert.Equal("Confirmed", reservation.RawStatus);
        Assert.Equal((new DateOnly(2021, 6, 30), new DateOnly(2021, 7, 2), 2), (reservation.Arrival, reservation.Departure, reservation.Nights));
        Assert.Equal(("MUC-SGL", "MUC-NONREF_DBL"), (reservation.RoomTypeId, reservation.RatePlanId));
        Assert.Equal(1, reservation.Adults);
        Assert.Equal([6], reservation.ChildrenAges);
        Assert.Equal(new Money(222m, "EUR"), reservation.Total);
        var guest = reservation.PrimaryGuest;
        Assert.Equal(("Jon", "Doe", "Jon Doe"), (guest.FirstName, guest.LastName, guest.DisplayName));
        Assert.Equal(("john.d@doe.com", "+4989123343"), (guest.Email, guest.Phone));
        Assert.Equal(("GB", "My Street 5", "12453", "MyCity"), (guest.Address!.CountryCode, guest.Address.Line1, guest.Address.PostalCode, guest.Address.City));
        Assert.Null(guest.VendorId);
        // Sold through BookingCom: externalCode is that channel's number, not a client reference of ours.
        Assert.Equal("812864414|369", reservation.ExternalReference);
        Assert.Null(reservation.ClientReference);
        Assert.Equal(new DateTimeOffset(2021, 6, 28, 15, 45, 14, Cest).AddTicks(9289333), reservation.CreatedAt);
        Assert.Equal(reservation.CreatedAt, reservation.ModifiedAt);
        Assert.Null(reservation.CancelledAt);
        Assert.Empty(reservation.AdditionalGuests);
        Assert.Empty(reservation.Services);
        Assert.Equal([new DateOnly(2021, 6, 30), new DateOnly(2021, 7, 1)], model.TimeSlices!.Select(s => s.ServiceDate));
        Assert.Equal(
            [new NightlyRate(new DateOnly(2021, 6, 30), new Money(86m, "EUR")), new NightlyRate(new DateOnly(2021, 7, 1), new Money(101m, "EUR"))],
            reservation.NightlyRates);
        Assert.Equal("MUC-FLEX", model.CancellationFee?.Id);
    }

    [Fact]
    public void The_ReservationListModel_example_maps_both_reservations_with_their_statuses()
    {
        var model = Json.Read(VendorSpecs.Example("booking.ReservationListModel"), Json.Context.ReservationListModel);

        var reservations = model.Reservations.Select(r => ApaleoReservationMapper.ToReservation(r)).ToList();

        Assert.Equal(["XPGMSXGF-1", "APFDRQSX-1"], reservations.Select(r => r.VendorId));
        Assert.Equal([ReservationStatus.Confirmed, ReservationStatus.CheckedOut], reservations.Select(r => r.Status));
        var jane = reservations[1];
        Assert.Equal(("Jane", "Doe", "jane.d@doe.com"), (jane.PrimaryGuest.FirstName, jane.PrimaryGuest.LastName, jane.PrimaryGuest.Email));
        Assert.Equal((new DateOnly(2021, 7, 3), new DateOnly(2021, 7, 5)), (jane.Arrival, jane.Departure));
        Assert.Equal(("MUC-DBL", "MUC-FLEX-DBL", new Money(120m, "EUR")), (jane.RoomTypeId, jane.RatePlanId, jane.Total!.Value));
        Assert.Equal(new Money(110m, "EUR"), reservations[0].Total);
        Assert.All(reservations, r => Assert.Null(r.ExternalReference));
        // The example's count is 0 beside two items: paging must not rely on it.
        Assert.Equal(0, model.Count);
        Assert.True(ApaleoReservationQueryMapper.HasNextPage(model.Reservations.Count, pageSize: 2));
    }

    [Fact]
    public void The_ServiceOffersModel_example_maps_each_extra_with_unit_price_pricing_unit_total_and_dates()
    {
        var model = Json.Read(VendorSpecs.Example("booking.ServiceOffersModel"), Json.Context.ServiceOffersModel);

        var offers = ApaleoServiceMapper.ToServiceOffers(model);

        Assert.Equal(2, offers.Count);
        var wlan = offers[0];
        Assert.Equal(("MUC-WLAN", "High-Speed WLAN"), (wlan.ServiceId, wlan.Name));
        Assert.Equal("Upgrade the complimentary internet access to a high speed connection.", wlan.Description);
        Assert.Equal(new Money(5m, "EUR"), wlan.UnitPrice);
        Assert.Equal(ServicePricingUnit.PerNight, wlan.PricingUnit);
        Assert.Equal(new Money(20m, "EUR"), wlan.Total);
        Assert.Equal([new DateOnly(2021, 6, 28), new DateOnly(2021, 6, 29)], wlan.AvailableDates);
        var yoga = offers[1];
        Assert.Equal(("MUC-YOGA", "Sun Salutation", ServicePricingUnit.PerPersonPerNight), (yoga.ServiceId, yoga.Name, yoga.PricingUnit));
        Assert.Equal((new Money(35m, "EUR"), new Money(30m, "EUR")), (yoga.UnitPrice, yoga.Total!.Value));
        Assert.Equal([new DateOnly(2021, 6, 29)], yoga.AvailableDates);
    }

    [Fact]
    public void The_ReservationServiceListModel_example_maps_the_booked_extra()
    {
        var model = Json.Read(VendorSpecs.Example("booking.ReservationServiceListModel"), Json.Context.ReservationServiceListModel);

        var service = ApaleoServiceMapper.ToReservationService(Assert.Single(model.Services));

        Assert.Equal(("MUC-YOGA", "Sun Salutation", 1), (service.ServiceId, service.Name, service.Quantity));
        Assert.Equal(new Money(30m, "EUR"), service.Total);
        Assert.Equal([new DateOnly(2021, 6, 28)], service.Dates);
    }

    [Fact]
    public void The_BookingCreatedModel_example_yields_the_first_reservation_id()
    {
        var model = Json.Read(VendorSpecs.Example("booking.BookingCreatedModel"), Json.Context.BookingCreatedModel);

        Assert.Equal("XPGMSXGF", model.Id);
        Assert.Equal("XPGMSXGF-1", ApaleoBookingMapper.ToReservationId(model));
    }

    [Fact]
    public void Apaleos_CreateBookingModel_example_reads_into_the_request_records_the_connector_sends()
    {
        var model = Json.Read(VendorSpecs.Example("booking.CreateBookingModel"), Json.Context.CreateBookingModel);

        Assert.Equal(("Jon", "Doe", "john.d@doe.com"), (model.Booker.FirstName, model.Booker.LastName, model.Booker.Email));
        Assert.Equal("GB", model.Booker.Address?.CountryCode);
        Assert.Equal(2, model.Reservations.Count);
        var first = model.Reservations[0];
        Assert.Equal((new DateOnly(2021, 6, 30), new DateOnly(2021, 7, 2), 1, "Direct"), (first.Arrival, first.Departure, first.Adults, first.ChannelCode));
        Assert.Equal([6], first.ChildrenAges!);
        Assert.Equal("I need a wake up service", first.GuestComment);
        Assert.Equal(["MUC-NONREF-FAMILY", "MUC-NONREF-FAMILY"], first.TimeSlices.Select(t => t.RatePlanId));
        Assert.All(first.TimeSlices, t => Assert.Null(t.TotalAmount));
        var yoga = first.Services![1];
        Assert.Equal("MUC-YOGA", yoga.ServiceId);
        var date = Assert.Single(yoga.Dates!);
        Assert.Equal((new DateOnly(2021, 7, 1), new MonetaryValueModel(35m, "EUR")), (date.ServiceDate, date.Amount));
        var second = model.Reservations[1];
        Assert.Equal([new MonetaryValueModel(120m, "EUR"), new MonetaryValueModel(125m, "EUR")], second.TimeSlices.Select(t => t.TotalAmount));
        Assert.Equal("Steinmetz", second.PrimaryGuest?.LastName);
    }
}
