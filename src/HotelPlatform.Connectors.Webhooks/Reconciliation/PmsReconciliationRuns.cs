namespace HotelPlatform.Connectors.Webhooks;

/// <summary>Where a hotel's changed-since reconciliation stands, read from its checkpoint in the inbox.</summary>
/// <param name="Since">The instant the run reads changes from.</param>
/// <param name="StartedAt">When the run started: every change the PMS made before it (less the overlap) is in the inbox once the run has completed.</param>
/// <param name="Completed">Whether the run read its last page; <see langword="false"/> while it is under way or was interrupted (it resumes at its next page).</param>
public sealed record PmsReconciliationRun(DateTimeOffset Since, DateTimeOffset StartedAt, bool Completed);

/// <summary>Reads the reconciliation's progress (for freshness reports such as the reservation mirror's).</summary>
public static class PmsReconciliationRuns
{
    /// <summary>Gets the hotel's latest reconciliation run, or <see langword="null"/> when the hotel was never reconciled.</summary>
    /// <param name="inbox">The inbox holding the checkpoint.</param>
    /// <param name="hotelId">The hotel's key.</param>
    /// <param name="cancellationToken">A token that cancels the work.</param>
    /// <returns>The run.</returns>
    public static async ValueTask<PmsReconciliationRun?> GetLatestReconciliationAsync(this IPmsEventInbox inbox, string hotelId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inbox);
        ArgumentException.ThrowIfNullOrEmpty(hotelId);
        var state = PmsReconciler.RunState.Parse(await inbox.GetCheckpointAsync(PmsReconciler.CheckpointKey(hotelId), cancellationToken).ConfigureAwait(false));
        return state is null ? null : new PmsReconciliationRun(state.Since, state.StartedAt, state.Token is null);
    }
}
