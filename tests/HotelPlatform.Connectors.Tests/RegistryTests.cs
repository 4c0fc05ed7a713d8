using HotelPlatform.Connectors.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.Tests;

public sealed class RegistryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class RecordingConnector(IPmsConnector inner, string name, List<string> calls) : DelegatingPmsConnector(inner)
    {
        public override Task<PmsProperty> GetPropertyAsync(CancellationToken cancellationToken = default)
        {
            calls.Add(name);
            return base.GetPropertyAsync(cancellationToken);
        }
    }

    private sealed class RecordingVendor(string name) : IPmsConnectorVendor
    {
        public string Name => name;

        public List<(string HotelId, string? PropertyId, string Path)> Hotels { get; } = [];

        public void AddHotel(IPmsConnectorsBuilder builder, string hotelId, IConfiguration configuration)
        {
            Hotels.Add((hotelId, configuration["PropertyId"], ((IConfigurationSection)configuration).Path));
            builder.AddConnector(hotelId, name, _ => new FakeConnector(name, configuration["PropertyId"]!));
        }
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Fact]
    public async Task A_hotel_resolves_as_a_keyed_service_and_through_the_registry_as_one_instance_made_once()
    {
        var made = 0;
        var services = new ServiceCollection();
        services.AddPmsConnectors().AddConnector("berlin-mitte", "fake", _ =>
        {
            made++;
            return new FakeConnector(propertyId: "BER");
        });
        await using var provider = services.BuildServiceProvider();

        var keyed = provider.GetRequiredKeyedService<IPmsConnector>("berlin-mitte");
        var viaRegistry = provider.GetRequiredService<IPmsConnectorRegistry>().Get("BERLIN-MITTE");

        Assert.Same(keyed, viaRegistry);
        Assert.Equal("BER", keyed.PropertyId);
        Assert.Equal("fake", keyed.Vendor);
        Assert.Equal(1, made);
        Assert.Equal("berlin-mitte", Assert.Single(provider.GetRequiredService<IPmsConnectorRegistry>().Hotels).HotelId);
    }

    private sealed class DisposableConnector() : DelegatingPmsConnector(new FakeConnector(propertyId: "BER"))
    {
        public int Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed += disposing ? 1 : 0;
            base.Dispose(disposing);
        }
    }

    [Fact]
    public void Disposing_the_container_synchronously_disposes_the_connectors_it_made()
    {
        var connector = new DisposableConnector();
        var services = new ServiceCollection();
        services.AddPmsConnectors().AddConnector("berlin-mitte", "fake", _ => connector);
        var provider = services.BuildServiceProvider();
        _ = provider.GetRequiredKeyedService<IPmsConnector>("berlin-mitte");

        provider.Dispose();

        Assert.Equal(1, connector.Disposed);
    }

    [Fact]
    public void A_hotel_key_registered_twice_is_refused_whatever_its_case()
    {
        var builder = new ServiceCollection().AddPmsConnectors().AddConnector("berlin", "apaleo", _ => new FakeConnector());

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddConnector("BERLIN", "mews", _ => new FakeConnector()));

        Assert.Equal("Hotel 'BERLIN' is already registered (vendor apaleo); hotel keys are unique, case-insensitively.", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    public void An_invalid_hotel_key_is_refused(string hotelId)
    {
        var builder = new ServiceCollection().AddPmsConnectors();

        Assert.ThrowsAny<ArgumentException>(() => builder.AddConnector(hotelId, "fake", _ => new FakeConnector()));
    }

    [Fact]
    public async Task An_unknown_hotel_fails_with_a_message_listing_the_registered_ones()
    {
        var services = new ServiceCollection();
        services.AddPmsConnectors()
            .AddConnector("berlin", "fake", _ => new FakeConnector())
            .AddConnector("prague", "fake", _ => new FakeConnector());
        await using var provider = services.BuildServiceProvider();
        var registry = provider.GetRequiredService<IPmsConnectorRegistry>();

        var error = Assert.Throws<KeyNotFoundException>(() => registry.Get("vienna"));

        Assert.Equal("No hotel 'vienna' is registered. Registered hotels: berlin, prague.", error.Message);
        Assert.False(registry.TryGet("vienna", out _));
    }

    [Fact]
    public async Task The_first_middleware_is_the_outermost_and_telemetry_wraps_them_all()
    {
        var calls = new List<string>();
        var services = new ServiceCollection();
        services.AddPmsConnectors()
            .Use(inner => new RecordingConnector(inner, "outer", calls))
            .Use((inner, _) => new RecordingConnector(inner, "inner", calls))
            .AddConnector("berlin", "fake", _ => new FakeConnector());
        await using var provider = services.BuildServiceProvider();

        var connector = provider.GetRequiredKeyedService<IPmsConnector>("berlin");
        await connector.GetPropertyAsync(Ct);

        Assert.Equal(["outer", "inner"], calls);
        Assert.IsType<TelemetryPmsConnector>(connector);
        Assert.NotNull(connector.GetService(typeof(RecordingConnector)));
        Assert.IsType<FakeConnector>(connector.GetService(typeof(FakeConnector)));
    }

    [Fact]
    public async Task A_factory_that_returns_null_fails_naming_the_hotel()
    {
        var services = new ServiceCollection();
        services.AddPmsConnectors().AddConnector("berlin", "fake", _ => null!);
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IPmsConnectorRegistry>().Get("berlin"));

        Assert.Equal("The factory of hotel 'berlin' returned null.", error.Message);
    }

    [Fact]
    public async Task Hotels_of_a_configuration_section_are_registered_through_their_vendor()
    {
        var vendor = new RecordingVendor("acme");
        var configuration = Configuration(
            ("Hotels:berlin:Vendor", "ACME"),
            ("Hotels:berlin:PropertyId", "BER"),
            ("Hotels:prague:Vendor", "acme"),
            ("Hotels:prague:PropertyId", "PRG"));
        var services = new ServiceCollection();
        services.AddPmsConnectors().AddVendor(vendor).AddFromConfiguration(configuration.GetSection("Hotels"));
        await using var provider = services.BuildServiceProvider();

        Assert.Equal([("berlin", "BER", "Hotels:berlin"), ("prague", "PRG", "Hotels:prague")], vendor.Hotels);
        Assert.Equal("PRG", provider.GetRequiredKeyedService<IPmsConnector>("prague").PropertyId);
    }

    [Fact]
    public void A_hotel_without_a_vendor_setting_fails_naming_the_hotel_and_the_known_vendors()
    {
        var configuration = Configuration(("Hotels:berlin:PropertyId", "BER"));
        var builder = new ServiceCollection().AddPmsConnectors().AddVendor(new RecordingVendor("apaleo")).AddVendor(new RecordingVendor("mews"));

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddFromConfiguration(configuration.GetSection("Hotels")));

        Assert.Equal("Hotel 'berlin' (Hotels:berlin) has no Vendor setting. Known vendors: apaleo, mews.", error.Message);
    }

    [Fact]
    public void A_hotel_naming_an_unregistered_vendor_fails_telling_how_to_fix_it()
    {
        var configuration = Configuration(("Hotels:berlin:Vendor", "opera"));
        var builder = new ServiceCollection().AddPmsConnectors();

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddFromConfiguration(configuration.GetSection("Hotels")));

        Assert.StartsWith("Hotel 'berlin' (Hotels:berlin:Vendor) names vendor 'opera', which no connector package registered. Known vendors: (none).", error.Message, StringComparison.Ordinal);
        Assert.Contains("before AddFromConfiguration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddPmsConnectors_can_be_called_more_than_once_over_the_same_registrations()
    {
        var services = new ServiceCollection();
        services.AddPmsConnectors().AddConnector("berlin", "fake", _ => new FakeConnector());
        services.AddPmsConnectors().AddConnector("prague", "fake", _ => new FakeConnector());
        await using var provider = services.BuildServiceProvider();

        Assert.Equal(2, provider.GetRequiredService<IPmsConnectorRegistry>().Hotels.Count);
        Assert.Single(provider.GetServices<IPmsConnectorRegistry>());
    }
}
