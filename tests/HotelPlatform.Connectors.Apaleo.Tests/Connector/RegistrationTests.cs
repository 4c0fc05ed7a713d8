using HotelPlatform.Connectors.Apaleo.Subscriptions;
using HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using static HotelPlatform.Connectors.Apaleo.Tests.Infrastructure.ApaleoHarness;

namespace HotelPlatform.Connectors.Apaleo.Tests.Connector;

/// <summary>Registration in DI, from code and from configuration, and validation of the options at start.</summary>
public sealed class RegistrationTests
{
    private static IConfigurationSection Hotels(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection("Hotels");

    private static IReadOnlyList<string> StartupFailures(Action<IPmsConnectorsBuilder> register)
    {
        var services = new ServiceCollection();
        register(services.AddPmsConnectors());
        using var provider = services.BuildServiceProvider();
        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        return [.. failure.Failures];
    }

    [Fact]
    public async Task A_hotel_from_configuration_with_Vendor_apaleo_is_bound_and_works()
    {
        await using var harness = StartWith((builder, url) => builder.AddApaleoVendor().AddFromConfiguration(Hotels(new()
        {
            ["Hotels:muc:Vendor"] = "apaleo",
            ["Hotels:muc:PropertyId"] = PropertyId,
            ["Hotels:muc:ClientId"] = ClientId,
            ["Hotels:muc:ClientSecret"] = ClientSecret,
            ["Hotels:muc:BaseAddress"] = url + "/",
            ["Hotels:muc:TokenEndpoint"] = url + TokenPath,
            ["Hotels:muc:WebhookAddress"] = url + WebhookBasePath + "/",
            ["Hotels:muc:Scopes:0"] = "reservations.read",
            ["Hotels:muc:ChannelCode"] = "Ibe",
            ["Hotels:muc:RequestsPerSecond"] = "50",
        })));
        harness.Stub(Request.Create().WithPath("/booking/v1/offers").UsingGet(), Responses.Status(204));

        await harness.Connector.QuoteAsync(new QuoteRequest(new DateOnly(2025, 3, 12), new DateOnly(2025, 3, 14), 1), Ct);

        var options = harness.Services.GetRequiredService<IOptionsMonitor<ApaleoOptions>>().Get(HotelId);
        Assert.Equal((PropertyId, "Ibe", 50, ApaleoOptions.DefaultRequestBurst), (options.PropertyId, options.ChannelCode, options.RequestsPerSecond, options.RequestBurst));
        Assert.Equal("Ibe", Assert.Single(harness.Received("/booking/v1/offers")).Query["channelCode"]);
        Assert.Equal("grant_type=client_credentials&scope=reservations.read", Assert.Single(harness.Received(TokenPath)).Body);
        Assert.Equal(PmsVendors.Apaleo, harness.Services.GetRequiredService<IPmsConnectorRegistry>().Hotels.Single().Vendor);
    }

    [Fact]
    public async Task The_subscription_service_is_the_hotels_keyed_service_and_the_connectors_vendor_service()
    {
        await using var harness = Start();

        var keyed = harness.Services.GetRequiredKeyedService<IApaleoSubscriptions>(HotelId);

        Assert.Same(keyed, harness.Connector.GetRequiredService<IApaleoSubscriptions>());
        Assert.IsType<ApaleoConnector>(harness.Connector.GetService<ApaleoConnector>());
    }

    [Fact]
    public void Without_addresses_the_clients_point_at_Apaleos_production_hosts()
    {
        var services = new ServiceCollection();
        services.AddPmsConnectors().AddApaleo(HotelId, o => (o.PropertyId, o.ClientId, o.ClientSecret) = (PropertyId, ClientId, ClientSecret));
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHttpClientFactory>();

        Assert.Equal(new Uri("https://api.apaleo.com/"), factory.CreateClient(ApaleoClients.CoreClientName(HotelId)).BaseAddress);
        Assert.Equal(new Uri("https://webhook.apaleo.com/"), factory.CreateClient(ApaleoClients.WebhookClientName(HotelId)).BaseAddress);
        Assert.Equal(new Uri("https://identity.apaleo.com/connect/token"), ApaleoOptions.DefaultTokenEndpoint);
        var options = new ApaleoOptions();
        Assert.Equal(("Direct", 1, 10), (options.ChannelCode, options.RequestsPerSecond, options.RequestBurst));
    }

    [Fact]
    public void Missing_settings_fail_at_start_naming_the_hotel_the_setting_and_its_configuration_path()
    {
        var failures = StartupFailures(builder => builder.AddApaleoVendor().AddFromConfiguration(Hotels(new()
        {
            ["Hotels:muc:Vendor"] = "apaleo",
            ["Hotels:muc:ClientId"] = ClientId,
        })));

        Assert.Equal(
            [
                "Hotel 'muc' (apaleo): PropertyId is required (Hotels:muc:PropertyId).",
                "Hotel 'muc' (apaleo): ClientSecret is required (Hotels:muc:ClientSecret).",
            ],
            failures);
        Assert.DoesNotContain(failures, f => f.Contains(ClientId, StringComparison.Ordinal));
    }

    [Fact]
    public void Wrong_settings_in_code_fail_at_start_with_a_message_each()
    {
        var failures = StartupFailures(builder => builder.AddApaleo(HotelId, o =>
        {
            (o.PropertyId, o.ClientId, o.ClientSecret) = (PropertyId, ClientId, ClientSecret);
            o.TokenEndpoint = new Uri("/connect/token", UriKind.Relative);
            o.WebhookAddress = new Uri("ftp://webhook.example.com/");
            o.ChannelCode = "ChannelManager";
            o.Scopes.Add("reservations.read availability.read");
            (o.RequestsPerSecond, o.RequestBurst) = (101, 5000);
        }));

        Assert.Equal(
            [
                "Hotel 'muc' (apaleo): TokenEndpoint must be an absolute http or https address.",
                "Hotel 'muc' (apaleo): WebhookAddress must be an absolute http or https address.",
                "Hotel 'muc' (apaleo): Source is required when ChannelCode is ChannelManager.",
                "Hotel 'muc' (apaleo): Scopes must each be one scope name without spaces, for example reservations.manage.",
                "Hotel 'muc' (apaleo): RequestsPerSecond must be between 0 and 100.",
                "Hotel 'muc' (apaleo): RequestBurst must be between 1 and 1000.",
            ],
            failures);
    }

    [Fact]
    public void A_hotel_key_registered_twice_fails_at_registration()
    {
        var builder = new ServiceCollection().AddPmsConnectors().AddApaleo(HotelId, o => o.PropertyId = PropertyId);

        var duplicate = Assert.Throws<InvalidOperationException>(() => builder.AddApaleo("MUC", o => o.PropertyId = "BER"));

        Assert.Contains("already registered", duplicate.Message, StringComparison.Ordinal);
    }
}
