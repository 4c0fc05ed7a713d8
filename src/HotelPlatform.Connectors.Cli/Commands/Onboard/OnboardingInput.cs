using Microsoft.Extensions.Configuration;

namespace HotelPlatform.Connectors.Cli.Commands.Onboard;

/// <summary>
/// A hotel as the operator supplied it: its id, its vendor (when given) and its settings relative to the hotel's
/// section (':' nesting), the way configuration keys are written.
/// </summary>
internal sealed record OnboardingInput(string? HotelId, string? Vendor, IReadOnlyDictionary<string, string?> Values)
{
    /// <summary>Gets how the vendor was chosen.</summary>
    public string VendorSource { get; init; } = "given";

    /// <summary>Reads --json, then --set (which wins), then --vendor and --hotel.</summary>
    public static Task<OnboardingInput> ReadAsync(OnboardCommand.Settings settings, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (settings.JsonFile is not null)
        {
            var file = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(settings.JsonFile), optional: false, reloadOnChange: false).Build();
            foreach (var (key, value) in file.AsEnumerable(makePathsRelative: true).Where(p => p.Value is not null))
            {
                values[key] = value;
            }
        }

        foreach (var pair in settings.Set)
        {
            var split = pair.IndexOf('=', StringComparison.Ordinal);
            values[pair[..split].Trim()] = pair[(split + 1)..];
        }

        var vendor = NonEmpty(settings.Vendor) ?? NonEmpty(values.GetValueOrDefault("Vendor"));
        values.Remove("Vendor");
        return Task.FromResult(new OnboardingInput(NonEmpty(settings.HotelId), vendor?.Trim().ToLowerInvariant(), values));
    }

    /// <summary>Gets the settings with the vendor, as they are written.</summary>
    public IReadOnlyDictionary<string, string?> WithVendor() =>
        new Dictionary<string, string?>(Values, StringComparer.OrdinalIgnoreCase) { ["Vendor"] = Vendor };

    /// <summary>Gets the settings as configuration entries under <c>{section}:{hotel}</c>.</summary>
    public IEnumerable<KeyValuePair<string, string?>> ToConfiguration(string section) =>
        WithVendor().Select(p => new KeyValuePair<string, string?>($"{section}:{HotelId}:{p.Key}", p.Value));

    /// <summary>Replaces every secret value the hotel carries in <paramref name="message"/>, so nothing printed or reported shows one.</summary>
    public string Redact(string message)
    {
        foreach (var (_, value) in Values.Where(p => AppSettingsWriter.IsSecret(p.Key) && !string.IsNullOrEmpty(p.Value)))
        {
            message = message.Replace(value!, "***", StringComparison.Ordinal);
        }

        return message;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
