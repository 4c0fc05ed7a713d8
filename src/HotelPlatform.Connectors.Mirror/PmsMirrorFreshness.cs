using HotelPlatform.Connectors.Webhooks;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Connectors.Mirror;

/// <summary>How fresh a hotel's mirror is.</summary>
/// <param name="HotelId">The hotel's key.</param>
/// <param name="CheckedAt">When this report was made.</param>
public sealed record PmsMirrorFreshness(string HotelId, DateTimeOffset CheckedAt)
{
    /// <summary>Gets how many reservations the mirror holds for the hotel.</summary>
    public long Reservations { get; init; }

    /// <summary>Gets when the last webhook or polled event of the hotel was applied (any event: it proves the feed is alive).</summary>
    public DateTimeOffset? LastEventAt { get; init; }

    /// <summary>Gets when the vendor says the newest applied event happened.</summary>
    public DateTimeOffset? LastEventOccurredAt { get; init; }

    /// <summary>
    /// Gets when the hotel's last completed changed-since reconciliation started: every change the PMS made before
    /// then is in the inbox (and in the mirror once <see cref="PendingEvents"/> is zero), whether or not its webhook
    /// arrived. <see langword="null"/> when no run has completed (or the hotel's connector cannot list changes).
    /// </summary>
    public DateTimeOffset? LastReconciliationAt { get; init; }

    /// <summary>Gets a value indicating whether a reconciliation run is under way (or was interrupted and resumes at its next page).</summary>
    public bool ReconciliationInProgress { get; init; }

    /// <summary>Gets when the last change found by reconciliation or backfill (one no webhook had reported) was applied.</summary>
    public DateTimeOffset? LastReconciledChangeAt { get; init; }

    /// <summary>Gets how many of the hotel's inbox events are not applied yet (counted up to <see cref="PmsMirrorOptions.PendingScanLimit"/>).</summary>
    public int PendingEvents { get; init; }

    /// <summary>Gets how many of the hotel's inbox events are dead-lettered: changes the mirror misses until they are replayed.</summary>
    public int DeadLetteredEvents { get; init; }

    /// <summary>Gets the lag: how long the oldest event of the hotel still waiting in the inbox has waited; zero when none waits.</summary>
    public TimeSpan Lag { get; init; }

    /// <summary>Gets why the hotel's mirror may be stale (lag above the limit, dead letters, an old reconciliation); empty when fresh.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Gets a value indicating whether nothing is known to make the mirror stale.</summary>
    public bool IsFresh => Warnings.Count == 0;
}

/// <summary>Makes freshness reports from the mirror, the inbox's waiting events and the reconciliation's checkpoints.</summary>
public sealed class PmsMirrorFreshnessReader
{
    private readonly IPmsReservationMirror _mirror;
    private readonly IPmsEventInbox _inbox;
    private readonly IPmsConnectorRegistry _registry;
    private readonly PmsMirrorOptions _options;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new instance of the <see cref="PmsMirrorFreshnessReader"/> class.</summary>
    /// <param name="mirror">The mirror.</param>
    /// <param name="inbox">The inbox feeding it.</param>
    /// <param name="registry">The hotels.</param>
    /// <param name="options">The settings.</param>
    /// <param name="timeProvider">The clock.</param>
    public PmsMirrorFreshnessReader(IPmsReservationMirror mirror, IPmsEventInbox inbox, IPmsConnectorRegistry registry, IOptions<PmsMirrorOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _mirror = mirror;
        _inbox = inbox;
        _registry = registry;
        _options = options.Value;
        _timeProvider = timeProvider;
    }

    /// <summary>Reports every registered hotel.</summary>
    /// <param name="cancellationToken">A token that cancels the work.</param>
    /// <returns>One report per hotel, in registration order.</returns>
    public async Task<IReadOnlyList<PmsMirrorFreshness>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        var reports = new List<PmsMirrorFreshness>();
        foreach (var hotel in _registry.Hotels)
        {
            reports.Add(await GetAsync(hotel.HotelId, cancellationToken).ConfigureAwait(false));
        }

        return reports;
    }

    /// <summary>Reports one hotel.</summary>
    /// <param name="hotelId">The hotel's key.</param>
    /// <param name="cancellationToken">A token that cancels the work.</param>
    /// <returns>The report.</returns>
    public async Task<PmsMirrorFreshness> GetAsync(string hotelId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(hotelId);
        var now = _timeProvider.GetUtcNow();
        var state = await _mirror.GetHotelStateAsync(hotelId, cancellationToken).ConfigureAwait(false);
        var pending = await _inbox.ListAsync(hotelId, PmsInboxStatus.Pending, _options.PendingScanLimit, cancellationToken).ConfigureAwait(false);
        var deadLetters = await _inbox.ListAsync(hotelId, PmsInboxStatus.DeadLettered, _options.PendingScanLimit, cancellationToken).ConfigureAwait(false);
        var run = await _inbox.GetLatestReconciliationAsync(hotelId, cancellationToken).ConfigureAwait(false);
        var lag = pending.Count == 0 ? TimeSpan.Zero : now - pending.Min(p => p.Record.ReceivedAt);
        var lastReconciliation = run is { Completed: true } ? run.StartedAt : (DateTimeOffset?)null;

        var warnings = new List<string>();
        if (lag > _options.MaxLag)
        {
            warnings.Add($"{pending.Count} events wait in the inbox, the oldest for {lag:g} (limit {_options.MaxLag:g}).");
        }

        if (deadLetters.Count > 0)
        {
            warnings.Add($"{deadLetters.Count} events are dead-lettered; the mirror misses them until they are replayed.");
        }

        if (_options.MaxReconciliationAge is { } maxAge && lastReconciliation is { } reconciled && now - reconciled > maxAge)
        {
            warnings.Add($"The last completed reconciliation started {now - reconciled:g} ago (limit {maxAge:g}).");
        }

        return new PmsMirrorFreshness(hotelId, now)
        {
            Reservations = state.Reservations,
            LastEventAt = state.LastEventAt,
            LastEventOccurredAt = state.LastEventOccurredAt,
            LastReconciliationAt = lastReconciliation,
            ReconciliationInProgress = run is { Completed: false },
            LastReconciledChangeAt = state.LastReconciledAt,
            PendingEvents = pending.Count,
            DeadLetteredEvents = deadLetters.Count,
            Lag = lag,
            Warnings = warnings,
        };
    }
}
