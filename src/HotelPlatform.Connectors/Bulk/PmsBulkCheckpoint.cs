using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HotelPlatform.Connectors.Bulk;

/// <summary>
/// The checkpoint of a bulk job: a JSON-lines file, one line per finished item, appended and flushed to disk as each
/// item finishes, so that a job stopped at any point (cancelled, or the process killed) loses at most the items in
/// flight. A line cut short by a crash is ignored when the file is read back.
/// </summary>
internal sealed class PmsBulkCheckpoint : IAsyncDisposable
{
    private readonly FileStream _file;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private PmsBulkCheckpoint(FileStream file, IReadOnlyDictionary<string, PmsBulkCheckpointEntry> entries)
    {
        _file = file;
        Entries = entries;
    }

    /// <summary>Gets the entries read when the file was opened, by item id (the last line of an item wins).</summary>
    public IReadOnlyDictionary<string, PmsBulkCheckpointEntry> Entries { get; }

    public static async Task<PmsBulkCheckpoint> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var entries = new Dictionary<string, PmsBulkCheckpointEntry>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false))
            {
                if (TryParse(line) is { } entry)
                {
                    entries[entry.Id] = entry;
                }
            }
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 4096, useAsync: true);
        return new PmsBulkCheckpoint(file, entries);
    }

    public async Task AppendAsync(PmsBulkCheckpointEntry entry)
    {
        // Not cancellable: an item that finished is recorded even while the job is being cancelled.
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, PmsBulkCheckpointJson.Default.PmsBulkCheckpointEntry) + "\n");
        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            await _file.WriteAsync(line, CancellationToken.None).ConfigureAwait(false);
            await _file.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            _file.Flush(flushToDisk: true);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _file.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    private static PmsBulkCheckpointEntry? TryParse(string line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(line, PmsBulkCheckpointJson.Default.PmsBulkCheckpointEntry) is { Id.Length: > 0 } entry ? entry : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>One line of a checkpoint.</summary>
/// <param name="Id">The item id.</param>
/// <param name="Status">What became of it.</param>
/// <param name="Error">For a failure, the error.</param>
internal sealed record PmsBulkCheckpointEntry(string Id, PmsBulkItemStatus Status, string? Error);

[JsonSourceGenerationOptions(UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PmsBulkCheckpointEntry))]
internal sealed partial class PmsBulkCheckpointJson : JsonSerializerContext;
