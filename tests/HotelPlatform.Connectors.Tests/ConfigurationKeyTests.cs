using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Connectors.Tests;

/// <summary>
/// A key of a hotel's section that no options property takes would be ignored by the configuration binder; it fails the
/// host at start instead, naming the key's path and the nearest known setting.
/// </summary>
public sealed class ConfigurationKeyTests
{
    public sealed class AcmeOptions : PmsConnectorOptions
    {
        public string ClientId { get; set; } = string.Empty;

        public string ClientSecret { get; set; } = string.Empty;

        public IList<string> Scopes { get; } = [];

        public AcmeLimits Limits { get; set; } = new();

        public IList<AcmeEndpoint> Endpoints { get; } = [];

        public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>();

        [ConfigurationKeyName("region")]
        public string? DataCentre { get; set; }
    }

    public sealed class AcmeLimits
    {
        public int Burst { get; set; } = 10;

        public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);
    }

    public sealed class AcmeEndpoint
    {
        public Uri? Address { get; set; }

        public int Weight { get; set; } = 1;
    }

    private sealed class AcmeVendor : IPmsConnectorVendor
    {
        public string Name => "acme";

        public void AddHotel(IPmsConnectorsBuilder builder, string hotelId, IConfiguration configuration)
        {
            builder.Services.AddPmsHotelOptions<AcmeOptions>(hotelId, Name, configuration);
            builder.AddConnector(hotelId, Name, _ => throw new InvalidOperationException("Not made in these tests."));
        }
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    private static IReadOnlyList<string> StartupFailures(IServiceCollection services)
    {
        using var provider = services.BuildServiceProvider();
        return Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate()).Failures.ToList();
    }

    private static void StartsCleanly(IServiceCollection services)
    {
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    private static IServiceCollection FromConfiguration(IConfiguration configuration, Action<IPmsConnectorsBuilder>? configure = null)
    {
        var services = new ServiceCollection();
        var builder = services.AddPmsConnectors().AddVendor(new AcmeVendor());
        configure?.Invoke(builder);
        builder.AddFromConfiguration(configuration.GetSection("Hotels"));
        return services;
    }

    [Fact]
    public void A_misspelt_key_fails_at_start_naming_the_key_its_path_and_the_nearest_setting()
    {
        var configuration = Configuration(
            ("Hotels:berlin:Vendor", "acme"),
            ("Hotels:berlin:PropertyId", "BER"),
            ("Hotels:berlin:ClientSecert", "s"));

        var failures = StartupFailures(FromConfiguration(configuration));

        Assert.Equal(
            ["Hotel 'berlin' (acme): ClientSecert is not a setting of AcmeOptions and would be ignored; did you mean ClientSecret? (Hotels:berlin:ClientSecert)."],
            failures);
    }

    [Fact]
    public void A_key_far_from_every_setting_lists_the_known_settings_and_the_way_to_allow_it()
    {
        var configuration = Configuration(("Hotels:berlin:Vendor", "acme"), ("Hotels:berlin:PropertyId", "BER"), ("Hotels:berlin:Embedded", "true"));

        var failure = Assert.Single(StartupFailures(FromConfiguration(configuration)));

        Assert.StartsWith("Hotel 'berlin' (acme): Embedded is not a setting of AcmeOptions and would be ignored (its settings: AttemptTimeout, BaseAddress, ClientId,", failure, StringComparison.Ordinal);
        Assert.Contains("AllowConfigurationKeys", failure, StringComparison.Ordinal);
        Assert.EndsWith("(Hotels:berlin:Embedded).", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_the_application_declares_are_accepted_with_everything_beneath_them_whenever_they_are_declared()
    {
        var configuration = Configuration(
            ("Hotels:berlin:Vendor", "acme"),
            ("Hotels:berlin:PropertyId", "BER"),
            ("Hotels:berlin:Embedded", "true"),
            ("Hotels:berlin:Simulator:Seed", "42"),
            ("Hotels:berlin:Simulator:Faults:0", "latency"));
        var services = FromConfiguration(configuration);

        // Declared after the hotels were added: the allowed keys are read when the options are validated.
        services.AddPmsConnectors().AllowConfigurationKeys("embedded", "Simulator");

        StartsCleanly(services);
    }

    [Fact]
    public void Vendor_and_every_known_setting_in_any_case_including_lists_dictionaries_nested_objects_and_renamed_keys_are_accepted()
    {
        var configuration = Configuration(
            ("Hotels:berlin:vendor", "acme"),
            ("Hotels:berlin:propertyid", "BER"),
            ("Hotels:berlin:ClientId", "c"),
            ("Hotels:berlin:Scopes:0", "reservations.read"),
            ("Hotels:berlin:Scopes:1", "availability.read"),
            ("Hotels:berlin:Limits:Burst", "5"),
            ("Hotels:berlin:Limits:Window", "00:00:02"),
            ("Hotels:berlin:Endpoints:0:Address", "https://a.example/"),
            ("Hotels:berlin:Endpoints:0:Weight", "2"),
            ("Hotels:berlin:Headers:x-app-key", "k"),
            ("Hotels:berlin:region", "eu"),
            ("Hotels:berlin:AttemptTimeout", "00:00:05"));

        StartsCleanly(FromConfiguration(configuration));
    }

    [Fact]
    public void Unknown_keys_inside_nested_objects_and_list_elements_fail_with_their_full_path()
    {
        var configuration = Configuration(
            ("Hotels:berlin:Vendor", "acme"),
            ("Hotels:berlin:PropertyId", "BER"),
            ("Hotels:berlin:Limits:Brust", "5"),
            ("Hotels:berlin:Endpoints:1:Adress", "https://b.example/"),
            ("Hotels:berlin:Headers:anything-goes", "v"));

        var failures = StartupFailures(FromConfiguration(configuration));

        Assert.Equal(
            [
                "Hotel 'berlin' (acme): Endpoints:1:Adress is not a setting of AcmeEndpoint and would be ignored; did you mean Endpoints:1:Address? (Hotels:berlin:Endpoints:1:Adress).",
                "Hotel 'berlin' (acme): Limits:Brust is not a setting of AcmeLimits and would be ignored; did you mean Limits:Burst? (Hotels:berlin:Limits:Brust).",
            ],
            failures);
    }

    [Fact]
    public void A_hotel_registered_from_its_own_section_is_checked_too_and_options_set_in_code_are_not()
    {
        var configuration = Configuration(("Hotels:berlin:PropertyId", "BER"), ("Hotels:berlin:PropertyID2", "x"));
        var services = new ServiceCollection();
        services.AddPmsHotelOptions<AcmeOptions>("berlin", "acme", configuration.GetSection("Hotels:berlin"));
        services.AddPmsHotelOptions<AcmeOptions>("munich", "acme", o => o.PropertyId = "MUC");

        var failure = Assert.Single(StartupFailures(services));

        Assert.Equal("Hotel 'berlin' (acme): PropertyID2 is not a setting of AcmeOptions and would be ignored; did you mean PropertyId? (Hotels:berlin:PropertyID2).", failure);
    }

    [Theory]
    [InlineData("ClientSecert", "ClientSecret", 1)]
    [InlineData("clientsecret", "ClientSecret", 0)]
    [InlineData("ClientScret", "ClientSecret", 1)]
    [InlineData("ClientSecretX", "ClientSecret", 1)]
    [InlineData("Embedded", "BaseAddress", 7)]
    public void The_distance_counts_insertions_deletions_substitutions_and_swaps_ignoring_case(string a, string b, int expected) =>
        Assert.Equal(expected, PmsConfigurationKeys.Distance(a, b));
}
