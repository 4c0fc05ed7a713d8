namespace HotelPlatform.Connectors.InMemory.Tests;

public sealed class GuestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static TestHotel Hotel() => TestHotel.Create(h => h
        .AddGuest(new GuestProfile("Müller") { VendorId = "G-1", FirstName = "Jürgen", Email = "j.mueller@example.com", Phone = "+49 30 123-4567" })
        .AddGuest(new GuestProfile("Muller") { VendorId = "G-2", FirstName = "Anne", Email = "anne@example.com" })
        .AddGuest(new GuestProfile("Smith") { VendorId = "G-3", FirstName = "Jo", Phone = "+44 20 7946 0000" }));

    [Fact]
    public async Task Search_by_email_is_exact_and_ignores_case()
    {
        var hotel = Hotel();

        Assert.Equal(new[] { "G-1" }, (await hotel.Connector.SearchGuestsAsync(new GuestSearch { Email = "J.Mueller@Example.com" }, Ct)).Select(g => g.VendorId));
        Assert.Empty(await hotel.Connector.SearchGuestsAsync(new GuestSearch { Email = "mueller@example.com" }, Ct));
    }

    [Fact]
    public async Task Search_by_phone_ignores_formatting()
    {
        var hotel = Hotel();

        Assert.Equal(new[] { "G-1" }, (await hotel.Connector.SearchGuestsAsync(new GuestSearch { Phone = "+49301234567" }, Ct)).Select(g => g.VendorId));
        Assert.Equal(new[] { "G-3" }, (await hotel.Connector.SearchGuestsAsync(new GuestSearch { Phone = "+44 (20) 7946-0000" }, Ct)).Select(g => g.VendorId));
        Assert.Empty(await hotel.Connector.SearchGuestsAsync(new GuestSearch { Phone = "+49 30 123-4568" }, Ct));
    }

    [Fact]
    public async Task Search_by_name_ignores_case_and_accents_and_the_first_name_narrows_it()
    {
        var hotel = Hotel();

        var both = await hotel.Connector.SearchGuestsAsync(new GuestSearch { LastName = "MULLER" }, Ct);
        var narrowed = await hotel.Connector.SearchGuestsAsync(new GuestSearch { LastName = "müller", FirstName = "jurgen" }, Ct);
        var limited = await hotel.Connector.SearchGuestsAsync(new GuestSearch { LastName = "Muller", MaxResults = 1 }, Ct);

        Assert.Equal(new[] { "G-1", "G-2" }, both.Select(g => g.VendorId));
        Assert.Equal(new[] { "G-1" }, narrowed.Select(g => g.VendorId));
        Assert.Single(limited);
    }

    [Fact]
    public async Task Criteria_combine_so_an_email_and_a_wrong_name_find_nobody()
    {
        var hotel = Hotel();

        Assert.Empty(await hotel.Connector.SearchGuestsAsync(new GuestSearch { Email = "anne@example.com", LastName = "Smith" }, Ct));
    }

    [Fact]
    public async Task Upsert_creates_then_replaces_the_whole_profile()
    {
        var hotel = Hotel();

        var created = await hotel.Connector.UpsertGuestAsync(new GuestProfile("Rossi") { FirstName = "Marco", Phone = "+39 06 555", Consents = GuestConsents.Newsletter }, Ct);
        var replaced = await hotel.Connector.UpsertGuestAsync(new GuestProfile("Rossi") { VendorId = created.VendorId, Email = "marco@example.com" }, Ct);
        var read = await hotel.Connector.GetGuestAsync(created.VendorId!, Ct);

        Assert.Equal("G000001", created.VendorId);
        Assert.Equal(replaced, read);
        Assert.Null(read.FirstName);
        Assert.Null(read.Phone);
        Assert.Equal(GuestConsents.None, read.Consents);
        Assert.Equal("marco@example.com", read.Email);
    }

    [Fact]
    public async Task Upserting_or_getting_an_unknown_guest_id_is_PmsNotFoundException()
    {
        var hotel = Hotel();

        var upsert = await Assert.ThrowsAsync<PmsNotFoundException>(() => hotel.Connector.UpsertGuestAsync(new GuestProfile("Ghost") { VendorId = "G-404" }, Ct));
        var get = await Assert.ThrowsAsync<PmsNotFoundException>(() => hotel.Connector.GetGuestAsync("G-404", Ct));

        Assert.Equal(("Guest", "G-404"), (upsert.EntityType, upsert.EntityId));
        Assert.Equal("Guest", get.EntityType);
        Assert.Equal(3, hotel.Pms.Guests.Count);
    }

    [Fact]
    public async Task A_booking_for_a_new_guest_makes_a_searchable_profile_and_one_for_a_known_guest_does_not()
    {
        var hotel = Hotel();
        var newcomer = TestHotel.Draft(TestHotel.Today.AddDays(1), lastName: "Okafor") with { PrimaryGuest = new GuestProfile("Okafor") { Email = "ada@example.com" } };
        var regular = TestHotel.Draft(TestHotel.Today.AddDays(1)) with { PrimaryGuest = new GuestProfile("Smith") { VendorId = "G-3" } };

        var first = await hotel.Connector.CreateReservationAsync(newcomer, Ct);
        var second = await hotel.Connector.CreateReservationAsync(regular, Ct);

        var found = Assert.Single(await hotel.Connector.SearchGuestsAsync(new GuestSearch { Email = "ada@example.com" }, Ct));
        Assert.Equal(first.PrimaryGuest.VendorId, found.VendorId);
        Assert.Equal("G-3", second.PrimaryGuest.VendorId);
        Assert.Equal(4, hotel.Pms.Guests.Count);
    }

    [Fact]
    public async Task Guest_data_stays_out_of_logged_records()
    {
        var hotel = Hotel();

        var guest = await hotel.Connector.GetGuestAsync("G-1", Ct);

        Assert.DoesNotContain("Müller", guest.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(hotel.Pms.Operations, o => o.ToString().Contains("example.com", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Offers_price_extras_for_a_stay_or_for_a_booked_reservation()
    {
        var hotel = Hotel();
        var arrival = TestHotel.Today.AddDays(1);
        var booked = await hotel.Connector.CreateReservationAsync(TestHotel.Draft(arrival, nights: 2, roomTypeId: "STE") with { Adults = 3 }, Ct);

        var forStay = await hotel.Connector.GetServiceOffersAsync(ServiceOfferRequest.ForStay(arrival, arrival.AddDays(3), adults: 2), Ct);
        var forReservation = await hotel.Connector.GetServiceOffersAsync(ServiceOfferRequest.ForReservation(booked.VendorId), Ct);

        var breakfast = forStay.Single(o => o.ServiceId == "BRKF");
        Assert.Equal(new Money(120m, "EUR"), breakfast.Total); // 20 x 2 persons x 3 nights
        Assert.Equal(ServicePricingUnit.PerPersonPerNight, breakfast.PricingUnit);
        Assert.Equal(new[] { arrival, arrival.AddDays(1), arrival.AddDays(2) }, breakfast.AvailableDates);
        Assert.Equal(new Money(30m, "EUR"), forStay.Single(o => o.ServiceId == "LATE").Total);
        Assert.Empty(forStay.Single(o => o.ServiceId == "LATE").AvailableDates);
        Assert.Equal(new Money(120m, "EUR"), forReservation.Single(o => o.ServiceId == "BRKF").Total); // 20 x 3 persons x 2 nights
        await Assert.ThrowsAsync<PmsNotFoundException>(() => hotel.Connector.GetServiceOffersAsync(ServiceOfferRequest.ForReservation("R404"), Ct));
    }
}
