using HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;
using WireMock.RequestBuilders;
using static HotelPlatform.Connectors.Apaleo.Tests.Infrastructure.ApaleoHarness;

namespace HotelPlatform.Connectors.Apaleo.Tests.Connector;

/// <summary>Property, room types, rate plans, availability and quotes: the request Apaleo receives and what it maps to.</summary>
public sealed class CatalogTests
{
    [Fact]
    public async Task The_property_is_read_with_the_bearer_token_and_mapped_with_its_zone_and_currency()
    {
        await using var harness = Start();

        var property = await harness.Connector.GetPropertyAsync(Ct);

        Assert.Equal(new PmsProperty(PropertyId, "Hotel Munich", "Europe/Berlin", "EUR") { Code = PropertyId }, property);
        var request = Assert.Single(harness.Received($"/inventory/v1/properties/{PropertyId}"));
        Assert.Equal("Bearer " + AccessToken, request.Headers["Authorization"]);
        Assert.Equal((PmsVendors.Apaleo, PropertyId), (harness.Connector.Vendor, harness.Connector.PropertyId));
    }

    [Fact]
    public async Task Room_types_are_the_bedroom_unit_groups_read_page_by_page()
    {
        await using var harness = Start();
        var fullPage = string.Join(",", Enumerable.Range(1, 200).Select(i => $$"""{"id":"MUC-R{{i}}","code":"R{{i}}","name":"Room {{i}}","memberCount":1,"maxPersons":2}"""));
        harness.Sequence(
            () => Request.Create().WithPath("/inventory/v1/unit-groups").UsingGet(),
            Responses.Json($$"""{"unitGroups":[{{fullPage}}],"count":201}"""),
            Responses.Json("""{"unitGroups":[{"id":"MUC-DBL","code":"DBL","name":"Double","description":"Two beds","memberCount":12,"maxPersons":3}],"count":201}"""));

        var roomTypes = await harness.Connector.GetRoomTypesAsync(Ct);

        Assert.Equal(201, roomTypes.Count);
        Assert.Equal(new RoomType("MUC-DBL", "Double") { Code = "DBL", Description = "Two beds", MaxOccupancy = 3, RoomCount = 12 }, roomTypes[^1]);
        var requests = harness.Received("/inventory/v1/unit-groups");
        Assert.Equal(2, requests.Count);
        Assert.Equal(new Dictionary<string, string> { ["propertyId"] = PropertyId, ["unitGroupTypes"] = "BedRoom", ["pageNumber"] = "1", ["pageSize"] = "200" }, requests[0].Query);
        Assert.Equal("2", requests[1].Query["pageNumber"]);
    }

    [Fact]
    public async Task Rate_plans_carry_their_unit_group_and_the_property_currency()
    {
        await using var harness = Start();
        harness.Stub(
            Request.Create().WithPath("/rateplan/v1/rate-plans").UsingGet(),
            Responses.Json("""
                {"ratePlans":[{"id":"MUC-FLEX-DBL","code":"FLEX","name":"Flexible","unitGroup":{"id":"MUC-DBL"},
                  "cancellationPolicy":{"id":"MUC-FLEX","name":"Free until 18:00","description":"Cancel free of charge until 6 pm"},
                  "isBookable":true,"isSubjectToCityTax":false,"isDerived":false}],"count":1}
                """));

        var plan = Assert.Single(await harness.Connector.GetRatePlansAsync(Ct));

        Assert.Equal(("MUC-FLEX-DBL", "Flexible", "EUR", "MUC-DBL"), (plan.VendorId, plan.Name, plan.Currency, Assert.Single(plan.RoomTypeIds)));
        Assert.Equal("Free until 18:00", plan.CancellationPolicy?.Name);
        Assert.Equal(
            new Dictionary<string, string> { ["propertyId"] = PropertyId, ["pageNumber"] = "1", ["pageSize"] = "200" },
            Assert.Single(harness.Received("/rateplan/v1/rate-plans")).Query);
    }

