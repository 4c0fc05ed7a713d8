using System.Text.Json.Nodes;
using HotelPlatform.Connectors.Bulk;
using HotelPlatform.Connectors.Opera.Distribution;
using HotelPlatform.Connectors.Simulators;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.Opera.Tests.Connector;

/// <summary>
/// The rate and availability push over par <c>postRestriction</c> and rtp <c>setRatePlanSchedules</c>: what is sent,
/// how it is batched, what is refused before sending, and that the connector's own reads then show the values.
/// </summary>
public sealed class RatesAndAvailabilityPushTests
{
    private const string Hotel = "LDN01";
    private const string SchedulesPath = "/rtp/v1/hotels/LDN01/ratePlans/BAR/schedules/set";
    private const string RestrictionsPath = "/par/v1/hotels/LDN01/restrictions";
    private static readonly DateOnly Arrival = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_connector_offers_a_push_of_restrictions_and_rates_but_not_availability()
    {
        await using var host = await OperaTestHost.StartAsync([Hotel]);

        var push = host[Hotel].GetService<IPmsRatesAndAvailabilityPush>();

        Assert.NotNull(push);
        Assert.Equal(PmsPushParts.Restrictions | PmsPushParts.Rates, push.Parts);
    }

    [Fact]
    public async Task A_pushed_rate_is_what_a_quote_then_charges_night_by_night_for_the_party_size()
    {
        await using var host = await OperaTestHost.StartAsync([Hotel]);
        var connector = host[Hotel];
        var update = new PmsRatesAndAvailabilityUpdate
        {
            Rates =
            [
                Rate("KING", "BAR", Arrival, 111m, 131m),
                Rate("KING", "BAR", Arrival.AddDays(1), 111m, 131m),
                Rate("KING", "BAR", Arrival.AddDays(2), 125m, 145m),
            ],
        };

        var result = await connector.GetRequiredService<IPmsRatesAndAvailabilityPush>().PushAsync(update, Ct);
        var single = await connector.QuoteAsync(new QuoteRequest(Arrival, Arrival.AddDays(3), 1) { RoomTypeIds = ["KING"], RatePlanId = "BAR" }, Ct);
        var couple = await connector.QuoteAsync(new QuoteRequest(Arrival, Arrival.AddDays(3), 2) { RoomTypeIds = ["KING"], RatePlanId = "BAR" }, Ct);

        Assert.Equal((1, 0), (result.Requests, result.Warnings.Count));
        var quote = Assert.Single(single);
        Assert.Equal(new Money(347m, "GBP"), quote.Total);
        Assert.Equal([111m, 111m, 125m], quote.Nights.Select(n => n.Amount.Amount));
        Assert.Equal(new Money(407m, "GBP"), Assert.Single(couple).Total);
        var sent = Assert.Single(host.Simulator.Requests, r => r.Method == "PUT" && r.Path == SchedulesPath);
        var schedules = JsonNode.Parse(sent.Body)!["ratePlanScheduleList"]!.AsArray();
        Assert.Equal([(Iso(Arrival), Iso(Arrival.AddDays(1)), 111m), (Iso(Arrival.AddDays(2)), Iso(Arrival.AddDays(2)), 125m)], schedules.Select(s => ((string)s!["start"]!, (string)s["end"]!, (decimal)s["rateAmounts"]!["onePersonRate"]!)));
        Assert.All(schedules, s => Assert.Equal(["KING"], s!["roomTypeList"]!.AsArray().Select(r => (string)r!)));
    }

