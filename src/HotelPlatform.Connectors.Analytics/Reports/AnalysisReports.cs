using System.Globalization;

namespace HotelPlatform.Connectors.Analytics.Reports;

/// <summary>
/// The reports over the store's analyses (flow, accuracy trend, handling-time distribution, satisfaction, revenue, hotel
/// benchmarks, offers, PMS comparison, SLA): one adapter per query, its rows the query's result in its own order.
/// </summary>
public static class AnalysisReports
{
    /// <summary>The value of the operation column on a vendor's row of all its operations, and of the total offer row.</summary>
    public const string AllRows = "(all)";

    private static readonly string[] AccuracyValues = ["accuracy"];

    /// <summary>Creates every analysis report.</summary>
    /// <param name="settings">Rates, targets, period and bin width.</param>
    /// <returns>The reports, in the order a manager reads them.</returns>
    public static IReadOnlyList<IReportSource> All(AnalyticsReportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return
        [
            IntentTransitions, IntentAccuracyTrend(settings.AccuracyPeriod), HandlingTimeDistribution(settings.HandlingTimeBinWidth), HandlingTimePercentiles,
            Satisfaction, SatisfactionCalibration, Revenue(settings.Rates), HotelBenchmarks(settings.Rates), OfferSuccess, PmsComparison, SlaCompliance(settings.Sla),
        ];
    }

    /// <summary>Gets the intent transition graph's edges (<see cref="IConversationEventStore.GetIntentTransitionsAsync"/>) with each edge's share of the calls leaving its source.</summary>
    public static IReportSource IntentTransitions { get; } = new ReportSource(
        "intent-transitions",
        "Intent transitions",
        [
            new("from", "From", ReportColumnKind.Text), new("to", "To", ReportColumnKind.Text), new("transitions", "Transitions", ReportColumnKind.Integer),
            new("share", "Share of transitions from the source", ReportColumnKind.Ratio),
        ],
        (store, filter, ct) => From(() => store.GetIntentTransitionsAsync(filter, ct), graph =>
        {
            var leaving = graph.Edges.GroupBy(e => e.From, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(e => e.Transitions), StringComparer.Ordinal);
            return graph.Edges.Select(e => Row(e.From, e.To, e.Transitions, Share(e.Transitions, leaving[e.From])));
        }));

    /// <summary>Gets the handling-time percentiles of <see cref="IConversationEventStore.GetHandlingTimeDistributionAsync"/>.</summary>
    public static IReportSource HandlingTimePercentiles { get; } = new ReportSource(
        "handling-time-percentiles",
        "Handling time percentiles",
        [new("percentile", "Percentile", ReportColumnKind.Number), new("seconds", "Seconds", ReportColumnKind.Number)],
        (store, filter, ct) => From(
            () => store.GetHandlingTimeDistributionAsync(filter, TimeSpan.FromMinutes(1), ct),
            d => d.Percentiles.Select(p => Row(p.Percentile, p.Value.TotalSeconds))));

    /// <summary>Gets each call's satisfaction score with its signals and the points each added (<see cref="IConversationEventStore.GetSatisfactionAsync"/>, default model).</summary>
    public static IReportSource Satisfaction { get; } = new ReportSource(
        "satisfaction",
        "Guest satisfaction per call",
        [
            new("conversation_id", "Call", ReportColumnKind.Text), new("hotel_id", "Hotel", ReportColumnKind.Text),
            new("goal_reached", "Goal reached", ReportColumnKind.Text), new("repeats", "Repeats", ReportColumnKind.Integer),
            new("negations", "Negations", ReportColumnKind.Integer), new("alternatives_requested", "Alternatives requested", ReportColumnKind.Integer),
            new("closing_thanks", "Closing thanks", ReportColumnKind.Text), new("explanation", "Points per signal", ReportColumnKind.Text),
            new("raw_score", "Signal score", ReportColumnKind.Number), new("score", "Score", ReportColumnKind.Number), new("survey_score", "Survey score", ReportColumnKind.Number),
        ],
        (store, filter, ct) => From(() => store.GetSatisfactionAsync(filter, null, ct), r => r.Calls.Select(c => Row(
            c.ConversationId, c.HotelId, YesNo(c.Signals.GoalReached), (long)c.Signals.Repeats, (long)c.Signals.Negations, (long)c.Signals.AlternativesRequested,
            YesNo(c.Signals.ClosingThanks), Explain(c.Contributions), c.RawScore, c.Score, c.SurveyScore))));

