namespace HotelPlatform.Connectors.Simulators.Cloudbeds;

/// <summary>Starts a <see cref="CloudbedsSimulator"/> for a hotel and points the hotel's Cloudbeds options at it (base address, key, property).</summary>
public sealed class CloudbedsSimulatorBinding : ISimulatorBinding
{
    private readonly Action<CloudbedsSimulatorOptions>? _configure;

    /// <summary>Initializes a new instance of the <see cref="CloudbedsSimulatorBinding"/> class.</summary>
    /// <param name="configure">Adjusts the simulator's settings after they were read from the hotel's configuration.</param>
    public CloudbedsSimulatorBinding(Action<CloudbedsSimulatorOptions>? configure = null) => _configure = configure;

    /// <inheritdoc />
    public string Vendor => PmsVendors.Cloudbeds;

    /// <inheritdoc />
    public async Task<BoundSimulator> StartAsync(SimulatorBindingContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var hotel = context.Hotel;
        var options = new CloudbedsSimulatorOptions();
        options.ApiKey = NonEmpty(hotel["ApiKey"]) ?? options.ApiKey;
        options.PropertyId = NonEmpty(hotel["PropertyId"]) ?? options.PropertyId;
        options.PropertyName = NonEmpty(hotel["Name"]) ?? options.PropertyName;
        options.TimeZone = NonEmpty(hotel["TimeZone"]) ?? options.TimeZone;
        options.Currency = NonEmpty(hotel["Currency"]) ?? options.Currency;
        _configure?.Invoke(options);
        // Started, or disposed when starting fails.
        return await BoundSimulator.StartAsync(new CloudbedsSimulator(context.Options, options), simulator => new Dictionary<string, string?>
        {
            ["BaseAddress"] = new Uri(simulator.BaseAddress, CloudbedsSimulator.ApiPath.TrimStart('/') + "/").ToString(),
            ["PropertyId"] = options.PropertyId,
            ["ApiKey"] = options.ApiKey,
        }, cancellationToken).ConfigureAwait(false);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