    [Fact]
    public async Task A_pushed_closure_and_minimum_stay_take_rates_out_of_quotes_and_refuse_the_booking_until_they_are_lifted()
    {
        await using var host = await OperaTestHost.StartAsync([Hotel]);
        var connector = host[Hotel];
        var push = connector.GetRequiredService<IPmsRatesAndAvailabilityPush>();
        await push.PushAsync(
            new PmsRatesAndAvailabilityUpdate
            {
                Restrictions =
                [
                    new PmsRestrictionValue("KING", "NONREF", Arrival.AddDays(1)) { Closed = true },
                    new PmsRestrictionValue("KING", "BAR", Arrival) { MinStay = 3 },
                ],
            },
            Ct);

        var twoNights = await connector.QuoteAsync(new QuoteRequest(Arrival, Arrival.AddDays(2), 1) { RoomTypeIds = ["KING"] }, Ct);
        var threeNights = await connector.QuoteAsync(new QuoteRequest(Arrival, Arrival.AddDays(3), 1) { RoomTypeIds = ["KING"] }, Ct);
        var refused = await Assert.ThrowsAsync<PmsConflictException>(() => connector.CreateReservationAsync(new ReservationDraft(Arrival, Arrival.AddDays(2), "KING", "BAR", new GuestProfile("Noether")) { ClientReference = "push-1" }, Ct));
        await push.PushAsync(
            new PmsRatesAndAvailabilityUpdate
            {
                Restrictions =
                [
                    new PmsRestrictionValue("KING", "NONREF", Arrival.AddDays(1)) { Closed = false },
                    new PmsRestrictionValue("KING", "BAR", Arrival) { MinStay = 1 },
                ],
            },
            Ct);
        var lifted = await connector.QuoteAsync(new QuoteRequest(Arrival, Arrival.AddDays(2), 1) { RoomTypeIds = ["KING"] }, Ct);

        Assert.Empty(twoNights);
        Assert.Equal(["BAR"], threeNights.Select(q => q.RatePlanId));
        Assert.Equal("RESTRICTED", refused.VendorErrorCode);
        Assert.Equal(["BAR", "NONREF"], lifted.Select(q => q.RatePlanId).Order());
        var codes = host.Simulator.Requests.Where(r => r.Method == "POST" && r.Path == RestrictionsPath).Select(r => JsonNode.Parse(r.Body)!["restriction"]!).ToList();
        Assert.Equal(["Closed", "MinimumLengthOfStay", "MinimumLengthOfStay", "Open"], codes.Select(c => (string)c["restrictionStatus"]!["code"]!).Order(StringComparer.Ordinal));
        Assert.Equal([3, 1], codes.Where(c => c["restrictionStatus"]!["unit"] is not null).Select(c => (int)c["restrictionStatus"]!["unit"]!));
        Assert.All(codes, c => Assert.Equal(["KING"], c["roomTypes"]!.AsArray().Select(r => (string)r!)));
    }

    [Fact]
    public async Task A_closed_arrival_and_a_maximum_stay_are_sent_as_their_OPERA_codes_and_honoured_by_quotes()
    {
        await using var host = await OperaTestHost.StartAsync([Hotel]);
        var connector = host[Hotel];

        await connector.GetRequiredService<IPmsRatesAndAvailabilityPush>().PushAsync(
            new PmsRatesAndAvailabilityUpdate
            {
                Restrictions =
                [
                    new PmsRestrictionValue("TWIN", "BAR", Arrival) { ClosedToArrival = true, MaxStay = 4 },
                    new PmsRestrictionValue("TWIN", "BAR", Arrival.AddDays(1)) { MaxStay = 4, ClosedToDeparture = true },
                ],
            },
            Ct);
        var arrivingOnTheClosedNight = await connector.QuoteAsync(new QuoteRequest(Arrival, Arrival.AddDays(1), 1) { RoomTypeIds = ["TWIN"], RatePlanId = "BAR" }, Ct);
        var departingOnTheClosedDate = await connector.QuoteAsync(new QuoteRequest(Arrival.AddDays(-1), Arrival.AddDays(1), 1) { RoomTypeIds = ["TWIN"], RatePlanId = "BAR" }, Ct);
        var tooLong = await connector.QuoteAsync(new QuoteRequest(Arrival.AddDays(1), Arrival.AddDays(6), 1) { RoomTypeIds = ["TWIN"], RatePlanId = "BAR" }, Ct);
        var fits = await connector.QuoteAsync(new QuoteRequest(Arrival.AddDays(1), Arrival.AddDays(5), 1) { RoomTypeIds = ["TWIN"], RatePlanId = "BAR" }, Ct);

        Assert.Empty(arrivingOnTheClosedNight);
        Assert.Empty(departingOnTheClosedDate);
        Assert.Empty(tooLong);
        Assert.Single(fits);
        var sent = host.Simulator.Requests.Where(r => r.Method == "POST" && r.Path == RestrictionsPath).Select(r => JsonNode.Parse(r.Body)!["restriction"]!).ToList();
        var maxStay = Assert.Single(sent, s => (string)s["restrictionStatus"]!["code"]! == "MaximumLengthOfStay");
        Assert.Equal((4, Iso(Arrival), Iso(Arrival.AddDays(1))), ((int)maxStay["restrictionStatus"]!["unit"]!, (string)maxStay["start"]!, (string)maxStay["end"]!));
        Assert.Equal(["ClosedForArrival", "ClosedForDeparture", "MaximumLengthOfStay"], sent.Select(s => (string)s["restrictionStatus"]!["code"]!).Order());
    }

