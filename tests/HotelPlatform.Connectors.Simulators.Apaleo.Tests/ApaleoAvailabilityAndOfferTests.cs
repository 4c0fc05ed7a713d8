using System.Net;
using System.Text.Json.Nodes;

namespace HotelPlatform.Connectors.Simulators.Apaleo.Tests;

public sealed class ApaleoAvailabilityAndOfferTests : ApaleoTestBase
{
    private async Task<int> SellableAsync(string unitGroupId, DateOnly night)
    {
        using HttpResponseMessage response = await GetAsync($"/availability/v1/unit-groups?propertyId=BER&from={D(night)}&to={D(night)}&unitGroupIds={unitGroupId}");
        JsonNode body = await ReadJsonAsync(response);
        return Assert.Single(Assert.Single(body["timeSlices"]!.AsArray())!["unitGroups"]!.AsArray())!["sellableCount"]!.GetValue<int>();
    }

    [Fact]
    public async Task Availability_has_one_overnight_slice_per_day_both_days_included_with_counts_per_unit_group_and_property()
    {
        using HttpResponseMessage response = await GetAsync($"/availability/v1/unit-groups?propertyId=BER&from={D(Today)}&to={D(Today.AddDays(59))}");

        JsonNode body = await ReadJsonAsync(response);
        JsonArray slices = body["timeSlices"]!.AsArray();
        Assert.Equal(60, slices.Count);
        Assert.Equal(60, body["count"]!.GetValue<int>());
        Assert.Equal("2025-03-03T17:00:00+01:00", slices[0]!["from"]!.GetValue<string>());
        Assert.Equal("2025-03-04T11:00:00+01:00", slices[0]!["to"]!.GetValue<string>());

        // Tonight two double rooms are taken (the known guest arrives, the in-house guest stays); 11 units in all.
        JsonNode tonight = slices[0]!;
        JsonNode doubles = tonight["unitGroups"]!.AsArray().Single(g => g!["unitGroup"]!["id"]!.GetValue<string>() == Scenario.MainUnitGroupId)!;
        Assert.Equal(5, doubles["physicalCount"]!.GetValue<int>());
        Assert.Equal(2, doubles["soldCount"]!.GetValue<int>());
        Assert.Equal(3, doubles["sellableCount"]!.GetValue<int>());
        Assert.Equal(3, doubles["availableCount"]!.GetValue<int>());
        Assert.Equal("BedRoom", doubles["unitGroup"]!["type"]!.GetValue<string>());
        Assert.Equal(11, tonight["property"]!["physicalCount"]!.GetValue<int>());
        Assert.Equal(9, tonight["property"]!["sellableCount"]!.GetValue<int>());
        Assert.NotNull(doubles["maintenance"]);
        Assert.NotNull(doubles["block"]);

        // Every night of the window has at least three rooms to sell except the seeded sold-out night of the first unit group.
        Assert.All(slices, s => Assert.True(s!["property"]!["sellableCount"]!.GetValue<int>() >= 3));
        JsonNode soldOut = slices.Single(s => s!["from"]!.GetValue<string>().StartsWith(D(Scenario.SoldOut.Night), StringComparison.Ordinal))!;
        Assert.Equal(0, soldOut["unitGroups"]!.AsArray().Single(g => g!["unitGroup"]!["id"]!.GetValue<string>() == Scenario.SoldOut.UnitGroupId)!["sellableCount"]!.GetValue<int>());
        Assert.Empty(Apaleo.ValidationFailures);
    }

