using HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;
using HotelPlatform.Connectors.Apaleo.Wire;
using WireMock.RequestBuilders;
using static HotelPlatform.Connectors.Apaleo.Tests.Infrastructure.ApaleoHarness;

namespace HotelPlatform.Connectors.Apaleo.Tests.Connector;

/// <summary>Guests (searched through reservations; no profiles) and extras (offers for a reservation, a stay, the catalogue).</summary>
public sealed class GuestAndExtrasTests
{
    private const string ServiceOffers = """
        {"services":[{"service":{"id":"MUC-BRKF","name":"Breakfast","description":"Buffet","pricingUnit":"Person","defaultGrossPrice":{"amount":15.0,"currency":"EUR"}},
          "count":2,"totalAmount":{"grossAmount":60.0,"netAmount":56.07,"vatType":"Reduced","vatPercent":7.0,"currency":"EUR"},
          "dates":[{"serviceDate":"2025-03-13","isDefaultDate":true,"isMandatory":false},{"serviceDate":"2025-03-14","isDefaultDate":true,"isMandatory":false}]}]}
        """;

    [Fact]
    public void Capabilities_say_there_are_no_guest_profiles_and_no_restrictions_but_everything_else()
    {
        Assert.Equal(
            ConnectorCapabilities.All & ~(ConnectorCapabilities.GuestProfiles | ConnectorCapabilities.UpsertGuest | ConnectorCapabilities.Restrictions),
            ApaleoCapabilities.Supported);
    }

    [Fact]
    public async Task Guest_profiles_are_not_supported_and_nothing_is_sent()
    {
        await using var harness = Start();

        var get = await Assert.ThrowsAsync<PmsNotSupportedException>(() => harness.Connector.GetGuestAsync("G-1", Ct));
        var upsert = await Assert.ThrowsAsync<PmsNotSupportedException>(() => harness.Connector.UpsertGuestAsync(new GuestProfile("Musterfrau"), Ct));

        Assert.Equal((ConnectorCapabilities.GuestProfiles, ConnectorCapabilities.UpsertGuest), (get.Capability, upsert.Capability));
        Assert.Equal(ApaleoCapabilities.Supported, harness.Connector.Capabilities);
        Assert.Empty(harness.Server.LogEntries);
    }

    [Fact]
    public async Task Guests_are_searched_in_the_propertys_reservations_newest_first_and_matched_exactly()
    {
        await using var harness = Start();
        var booker = ApaleoJson.Reservation("B-1", lastName: "Schmidt", email: "other@example.com");
        booker["booker"] = new System.Text.Json.Nodes.JsonObject { ["lastName"] = "Musterfrau", ["firstName"] = "Erika", ["email"] = "ERIKA@example.com" };
        harness.Stub(
            Request.Create().WithPath("/booking/v1/reservations").UsingGet(),
            Responses.Json(ApaleoJson.ReservationPage(
                ApaleoJson.Reservation("A-1", email: "erika@example.com"),
                booker,
                ApaleoJson.Reservation("C-1", email: "erika@example.com.au"))));

        var guests = await harness.Connector.SearchGuestsAsync(new GuestSearch { Email = "erika@example.com" }, Ct);

        Assert.Equal(["erika@example.com"], guests.Select(g => g.Email));
        Assert.All(guests, g => Assert.Null(g.VendorId));
        var query = Assert.Single(harness.Received("/booking/v1/reservations")).Query;
        Assert.Equal(("erika@example.com", "booker", "created:desc", "MUC"), (query["textSearch"], query["expand"], query["sort"], query["propertyIds"]));
    }

    [Fact]
    public async Task A_search_by_phone_alone_is_not_supported_by_Apaleos_text_search()
    {
        await using var harness = Start();

        var notSupported = await Assert.ThrowsAsync<PmsNotSupportedException>(() => harness.Connector.SearchGuestsAsync(new GuestSearch { Phone = "+49 89 1234567" }, Ct));

        Assert.Equal(ConnectorCapabilities.SearchGuests, notSupported.Capability);
        Assert.DoesNotContain("1234567", notSupported.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Received("/booking/v1/reservations"));
    }

