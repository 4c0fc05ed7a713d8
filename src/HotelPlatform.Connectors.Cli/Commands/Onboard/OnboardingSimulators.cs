using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.Apaleo;
using HotelPlatform.Connectors.Simulators.Cloudbeds;
using HotelPlatform.Connectors.Simulators.Mews;
using HotelPlatform.Connectors.Simulators.Opera;
using HotelPlatform.Connectors.Simulators.SiteMinder;
using Microsoft.Extensions.Configuration;

namespace HotelPlatform.Connectors.Cli.Commands.Onboard;

/// <summary>
/// <c>hotelpms onboard --simulator &lt;vendor&gt;</c>: starts the vendor's simulator in the tool's process, on loopback,
/// through the vendor's <see cref="ISimulatorBinding"/> (as the sample host's <c>"Embedded": true</c> hotels), so a
/// newcomer can run the whole onboarding with no credentials and no network. The hotel's settings given on the command
/// line seed the simulator (property, credentials); the binding's answer (address, the credentials it accepts) is added.
/// </summary>
internal static class OnboardingSimulators
{
    private static readonly ISimulatorBinding[] Bindings =
    [
        new ApaleoSimulatorBinding(),
        new CloudbedsSimulatorBinding(),
        new MewsSimulatorBinding(),
        new OperaSimulatorBinding(),
        new SiteMinderSimulatorBinding(),
    ];

    /// <summary>Gets the vendors with a simulator.</summary>
    public static IReadOnlyList<string> Vendors { get; } = [.. Bindings.Select(b => b.Vendor).Order(StringComparer.Ordinal)];

    /// <summary>Starts <paramref name="vendor"/>'s simulator for the hotel; <see langword="null"/> when the vendor has none.</summary>
    public static async Task<BoundSimulator?> StartAsync(string vendor, string hotelId, IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var binding = Bindings.FirstOrDefault(b => string.Equals(b.Vendor, vendor, StringComparison.OrdinalIgnoreCase));
        if (binding is null)
        {
            return null;
        }

        var hotel = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return await binding.StartAsync(new SimulatorBindingContext(hotelId, hotel), cancellationToken).ConfigureAwait(false);
    }
}
