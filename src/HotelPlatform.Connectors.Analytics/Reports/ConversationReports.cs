using System.Runtime.CompilerServices;

namespace HotelPlatform.Connectors.Analytics.Reports;

/// <summary>
/// The built-in reports: one adapter per metric query of <see cref="IConversationEventStore"/> (the definitions of each
/// figure are in docs/analytics.md). Each reads the store only when its rows are enumerated.
/// </summary>
public static class ConversationReports
{
    /// <summary>The longest range, in days, the daily trend covers in one report.</summary>
    public const int MaxTrendDays = 366;

    /// <summary>The days the daily trend covers when the filter leaves its start open.</summary>
    public const int DefaultTrendDays = 30;

    private static readonly string[] FunnelValues = ["calls"];

    /// <summary>Creates every built-in report.</summary>
    /// <param name="time">The clock that ends an open-ended trend range (today, UTC).</param>
    /// <returns>The reports, in the order a manager reads them.</returns>
    public static IReadOnlyList<IReportSource> All(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return [Summary, Outcomes, Funnel, DailyTrend(time), HandlingTime, IntentScores, IntentConfusion, Events];
    }

    /// <summary>Creates every built-in report: these and the analysis reports (<see cref="AnalysisReports.All"/>), before the events.</summary>
    /// <param name="time">The clock that ends an open-ended trend range (today, UTC).</param>
    /// <param name="settings">The analysis reports' rates, targets, period and bin width.</param>
    /// <returns>The reports, in the order a manager reads them.</returns>
    public static IReadOnlyList<IReportSource> All(TimeProvider time, AnalyticsReportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var conversation = All(time);
        return [.. conversation.Take(conversation.Count - 1), .. AnalysisReports.All(settings), Events];
    }

    /// <summary>Gets the headline figures of <see cref="IConversationEventStore.GetConversationMetricsAsync"/>.</summary>
    public static IReportSource Summary { get; } = new ReportSource(
        "summary",
        "Summary",
        [new("metric", "Metric", ReportColumnKind.Text), new("value", "Value", ReportColumnKind.Number)],
        (store, filter, ct) => FromMetrics(store, filter, ct, m =>
        [
            ["Calls", (double)m.Calls],
            ["Completion rate", m.CompletionRate],
            ["Transferred to staff", (double)m.Transferred],
            ["Abandoned", (double)m.Abandoned],
            ["Offers made", (double)m.OffersMade],
            ["Offer acceptance rate", m.OfferAcceptanceRate],
            ["Intent accuracy", m.IntentAccuracy],
            ["Median handling time (s)", m.HandlingTime.Median?.TotalSeconds],
        ]));

    /// <summary>Gets how calls ended: completed (booked), transferred to staff, abandoned.</summary>
    public static IReportSource Outcomes { get; } = new ReportSource(
        "outcomes",
        "Call outcomes",
        [new("outcome", "Outcome", ReportColumnKind.Text), new("calls", "Calls", ReportColumnKind.Integer), new("share", "Share of calls", ReportColumnKind.Ratio)],
        (store, filter, ct) => FromMetrics(store, filter, ct, m =>
        [
            ["completed", m.Completed, Share(m.Completed, m.Calls)],
            ["transferred", m.Transferred, Share(m.Transferred, m.Calls)],
            ["abandoned", m.Abandoned, Share(m.Abandoned, m.Calls)],
        ]),
        new ReportChart(ReportChartKind.Bar, "outcome", ["calls"], "Calls"));

    /// <summary>Gets the funnel (search → offer → reservation → confirmation) with the drop-off at each stage.</summary>
    public static IReportSource Funnel { get; } = new ReportSource(
        "funnel",
        "Booking funnel",
        [
            new("stage", "Stage", ReportColumnKind.Text), new("calls", "Calls", ReportColumnKind.Integer),
            new("share", "Share of calls", ReportColumnKind.Ratio), new("drop_off", "Lost since previous stage", ReportColumnKind.Ratio),
        ],
        (store, filter, ct) => FromMetrics(store, filter, ct, m => m.Funnel.Select((stage, i) => (IReadOnlyList<object?>)
        [
            stage.Name, stage.Calls, Share(stage.Calls, m.Calls), i == 0 ? Share(m.Calls - stage.Calls, m.Calls) : Share(m.Funnel[i - 1].Calls - stage.Calls, m.Funnel[i - 1].Calls),
        ])),
        new ReportChart(ReportChartKind.Bar, "stage", FunnelValues, "Calls"));

