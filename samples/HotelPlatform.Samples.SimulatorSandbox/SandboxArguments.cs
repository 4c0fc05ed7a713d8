using System.Globalization;
using HotelPlatform.Connectors.ContractTests.Live;

namespace HotelPlatform.Samples.SimulatorSandbox;

/// <summary>The sandbox's command line, and the variables it writes.</summary>
internal sealed record SandboxArguments(string? Vendor, string? EnvFile, string? Error)
{
    public static SandboxArguments Parse(IReadOnlyList<string> args)
    {
        string? vendor = null, envFile = null;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--vendor" when value is not null:
                    vendor = value;
                    i++;
                    break;
                case "--env-file" when value is not null:
                    envFile = value;
                    i++;
                    break;
                default:
                    return new(null, null, $"Unknown or incomplete argument '{args[i]}'.");
            }
        }

        if (vendor is null || envFile is null)
        {
            return new(null, null, "Both --vendor and --env-file are required.");
        }

        return SandboxVendors.All.ContainsKey(vendor)
            ? new(vendor.ToLowerInvariant(), envFile, null)
            : new(null, null, $"No simulator for vendor '{vendor}'.");
    }

    /// <summary>The variables that point the live kit at a started simulator: the hotel's vendor settings, then the kit's own.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Variables(string vendor, IReadOnlyDictionary<string, string?> settings, SandboxKitStay? stay)
    {
        var prefix = LiveSandboxSettings.PrefixOf(vendor);
        var variables = settings
            .Where(s => s.Value is not null)
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => KeyValuePair.Create(prefix + s.Key.ToUpperInvariant().Replace(":", "__", StringComparison.Ordinal), s.Value!))
            .ToList();
        if (stay is not null)
        {
            variables.Add(KeyValuePair.Create(prefix + LiveSandboxSettings.RoomTypeVariable, stay.RoomTypeId));
            variables.Add(KeyValuePair.Create(prefix + LiveSandboxSettings.RatePlanVariable, stay.RatePlanId));
            variables.Add(KeyValuePair.Create(prefix + LiveSandboxSettings.FirstNightVariable, stay.FirstNight.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        variables.Add(KeyValuePair.Create(prefix + LiveSandboxSettings.ModeVariable, "full"));

        // This sandbox is ours: the kit may call as fast as the connector's own limiter (the vendor's quota) allows.
        variables.Add(KeyValuePair.Create(prefix + LiveSandboxSettings.CallsPerSecondVariable, "50"));
        return variables;
    }
}