    /// <summary>Gets how the satisfaction score compares with survey scores: the calibration line, its fit and the average score.</summary>
    public static IReportSource SatisfactionCalibration { get; } = new ReportSource(
        "satisfaction-calibration",
        "Guest satisfaction: calibration against surveys",
        [
            new("surveyed_calls", "Surveyed calls", ReportColumnKind.Integer), new("applied", "Calibration applied", ReportColumnKind.Text),
            new("intercept", "Intercept", ReportColumnKind.Number), new("slope", "Slope", ReportColumnKind.Number), new("correlation", "Correlation", ReportColumnKind.Number),
            new("mae_raw", "Mean abs. error (signal score)", ReportColumnKind.Number), new("mae_calibrated", "Mean abs. error (calibrated)", ReportColumnKind.Number),
            new("average_score", "Average score", ReportColumnKind.Number),
        ],
        (store, filter, ct) => From(() => store.GetSatisfactionAsync(filter, null, ct), r => [Row(
            r.Calibration.SurveyedCalls, YesNo(r.Calibration.Applied), r.Calibration.Intercept, r.Calibration.Slope, r.Calibration.Correlation,
            r.Calibration.MeanAbsoluteErrorRaw, r.Calibration.MeanAbsoluteErrorCalibrated, r.AverageScore)]));

    /// <summary>Gets offer (upsell) success per offered intent, then the total (<see cref="AllRows"/>).</summary>
    public static IReportSource OfferSuccess { get; } = new ReportSource(
        "offer-success",
        "Offer success",
        [
            new("intent", "Offered", ReportColumnKind.Text), new("made", "Made", ReportColumnKind.Integer), new("accepted", "Accepted", ReportColumnKind.Integer),
            new("declined", "Declined", ReportColumnKind.Integer), new("booked", "Booked after acceptance", ReportColumnKind.Integer),
            new("acceptance_rate", "Acceptance rate", ReportColumnKind.Ratio), new("success_rate", "Success rate", ReportColumnKind.Ratio),
        ],
        (store, filter, ct) => From(() => store.GetOfferSuccessAsync(filter, ct), r => r.ByIntent.Append(r.Total).Select(o => Row(
            o.Intent, o.Made, o.Accepted, o.Declined, o.Booked, o.AcceptanceRate, o.SuccessRate))),
        new ReportChart(ReportChartKind.Bar, "intent", ["acceptance_rate", "success_rate"], "Share of offers"));

    /// <summary>Gets each PMS vendor's row (operation <see cref="AllRows"/>) followed by its operations' rows: latency percentiles, error and 429 rates.</summary>
    public static IReportSource PmsComparison { get; } = new ReportSource(
        "pms-comparison",
        "PMS comparison",
        [
            new("scope", "Vendor / operation", ReportColumnKind.Text), new("vendor", "Vendor", ReportColumnKind.Text), new("operation", "Operation", ReportColumnKind.Text),
            new("calls", "Operations", ReportColumnKind.Integer), new("errors", "Errors", ReportColumnKind.Integer), new("rate_limited", "Rate limited (429)", ReportColumnKind.Integer),
            new("error_rate", "Error rate", ReportColumnKind.Ratio), new("rate_limited_rate", "429 rate", ReportColumnKind.Ratio),
            new("p50_ms", "p50 (ms)", ReportColumnKind.Number), new("p90_ms", "p90 (ms)", ReportColumnKind.Number), new("p95_ms", "p95 (ms)", ReportColumnKind.Number),
            new("p99_ms", "p99 (ms)", ReportColumnKind.Number), new("max_ms", "Max (ms)", ReportColumnKind.Number),
        ],
        (store, filter, ct) => From(() => store.GetPmsComparisonAsync(filter, ct), c => c.Vendors.SelectMany(v =>
            c.Operations.Where(o => string.Equals(o.Vendor, v.Vendor, StringComparison.Ordinal)).Prepend(v)).Select(s => Row(
            $"{s.Vendor}/{s.Operation ?? AllRows}", s.Vendor, s.Operation ?? AllRows, s.Calls, s.Errors, s.RateLimited, s.ErrorRate, s.RateLimitedRate,
            s.P50.TotalMilliseconds, s.P90.TotalMilliseconds, s.P95.TotalMilliseconds, s.P99.TotalMilliseconds, s.Maximum.TotalMilliseconds))),
        new ReportChart(ReportChartKind.Bar, "scope", ["p50_ms", "p95_ms"], "Latency (ms)"));

