using Microsoft.Extensions.Configuration;

namespace HotelPlatform.Connectors.Simulators.Apaleo;

/// <summary>
/// Starts an <see cref="ApaleoSimulator"/> for a hotel and points the hotel's Apaleo options at it: the
/// <see cref="ISimulatorBinding"/> of Apaleo, used by the sample host's <c>"Embedded": true</c> and by contract-kit fixtures.
/// </summary>
/// <remarks>
/// <para>
/// From the hotel's section it reads <c>ClientId</c> and <c>ClientSecret</c> (the simulator accepts exactly those; the
/// simulator's defaults when absent) and <c>PropertyId</c> (seeded as the property's id), and, when present, <c>Name</c>,
/// <c>TimeZone</c> and <c>Currency</c> for the seeded property.
/// </para>
/// <para>
/// It answers with the Apaleo option keys <c>BaseAddress</c> and <c>WebhookAddress</c> (the simulator serves the core
/// and Webhook APIs on one address), <c>TokenEndpoint</c>, <c>PropertyId</c>, <c>ClientId</c> and <c>ClientSecret</c>.
/// </para>
/// </remarks>
public sealed class ApaleoSimulatorBinding : ISimulatorBinding
{
    private readonly Action<ApaleoSimulatorOptions>? _configure;

    /// <summary>Initializes a new instance of the <see cref="ApaleoSimulatorBinding"/> class.</summary>
    /// <param name="configure">Changes the Apaleo settings after they were read from the hotel (quota, token lifetime, seed); none when omitted.</param>
    public ApaleoSimulatorBinding(Action<ApaleoSimulatorOptions>? configure = null)
    {
        _configure = configure;
    }

    /// <inheritdoc />
    public string Vendor => PmsVendors.Apaleo;

    /// <inheritdoc />
    public async Task<BoundSimulator> StartAsync(SimulatorBindingContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        IConfiguration hotel = context.Hotel;
        var defaults = new ApaleoSeed();
        var options = new ApaleoSimulatorOptions
        {
            ClientId = NonEmpty(hotel["ClientId"]) ?? ApaleoSimulatorOptions.DefaultClientId,
            ClientSecret = NonEmpty(hotel["ClientSecret"]) ?? ApaleoSimulatorOptions.DefaultClientSecret,
            Seed = new ApaleoSeed
            {
                PropertyId = NonEmpty(hotel["PropertyId"]) ?? defaults.PropertyId,
                PropertyName = NonEmpty(hotel["Name"]) ?? defaults.PropertyName,
                TimeZone = NonEmpty(hotel["TimeZone"]) ?? defaults.TimeZone,
                CurrencyCode = NonEmpty(hotel["Currency"]) ?? defaults.CurrencyCode,
            },
        };
        _configure?.Invoke(options);

        // Started, or disposed when starting fails.
        return await BoundSimulator.StartAsync(new ApaleoSimulator(context.Options, options), simulator => new Dictionary<string, string?>
        {
            ["BaseAddress"] = simulator.BaseAddress.ToString(),
            ["WebhookAddress"] = simulator.BaseAddress.ToString(),
            ["TokenEndpoint"] = new Uri(simulator.BaseAddress, ApaleoSimulator.TokenPath).ToString(),
            ["PropertyId"] = simulator.Scenario.PropertyId,
            ["ClientId"] = options.ClientId,
            ["ClientSecret"] = options.ClientSecret,
        }, cancellationToken).ConfigureAwait(false);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
