using HotelPlatform.Connectors.Bulk;
using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.Mews;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.Mews.Tests.Connector;

/// <summary>
/// <see cref="IPmsRatesAndAvailabilityPush"/> over <c>services/updateAvailability</c>, <c>restrictions/set</c>/<c>clear</c>
/// and <c>rates/updatePrice</c>, checked through the connector's own reads (grid, quotes, bookings) on the simulator.
/// </summary>
public sealed class PushTests : MewsHarness
{
    private static readonly string[] Writes = ["services/updateAvailability", "restrictions/set", "restrictions/clear", "rates/updatePrice"];

    private IPmsRatesAndAvailabilityPush Push => Connector.GetRequiredService<IPmsRatesAndAvailabilityPush>();

    private DateOnly Night => Seeded.Today.AddDays(40);

    [Fact]
    public void The_connector_offers_a_push_of_availability_restrictions_and_rates() =>
        Assert.Equal(PmsPushParts.Availability | PmsPushParts.Restrictions | PmsPushParts.Rates, Push.Parts);

    [Fact]
    public async Task A_price_pushed_for_the_double_rooms_capacity_is_what_a_quote_for_two_adults_pays_each_night()
    {
        var nights = Enumerable.Range(0, 3).Select(i => Night.AddDays(i)).ToList();

        var result = await Push.PushAsync(new PmsRatesAndAvailabilityUpdate { Rates = [.. nights.Select(n => Rate(n, 200m))] }, Ct);
        var two = Assert.Single(await Connector.QuoteAsync(Quote(Night, 3, adults: 2), Ct));
        var one = Assert.Single(await Connector.QuoteAsync(Quote(Night, 3, adults: 1), Ct));

        Assert.Equal(1, result.Requests);
        Assert.Equal(600m, two.Total.Amount);
        Assert.All(two.Nights, n => Assert.Equal(200m, n.Amount.Amount));

        // One adult pays the rate's occupancy adjustment below capacity, as Mews derives it (the simulator's 25 per adult).
        Assert.Equal(3 * 175m, one.Total.Amount);
        var update = Assert.Single(Requests("rates/updatePrice")).ReadBodyAsJson()!;
        Assert.Equal(Seeded.FlexibleRateId, (string?)update["RateId"]);
        var price = Assert.Single(update["PriceUpdates"]!.AsArray())!;
        Assert.Equal(Seeded.DoubleCategoryId, (string?)price["CategoryId"]);
        Assert.NotEqual((string?)price["FirstTimeUnitStartUtc"], (string?)price["LastTimeUnitStartUtc"]);
    }

    [Fact]
    public async Task Pushed_availability_is_what_the_grid_reads_back_and_a_night_pushed_to_zero_cannot_be_booked()
    {
        var before = await Connector.GetAvailabilityAsync(new AvailabilityRequest(Night, Night.AddDays(2)) { RoomTypeIds = [Seeded.DoubleCategoryId] }, Ct);

        await Push.PushAsync(new PmsRatesAndAvailabilityUpdate { Availability = [new(Seeded.DoubleCategoryId, Night, 3), new(Seeded.DoubleCategoryId, Night.AddDays(1), 0)] }, Ct);
        var after = await Connector.GetAvailabilityAsync(new AvailabilityRequest(Night, Night.AddDays(2)) { RoomTypeIds = [Seeded.DoubleCategoryId] }, Ct);

        Assert.Equal([Seeded.DoubleRooms, Seeded.DoubleRooms], before[Seeded.DoubleCategoryId]!.Nights.Select(n => n.Available));
        Assert.Equal([3, 0], after[Seeded.DoubleCategoryId]!.Nights.Select(n => n.Available));
        Assert.Empty(await Connector.QuoteAsync(Quote(Night.AddDays(1), 1, adults: 2), Ct));
        var refused = await Assert.ThrowsAsync<PmsConflictException>(() => Connector.CreateReservationAsync(Draft(Night.AddDays(1)), Ct));
        Assert.Equal(PmsConflictReason.NoAvailability, refused.Reason);

        // A booking takes a room from what was pushed: the adjustment is relative to Mews' own count.
        await Connector.CreateReservationAsync(Draft(Night), Ct);
        Assert.Equal(2, (await Connector.GetAvailabilityAsync(new AvailabilityRequest(Night, Night.AddDays(1)), Ct))[Seeded.DoubleCategoryId]!.Nights[0].Available);
    }

