using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace HotelPlatform.Connectors.Simulators.Apaleo.Tests;

/// <summary>rateplan-v1 rates: <c>GET</c> and <c>PUT /rateplan/v1/rate-plans/{id}/rates</c>, and offers selling from what was put.</summary>
public sealed class ApaleoRateTests : ApaleoTestBase
{
    private string Flexible => Scenario.FlexibleRatePlanId;

    private string RatesPath(string ratePlanId) => $"/rateplan/v1/rate-plans/{ratePlanId}/rates";

    [Fact]
    public async Task Rates_are_one_time_slice_per_night_from_check_in_to_the_next_check_out_with_the_seeded_price_and_minimum_stay()
    {
        DateOnly arrival = Scenario.RestrictedArrival.Arrival;

        JsonArray rates = await RatesAsync(Scenario.RestrictedArrival.RatePlanId, arrival, arrival.AddDays(2));

        Assert.Equal(2, rates.Count);
        Assert.Equal($"{D(arrival)}T17:00:00+01:00", rates[0]!["from"]!.GetValue<string>());
        Assert.Equal($"{D(arrival.AddDays(1))}T11:00:00+01:00", rates[0]!["to"]!.GetValue<string>());
        Assert.True(rates[0]!["price"]!["amount"]!.GetValue<decimal>() > 0);
        Assert.Equal("EUR", rates[0]!["price"]!["currency"]!.GetValue<string>());
        Assert.Equal(Scenario.RestrictedArrival.MinLengthOfStay, rates[0]!["restrictions"]!["minLengthOfStay"]!.GetValue<int>());
        Assert.Null(rates[1]!["restrictions"]!["minLengthOfStay"]);
        Assert.False(rates[1]!["restrictions"]!["closed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_put_rate_is_read_back_and_sold_by_the_offers_and_a_closed_night_is_not_offered()
    {
        DateOnly night = Today.AddDays(20);
        JsonNode rate = (await RatesAsync(Flexible, night, night.AddDays(1)))[0]!;
        string body = Body(rate, amount: 150m, currency: "EUR", restrictions: """{ "closed": false, "closedOnArrival": false, "closedOnDeparture": false }""");

        using HttpResponseMessage put = await SendAsync(HttpMethod.Put, RatesPath(Flexible), body);
        JsonArray after = await RatesAsync(Flexible, night, night.AddDays(1));
        decimal offered = await OfferTotalAsync(night);
        using HttpResponseMessage close = await SendAsync(HttpMethod.Put, RatesPath(Flexible), Body(rate, amount: 150m, currency: "EUR", restrictions: """{ "closed": true, "closedOnArrival": false, "closedOnDeparture": false }"""));
        using HttpResponseMessage offers = await GetAsync($"/booking/v1/offers?propertyId=BER&arrival={D(night)}&departure={D(night.AddDays(1))}&adults=1&unitGroupIds={Scenario.MainUnitGroupId}");

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.Equal(150m, after[0]!["price"]!["amount"]!.GetValue<decimal>());
        Assert.Equal(150m, offered);
        Assert.Equal(HttpStatusCode.NoContent, close.StatusCode);
        JsonNode open = await ReadJsonAsync(offers);
        Assert.DoesNotContain(open["offers"]!.AsArray(), o => o!["ratePlan"]!["id"]!.GetValue<string>() == Flexible);
    }

    [Fact]
    public async Task A_put_off_the_time_slice_or_in_another_currency_is_refused_422_whole_and_an_unknown_rate_plan_is_404()
    {
        DateOnly night = Today.AddDays(20);
        JsonNode rate = (await RatesAsync(Flexible, night, night.AddDays(1)))[0]!;
        decimal before = rate["price"]!["amount"]!.GetValue<decimal>();
        string offSlice = $$"""{ "rates": [ { "from": "{{D(night)}}T00:00:00+01:00", "to": "{{D(night.AddDays(1))}}T00:00:00+01:00", "price": { "amount": 1, "currency": "EUR" } } ] }""";

        using HttpResponseMessage misplaced = await SendAsync(HttpMethod.Put, RatesPath(Flexible), offSlice);
        using HttpResponseMessage foreign = await SendAsync(HttpMethod.Put, RatesPath(Flexible), Body(rate, amount: 1m, currency: "USD"));
        using HttpResponseMessage unknown = await SendAsync(HttpMethod.Put, RatesPath("BER-NOPE-DBL"), Body(rate, amount: 1m, currency: "EUR"));

        JsonNode misplacedBody = await ReadJsonAsync(misplaced, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("time slice", misplacedBody["messages"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        JsonNode foreignBody = await ReadJsonAsync(foreign, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("USD", foreignBody["messages"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(before, (await RatesAsync(Flexible, night, night.AddDays(1)))[0]!["price"]!["amount"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task A_minimum_length_of_stay_below_one_is_refused_as_the_spec_sets_minimum_1()
    {
        DateOnly night = Today.AddDays(20);
        JsonNode rate = (await RatesAsync(Flexible, night, night.AddDays(1)))[0]!;

        using HttpResponseMessage response = await SendAsync(HttpMethod.Put, RatesPath(Flexible), Body(rate, amount: 90m, currency: "EUR", restrictions: """{ "minLengthOfStay": 0, "closed": false, "closedOnArrival": false, "closedOnDeparture": false }"""));

        Assert.False(response.IsSuccessStatusCode);
        Assert.Contains("minLengthOfStay", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.NotEqual(90m, (await RatesAsync(Flexible, night, night.AddDays(1)))[0]!["price"]!["amount"]!.GetValue<decimal>());
    }

    private static string Body(JsonNode rate, decimal amount, string currency, string? restrictions = null) =>
        $$"""{ "rates": [ { "from": "{{rate["from"]!.GetValue<string>()}}", "to": "{{rate["to"]!.GetValue<string>()}}", "price": { "amount": {{amount.ToString(CultureInfo.InvariantCulture)}}, "currency": "{{currency}}" }{{(restrictions is null ? string.Empty : ", \"restrictions\": " + restrictions)}} } ] }""";

    private async Task<JsonArray> RatesAsync(string ratePlanId, DateOnly from, DateOnly to)
    {
        using HttpResponseMessage response = await GetAsync($"{RatesPath(ratePlanId)}?from={D(from)}&to={D(to)}");
        return (await ReadJsonAsync(response))["rates"]!.AsArray();
    }

    private async Task<decimal> OfferTotalAsync(DateOnly night)
    {
        using HttpResponseMessage response = await GetAsync($"/booking/v1/offers?propertyId=BER&arrival={D(night)}&departure={D(night.AddDays(1))}&adults=1&unitGroupIds={Scenario.MainUnitGroupId}");
        JsonNode body = await ReadJsonAsync(response);
        return body["offers"]!.AsArray().Single(o => o!["ratePlan"]!["id"]!.GetValue<string>() == Flexible)!["totalGrossAmount"]!["amount"]!.GetValue<decimal>();
    }
}
