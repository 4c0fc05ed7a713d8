using HotelPlatform.Connectors.Analytics.Reports;

namespace HotelPlatform.Connectors.Analytics.Tests.Reports;

/// <summary>Each analysis report's rows are its store query's result, on a seeded mix of calls over five hotels.</summary>
public sealed class AnalysisReportTests : IAsyncLifetime
{
    private static readonly SlaTargets Targets = new()
    {
        MinCompletionRate = 0.4,
        MinIntentAccuracy = 0.8,
        MaxHandlingTimeP90 = TimeSpan.FromMinutes(2),
        MaxPmsLatencyP95 = TimeSpan.FromMilliseconds(800),
        MaxPmsErrorRate = 0.3,
        MaxPmsRateLimitedRate = 0.1,
    };

    private static readonly AnalyticsReportSettings Settings = new()
    {
        Rates = GeneratedCalls.Rates,
        Sla = Targets,
        AccuracyPeriod = AnalyticsPeriod.Week,
        HandlingTimeBinWidth = TimeSpan.FromSeconds(20),
    };

    private readonly DuckDbConversationEventStore _store = new();
    private readonly ReportCatalog _catalog = ReportCatalog.Create(Settings);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _store.AppendAsync(GeneratedCalls.Make(300, seed: 23), Ct);