    [Fact]
    public async Task A_night_closed_on_one_rate_is_offered_on_the_other_rate_only_and_refused_at_booking_until_opened_again()
    {
        await Push.PushAsync(Restriction(Night, r => r with { Closed = true }), Ct);
        var closed = await Connector.QuoteAsync(Quote(Night, 2, adults: 2, rate: null), Ct);
        var refused = await Assert.ThrowsAsync<PmsConflictException>(() => Connector.CreateReservationAsync(Draft(Night.AddDays(-1), nights: 2), Ct));

        await Push.PushAsync(Restriction(Night, r => r with { Closed = false }), Ct);
        var reopened = await Connector.QuoteAsync(Quote(Night, 2, adults: 2, rate: null), Ct);

        Assert.Equal([Seeded.NonRefundableRateId], closed.Select(q => q.RatePlanId));
        Assert.Equal(PmsConflictReason.NoAvailability, refused.Reason);
        Assert.Equal(2, reopened.Count);
        Assert.Equal("Stay", (string?)Assert.Single(Requests("restrictions/set")).ReadBodyAsJson()!["Data"]![0]!["Type"]);
        Assert.Single(Requests("restrictions/clear"));
    }

    [Fact]
    public async Task A_minimum_stay_refuses_a_shorter_stay_and_a_later_maximum_stay_keeps_it()
    {
        await Push.PushAsync(Restriction(Night, r => r with { MinStay = 3 }), Ct);
        var tooShort = await Connector.QuoteAsync(Quote(Night, 2, adults: 2), Ct);

        // MaxStay alone: Mews keeps one Start restriction per night, so the pushed minimum must be read and kept.
        await Push.PushAsync(Restriction(Night, r => r with { MaxStay = 4 }), Ct);
        var stillTooShort = await Connector.QuoteAsync(Quote(Night, 2, adults: 2), Ct);
        var longEnough = await Connector.QuoteAsync(Quote(Night, 3, adults: 2), Ct);
        var tooLong = await Connector.QuoteAsync(Quote(Night, 5, adults: 2), Ct);
        var refused = await Assert.ThrowsAsync<PmsConflictException>(() => Connector.CreateReservationAsync(Draft(Night, nights: 2), Ct));

        Assert.Empty(tooShort);
        Assert.Empty(stillTooShort);
        Assert.Single(longEnough);
        Assert.Empty(tooLong);
        Assert.Equal(PmsConflictReason.NoAvailability, refused.Reason);
        var last = Requests("restrictions/set")[^1].ReadBodyAsJson()!["Data"]![0]!;
        Assert.Equal(("Start", "P0M3DT0H0M0S", "P0M4DT0H0M0S"), ((string?)last["Type"], (string?)last["MinLength"], (string?)last["MaxLength"]));
        Assert.All(Requests("restrictions/getAll").Select(r => r.ReadBodyAsJson()!).Where(b => b["Origin"] is not null), b => Assert.Equal("Integration", (string?)b["Origin"]));
    }

    [Fact]
    public async Task Closed_to_arrival_and_to_departure_refuse_stays_arriving_or_leaving_on_the_night_only()
    {
        await Push.PushAsync(Restriction(Night, r => r with { ClosedToArrival = true, ClosedToDeparture = true }), Ct);

        Assert.Empty(await Connector.QuoteAsync(Quote(Night, 1, adults: 2), Ct));
        Assert.Empty(await Connector.QuoteAsync(Quote(Night.AddDays(-1), 1, adults: 2), Ct));
        Assert.Single(await Connector.QuoteAsync(Quote(Night.AddDays(-1), 2, adults: 2), Ct));
    }

    [Fact]
    public async Task Pushing_values_Mews_already_has_sends_no_write()
    {
        var update = new PmsRatesAndAvailabilityUpdate
        {
            Availability = [new(Seeded.DoubleCategoryId, Night, 4)],
            Restrictions = [new(Seeded.DoubleCategoryId, Seeded.FlexibleRateId, Night) { MinStay = 2, ClosedToDeparture = true }],
        };

        var first = await Push.PushAsync(update, Ct);
        var second = await Push.PushAsync(update, Ct);

        Assert.Equal(2, first.Requests);
        Assert.Equal(0, second.Requests);
        Assert.Equal(2, Writes.Sum(w => Requests(w).Count));
    }