    [Fact]
    public async Task Rate_schedules_are_sent_fifty_a_request_and_room_types_with_the_same_values_share_a_schedule()
    {
        await using var host = await OperaTestHost.StartAsync([Hotel]);
        var connector = host[Hotel];
        // 51 nights, each priced differently from the one before: 51 schedules, each for KING and TWIN.
        var rates = Enumerable.Range(0, 51).SelectMany(n => new[] { Rate("KING", "BAR", Arrival.AddDays(n), 100m + n), Rate("TWIN", "BAR", Arrival.AddDays(n), 100m + n) }).ToList();

        var result = await connector.GetRequiredService<IPmsRatesAndAvailabilityPush>().PushAsync(new PmsRatesAndAvailabilityUpdate { Rates = rates }, Ct);
        var last = await connector.QuoteAsync(new QuoteRequest(Arrival.AddDays(50), Arrival.AddDays(51), 1) { RoomTypeIds = ["TWIN"], RatePlanId = "BAR" }, Ct);

        Assert.Equal(2, result.Requests);
        var bodies = host.Simulator.Requests.Where(r => r.Path == SchedulesPath).Select(r => JsonNode.Parse(r.Body)!["ratePlanScheduleList"]!.AsArray()).ToList();
        Assert.Equal([50, 1], bodies.Select(b => b.Count));
        Assert.All(bodies.SelectMany(b => b), s => Assert.Equal(["KING", "TWIN"], s!["roomTypeList"]!.AsArray().Select(r => (string)r!)));
        Assert.Equal(new Money(150m, "GBP"), Assert.Single(last).Total);
    }

    [Fact]
    public void A_restriction_lists_at_most_4000_room_types_and_the_rest_go_in_another()
    {
        var values = Enumerable.Range(0, 4001).Select(i => new PmsRestrictionValue($"RT{i:D4}", "BAR", Arrival) { Closed = true }).ToList();

        var restrictions = OperaRatesAndAvailabilityPush.Restrictions(values);

        Assert.Equal([4000, 1], restrictions.Select(r => r.RoomTypes!.Count));
        Assert.All(restrictions, r => Assert.Equal((Arrival, Arrival, "Closed", "BAR"), (r.Start, r.End, r.RestrictionStatus.Code, Assert.Single(r.RatePlanCodes!))));
    }

    [Fact]
    public async Task Availability_values_are_refused_as_not_supported_before_anything_is_sent()
    {
        await using var host = await OperaTestHost.StartAsync([Hotel]);
        var update = new PmsRatesAndAvailabilityUpdate { Availability = [new PmsAvailabilityValue("KING", Arrival, 3)], Rates = [Rate("KING", "BAR", Arrival, 100m)] };

        var refused = await Assert.ThrowsAsync<PmsNotSupportedException>(() => host[Hotel].GetRequiredService<IPmsRatesAndAvailabilityPush>().PushAsync(update, Ct));

        Assert.Contains("Availability", refused.Message, StringComparison.Ordinal);
        Assert.Equal(IPmsRatesAndAvailabilityPush.FeatureName, refused.Feature);
        Assert.Empty(host.Simulator.Requests);
    }

