namespace HotelPlatform.Connectors.Analytics;

/// <summary>
/// Where conversation events are kept and the analytical queries run. Appending is idempotent by event id: an event
/// already stored (or repeated within one batch) is skipped, the first copy wins.
/// </summary>
public interface IConversationEventStore
{
    /// <summary>Stores the events not stored yet.</summary>
    /// <param name="events">The events, in any order.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The events that were new, in the order given; duplicates are left out.</returns>
    Task<IReadOnlyList<ConversationEvent>> AppendAsync(IEnumerable<ConversationEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Streams the events of the calls the filter selects, by time (then id), one row at a time.</summary>
    /// <param name="filter">Which calls: hotel and start-time range.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events; the store serves other callers again once the enumeration ends.</returns>
    IAsyncEnumerable<ConversationEvent> ReadEventsAsync(AnalyticsFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Computes the intent detector's confusion matrix over the scored user turns of the calls the filter selects.</summary>
    /// <param name="filter">Which calls: hotel and start-time range.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The matrix, with per-intent precision and recall.</returns>
    Task<IntentConfusion> GetIntentConfusionAsync(AnalyticsFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Computes the conversation metrics of the calls the filter selects.</summary>
    /// <param name="filter">Which calls: hotel and start-time range.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The metrics.</returns>
    Task<ConversationMetrics> GetConversationMetricsAsync(AnalyticsFilter filter, CancellationToken cancellationToken = default);
}
