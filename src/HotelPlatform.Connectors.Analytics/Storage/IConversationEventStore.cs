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

    /// <summary>Builds the intent transition graph of the calls the filter selects (flow analysis; edges into the end states are the drop-off points).</summary>
    /// <param name="filter">Which calls: hotel and start-time range.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The graph.</returns>
    Task<IntentTransitionGraph> GetIntentTransitionsAsync(AnalyticsFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Computes intent-detection accuracy per period of call start (UTC).</summary>
    /// <param name="filter">Which calls: hotel and start-time range.</param>
    /// <param name="period">The period length.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One point per period with scored turns, in time order.</returns>
    Task<IReadOnlyList<IntentAccuracyPoint>> GetIntentAccuracyTrendAsync(AnalyticsFilter filter, AnalyticsPeriod period, CancellationToken cancellationToken = default);

    /// <summary>Computes the distribution of the handling times of the ended calls the filter selects.</summary>
    /// <param name="filter">Which calls: hotel and start-time range.</param>
    /// <param name="binWidth">The width of each histogram bin (positive).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Summary, bins and percentiles.</returns>
    Task<HandlingTimeDistribution> GetHandlingTimeDistributionAsync(AnalyticsFilter filter, TimeSpan binWidth, CancellationToken cancellationToken = default);

    /// <summary>Scores each selected call's guest satisfaction from its conversation signals, calibrated against survey scores where supplied.</summary>
    /// <param name="filter">Which calls: hotel and start-time range.</param>
    /// <param name="model">The weights; <see cref="SatisfactionModel.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Per-call scores with their explanation, the average and the calibration.</returns>
    Task<SatisfactionReport> GetSatisfactionAsync(AnalyticsFilter filter, SatisfactionModel? model = null, CancellationToken cancellationToken = default);

    /// <summary>Computes the revenue attributed to calls per hotel, in each hotel's currency and converted with the stated rates.</summary>
    /// <param name="filter">Which calls: hotel and start-time range.</param>
    /// <param name="rates">The exchange rates to state and use.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException">A booking's currency has no stated rate.</exception>
    Task<RevenueReport> GetRevenueAsync(AnalyticsFilter filter, CurrencyRates rates, CancellationToken cancellationToken = default);

    /// <summary>Compares hotels: each hotel's figures and each figure's percentiles across hotels.</summary>
    /// <param name="filter">Which calls: hotel and start-time range.</param>
    /// <param name="rates">Rates for revenue per call; without them revenue is left out.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The report.</returns>
    Task<HotelBenchmarkReport> GetHotelBenchmarksAsync(AnalyticsFilter filter, CurrencyRates? rates = null, CancellationToken cancellationToken = default);

    /// <summary>Computes offer (upsell) success per offered intent.</summary>
    /// <param name="filter">Which calls: hotel and start-time range.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The report.</returns>
    Task<OfferReport> GetOfferSuccessAsync(AnalyticsFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Compares PMS vendors: latency percentiles, error and 429 rates per vendor and operation, from the recorded SDK telemetry.</summary>
    /// <param name="filter">Which calls: hotel and start-time range.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The comparison.</returns>
    Task<PmsComparison> GetPmsComparisonAsync(AnalyticsFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Checks the selected calls against service-level targets.</summary>
    /// <param name="filter">Which calls: hotel and start-time range.</param>
    /// <param name="targets">The targets; unset ones are not checked.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Every check and the compliance.</returns>
    Task<SlaReport> GetSlaComplianceAsync(AnalyticsFilter filter, SlaTargets targets, CancellationToken cancellationToken = default);
}
