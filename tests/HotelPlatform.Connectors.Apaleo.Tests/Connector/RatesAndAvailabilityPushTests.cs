using System.Text.Json.Nodes;
using HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;
using HotelPlatform.Connectors.Bulk;
using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.Apaleo;

namespace HotelPlatform.Connectors.Apaleo.Tests.Connector;

/// <summary>
/// The connector's <see cref="IPmsRatesAndAvailabilityPush"/> against the Apaleo simulator on loopback: prices and
/// restrictions go through <c>GET</c>/<c>PUT /rateplan/v1/rate-plans/{id}/rates</c> and the connector's own quotes sell
/// from them; what Apaleo cannot hold is refused before any request.
/// </summary>
public sealed class RatesAndAvailabilityPushTests : IAsyncLifetime
{
    private const string Hotel = "apaleo-push";
    private const string RatesPath = "/rateplan/v1/rate-plans/{0}/rates";

    private SimulatedApaleoHotels _hotels = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ApaleoSimulator Simulator => _hotels.Simulator(Hotel);

    private ApaleoScenario Scenario => Simulator.Scenario;

    private IPmsConnector Connector => _hotels.Connector(Hotel);

    private IPmsRatesAndAvailabilityPush Push => Connector.GetRequiredService<IPmsRatesAndAvailabilityPush>();

    private string Room => Scenario.MainUnitGroupId;

    private string Flexible => Scenario.FlexibleRatePlanId;

    /// <summary>Three weeks ahead: clear of the seeded restricted arrival (two weeks ahead) and of the sold-out unit group.</summary>
    private DateOnly Arrival => Scenario.Today.AddDays(21);

    public async ValueTask InitializeAsync() => _hotels = await SimulatedApaleoHotels.StartAsync(Ct, Hotel, "apaleo-push-2");

    public ValueTask DisposeAsync() => _hotels.DisposeAsync();

    [Fact]
    public void The_push_takes_restrictions_and_rates_but_not_availability()
    {
        Assert.Equal(PmsPushParts.Restrictions | PmsPushParts.Rates, Push.Parts);
    }

    [Fact]
    public async Task A_pushed_rate_is_what_a_quote_of_the_stay_totals()
    {
        var result = await Push.PushAsync(Rates(Arrival, nights: 3, amount: 123.45m), Ct);

        var quote = await FlexibleQuoteAsync(Arrival, Arrival.AddDays(3));
        Assert.NotNull(quote);
        Assert.Equal(3 * 123.45m, quote.Total.Amount);
        Assert.All(quote.Nights, n => Assert.Equal(123.45m, n.Amount.Amount));
        Assert.Equal(1, result.Requests);
        Assert.Single(Puts(Flexible));
    }

    [Fact]
    public async Task A_closed_night_is_not_sold_to_a_stay_through_it_but_the_other_rate_plan_still_is()
    {
        await Push.PushAsync(Restrictions(new PmsRestrictionValue(Room, Flexible, Arrival.AddDays(1)) { Closed = true }), Ct);

        var quotes = await Connector.QuoteAsync(new QuoteRequest(Arrival, Arrival.AddDays(3), 1) { RoomTypeIds = [Room] }, Ct);

        Assert.DoesNotContain(quotes, q => q.RatePlanId == Flexible);
        Assert.Contains(quotes, q => q.RatePlanId == Scenario.NonRefundableRatePlanId);
        Assert.NotNull(await FlexibleQuoteAsync(Arrival.AddDays(2), Arrival.AddDays(4)));
    }

    [Fact]
    public async Task A_minimum_stay_refuses_a_shorter_stay_and_a_maximum_stay_a_longer_one()
    {
        await Push.PushAsync(Restrictions(new PmsRestrictionValue(Room, Flexible, Arrival) { MinStay = 3, MaxStay = 4 }), Ct);

        Assert.Null(await FlexibleQuoteAsync(Arrival, Arrival.AddDays(2)));
        Assert.NotNull(await FlexibleQuoteAsync(Arrival, Arrival.AddDays(3)));
        Assert.NotNull(await FlexibleQuoteAsync(Arrival, Arrival.AddDays(4)));
        Assert.Null(await FlexibleQuoteAsync(Arrival, Arrival.AddDays(5)));
        Assert.NotNull(await FlexibleQuoteAsync(Arrival.AddDays(1), Arrival.AddDays(2)));
    }

    [Fact]
    public async Task Closed_to_arrival_and_to_departure_refuse_only_the_stays_arriving_or_leaving_that_day()
    {
        await Push.PushAsync(
            Restrictions(
                new PmsRestrictionValue(Room, Flexible, Arrival) { ClosedToArrival = true },
                new PmsRestrictionValue(Room, Flexible, Arrival.AddDays(4)) { ClosedToDeparture = true }),
            Ct);

        Assert.Null(await FlexibleQuoteAsync(Arrival, Arrival.AddDays(2)));
        Assert.NotNull(await FlexibleQuoteAsync(Arrival.AddDays(-1), Arrival.AddDays(2)));
        Assert.Null(await FlexibleQuoteAsync(Arrival.AddDays(1), Arrival.AddDays(4)));
        Assert.NotNull(await FlexibleQuoteAsync(Arrival.AddDays(1), Arrival.AddDays(5)));
    }

