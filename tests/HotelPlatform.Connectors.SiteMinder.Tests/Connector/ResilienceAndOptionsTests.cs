using HotelPlatform.Connectors.Http;
using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.SiteMinder.Distribution;
using HotelPlatform.Connectors.SiteMinder.Soap;
using HotelPlatform.Connectors.SiteMinder.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Connectors.SiteMinder.Tests.Connector;

/// <summary>The runtime's pipeline under SOAP (a pull and an ARI push answered 503 once are sent again), the OTA error table, and the hotel's settings checks.</summary>
public sealed class ResilienceAndOptionsTests
{
    private static CancellationToken Ct => SiteMinderHarness.Ct;

    [Fact]
    public async Task A_pull_answered_503_once_is_sent_again_and_returns_the_reservations()
    {
        await using var harness = await SiteMinderHarness.StartAsync(realClockRetries: true);
        harness.Simulator.Faults.Enqueue(SimulatedFault.ServerError(503), "POST", "/webservices/**", times: 1);

        var batch = await harness.EventSource.PollAsync(null, Ct);

        Assert.Equal(2, batch.Events.Count);
        Assert.Single(harness.Simulator.Faults.Applied);
        Assert.Equal(2, harness.Simulator.Requests.Count);
    }

    [Fact]
    public async Task An_ari_push_answered_503_once_is_sent_again_and_arrives_once()
    {
        await using var harness = await SiteMinderHarness.StartAsync(realClockRetries: true);
        harness.Simulator.Faults.Enqueue(SimulatedFault.ServerError(503), "POST", "/webservices/**", times: 1);

        await harness.Distribution.PushAvailabilityAsync([new SiteMinderAvailability("DBL", new DateOnly(2026, 4, 1), 3)], Ct);

        Assert.Single(harness.Simulator.AriPushes);
        Assert.Equal(2, harness.Simulator.Requests.Count);
    }

    [Theory]
    [InlineData("448", "4", PmsFailureKind.Authentication)]
    [InlineData("392", "6", PmsFailureKind.NotFound)]
    [InlineData("375", "6", PmsFailureKind.NotFound)]
    [InlineData("187", "3", PmsFailureKind.Unavailable)]
    [InlineData("402", "6", PmsFailureKind.Validation)]
    [InlineData("249", "6", PmsFailureKind.Validation)]
    [InlineData("783", "6", PmsFailureKind.Validation)]
    [InlineData("999", "10", PmsFailureKind.Validation)]
    [InlineData("450", "3", PmsFailureKind.Other)]
    public void OTA_error_codes_map_to_the_documented_kind(string code, string type, PmsFailureKind kind) =>
        Assert.Equal(kind, SiteMinderResponseClassifier.KindOf(code, type));

    [Theory]
    [InlineData("PollInterval", "00:01:00", "PollInterval")]
    [InlineData("PollInterval", "00:06:00", "PollInterval")]
    [InlineData("Push:Username", "only-a-user", "Push")]
    [InlineData("RequestorId", "", "RequestorId")]
    [InlineData("Password", "", "Password")]
    public async Task A_setting_out_of_its_documented_range_fails_naming_it(string key, string value, string named)
    {
        await using var harness = await SiteMinderHarness.StartAsync(overrides: new Dictionary<string, string?> { [key] = value, ["Push:Password"] = key == "Push:Username" ? "" : SiteMinderHarness.PushPassword });

        var error = Assert.Throws<OptionsValidationException>(() => harness.Services.GetRequiredService<IOptionsMonitor<SiteMinderOptions>>().Get(SiteMinderHarness.HotelId));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Contains(SiteMinderHarness.HotelId, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_base_address_the_hotel_talks_to_siteminders_documented_pre_production_endpoint()
    {
        var options = new SiteMinderOptions { RequestorId = "ACME PMS" };

        Assert.Equal(new Uri("https://tpi-pmsx.preprod.siteminderlabs.com/webservices/ACME%20PMS"), options.EffectiveAddress);
    }
}
