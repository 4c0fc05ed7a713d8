using System.Net;
using HotelPlatform.Connectors.Authentication;
using HotelPlatform.Connectors.Http;
using HotelPlatform.Connectors.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Connectors.Tests;

/// <summary>
/// A hotel's configuration changed while the host runs (an operator's edit, docs/adr/0035): the candidate is checked with
/// the start-up validation, and once the configuration reloads, the hotel's next call uses the new settings.
/// </summary>
public sealed class HotelConfigurationChangeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed class AcmeOptions : PmsConnectorOptions
    {
        public string ApiKey { get; set; } = string.Empty;
    }

    private sealed class AcmeValidator : PmsConnectorOptionsValidator<AcmeOptions>
    {
        public override void Validate(AcmeOptions options, PmsOptionsValidationContext context)
        {
            base.Validate(options, context);
            context.RequireText(nameof(AcmeOptions.ApiKey), options.ApiKey);
        }
    }

    /// <summary>Registers hotels whose connector reports the property id it was made with and whose client sends the API key.</summary>
    private sealed class AcmeVendor(TestHttpHandler? api = null) : IPmsConnectorVendor
    {
        public string Name => "acme";

        public int Made { get; private set; }

        public void AddHotel(IPmsConnectorsBuilder builder, string hotelId, IConfiguration configuration)
        {
            builder.Services.AddPmsHotelOptions(hotelId, Name, configuration, new AcmeValidator());
            builder.AddConnector(hotelId, Name, sp =>
            {
                Made++;
                return new FakeConnector(Name, sp.GetRequiredService<IOptionsMonitor<AcmeOptions>>().Get(hotelId).PropertyId);
            });
            var client = builder.Services.AddHttpClient($"acme:{hotelId}").AddPmsHttpPipeline<AcmeOptions>(hotelId, (_, o) => new PmsHttpClientOptions
            {
                Vendor = Name,
                HotelId = hotelId,
                BaseAddress = o.BaseAddress ?? new Uri("http://127.0.0.1/api/"),
                Authenticator = PmsHeaderAuthenticator.ApiKey("x-api-key", o.ApiKey),
            });
            if (api is not null)
            {
                client.ConfigurePrimaryHttpMessageHandler(() => api);
            }
        }
    }

    private static IConfigurationRoot Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    private static ServiceProvider Host(IConfiguration configuration, AcmeVendor vendor)
    {
        var services = new ServiceCollection();
        services.AddPmsConnectors().AddVendor(vendor).AllowConfigurationKeys("Name").AddFromConfiguration(configuration.GetSection("Hotels"));
        return services.BuildServiceProvider();
    }

    [Fact]
    public void A_candidate_hotel_fails_with_exactly_the_messages_the_host_gives_at_start()
    {
        var candidate = Configuration(
            ("Hotels:berlin:Vendor", "acme"),
            ("Hotels:berlin:BaseAddress", "ftp://files.example/"),
            ("Hotels:berlin:ApiKie", "k-1"),
            ("Hotels:berlin:Name", "Berlin"));
        using var running = Host(Configuration(("Hotels:other:Vendor", "acme"), ("Hotels:other:PropertyId", "O"), ("Hotels:other:ApiKey", "k")), new AcmeVendor());
        using var startingWithCandidate = Host(candidate, new AcmeVendor());
        var atStart = Assert.Throws<OptionsValidationException>(() => startingWithCandidate.GetRequiredService<IStartupValidator>().Validate()).Failures;

        var failures = running.ValidateHotelConfiguration(candidate.GetSection("Hotels"));

        Assert.Equal(atStart, failures);
        Assert.Equal(
            [
                "Hotel 'berlin' (acme): PropertyId is required (Hotels:berlin:PropertyId).",
                "Hotel 'berlin' (acme): BaseAddress must be an absolute http or https address (Hotels:berlin:BaseAddress).",
                "Hotel 'berlin' (acme): ApiKey is required (Hotels:berlin:ApiKey).",
                "Hotel 'berlin' (acme): ApiKie is not a setting of AcmeOptions and would be ignored; did you mean ApiKey? (Hotels:berlin:ApiKie).",
            ],
            failures);
    }

    [Fact]
    public void A_valid_candidate_passes_and_the_running_host_keeps_its_own_hotels()
    {
        using var running = Host(Configuration(("Hotels:other:Vendor", "acme"), ("Hotels:other:PropertyId", "O"), ("Hotels:other:ApiKey", "k")), new AcmeVendor());

        var failures = running.ValidateHotelConfiguration(Configuration(
            ("Hotels:berlin:Vendor", "acme"), ("Hotels:berlin:PropertyId", "BER"), ("Hotels:berlin:ApiKey", "k-2"), ("Hotels:berlin:Name", "Berlin")).GetSection("Hotels"));

        Assert.Empty(failures);
        Assert.Equal(["other"], running.GetRequiredService<IPmsConnectorRegistry>().Hotels.Select(h => h.HotelId));
    }

    [Fact]
    public void A_candidate_naming_a_vendor_no_package_registered_fails_as_it_would_at_start()
    {
        using var running = Host(Configuration(), new AcmeVendor());

        var failures = running.ValidateHotelConfiguration(Configuration(("Hotels:berlin:Vendor", "nobody"), ("Hotels:berlin:PropertyId", "BER")).GetSection("Hotels"));

        var failure = Assert.Single(failures);
        Assert.StartsWith("Hotel 'berlin' (Hotels:berlin:Vendor) names vendor 'nobody', which no connector package registered. Known vendors: acme.", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void After_a_configuration_reload_the_registry_makes_the_hotels_connector_again_with_the_new_settings()
    {
        var source = new Dictionary<string, string?> { ["Hotels:berlin:Vendor"] = "acme", ["Hotels:berlin:PropertyId"] = "BER", ["Hotels:berlin:ApiKey"] = "k" };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(source).Build();
        var vendor = new AcmeVendor();
        using var host = Host(configuration, vendor);
        var registry = host.GetRequiredService<IPmsConnectorRegistry>();
        var before = registry.Get("berlin");
        var unchanged = registry.Get("berlin");

        configuration["Hotels:berlin:PropertyId"] = "BER-2";
        configuration.Reload();
        var after = registry.Get("berlin");

        Assert.Same(before, unchanged);
        Assert.Equal(("BER", "BER-2"), (before.PropertyId, after.PropertyId));
        Assert.Same(after, registry.Get("berlin"));
        Assert.Equal(2, vendor.Made);
    }

    [Fact]
    public async Task After_a_configuration_reload_the_next_request_carries_the_new_credential_although_the_handler_is_not_rebuilt()
    {
        var api = new TestHttpHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK));
        var configuration = Configuration(("Hotels:berlin:Vendor", "acme"), ("Hotels:berlin:PropertyId", "BER"), ("Hotels:berlin:ApiKey", "old-key"));
        using var host = Host(configuration, new AcmeVendor(api));
        var client = host.GetRequiredService<IHttpClientFactory>().CreateClient("acme:berlin");
        using var first = await client.GetAsync(new Uri("rooms", UriKind.Relative), Ct);

        configuration["Hotels:berlin:ApiKey"] = "new-key";
        configuration.Reload();
        using var second = await client.GetAsync(new Uri("rooms", UriKind.Relative), Ct);

        Assert.Equal(["old-key", "new-key"], api.Requests.Select(r => r.Headers["x-api-key"]));
    }
}
