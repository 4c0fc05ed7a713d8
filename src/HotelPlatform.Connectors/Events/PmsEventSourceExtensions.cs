namespace HotelPlatform.Connectors.Events;

/// <summary>The one correct order of a poll: poll, commit, acknowledge.</summary>
public static class PmsEventSourceExtensions
{
    /// <summary>
    /// Polls <paramref name="source"/> once from <paramref name="checkpoint"/>, hands the batch to
    /// <paramref name="commit"/> (which stores its events and <see cref="PmsEventBatch.NextCheckpoint"/> durably, in one
    /// transaction) and acknowledges the batch only after <paramref name="commit"/> returned. If the commit throws or
    /// the process stops before it returns, the batch is not acknowledged and the vendor delivers it again; commit with
    /// deduplication on <see cref="PmsEvent.EventId"/>, since a crash after the commit and before the acknowledgement
    /// delivers an already committed batch again.
    /// </summary>
    /// <param name="source">The source.</param>
    /// <param name="checkpoint">The last committed checkpoint, or <see langword="null"/> to start.</param>
    /// <param name="commit">Stores the batch durably; not called for a batch with no events and an unchanged checkpoint.</param>
    /// <param name="cancellationToken">A token that cancels the work.</param>
    /// <returns>The batch, committed and acknowledged.</returns>
    public static async ValueTask<PmsEventBatch> PollOnceAsync(
        this IPmsEventSource source,
        string? checkpoint,
        Func<PmsEventBatch, CancellationToken, ValueTask> commit,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(commit);
        var batch = await source.PollAsync(checkpoint, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"{source.GetType().Name}.PollAsync returned no batch; an empty poll is an empty batch.");
        if (batch.Events.Count > 0 || !string.Equals(batch.NextCheckpoint, checkpoint, StringComparison.Ordinal))
        {
            await commit(batch, cancellationToken).ConfigureAwait(false);
        }

        // After the commit only: acknowledging first would let a crash here lose the batch.
        await source.AcknowledgeAsync(batch, cancellationToken).ConfigureAwait(false);
        return batch;
    }
}
