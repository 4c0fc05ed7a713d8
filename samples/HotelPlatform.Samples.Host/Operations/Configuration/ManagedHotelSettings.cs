using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HotelPlatform.Connectors;

namespace HotelPlatform.Samples.Host.Operations.Configuration;

/// <summary>One hotel as the configuration page shows it: settings with values, secrets only as set or not set.</summary>
/// <param name="HotelId">The hotel's key.</param>
/// <param name="Vendor">The vendor (not editable here: a new vendor needs a restart).</param>
/// <param name="Version">An opaque version of the hotel's whole configuration, secrets included; an edit names the version it started from.</param>
/// <param name="Settings">The settings that are not secrets, by key relative to the hotel (<c>Webhook:UrlSecretLocation</c>), <c>Vendor</c> aside.</param>
/// <param name="Secrets">Every secret setting the hotel has, and whether it has a value.</param>
internal sealed record ManagedHotel(string HotelId, string Vendor, string Version, IReadOnlyDictionary<string, string> Settings, IReadOnlyDictionary<string, bool> Secrets);

/// <summary>An edit of one hotel.</summary>
/// <param name="Version">The <see cref="ManagedHotel.Version"/> the edit started from.</param>
/// <param name="Settings">New values of settings (changed, added, or left as they were); a secret key here counts as a secret replacement.</param>
/// <param name="Secrets">Secrets to replace; an empty value keeps the secret.</param>
internal sealed record HotelEdit(string? Version, IReadOnlyDictionary<string, string?>? Settings, IReadOnlyDictionary<string, string?>? Secrets);

/// <summary>What an edit came to.</summary>
internal abstract record HotelEditResult
{
    /// <summary>Saved and applied; <paramref name="Version"/> is the hotel's new version.</summary>
    public sealed record Saved(string Version, IReadOnlyList<string> Changed) : HotelEditResult;

    /// <summary>Refused by the start-up validation; messages by setting (<c>""</c>: not about one setting).</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, IReadOnlyList<string>> Errors) : HotelEditResult;

    /// <summary>The hotel changed since the edit's version was read.</summary>
    public sealed record Conflict(string CurrentVersion) : HotelEditResult;

    /// <summary>No such hotel.</summary>
    public sealed record NotFound : HotelEditResult;
}

