namespace HotelPlatform.Connectors.Webhooks;

/// <summary>
/// The durable inbox: events committed before the vendor is acknowledged, deduplicated per hotel by event id, leased
/// to dispatchers one reservation at a time, completed, retried, dead-lettered and replayed. SQLite
/// (<see cref="PmsWebhooksBuilder.UseSqlite"/>) is the embedded default; the PostgreSQL package shares one inbox
/// between several hosts. Implementations are thread-safe.
/// </summary>
public interface IPmsEventInbox
{
    /// <summary>
    /// Appends events in one durable transaction, skipping any whose (hotel, event id) is already stored, together with
    /// an optional checkpoint. When the returned task completes the events are committed.
    /// </summary>
    /// <param name="records">The events.</param>
    /// <param name="checkpoint">A checkpoint to store in the same transaction, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">A token that cancels the work.</param>
    /// <returns>For each record, whether it was new (<see langword="false"/>: a duplicate).</returns>
    ValueTask<IReadOnlyList<bool>> AppendAsync(IReadOnlyList<PmsInboxRecord> records, PmsInboxCheckpoint? checkpoint, CancellationToken cancellationToken);

    /// <summary>
    /// Leases due pending events to <paramref name="owner"/> until <paramref name="leaseUntil"/>: only the oldest
    /// pending event of each ordering key, never one another owner holds an unexpired lease on.
    /// </summary>
    /// <param name="owner">The dispatcher's id.</param>
    /// <param name="maxCount">The most to lease.</param>
    /// <param name="now">The current time.</param>
    /// <param name="leaseUntil">When the lease expires and another dispatcher may take the event.</param>
    /// <param name="cancellationToken">A token that cancels the work.</param>
    /// <returns>The leased events, in inbox order.</returns>
    ValueTask<IReadOnlyList<PmsInboxItem>> LeaseAsync(string owner, int maxCount, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Marks a leased event handled.</summary>
    /// <param name="id">The inbox id.</param>
    /// <param name="owner">The lease owner.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">A token that cancels the work.</param>
    /// <returns><see langword="false"/> when the lease was lost (another dispatcher took the event).</returns>
    ValueTask<bool> CompleteAsync(long id, string owner, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt of a leased event: due again at <paramref name="retryAt"/>, or dead-lettered when it is <see langword="null"/>.</summary>
    /// <param name="id">The inbox id.</param>
    /// <param name="owner">The lease owner.</param>
    /// <param name="error">What failed (no payload content).</param>
    /// <param name="retryAt">When to try again, or <see langword="null"/> to dead-letter.</param>
    /// <param name="cancellationToken">A token that cancels the work.</param>
    /// <returns><see langword="false"/> when the lease was lost.</returns>
    ValueTask<bool> FailAsync(long id, string owner, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken);

    /// <summary>Returns a dead-lettered event to pending, due now, with its attempts reset (its last error is kept until it succeeds).</summary>
    /// <param name="id">The inbox id.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">A token that cancels the work.</param>
    /// <returns><see langword="false"/> when there is no such dead letter.</returns>
    ValueTask<bool> ReplayAsync(long id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Lists events, newest first.</summary>
    /// <param name="hotelId">Only this hotel's, or every hotel's when <see langword="null"/>.</param>
    /// <param name="status">Only in this state, or any when <see langword="null"/>.</param>
    /// <param name="limit">The most to return.</param>
    /// <param name="cancellationToken">A token that cancels the work.</param>
    /// <returns>The events.</returns>
    ValueTask<IReadOnlyList<PmsInboxItem>> ListAsync(string? hotelId, PmsInboxStatus? status, int limit, CancellationToken cancellationToken);

    /// <summary>Tells whether any event with this ordering key was received at or after <paramref name="since"/> (reconciliation skips changes a webhook reported).</summary>
    /// <param name="orderingKey">The ordering key.</param>
    /// <param name="since">The instant.</param>
    /// <param name="cancellationToken">A token that cancels the work.</param>
    /// <returns><see langword="true"/> when one was.</returns>
    ValueTask<bool> HasEventSinceAsync(string orderingKey, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Reads a checkpoint.</summary>
    /// <param name="key">The checkpoint's name.</param>
    /// <param name="cancellationToken">A token that cancels the work.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    ValueTask<string?> GetCheckpointAsync(string key, CancellationToken cancellationToken);
}
