using HotelPlatform.Connectors.Simulators;

namespace HotelPlatform.Samples.Host;

/// <summary>
/// Starts an in-process vendor simulator for every hotel whose configuration says <c>"Embedded": true</c> and points
/// the hotel's connector at it, through the vendor's <see cref="ISimulatorBinding"/> (registered in the container: one
/// per vendor simulator package referenced). The simulator accepts the hotel's credentials, so the sample runs a real
/// vendor connector, over HTTP on loopback, with no real credentials and no network. A hotel without the flag talks to
/// the vendor itself with the settings it gives.
/// </summary>
/// <remarks>
/// It runs as the host's first hosted service, not before <c>builder.Build()</c>: a simulator is itself an ASP.NET Core
/// host, and one built before the application's would be the host <c>WebApplicationFactory</c> captures in tests.
/// Connectors are made on first use and read their options through <c>IOptionsMonitor</c>, so the addresses added here
/// are the ones they see.
/// </remarks>
internal sealed class EmbeddedSimulators(ConfigurationManager configuration, IEnumerable<ISimulatorBinding> bindings) : IHostedService, IAsyncDisposable
{
    /// <summary>The configuration section that lists the hotels.</summary>
    public const string HotelsSection = "Hotels";

    // The last binding registered for a vendor wins, as with any service registered twice.
    private readonly Dictionary<string, ISimulatorBinding> _bindings = bindings
        .GroupBy(b => b.Vendor, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);
    private readonly List<BoundSimulator> _started = [];

    /// <summary>Gets the simulators started, one per embedded hotel, by hotel id.</summary>
    public IReadOnlyDictionary<string, VendorSimulator> Simulators { get; private set; } = new Dictionary<string, VendorSimulator>();

    /// <summary>Starts the simulators the hotels ask for and adds their settings to the host's configuration.</summary>
    /// <param name="cancellationToken">A token that cancels start-up.</param>
    /// <returns>A task that completes when every simulator listens.</returns>
    /// <exception cref="InvalidOperationException">A hotel asks for an embedded simulator its vendor has no binding for.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = new List<KeyValuePair<string, string?>>();
        var simulators = new Dictionary<string, VendorSimulator>(StringComparer.OrdinalIgnoreCase);
        try
        {
            foreach (var hotel in configuration.GetSection(HotelsSection).GetChildren())
            {
                if (!bool.TryParse(hotel["Embedded"], out var embedded) || !embedded)
                {
                    continue;
                }

                var vendor = hotel["Vendor"];
                if (vendor is null || !_bindings.TryGetValue(vendor, out var binding))
                {
                    var known = _bindings.Count == 0 ? "none" : string.Join(", ", _bindings.Keys.Order(StringComparer.Ordinal));
                    throw new InvalidOperationException($"Hotel '{hotel.Key}' asks for an embedded simulator ({hotel.Path}:Embedded), but vendor '{vendor}' has no simulator binding registered. Vendors with one: {known}.");
                }

                // The binding reads the hotel's own settings (credentials, property): they must be in the configuration,
                // since hotel options are validated before hosted services start.
                var bound = await binding.StartAsync(new SimulatorBindingContext(hotel.Key, hotel), cancellationToken).ConfigureAwait(false);
                _started.Add(bound);
                simulators[hotel.Key] = bound.Simulator;
                settings.AddRange(bound.ToConfiguration(hotel.Path));
            }
        }
        catch
        {
            await DisposeAsync().ConfigureAwait(false);
            throw;
        }

        Simulators = simulators;
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
