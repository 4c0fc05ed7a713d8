using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HotelPlatform.Connectors.Bulk;

/// <summary>
/// The checkpoint of a bulk job: a JSON-lines file, one line per finished item, appended and flushed to disk as each
/// item finishes, so that a job stopped at any point (cancelled, or the process killed) loses at most the items in
/// flight. A line cut short by a crash is ignored when the file is read back. The first line of a new file is the job's
/// fingerprint (its item ids and parameters), so a rerun of another job with the same file is refused rather than
/// skipping items it never did.
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

    /// <summary>The fingerprint of a job: SHA-256 of its parameters and its item ids (in any order).</summary>
    public static string Fingerprint(IEnumerable<string> itemIds, string? parameters)
    {
        var text = new StringBuilder("v1\n").Append(parameters).Append('\n');
        foreach (var id in itemIds.Order(StringComparer.Ordinal))
        {
            text.Append(id).Append('\n');
        }

        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public static async Task<PmsBulkCheckpoint> OpenAsync(string path, string fingerprint, bool startAfresh, CancellationToken cancellationToken)
    {
        if (startAfresh)
        {
            File.Delete(path);
        }

        var entries = new Dictionary<string, PmsBulkCheckpointEntry>(StringComparer.Ordinal);
        string? stored = null;
        if (File.Exists(path))
        {
            foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false))
            {
                if (TryParse(line) is { } entry)
                {
                    entries[entry.Id] = entry;
                }
                else if (stored is null && TryParseHeader(line) is { } header)
                {
                    stored = header.Fingerprint;
                }
            }
        }

        // A checkpoint without a fingerprint was written before fingerprints existed: its items are trusted as before.
        if (stored is not null && !string.Equals(stored, fingerprint, StringComparison.Ordinal))
        {
            throw new PmsBulkCheckpointMismatchException(Path.GetFullPath(path), stored, fingerprint);
        }

        var isNew = !File.Exists(path) || new FileInfo(path).Length == 0;

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 4096, useAsync: true);
        var checkpoint = new PmsBulkCheckpoint(file, entries);
        if (isNew)
        {
            await checkpoint.AppendLineAsync(JsonSerializer.Serialize(new PmsBulkCheckpointHeader(fingerprint), PmsBulkCheckpointJson.Default.PmsBulkCheckpointHeader)).ConfigureAwait(false);
        }

        return checkpoint;
    }

    public Task AppendAsync(PmsBulkCheckpointEntry entry) =>
        AppendLineAsync(JsonSerializer.Serialize(entry, PmsBulkCheckpointJson.Default.PmsBulkCheckpointEntry));

    private async Task AppendLineAsync(string json)
    {
        // Not cancellable: an item that finished is recorded even while the job is being cancelled.
        var line = Encoding.UTF8.GetBytes(json + "\n");
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

    private static PmsBulkCheckpointHeader? TryParseHeader(string line)
    {
        try
        {
            return JsonSerializer.Deserialize(line, PmsBulkCheckpointJson.Default.PmsBulkCheckpointHeader) is { Fingerprint.Length: > 0 } header ? header : null;
        }
        catch (JsonException)
        {
            return null;
        }
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

/// <summary>The first line of a checkpoint: the fingerprint of the job that wrote it.</summary>
/// <param name="Fingerprint">See <see cref="PmsBulkCheckpoint.Fingerprint"/>.</param>
internal sealed record PmsBulkCheckpointHeader(string Fingerprint);

[JsonSourceGenerationOptions(UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PmsBulkCheckpointEntry))]
[JsonSerializable(typeof(PmsBulkCheckpointHeader))]
internal sealed partial class PmsBulkCheckpointJson : JsonSerializerContext;