    [Fact]
    public async Task Prices_split_into_runs_of_at_most_100_nights_and_requests_of_at_most_1000_updates()
    {
        var steady = Enumerable.Range(0, 150).Select(i => Rate(Night.AddDays(i), 210m));
        var alternating = Enumerable.Range(0, 1001).Select(i => Rate(Night.AddDays(i), i % 2 == 0 ? 150m : 160m) with { RatePlanId = Seeded.NonRefundableRateId });

        var result = await Push.PushAsync(new PmsRatesAndAvailabilityUpdate { Rates = [.. steady, .. alternating] }, Ct);

        var sent = Requests("rates/updatePrice").Select(r => r.ReadBodyAsJson()!).ToList();
        Assert.Equal(3, result.Requests);
        Assert.Equal(2, Assert.Single(sent, b => (string?)b["RateId"] == Seeded.FlexibleRateId)["PriceUpdates"]!.AsArray().Count);
        Assert.Equal([1000, 1], sent.Where(b => (string?)b["RateId"] == Seeded.NonRefundableRateId).Select(b => b["PriceUpdates"]!.AsArray().Count));
        Assert.All(Requests("rates/updatePrice"), r => Assert.Equal(200, r.Response?.StatusCode));
        Assert.Equal(210m, Assert.Single(await Connector.QuoteAsync(Quote(Night.AddDays(149), 1, adults: 2), Ct)).Total.Amount);
    }

    [Fact]
    public async Task Amounts_for_other_occupancies_than_the_capacity_are_refused_before_any_request()
    {
        await Connector.GetRoomTypesAsync(Ct);
        var sent = Simulator.Requests.Count;
        var update = new PmsRatesAndAvailabilityUpdate { Rates = [Rate(Night, 120m) with { AmountsByAdults = new Dictionary<int, decimal> { [1] = 95m, [2] = 120m } }] };

        var refused = await Assert.ThrowsAsync<PmsNotSupportedException>(() => Push.PushAsync(update, Ct));
        var otherCurrency = await Assert.ThrowsAsync<PmsValidationException>(() => Push.PushAsync(new PmsRatesAndAvailabilityUpdate { Rates = [Rate(Night, 120m) with { Currency = "USD" }] }, Ct));

        Assert.Contains("amounts for 1 adults", refused.Message, StringComparison.Ordinal);
        Assert.Contains("capacity (2 adults)", refused.Message, StringComparison.Ordinal);
        Assert.Equal(nameof(PmsRateValue.AmountsByAdults), refused.Feature);
        Assert.Equal("Currency", otherCurrency.Field);
        Assert.Equal(sent, Simulator.Requests.Count);
    }

    [Fact]
    public async Task A_minimum_stay_on_a_night_closed_to_arrival_is_refused_and_nothing_is_written()
    {
        var refused = await Assert.ThrowsAsync<PmsNotSupportedException>(() => Push.PushAsync(new PmsRatesAndAvailabilityUpdate
        {
            Availability = [new(Seeded.DoubleCategoryId, Night, 2)],
            Restrictions = [new(Seeded.DoubleCategoryId, Seeded.FlexibleRateId, Night) { ClosedToArrival = true, MinStay = 2 }],
        }, Ct));

        Assert.Contains("closed to arrival", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, Writes.Sum(w => Requests(w).Count));
    }

    [Fact]
    public async Task An_unknown_rate_plan_is_Mews_invalid_RateId_and_an_unknown_room_type_is_refused_before_any_request()
    {
        var unknownRate = await Assert.ThrowsAsync<PmsValidationException>(() => Push.PushAsync(new PmsRatesAndAvailabilityUpdate { Rates = [Rate(Night, 100m) with { RatePlanId = "no-such-rate" }] }, Ct));
        var unknownInRestriction = await Assert.ThrowsAsync<PmsValidationException>(() => Push.PushAsync(Restriction(Night, r => r with { RatePlanId = "no-such-rate", Closed = true }), Ct));
        var sent = Simulator.Requests.Count;
        var unknownRoom = await Assert.ThrowsAsync<PmsValidationException>(() => Push.PushAsync(new PmsRatesAndAvailabilityUpdate { Availability = [new("no-such-room", Night, 1)] }, Ct));

        Assert.Contains("no-such-rate", unknownRate.Message, StringComparison.Ordinal);
        Assert.Equal(400, (int?)Requests("rates/updatePrice").Single().Response?.StatusCode);
        Assert.Contains("no-such-rate", unknownInRestriction.Message, StringComparison.Ordinal);
        Assert.Contains("no-such-room", unknownRoom.Message, StringComparison.Ordinal);
        Assert.Equal("RoomTypeId", unknownRoom.Field);
        Assert.Equal(sent, Simulator.Requests.Count);
    }

