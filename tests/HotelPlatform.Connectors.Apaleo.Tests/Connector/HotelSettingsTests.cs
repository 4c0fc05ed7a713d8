using HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using static HotelPlatform.Connectors.Apaleo.Tests.Infrastructure.ApaleoHarness;

namespace HotelPlatform.Connectors.Apaleo.Tests.Connector;

/// <summary>An Apaleo hotel's section is checked for unknown keys, and its pipeline timeouts reach the HTTP pipeline.</summary>
public sealed class HotelSettingsTests
{
    private const string UnitGroups = "/inventory/v1/unit-groups";

    private static IConfigurationSection Hotels(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection("Hotels");

    [Fact]
    public void A_misspelt_client_secret_fails_at_start_with_its_path_and_the_right_name()
    {
        var services = new ServiceCollection();
        services.AddPmsConnectors().AddApaleoVendor().AddFromConfiguration(Hotels(new()
        {
            ["Hotels:muc:Vendor"] = "apaleo",
            ["Hotels:muc:PropertyId"] = PropertyId,
            ["Hotels:muc:ClientId"] = ClientId,
            ["Hotels:muc:ClientSecert"] = ClientSecret,
            ["Hotels:muc:Scopes:0"] = "reservations.read",
        }));
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(
            [
                "Hotel 'muc' (apaleo): ClientSecret is required (Hotels:muc:ClientSecret).",
                "Hotel 'muc' (apaleo): ClientSecert is not a setting of ApaleoOptions and would be ignored; did you mean ClientSecret? (Hotels:muc:ClientSecert).",
            ],
            failure.Failures);
        Assert.DoesNotContain(ClientSecret, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hotels_MaxRetryAfter_from_configuration_decides_whether_a_429_is_waited_out()
    {
        // Retry-After 5 s: within the default of 20 s the pipeline would wait and try again; the hotel allows 2 s.
        await using var harness = StartWith((builder, url) => builder.AddApaleoVendor().AddFromConfiguration(Hotels(new()
        {
            ["Hotels:muc:Vendor"] = "apaleo",
            ["Hotels:muc:PropertyId"] = PropertyId,
            ["Hotels:muc:ClientId"] = ClientId,
            ["Hotels:muc:ClientSecret"] = ClientSecret,
            ["Hotels:muc:BaseAddress"] = url + "/",
            ["Hotels:muc:TokenEndpoint"] = url + TokenPath,
            ["Hotels:muc:RequestsPerSecond"] = "100",
            ["Hotels:muc:RequestBurst"] = "1000",
            ["Hotels:muc:MaxRetryAfter"] = "00:00:02",
        })));
        harness.Stub(Request.Create().WithPath(UnitGroups).UsingGet(), Responses.Messages(429).WithHeader("Retry-After", "5"));

        var limited = await Assert.ThrowsAsync<PmsRateLimitedException>(() => harness.Clock.CompleteAsync(harness.Connector.GetRoomTypesAsync(Ct)));

        Assert.Equal(TimeSpan.FromSeconds(5), limited.RetryAfter);
        Assert.Single(harness.Received(UnitGroups));
    }

    [Fact]
    public async Task With_the_default_MaxRetryAfter_the_same_429_is_waited_out_and_retried()
    {
        // The control of the test above: the difference comes from the hotel's setting.
        await using var harness = Start();
        harness.Stub(Request.Create().WithPath(UnitGroups).UsingGet(), Responses.Messages(429).WithHeader("Retry-After", "5"));

        await Assert.ThrowsAsync<PmsRateLimitedException>(() => harness.Clock.CompleteAsync(harness.Connector.GetRoomTypesAsync(Ct)));

        Assert.True(harness.Received(UnitGroups).Count > 1, "The default waits out a 5 s Retry-After and retries.");
    }
}