    /// <summary>Gets the handling-time distribution's summary of the calls that ended.</summary>
    public static IReportSource HandlingTime { get; } = new ReportSource(
        "handling-time",
        "Handling time",
        [new("statistic", "Statistic", ReportColumnKind.Text), new("seconds", "Seconds", ReportColumnKind.Number)],
        (store, filter, ct) => FromMetrics(store, filter, ct, m =>
        [
            ["average", m.HandlingTime.Average?.TotalSeconds],
            ["median", m.HandlingTime.Median?.TotalSeconds],
            ["p90", m.HandlingTime.P90?.TotalSeconds],
            ["maximum", m.HandlingTime.Maximum?.TotalSeconds],
        ]),
        new ReportChart(ReportChartKind.Bar, "statistic", ["seconds"], "Seconds"));

    /// <summary>Gets each intent's precision and recall (from <see cref="IConversationEventStore.GetIntentConfusionAsync"/>).</summary>
    public static IReportSource IntentScores { get; } = new ReportSource(
        "intent-scores",
        "Intent detection: precision and recall",
        [new("intent", "Intent", ReportColumnKind.Text), new("precision", "Precision", ReportColumnKind.Ratio), new("recall", "Recall", ReportColumnKind.Ratio)],
        (store, filter, ct) => FromConfusion(store, filter, ct, c => c.Scores.Select(s => (IReadOnlyList<object?>)[s.Intent, s.Precision, s.Recall])),
        new ReportChart(ReportChartKind.Bar, "intent", ["precision", "recall"], "Share of turns"));

    /// <summary>Gets the confusion matrix's non-empty cells.</summary>
    public static IReportSource IntentConfusion { get; } = new ReportSource(
        "intent-confusion",
        "Intent detection: confusion matrix",
        [new("confirmed", "Confirmed intent", ReportColumnKind.Text), new("detected", "Detected intent", ReportColumnKind.Text), new("turns", "Turns", ReportColumnKind.Integer)],
        (store, filter, ct) => FromConfusion(store, filter, ct, c => c.Cells.Select(cell => (IReadOnlyList<object?>)[cell.Confirmed, cell.Detected, cell.Turns])));

    /// <summary>Gets every event of the selected calls, streamed from <see cref="IConversationEventStore.ReadEventsAsync"/> (the large report).</summary>
    public static IReportSource Events { get; } = new ReportSource(
        "events",
        "Conversation events",
        [
            new("event_id", "Event", ReportColumnKind.Text), new("conversation_id", "Call", ReportColumnKind.Text), new("hotel_id", "Hotel", ReportColumnKind.Text),
            new("kind", "Kind", ReportColumnKind.Text), new("occurred_at", "At", ReportColumnKind.Timestamp), new("turn_index", "Turn", ReportColumnKind.Integer),
            new("speaker", "Speaker", ReportColumnKind.Text), new("text", "Text", ReportColumnKind.Text), new("intent", "Intent", ReportColumnKind.Text),
            new("confidence", "Confidence", ReportColumnKind.Number), new("operation", "PMS operation", ReportColumnKind.Text), new("vendor", "Vendor", ReportColumnKind.Text),
            new("duration_ms", "Duration (ms)", ReportColumnKind.Number), new("outcome", "Outcome", ReportColumnKind.Text), new("amount", "Amount", ReportColumnKind.Number),
            new("currency", "Currency", ReportColumnKind.Text), new("reservation_id", "Reservation", ReportColumnKind.Text), new("channel", "Channel", ReportColumnKind.Text),
            new("language", "Language", ReportColumnKind.Text), new("score", "Survey score", ReportColumnKind.Number),
        ],
        ReadEventRowsAsync);

    /// <summary>Creates the daily trend: per UTC day of the filter's range, calls, outcomes and rates.</summary>
    /// <param name="time">The clock that ends an open-ended range (tomorrow, UTC, exclusive).</param>
    /// <returns>The report.</returns>
    public static IReportSource DailyTrend(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return new ReportSource(
            "daily-trend",
            "Daily trend",
            [
                new("day", "Day", ReportColumnKind.Date), new("calls", "Calls", ReportColumnKind.Integer), new("completed", "Booked", ReportColumnKind.Integer),
                new("transferred", "Transferred", ReportColumnKind.Integer), new("completion_rate", "Completion rate", ReportColumnKind.Ratio),
                new("offer_acceptance_rate", "Offer acceptance", ReportColumnKind.Ratio), new("intent_accuracy", "Intent accuracy", ReportColumnKind.Ratio),
            ],
            (store, filter, ct) => ReadTrendRowsAsync(store, filter, time, ct),
            new ReportChart(ReportChartKind.Line, "day", ["calls", "completed", "transferred"], "Calls per day"));
    }

