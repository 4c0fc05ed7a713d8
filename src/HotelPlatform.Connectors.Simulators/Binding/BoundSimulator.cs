namespace HotelPlatform.Connectors.Simulators;

/// <summary>A simulator a <see cref="ISimulatorBinding"/> started for a hotel, and the settings that point the hotel at it.</summary>
public sealed class BoundSimulator : IAsyncDisposable
{
    /// <summary>Initializes a new instance of the <see cref="BoundSimulator"/> class.</summary>
    /// <param name="simulator">The running simulator.</param>
    /// <param name="settings">
    /// Overrides for the hotel's configuration section, keys relative to it (<c>BaseAddress</c>, <c>TokenEndpoint</c>,
    /// <c>ClientId</c>, ...); each names a member of the vendor's options.
    /// </param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A key is empty or contains a <c>:</c>-separated path that leaves the section ("..").</exception>
    public BoundSimulator(VendorSimulator simulator, IReadOnlyDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Keys.FirstOrDefault(k => string.IsNullOrWhiteSpace(k) || k.StartsWith(':') || k.EndsWith(':')) is { } bad)
        {
            throw new ArgumentException($"'{bad}' is not a configuration key relative to the hotel's section.", nameof(settings));
        }

        Simulator = simulator;
        Settings = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Starts a simulator and binds it: the common body of an <see cref="ISimulatorBinding.StartAsync"/>. A simulator that
    /// fails to start is disposed before the exception is passed on.
    /// </summary>
    /// <typeparam name="TSimulator">The vendor's simulator.</typeparam>
    /// <param name="simulator">The simulator, not yet started.</param>
    /// <param name="settings">The overrides for the hotel's section, made once it runs (its address is known then).</param>
    /// <param name="cancellationToken">A token that cancels the start.</param>
    /// <returns>The bound simulator.</returns>
    public static async Task<BoundSimulator> StartAsync<TSimulator>(TSimulator simulator, Func<TSimulator, IReadOnlyDictionary<string, string?>> settings, CancellationToken cancellationToken = default)
        where TSimulator : VendorSimulator
    {
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentNullException.ThrowIfNull(settings);
        try
        {
            await simulator.StartAsync(cancellationToken).ConfigureAwait(false);
            return new BoundSimulator(simulator, settings(simulator));
        }
        catch
        {
            await simulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Gets the running simulator.</summary>
    public VendorSimulator Simulator { get; }

    /// <summary>Gets the overrides for the hotel's configuration section, keys relative to it.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>Gets the overrides as configuration entries under a section (for <c>AddInMemoryCollection</c>).</summary>
    /// <param name="sectionPath">The hotel's section, such as <c>Hotels:munich</c>.</param>
    /// <returns>The entries, keys prefixed with <paramref name="sectionPath"/> and <c>:</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="sectionPath"/> is empty.</exception>
    public IEnumerable<KeyValuePair<string, string?>> ToConfiguration(string sectionPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sectionPath);
        string prefix = sectionPath.TrimEnd(':') + ":";
        return Settings.Select(s => new KeyValuePair<string, string?>(prefix + s.Key, s.Value));
    }

    /// <summary>Stops and disposes the simulator.</summary>
    /// <returns>A task that completes when it has stopped.</returns>
    public ValueTask DisposeAsync() => Simulator.DisposeAsync();
}