/// <summary>
/// The hotels' settings as configuration holds them, and the operators' changes to them: validated by the runtime's
/// start-up validation (<see cref="PmsHotelConfigurationValidation"/>), written atomically to a JSON file the host layers
/// over appsettings (<see cref="OpsConfiguration.FileName"/>), audited, and applied by reloading the configuration (each
/// changed hotel's connector is made again with the new settings on its next call). Secrets never leave this class in
/// clear: answers say whether a secret is set, the audit and the log say "secret replaced".
/// </summary>
internal sealed partial class ManagedHotelSettings(
    IConfigurationRoot configuration,
    IServiceProvider services,
    ConfigurationAudit audit,
    OpsConfigurationFile file,
    TimeProvider time,
    ILogger<ManagedHotelSettings> logger)
{
    private const string HotelsSection = "Hotels";
    private const string VendorKey = "Vendor";

    // Versions are keyed hashes: they change with every setting, secrets included, yet say nothing a viewer could test a guessed secret against.
    private readonly byte[] _versionKey = RandomNumberGenerator.GetBytes(32);
    private readonly SemaphoreSlim _writing = new(1, 1);

    /// <summary>Whether a setting holds a secret, by the last segment of its key: <c>...Secret</c>, <c>...Password</c>, <c>...Token</c>, <c>...Key</c>, <c>AuthorizationCode</c>.</summary>
    /// <param name="key">The key relative to the hotel (<c>Webhook:UrlSecret</c>).</param>
    /// <returns><see langword="true"/> for a secret.</returns>
    public static bool IsSecret(string key)
    {
        var name = key[(key.LastIndexOf(':') + 1)..];
        return name.EndsWith("Secret", StringComparison.OrdinalIgnoreCase) || name.EndsWith("Password", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("Token", StringComparison.OrdinalIgnoreCase) || name.EndsWith("Key", StringComparison.OrdinalIgnoreCase)
            || name.Equals("AuthorizationCode", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Gets every hotel of the configuration, in configuration order.</summary>
    /// <returns>The hotels.</returns>
    public IReadOnlyList<ManagedHotel> List() => [.. configuration.GetSection(HotelsSection).GetChildren().Select(Describe)];

    /// <summary>Gets one hotel.</summary>
    /// <param name="hotelId">The hotel's key.</param>
    /// <returns>The hotel, or <see langword="null"/>.</returns>
    public ManagedHotel? Find(string hotelId)
    {
        var section = Section(hotelId);
        return section is null ? null : Describe(section);
    }

    /// <summary>Validates, saves, audits and applies an edit of one hotel.</summary>
    /// <param name="hotelId">The hotel's key.</param>
    /// <param name="edit">The edit.</param>
    /// <param name="user">Who makes it.</param>
    /// <param name="cancellationToken">A token that cancels the edit before it is saved.</param>
    /// <returns>The outcome.</returns>
    public async Task<HotelEditResult> EditAsync(string hotelId, HotelEdit edit, string user, CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Section(hotelId) is not { } section)
            {
                return new HotelEditResult.NotFound();
            }

            hotelId = section.Key;
            var current = Flatten(section);
            var version = Version(current);
            if (!string.Equals(edit.Version, version, StringComparison.Ordinal))
            {
                return new HotelEditResult.Conflict(version);
            }

            var (changes, refused) = Changes(current, edit);
            if (refused.Count > 0)
            {
                return new HotelEditResult.Invalid(refused);
            }

            var candidate = new Dictionary<string, string>(current, StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in changes)
            {
                candidate[key] = value;
            }

            var failures = services.ValidateHotelConfiguration(new ConfigurationBuilder()
                .AddInMemoryCollection(candidate.Select(s => new KeyValuePair<string, string?>($"{HotelsSection}:{hotelId}:{s.Key}", s.Value)))
                .Build()
                .GetSection(HotelsSection));
            if (failures.Count > 0)
            {
                return new HotelEditResult.Invalid(BySetting(hotelId, failures));
            }

            if (changes.Count == 0)
            {
                return new HotelEditResult.Saved(version, []);
            }

            var entry = new ConfigurationAuditEntry(time.GetUtcNow(), user, hotelId, [.. changes.Keys.Order(StringComparer.OrdinalIgnoreCase).Select(key => Describe(key, current.GetValueOrDefault(key), changes[key]))]);
            await file.WriteAsync(hotelId, changes, cancellationToken).ConfigureAwait(false);

            // Saved: from here on the change is applied and recorded even if the caller has gone.
            await audit.AppendAsync(entry, CancellationToken.None).ConfigureAwait(false);
            configuration.Reload();
            LogChanged(hotelId, user, string.Join(", ", entry.Changes.Select(c => c.Setting)));
            return new HotelEditResult.Saved(Version(Flatten(Section(hotelId)!)), [.. entry.Changes.Select(c => c.Setting)]);
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>Maps the runtime's start-up messages to the setting each names through its configuration path, <c>(Hotels:{id}:{setting})</c>.</summary>
    internal static IReadOnlyDictionary<string, IReadOnlyList<string>> BySetting(string hotelId, IEnumerable<string> failures)
    {
        var prefix = $"{HotelsSection}:{hotelId}:";
        return failures
            .GroupBy(message => PathAtEnd().Match(message) is { Success: true } m && m.Groups["path"].Value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                ? m.Groups["path"].Value[prefix.Length..]
                : string.Empty, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g], StringComparer.OrdinalIgnoreCase);
    }

    private static ConfigurationChange Describe(string key, string? before, string after) =>
        IsSecret(key) ? new(key, "secret replaced")
        : before is null ? new(key, $"added: \"{after}\"")
        : new(key, $"\"{before}\" → \"{after}\"");

    // Settings a form cannot reach: Vendor (its connector was registered at start), keys that are not configuration keys.
    private static (Dictionary<string, string> Changes, Dictionary<string, IReadOnlyList<string>> Refused) Changes(Dictionary<string, string> current, HotelEdit edit)
    {
        var changes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var refused = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        var proposed = (edit.Settings ?? new Dictionary<string, string?>()).Select(s => (Key: s.Key.Trim(), Value: s.Value ?? string.Empty, Secret: false))
            .Concat((edit.Secrets ?? new Dictionary<string, string?>()).Select(s => (Key: s.Key.Trim(), Value: s.Value ?? string.Empty, Secret: true)));
        foreach (var (key, value, secretField) in proposed)
        {
            if (!SettingKey().IsMatch(key))
            {
                refused[key] = ["A setting's key is made of names (letters, digits, '_', '-', '.') joined by ':'."];
            }
            else if (string.Equals(key, VendorKey, StringComparison.OrdinalIgnoreCase))
            {
                if (!string.Equals(value, current.GetValueOrDefault(VendorKey), StringComparison.OrdinalIgnoreCase))
                {
                    refused[VendorKey] = ["The vendor cannot be changed while the host runs: its connector was registered at start. Change it in appsettings and restart."];
                }
            }
            else if ((secretField || IsSecret(key)) && value.Length == 0)
            {
                // An empty replace field keeps the secret.
            }
            else if (!string.Equals(current.GetValueOrDefault(key), value, StringComparison.Ordinal))
            {
                changes[key] = value;
            }
        }

        return (changes, refused);
    }

    private IConfigurationSection? Section(string hotelId) =>
        configuration.GetSection(HotelsSection).GetChildren().FirstOrDefault(h => string.Equals(h.Key, hotelId, StringComparison.OrdinalIgnoreCase));

    private ManagedHotel Describe(IConfigurationSection hotel)
    {
        var settings = Flatten(hotel);
        return new ManagedHotel(
            hotel.Key,
            settings.GetValueOrDefault(VendorKey) ?? string.Empty,
            Version(settings),
            settings.Where(s => !IsSecret(s.Key) && !string.Equals(s.Key, VendorKey, StringComparison.OrdinalIgnoreCase)).ToDictionary(s => s.Key, s => s.Value, StringComparer.OrdinalIgnoreCase),
            settings.Where(s => IsSecret(s.Key)).ToDictionary(s => s.Key, s => s.Value.Length > 0, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The hotel's settings with values, keys relative to the hotel, in key order.</summary>
    private static Dictionary<string, string> Flatten(IConfigurationSection hotel) =>
        hotel.AsEnumerable(makePathsRelative: true)
            .Where(s => s.Value is not null)
            .OrderBy(s => s.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(s => s.Key, s => s.Value!, StringComparer.OrdinalIgnoreCase);

    private string Version(Dictionary<string, string> settings)
    {
        var text = string.Join('\n', settings.OrderBy(s => s.Key, StringComparer.OrdinalIgnoreCase).Select(s => new JsonArray(s.Key.ToUpperInvariant(), s.Value).ToJsonString()));
        return Convert.ToBase64String(HMACSHA256.HashData(_versionKey, Encoding.UTF8.GetBytes(text)).AsSpan(0, 12)).Replace('+', '-').Replace('/', '_');
    }

    [GeneratedRegex(@"\((?<path>[^()]+)\)\.?$")]
    private static partial Regex PathAtEnd();

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]+(:[A-Za-z0-9_.\-]+)*$")]
    private static partial Regex SettingKey();

    [LoggerMessage(Level = LogLevel.Information, Message = "Hotel {HotelId} configuration changed by {User}: {Settings} (values not logged)")]
    private partial void LogChanged(string hotelId, string user, string settings);
}