    [Fact]
    public async Task A_restriction_pushed_after_a_rate_keeps_the_rate_and_an_unchanged_push_sends_no_write()
    {
        await Push.PushAsync(Rates(Arrival, nights: 1, amount: 99m), Ct);
        await Push.PushAsync(Restrictions(new PmsRestrictionValue(Room, Flexible, Arrival) { MinStay = 1 }), Ct);
        var putsBefore = Puts(Flexible).Count;

        var again = await Push.PushAsync(Rates(Arrival, nights: 1, amount: 99m), Ct);

        var rate = (await RatesAsync(Flexible, Arrival, Arrival.AddDays(1)))[0]!;
        Assert.Equal(99m, rate["price"]!["amount"]!.GetValue<decimal>());
        Assert.Equal(1, rate["restrictions"]!["minLengthOfStay"]!.GetValue<int>());
        Assert.Equal(0, again.Requests);
        Assert.Equal(putsBefore, Puts(Flexible).Count);
    }

    [Fact]
    public async Task A_push_of_more_nights_than_one_write_carries_is_split_into_writes_of_200()
    {
        var result = await Push.PushAsync(Rates(Arrival, nights: 201, amount: 80m), Ct);

        var puts = Puts(Flexible);
        Assert.Equal(2, result.Requests);
        Assert.Equal(2, puts.Count);
        Assert.All(puts, p => Assert.False(p.BodyTruncated));
        Assert.Equal([200, 1], puts.Select(p => JsonNode.Parse(p.Body)!["rates"]!.AsArray().Count));
        Assert.Equal(80m * 2, (await FlexibleQuoteAsync(Arrival.AddDays(199), Arrival.AddDays(201)))!.Total.Amount);
    }

    [Fact]
    public async Task A_write_answered_503_is_sent_again_because_it_sets_values_and_the_rate_is_set()
    {
        var rule = Simulator.Faults.Enqueue(SimulatedFault.ServerError(503), "PUT", string.Format(null, RatesPath, Flexible));

        var result = await _hotels.Clock.CompleteAsync(Push.PushAsync(Rates(Arrival, nights: 1, amount: 77m), Ct));

        Assert.Equal(0, rule.Remaining);
        Assert.Equal([503, 204], Puts(Flexible).Select(p => p.Response!.StatusCode));
        Assert.Equal(1, result.Requests);
        Assert.Equal(77m, (await FlexibleQuoteAsync(Arrival, Arrival.AddDays(1)))!.Total.Amount);
    }

    [Fact]
    public async Task Availability_is_refused_before_any_request_naming_the_part()
    {
        var before = Simulator.Requests.Count;
        var update = new PmsRatesAndAvailabilityUpdate { Availability = [new PmsAvailabilityValue(Room, Arrival, 3)] };

        var refused = await Assert.ThrowsAsync<PmsNotSupportedException>(() => Push.PushAsync(update, Ct));

        Assert.Contains("Availability", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, Simulator.Requests.Count);
    }

    [Fact]
    public async Task A_price_for_two_adults_is_refused_before_any_request_because_Apaleo_prices_occupancy_by_surcharges()
    {
        var before = Simulator.Requests.Count;
        var update = new PmsRatesAndAvailabilityUpdate
        {
            Rates = [new PmsRateValue(Room, Flexible, Arrival, Scenario.CurrencyCode, new Dictionary<int, decimal> { [1] = 100m, [2] = 130m })],
        };

        var refused = await Assert.ThrowsAsync<PmsNotSupportedException>(() => Push.PushAsync(update, Ct));

        Assert.Contains("2 adults", refused.Message, StringComparison.Ordinal);
        Assert.Contains(Flexible, refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, Simulator.Requests.Count);
    }

    [Fact]
    public async Task An_empty_update_sends_nothing()
    {
        var before = Simulator.Requests.Count;

        var result = await Push.PushAsync(new PmsRatesAndAvailabilityUpdate(), Ct);

        Assert.Equal(0, result.Requests);
        Assert.Equal(before, Simulator.Requests.Count);
    }

