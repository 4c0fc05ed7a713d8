using Microsoft.Extensions.Configuration;

namespace HotelPlatform.Connectors.Simulators;

/// <summary>
/// How one vendor's simulator is started for a hotel and how the hotel's connector is pointed at it: the seam that lets a
/// host (<c>"Embedded": true</c> in the sample) or a contract-kit fixture use any vendor's simulator without naming it.
/// Each vendor's simulator package implements it once.
/// </summary>
/// <remarks>
/// The binding reads what the hotel's configuration section already says (its credentials, property, time zone) so the
/// simulator accepts and seeds exactly that, and answers with configuration overrides for the same section (base
/// address, token endpoint, credentials the simulator accepts): keys of the vendor's options, never a new key.
/// </remarks>
public interface ISimulatorBinding
{
    /// <summary>Gets the vendor, as the hotel's <c>Vendor</c> setting names it (one of <c>PmsVendors</c> for the built-in ones).</summary>
    string Vendor { get; }

    /// <summary>Creates and starts a simulator for one hotel.</summary>
    /// <param name="context">The hotel and the simulator settings.</param>
    /// <param name="cancellationToken">A token that cancels the start.</param>
    /// <returns>The running simulator with the overrides for the hotel's section; the caller disposes it.</returns>
    Task<BoundSimulator> StartAsync(SimulatorBindingContext context, CancellationToken cancellationToken = default);
}

/// <summary>What a <see cref="ISimulatorBinding"/> starts a simulator for.</summary>
public sealed class SimulatorBindingContext
{
    /// <summary>Initializes a new instance of the <see cref="SimulatorBindingContext"/> class.</summary>
    /// <param name="hotelId">The hotel's id (its configuration section's key).</param>
    /// <param name="hotel">The hotel's configuration section as configured (empty when the hotel has no settings yet).</param>
    /// <exception cref="ArgumentException"><paramref name="hotelId"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="hotel"/> is <see langword="null"/>.</exception>
    public SimulatorBindingContext(string hotelId, IConfiguration hotel)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hotelId);
        ArgumentNullException.ThrowIfNull(hotel);
        HotelId = hotelId;
        Hotel = hotel;
    }

    /// <summary>Gets the hotel's id.</summary>
    public string HotelId { get; }

    /// <summary>Gets the hotel's configuration section: what the simulator accepts and seeds (credentials, property, time zone, ...).</summary>
    public IConfiguration Hotel { get; }

    /// <summary>Gets the simulator's shared settings (clock, seed, rate-limit enforcement); defaults when <see langword="null"/>.</summary>
    public SimulatorOptions? Options { get; init; }

    /// <summary>Reads one of the hotel's settings; a missing, empty or blank value is <paramref name="fallback"/>.</summary>
    /// <param name="key">The key, relative to the hotel's section.</param>
    /// <param name="fallback">What a missing value is.</param>
    /// <returns>The value or the fallback.</returns>
    public string? Setting(string key, string? fallback = null) =>
        string.IsNullOrWhiteSpace(Hotel[key]) ? fallback : Hotel[key];
}
