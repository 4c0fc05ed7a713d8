namespace HotelPlatform.Connectors.InMemory.Tests;

public sealed class PricingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_quote_breaks_the_stay_down_into_nights_VAT_fees_and_total()
    {
        var hotel = TestHotel.Create();
        var arrival = TestHotel.Today.AddDays(2);

        var quote = Assert.Single(await hotel.Connector.QuoteAsync(new QuoteRequest(arrival, arrival.AddDays(2), Adults: 2) { RoomTypeIds = ["DBL"] }, Ct));

        // 2 x 100 gross; VAT 7 % included = 200 * 7 / 107 = 13.08; net 186.92; city tax 5 % of net = 9.35.
        Assert.Equal(new[] { new NightlyRate(arrival, new Money(100m, "EUR")), new NightlyRate(arrival.AddDays(1), new Money(100m, "EUR")) }, quote.Nights);
        var vat = Assert.Single(quote.Taxes);
        Assert.Equal(new Money(13.08m, "EUR"), vat.Amount);
        Assert.Equal(7m, vat.Percent);
        Assert.Equal(new Money(186.92m, "EUR"), quote.TotalBeforeTax);
        var cityTax = Assert.Single(quote.Fees);
        Assert.Equal(new Money(9.35m, "EUR"), cityTax.Amount);
        Assert.True(cityTax.IncludedInTotal);
        Assert.Equal(new Money(209.35m, "EUR"), quote.Total);
        Assert.Equal(2, quote.Available);
        Assert.Equal("Double room", quote.RoomTypeName);
        Assert.Equal("Flexible", quote.RatePlanName);
    }

    [Fact]
    public async Task Per_person_fees_count_children_and_fees_payable_at_the_hotel_stay_out_of_the_total()
    {
        var hotel = TestHotel.Create(h => h.AddRatePlan("TAXED", "Taxed", p => p
            .Price("STE", 150m)
            .Fee("Resort fee", 2.5m, InMemoryFeeBasis.PerPersonPerNight)
            .Fee("Cleaning", 40m, InMemoryFeeBasis.PerStay)
            .Fee("Parking at the desk", 10m, InMemoryFeeBasis.PerNight, includedInTotal: false)));
        var arrival = TestHotel.Today.AddDays(1);

        var quote = Assert.Single(await hotel.Connector.QuoteAsync(new QuoteRequest(arrival, arrival.AddDays(3), Adults: 2) { ChildrenAges = [7], RatePlanId = "TAXED" }, Ct));

        Assert.Equal(new Money(22.5m, "EUR"), quote.Fees.Single(f => f.Name == "Resort fee").Amount);
        Assert.Equal(new Money(40m, "EUR"), quote.Fees.Single(f => f.Name == "Cleaning").Amount);
        var desk = quote.Fees.Single(f => f.Name == "Parking at the desk");
        Assert.Equal(new Money(30m, "EUR"), desk.Amount);
        Assert.False(desk.IncludedInTotal);
        Assert.Equal(new Money(450m + 22.5m + 40m, "EUR"), quote.Total);
        Assert.Empty(quote.Taxes);
    }

    [Fact]
    public async Task Nightly_prices_follow_overrides_and_calendars_and_unpriced_nights_are_not_sold()
    {
        var arrival = TestHotel.Today.AddDays(1);
        var hotel = TestHotel.Create(h => h.AddRatePlan("SEASON", "Seasonal", p => p
            .Price("DBL", night => night.DayOfWeek == DayOfWeek.Friday ? 150m : 90m)
            .Price("DBL", arrival, 99m)
            .Price("STE", night => night < arrival.AddDays(2) ? 250m : null)));

        var quotes = await hotel.Connector.QuoteAsync(new QuoteRequest(arrival, arrival.AddDays(4), Adults: 1) { RatePlanId = "SEASON" }, Ct);

        // Tuesday 11 June (overridden), Wednesday, Thursday, Friday 14 June.
        var dbl = Assert.Single(quotes);
        Assert.Equal(new[] { 99m, 90m, 90m, 150m }, dbl.Nights.Select(n => n.Amount.Amount));
        Assert.Equal("DBL", dbl.RoomTypeId);
    }

    [Fact]
    public async Task The_free_cancellation_deadline_is_property_local_time_across_daylight_saving()
    {
        var hotel = TestHotel.Create();
        var summer = new DateOnly(2030, 7, 12);
        var winter = new DateOnly(2030, 12, 12);

        var summerPolicy = Assert.Single(await hotel.Connector.QuoteAsync(new QuoteRequest(summer, summer.AddDays(1), 1) { RoomTypeIds = ["DBL"] }, Ct)).CancellationPolicy!;
        var winterPolicy = Assert.Single(await hotel.Connector.QuoteAsync(new QuoteRequest(winter, winter.AddDays(1), 1) { RoomTypeIds = ["DBL"] }, Ct)).CancellationPolicy!;

        // 18:00 in Berlin the day before: 16:00 UTC in summer (CEST), 17:00 UTC in winter (CET).
        Assert.Equal(new DateTimeOffset(2030, 7, 11, 16, 0, 0, TimeSpan.Zero), summerPolicy.FreeCancellationUntil);
        Assert.Equal(new DateTimeOffset(2030, 12, 11, 17, 0, 0, TimeSpan.Zero), winterPolicy.FreeCancellationUntil);
        Assert.Equal(new Money(100m, "EUR"), summerPolicy.Fee);
        Assert.Equal("Flexible", summerPolicy.Name);
    }

    [Fact]
    public async Task A_non_refundable_plan_has_no_free_cancellation_and_costs_the_whole_stay()
    {
        var hotel = TestHotel.Create(h => h.AddRatePlan("NONREF", "Saver", p => p.Price("DBL", 80m).NonRefundable()));
        var arrival = TestHotel.Today.AddDays(5);

        var quote = Assert.Single(await hotel.Connector.QuoteAsync(new QuoteRequest(arrival, arrival.AddDays(3), 1) { RatePlanId = "NONREF" }, Ct));

        Assert.Null(quote.CancellationPolicy!.FreeCancellationUntil);
        Assert.Equal(quote.Total, quote.CancellationPolicy.Fee);
        Assert.Equal("Non-refundable", quote.CancellationPolicy.Name);
    }

    [Fact]
    public async Task A_promotion_plan_is_quoted_only_for_its_code_or_when_named()
    {
        var hotel = TestHotel.Create(h => h.AddRatePlan("CORP", "Corporate", p => p.Price("DBL", 70m).RequirePromoCode("ACME")));
        var request = new QuoteRequest(TestHotel.Today.AddDays(1), TestHotel.Today.AddDays(2), 1) { RoomTypeIds = ["DBL"] };

        var publicOnly = await hotel.Connector.QuoteAsync(request, Ct);
        var withCode = await hotel.Connector.QuoteAsync(request with { PromoCode = " acme " }, Ct);
        var wrongCode = await hotel.Connector.QuoteAsync(request with { PromoCode = "OTHER" }, Ct);
        var named = await hotel.Connector.QuoteAsync(request with { RatePlanId = "CORP" }, Ct);

        Assert.Equal(new[] { "FLEX" }, publicOnly.Select(q => q.RatePlanId));
        Assert.Equal(new[] { "FLEX", "CORP" }, withCode.Select(q => q.RatePlanId));
        Assert.Equal(new[] { "FLEX" }, wrongCode.Select(q => q.RatePlanId));
        Assert.Equal(new[] { "CORP" }, named.Select(q => q.RatePlanId));
    }

    [Fact]
    public async Task Quotes_for_more_guests_than_a_room_sleeps_leave_that_room_type_out()
    {
        var hotel = TestHotel.Create();

        var quotes = await hotel.Connector.QuoteAsync(new QuoteRequest(TestHotel.Today.AddDays(1), TestHotel.Today.AddDays(2), Adults: 2) { ChildrenAges = [4] }, Ct);

        Assert.Equal(new[] { "STE" }, quotes.Select(q => q.RoomTypeId));
    }

    [Fact]
    public async Task Quotes_for_a_stay_that_has_begun_are_empty_unless_past_arrivals_are_allowed()
    {
        var strict = TestHotel.Create();
        var lenient = TestHotel.Create(h => h.AllowArrivalsInThePast());
        var yesterday = new QuoteRequest(TestHotel.Today.AddDays(-1), TestHotel.Today.AddDays(1), 1);

        Assert.Empty(await strict.Connector.QuoteAsync(yesterday, Ct));
        Assert.NotEmpty(await lenient.Connector.QuoteAsync(yesterday, Ct));
        Assert.NotEmpty(await strict.Connector.QuoteAsync(yesterday with { Arrival = TestHotel.Today }, Ct));
    }

    [Fact]
    public async Task Unknown_room_types_or_rate_plans_in_a_request_are_refused_not_ignored()
    {
        var hotel = TestHotel.Create();
        var request = new QuoteRequest(TestHotel.Today.AddDays(1), TestHotel.Today.AddDays(2), 1);

        var roomType = await Assert.ThrowsAsync<PmsValidationException>(() => hotel.Connector.QuoteAsync(request with { RoomTypeIds = ["DBL", "XXL"] }, Ct));
        var ratePlan = await Assert.ThrowsAsync<PmsValidationException>(() => hotel.Connector.QuoteAsync(request with { RatePlanId = "NOPE" }, Ct));
        var grid = await Assert.ThrowsAsync<PmsValidationException>(() => hotel.Connector.GetAvailabilityAsync(new AvailabilityRequest(request.Arrival, request.Departure) { RoomTypeIds = ["XXL"] }, Ct));

        Assert.Equal("request.RoomTypeIds", roomType.Field);
        Assert.Equal("request.RatePlanId", ratePlan.Field);
        Assert.Equal("request.RoomTypeIds", grid.Field);
        Assert.Equal(PmsVendors.InMemory, roomType.Vendor);
        Assert.Equal("Quote", roomType.Operation);
    }

    [Fact]
    public async Task A_reservation_total_is_the_quoted_stay_plus_its_extras()
    {
        var hotel = TestHotel.Create();
        var arrival = TestHotel.Today.AddDays(2);
        var quote = Assert.Single(await hotel.Connector.QuoteAsync(new QuoteRequest(arrival, arrival.AddDays(2), 2) { RoomTypeIds = ["DBL"] }, Ct));

        var reservation = await hotel.Connector.CreateReservationAsync(
            TestHotel.Draft(arrival, nights: 2) with { Adults = 2, QuotedTotal = quote.Total, Services = [new ServiceOrder("BRKF"), new ServiceOrder("LATE")] },
            Ct);

        // Breakfast: 20 per person per night, 2 persons, 2 nights = 80; late check-out: 30 once.
        Assert.Equal(new Money(80m, "EUR"), reservation.Services.Single(s => s.ServiceId == "BRKF").Total);
        Assert.Equal(new[] { arrival, arrival.AddDays(1) }, reservation.Services.Single(s => s.ServiceId == "BRKF").Dates);
        Assert.Equal(new Money(30m, "EUR"), reservation.Services.Single(s => s.ServiceId == "LATE").Total);
        Assert.Empty(reservation.Services.Single(s => s.ServiceId == "LATE").Dates);
        Assert.Equal(quote.Total + new Money(110m, "EUR"), reservation.Total);
    }

    [Fact]
    public async Task A_booked_stay_keeps_its_nightly_rates_and_fees_and_a_changed_stay_is_priced_again()
    {
        var hotel = TestHotel.Create(h => h.AddRatePlan("WEEK", "Weekly", p => p
            .Price("DBL", night => night.DayNumber % 2 == 0 ? 100m : 120m)
            .Fee("Cleaning", 30m, InMemoryFeeBasis.PerStay)));
        var arrival = TestHotel.Today.AddDays(2);
        var draft = TestHotel.Draft(arrival, nights: 2) with { RatePlanId = "WEEK" };
        var quote = Assert.Single(await hotel.Connector.QuoteAsync(new QuoteRequest(arrival, arrival.AddDays(2), Adults: 1) { RoomTypeIds = ["DBL"], RatePlanId = "WEEK" }, Ct));

        var booked = await hotel.Connector.CreateReservationAsync(draft, Ct);

        Assert.Equal(quote.Nights, booked.NightlyRates);
        Assert.Equal(quote.Fees, booked.Fees);
        Assert.Equal(quote.Total, booked.Total);

        var longer = await hotel.Connector.ModifyReservationAsync(booked.VendorId, new ReservationChanges { Departure = arrival.AddDays(3) }, Ct);

        Assert.Equal(Enumerable.Range(0, 3).Select(i => arrival.AddDays(i)), longer.NightlyRates.Select(n => n.Date));
        Assert.Equal(longer.NightlyRates.Select(n => n.Date.DayNumber % 2 == 0 ? 100m : 120m), longer.NightlyRates.Select(n => n.Amount.Amount));
        Assert.Equal(longer.NightlyRates.Sum(n => n.Amount.Amount) + 30m, longer.Total!.Value.Amount);
        Assert.Equal(longer.NightlyRates, (await hotel.Connector.GetReservationAsync(booked.VendorId, Ct)).NightlyRates);
    }
}