    [Fact]
    public async Task A_price_write_that_failed_transiently_is_sent_again_because_setting_a_price_twice_is_harmless()
    {
        Simulator.Faults.Enqueue(SimulatedFault.ServerError(503), "POST", MewsSimulator.ApiPrefix + "rates/updatePrice", times: 1);

        var result = await Push.PushAsync(new PmsRatesAndAvailabilityUpdate { Rates = [Rate(Night, 190m)] }, Ct);

        Assert.Equal(1, result.Requests);
        Assert.Equal([503, 200], Requests("rates/updatePrice").Select(r => r.Response?.StatusCode ?? 0));
        Assert.Equal(190m, Assert.Single(await Connector.QuoteAsync(Quote(Night, 1, adults: 2), Ct)).Total.Amount);
    }

    [Fact]
    public async Task A_push_fails_as_unavailable_and_writes_no_restriction_when_Mews_cannot_answer_the_availability_write()
    {
        Simulator.Faults.Enqueue(SimulatedFault.ServerError(500), "POST", MewsSimulator.ApiPrefix + "services/updateAvailability", times: null);

        await Assert.ThrowsAnyAsync<PmsUnavailableException>(() => Push.PushAsync(new PmsRatesAndAvailabilityUpdate
        {
            Availability = [new(Seeded.DoubleCategoryId, Night, 1)],
            Restrictions = [new(Seeded.DoubleCategoryId, Seeded.FlexibleRateId, Night) { Closed = true }],
        }, Ct));

        Assert.Empty(Requests("restrictions/set"));
    }

    [Fact]
    public async Task An_empty_update_sends_nothing()
    {
        var sent = Simulator.Requests.Count;

        var result = await Push.PushAsync(new PmsRatesAndAvailabilityUpdate(), Ct);

        Assert.Equal(0, result.Requests);
        Assert.Equal(sent, Simulator.Requests.Count);
    }

    [Fact]
    public async Task A_chain_wide_bulk_push_over_two_Mews_hotels_succeeds_for_both()
    {
        await using var second = new MewsSimulator(new SimulatorOptions(), new MewsSimulatorOptions { EnterpriseId = "8a1e0c3d-44b0-4c5e-9f57-3c3f1f6f0b21" });
        await second.StartAsync(Ct);
        var services = new ServiceCollection();
        services.AddPmsConnectors()
            .AddMews("mews-a", Hotel(Simulator))
            .AddMews("mews-b", Hotel(second));
        await using var provider = services.BuildServiceProvider();
        PmsRatesAndAvailabilityUpdate For(MewsSimulator hotel) => new()
        {
            Availability = [new(hotel.Scenario.DoubleCategoryId, Night, 3)],
            Restrictions = [new(hotel.Scenario.DoubleCategoryId, hotel.Scenario.FlexibleRateId, Night) { MinStay = 2 }],
            Rates = [new(hotel.Scenario.DoubleCategoryId, hotel.Scenario.FlexibleRateId, Night, "EUR", new Dictionary<int, decimal> { [2] = 180m })],
        };

        var report = await PmsBulkJobs.PushRatesAndAvailabilityAsync(
            provider.GetRequiredService<IPmsConnectorRegistry>(),
            [new(new PmsBulkHotel("mews-a", "mews:a"), For(Simulator)), new(new PmsBulkHotel("mews-b", "mews:b"), For(second))],
            new PmsBulkOptions(),
            cancellationToken: Ct);

        Assert.Equal(2, report.Succeeded);
        Assert.All(report.Items, i => Assert.Equal(3, i.Value!.Requests));
        Assert.Equal(3, Writes.Sum(w => second.Requests.Count(r => r.Path == MewsSimulator.ApiPrefix + w)));
        Assert.Equal(3, Writes.Sum(w => Requests(w).Count));
    }

    private static Action<MewsOptions> Hotel(MewsSimulator simulator) => o =>
    {
        o.BaseAddress = simulator.BaseAddress;
        o.PropertyId = simulator.Scenario.EnterpriseId;
        o.ClientToken = simulator.MewsOptions.ClientToken;
        o.AccessToken = simulator.MewsOptions.AccessToken;
    };

    private PmsRateValue Rate(DateOnly night, decimal amount) =>
        new(Seeded.DoubleCategoryId, Seeded.FlexibleRateId, night, "EUR", new Dictionary<int, decimal> { [2] = amount });

    private PmsRatesAndAvailabilityUpdate Restriction(DateOnly night, Func<PmsRestrictionValue, PmsRestrictionValue> set) =>
        new() { Restrictions = [set(new(Seeded.DoubleCategoryId, Seeded.FlexibleRateId, night))] };

    private QuoteRequest Quote(DateOnly arrival, int nights, int adults, string? rate = "flexible") =>
        new(arrival, arrival.AddDays(nights), adults) { RoomTypeIds = [Seeded.DoubleCategoryId], RatePlanId = rate is null ? null : Seeded.FlexibleRateId };
}
