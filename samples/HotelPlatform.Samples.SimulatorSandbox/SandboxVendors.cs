using HotelPlatform.Connectors;
using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.Apaleo;
using HotelPlatform.Connectors.Simulators.Cloudbeds;
using HotelPlatform.Connectors.Simulators.Mews;
using HotelPlatform.Connectors.Simulators.Opera;
using HotelPlatform.Connectors.Simulators.SiteMinder;

namespace HotelPlatform.Samples.SimulatorSandbox;

/// <summary>A vendor this sandbox can run: its simulator binding, and the stay the kit books in what it seeds.</summary>
/// <param name="Binding">Starts the simulator and says which vendor settings point a hotel at it.</param>
/// <param name="KitStay">The room type, rate plan and first night of a window the seed leaves free for the kit; <see langword="null"/> for a vendor the kit cannot book at.</param>
/// <param name="ConnectorSettings">Vendor options for the connector that runs against this sandbox, beyond the binding's.</param>
internal sealed record SandboxVendor(ISimulatorBinding Binding, Func<VendorSimulator, SandboxKitStay>? KitStay, IReadOnlyDictionary<string, string> ConnectorSettings);

/// <summary>The room type and rate plan the kit books, and the first night of its window.</summary>
/// <param name="RoomTypeId">The room type.</param>
/// <param name="RatePlanId">The rate plan.</param>
/// <param name="FirstNight">The first night of the window.</param>
internal sealed record SandboxKitStay(string RoomTypeId, string RatePlanId, DateOnly FirstNight);

/// <summary>The vendors this sandbox runs, by <see cref="IPmsConnector.Vendor"/> name.</summary>
internal static class SandboxVendors
{
    public static IReadOnlyDictionary<string, SandboxVendor> All { get; } = new Dictionary<string, SandboxVendor>(StringComparer.OrdinalIgnoreCase)
    {
        [PmsVendors.Apaleo] = new(new ApaleoSimulatorBinding(), simulator =>
        {
            // The main unit group on its flexible rate, after every seeded stay of that group (the known guest, the guest
            // in house, the restricted arrival), so that every room is free for the kit.
            var seeded = ((ApaleoSimulator)simulator).Scenario;
            return new(seeded.MainUnitGroupId, seeded.FlexibleRatePlanId, seeded.RestrictedArrival.Arrival.AddDays(seeded.RestrictedArrival.MinLengthOfStay + 2));
        },
        // The connector's default pace is Apaleo's documented soft limit (1 request per second sustained); a kit run
        // of a few hundred requests at 5 per second stays far inside the hard limits the simulator enforces (bursts of
        // 30 per second, 1,800 per 10 minutes) and under the soft limit's 10-minute average.
        new Dictionary<string, string> { ["RequestsPerSecond"] = "5", ["RequestBurst"] = "10" }),

        [PmsVendors.Cloudbeds] = new(new CloudbedsSimulatorBinding(), simulator =>
        {
            var seeded = ((CloudbedsSimulator)simulator).Scenario;
            return new(seeded.RoomTypeId, seeded.RateId, seeded.FirstFreeNight);
        },
        // The simulator enforces Cloudbeds' 5 requests per second; the run stays under it.
        new Dictionary<string, string> { ["RequestsPerSecond"] = "4", ["RequestBurst"] = "4" }),

        [PmsVendors.Mews] = new(new MewsSimulatorBinding(), simulator =>
        {
            // Doubles on the flexible rate, after the seeded doubles (the known guest, the guest in house).
            var seeded = ((MewsSimulator)simulator).Scenario;
            return new(seeded.DoubleCategoryId, seeded.FlexibleRateId, seeded.Today.AddDays(5));
        },
        // The connector's default pace already keeps a burst plus 30 s of refill under Mews' 200 requests per 30 s.
        new Dictionary<string, string>()),

        // The seeded chain's first hotel; its first room type and rate plan, from ten days ahead (before: a sold-out night).
        [PmsVendors.Opera] = new(
            new OperaSimulatorBinding(),
            _ => new(OperaSimulator.RoomTypeCodes[0], OperaSimulator.RatePlanCodes[0], DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10)),
            new Dictionary<string, string>()),

        // pmsXchange cannot book: the kit has no stay to book there.
        [PmsVendors.SiteMinder] = new(new SiteMinderSimulatorBinding(), KitStay: null, new Dictionary<string, string>()),
    };
}
