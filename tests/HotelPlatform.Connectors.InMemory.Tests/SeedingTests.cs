using Microsoft.Extensions.Time.Testing;

namespace HotelPlatform.Connectors.InMemory.Tests;

public sealed class SeedingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_hotel_seeded_in_a_few_lines_serves_what_was_seeded()
    {
        var hotel = TestHotel.Create(h => h.AddGuest(new GuestProfile("Schmidt") { Email = "anna@example.com" }));

        var property = await hotel.Connector.GetPropertyAsync(Ct);
        var roomTypes = await hotel.Connector.GetRoomTypesAsync(Ct);
        var ratePlans = await hotel.Connector.GetRatePlansAsync(Ct);

        Assert.Equal(new PmsProperty("BER", "Hotel Berlin", "Europe/Berlin", "EUR") { Code = "BER" }, property);
        Assert.Equal(new[] { "DBL", "STE" }, roomTypes.Select(r => r.VendorId));
        Assert.Equal(2, roomTypes[0].RoomCount);
        Assert.Equal(3, roomTypes[1].MaxOccupancy);
        var plan = Assert.Single(ratePlans);
        Assert.Equal(new[] { "DBL", "STE" }, plan.RoomTypeIds);
        Assert.Equal("EUR", plan.Currency);
        Assert.Equal("Flexible", plan.CancellationPolicy?.Name);
        Assert.Equal("G000001", Assert.Single(hotel.Pms.Guests).VendorId);
    }

    [Fact]
    public void The_demo_hotel_is_the_same_on_every_build_with_the_same_clock()
    {
        var first = InMemoryPms.CreateDemo(new FakeTimeProvider(TestHotel.Now));
        var second = InMemoryPms.CreateDemo(new FakeTimeProvider(TestHotel.Now));

        Assert.Equal(first.Reservations.Select(Describe), second.Reservations.Select(Describe));
        Assert.Equal(first.Guests, second.Guests);
        Assert.Equal(new[] { "FAM", "SGL", "STD", "STE" }, first.RoomTypes.Select(r => r.VendorId).Order());
        Assert.Equal(new[] { "CORP", "FLEX", "NONREF" }, first.RatePlans.Select(r => r.VendorId).Order());
        Assert.Equal(6, first.Reservations.Count);

        static string Describe(Reservation r) => $"{r.VendorId} {r.ConfirmationNumber} {r.Status} {r.Arrival} {r.Departure} {r.RoomTypeId} {r.Total} {r.ExternalReference}";
    }

    [Fact]
    public async Task The_demo_hotel_has_arrivals_in_house_guests_and_departures_today()
    {
        var pms = InMemoryPms.CreateDemo(new FakeTimeProvider(TestHotel.Now));
        var connector = new InMemoryPmsConnector(pms);

        var arrivals = await List(connector, ReservationQuery.ArrivalsToday());
        var inHouse = await List(connector, ReservationQuery.InHouseToday());
        var departures = await List(connector, ReservationQuery.DeparturesToday());
        var channel = await connector.FindReservationAsync("BDC-1000001", Ct);

        Assert.Equal(2, arrivals.Count);
        Assert.Equal("Tanaka", Assert.Single(inHouse).PrimaryGuest.LastName);
        Assert.Equal("Dubois", Assert.Single(departures).PrimaryGuest.LastName);
        Assert.Equal("Jensen", channel?.PrimaryGuest.LastName);
    }

    [Fact]
    public void Demo_prices_in_a_currency_without_minor_units_are_whole_and_scaled()
    {
        var pms = InMemoryPms.Create(h => h.WithProperty("TYO", "Tokyo", "Asia/Tokyo", "JPY").WithDemoData(), new FakeTimeProvider(TestHotel.Now));

        var totals = pms.Reservations.Select(r => r.Total!.Value).ToList();

        Assert.All(totals, t => Assert.Equal("JPY", t.Currency));
        Assert.All(totals, t => Assert.Equal(decimal.Truncate(t.Amount), t.Amount));
        Assert.All(totals, t => Assert.True(t.Amount > 10_000m, $"A stay costs {t}, not a few yen."));
    }

    [Fact]
    public void Reservations_seeded_relative_to_today_follow_the_clock()
    {
        var clock = new FakeTimeProvider(TestHotel.Now);
        var pms = InMemoryPms.Create(
            h => h.AddRoomType("DBL", "Double", 1).AddRatePlan("FLEX", "Flex", p => p.Price("DBL", 90m))
                .AddReservation(today => new ReservationDraft(today.AddDays(3), today.AddDays(5), "DBL", "FLEX", new GuestProfile("Later"))),
            clock);

        Assert.Equal(TestHotel.Today.AddDays(3), Assert.Single(pms.Reservations).Arrival);
        Assert.Equal(0, pms.GetAvailable("DBL", TestHotel.Today.AddDays(4)));
        Assert.Equal(1, pms.GetAvailable("DBL", TestHotel.Today.AddDays(5)));
    }

    [Fact]
    public void Seeding_starts_with_no_recorded_operations_or_events()
    {
        var pms = InMemoryPms.CreateDemo(new FakeTimeProvider(TestHotel.Now));

        Assert.Empty(pms.Operations);
        Assert.Empty(pms.Events);
    }

    [Fact]
    public void A_rate_plan_pricing_a_room_type_not_added_is_refused_at_build()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => InMemoryPms.Create(h => h
            .AddRoomType("DBL", "Double", 1)
            .AddRatePlan("FLEX", "Flex", p => p.Price("SGL", 90m))));

        Assert.Contains("'SGL'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rate_plan_without_prices_is_refused_at_build()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => InMemoryPms.Create(h => h.AddRoomType("DBL", "Double", 1).AddRatePlan("FLEX", "Flex", _ => { })));

        Assert.Contains("no price", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_price_override_for_a_room_type_the_plan_does_not_sell_is_refused_at_build()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => InMemoryPms.Create(h => h
            .AddRoomType("DBL", "Double", 1).AddRoomType("STE", "Suite", 1)
            .AddRatePlan("FLEX", "Flex", p => p.Price("DBL", 90m).Price("STE", TestHotel.Today, 300m))));

        Assert.Contains("does not sell that room type", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_identifiers_are_refused_at_build()
    {
        Assert.Throws<InvalidOperationException>(() => InMemoryPms.Create(h => h.AddRoomType("DBL", "Double", 1).AddRoomType("DBL", "Again", 1)));
        Assert.Throws<InvalidOperationException>(() => InMemoryPms.Create(h => h.WithDemoData().AddRoomType("STD", "Clash with the demo", 1)));
        Assert.Throws<InvalidOperationException>(() => InMemoryPms.Create(h => h
            .AddGuest(new GuestProfile("A") { VendorId = "G1" })
            .AddGuest(new GuestProfile("B") { VendorId = "G1" })));
    }

    [Fact]
    public void A_restriction_on_a_room_type_not_added_is_refused_at_build()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => InMemoryPms.Create(h => h
            .AddRoomType("DBL", "Double", 1)
            .Restrict("STE", TestHotel.Today, TestHotel.Today, new StayRestrictions { MinStay = 2 })));

        Assert.Contains("'STE'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Seeded_reservations_that_would_overbook_are_refused_at_build()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => InMemoryPms.Create(
            h => h.AddRoomType("DBL", "Double", 1).AddRatePlan("FLEX", "Flex", p => p.Price("DBL", 90m))
                .AddReservation(new ReservationDraft(TestHotel.Today, TestHotel.Today.AddDays(2), "DBL", "FLEX", new GuestProfile("First")))
                .AddReservation(new ReservationDraft(TestHotel.Today.AddDays(1), TestHotel.Today.AddDays(3), "DBL", "FLEX", new GuestProfile("Second"))),
            new FakeTimeProvider(TestHotel.Now)));

        Assert.IsType<PmsConflictException>(ex.InnerException);
        Assert.Contains("2030-06-11", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Seeded_reservations_that_hold_no_room_do_not_count_against_inventory()
    {
        var pms = InMemoryPms.Create(
            h => h.AddRoomType("DBL", "Double", 1).AddRatePlan("FLEX", "Flex", p => p.Price("DBL", 90m))
                .AddReservation(TestHotel.Draft(TestHotel.Today), ReservationStatus.Cancelled)
                .AddReservation(TestHotel.Draft(TestHotel.Today), ReservationStatus.Waitlisted)
                .AddReservation(TestHotel.Draft(TestHotel.Today), ReservationStatus.Confirmed),
            new FakeTimeProvider(TestHotel.Now));

        Assert.Equal(0, pms.GetAvailable("DBL", TestHotel.Today));
        Assert.NotNull(Assert.Single(pms.Reservations, r => r.Status == ReservationStatus.Cancelled).CancelledAt);
    }

    [Theory]
    [InlineData("W. Europe Standard Time")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    public void A_time_zone_that_is_not_IANA_is_refused(string timeZone)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => new InMemoryHotelBuilder().WithProperty("BER", "Berlin", timeZone, "EUR"));

        Assert.Equal("timeZone", ex.ParamName);
    }

    [Fact]
    public void An_unknown_currency_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new InMemoryHotelBuilder().WithProperty("BER", "Berlin", "Europe/Berlin", "EURO"));

        Assert.Equal("currency", ex.ParamName);
    }

    [Fact]
    public void Builder_arguments_are_checked_where_they_are_given()
    {
        var builder = new InMemoryHotelBuilder();

        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddRoomType("DBL", "Double", rooms: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddRoomType("DBL", "Double", rooms: 1, maxOccupancy: 0));
        Assert.Throws<ArgumentException>(() => builder.Restrict("DBL", TestHotel.Today, TestHotel.Today.AddDays(-1), StayRestrictions.None));
        Assert.Throws<ArgumentException>(() => builder.AddGuest(new GuestProfile(" ")));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddRatePlan("FLEX", "Flex", p => p.Price("DBL", -1m)));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddRatePlan("FLEX", "Flex", p => p.VatIncluded(101m)));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddRatePlan("FLEX", "Flex", p => p.FreeCancellation(-1, new TimeOnly(18, 0))));
    }

    private static async Task<List<Reservation>> List(IPmsConnector connector, ReservationQuery query)
    {
        var listed = new List<Reservation>();
        await foreach (var reservation in connector.GetReservationsAsync(query, Ct))
        {
            listed.Add(reservation);
        }

        return listed;
    }
}
