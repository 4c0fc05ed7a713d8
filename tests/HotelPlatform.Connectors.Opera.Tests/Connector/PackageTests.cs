using HotelPlatform.Connectors.Opera.Mapping;
using HotelPlatform.Connectors.Opera.Wire;

namespace HotelPlatform.Connectors.Opera.Tests.Connector;

/// <summary>OPERA packages as extras: the catalogue priced for a stay, packages attached to a reservation and read back, and the refusals.</summary>
public sealed class PackageTests
{
    private static readonly DateOnly Arrival = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60);

    [Fact]
    public async Task The_offers_for_a_stay_are_the_packages_sold_separately_priced_for_the_party_and_its_nights()
    {
        await using var host = await OperaTestHost.StartAsync(["LDN01"]);

        var offers = await host["LDN01"].GetServiceOffersAsync(ServiceOfferRequest.ForStay(Arrival, Arrival.AddDays(2), adults: 2), TestContext.Current.CancellationToken);

        Assert.Equal(["BRKF", "PARK", "WELCOME"], offers.Select(o => o.ServiceId));
        var breakfast = offers[0];
        Assert.Equal(("Breakfast", "Breakfast buffet, served each morning"), (breakfast.Name, breakfast.Description));
        Assert.Equal((new Money(40m, "GBP"), ServicePricingUnit.PerNight, new Money(80m, "GBP")), (breakfast.UnitPrice, breakfast.PricingUnit, breakfast.Total));
        Assert.Equal([Arrival, Arrival.AddDays(1)], breakfast.AvailableDates);
        var welcome = offers[2];
        Assert.Equal((new Money(16m, "GBP"), ServicePricingUnit.PerStay, new Money(16m, "GBP")), (welcome.UnitPrice, welcome.PricingUnit, welcome.Total));
        Assert.Equal([Arrival], welcome.AvailableDates);
        var request = Assert.Single(host.Simulator.Requests, r => r.Path == "/rtp/v1/packages");
        Assert.Equal(("LDN01", "true", "2"), (request.GetQueryValue("hotelId"), request.GetQueryValue("sellSeparate"), request.GetQueryValue("adults")));
    }

    [Fact]
    public async Task The_offers_for_a_reservation_are_priced_for_its_stay_and_an_unknown_reservation_is_not_found()
    {
        await using var host = await OperaTestHost.StartAsync(["LDN01"]);
        var ct = TestContext.Current.CancellationToken;
        var connector = host["LDN01"];
        var booked = await connector.CreateReservationAsync(new ReservationDraft(Arrival, Arrival.AddDays(3), "KING", "BAR", new GuestProfile("Hopper")) { Adults = 1, ClientReference = "pkg-offers" }, ct);

        var offers = await connector.GetServiceOffersAsync(ServiceOfferRequest.ForReservation(booked.VendorId), ct);

        Assert.Equal(new Money(60m, "GBP"), offers.Single(o => o.ServiceId == "BRKF").Total);
        await Assert.ThrowsAsync<PmsNotFoundException>(() => connector.GetServiceOffersAsync(ServiceOfferRequest.ForReservation("999999999"), ct));
    }

    [Fact]
    public async Task A_package_added_on_two_separate_dates_is_attached_as_two_runs_and_read_back_with_its_schedule_and_total()
    {
        await using var host = await OperaTestHost.StartAsync(["LDN01"]);
        var ct = TestContext.Current.CancellationToken;
        var connector = host["LDN01"];
        var booked = await connector.CreateReservationAsync(new ReservationDraft(Arrival, Arrival.AddDays(4), "KING", "BAR", new GuestProfile("Lamarr")) { Adults = 2, ClientReference = "pkg-add" }, ct);

        var updated = await connector.AddServiceAsync(booked.VendorId, new ServiceOrder("BRKF") { Quantity = 1, Dates = [Arrival.AddDays(3), Arrival, Arrival.AddDays(1)] }, ct);

        Assert.Empty(booked.Services);
        Assert.Equal([(2, new Money(80m, "GBP")), (1, new Money(40m, "GBP"))], updated.Services.Select(s => (s.Dates.Count, s.Total!.Value)));
        Assert.All(updated.Services, s => Assert.Equal(("BRKF", "Breakfast", 1), (s.ServiceId, s.Name, s.Quantity)));
        Assert.Equal([Arrival, Arrival.AddDays(1), Arrival.AddDays(3)], updated.Services.SelectMany(s => s.Dates));
        Assert.Equal(updated.Services.SelectMany(s => s.Dates), (await connector.GetReservationAsync(booked.VendorId, ct)).Services.SelectMany(s => s.Dates));
        var post = Assert.Single(host.Simulator.Requests, r => r.Method == "POST" && r.Path.EndsWith("/packages", StringComparison.Ordinal));
        Assert.Contains("\"endDate\":\"" + Iso(Arrival.AddDays(2)) + "\"", post.Body, StringComparison.Ordinal);
        Assert.Contains("\"endDate\":\"" + Iso(Arrival.AddDays(4)) + "\"", post.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_package_the_hotel_does_not_sell_separately_is_refused_before_anything_is_posted()
    {
        await using var host = await OperaTestHost.StartAsync(["LDN01"]);
        var ct = TestContext.Current.CancellationToken;
        var connector = host["LDN01"];
        var booked = await connector.CreateReservationAsync(new ReservationDraft(Arrival, Arrival.AddDays(1), "KING", "BAR", new GuestProfile("Franklin")) { ClientReference = "pkg-rate" }, ct);

        var refused = await Assert.ThrowsAsync<PmsValidationException>(() => connector.AddServiceAsync(booked.VendorId, new ServiceOrder("RATEBRKF"), ct));

        Assert.Equal("order.ServiceId", refused.Field);
        Assert.DoesNotContain(host.Simulator.Requests, r => r.Method == "POST" && r.Path.EndsWith("/packages", StringComparison.Ordinal));
        Assert.Empty((await connector.GetReservationAsync(booked.VendorId, ct)).Services);
    }

    [Fact]
    public async Task A_package_for_a_cancelled_reservation_is_refused_by_OHIP_and_nothing_is_attached()
    {
        await using var host = await OperaTestHost.StartAsync(["LDN01"]);
        var ct = TestContext.Current.CancellationToken;
        var connector = host["LDN01"];
        var booked = await connector.CreateReservationAsync(new ReservationDraft(Arrival, Arrival.AddDays(1), "KING", "BAR", new GuestProfile("Curie")) { ClientReference = "pkg-cxl" }, ct);
        await connector.CancelReservationAsync(booked.VendorId, null, ct);

        var refused = await Assert.ThrowsAsync<PmsValidationException>(() => connector.AddServiceAsync(booked.VendorId, new ServiceOrder("PARK"), ct));

        Assert.Equal("INVALID_RESERVATION_STATUS", refused.VendorErrorCode);
        Assert.Single(host.Simulator.Requests, r => r.Method == "POST" && r.Path.EndsWith("/packages", StringComparison.Ordinal));
        Assert.Empty((await connector.GetReservationAsync(booked.VendorId, ct)).Services);
    }

    [Fact]
    public async Task A_booking_with_a_package_the_hotel_does_not_sell_separately_is_refused_and_books_nothing()
    {
        await using var host = await OperaTestHost.StartAsync(["LDN01"]);
        var ct = TestContext.Current.CancellationToken;

        var refused = await Assert.ThrowsAsync<PmsValidationException>(() => host["LDN01"].CreateReservationAsync(
            new ReservationDraft(Arrival, Arrival.AddDays(1), "KING", "BAR", new GuestProfile("Meitner")) { ClientReference = "pkg-create", Services = [new ServiceOrder("RATEBRKF")] }, ct));

        Assert.Equal("INVALID_PACKAGE_CODE", refused.VendorErrorCode);
        Assert.Equal(0, host.Simulator.ReservationCount("LDN01"));
    }

    [Fact]
    public void A_package_that_is_part_of_the_rate_is_not_an_extra_of_the_reservation()
    {
        ReservationPackage attached = new()
        {
            PackageHeaderType = new PackageHeader(new PackagePrimaryDetails("Parking", "Park"), new PackageTransactionDetails(null, "EveryNight", "FlatRate"), null),
            ScheduleList = [new PackageSchedule { ConsumptionDate = new DateOnly(2026, 7, 1), UnitPrice = 15m, TotalQuantity = 2 }],
            ConsumptionDetails = new PackageConsumption { DefaultQuantity = 2 },
            PackageCode = "PARK",
        };

        var services = OperaPackageMapper.ToServices([attached, attached with { PackageCode = "RATEPKG", Source = "RateHeader" }, attached with { PackageCode = "DETAILPKG", Source = "RateDetail" }], "EUR");

        var service = Assert.Single(services);
        Assert.Equal(("PARK", "Park", 2, new Money(30m, "EUR")), (service.ServiceId, service.Name, service.Quantity, service.Total!.Value));
    }

    [Fact]
    public void A_catalogue_package_without_a_calculated_price_or_posting_on_no_night_of_the_stay_is_not_offered()
    {
        var arrival = new DateOnly(2026, 6, 1);
        PackageShortInfo priced = new() { Code = "SPA", PostingAttributes = new PackagePostingAttributes { CalculatedPrice = 30m, PostingRhythm = new PackagePostingRhythm("CertainNightsOfTheWeek", new WeekdayFlags { Tuesday = true }) } };

        var offer = OperaPackageMapper.ToOffer(priced, arrival, arrival.AddDays(7), "GBP");

        Assert.Equal([arrival.AddDays(1)], offer!.AvailableDates);
        Assert.Equal((ServicePricingUnit.PerStay, "SPA"), (offer.PricingUnit, offer.Name));
        Assert.Null(OperaPackageMapper.ToOffer(priced with { PostingAttributes = priced.PostingAttributes with { CalculatedPrice = null } }, arrival, arrival.AddDays(7), "GBP"));
        Assert.Null(OperaPackageMapper.ToOffer(priced, arrival, arrival.AddDays(1), "GBP"));
        Assert.Null(OperaPackageMapper.ToOffer(priced with { PostingAttributes = priced.PostingAttributes with { PostingRhythm = new PackagePostingRhythm("EveryNightExceptArrivalNight", null) } }, arrival, arrival.AddDays(1), "GBP"));
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
