using HotelPlatform.Connectors.Analytics.Replay;
using HotelPlatform.Connectors.Apaleo;
using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.Apaleo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HotelPlatform.Connectors.Analytics.Tests;

/// <summary>
/// An Apaleo hotel as an application has it: the Apaleo connector registered with <c>AddPmsConnectors().AddApaleo</c>
/// (the SDK's pipeline and telemetry), talking over loopback HTTP to the Apaleo simulator. The simulator's day is
/// <see cref="ReplayHotel.Now"/> (the replay's stays fall after it); it has a unit group with room for every replayed
/// booking and no restriction, and failed bookings ask for a unit group and rate plan the property does not have (an Apaleo
/// rate plan implies its unit group), which Apaleo refuses.
/// The simulator's request quota and the connector's pacing are off: the replay makes ~2,000 calls.
/// </summary>
internal sealed class ApaleoReplayHotel : IAsyncDisposable
{
    public const string HotelId = "replay-apaleo";

    private readonly ApaleoSimulator _simulator;
    private readonly ServiceProvider _services;

    private ApaleoReplayHotel(ApaleoSimulator simulator, ServiceProvider services)
    {
        _simulator = simulator;
        _services = services;
        Connector = services.GetRequiredService<IPmsConnectorRegistry>().Get(HotelId);
    }

    public IPmsConnector Connector { get; }

    public SgdReplayOptions Options => new() { RoomTypeId = $"{_simulator.Scenario.PropertyId}-REPLAY", RatePlanId = $"{_simulator.Scenario.PropertyId}-FLEX-REPLAY", UnavailableRoomTypeId = $"{_simulator.Scenario.PropertyId}-NONE", UnavailableRatePlanId = $"{_simulator.Scenario.PropertyId}-FLEX-NONE" };

    public int Reservations => _simulator.Reservations.Count(r => r.UnitGroupId == Options.RoomTypeId);

    public static async Task<ApaleoReplayHotel> StartAsync()
    {
        var seed = new ApaleoSeed();
        var simulator = new ApaleoSimulator(
            new SimulatorOptions { TimeProvider = new FakeTimeProvider(ReplayHotel.Now), EnforceRateLimits = false },
            new ApaleoSimulatorOptions { Seed = new ApaleoSeed { UnitGroups = [.. seed.UnitGroups, new("REPLAY", "Replay room", 2000, 2, 120m)] } });
        try
        {
            await simulator.StartAsync(TestContext.Current.CancellationToken);
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddPmsConnectors().AddApaleo(HotelId, o =>
            {
                o.PropertyId = simulator.Scenario.PropertyId;
                o.ClientId = ApaleoSimulatorOptions.DefaultClientId;
                o.ClientSecret = ApaleoSimulatorOptions.DefaultClientSecret;
                o.BaseAddress = simulator.BaseAddress;
                o.TokenEndpoint = new Uri(simulator.BaseAddress, ApaleoSimulator.TokenPath);
                o.WebhookAddress = simulator.BaseAddress;
                o.RequestsPerSecond = 0;
            });
            return new ApaleoReplayHotel(simulator, services.BuildServiceProvider());
        }
        catch
        {
            await simulator.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _simulator.DisposeAsync();
    }
}
