using HotelPlatform.Connectors;
using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.Apaleo;

namespace HotelPlatform.Samples.Host;

/// <summary>
/// Starts an in-process vendor simulator for every hotel whose configuration says <c>"Embedded": true</c> and points
/// the hotel's connector at it (base address, token endpoint; the simulator accepts the hotel's credentials), so that
/// the sample runs a real vendor connector, over HTTP on loopback, with no real credentials and no network. A hotel
/// without the flag talks to the vendor itself with the settings it gives.
/// </summary>
/// <remarks>
/// It runs as the host's first hosted service, not before <c>builder.Build()</c>: a simulator is itself an ASP.NET Core
/// host, and one built before the application's would be the host <c>WebApplicationFactory</c> captures in tests.
/// Connectors are made on first use and read their options through <c>IOptionsMonitor</c>, so the addresses added here
/// are the ones they see.
/// </remarks>
internal sealed class EmbeddedSimulators(ConfigurationManager configuration) : IHostedService, IAsyncDisposable
{
    private readonly List<VendorSimulator> _started = [];

    /// <summary>Starts the simulators the hotels ask for and adds their addresses to the host's configuration.</summary>
    /// <param name="cancellationToken">A token that cancels start-up.</param>
    /// <returns>A task that completes when every simulator listens.</returns>
    /// <exception cref="InvalidOperationException">A hotel asks for an embedded simulator its vendor does not have.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var defaults = new ApaleoSeed();
        try
        {
            foreach (var hotel in configuration.GetSection("Hotels").GetChildren())
            {
                if (!bool.TryParse(hotel["Embedded"], out var embedded) || !embedded)
                {
                    continue;
                }

                var vendor = hotel["Vendor"];
                if (!string.Equals(vendor, PmsVendors.Apaleo, StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException($"Hotel '{hotel.Key}' asks for an embedded simulator (Hotels:{hotel.Key}:Embedded), but vendor '{vendor}' has none in this sample. Embedded simulators: {PmsVendors.Apaleo}.");
                }

                // The simulator accepts the hotel's own credentials, so the connector authenticates as configured. They must
                // be in the configuration: hotel options are validated before hosted services start.
                var apaleo = new ApaleoSimulator(apaleoOptions: new ApaleoSimulatorOptions
                {
                    ClientId = hotel["ClientId"] ?? ApaleoSimulatorOptions.DefaultClientId,
                    ClientSecret = hotel["ClientSecret"] ?? ApaleoSimulatorOptions.DefaultClientSecret,
                    Seed = new ApaleoSeed
                    {
                        PropertyId = hotel["PropertyId"] ?? defaults.PropertyId,
                        PropertyName = hotel["Name"] ?? defaults.PropertyName,
                        TimeZone = hotel["TimeZone"] ?? defaults.TimeZone,
                        CurrencyCode = hotel["Currency"] ?? defaults.CurrencyCode,
                    },
                });
                _started.Add(apaleo);
                await apaleo.StartAsync(cancellationToken).ConfigureAwait(false);

                var prefix = $"Hotels:{hotel.Key}:";
                settings[prefix + "BaseAddress"] = apaleo.BaseAddress.ToString();
                settings[prefix + "WebhookAddress"] = apaleo.BaseAddress.ToString();
                settings[prefix + "TokenEndpoint"] = new Uri(apaleo.BaseAddress, ApaleoSimulator.TokenPath).ToString();
                settings[prefix + "PropertyId"] = apaleo.Scenario.PropertyId;
            }
        }
        catch
        {
            await DisposeAsync().ConfigureAwait(false);
            throw;
        }

        configuration.AddInMemoryCollection(settings);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var simulator in _started)
        {
            await simulator.DisposeAsync().ConfigureAwait(false);
        }

        _started.Clear();
    }
}