    [Fact]
    public async Task An_unknown_rate_plan_is_Apaleos_404_as_not_found_naming_it_and_nothing_is_written()
    {
        const string unknown = "NOPE-FLEX-XYZ";
        var update = new PmsRatesAndAvailabilityUpdate
        {
            Rates = [new PmsRateValue(Room, unknown, Arrival, Scenario.CurrencyCode, new Dictionary<int, decimal> { [1] = 100m })],
        };

        var refused = await Assert.ThrowsAsync<PmsNotFoundException>(() => Push.PushAsync(update, Ct));

        Assert.Equal(unknown, refused.EntityId);
        Assert.Contains(Simulator.Requests, r => r.Method == "GET" && r.Path == string.Format(null, RatesPath, unknown) && r.Response?.StatusCode == 404);
        Assert.DoesNotContain(Simulator.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task A_room_type_the_rate_plan_does_not_sell_is_refused_naming_both_before_any_write()
    {
        var otherRoom = Scenario.UnitGroupIds.First(g => g != Room);
        var update = new PmsRatesAndAvailabilityUpdate
        {
            Restrictions = [new PmsRestrictionValue(otherRoom, Flexible, Arrival) { Closed = true }],
        };

        var refused = await Assert.ThrowsAsync<PmsValidationException>(() => Push.PushAsync(update, Ct));

        Assert.Contains(otherRoom, refused.Message, StringComparison.Ordinal);
        Assert.Contains(Flexible, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Simulator.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task A_price_in_another_currency_is_Apaleos_422_as_a_validation_failure_and_nothing_changes()
    {
        var seeded = (await FlexibleQuoteAsync(Arrival, Arrival.AddDays(1)))!.Total.Amount;
        var update = new PmsRatesAndAvailabilityUpdate
        {
            Rates = [new PmsRateValue(Room, Flexible, Arrival, "JPY", new Dictionary<int, decimal> { [1] = 100m })],
        };

        var refused = await Assert.ThrowsAsync<PmsValidationException>(() => Push.PushAsync(update, Ct));

        Assert.Contains("JPY", refused.Message, StringComparison.Ordinal);
        Assert.Equal(422, Puts(Flexible).Single().Response!.StatusCode);
        Assert.Equal(seeded, (await FlexibleQuoteAsync(Arrival, Arrival.AddDays(1)))!.Total.Amount);
    }

    [Fact]
    public async Task A_bulk_push_over_two_Apaleo_hotels_reports_both_succeeded_and_each_sells_its_new_rate()
    {
        var second = _hotels.Simulator("apaleo-push-2").Scenario;
        PmsBulkPush PushTo(string hotelId, ApaleoScenario scenario, decimal amount) => new(
            new PmsBulkHotel(hotelId, "apaleo:" + hotelId),
            new PmsRatesAndAvailabilityUpdate
            {
                Rates = [new PmsRateValue(scenario.MainUnitGroupId, scenario.FlexibleRatePlanId, Arrival, scenario.CurrencyCode, new Dictionary<int, decimal> { [1] = amount })],
            });

        var report = await PmsBulkJobs.PushRatesAndAvailabilityAsync(
            _hotels.Registry,
            [PushTo(Hotel, Scenario, 111m), PushTo("apaleo-push-2", second, 222m)],
            new PmsBulkOptions(),
            cancellationToken: Ct);

        Assert.Equal(2, report.Succeeded);
        Assert.All(report.Items, i => Assert.Equal(1, i.Value!.Requests));
        Assert.Equal(111m, (await FlexibleQuoteAsync(Arrival, Arrival.AddDays(1)))!.Total.Amount);
        var other = await _hotels.Connector("apaleo-push-2").QuoteAsync(new QuoteRequest(Arrival, Arrival.AddDays(1), 1), Ct);
        Assert.Equal(222m, other.Single(q => q.RatePlanId == second.FlexibleRatePlanId).Total.Amount);
    }

    private PmsRatesAndAvailabilityUpdate Rates(DateOnly first, int nights, decimal amount) => new()
    {
        Rates = [.. Enumerable.Range(0, nights).Select(n => new PmsRateValue(Room, Flexible, first.AddDays(n), Scenario.CurrencyCode, new Dictionary<int, decimal> { [1] = amount }))],
    };

    private static PmsRatesAndAvailabilityUpdate Restrictions(params PmsRestrictionValue[] values) => new() { Restrictions = values };

    private async Task<RateQuote?> FlexibleQuoteAsync(DateOnly arrival, DateOnly departure) =>
        (await Connector.QuoteAsync(new QuoteRequest(arrival, departure, 1) { RoomTypeIds = [Room] }, Ct)).SingleOrDefault(q => q.RatePlanId == Flexible);

    private List<Simulators.RecordedRequest> Puts(string ratePlanId) =>
        [.. Simulator.Requests.Where(r => r.Method == "PUT" && r.Path == string.Format(null, RatesPath, ratePlanId))];

    /// <summary>The rates as Apaleo serves them, read straight from the simulator.</summary>
    private async Task<JsonArray> RatesAsync(string ratePlanId, DateOnly from, DateOnly to)
    {
        using var client = Simulator.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Simulator.Tokens.IssueToken(ApaleoSimulatorOptions.DefaultClientId).AccessToken);
        var body = await client.GetStringAsync($"{string.Format(null, RatesPath, ratePlanId)}?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}", Ct);
        return JsonNode.Parse(body)!["rates"]!.AsArray();
    }
}
