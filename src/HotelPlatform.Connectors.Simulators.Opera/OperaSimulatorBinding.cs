using Microsoft.Extensions.Configuration;

namespace HotelPlatform.Connectors.Simulators.Opera;

/// <summary>Starts an <see cref="OperaSimulator"/> for a hotel and returns the settings that point the hotel's OPERA options at it.</summary>
public sealed class OperaSimulatorBinding : ISimulatorBinding
{
    private readonly Action<OperaSimulatorOptions>? _configure;

    /// <summary>Initializes a new instance of the <see cref="OperaSimulatorBinding"/> class.</summary>
    /// <param name="configure">Changes the simulator's settings (more hotels, another throttle) before it starts.</param>
    public OperaSimulatorBinding(Action<OperaSimulatorOptions>? configure = null)
    {
        _configure = configure;
    }

    /// <inheritdoc />
    public string Vendor => PmsVendors.Opera;

    /// <inheritdoc />
    public async Task<BoundSimulator> StartAsync(SimulatorBindingContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        IConfiguration hotel = context.Hotel;
        var options = new OperaSimulatorOptions();
        if (NonEmpty(hotel["PropertyId"]) is { } code)
        {
            options.HotelCodes[0] = code;
        }

        // The hotel's own credentials, when it names them, are the ones the simulator accepts.
        options.ClientId = NonEmpty(hotel["ClientId"]) ?? options.ClientId;
        options.ClientSecret = NonEmpty(hotel["ClientSecret"]) ?? options.ClientSecret;
        options.AppKey = NonEmpty(hotel["AppKey"]) ?? options.AppKey;
        options.Scope = NonEmpty(hotel["Scope"]) ?? options.Scope;
        options.ExternalSystemCode = NonEmpty(hotel["ExternalSystemCode"]) ?? options.ExternalSystemCode;
        options.TimeZone = NonEmpty(hotel["TimeZone"]) ?? options.TimeZone;
        options.Currency = NonEmpty(hotel["Currency"]) ?? options.Currency;
        _configure?.Invoke(options);
        // Started, or disposed when starting fails.
        return await BoundSimulator.StartAsync(new OperaSimulator(context.Options, options), simulator => HotelSettings(simulator, options.HotelCodes[0]), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The settings that point an OPERA hotel of the simulator's environment at it (base address, credentials, application key, hotel code).</summary>
    /// <param name="simulator">A started simulator.</param>
    /// <param name="hotelCode">One of its <see cref="OperaSimulatorOptions.HotelCodes"/>.</param>
    /// <returns>Configuration keys of <c>OperaOptions</c> and their values.</returns>
    public static IReadOnlyDictionary<string, string?> HotelSettings(OperaSimulator simulator, string hotelCode)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentException.ThrowIfNullOrWhiteSpace(hotelCode);
        var options = simulator.OperaOptions;
        return new Dictionary<string, string?>
        {
            ["BaseAddress"] = simulator.BaseAddress.ToString(),
            ["PropertyId"] = hotelCode,
            ["ClientId"] = options.ClientId,
            ["ClientSecret"] = options.ClientSecret,
            ["AppKey"] = options.AppKey,
            ["Scope"] = options.Scope,
            ["ExternalSystemCode"] = options.ExternalSystemCode,
            ["TimeZone"] = options.TimeZone,
            ["Currency"] = options.Currency,
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