    [Fact]
    public async Task A_search_reads_a_bounded_number_of_pages()
    {
        await using var harness = Start();
        var fullPage = ApaleoJson.ReservationPage([.. Enumerable.Range(0, ApaleoQueryValues.DefaultPageSize).Select(i => ApaleoJson.Reservation($"R{i}-1", lastName: "Meier", email: $"m{i}@example.com"))]);
        harness.Stub(Request.Create().WithPath("/booking/v1/reservations").UsingGet(), Responses.Json(fullPage));

        var guests = await harness.Connector.SearchGuestsAsync(new GuestSearch { LastName = "Müller" }, Ct);

        Assert.Empty(guests);
        Assert.Equal(ApaleoConnector.MaxGuestSearchPages, harness.Received("/booking/v1/reservations").Count);
    }

    [Fact]
    public async Task Extras_for_a_reservation_come_from_its_service_offers()
    {
        await using var harness = Start();
        harness.Stub(Request.Create().WithPath("/booking/v1/reservations/XPGMSXGF-1/service-offers").UsingGet(), Responses.Json(ServiceOffers));

        var offer = Assert.Single(await harness.Connector.GetServiceOffersAsync(ServiceOfferRequest.ForReservation("XPGMSXGF-1"), Ct));

        Assert.Equal(("MUC-BRKF", "Breakfast", new Money(15m, "EUR"), new Money(60m, "EUR"), ServicePricingUnit.PerPersonPerNight), (offer.ServiceId, offer.Name, offer.UnitPrice, offer.Total, offer.PricingUnit));
        Assert.Equal([new DateOnly(2025, 3, 13), new DateOnly(2025, 3, 14)], offer.AvailableDates);
        Assert.Equal("Direct", Assert.Single(harness.Received("/booking/v1/reservations/XPGMSXGF-1/service-offers")).Query["channelCode"]);
    }

    [Fact]
    public async Task Extras_for_a_stay_come_from_the_rate_plans_offers_or_without_a_rate_plan_from_the_catalogue()
    {
        await using var harness = Start();
        harness.Stub(Request.Create().WithPath("/booking/v1/service-offers").UsingGet(), Responses.Json(ServiceOffers));
        harness.Stub(
            Request.Create().WithPath("/rateplan/v1/services").UsingGet(),
            Responses.Json("""{"services":[{"id":"MUC-PARK","name":"Parking","defaultGrossPrice":{"amount":20.0,"currency":"EUR"},"pricingUnit":"Room"}],"count":1}"""));

        var withPlan = await harness.Connector.GetServiceOffersAsync(ServiceOfferRequest.ForStay(new DateOnly(2025, 3, 12), new DateOnly(2025, 3, 14), 2, "MUC-FLEX-DBL"), Ct);
        var catalogue = await harness.Connector.GetServiceOffersAsync(ServiceOfferRequest.ForStay(new DateOnly(2025, 3, 12), new DateOnly(2025, 3, 14)), Ct);

        Assert.Equal("MUC-BRKF", Assert.Single(withPlan).ServiceId);
        Assert.Equal(("MUC-PARK", new Money(20m, "EUR"), (Money?)null), (Assert.Single(catalogue).ServiceId, catalogue[0].UnitPrice, catalogue[0].Total));
        Assert.Equal(
            new Dictionary<string, string> { ["ratePlanId"] = "MUC-FLEX-DBL", ["arrival"] = "2025-03-12", ["departure"] = "2025-03-14", ["adults"] = "2", ["channelCode"] = "Direct" },
            Assert.Single(harness.Received("/booking/v1/service-offers")).Query);
        Assert.Equal(
            new Dictionary<string, string> { ["propertyId"] = PropertyId, ["onlySoldAsExtras"] = "true", ["channelCodes"] = "Direct", ["pageNumber"] = "1", ["pageSize"] = "200" },
            Assert.Single(harness.Received("/rateplan/v1/services")).Query);
    }
}
