using System.Data.Common;

namespace HotelPlatform.Connectors.Analytics;

/// <summary>
/// The base of the stores: a store appends and streams events; every analysis is computed here, in process, from the
/// selected calls' events, so that each store gives the same figures by the same definitions (docs/analytics.md).
/// A store may answer an analysis in its own query language instead (the DuckDB store runs the conversation metrics
/// and the confusion matrix as SQL over its ingestion-time summaries); the shared test suite holds both to the same figures.
/// </summary>
public abstract class ConversationEventStore : IConversationEventStore, IDisposable
{
    /// <summary>The columns of a stored event, in the order <see cref="ReadEventRow"/> reads them (durations in milliseconds).</summary>
    protected const string EventColumns =
        "event_id, conversation_id, hotel_id, kind, occurred_at, turn_index, speaker, text, intent, confidence, operation, vendor, "
        + "duration_ms, outcome, amount, currency, reservation_id, channel, language, score";

    /// <inheritdoc/>
    public abstract Task<IReadOnlyList<ConversationEvent>> AppendAsync(IEnumerable<ConversationEvent> events, CancellationToken cancellationToken = default);

    /// <inheritdoc/>
    public abstract IAsyncEnumerable<ConversationEvent> ReadEventsAsync(AnalyticsFilter filter, CancellationToken cancellationToken = default);

    /// <inheritdoc/>
    public virtual async Task<ConversationMetrics> GetConversationMetricsAsync(AnalyticsFilter filter, CancellationToken cancellationToken = default) =>
        ConversationAnalysis.Metrics(await CallsAsync(filter, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc/>
    public virtual async Task<IntentConfusion> GetIntentConfusionAsync(AnalyticsFilter filter, CancellationToken cancellationToken = default) =>
        ConversationAnalysis.Confusion(await CallsAsync(filter, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc/>
    public async Task<IntentTransitionGraph> GetIntentTransitionsAsync(AnalyticsFilter filter, CancellationToken cancellationToken = default) =>
        ConversationAnalysis.Transitions(await CallsAsync(filter, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc/>
    public async Task<IReadOnlyList<IntentAccuracyPoint>> GetIntentAccuracyTrendAsync(AnalyticsFilter filter, AnalyticsPeriod period, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(period))
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown period.");
        }

        return ConversationAnalysis.AccuracyTrend(await CallsAsync(filter, cancellationToken).ConfigureAwait(false), period);
    }

    /// <inheritdoc/>
    public async Task<HandlingTimeDistribution> GetHandlingTimeDistributionAsync(AnalyticsFilter filter, TimeSpan binWidth, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(binWidth, TimeSpan.Zero);
        return ConversationAnalysis.HandlingDistribution(await CallsAsync(filter, cancellationToken).ConfigureAwait(false), binWidth);
    }

    /// <inheritdoc/>
    public async Task<SatisfactionReport> GetSatisfactionAsync(AnalyticsFilter filter, SatisfactionModel? model = null, CancellationToken cancellationToken = default) =>
        ConversationAnalysis.Satisfaction(await CallsAsync(filter, cancellationToken).ConfigureAwait(false), model ?? SatisfactionModel.Default);

    /// <inheritdoc/>
    public async Task<RevenueReport> GetRevenueAsync(AnalyticsFilter filter, CurrencyRates rates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rates);
        return ConversationAnalysis.Revenue(await CallsAsync(filter, cancellationToken).ConfigureAwait(false), rates);
    }

    /// <inheritdoc/>
    public async Task<HotelBenchmarkReport> GetHotelBenchmarksAsync(AnalyticsFilter filter, CurrencyRates? rates = null, CancellationToken cancellationToken = default) =>
        ConversationAnalysis.Benchmarks(await CallsAsync(filter, cancellationToken).ConfigureAwait(false), rates);

    /// <inheritdoc/>
    public async Task<OfferReport> GetOfferSuccessAsync(AnalyticsFilter filter, CancellationToken cancellationToken = default) =>
        ConversationAnalysis.Offers(await CallsAsync(filter, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc/>
    public async Task<PmsComparison> GetPmsComparisonAsync(AnalyticsFilter filter, CancellationToken cancellationToken = default) =>
        ConversationAnalysis.Pms(await CallsAsync(filter, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc/>
    public async Task<SlaReport> GetSlaComplianceAsync(AnalyticsFilter filter, SlaTargets targets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(targets);
        return ConversationAnalysis.Sla(await CallsAsync(filter, cancellationToken).ConfigureAwait(false), targets);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the store holds.</summary>
    /// <param name="disposing"><see langword="true"/> from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Reads one event from a row of <see cref="EventColumns"/> (times stored as UTC).</summary>
    /// <param name="r">The reader, on the row.</param>
    /// <returns>The event.</returns>
    protected static ConversationEvent ReadEventRow(DbDataReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        double? Number(int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
        return new ConversationEvent(
            r.GetString(0),
            r.GetString(1),
            r.GetString(2),
            Enum.Parse<ConversationEventKind>(r.GetString(3)),
            new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(4), DateTimeKind.Utc)))
        {
            TurnIndex = r.IsDBNull(5) ? null : r.GetInt32(5),
            Speaker = Text(6),
            Text = Text(7),
            Intent = Text(8),
            Confidence = Number(9),
            Operation = Text(10),
            Vendor = Text(11),
            Duration = Number(12) is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
            Outcome = Text(13),
            Amount = r.IsDBNull(14) ? null : r.GetDecimal(14),
            Currency = Text(15),
            ReservationId = Text(16),
            Channel = Text(17),
            Language = Text(18),
            Score = Number(19),
        };
    }

    /// <summary>Drops repeats within one batch (the first copy wins, as across batches) and checks every event has an id.</summary>
    /// <param name="events">The batch.</param>
    /// <returns>The events to store, in the order given.</returns>
    protected static List<ConversationEvent> FirstCopies(IEnumerable<ConversationEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var batch = new List<ConversationEvent>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            ArgumentNullException.ThrowIfNull(e);
            ArgumentException.ThrowIfNullOrWhiteSpace(e.EventId, nameof(events));
            if (seen.Add(e.EventId))
            {
                batch.Add(e);
            }
        }

        return batch;
    }

    private async Task<List<CallRecord>> CallsAsync(AnalyticsFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return await CallRecord.FoldAsync(ReadEventsAsync(filter, cancellationToken), cancellationToken).ConfigureAwait(false);
    }
}
