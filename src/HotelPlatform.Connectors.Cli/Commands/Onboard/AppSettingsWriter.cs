using System.Text.Json;
using System.Text.Json.Nodes;

namespace HotelPlatform.Connectors.Cli.Commands.Onboard;

/// <summary>
/// Writes one hotel's section into an appsettings.json: the file's other keys (other hotels, logging, ...) are kept as
/// they are, the hotel's own section is replaced. Secret settings are written only when asked for.
/// </summary>
internal static class AppSettingsWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    // Settings that hold credentials: what the vendors' options call their secrets (ClientSecret, Password, ApiKey,
    // AppKey, ClientToken, AccessToken, RefreshToken, WebhookToken, WebhookSecret, Webhook:UrlSecret).
    private static readonly string[] SecretMarkers = ["Secret", "Password", "ApiKey", "AppKey", "Token"];

    /// <summary>Returns whether the setting <paramref name="key"/> (relative to the hotel's section, ':' nesting) holds a credential.</summary>
    public static bool IsSecret(string key)
    {
        var leaf = key[(key.LastIndexOf(':') + 1)..];
        return !leaf.EndsWith("Endpoint", StringComparison.OrdinalIgnoreCase)
            && SecretMarkers.Any(m => leaf.Contains(m, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Merges the hotel into <paramref name="path"/> (created when absent) and returns the secret keys left out.</summary>
    /// <param name="path">The appsettings.json.</param>
    /// <param name="section">The section that lists hotels (<c>Hotels</c>).</param>
    /// <param name="hotelId">The hotel's id.</param>
    /// <param name="settings">The hotel's settings, ':' nesting.</param>
    /// <param name="includeSecrets">Whether secret settings are written.</param>
    /// <param name="cancellationToken">A token that cancels the write.</param>
    /// <returns>The secret keys not written.</returns>
    public static async Task<IReadOnlyList<string>> WriteAsync(string path, string section, string hotelId, IReadOnlyDictionary<string, string?> settings, bool includeSecrets, CancellationToken cancellationToken)
    {
        JsonObject root;
        if (File.Exists(path) && new FileInfo(path).Length > 0)
        {
            var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                ?? throw new InvalidDataException($"{path} does not hold a JSON object.");
        }
        else
        {
            root = [];
        }

        var hotels = Child(root, section);
        var hotel = new JsonObject();
        var omitted = new List<string>();
        foreach (var (key, value) in settings.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (value is null)
            {
                continue;
            }

            if (!includeSecrets && IsSecret(key))
            {
                omitted.Add(key);
                continue;
            }

            var parts = key.Split(':');
            var parent = hotel;
            foreach (var part in parts[..^1])
            {
                parent = Child(parent, part);
            }

            parent[parts[^1]] = Typed(value);
        }

        hotels[hotelId] = hotel;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        Directory.CreateDirectory(directory!);

        // Written to a temporary file and moved over the original, so an interrupted write never leaves half a file.
        var temporary = path + ".onboarding.tmp";
        await File.WriteAllTextAsync(temporary, root.ToJsonString(Indented) + Environment.NewLine, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
        return omitted;
    }

    private static JsonObject Child(JsonObject parent, string name)
    {
        var existing = parent.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));
        if (existing.Value is JsonObject child)
        {
            return child;
        }

        child = [];
        parent[existing.Key ?? name] = child;
        return child;
    }

    // Configuration values are strings; booleans and whole numbers are written as JSON values, as people write them.
    private static JsonNode Typed(string value) =>
        bool.TryParse(value, out var flag) ? JsonValue.Create(flag)
        : long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && !value.StartsWith('0') ? JsonValue.Create(number)
        : JsonValue.Create(value);
}
