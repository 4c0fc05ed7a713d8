namespace HotelPlatform.Connectors.InMemory;

/// <summary>The deterministic demo hotel of <see cref="InMemoryHotelBuilder.WithDemoData"/>: the same date and currency give the same data.</summary>
internal static class DemoHotel
{
    public static InMemoryHotelBuilder Seed(DateOnly today, string currency)
    {
        // Prices read naturally in two-decimal currencies; in a currency without minor units (JPY, KRW, ...) they are
        // scaled so that a demo room does not cost 120 yen.
        var scale = CurrencyPrecision.Decimals(currency) == 0 ? 100m : 1m;
        var standard = 120m * scale;
        var single = 90m * scale;
        var family = 180m * scale;
        var suite = 260m * scale;

        var builder = new InMemoryHotelBuilder()
            .AddRoomType("STD", "Standard double room", rooms: 12, maxOccupancy: 2, "A quiet double room with a queen-size bed.")
            .AddRoomType("SGL", "Single room", rooms: 6, maxOccupancy: 1, "A compact room with a single bed.")
            .AddRoomType("FAM", "Family room", rooms: 4, maxOccupancy: 4, "A double bed and two single beds.")
            .AddRoomType("STE", "Suite", rooms: 2, maxOccupancy: 3, "A bedroom and a separate living room.")
            .AddRatePlan("FLEX", "Flexible rate", plan => Priced(plan, standard, single, family, suite, 1.00m)
                .WithDescription("Free cancellation until 18:00 the day before arrival.")
                .FreeCancellation(daysBeforeArrival: 1, until: new TimeOnly(18, 0)))
            .AddRatePlan("NONREF", "Non-refundable rate", plan => Priced(plan, standard, single, family, suite, 0.90m)
                .WithDescription("10 % off; paid at booking, no refund.")
                .NonRefundable())
            .AddRatePlan("CORP", "Corporate rate", plan => Priced(plan, standard, single, family, suite, 0.85m)
                .WithDescription("For corporate clients; free cancellation until 12:00 on the arrival day.")
                .RequirePromoCode("CORPORATE")
                .FreeCancellation(daysBeforeArrival: 0, until: new TimeOnly(12, 0)))
            .AddService("BRKF", "Breakfast buffet", 18m * scale, ServicePricingUnit.PerPersonPerNight, "Served 6:30 to 10:30.")
            .AddService("PARK", "Parking", 15m * scale, ServicePricingUnit.PerNight, "Underground garage, one car.")
            .AddService("LATE", "Late check-out", 30m * scale, ServicePricingUnit.PerStay, "Keep the room until 14:00.")
            .AddGuest(new GuestProfile("Schmidt") { VendorId = "G-DEMO-1", FirstName = "Anna", Email = "anna.schmidt@example.com", Phone = "+49 30 5550101", Language = "de", NationalityCountryCode = "DE", Consents = GuestConsents.MarketingEmail | GuestConsents.Newsletter })
            .AddGuest(new GuestProfile("Dubois") { VendorId = "G-DEMO-2", FirstName = "Louis", Email = "louis.dubois@example.com", Phone = "+33 1 5550102", Language = "fr", NationalityCountryCode = "FR" })
            .AddGuest(new GuestProfile("Tanaka") { VendorId = "G-DEMO-3", FirstName = "Yuki", Email = "yuki.tanaka@example.com", Phone = "+81 3 5550103", Language = "ja", NationalityCountryCode = "JP" });

        var schmidt = new GuestProfile("Schmidt") { VendorId = "G-DEMO-1", FirstName = "Anna", Email = "anna.schmidt@example.com", Phone = "+49 30 5550101" };
        var dubois = new GuestProfile("Dubois") { VendorId = "G-DEMO-2", FirstName = "Louis", Email = "louis.dubois@example.com", Phone = "+33 1 5550102" };
        var tanaka = new GuestProfile("Tanaka") { VendorId = "G-DEMO-3", FirstName = "Yuki", Email = "yuki.tanaka@example.com", Phone = "+81 3 5550103" };
        return builder
            .AddReservation(new ReservationDraft(today, today.AddDays(2), "STD", "FLEX", schmidt) { Adults = 2, ClientReference = "demo-arrival-1" })
            .AddReservation(new ReservationDraft(today, today.AddDays(3), "FAM", "NONREF", new GuestProfile("Novak") { FirstName = "Petra" }) { Adults = 2, ChildrenAges = [6, 9], ClientReference = "demo-arrival-2" })
            .AddReservation(new ReservationDraft(today.AddDays(-1), today.AddDays(2), "STE", "FLEX", tanaka) { ClientReference = "demo-in-house" }, ReservationStatus.InHouse)
            .AddReservation(new ReservationDraft(today.AddDays(-2), today, "SGL", "FLEX", dubois) { ClientReference = "demo-departure" }, ReservationStatus.InHouse)
            .AddReservation(new ReservationDraft(today.AddDays(7), today.AddDays(9), "STD", "FLEX", new GuestProfile("Rossi") { FirstName = "Marco" }) { ClientReference = "demo-cancelled" }, ReservationStatus.Cancelled)
            .AddReservation(new ReservationDraft(today.AddDays(14), today.AddDays(16), "STD", "NONREF", new GuestProfile("Jensen") { FirstName = "Mette" }) { Adults = 2, ClientReference = "demo-channel" }, ReservationStatus.Confirmed, "BDC-1000001");
    }

    private static InMemoryRatePlanBuilder Priced(InMemoryRatePlanBuilder plan, decimal standard, decimal single, decimal family, decimal suite, decimal factor) =>
        plan.Price("STD", night => Nightly(standard, factor, night))
            .Price("SGL", night => Nightly(single, factor, night))
            .Price("FAM", night => Nightly(family, factor, night))
            .Price("STE", night => Nightly(suite, factor, night))
            .VatIncluded(7m)
            .Fee("City tax", 5m, InMemoryFeeBasis.PercentOfNetRoomRate);

    /// <summary>Friday and Saturday nights cost 20 % more: a deterministic price calendar that still varies by night.</summary>
    private static decimal? Nightly(decimal basePrice, decimal factor, DateOnly night) =>
        decimal.Round(basePrice * factor * (night.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday ? 1.2m : 1m), 2);
}
