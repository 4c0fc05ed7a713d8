namespace HotelPlatform.Connectors.Analytics;

/// <summary>
/// The base of the stores: a store appends and streams events; every analysis is computed here, in process, from the
/// selected calls' events, so that each store gives the same figures by the same definitions (docs/analytics.md).
/// A store may answer an analysis in its own query language instead (the DuckDB store runs the conversation metrics
/// and the confusion matrix as SQL over its ingestion-time summaries); the shared test suite holds both to the same figures.
/// </summary>
public abstract class ConversationEventStore : IConversationEventStore, IDisposable
{
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

    private async Task<List<CallRecord>> CallsAsync(AnalyticsFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return await CallRecord.FoldAsync(ReadEventsAsync(filter, cancellationToken), cancellationToken).ConfigureAwait(false);
    }
}
