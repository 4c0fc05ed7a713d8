using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.Apaleo;
using HotelPlatform.Connectors.Simulators.Cloudbeds;
using HotelPlatform.Connectors.Simulators.Mews;
using HotelPlatform.Connectors.Simulators.Opera;
using HotelPlatform.Connectors.Simulators.SiteMinder;
using Microsoft.Extensions.Configuration;

namespace HotelPlatform.Connectors.Cli.Tests;

/// <summary>
/// A vendor simulator started on loopback through the vendor's <see cref="ISimulatorBinding"/> (as the sample host
/// starts its embedded hotels), and the settings an operator would give to onboard the hotel it serves.
/// </summary>
internal sealed class VendorSimulatorHotel : IAsyncDisposable
{
    // The sample host's embedded hotels' settings: what each simulator accepts and seeds.
    private static readonly Dictionary<string, (Func<ISimulatorBinding> Binding, Dictionary<string, string?> Settings, string CredentialKey)> Vendors = new(StringComparer.Ordinal)
    {
        [PmsVendors.Apaleo] = (() => new ApaleoSimulatorBinding(), new() { ["PropertyId"] = "MUC", ["ClientId"] = "apaleo-simulator-client", ["ClientSecret"] = "apaleo-simulator-secret", ["Name"] = "Apaleo Simulator Hotel Munich" }, "ClientSecret"),
        [PmsVendors.SiteMinder] = (() => new SiteMinderSimulatorBinding(), new() { ["PropertyId"] = "SMHOTEL1", ["RequestorId"] = "HPCPMS", ["Username"] = "hotelplatform-pms", ["Password"] = "Simulated-Pa55word!" }, "Password"),
        [PmsVendors.Cloudbeds] = (() => new CloudbedsSimulatorBinding(), new() { ["PropertyId"] = "172982", ["ApiKey"] = "cbat_simulator_key_0000000000000000", ["Name"] = "Cloudbeds Simulator Hotel Lisbon" }, "ApiKey"),
        [PmsVendors.Opera] = (() => new OperaSimulatorBinding(), new() { ["PropertyId"] = "LDN01", ["BaseAddress"] = "http://127.0.0.1/", ["ClientId"] = "SIMCHAIN_Client", ["ClientSecret"] = "sim-secret", ["AppKey"] = "3f2a6c1e-9b7d-4e21-8a3c-5d6e7f809a1b", ["ExternalSystemCode"] = "HPCONN", ["Name"] = "OPERA Simulator Hotel London", ["TimeZone"] = "Europe/London", ["Currency"] = "GBP" }, "ClientSecret"),
        [PmsVendors.Mews] = (() => new MewsSimulatorBinding(), new() { ["PropertyId"] = "4c1f7a3e-9b2d-4e8a-8f5c-2d6b1a9e7c30", ["ClientToken"] = "SIMULATOR-CLIENT-TOKEN-0000000000000000", ["AccessToken"] = "SIMULATOR-ACCESS-TOKEN-0000000000000000", ["Name"] = "Mews Simulator Hotel Prague" }, "AccessToken"),
    };

    private readonly BoundSimulator _bound;

    private VendorSimulatorHotel(string vendor, BoundSimulator bound, IReadOnlyDictionary<string, string?> settings, string credentialKey)
    {
        Vendor = vendor;
        _bound = bound;
        Settings = settings;
        CredentialKey = credentialKey;
    }

    /// <summary>Gets every vendor with a simulator.</summary>
    public static IReadOnlyList<string> VendorNames => [.. Vendors.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Gets every vendor with a simulator, as theory data.</summary>
    public static TheoryData<string> AllVendors => [.. VendorNames];

    /// <summary>Gets the vendor.</summary>
    public string Vendor { get; }

    /// <summary>Gets the hotel's settings pointed at the running simulator.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>Gets the setting whose value the simulator checks as the hotel's credential.</summary>
    public string CredentialKey { get; }

    /// <summary>Gets the running simulator.</summary>
    public VendorSimulator Simulator => _bound.Simulator;

    /// <summary>Gets the secret values the hotel's settings carry.</summary>
    public IEnumerable<string> SecretValues => Settings.Where(s => s.Key.Contains("Secret", StringComparison.Ordinal) || s.Key.Contains("Token", StringComparison.Ordinal) || s.Key.Contains("Key", StringComparison.Ordinal) || s.Key == "Password").Select(s => s.Value!);

    /// <summary>Starts the vendor's simulator.</summary>
    public static async Task<VendorSimulatorHotel> StartAsync(string vendor, CancellationToken cancellationToken)
    {
        var (binding, settings, credentialKey) = Vendors[vendor];
        var hotel = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var bound = await binding().StartAsync(new SimulatorBindingContext("onboarded-hotel", hotel), cancellationToken);
        var merged = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in bound.Settings)
        {
            merged[key] = value;
        }

        return new VendorSimulatorHotel(vendor, bound, merged, credentialKey);
    }

    /// <summary>Writes the settings as the JSON object an operator passes with --json.</summary>
    public async Task<string> WriteJsonAsync(string directory, CancellationToken cancellationToken, params string[] leaveOut)
    {
        var path = Path.Combine(directory, $"{Vendor}-hotel.json");
        var settings = Settings.Where(s => !leaveOut.Contains(s.Key)).ToDictionary(s => s.Key, s => s.Value);
        await File.WriteAllTextAsync(path, System.Text.Json.JsonSerializer.Serialize(settings), cancellationToken);
        return path;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _bound.DisposeAsync();
}