    [Fact]
    public async Task Availability_asks_from_arrival_to_the_last_night_and_reads_sellable_counts()
    {
        await using var harness = Start();
        harness.Stub(
            Request.Create().WithPath("/availability/v1/unit-groups").UsingGet(),
            Responses.Json("""
                {"timeSlices":[
                  {"from":"2025-03-12T15:00:00+01:00","to":"2025-03-13T11:00:00+01:00","unitGroups":[{"unitGroup":{"id":"MUC-DBL"},"availableCount":0,"sellableCount":3}]},
                  {"from":"2025-03-13T15:00:00+01:00","to":"2025-03-14T11:00:00+01:00","unitGroups":[{"unitGroup":{"id":"MUC-DBL"},"availableCount":2,"sellableCount":-1}]}
                ],"count":2}
                """));

        var grid = await harness.Connector.GetAvailabilityAsync(new AvailabilityRequest(new DateOnly(2025, 3, 12), new DateOnly(2025, 3, 14)) { RoomTypeIds = ["MUC-DBL"] }, Ct);

        Assert.Equal([3, 0], grid["MUC-DBL"]!.Nights.Select(n => n.Available));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["propertyId"] = PropertyId, ["from"] = "2025-03-12", ["to"] = "2025-03-13", ["unitGroupIds"] = "MUC-DBL",
                ["pageNumber"] = "1", ["pageSize"] = "200",
            },
            Assert.Single(harness.Received("/availability/v1/unit-groups")).Query);
    }

    [Fact]
    public async Task A_quote_sends_the_stay_occupancy_and_channel_and_maps_nights_taxes_fees_and_cancellation()
    {
        await using var harness = Start();
        harness.Stub(
            Request.Create().WithPath("/booking/v1/offers").UsingGet(),
            Responses.Json("""
                {"property":{"id":"MUC"},"offers":[{
                  "arrival":"2025-03-12T15:00:00+01:00","departure":"2025-03-14T11:00:00+01:00",
                  "unitGroup":{"id":"MUC-DBL","name":"Double"},"ratePlan":{"id":"MUC-FLEX-DBL","name":"Flexible","isSubjectToCityTax":true},
                  "availableUnits":4,"totalGrossAmount":{"amount":240.0,"currency":"EUR"},
                  "timeSlices":[
                    {"from":"2025-03-12T15:00:00+01:00","to":"2025-03-13T11:00:00+01:00","totalGrossAmount":{"amount":110.0,"currency":"EUR"}},
                    {"from":"2025-03-13T15:00:00+01:00","to":"2025-03-14T11:00:00+01:00","totalGrossAmount":{"amount":130.0,"currency":"EUR"}}],
                  "taxDetails":[{"vatType":"Reduced","vatPercent":7.0,"net":{"amount":224.30,"currency":"EUR"},"tax":{"amount":15.70,"currency":"EUR"}}],
                  "fees":[{"id":"MUC-CLEAN","name":"Cleaning","totalAmount":{"grossAmount":20.0,"netAmount":16.81,"vatType":"Normal","vatPercent":19.0,"currency":"EUR"}}],
                  "cityTax":{"grossAmount":10.0,"netAmount":10.0,"vatType":"Without","vatPercent":0.0,"currency":"EUR"},
                  "cancellationFee":{"id":"MUC-FLEX","code":"FLEX","name":"Flexible","description":"Free until the day before","dueDateTime":"2025-03-11T18:00:00+01:00","fee":{"amount":110.0,"currency":"EUR"}},
                  "minGuaranteeType":"PM6Hold"
                }]}
                """));

        var quote = Assert.Single(await harness.Connector.QuoteAsync(new QuoteRequest(new DateOnly(2025, 3, 12), new DateOnly(2025, 3, 14), 2) { ChildrenAges = [7], RoomTypeIds = ["MUC-DBL"] }, Ct));

        Assert.Equal(new Money(260m, "EUR"), quote.Total);
        Assert.Equal([new NightlyRate(new DateOnly(2025, 3, 12), new Money(110m, "EUR")), new NightlyRate(new DateOnly(2025, 3, 13), new Money(130m, "EUR"))], quote.Nights);
        Assert.Equal(new Money(15.70m, "EUR"), Assert.Single(quote.Taxes).Amount);
        Assert.Equal(["Cleaning", "City tax"], quote.Fees.Select(f => f.Name));
        Assert.Equal(new DateTimeOffset(2025, 3, 11, 18, 0, 0, TimeSpan.FromHours(1)), quote.CancellationPolicy?.FreeCancellationUntil);
        Assert.Equal(4, quote.Available);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["propertyId"] = PropertyId, ["arrival"] = "2025-03-12", ["departure"] = "2025-03-14", ["adults"] = "2",
                ["childrenAges"] = "7", ["unitGroupIds"] = "MUC-DBL", ["channelCode"] = "Direct",
            },
            Assert.Single(harness.Received("/booking/v1/offers")).Query);
    }

    [Fact]
    public async Task No_offers_is_Apaleos_204_and_an_empty_list()
    {
        await using var harness = Start();
        harness.Stub(Request.Create().WithPath("/booking/v1/offers").UsingGet(), Responses.Status(204));

        Assert.Empty(await harness.Connector.QuoteAsync(new QuoteRequest(new DateOnly(2025, 3, 12), new DateOnly(2025, 3, 14), 2), Ct));
    }
}
