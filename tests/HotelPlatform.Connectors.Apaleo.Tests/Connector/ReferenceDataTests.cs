using HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using static HotelPlatform.Connectors.Apaleo.Tests.Infrastructure.ApaleoHarness;

namespace HotelPlatform.Connectors.Apaleo.Tests.Connector;

/// <summary>Reference data is read once per lifetime by one request, and the hotel's options are re-read when they change.</summary>
public sealed class ReferenceDataTests
{
    private const string Property = $"/inventory/v1/properties/{PropertyId}";

    [Fact]
    public async Task Twenty_concurrent_cold_calls_make_one_property_request()
    {
        await using var harness = Start();
        harness.Stub(Request.Create().WithPath("/booking/v1/reservations/XPGMSXGF-1").UsingGet(), Responses.Json(ApaleoJson.Reservation("XPGMSXGF-1").ToJsonString()));

        var reads = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => harness.Connector.GetReservationAsync("XPGMSXGF-1", Ct)));

        Assert.All(reads, r => Assert.Equal("XPGMSXGF-1", r.VendorId));
        Assert.Single(harness.Received(Property));
        Assert.Equal(20, harness.Received("/booking/v1/reservations/XPGMSXGF-1").Count);
    }

    [Fact]
    public async Task Room_types_and_rate_plans_are_kept_for_the_lifetime_and_read_again_after_it_while_a_health_check_always_reaches_Apaleo()
    {
        await using var harness = Start(o => o.ReferenceDataLifetime = TimeSpan.FromMinutes(5));
        harness.Stub(Request.Create().WithPath("/inventory/v1/unit-groups").UsingGet(), Responses.Json("""{"unitGroups":[{"id":"MUC-DBL","code":"DBL","name":"Double","memberCount":3}],"count":1}"""));
        harness.Stub(Request.Create().WithPath("/rateplan/v1/rate-plans").UsingGet(), Responses.Status(204));

        await harness.Connector.GetRoomTypesAsync(Ct);
        await harness.Connector.GetRoomTypesAsync(Ct);
        await harness.Connector.GetRatePlansAsync(Ct);
        await harness.Connector.GetRatePlansAsync(Ct);
        Assert.Single(harness.Received("/inventory/v1/unit-groups"));
        Assert.Single(harness.Received("/rateplan/v1/rate-plans"));

        harness.Clock.Advance(TimeSpan.FromMinutes(5));
        await harness.Connector.GetRoomTypesAsync(Ct);
        Assert.Equal(2, harness.Received("/inventory/v1/unit-groups").Count);

        var before = harness.Received(Property).Count;
        Assert.Equal(PmsHealthStatus.Healthy, (await harness.Connector.CheckHealthAsync(Ct)).Status);
        Assert.Equal(before + 1, harness.Received(Property).Count);
    }

    [Fact]
    public async Task Changed_options_reach_both_the_connector_and_the_pipeline_without_a_restart()
    {
        var channel = "Direct";
        var prefix = string.Empty;
        await using var harness = Start(o =>
        {
            o.ChannelCode = channel;
            o.BaseAddress = new Uri(o.BaseAddress!, prefix);
        });
        harness.Stub(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher("*/booking/v1/offers")).UsingGet(), Responses.Json("""{"property":{"id":"MUC"},"offers":[]}"""));
        var quote = new QuoteRequest(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 3), 2);

        await harness.Connector.QuoteAsync(quote, Ct);
        (channel, prefix) = ("BookingCom", "v-next/");
        harness.Services.GetRequiredService<IOptionsMonitorCache<ApaleoOptions>>().TryRemove(HotelId); // what a configuration reload does
        await harness.Connector.QuoteAsync(quote, Ct);

        var offers = harness.Server.LogEntries.Where(e => e.RequestMessage.Path.EndsWith("/booking/v1/offers", StringComparison.Ordinal)).ToList();
        Assert.Equal(["/booking/v1/offers", "/v-next/booking/v1/offers"], offers.Select(e => e.RequestMessage.Path));
        Assert.Equal(["Direct", "BookingCom"], offers.Select(e => e.RequestMessage.Query!["channelCode"].Single()));
    }
}
