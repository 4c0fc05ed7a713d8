using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.Opera;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.Opera.Tests.Connector;

/// <summary>An OHIP simulator and an application container with OPERA hotels registered from configuration, as a host does.</summary>
internal sealed class OperaTestHost : IAsyncDisposable
{
    private OperaTestHost(OperaSimulator simulator, ServiceProvider services)
    {
        Simulator = simulator;
        Services = services;
    }

    public OperaSimulator Simulator { get; }

    public ServiceProvider Services { get; }

    public IPmsConnector this[string hotelCode] => Services.GetRequiredKeyedService<IPmsConnector>(hotelCode);

    /// <summary>Starts the simulator with <paramref name="hotelCodes"/> and registers each code as a hotel of the application.</summary>
    public static async Task<OperaTestHost> StartAsync(
        IReadOnlyList<string> hotelCodes,
        SimulatorOptions? simulatorOptions = null,
        Action<OperaSimulatorOptions>? configure = null,
        IEnumerable<KeyValuePair<string, string?>>? settings = null,
        TimeProvider? time = null)
    {
        var options = new OperaSimulatorOptions();
        options.HotelCodes.Clear();
        foreach (var code in hotelCodes)
        {
            options.HotelCodes.Add(code);
        }

        configure?.Invoke(options);
        var simulator = new OperaSimulator(simulatorOptions ?? new SimulatorOptions { EnforceRateLimits = false }, options);
        await simulator.StartAsync();
        var services = new ServiceCollection();
        services.AddSingleton(time ?? TimeProvider.System);
        var connectors = services.AddPmsConnectors();
        foreach (var code in hotelCodes)
        {
            var hotel = new ConfigurationBuilder().AddInMemoryCollection(OperaSimulatorBinding.HotelSettings(simulator, code)).AddInMemoryCollection(settings ?? []).Build();
            connectors.AddOpera(code, hotel);
        }

        return new OperaTestHost(simulator, services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
