using HotelPlatform.Connectors.Http;

namespace HotelPlatform.Connectors.Bulk;

/// <summary>
/// Runs a chain-wide job (arrivals of hundreds of hotels, rate and availability pushes, a guest export, a bulk cancel)
/// item by item: at most <see cref="PmsBulkOptions.MaxParallelismPerAccount"/> items of one vendor account at a time,
/// every call in the <see cref="PmsTrafficLane.Bulk"/> lane (so interactive calls keep their share of the quota),
/// cancellable, resumable from a checkpoint, with progress after every item and one result per item.
/// </summary>
/// <example>
/// <code>
/// var report = await PmsBulkRunner.RunAsync(
///     hotels, h => h.HotelId, h => h.AccountKey,
///     (h, ct) => registry.Get(h.HotelId).Reservations.SearchAsync(arrivalsToday, ct),
///     new PmsBulkOptions { MaxParallelismPerAccount = 4, CheckpointPath = "arrivals.checkpoint" },
///     progress, cancellationToken);
/// </code>
/// </example>
public static class PmsBulkRunner
{
    /// <summary>Runs <paramref name="work"/> for every item not already done according to the checkpoint.</summary>
    /// <typeparam name="TItem">An item of the job (a hotel, a reservation to cancel).</typeparam>
    /// <typeparam name="TResult">What the work returns for an item.</typeparam>
    /// <param name="items">The items; ids must be unique.</param>
    /// <param name="itemId">An item's id, stable across runs (it keys the checkpoint).</param>
    /// <param name="accountKey">The vendor account an item's calls spend quota of (parallelism is bounded per account).</param>
    /// <param name="work">The work for one item; an exception fails that item only.</param>
    /// <param name="options">Parallelism and checkpoint.</param>
    /// <param name="progress">Receives progress after every finished item; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the job: items in flight are cancelled and left for a resumed run.</param>
    /// <returns>The report; <see cref="PmsBulkReport{TResult}.Cancelled"/> tells whether every item ran.</returns>
    /// <exception cref="PmsBulkCheckpointMismatchException">The checkpoint was written by a job with other items or <see cref="PmsBulkOptions.Parameters"/>.</exception>
    public static async Task<PmsBulkReport<TResult>> RunAsync<TItem, TResult>(
        IReadOnlyList<TItem> items,
        Func<TItem, string> itemId,
        Func<TItem, string> accountKey,
        Func<TItem, CancellationToken, Task<TResult>> work,
        PmsBulkOptions options,
        IProgress<PmsBulkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(itemId);
        ArgumentNullException.ThrowIfNull(accountKey);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxParallelismPerAccount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MaxParallelismPerAccount, 64);

        var ids = items.Select(itemId).ToArray();
        var duplicate = ids.GroupBy(id => id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Item id '{duplicate.Key}' appears more than once; ids key the checkpoint and must be unique.", nameof(items));
        }

        var checkpoint = options.CheckpointPath is { } path
            ? await PmsBulkCheckpoint.OpenAsync(path, PmsBulkCheckpoint.Fingerprint(ids, options.Parameters), options.StartAfresh, cancellationToken).ConfigureAwait(false)
            : null;
        try
        {
            var results = new PmsBulkItemResult<TResult>[items.Count];
            var pending = new List<int>();
            int succeeded = 0, failed = 0, notSupported = 0;
            for (var i = 0; i < items.Count; i++)
            {
                if (checkpoint?.Entries.TryGetValue(ids[i], out var done) == true && done.Status is PmsBulkItemStatus.Succeeded or PmsBulkItemStatus.NotSupported)
                {
                    results[i] = new PmsBulkItemResult<TResult>(ids[i], accountKey(items[i]), done.Status, default, done.Error, FromCheckpoint: true);
                    if (done.Status == PmsBulkItemStatus.Succeeded)
                    {
                        succeeded++;
                    }
                    else
                    {
                        notSupported++;
                    }
                }
                else
                {
                    results[i] = new PmsBulkItemResult<TResult>(ids[i], accountKey(items[i]), PmsBulkItemStatus.NotRun, default, null, FromCheckpoint: false);
                    pending.Add(i);
                }
            }

            progress?.Report(new PmsBulkProgress(items.Count, succeeded, failed, null) { NotSupported = notSupported });

            async Task RunItemAsync(int index, CancellationToken token)
            {
                PmsBulkItemResult<TResult> result;
                using (PmsTrafficLanes.Begin(PmsTrafficLane.Bulk))
                {
                    try
                    {
                        var value = await work(items[index], token).ConfigureAwait(false);
                        result = results[index] with { Status = PmsBulkItemStatus.Succeeded, Value = value };
                    }
                    catch (OperationCanceledException) when (token.IsCancellationRequested)
                    {
                        // Stopped by the job's cancellation: not done, so not recorded; a resumed run does it.
                        return;
                    }
                    catch (PmsNotSupportedException exception)
                    {
                        // The vendor cannot do this work: a fact about the hotel, not a failure to retry.
                        result = results[index] with { Status = PmsBulkItemStatus.NotSupported, Error = exception.Message };
                    }
#pragma warning disable CA1031 // One item's failure is that item's result; the job goes on.
                    catch (Exception exception)
#pragma warning restore CA1031
                    {
                        result = results[index] with { Status = PmsBulkItemStatus.Failed, Error = $"{exception.GetType().Name}: {exception.Message}" };
                    }
                }

                results[index] = result;
                if (checkpoint is not null)
                {
                    await checkpoint.AppendAsync(new PmsBulkCheckpointEntry(result.ItemId, result.Status, result.Error)).ConfigureAwait(false);
                }

                _ = result.Status switch
                {
                    PmsBulkItemStatus.Succeeded => Interlocked.Increment(ref succeeded),
                    PmsBulkItemStatus.NotSupported => Interlocked.Increment(ref notSupported),
                    _ => Interlocked.Increment(ref failed),
                };
                progress?.Report(new PmsBulkProgress(items.Count, Volatile.Read(ref succeeded), Volatile.Read(ref failed), result.ItemId) { NotSupported = Volatile.Read(ref notSupported) });
            }

            // One lane of parallelism per vendor account: a slow or throttled account does not hold up the others.
            var accounts = pending.GroupBy(i => results[i].AccountKey, StringComparer.Ordinal);
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelismPerAccount, CancellationToken = cancellationToken };
            try
            {
                await Task.WhenAll(accounts.Select(account => Parallel.ForEachAsync(account, parallel, (index, token) => new ValueTask(RunItemAsync(index, token))))).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return new PmsBulkReport<TResult>(results, Cancelled: true);
            }

            return new PmsBulkReport<TResult>(results, Cancelled: results.Any(r => r.Status == PmsBulkItemStatus.NotRun));
        }
        finally
        {
            if (checkpoint is not null)
            {
                await checkpoint.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