    /// <summary>Creates the intent-accuracy trend (<see cref="IConversationEventStore.GetIntentAccuracyTrendAsync"/>), drawn as a line.</summary>
    /// <param name="period">The period of each point.</param>
    /// <returns>The report.</returns>
    public static IReportSource IntentAccuracyTrend(AnalyticsPeriod period) => new ReportSource(
        "intent-accuracy-trend",
        $"Intent accuracy per {period.ToString().ToLowerInvariant()}",
        [
            new("period_start", "Period from", ReportColumnKind.Date), new("turns", "Scored turns", ReportColumnKind.Integer),
            new("correct", "Detected right", ReportColumnKind.Integer), new("accuracy", "Accuracy", ReportColumnKind.Ratio),
        ],
        (store, filter, ct) => From(() => store.GetIntentAccuracyTrendAsync(filter, period, ct), points => points.Select(p => Row(
            DateOnly.FromDateTime(p.PeriodStart.UtcDateTime), p.Turns, p.Correct, p.Accuracy))),
        new ReportChart(ReportChartKind.Line, "period_start", AccuracyValues, "Accuracy"));

    /// <summary>Creates the handling-time histogram (<see cref="IConversationEventStore.GetHandlingTimeDistributionAsync"/>).</summary>
    /// <param name="binWidth">The width of each bin (positive).</param>
    /// <returns>The report.</returns>
    public static IReportSource HandlingTimeDistribution(TimeSpan binWidth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(binWidth, TimeSpan.Zero);
        return new ReportSource(
            "handling-time-distribution",
            "Handling time distribution",
            [
                new("bin", "Handling time", ReportColumnKind.Text), new("from_seconds", "From (s)", ReportColumnKind.Number),
                new("to_seconds", "To (s)", ReportColumnKind.Number), new("calls", "Calls", ReportColumnKind.Integer),
            ],
            (store, filter, ct) => From(() => store.GetHandlingTimeDistributionAsync(filter, binWidth, ct), d => d.Bins.Select(b => Row(
                string.Create(CultureInfo.InvariantCulture, $"{b.From.TotalSeconds:0.##}–{b.To.TotalSeconds:0.##} s"), b.From.TotalSeconds, b.To.TotalSeconds, b.Calls))),
            new ReportChart(ReportChartKind.Bar, "bin", ["calls"], "Calls"));
    }

    /// <summary>Creates the revenue report: per hotel, bookings and their value in the hotel's currency and converted with the stated rates.</summary>
    /// <param name="rates">The stated rates; without them reading the report throws <see cref="ReportConfigurationException"/>.</param>
    /// <returns>The report.</returns>
    public static IReportSource Revenue(CurrencyRates? rates) => new ReportSource(
        "revenue",
        rates is null ? "Revenue from calls (needs exchange rates)" : $"Revenue from calls ({rates.ReportingCurrency}; rates: {rates.Source})",
        [
            new("hotel_id", "Hotel", ReportColumnKind.Text), new("calls", "Calls", ReportColumnKind.Integer), new("bookings", "Bookings", ReportColumnKind.Integer),
            new("offer_bookings", "Bookings after an offer", ReportColumnKind.Integer), new("revenue", "Booked (hotel currency)", ReportColumnKind.Text),
            new("offer_revenue", "Booked after an offer (hotel currency)", ReportColumnKind.Text), new("converted", "Booked (converted)", ReportColumnKind.Number),
            new("offer_converted", "Booked after an offer (converted)", ReportColumnKind.Number), new("converted_per_call", "Per call (converted)", ReportColumnKind.Number),
            new("share_of_total", "Share of all hotels", ReportColumnKind.Ratio), new("reporting_currency", "Converted to", ReportColumnKind.Text),
            new("rates", "Rates used", ReportColumnKind.Text),
        ],
        (store, filter, ct) => From(() => Converting("revenue", () => store.GetRevenueAsync(filter, Required(rates, "revenue", "exchange rates (Analytics:Rates)"), ct)), r => r.Hotels.Select(h => Row(
            h.HotelId, h.Calls, h.Bookings, h.OfferBookings, Amounts(h.Revenue), Amounts(h.OfferRevenue), h.Converted, h.OfferConverted, h.ConvertedPerCall,
            r.TotalConverted == 0 ? null : (double)(h.Converted / r.TotalConverted), r.Rates.ReportingCurrency, Describe(r.Rates)))),
        new ReportChart(ReportChartKind.Bar, "hotel_id", ["converted", "offer_converted"], rates is null ? "Revenue" : $"Revenue ({rates.ReportingCurrency})"));