    [Fact]
    public async Task Availability_pages_over_time_slices_and_answers_204_past_the_end()
    {
        using HttpResponseMessage page2 = await GetAsync($"/availability/v1/unit-groups?propertyId=BER&from={D(Today)}&to={D(Today.AddDays(4))}&pageNumber=2&pageSize=2");
        using HttpResponseMessage page4 = await GetAsync($"/availability/v1/unit-groups?propertyId=BER&from={D(Today)}&to={D(Today.AddDays(4))}&pageNumber=4&pageSize=2");

        JsonNode body = await ReadJsonAsync(page2);
        Assert.Equal(2, body["timeSlices"]!.AsArray().Count);
        Assert.StartsWith(D(Today.AddDays(2)), body["timeSlices"]![0]!["from"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(5, body["count"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NoContent, page4.StatusCode);
    }

    [Fact]
    public async Task Availability_goes_down_when_booked_and_back_up_when_cancelled()
    {
        DateOnly arrival = Today.AddDays(20);
        int before = await SellableAsync(Scenario.MainUnitGroupId, arrival);

        string id = await BookAsync(arrival, arrival.AddDays(2));
        int booked = await SellableAsync(Scenario.MainUnitGroupId, arrival);
        int secondNight = await SellableAsync(Scenario.MainUnitGroupId, arrival.AddDays(1));
        using HttpResponseMessage cancel = await SendAsync(HttpMethod.Put, $"/booking/v1/reservation-actions/{id}/cancel");
        int after = await SellableAsync(Scenario.MainUnitGroupId, arrival);

        Assert.Equal(5, before);
        Assert.Equal(4, booked);
        Assert.Equal(4, secondNight);
        Assert.Equal(HttpStatusCode.NoContent, cancel.StatusCode);
        Assert.Equal(5, after);
        Assert.Equal(5, Apaleo.GetSellableCount(Scenario.MainUnitGroupId, arrival));
    }

    [Fact]
    public async Task Availability_refuses_a_reversed_range_and_an_unknown_property_with_422_and_missing_dates_strictly()
    {
        using HttpResponseMessage reversed = await GetAsync($"/availability/v1/unit-groups?propertyId=BER&from={D(Today.AddDays(3))}&to={D(Today)}");
        using HttpResponseMessage unknown = await GetAsync($"/availability/v1/unit-groups?propertyId=MUC&from={D(Today)}&to={D(Today)}");
        using HttpResponseMessage missing = await GetAsync($"/availability/v1/unit-groups?propertyId=BER&from={D(Today)}");
        using HttpResponseMessage dateTime = await GetAsync($"/availability/v1/unit-groups?propertyId=BER&from={D(Today)}T00:00:00Z&to={D(Today)}");

        await AssertMessagesAsync(reversed, "'to' must not be before 'from'");
        await AssertMessagesAsync(unknown, "Property 'MUC' not found.");
        await AssertRefusedAsync(missing, "query:to");
        await AssertRefusedAsync(dateTime, "query:from");
    }

    [Fact]
    public async Task An_offer_quotes_each_night_with_vat_city_tax_cancellation_and_no_show_fees()
    {
        // Arrival Friday 7 March for 2 nights: both weekend nights carry the surcharge.
        DateOnly arrival = new(2025, 3, 7);
        using HttpResponseMessage response = await GetAsync($"/booking/v1/offers?propertyId=BER&arrival={D(arrival)}&departure={D(arrival.AddDays(2))}&adults=2&channelCode=Direct&unitGroupIds={Scenario.MainUnitGroupId}");

        JsonNode body = await ReadJsonAsync(response);
        Assert.Equal("BER", body["property"]!["id"]!.GetValue<string>());
        JsonArray offers = body["offers"]!.AsArray();
        Assert.Equal([Scenario.FlexibleRatePlanId, Scenario.NonRefundableRatePlanId], offers.Select(o => o!["ratePlan"]!["id"]!.GetValue<string>()));

        JsonNode flexible = offers[0]!;
        Assert.Equal("2025-03-07T17:00:00+01:00", flexible["arrival"]!.GetValue<string>());
        Assert.Equal("2025-03-09T11:00:00+01:00", flexible["departure"]!.GetValue<string>());
        JsonArray nights = flexible["timeSlices"]!.AsArray();
        Assert.Equal(2, nights.Count);
        Assert.Equal(139m, nights[0]!["totalGrossAmount"]!["amount"]!.GetValue<decimal>());
        Assert.Equal(129.91m, nights[0]!["baseAmount"]!["netAmount"]!.GetValue<decimal>());
        Assert.Equal("Reduced", nights[0]!["baseAmount"]!["vatType"]!.GetValue<string>());
        Assert.Equal(278m, flexible["totalGrossAmount"]!["amount"]!.GetValue<decimal>());
        JsonNode tax = Assert.Single(flexible["taxDetails"]!.AsArray())!;
        Assert.Equal(7m, tax["vatPercent"]!.GetValue<decimal>());
        Assert.Equal(259.82m, tax["net"]!["amount"]!.GetValue<decimal>());
        Assert.Equal(18.18m, tax["tax"]!["amount"]!.GetValue<decimal>());
        Assert.Equal(19.49m, flexible["cityTax"]!["grossAmount"]!.GetValue<decimal>());
        Assert.Equal("2025-03-06T17:00:00+01:00", flexible["cancellationFee"]!["dueDateTime"]!.GetValue<string>());
        Assert.Equal(139m, flexible["cancellationFee"]!["fee"]!["amount"]!.GetValue<decimal>());
        Assert.Equal(139m, flexible["noShowFee"]!["fee"]!["amount"]!.GetValue<decimal>());
        Assert.Equal(0m, flexible["prePaymentAmount"]!["amount"]!.GetValue<decimal>());
        Assert.Equal(5, flexible["availableUnits"]!.GetValue<int>());
        Assert.False(flexible["isCorporate"]!.GetValue<bool>());

        JsonNode nonRefundable = offers[1]!;
        Assert.Equal(236.3m, nonRefundable["totalGrossAmount"]!["amount"]!.GetValue<decimal>());
        Assert.Equal(236.3m, nonRefundable["prePaymentAmount"]!["amount"]!.GetValue<decimal>());
        Assert.Equal(236.3m, nonRefundable["cancellationFee"]!["fee"]!["amount"]!.GetValue<decimal>());
        Assert.Equal("2025-03-03T08:00:00+00:00", nonRefundable["cancellationFee"]!["dueDateTime"]!.GetValue<string>());
        Assert.Equal("Prepayment", nonRefundable["minGuaranteeType"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_sold_out_night_and_the_restricted_arrival_are_not_offered_unless_unavailable_offers_are_asked_for()
    {
        DateOnly night = Scenario.SoldOut.Night;
        DateOnly restricted = Scenario.RestrictedArrival.Arrival;
        using HttpResponseMessage soldOut = await GetAsync($"/booking/v1/offers?propertyId=BER&arrival={D(night)}&departure={D(night.AddDays(1))}&adults=1&unitGroupIds={Scenario.SoldOut.UnitGroupId}");
        using HttpResponseMessage shown = await GetAsync($"/booking/v1/offers?propertyId=BER&arrival={D(night)}&departure={D(night.AddDays(1))}&adults=1&unitGroupIds={Scenario.SoldOut.UnitGroupId}&includeUnavailable=true");
        using HttpResponseMessage oneNight = await GetAsync($"/booking/v1/offers?propertyId=BER&arrival={D(restricted)}&departure={D(restricted.AddDays(1))}&adults=1&unitGroupIds={Scenario.MainUnitGroupId}");
        using HttpResponseMessage twoNights = await GetAsync($"/booking/v1/offers?propertyId=BER&arrival={D(restricted)}&departure={D(restricted.AddDays(2))}&adults=1&unitGroupIds={Scenario.MainUnitGroupId}");

        Assert.Equal(HttpStatusCode.NoContent, soldOut.StatusCode);
        JsonNode unavailable = await ReadJsonAsync(shown);
        Assert.All(unavailable["offers"]!.AsArray(), o =>
        {
            Assert.Equal(0, o!["availableUnits"]!.GetValue<int>());
            Assert.Equal("UnitGroupFullyBooked", o["validationMessages"]![0]!["code"]!.GetValue<string>());
        });
        Assert.Equal([Scenario.NonRefundableRatePlanId], (await ReadJsonAsync(oneNight))["offers"]!.AsArray().Select(o => o!["ratePlan"]!["id"]!.GetValue<string>()));
        Assert.Equal([Scenario.FlexibleRatePlanId, Scenario.NonRefundableRatePlanId], (await ReadJsonAsync(twoNights))["offers"]!.AsArray().Select(o => o!["ratePlan"]!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Occupancy_above_the_largest_room_gets_no_offer_and_children_count_as_persons()
    {
        using HttpResponseMessage five = await GetAsync($"/booking/v1/offers?propertyId=BER&arrival={D(Today.AddDays(3))}&departure={D(Today.AddDays(4))}&adults=5");
        using HttpResponseMessage family = await GetAsync($"/booking/v1/offers?propertyId=BER&arrival={D(Today.AddDays(3))}&departure={D(Today.AddDays(4))}&adults=2&childrenAges=4,9");

        Assert.Equal(HttpStatusCode.NoContent, five.StatusCode);
        Assert.Equal(["BER-STE"], (await ReadJsonAsync(family))["offers"]!.AsArray().Select(o => o!["unitGroup"]!["id"]!.GetValue<string>()).Distinct());
    }

    [Fact]
    public async Task Offers_refuse_business_mistakes_with_422_messages_and_wire_mistakes_strictly()
    {
        using HttpResponseMessage reversed = await GetAsync($"/booking/v1/offers?propertyId=BER&arrival={D(Today.AddDays(3))}&departure={D(Today.AddDays(1))}&adults=1");
        using HttpResponseMessage past = await GetAsync($"/booking/v1/offers?propertyId=BER&arrival={D(Today.AddDays(-2))}&departure={D(Today.AddDays(1))}&adults=1");
        using HttpResponseMessage noAdults = await GetAsync($"/booking/v1/offers?propertyId=BER&arrival={D(Today)}&departure={D(Today.AddDays(1))}&adults=0");
        using HttpResponseMessage missingAdults = await GetAsync($"/booking/v1/offers?propertyId=BER&arrival={D(Today)}&departure={D(Today.AddDays(1))}");
        using HttpResponseMessage badChannel = await GetAsync($"/booking/v1/offers?propertyId=BER&arrival={D(Today)}&departure={D(Today.AddDays(1))}&adults=1&channelCode=direct");
        using HttpResponseMessage fractional = await GetAsync($"/booking/v1/offers?propertyId=BER&arrival={D(Today)}T17:00:00.5Z&departure={D(Today.AddDays(1))}&adults=1");
        using HttpResponseMessage badAge = await GetAsync($"/booking/v1/offers?propertyId=BER&arrival={D(Today)}&departure={D(Today.AddDays(1))}&adults=1&childrenAges=4,x");
        using HttpResponseMessage repeatedAges = await GetAsync($"/booking/v1/offers?propertyId=BER&arrival={D(Today)}&departure={D(Today.AddDays(1))}&adults=1&childrenAges=4&childrenAges=6");
        using HttpResponseMessage oldChild = await GetAsync($"/booking/v1/offers?propertyId=BER&arrival={D(Today)}&departure={D(Today.AddDays(1))}&adults=1&childrenAges=18");

        await AssertMessagesAsync(reversed, "must be later than the arrival");
        await AssertMessagesAsync(past, "is in the past");
        await AssertMessagesAsync(noAdults, "At least one adult");
        await AssertRefusedAsync(missingAdults, "query:adults");
        await AssertRefusedAsync(badChannel, "query:channelCode");
        await AssertRefusedAsync(fractional, "query:arrival");
        await AssertRefusedAsync(badAge, "query:childrenAges");
        await AssertRefusedAsync(repeatedAges, "query:childrenAges");
        await AssertMessagesAsync(oldChild, "between 0 and 17");
    }

    [Fact]
    public async Task Arrival_and_departure_may_be_date_times_with_an_offset()
    {
        using HttpResponseMessage response = await GetAsync($"/booking/v1/offers?propertyId=BER&arrival={D(Today.AddDays(3))}T18:00:00%2B01:00&departure={D(Today.AddDays(4))}T10:00:00Z&adults=1&unitGroupIds=BER-SGL");

        JsonNode body = await ReadJsonAsync(response);
        Assert.All(body["offers"]!.AsArray(), o => Assert.Single(o!["timeSlices"]!.AsArray()));
        Assert.Empty(Apaleo.ValidationFailures);
    }

    [Fact]
    public async Task Service_offers_list_breakfast_from_the_morning_after_arrival_priced_per_person()
    {
        DateOnly arrival = Today.AddDays(5);
        using HttpResponseMessage response = await GetAsync($"/booking/v1/service-offers?ratePlanId={Scenario.FlexibleRatePlanId}&arrival={D(arrival)}&departure={D(arrival.AddDays(2))}&adults=2");
        using HttpResponseMessage all = await GetAsync($"/booking/v1/service-offers?ratePlanId={Scenario.FlexibleRatePlanId}&arrival={D(arrival)}&departure={D(arrival.AddDays(2))}&adults=2&onlyDefaultDates=false");
        using HttpResponseMessage unknownPlan = await GetAsync($"/booking/v1/service-offers?ratePlanId=BER-NOPE&arrival={D(arrival)}&departure={D(arrival.AddDays(2))}&adults=2");

        JsonNode body = await ReadJsonAsync(response);
        JsonNode breakfast = body["services"]!.AsArray().Single(s => s!["service"]!["id"]!.GetValue<string>() == Scenario.BreakfastServiceId)!;
        Assert.Equal(2, breakfast["count"]!.GetValue<int>());
        Assert.Equal([D(arrival.AddDays(1)), D(arrival.AddDays(2))], breakfast["dates"]!.AsArray().Select(d => d!["serviceDate"]!.GetValue<string>()));
        Assert.Equal(78m, breakfast["totalAmount"]!["grossAmount"]!.GetValue<decimal>());
        Assert.Equal(39m, breakfast["dates"]![0]!["amount"]!["grossAmount"]!.GetValue<decimal>());
        JsonNode everyDay = (await ReadJsonAsync(all))["services"]!.AsArray().Single(s => s!["service"]!["id"]!.GetValue<string>() == Scenario.BreakfastServiceId)!;
        Assert.Equal(3, everyDay["dates"]!.AsArray().Count);
        Assert.False(everyDay["dates"]![0]!["isDefaultDate"]!.GetValue<bool>());
        await AssertMessagesAsync(unknownPlan, "Rate plan 'BER-NOPE' not found.");
    }
}
