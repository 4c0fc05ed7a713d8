using HotelPlatform.Connectors.InMemory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HotelPlatform.Connectors.InMemory.Tests;

public sealed class RegistrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IConfiguration Config(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Fact]
    public async Task Hotels_from_configuration_resolve_by_key_with_their_own_zone_and_currency()
    {
        var configuration = Config(
            ("Hotels:berlin-mitte:Vendor", "inmemory"),
            ("Hotels:berlin-mitte:PropertyId", "BER"),
            ("Hotels:berlin-mitte:TimeZone", "Europe/Berlin"),
            ("Hotels:berlin-mitte:Currency", "EUR"),
            ("Hotels:tokyo-ginza:Vendor", "InMemory"),
            ("Hotels:tokyo-ginza:PropertyId", "TYO"),
            ("Hotels:tokyo-ginza:TimeZone", "Asia/Tokyo"),
            ("Hotels:tokyo-ginza:Currency", "JPY"));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(TestHotel.Now));
        services.AddPmsConnectors().AddInMemoryVendor().AddFromConfiguration(configuration.GetSection("Hotels"));
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        var berlin = provider.GetRequiredKeyedService<IPmsConnector>("berlin-mitte");
        var tokyo = provider.GetRequiredService<IPmsConnectorRegistry>().Get("tokyo-ginza");

        Assert.Equal((PmsVendors.InMemory, "BER"), (berlin.Vendor, berlin.PropertyId));
        Assert.Equal(new PmsProperty("TYO", "In-memory hotel", "Asia/Tokyo", "JPY") { Code = "TYO" }, await tokyo.GetPropertyAsync(Ct));
        Assert.Equal(ConnectorCapabilities.All, tokyo.Capabilities);

        // No seed in configuration: each hotel is the demo hotel, in its own currency.
        var quotes = await tokyo.QuoteAsync(new QuoteRequest(TestHotel.Today.AddDays(1), TestHotel.Today.AddDays(2), 1), Ct);
        Assert.NotEmpty(quotes);
        Assert.All(quotes, q => Assert.Equal("JPY", q.Total.Currency));
        Assert.NotSame(provider.GetRequiredKeyedService<InMemoryPms>("berlin-mitte"), provider.GetRequiredKeyedService<InMemoryPms>("tokyo-ginza"));
        Assert.Same(provider.GetRequiredKeyedService<InMemoryPms>("berlin-mitte"), berlin.GetService<InMemoryPms>());
    }

    [Fact]
    public void Configuration_naming_the_vendor_without_registering_it_fails_with_the_fix()
    {
        var services = new ServiceCollection();

        var ex = Assert.Throws<InvalidOperationException>(() => services.AddPmsConnectors()
            .AddFromConfiguration(Config(("Hotels:h:Vendor", "inmemory")).GetSection("Hotels")));

        Assert.Contains("inmemory", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configuration_settings_bind_to_the_options()
    {
        var configuration = Config(
            ("h:Vendor", "inmemory"),
            ("h:PropertyId", "LIS"),
            ("h:Name", "Lisbon Riverside"),
            ("h:TimeZone", "Europe/Lisbon"),
            ("h:Currency", "eur"),
            ("h:SeedDemoData", "false"),
            ("h:AllowArrivalsInThePast", "true"),
            ("h:DefaultPageSize", "7"),
            ("h:Capabilities", "Inventory, RatePlans"));
        var services = new ServiceCollection();
        services.AddPmsConnectors().AddInMemoryVendor().AddFromConfiguration(configuration);
        await using var provider = services.BuildServiceProvider();

        var connector = provider.GetRequiredKeyedService<IPmsConnector>("h");
        var options = provider.GetRequiredService<IOptionsMonitor<InMemoryPmsOptions>>().Get("h");

        Assert.Equal(ConnectorCapabilities.Inventory | ConnectorCapabilities.RatePlans, connector.Capabilities);
        Assert.Equal("Lisbon Riverside", (await connector.GetPropertyAsync(Ct)).Name);
        Assert.Empty(await connector.GetRoomTypesAsync(Ct));
        Assert.True(options.AllowArrivalsInThePast);
        Assert.Equal(7, options.DefaultPageSize);
        await Assert.ThrowsAsync<PmsNotSupportedException>(() => connector.QuoteAsync(new QuoteRequest(TestHotel.Today, TestHotel.Today.AddDays(1), 1), Ct));
    }

    [Fact]
    public async Task A_hotel_seeded_in_code_holds_only_its_seed_and_uses_the_clock_from_DI()
    {
        var clock = new FakeTimeProvider(TestHotel.Now);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddPmsConnectors().AddInMemory("test", o => o
            .Seed(h => h.AddRoomType("DBL", "Double", 1).AddRatePlan("FLEX", "Flex", p => p.Price("DBL", 100m)))
            .Seed(h => h.AddReservation(today => new ReservationDraft(today, today.AddDays(1), "DBL", "FLEX", new GuestProfile("Today")))));
        await using var provider = services.BuildServiceProvider();
        var connector = provider.GetRequiredKeyedService<IPmsConnector>("test");
        var pms = provider.GetRequiredKeyedService<InMemoryPms>("test");

        Assert.Equal("DBL", Assert.Single(await connector.GetRoomTypesAsync(Ct)).VendorId);
        Assert.Equal("INMEMORY", connector.PropertyId);
        Assert.Equal(TestHotel.Today, pms.Today);
        var arrival = Assert.Single(await List(connector, ReservationQuery.ArrivalsToday()));
        Assert.Equal("Today", arrival.PrimaryGuest.LastName);
        Assert.Equal(TestHotel.Now, arrival.CreatedAt);

        clock.Advance(TimeSpan.FromDays(1));
        Assert.Empty(await List(connector, ReservationQuery.ArrivalsToday()));
    }

    [Fact]
    public async Task Seeding_demo_data_can_be_forced_alongside_a_seed()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(TestHotel.Now));
        services.AddPmsConnectors().AddInMemory("demo-plus", o =>
        {
            o.SeedDemoData = true;
            o.Seed(h => h.AddRoomType("PENT", "Penthouse", 1));
        });
        await using var provider = services.BuildServiceProvider();

        var roomTypes = provider.GetRequiredKeyedService<InMemoryPms>("demo-plus").RoomTypes.Select(r => r.VendorId).ToList();

        Assert.Contains("STD", roomTypes);
        Assert.Equal("PENT", roomTypes[^1]);
    }

    [Fact]
    public async Task Invalid_settings_fail_when_the_hotel_is_first_used_naming_hotel_and_setting()
    {
        var configuration = Config(
            ("Hotels:bad:Vendor", "inmemory"),
            ("Hotels:bad:PropertyId", ""),
            ("Hotels:bad:TimeZone", "Berlin"),
            ("Hotels:bad:Currency", "EURO"),
            ("Hotels:bad:DefaultPageSize", "0"));
        var services = new ServiceCollection();
        services.AddPmsConnectors().AddInMemoryVendor().AddFromConfiguration(configuration.GetSection("Hotels"));
        await using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredKeyedService<IPmsConnector>("bad"));

        Assert.Contains(ex.Failures, f => f.Contains("Hotel 'bad' (inmemory): TimeZone", StringComparison.Ordinal) && f.Contains("Hotels:bad:TimeZone", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("Currency", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("PropertyId is required", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("DefaultPageSize", StringComparison.Ordinal));
        Assert.DoesNotContain(ex.Failures, f => f.Contains("EURO", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invalid_settings_stop_the_host_from_starting()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddPmsConnectors().AddInMemory("bad", o => o.TimeZone = "Not/AZone");
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));

        Assert.Contains("Hotel 'bad' (inmemory): TimeZone", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registering_the_same_hotel_twice_is_refused()
    {
        var builder = new ServiceCollection().AddPmsConnectors().AddInMemory("twice");

        Assert.Throws<InvalidOperationException>(() => builder.AddInMemory("TWICE"));
    }

    [Fact]
    public async Task Adding_the_vendor_twice_is_harmless()
    {
        var services = new ServiceCollection();
        services.AddPmsConnectors().AddInMemoryVendor().AddInMemoryVendor()
            .AddFromConfiguration(Config(("h:Vendor", "inmemory")));
        await using var provider = services.BuildServiceProvider();

        Assert.Equal(PmsVendors.InMemory, provider.GetRequiredKeyedService<IPmsConnector>("h").Vendor);
    }

    private static async Task<List<Reservation>> List(IPmsConnector connector, ReservationQuery query)
    {
        var listed = new List<Reservation>();
        await foreach (var reservation in connector.GetReservationsAsync(query, Ct))
        {
            listed.Add(reservation);
        }

        return listed;
    }
}