    /// <summary>Creates the hotel benchmarks: each metric's percentiles across hotels (revenue per call only with rates).</summary>
    /// <param name="rates">The stated rates, or <see langword="null"/> to leave revenue per call out.</param>
    /// <returns>The report.</returns>
    public static IReportSource HotelBenchmarks(CurrencyRates? rates) => new ReportSource(
        "hotel-benchmarks",
        "Hotel benchmarks (percentiles across hotels)",
        [
            new("metric", "Metric", ReportColumnKind.Text), new("hotels", "Hotels", ReportColumnKind.Integer), new("p10", "p10", ReportColumnKind.Number),
            new("p25", "p25", ReportColumnKind.Number), new("p50", "Median", ReportColumnKind.Number), new("p75", "p75", ReportColumnKind.Number), new("p90", "p90", ReportColumnKind.Number),
        ],
        (store, filter, ct) => From(() => Converting("hotel-benchmarks", () => store.GetHotelBenchmarksAsync(filter, rates, ct)), r => r.Distributions.Select(d => Row(d.Metric, d.Hotels, d.P10, d.P25, d.P50, d.P75, d.P90))));

    /// <summary>Creates the SLA compliance report: every check of the targets, met or not.</summary>
    /// <param name="targets">The targets; without them reading the report throws <see cref="ReportConfigurationException"/>.</param>
    /// <returns>The report.</returns>
    public static IReportSource SlaCompliance(SlaTargets? targets) => new ReportSource(
        "sla-compliance",
        "SLA compliance",
        [
            new("target", "Target", ReportColumnKind.Text), new("scope", "Hotel or vendor/operation", ReportColumnKind.Text), new("goal", "Goal", ReportColumnKind.Number),
            new("actual", "Actual", ReportColumnKind.Number), new("status", "Status", ReportColumnKind.Text),
        ],
        (store, filter, ct) => From(
            () => store.GetSlaComplianceAsync(filter, Required(targets is null || targets == new SlaTargets() ? null : targets, "sla-compliance", "SLA targets (Analytics:Sla)"), ct),
            r => r.Checks.Select(c => Row(c.Target, c.Scope, c.Goal, c.Actual, c.Met switch { true => "met", false => "not met", null => "no data" }))));

    private static T Required<T>(T? setting, string report, string what)
        where T : class =>
        setting ?? throw new ReportConfigurationException($"The '{report}' report needs {what}; none are configured, and it does not guess them.");

    // Rates that miss a currency booked are a configuration gap like missing rates: said the same way, with the currency.
    private static async Task<T> Converting<T>(string report, Func<Task<T>> query)
    {
        try
        {
            return await query().ConfigureAwait(false);
        }
        catch (ArgumentException ex) when (ex.ParamName == "currency")
        {
            throw new ReportConfigurationException($"The '{report}' report needs a rate for every currency booked: {ex.Message}", ex);
        }
    }

    private static object?[] Row(params object?[] values) => values;

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static double? Share(long part, long whole) => whole == 0 ? null : (double)part / whole;

    private static string Explain(IReadOnlyList<SatisfactionContribution> contributions) =>
        string.Join("; ", contributions.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Signal} ×{c.Count}: {c.Points:+0.##;-0.##;0}")));

    private static string Amounts(IReadOnlyList<CurrencyAmount> amounts) =>
        string.Join("; ", amounts.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Amount:0.00} {a.Currency}")));

    private static string Describe(CurrencyRates rates) =>
        string.Join("; ", rates.Rates.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => string.Create(CultureInfo.InvariantCulture, $"1 {r.Key} = {r.Value} {rates.ReportingCurrency}")))
        + $" ({rates.Source})";

    // The query runs when the rows are first enumerated (a report is opened without reading the store).
    // A setting a report lacks throws here too, when its rows are read, not when the catalog is built.
    private static async IAsyncEnumerable<IReadOnlyList<object?>> From<T>(Func<Task<T>> query, Func<T, IEnumerable<IReadOnlyList<object?>>> rows)
    {
        var result = await query().ConfigureAwait(false);
        foreach (var row in rows(result))
        {
            yield return row;
        }
    }
}
