using System.Globalization;
using System.Text.Json;
using HotelPlatform.Connectors.Opera.Wire;

namespace HotelPlatform.Connectors.Opera.Events;

/// <summary>
/// Where dequeued business events wait until the consumer acknowledges them. OHIP removes events when they are read,
/// so the source writes every dequeued batch here before handing it out and removes it only on acknowledgement: a
/// crash between dequeue and hand-off (or before the consumer committed) leaves the batch here, and the next poll
/// hands it out again. A folder survives a process crash; memory survives only a failed hand-off within the process.
/// </summary>
internal abstract class OperaEventOutbox
{
    /// <summary>Gets a value indicating whether a batch survives a process crash.</summary>
    public abstract bool IsDurable { get; }

    public static OperaEventOutbox For(OperaOptions options) =>
        string.IsNullOrWhiteSpace(options.EventOutboxDirectory)
            ? new MemoryOutbox()
            : new FolderOutbox(Path.Combine(options.EventOutboxDirectory, options.PropertyId));

    /// <summary>The oldest batch not yet acknowledged, with its sequence number.</summary>
    public abstract (long Sequence, IReadOnlyList<BusinessEventData> Events)? Oldest();

    /// <summary>Keeps a batch (durably for a folder: written and flushed before this returns) and gives it the next sequence number.</summary>
    public abstract long Add(IReadOnlyList<BusinessEventData> events);

    /// <summary>Forgets an acknowledged batch; forgetting one twice is harmless.</summary>
    public abstract void Remove(long sequence);

    private sealed class MemoryOutbox : OperaEventOutbox
    {
        private readonly SortedDictionary<long, IReadOnlyList<BusinessEventData>> _batches = [];
        private readonly Lock _gate = new();
        private long _last;

        public override bool IsDurable => false;

        public override (long Sequence, IReadOnlyList<BusinessEventData> Events)? Oldest()
        {
            lock (_gate)
            {
                return _batches.Count == 0 ? null : (_batches.First().Key, _batches.First().Value);
            }
        }

        public override long Add(IReadOnlyList<BusinessEventData> events)
        {
            lock (_gate)
            {
                _batches[++_last] = events;
                return _last;
            }
        }

        public override void Remove(long sequence)
        {
            lock (_gate)
            {
                _batches.Remove(sequence);
            }
        }
    }

    /// <summary>One JSON file per batch, named by sequence; written to a temporary name, flushed, then renamed.</summary>
    private sealed class FolderOutbox : OperaEventOutbox
    {
        private readonly string _folder;
        private readonly Lock _gate = new();

        public FolderOutbox(string folder)
        {
            _folder = folder;
            Directory.CreateDirectory(folder);
        }

        public override bool IsDurable => true;

        public override (long Sequence, IReadOnlyList<BusinessEventData> Events)? Oldest()
        {
            lock (_gate)
            {
                var oldest = Sequences().Cast<long?>().FirstOrDefault();
                if (oldest is not { } sequence)
                {
                    return null;
                }

                var json = File.ReadAllBytes(PathOf(sequence));
                return (sequence, JsonSerializer.Deserialize(json, OperaJsonContext.Default.ListBusinessEventData) ?? []);
            }
        }

        public override long Add(IReadOnlyList<BusinessEventData> events)
        {
            lock (_gate)
            {
                var sequence = Sequences().Cast<long?>().LastOrDefault() is { } last ? last + 1 : 1;
                var temporary = PathOf(sequence) + ".tmp";
                using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
                {
                    JsonSerializer.Serialize(stream, events.ToList(), OperaJsonContext.Default.ListBusinessEventData);
                    stream.Flush(flushToDisk: true);
                }

                File.Move(temporary, PathOf(sequence), overwrite: true);
                return sequence;
            }
        }

        public override void Remove(long sequence)
        {
            lock (_gate)
            {
                File.Delete(PathOf(sequence));
            }
        }

        private string PathOf(long sequence) => Path.Combine(_folder, sequence.ToString("D19", CultureInfo.InvariantCulture) + ".json");

        private IEnumerable<long> Sequences() =>
            Directory.EnumerateFiles(_folder, "*.json")
                .Select(f => long.TryParse(Path.GetFileNameWithoutExtension(f), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : -1)
                .Where(s => s > 0)
                .Order();
    }
}
