using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.Apaleo;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;

/// <summary>
/// Apaleo hotels each served by its own <see cref="ApaleoSimulator"/> on 127.0.0.1, registered with <c>AddApaleo</c> on
/// one service provider and one <see cref="TestClock"/>: the connector as an application resolves it, through the
/// runtime's whole pipeline, against the simulator's rules.
/// </summary>
internal sealed class SimulatedApaleoHotels : IAsyncDisposable
{
    private readonly Dictionary<string, ApaleoSimulator> _simulators;

    private SimulatedApaleoHotels(TestClock clock, Dictionary<string, ApaleoSimulator> simulators, ServiceProvider services)
    {
        Clock = clock;
        _simulators = simulators;
        Services = services;
    }

    public TestClock Clock { get; }

    public ServiceProvider Services { get; }

    public IPmsConnectorRegistry Registry => Services.GetRequiredService<IPmsConnectorRegistry>();

    public static async Task<SimulatedApaleoHotels> StartAsync(CancellationToken cancellationToken, params string[] hotelIds)
    {
        var clock = new TestClock();
        var simulators = new Dictionary<string, ApaleoSimulator>(StringComparer.Ordinal);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddLogging();
        var builder = services.AddPmsConnectors();
        foreach (var hotelId in hotelIds)
        {
            var simulator = new ApaleoSimulator(new SimulatorOptions { TimeProvider = clock }, new ApaleoSimulatorOptions());
            await simulator.StartAsync(cancellationToken);
            simulators[hotelId] = simulator;
            builder.AddApaleo(hotelId, o =>
            {
                o.PropertyId = simulator.Scenario.PropertyId;
                o.ClientId = ApaleoSimulatorOptions.DefaultClientId;
                o.ClientSecret = ApaleoSimulatorOptions.DefaultClientSecret;
                o.BaseAddress = simulator.BaseAddress;
                o.WebhookAddress = simulator.BaseAddress;
                o.TokenEndpoint = new Uri(simulator.BaseAddress, ApaleoSimulator.TokenPath);
                o.RequestsPerSecond = 100;
                o.RequestBurst = 100;
            });
        }

        return new SimulatedApaleoHotels(clock, simulators, services.BuildServiceProvider());
    }

    public ApaleoSimulator Simulator(string hotelId) => _simulators[hotelId];

    public IPmsConnector Connector(string hotelId) => Registry.Get(hotelId);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        foreach (var simulator in _simulators.Values)
        {
            await simulator.DisposeAsync();
        }
    }
}
