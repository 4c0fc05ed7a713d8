using Microsoft.Extensions.Options;

namespace HotelPlatform.Connectors.Webhooks;

/// <summary>
/// Group commit: concurrent deliveries queue their events; whoever holds the gate commits everything queued so far in
/// one transaction and completes each waiter. One fsync then covers many deliveries, and every delivery is still
/// answered only after its own events are durable. Hand-written (about 40 lines) because no library we use offers a
/// group commit over an arbitrary store.
/// </summary>
internal sealed class PmsInboxCommitter(IPmsEventInbox inbox, IOptions<PmsWebhooksOptions> options, PmsInboxSignal signal)
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<Waiter> _queue = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly int _maxBatch = Math.Max(1, options.Value.MaxCommitBatch);

    /// <summary>Commits the records; returns, per record, whether it was new.</summary>
    public async ValueTask<IReadOnlyList<bool>> CommitAsync(IReadOnlyList<PmsInboxRecord> records)
    {
        var waiter = new Waiter(records);
        _queue.Enqueue(waiter);

        // Not cancellable: once queued, the records are committed by whoever holds the gate, so this waiter must not leave early.
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!waiter.Done.Task.IsCompleted)
            {
                await CommitQueuedAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }

        return await waiter.Done.Task.ConfigureAwait(false);
    }

    private async Task CommitQueuedAsync()
    {
        var batch = new List<Waiter>();
        var count = 0;
        while (count < _maxBatch && _queue.TryDequeue(out var next))
        {
            batch.Add(next);
            count += next.Records.Count;
        }

        var all = batch.Count == 1 ? batch[0].Records : batch.SelectMany(w => w.Records).ToList();
        try
        {
            var inserted = await inbox.AppendAsync(all, null, CancellationToken.None).ConfigureAwait(false);
            var flags = inserted as bool[] ?? [.. inserted];
            var offset = 0;
            foreach (var waiter in batch)
            {
                waiter.Done.SetResult(new ArraySegment<bool>(flags, offset, waiter.Records.Count));
                offset += waiter.Records.Count;
            }

            signal.Pulse();
        }
        catch (Exception exception)
        {
            foreach (var waiter in batch)
            {
                waiter.Done.SetException(exception);
            }
        }
    }

    private sealed record Waiter(IReadOnlyList<PmsInboxRecord> Records)
    {
        public TaskCompletionSource<IReadOnlyList<bool>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>Wakes this host's dispatcher when events were committed here, so that it need not wait for its idle poll.</summary>
internal sealed class PmsInboxSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Gets a task that completes at the next <see cref="Pulse"/>.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    /// <summary>Completes the current <see cref="Next"/> and starts a new one.</summary>
    public void Pulse() => Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