    [Fact]
    public async Task An_amount_for_six_adults_is_refused_as_not_supported_naming_it_before_anything_is_sent()
    {
        await using var host = await OperaTestHost.StartAsync([Hotel]);
        var update = new PmsRatesAndAvailabilityUpdate
        {
            Restrictions = [new PmsRestrictionValue("KING", "BAR", Arrival) { Closed = true }],
            Rates = [new PmsRateValue("SUITE", "BAR", Arrival, "GBP", new Dictionary<int, decimal> { [2] = 300m, [6] = 420m })],
        };

        var refused = await Assert.ThrowsAsync<PmsNotSupportedException>(() => host[Hotel].GetRequiredService<IPmsRatesAndAvailabilityPush>().PushAsync(update, Ct));

        Assert.Contains("6 adults", refused.Message, StringComparison.Ordinal);
        Assert.Contains("fivePersonRate", refused.Message, StringComparison.Ordinal);
        Assert.Empty(host.Simulator.Requests);
    }

    [Fact]
    public async Task A_rate_in_another_currency_than_the_rate_plans_is_refused_before_any_write()
    {
        await using var host = await OperaTestHost.StartAsync([Hotel]);
        var update = new PmsRatesAndAvailabilityUpdate { Rates = [new PmsRateValue("KING", "BAR", Arrival, "EUR", new Dictionary<int, decimal> { [1] = 100m })] };

        var refused = await Assert.ThrowsAsync<PmsValidationException>(() => host[Hotel].GetRequiredService<IPmsRatesAndAvailabilityPush>().PushAsync(update, Ct));

        Assert.Equal("Rates[0].Currency", refused.Field);
        Assert.Contains("GBP", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Simulator.Requests, r => r.Method is "PUT" or "POST" && !r.Path.StartsWith("/oauth", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_minimum_stay_below_one_night_is_refused_as_invalid_before_anything_is_sent()
    {
        await using var host = await OperaTestHost.StartAsync([Hotel]);
        var update = new PmsRatesAndAvailabilityUpdate { Restrictions = [new PmsRestrictionValue("KING", "BAR", Arrival) { MinStay = 0 }] };

        var refused = await Assert.ThrowsAsync<PmsValidationException>(() => host[Hotel].GetRequiredService<IPmsRatesAndAvailabilityPush>().PushAsync(update, Ct));

        Assert.Equal("Restrictions[0].MinStay", refused.Field);
        Assert.Empty(host.Simulator.Requests);
    }

    [Fact]
    public async Task An_unknown_room_type_is_OHIPs_400_and_a_validation_error_naming_it()
    {
        await using var host = await OperaTestHost.StartAsync([Hotel]);
        var update = new PmsRatesAndAvailabilityUpdate { Restrictions = [new PmsRestrictionValue("QUEEN", "BAR", Arrival) { Closed = true }] };

        var refused = await Assert.ThrowsAsync<PmsValidationException>(() => host[Hotel].GetRequiredService<IPmsRatesAndAvailabilityPush>().PushAsync(update, Ct));

        Assert.Equal("INVALID_ROOM_TYPE", refused.VendorErrorCode);
        Assert.Contains("QUEEN", refused.Message, StringComparison.Ordinal);
        Assert.Equal("restriction.roomTypes", refused.Field);
        Assert.Contains(host.Simulator.Requests, r => r.Method == "POST" && r.Path == RestrictionsPath && r.Response?.StatusCode == 400);
    }

    [Fact]
    public async Task An_unknown_rate_plan_is_OHIPs_404_and_not_found_naming_it()
    {
        await using var host = await OperaTestHost.StartAsync([Hotel]);
        var update = new PmsRatesAndAvailabilityUpdate { Rates = [Rate("KING", "PROMO", Arrival, 90m)] };

        var refused = await Assert.ThrowsAsync<PmsNotFoundException>(() => host[Hotel].GetRequiredService<IPmsRatesAndAvailabilityPush>().PushAsync(update, Ct));

        Assert.Equal(("RatePlan", "PROMO", "RATE_PLAN_NOT_FOUND"), (refused.EntityType, refused.EntityId, refused.VendorErrorCode));
        Assert.Contains("PROMO", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rate_push_answered_503_once_is_sent_again_because_setting_a_value_twice_is_harmless()
    {
        await using var host = await OperaTestHost.StartAsync([Hotel]);
        var connector = host[Hotel];
        host.Simulator.Faults.Enqueue(SimulatedFault.ServerError(503), "PUT", "/rtp/**", times: 1);

        var result = await connector.GetRequiredService<IPmsRatesAndAvailabilityPush>().PushAsync(new PmsRatesAndAvailabilityUpdate { Rates = [Rate("KING", "BAR", Arrival, 88m)] }, Ct);
        var quote = await connector.QuoteAsync(new QuoteRequest(Arrival, Arrival.AddDays(1), 1) { RoomTypeIds = ["KING"], RatePlanId = "BAR" }, Ct);

        Assert.Equal(1, result.Requests);
        Assert.Single(host.Simulator.Faults.Applied);
        Assert.Equal(2, host.Simulator.Requests.Count(r => r.Path == SchedulesPath));
        Assert.Equal(88m, Assert.Single(quote).Total.Amount);
    }

    [Fact]
    public async Task An_empty_update_sends_nothing()
    {
        await using var host = await OperaTestHost.StartAsync([Hotel]);

        var result = await host[Hotel].GetRequiredService<IPmsRatesAndAvailabilityPush>().PushAsync(new PmsRatesAndAvailabilityUpdate(), Ct);

        Assert.Equal((0, 0), (result.Requests, result.Warnings.Count));
        Assert.Empty(host.Simulator.Requests);
    }

    [Fact]
    public async Task A_bulk_push_over_two_OPERA_hotels_reports_both_as_succeeded_and_each_hotel_has_its_values()
    {
        await using var host = await OperaTestHost.StartAsync(["LDN01", "PAR01"]);
        var registry = host.Services.GetRequiredService<IPmsConnectorRegistry>();
        var update = new PmsRatesAndAvailabilityUpdate
        {
            Restrictions = [new PmsRestrictionValue("KING", "NONREF", Arrival) { Closed = true }],
            Rates = [Rate("KING", "BAR", Arrival, 99m)],
        };
        PmsBulkPush[] pushes = [new(new PmsBulkHotel("LDN01", "opera-env"), update), new(new PmsBulkHotel("PAR01", "opera-env"), update)];

        var report = await PmsBulkJobs.PushRatesAndAvailabilityAsync(registry, pushes, new PmsBulkOptions(), cancellationToken: Ct);

        Assert.Equal((2, 0, 0), (report.Succeeded, report.Failed, report.NotSupported));
        Assert.All(report.Items, item => Assert.Equal(2, item.Value!.Requests));
        foreach (var hotel in new[] { "LDN01", "PAR01" })
        {
            var quotes = await host[hotel].QuoteAsync(new QuoteRequest(Arrival, Arrival.AddDays(1), 1) { RoomTypeIds = ["KING"] }, Ct);
            Assert.Equal([("BAR", 99m)], quotes.Select(q => (q.RatePlanId, q.Total.Amount)));
        }
    }

    private static PmsRateValue Rate(string roomType, string ratePlan, DateOnly night, decimal single, decimal? couple = null) =>
        new(roomType, ratePlan, night, "GBP", couple is { } two ? new Dictionary<int, decimal> { [1] = single, [2] = two } : new Dictionary<int, decimal> { [1] = single });

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
