namespace HotelPlatform.Connectors.Simulators.Mews;

/// <summary>
/// Starts a <see cref="MewsSimulator"/> for a hotel and points the hotel's Mews options at it: the
/// <see cref="ISimulatorBinding"/> of Mews, used by the sample host's <c>"Embedded": true</c> and by contract-kit fixtures.
/// </summary>
/// <remarks>
/// From the hotel's section it reads <c>ClientToken</c> and <c>AccessToken</c> (the simulator accepts exactly those; its
/// defaults when absent), <c>PropertyId</c> (seeded as the enterprise id) and, when present, <c>Name</c>,
/// <c>TimeZone</c> and <c>Currency</c>. It answers with the Mews option keys <c>BaseAddress</c>, <c>PropertyId</c>,
/// <c>ClientToken</c> and <c>AccessToken</c>.
/// </remarks>
public sealed class MewsSimulatorBinding : ISimulatorBinding
{
    private readonly Action<MewsSimulatorOptions>? _configure;

    /// <summary>Initializes a new instance of the <see cref="MewsSimulatorBinding"/> class.</summary>
    /// <param name="configure">Changes the Mews settings after they were read from the hotel; none when omitted.</param>
    public MewsSimulatorBinding(Action<MewsSimulatorOptions>? configure = null)
    {
        _configure = configure;
    }

    /// <inheritdoc />
    public string Vendor => PmsVendors.Mews;

    /// <inheritdoc />
    public Task<BoundSimulator> StartAsync(SimulatorBindingContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var defaults = new MewsSimulatorOptions();
        var options = new MewsSimulatorOptions
        {
            ClientToken = context.Setting("ClientToken", defaults.ClientToken)!,
            AccessToken = context.Setting("AccessToken", defaults.AccessToken)!,
            EnterpriseId = context.Setting("PropertyId"),
            EnterpriseName = context.Setting("Name", defaults.EnterpriseName)!,
            TimeZone = context.Setting("TimeZone", defaults.TimeZone)!,
            Currency = context.Setting("Currency", defaults.Currency)!,
        };
        _configure?.Invoke(options);

        return BoundSimulator.StartAsync(new MewsSimulator(context.Options, options), simulator => new Dictionary<string, string?>
        {
            ["BaseAddress"] = simulator.BaseAddress.ToString(),
            ["PropertyId"] = simulator.Scenario.EnterpriseId,
            ["ClientToken"] = options.ClientToken,
            ["AccessToken"] = options.AccessToken,
        }, cancellationToken);
    }
}