    public ValueTask DisposeAsync()
    {
        _store.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task The_intent_transitions_report_lists_every_edge_with_its_share_of_the_transitions_leaving_its_source()
    {
        var graph = await _store.GetIntentTransitionsAsync(AnalyticsFilter.All, Ct);

        var rows = await ReadAsync("intent-transitions");

        Assert.NotEmpty(graph.Edges);
        Assert.Equal(graph.Edges.Select(e => (e.From, e.To, e.Transitions)), rows.Select(r => ((string)r[0]!, (string)r[1]!, (long)r[2]!)));
        Assert.All(rows.GroupBy(r => r[0]), from => Assert.Equal(1.0, from.Sum(r => (double)r[3]!), 9));
    }

    [Fact]
    public async Task The_accuracy_trend_has_one_point_per_configured_period_and_is_drawn_as_a_line()
    {
        var points = await _store.GetIntentAccuracyTrendAsync(AnalyticsFilter.All, AnalyticsPeriod.Week, Ct);

        var rows = await ReadAsync("intent-accuracy-trend");

        Assert.True(points.Count > 1, "The seeded calls span several weeks.");
        Assert.Equal(
            points.Select(p => (DateOnly.FromDateTime(p.PeriodStart.UtcDateTime), p.Turns, p.Correct, p.Accuracy)),
            rows.Select(r => ((DateOnly)r[0]!, (long)r[1]!, (long)r[2]!, (double?)r[3])));
        Assert.Equal((ReportChartKind.Line, "Intent accuracy per week"), (_catalog.Sources.Single(s => s.Name == "intent-accuracy-trend").Chart!.Kind, Title("intent-accuracy-trend")));
    }

    [Fact]
    public async Task The_handling_time_reports_are_the_distributions_bins_and_percentiles()
    {
        var distribution = await _store.GetHandlingTimeDistributionAsync(AnalyticsFilter.All, TimeSpan.FromSeconds(20), Ct);

        var bins = await ReadAsync("handling-time-distribution");
        var percentiles = await ReadAsync("handling-time-percentiles");

        Assert.Equal(distribution.Bins.Select(b => (b.From.TotalSeconds, b.To.TotalSeconds, b.Calls)), bins.Select(r => ((double)r[1]!, (double)r[2]!, (long)r[3]!)));
        Assert.Equal(distribution.Summary.Calls, bins.Sum(r => (long)r[3]!));
        Assert.Equal("0–20 s", bins[0][0]);
        Assert.Equal(distribution.Percentiles.Select(p => (p.Percentile, p.Value.TotalSeconds)), percentiles.Select(r => ((double)r[0]!, (double)r[1]!)));
    }

    [Fact]
    public async Task The_satisfaction_report_scores_each_call_and_explains_the_points_each_signal_added()
    {
        var satisfaction = await _store.GetSatisfactionAsync(AnalyticsFilter.All, cancellationToken: Ct);

        var calls = await ReadAsync("satisfaction");
        var calibration = Assert.Single(await ReadAsync("satisfaction-calibration"));

        Assert.Equal(
            satisfaction.Calls.Select(c => (c.ConversationId, c.HotelId, c.Signals.Repeats, c.Signals.Negations, c.RawScore, c.Score, c.SurveyScore)),
            calls.Select(r => ((string)r[0]!, (string)r[1]!, (int)(long)r[3]!, (int)(long)r[4]!, (double)r[8]!, (double)r[9]!, (double?)r[10])));
        var negated = satisfaction.Calls.First(c => c.Signals.Negations > 1);
        Assert.Contains($"negations ×{negated.Signals.Negations}: -", (string)calls.Single(r => (string)r[0]! == negated.ConversationId)[7]!, StringComparison.Ordinal);
        var c = satisfaction.Calibration;
        Assert.Equal(
            [c.SurveyedCalls, c.Applied ? "yes" : "no", c.Intercept, c.Slope, c.Correlation, c.MeanAbsoluteErrorRaw, c.MeanAbsoluteErrorCalibrated, satisfaction.AverageScore],
            calibration);
        Assert.Equal("yes", calibration[1]);
    }

    [Fact]
    public async Task The_revenue_report_gives_each_hotel_in_its_own_currency_and_converted_with_the_stated_rates()
    {
        var revenue = await _store.GetRevenueAsync(AnalyticsFilter.All, GeneratedCalls.Rates, Ct);

        var rows = await ReadAsync("revenue");

        Assert.Equal(revenue.Hotels.Select(h => (h.HotelId, h.Calls, h.Bookings, h.OfferBookings, h.Converted, h.OfferConverted)), rows.Select(r => ((string)r[0]!, (long)r[1]!, (long)r[2]!, (long)r[3]!, (decimal)r[6]!, (decimal)r[7]!)));
        Assert.Equal(revenue.TotalConverted, rows.Sum(r => (decimal)r[6]!));
        Assert.Equal(1.0, rows.Sum(r => (double)r[9]!), 9);
        var tokyo = rows.Single(r => (string)r[0]! == "tokyo");
        Assert.EndsWith(" JPY", (string)tokyo[4]!, StringComparison.Ordinal);
        Assert.Equal(("EUR", "1 GBP = 1.17 EUR; 1 JPY = 0.0061 EUR (test rates 2030-06-10)"), ((string)tokyo[10]!, (string)tokyo[11]!));
        Assert.Contains("test rates 2030-06-10", Title("revenue"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_benchmarks_report_gives_each_metrics_percentiles_across_hotels_with_revenue_per_call_only_when_rates_are_stated()
    {
        var benchmarks = await _store.GetHotelBenchmarksAsync(AnalyticsFilter.All, GeneratedCalls.Rates, Ct);

        var rows = await ReadAsync("hotel-benchmarks");
        var withoutRates = await ReportCatalog.CreateDefault().Open("hotel-benchmarks", _store, AnalyticsFilter.All).Rows.ToListAsync(Ct);

        Assert.Equal(
            benchmarks.Distributions.Select(d => (d.Metric, d.Hotels, d.P10, d.P25, d.P50, d.P75, d.P90)),
            rows.Select(r => ((string)r[0]!, (long)r[1]!, (double)r[2]!, (double)r[3]!, (double)r[4]!, (double)r[5]!, (double)r[6]!)));
        Assert.Contains(rows, r => (string)r[0]! == HotelBenchmarkReport.RevenuePerCall);
        Assert.DoesNotContain(withoutRates, r => (string)r[0]! == HotelBenchmarkReport.RevenuePerCall);
        Assert.Equal(rows.Count - 1, withoutRates.Count);
    }

    [Fact]
    public async Task The_offer_report_lists_each_offered_intent_then_the_total()
    {
        var offers = await _store.GetOfferSuccessAsync(AnalyticsFilter.All, Ct);

        var rows = await ReadAsync("offer-success");

        Assert.Equal(
            offers.ByIntent.Append(offers.Total).Select(o => (o.Intent, o.Made, o.Accepted, o.Declined, o.Booked, o.AcceptanceRate, o.SuccessRate)),
            rows.Select(r => ((string)r[0]!, (long)r[1]!, (long)r[2]!, (long)r[3]!, (long)r[4]!, (double?)r[5], (double?)r[6])));
        Assert.Equal(AnalysisReports.AllRows, rows[^1][0]);
    }

    [Fact]
    public async Task The_pms_comparison_lists_each_vendor_followed_by_its_operations()
    {
        var comparison = await _store.GetPmsComparisonAsync(AnalyticsFilter.All, Ct);

        var rows = await ReadAsync("pms-comparison");

        Assert.Equal(comparison.Vendors.Count + comparison.Operations.Count, rows.Count);
        Assert.Equal(["apaleo/(all)", "apaleo/CreateReservation", "apaleo/GetAvailability", "apaleo/Quote", "inmemory/(all)"], rows.Take(5).Select(r => (string)r[0]!));
        foreach (var stats in comparison.Vendors.Concat(comparison.Operations))
        {
            var row = rows.Single(r => (string)r[1]! == stats.Vendor && (string)r[2]! == (stats.Operation ?? AnalysisReports.AllRows));
            Assert.Equal(
                (stats.Calls, stats.Errors, stats.RateLimited, stats.ErrorRate, stats.RateLimitedRate, stats.P50.TotalMilliseconds, stats.P95.TotalMilliseconds, stats.Maximum.TotalMilliseconds),
                ((long)row[3]!, (long)row[4]!, (long)row[5]!, (double)row[6]!, (double)row[7]!, (double)row[8]!, (double)row[10]!, (double)row[12]!));
        }
    }

    [Fact]
    public async Task The_sla_report_lists_every_check_of_the_configured_targets()
    {
        var sla = await _store.GetSlaComplianceAsync(AnalyticsFilter.All, Targets, Ct);

        var rows = await ReadAsync("sla-compliance");

        Assert.Equal(
            sla.Checks.Select(c => (c.Target, c.Scope, c.Goal, c.Actual, c.Met switch { true => "met", false => "not met", null => "no data" })),
            rows.Select(r => ((string)r[0]!, (string)r[1]!, (double)r[2]!, (double?)r[3], (string)r[4]!)));
        Assert.Contains(rows, r => (string)r[4]! == "met");
        Assert.Contains(rows, r => (string)r[4]! == "not met");
    }

    [Theory]
    [InlineData("revenue", "exchange rates (Analytics:Rates)")]
    [InlineData("sla-compliance", "SLA targets (Analytics:Sla)")]
    public async Task A_report_read_without_the_settings_it_needs_says_which_it_needs_instead_of_guessing(string name, string needed)
    {
        var catalog = ReportCatalog.CreateDefault();

        var ex = await Assert.ThrowsAsync<ReportConfigurationException>(async () => await catalog.Open(name, _store, AnalyticsFilter.All).Rows.ToListAsync(Ct));

        Assert.Equal($"The '{name}' report needs {needed}; none are configured, and it does not guess them.", ex.Message);
    }

    [Fact]
    public async Task Rates_that_miss_a_booked_currency_fail_the_revenue_report_naming_that_currency()
    {
        var rates = new CurrencyRates("EUR", new Dictionary<string, decimal> { ["GBP"] = 1.17m }, "rates without yen");
        var catalog = ReportCatalog.Create(new AnalyticsReportSettings { Rates = rates });

        var ex = await Assert.ThrowsAsync<ReportConfigurationException>(async () => await catalog.Open("revenue", _store, AnalyticsFilter.All).Rows.ToListAsync(Ct));

        Assert.StartsWith("The 'revenue' report needs a rate for every currency booked: No exchange rate to EUR is stated for 'JPY'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sla_targets_that_set_no_target_count_as_missing()
    {
        var catalog = ReportCatalog.Create(new AnalyticsReportSettings { Sla = new SlaTargets() });

        await Assert.ThrowsAsync<ReportConfigurationException>(async () => await catalog.Open("sla-compliance", _store, AnalyticsFilter.All).Rows.ToListAsync(Ct));
    }

    [Fact]
    public async Task A_hotel_filter_narrows_the_analysis_reports_to_that_hotel()
    {
        var filter = new AnalyticsFilter { HotelId = "tokyo" };

        var revenue = await _catalog.Open("revenue", _store, filter).Rows.ToListAsync(Ct);
        var satisfaction = await _catalog.Open("satisfaction", _store, filter).Rows.ToListAsync(Ct);

        Assert.Equal("tokyo", Assert.Single(revenue)[0]);
        Assert.NotEmpty(satisfaction);
        Assert.All(satisfaction, r => Assert.Equal("tokyo", r[1]));
    }

    [Fact]
    public void The_catalog_holds_every_analysis_report_before_the_events()
    {
        Assert.Equal(
            [
                "summary", "outcomes", "funnel", "daily-trend", "handling-time", "intent-scores", "intent-confusion", "intent-transitions", "intent-accuracy-trend",
                "handling-time-distribution", "handling-time-percentiles", "satisfaction", "satisfaction-calibration", "revenue", "hotel-benchmarks", "offer-success",
                "pms-comparison", "sla-compliance", "events",
            ],
            _catalog.Sources.Select(s => s.Name));
    }

    private string Title(string name) => _catalog.Sources.Single(s => s.Name == name).Title;

    private async Task<List<IReadOnlyList<object?>>> ReadAsync(string name) => await _catalog.Open(name, _store, AnalyticsFilter.All).Rows.ToListAsync(Ct);
}
