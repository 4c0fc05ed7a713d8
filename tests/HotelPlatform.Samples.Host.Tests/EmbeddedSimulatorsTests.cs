using System.Net;
using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.Apaleo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Samples.Host.Tests;

/// <summary>
/// <c>"Embedded": true</c> through the vendor's simulator binding: any vendor with a registered binding gets its simulator
/// and its hotel's settings pointed at it; a vendor without one stops the host naming what is registered.
/// </summary>
public sealed class EmbeddedSimulatorsTests(SampleHostTests.HostFactory factory) : IClassFixture<SampleHostTests.HostFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ConfigurationManager Hotels(params (string Hotel, string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>($"Hotels:{s.Hotel}:{s.Key}", s.Value)));
        return configuration;
    }

    [Fact]
    public async Task A_vendor_with_a_registered_binding_gets_its_simulator_and_the_hotel_points_at_it()
    {
        var configuration = Hotels(("acme-1", "Vendor", "acme"), ("acme-1", "Embedded", "true"), ("acme-1", "ApiKey", "key-from-config"), ("plain", "Vendor", "acme"));
        await using var embedded = new EmbeddedSimulators(configuration, [new AcmeBinding()]);

        await embedded.StartAsync(Ct);

        var simulator = Assert.IsType<AcmeSimulator>(Assert.Single(embedded.Simulators).Value);
        Assert.True(simulator.IsRunning);
        Assert.Equal("key-from-config", simulator.AcceptedKey);
        Assert.Equal(simulator.BaseAddress.ToString(), configuration["Hotels:acme-1:BaseAddress"]);
        Assert.Equal("key-from-config", configuration["Hotels:acme-1:ApiKey"]);
        Assert.Null(configuration["Hotels:plain:BaseAddress"]);
        using var client = simulator.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/ping", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task Disposing_stops_every_simulator_started()
    {
        var configuration = Hotels(("a", "Vendor", "acme"), ("a", "Embedded", "true"), ("b", "Vendor", "ACME"), ("b", "Embedded", "True"));
        var embedded = new EmbeddedSimulators(configuration, [new AcmeBinding()]);
        await embedded.StartAsync(Ct);
        var simulators = embedded.Simulators.Values.ToList();

        await embedded.DisposeAsync();

        Assert.Equal(2, simulators.Count);
        Assert.All(simulators, s => Assert.False(s.IsRunning));
    }

    [Fact]
    public async Task A_vendor_without_a_binding_fails_naming_it_and_stops_what_was_started()
    {
        var configuration = Hotels(("a", "Vendor", "acme"), ("a", "Embedded", "true"), ("z", "Vendor", "opera"), ("z", "Embedded", "true"));
        var binding = new AcmeBinding();
        await using var embedded = new EmbeddedSimulators(configuration, [binding]);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => embedded.StartAsync(Ct));

        Assert.Contains("Hotel 'z'", error.Message, StringComparison.Ordinal);
        Assert.Contains("vendor 'opera'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Vendors with one: acme", error.Message, StringComparison.Ordinal);
        Assert.False(Assert.Single(binding.Started).IsRunning);
        Assert.Null(configuration["Hotels:a:BaseAddress"]);
    }

    [Fact]
    public void The_sample_points_its_apaleo_hotel_at_the_simulator_the_apaleo_binding_started()
    {
        using var client = factory.CreateClient();
        var embedded = factory.Services.GetRequiredService<EmbeddedSimulators>();
        var configuration = factory.Services.GetRequiredService<IConfiguration>();

        var apaleo = Assert.IsType<ApaleoSimulator>(embedded.Simulators["munich-apaleo"]);

        Assert.Equal(apaleo.BaseAddress.ToString(), configuration["Hotels:munich-apaleo:BaseAddress"]);
        Assert.Equal(new Uri(apaleo.BaseAddress, ApaleoSimulator.TokenPath).ToString(), configuration["Hotels:munich-apaleo:TokenEndpoint"]);
        Assert.Equal("MUC", apaleo.Scenario.PropertyId);
        Assert.Equal(configuration["Hotels:munich-apaleo:ClientId"], apaleo.ApaleoOptions.ClientId);
    }

    [Fact]
    public async Task The_last_binding_registered_for_a_vendor_is_the_one_used()
    {
        // As with any service registered twice, an application's own binding (registered after the sample's) wins.
        var configuration = Hotels(("a", "Vendor", "acme"), ("a", "Embedded", "true"));
        AcmeBinding first = new(), last = new();
        await using var embedded = new EmbeddedSimulators(configuration, [first, last]);

        await embedded.StartAsync(Ct);

        Assert.Empty(first.Started);
        Assert.Same(Assert.Single(last.Started), embedded.Simulators["a"]);
    }

    [Fact]
    public void An_embedded_hotel_of_a_vendor_without_a_binding_stops_the_host()
    {
        using var broken = factory.WithWebHostBuilder(b => b
            .UseSetting("Hotels:berlin-mitte:Embedded", "true"));

        var error = Assert.ThrowsAny<Exception>(() => broken.CreateClient());

        Assert.Contains("vendor 'inmemory' has no simulator binding", Flatten(error), StringComparison.Ordinal);
    }

    private static string Flatten(Exception error) => error is AggregateException aggregate
        ? string.Join(" | ", aggregate.InnerExceptions.Select(Flatten))
        : error.Message + (error.InnerException is null ? string.Empty : " | " + Flatten(error.InnerException));

    /// <summary>A vendor the sample has no connector for: its simulator accepts the hotel's API key and answers a ping.</summary>
    private sealed class AcmeSimulator(string acceptedKey) : VendorSimulator
    {
        public string AcceptedKey { get; } = acceptedKey;

        public override string Vendor => "acme";

        protected override void MapRoutes(IEndpointRouteBuilder routes) =>
            routes.MapGet("/ping", (HttpContext context) => context.Request.Headers.Host.Count > 0 ? Results.Ok() : Results.BadRequest());
    }

    private sealed class AcmeBinding : ISimulatorBinding
    {
        public List<AcmeSimulator> Started { get; } = [];

        public string Vendor => "acme";

        public async Task<BoundSimulator> StartAsync(SimulatorBindingContext context, CancellationToken cancellationToken = default)
        {
            var simulator = new AcmeSimulator(context.Hotel["ApiKey"] ?? "acme-default-key");
            Started.Add(simulator);
            await simulator.StartAsync(cancellationToken);
            return new BoundSimulator(simulator, new Dictionary<string, string?>
            {
                ["BaseAddress"] = simulator.BaseAddress.ToString(),
                ["ApiKey"] = simulator.AcceptedKey,
            });
        }
    }
}