    /// <summary>Gets the days a trend over the filter covers: its range, or the last <see cref="DefaultTrendDays"/> days to tomorrow (UTC).</summary>
    /// <param name="filter">The filter.</param>
    /// <param name="time">The clock.</param>
    /// <returns>The first day and the day after the last.</returns>
    /// <exception cref="ArgumentException">The range is longer than <see cref="MaxTrendDays"/> days.</exception>
    public static (DateOnly First, DateOnly End) TrendDays(AnalyticsFilter filter, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(time);
        var end = filter.To is { } to ? DayOf(to.AddTicks(-1)).AddDays(1) : DayOf(time.GetUtcNow()).AddDays(1);
        var first = filter.From is { } from ? DayOf(from) : end.AddDays(-DefaultTrendDays);
        if (end.DayNumber - first.DayNumber > MaxTrendDays)
        {
            throw new ArgumentException($"A daily trend covers at most {MaxTrendDays} days; {first:yyyy-MM-dd} to {end:yyyy-MM-dd} is longer.", nameof(filter));
        }

        return (first, end);
    }

    private static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    private static double? Share(long part, long whole) => whole == 0 ? null : (double)part / whole;

    private static async IAsyncEnumerable<IReadOnlyList<object?>> FromMetrics(
        IConversationEventStore store, AnalyticsFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken, Func<ConversationMetrics, IEnumerable<IReadOnlyList<object?>>> rows)
    {
        var metrics = await store.GetConversationMetricsAsync(filter, cancellationToken).ConfigureAwait(false);
        foreach (var row in rows(metrics))
        {
            yield return row;
        }
    }

    private static async IAsyncEnumerable<IReadOnlyList<object?>> FromConfusion(
        IConversationEventStore store, AnalyticsFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken, Func<IntentConfusion, IEnumerable<IReadOnlyList<object?>>> rows)
    {
        var confusion = await store.GetIntentConfusionAsync(filter, cancellationToken).ConfigureAwait(false);
        foreach (var row in rows(confusion))
        {
            yield return row;
        }
    }

    private static async IAsyncEnumerable<IReadOnlyList<object?>> ReadEventRowsAsync(IConversationEventStore store, AnalyticsFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var e in store.ReadEventsAsync(filter, cancellationToken).ConfigureAwait(false))
        {
            yield return EventRow(e);
        }
    }

    /// <summary>An event as a row of <see cref="Events"/> (also what <see cref="ConversationEventExport"/> writes).</summary>
    internal static IReadOnlyList<object?> EventRow(ConversationEvent e) =>
    [
        e.EventId, e.ConversationId, e.HotelId, e.Kind.ToString(), e.OccurredAt, e.TurnIndex is { } turn ? (long)turn : null, e.Speaker, e.Text, e.Intent,
        e.Confidence, e.Operation, e.Vendor, e.Duration?.TotalMilliseconds, e.Outcome, e.Amount, e.Currency, e.ReservationId, e.Channel, e.Language, e.Score,
    ];

    // One metrics query per day: the store's own definitions, so a day's figures always equal the summary over that day.
    private static async IAsyncEnumerable<IReadOnlyList<object?>> ReadTrendRowsAsync(
        IConversationEventStore store, AnalyticsFilter filter, TimeProvider time, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (first, end) = TrendDays(filter, time);
        for (var day = first; day < end; day = day.AddDays(1))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var next = start.AddDays(1);
            var dayFilter = filter with
            {
                From = filter.From is { } from && from > start ? from : start,
                To = filter.To is { } to && to < next ? to : next,
            };
            var m = await store.GetConversationMetricsAsync(dayFilter, cancellationToken).ConfigureAwait(false);
            yield return [day, m.Calls, m.Completed, m.Transferred, m.CompletionRate, m.OfferAcceptanceRate, m.IntentAccuracy];
        }
    }
}
