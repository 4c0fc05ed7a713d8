using Microsoft.Extensions.Configuration;

namespace HotelPlatform.Connectors.Simulators.SiteMinder;

/// <summary>
/// Starts a <see cref="SiteMinderSimulator"/> for a hotel and points the hotel's SiteMinder options at it: the
/// <see cref="ISimulatorBinding"/> of SiteMinder, used by the sample host's <c>"Embedded": true</c> and by contract-kit fixtures.
/// </summary>
/// <remarks>
/// From the hotel's section it reads <c>PropertyId</c> (the hotel code), <c>RequestorId</c>, <c>Username</c> and
/// <c>Password</c> (the simulator accepts exactly those; its defaults when absent). It answers with the SiteMinder option
/// keys <c>BaseAddress</c> (the endpoint, <c>/webservices/{RequestorID}</c>), <c>PropertyId</c>, <c>RequestorId</c>,
/// <c>Username</c> and <c>Password</c>.
/// </remarks>
public sealed class SiteMinderSimulatorBinding : ISimulatorBinding
{
    private readonly Action<SiteMinderSimulatorOptions>? _configure;

    /// <summary>Initializes a new instance of the <see cref="SiteMinderSimulatorBinding"/> class.</summary>
    /// <param name="configure">Changes the SiteMinder settings after they were read from the hotel; none when omitted.</param>
    public SiteMinderSimulatorBinding(Action<SiteMinderSimulatorOptions>? configure = null)
    {
        _configure = configure;
    }

    /// <inheritdoc />
    public string Vendor => "siteminder";

    /// <inheritdoc />
    public async Task<BoundSimulator> StartAsync(SimulatorBindingContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        IConfiguration hotel = context.Hotel;
        var options = new SiteMinderSimulatorOptions();
        options.HotelCode = NonEmpty(hotel["PropertyId"]) ?? options.HotelCode;
        options.RequestorId = NonEmpty(hotel["RequestorId"]) ?? options.RequestorId;
        options.Username = NonEmpty(hotel["Username"]) ?? options.Username;
        options.Password = NonEmpty(hotel["Password"]) ?? options.Password;
        _configure?.Invoke(options);
        // Started, or disposed when starting fails.
        return await BoundSimulator.StartAsync(new SiteMinderSimulator(context.Options, options), simulator => new Dictionary<string, string?>
        {
            ["BaseAddress"] = simulator.EndpointAddress.ToString(),
            ["PropertyId"] = options.HotelCode,
            ["RequestorId"] = options.RequestorId,
            ["Username"] = options.Username,
            ["Password"] = options.Password,
        }, cancellationToken).ConfigureAwait(false);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
