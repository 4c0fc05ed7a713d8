using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HotelPlatform.Samples.Host.Operations.Configuration;

/// <summary>One setting changed: its key and what happened to it (a secret only as "secret replaced", never its value).</summary>
/// <param name="Setting">The key relative to the hotel.</param>
/// <param name="Change">What happened.</param>
internal sealed record ConfigurationChange(string Setting, string Change);

/// <summary>One audited configuration change: who, when, which hotel, which settings.</summary>
/// <param name="At">When it was saved.</param>
/// <param name="User">The signed-in operator.</param>
/// <param name="HotelId">The hotel.</param>
/// <param name="Changes">The settings changed.</param>
internal sealed record ConfigurationAuditEntry(DateTimeOffset At, string User, string HotelId, IReadOnlyList<ConfigurationChange> Changes);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ConfigurationAuditEntry))]
internal sealed partial class ConfigurationAuditJson : JsonSerializerContext;

/// <summary>
/// The durable audit of configuration changes: one JSON line per change, appended and flushed to disk before the change
/// is applied, in a file beside the configuration file. It holds setting names and non-secret values, never a secret.
/// </summary>
/// <param name="path">The file's full path.</param>
internal sealed class ConfigurationAudit(string path)
{
    private readonly Lock _gate = new();

    /// <summary>Gets the file's full path.</summary>
    public string Path { get; } = path;

    /// <summary>Appends an entry and flushes it to disk.</summary>
    /// <param name="entry">The entry.</param>
    /// <param name="cancellationToken">A token that cancels the append.</param>
    /// <returns>A task that completes when the entry is on disk.</returns>
    public Task AppendAsync(ConfigurationAuditEntry entry, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, ConfigurationAuditJson.Default.ConfigurationAuditEntry) + "\n");
        lock (_gate)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
            stream.Write(line);
            stream.Flush(flushToDisk: true);
        }

        return Task.CompletedTask;
    }

    /// <summary>Reads the newest entries first.</summary>
    /// <param name="limit">How many at most.</param>
    /// <returns>The entries.</returns>
    public IReadOnlyList<ConfigurationAuditEntry> Newest(int limit)
    {
        string[] lines;
        lock (_gate)
        {
            lines = File.Exists(Path) ? File.ReadAllLines(Path) : [];
        }

        return [.. lines.Reverse().Where(l => l.Length > 0).Take(limit).Select(l => JsonSerializer.Deserialize(l, ConfigurationAuditJson.Default.ConfigurationAuditEntry)!)];
    }
}
