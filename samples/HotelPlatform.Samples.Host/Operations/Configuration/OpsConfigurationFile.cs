using System.Text.Json;
using System.Text.Json.Nodes;

namespace HotelPlatform.Samples.Host.Operations.Configuration;

/// <summary>
/// The JSON file holding the operators' changes (<c>{"Hotels": {"lisbon": {"ApiKey": "..."}}}</c>), layered by the host
/// over appsettings: only the settings changed here, nested by their <c>:</c>-separated keys as appsettings nests them.
/// Written atomically: the whole new file goes to a temporary file in the same folder, is flushed to disk, and replaces
/// the old one by a rename, so a crash leaves the old file or the new one, never half of one.
/// </summary>
/// <param name="path">The file's full path.</param>
internal sealed class OpsConfigurationFile(string path)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Gets the file's full path.</summary>
    public string Path { get; } = path;

    /// <summary>Adds (or replaces) settings of one hotel, keeping everything else in the file.</summary>
    /// <param name="hotelId">The hotel's key.</param>
    /// <param name="settings">The settings, keys relative to the hotel.</param>
    /// <param name="cancellationToken">A token that cancels the write before the file is replaced.</param>
    /// <returns>A task that completes when the new file is in place.</returns>
    public async Task WriteAsync(string hotelId, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var root = File.Exists(Path) ? JsonNode.Parse(await File.ReadAllTextAsync(Path, cancellationToken).ConfigureAwait(false)) as JsonObject ?? [] : [];
        foreach (var (key, value) in settings)
        {
            var node = Child(Child(root, "Hotels"), hotelId);
            var names = key.Split(':');
            foreach (var name in names[..^1])
            {
                node = Child(node, name);
            }

            node[names[^1]] = value;
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temporary = $"{Path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
            {
                await JsonSerializer.SerializeAsync(stream, root, Indented, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, Path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    // Configuration keys are case-insensitive: an existing child spelled otherwise is the same setting.
    private static JsonObject Child(JsonObject parent, string name)
    {
        var existing = parent.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));
        if (existing.Value is JsonObject found)
        {
            return found;
        }

        if (existing.Key is not null)
        {
            parent.Remove(existing.Key);
        }

        var made = new JsonObject();
        parent[existing.Key ?? name] = made;
        return made;
    }
}
