namespace HotelPlatform.Connectors.Analytics.Tests;

/// <summary>
/// The analyses, each checked against a computation written here from the raw generated events (not through the
/// store), and on hand-made calls where a figure is easier to state than to compute.
/// </summary>
public abstract partial class ConversationStoreTests
{
    private const int GeneratedCallCount = 400;

    [Fact]
    public async Task Conversation_metrics_of_a_generated_mix_match_a_computation_from_the_raw_events()
    {
        using var store = await NewStoreAsync();
        var events = GeneratedCalls.Make(GeneratedCallCount, seed: 7);
        await GeneratedCalls.AppendShuffledAsync(store, events, seed: 8, Ct);
        var calls = Raw.Calls(events);

        var metrics = await store.GetConversationMetricsAsync(AnalyticsFilter.All, Ct);

        Assert.Equal(calls.Count, metrics.Calls);
        Assert.Equal(calls.Count(c => c.Has(ConversationEventKind.BookingMade)), metrics.Completed);
        Assert.Equal(calls.Count(c => c.Has(ConversationEventKind.TransferredToStaff) && !c.Has(ConversationEventKind.BookingMade)), metrics.Transferred);
        Assert.Equal(events.Count(e => e.Kind == ConversationEventKind.OfferAccepted), metrics.OffersAccepted);
        var scored = calls.SelectMany(c => c.ScoredTurns()).ToList();
        Assert.Equal((scored.Count, scored.Count(s => s.Detected == s.Confirmed)), ((int)metrics.IntentTurns, (int)metrics.IntentCorrect));
        var ms = calls.Where(c => c.Has(ConversationEventKind.CallEnded)).Select(c => (c.Of(ConversationEventKind.CallEnded).Max(e => e.OccurredAt) - c.Start).TotalMilliseconds).ToArray();
        Assert.Equal(ms.Length, metrics.HandlingTime.Calls);
        Assert.Equal(Raw.Quantile(ms, 0.9), metrics.HandlingTime.P90!.Value.TotalMilliseconds, 3);
        long offered = calls.Count(c => c.Has(ConversationEventKind.OfferMade));
        Assert.Equal(metrics.Calls - calls.Count(c => c.Of(ConversationEventKind.PmsOperation).Any(o => o.Operation is "GetAvailability" or "Quote")), metrics.FunnelDropOffs[0].Lost);
        Assert.Equal(offered, metrics.Funnel[1].Calls);
        Assert.Equal(metrics.Funnel[0].Calls - offered, metrics.FunnelDropOffs[1].Lost);
    }

    [Fact]
    public async Task The_intent_transition_graph_follows_each_calls_confirmed_intents_from_start_to_its_end_state()
    {
        using var store = await NewStoreAsync();
        var events = GeneratedCalls.Make(GeneratedCallCount, seed: 11);
        await GeneratedCalls.AppendShuffledAsync(store, events, seed: 12, Ct);
        var expected = new Dictionary<(string, string), long>();
        foreach (var call in Raw.Calls(events))
        {
            var path = new List<string> { IntentTransitionGraph.Start };
            foreach (var label in call.TurnLabels())
            {
                if (path[^1] != label)
                {
                    path.Add(label);
                }
            }

            path.Add(call.Has(ConversationEventKind.BookingMade) ? IntentTransitionGraph.Completed : call.Has(ConversationEventKind.TransferredToStaff) ? IntentTransitionGraph.Transferred : IntentTransitionGraph.Abandoned);
            foreach (var (from, to) in path.Zip(path.Skip(1)))
            {
                expected[(from, to)] = expected.GetValueOrDefault((from, to)) + 1;
            }
        }

        var graph = await store.GetIntentTransitionsAsync(AnalyticsFilter.All, Ct);

        Assert.Equal(expected.OrderBy(e => e.Key.Item1, StringComparer.Ordinal).ThenBy(e => e.Key.Item2, StringComparer.Ordinal).Select(e => new IntentTransition(e.Key.Item1, e.Key.Item2, e.Value)), graph.Edges);
        Assert.Equal(GeneratedCallCount, graph.Edges.Where(e => e.From == IntentTransitionGraph.Start).Sum(e => e.Transitions));
    }

    [Fact]
    public async Task Intent_accuracy_per_day_and_week_counts_the_scored_turns_of_the_calls_started_then()
    {
        using var store = await NewStoreAsync();
        var events = GeneratedCalls.Make(GeneratedCallCount, seed: 13);
        await GeneratedCalls.AppendShuffledAsync(store, events, seed: 14, Ct);
        var calls = Raw.Calls(events);

        var daily = await store.GetIntentAccuracyTrendAsync(AnalyticsFilter.All, AnalyticsPeriod.Day, Ct);
        var weekly = await store.GetIntentAccuracyTrendAsync(AnalyticsFilter.All, AnalyticsPeriod.Week, Ct);

        var expectedDaily = calls.GroupBy(c => c.Start.UtcDateTime.Date).OrderBy(g => g.Key)
            .Select(g => new IntentAccuracyPoint(new DateTimeOffset(g.Key, TimeSpan.Zero), g.Sum(c => c.ScoredTurns().Count()), g.Sum(c => c.ScoredTurns().Count(s => s.Detected == s.Confirmed))))
            .Where(p => p.Turns > 0);
        Assert.Equal(expectedDaily, daily);
        Assert.All(weekly, p => Assert.Equal(DayOfWeek.Monday, p.PeriodStart.DayOfWeek));
        Assert.Equal(daily.Sum(p => p.Correct), weekly.Sum(p => p.Correct));
        Assert.Equal(new DateTimeOffset(2030, 5, 27, 0, 0, 0, TimeSpan.Zero), weekly[0].PeriodStart);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.GetIntentAccuracyTrendAsync(AnalyticsFilter.All, (AnalyticsPeriod)42, Ct));
    }

    [Fact]
    public async Task The_handling_time_distribution_bins_every_ended_call_once_and_gives_its_percentiles()
    {
        using var store = await NewStoreAsync();
        var events = GeneratedCalls.Make(GeneratedCallCount, seed: 15);
        await GeneratedCalls.AppendShuffledAsync(store, events, seed: 16, Ct);
        double[] seconds = [.. Raw.Calls(events).Where(c => c.Has(ConversationEventKind.CallEnded)).Select(c => (c.Of(ConversationEventKind.CallEnded).Max(e => e.OccurredAt) - c.Start).TotalSeconds)];

        var distribution = await store.GetHandlingTimeDistributionAsync(AnalyticsFilter.All, TimeSpan.FromMinutes(1), Ct);

        Assert.Equal(seconds.Length, distribution.Bins.Sum(b => b.Calls));
        foreach (var bin in distribution.Bins)
        {
            Assert.Equal(seconds.Count(s => s >= bin.From.TotalSeconds && s < bin.To.TotalSeconds), bin.Calls);
        }

        Assert.Equal([50.0, 75, 90, 95, 99], distribution.Percentiles.Select(p => p.Percentile));
        Assert.Equal(Raw.Quantile(seconds, 0.95), distribution.Percentiles[3].Value.TotalSeconds, 3);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.GetHandlingTimeDistributionAsync(AnalyticsFilter.All, TimeSpan.Zero, Ct));
    }

    [Fact]
    public async Task A_calls_satisfaction_score_lists_the_points_of_each_signal_it_found()
    {
        using var store = await NewStoreAsync();
        var call = new Conversation("c1", "berlin", Monday);
        ConversationEvent User(int turn, string text) => call.Event(ConversationEventKind.Turn, turn, turn) with { Speaker = "user", Text = text };
        await store.AppendAsync(
        [
            call.Started(),
            User(0, "I need a hotel in Paris for two nights"),
            User(2, "I need a hotel in Paris for two nights"),
            User(4, "No, something different please"),
            call.Event(ConversationEventKind.Turn, 5, 5) with { Speaker = "agent", Text = "No problem, thank you" },
            User(6, "Thank you so much!"),
            call.Booked(7),
        ], Ct);

        var report = await store.GetSatisfactionAsync(AnalyticsFilter.All, cancellationToken: Ct);

        var score = Assert.Single(report.Calls);
        Assert.Equal(new SatisfactionSignals(GoalReached: true, Repeats: 1, Negations: 1, AlternativesRequested: 1, ClosingThanks: true), score.Signals);
        Assert.Equal(
            [new("goal_reached", 1, 1.0), new("repeats", 1, -0.5), new("negations", 1, -0.25), new("alternatives_requested", 1, -0.25), new("closing_thanks", 1, 0.5)],
            score.Contributions);
        Assert.Equal((3.5, 3.5, (double?)null), (score.RawScore, score.Score, score.SurveyScore));
        Assert.Equal(new SatisfactionCalibration(0, false, null, null, null, null, null), report.Calibration);
    }

    [Fact]
    public async Task Survey_scores_calibrate_the_signal_score_with_a_least_squares_line_that_the_report_states()
    {
        using var store = await NewStoreAsync();
        // Raw scores 4.5 (booked, thanks), 4.0 (booked), 3.0 (nothing) and 2.5 (two negations); surveys on the line 0.5 × raw + 1.5.
        (string Id, bool Booked, string[] Lines, double Survey)[] calls =
        [
            ("a", true, ["book it", "thanks"], 3.75),
            ("b", true, ["book it"], 3.5),
            ("c", false, ["what is the address"], 3.0),
            ("d", false, ["no", "no not that"], 2.75),
        ];
        foreach (var (id, booked, lines, survey) in calls)
        {
            var call = new Conversation(id, "berlin", Monday);
            await store.AppendAsync(
            [
                call.Started(),
                .. lines.Select((line, i) => call.Event(ConversationEventKind.Turn, i, i) with { Speaker = "user", Text = line }),
                .. booked ? [call.Booked(10)] : Array.Empty<ConversationEvent>(),
                call.Event(ConversationEventKind.SurveyScored, 20) with { Score = survey },
            ], Ct);
        }

        var report = await store.GetSatisfactionAsync(AnalyticsFilter.All, cancellationToken: Ct);

        Assert.Equal([4.5, 4.0, 3.0, 2.5], report.Calls.OrderBy(c => c.ConversationId, StringComparer.Ordinal).Select(c => c.RawScore));
        var calibration = report.Calibration;
        Assert.Equal((4L, true), (calibration.SurveyedCalls, calibration.Applied));
        Assert.Equal(0.5, calibration.Slope!.Value, 9);
        Assert.Equal(1.5, calibration.Intercept!.Value, 9);
        Assert.Equal(1.0, calibration.Correlation!.Value, 9);
        Assert.Equal(0.0, calibration.MeanAbsoluteErrorCalibrated!.Value, 9);
        Assert.Equal(new[] { 4.5, 4.0, 3.0, 2.5 }.Zip([3.75, 3.5, 3.0, 2.75]).Average(p => Math.Abs(p.First - p.Second)), calibration.MeanAbsoluteErrorRaw!.Value, 9);
        Assert.All(report.Calls, c => Assert.Equal(c.SurveyScore!.Value, c.Score, 9));
    }

    [Fact]
    public async Task Revenue_per_hotel_is_kept_in_its_own_currency_and_converted_with_the_stated_rates()
    {
        using var store = await NewStoreAsync();
        var events = GeneratedCalls.Make(GeneratedCallCount, seed: 17);
        await GeneratedCalls.AppendShuffledAsync(store, events, seed: 18, Ct);
        var rates = GeneratedCalls.Rates;

        var report = await store.GetRevenueAsync(AnalyticsFilter.All, rates, Ct);

        Assert.Same(rates, report.Rates);
        foreach (var hotel in report.Hotels)
        {
            var calls = Raw.Calls(events).Where(c => c.Hotel == hotel.HotelId).ToList();
            var bookings = calls.SelectMany(c => c.Of(ConversationEventKind.BookingMade)).ToList();
            var fromOffers = calls.SelectMany(c => c.Of(ConversationEventKind.BookingMade).Where(b => c.Of(ConversationEventKind.OfferAccepted).Any(a => a.OccurredAt <= b.OccurredAt))).ToList();
            string currency = GeneratedCalls.CurrencyOf[hotel.HotelId];
            decimal rate = currency == "GBP" ? 1.17m : currency == "JPY" ? 0.0061m : 1m;
            Assert.Equal((calls.Count, bookings.Count, fromOffers.Count), ((int)hotel.Calls, (int)hotel.Bookings, (int)hotel.OfferBookings));
            Assert.Equal([new CurrencyAmount(currency, bookings.Sum(b => b.Amount!.Value))], hotel.Revenue);
            Assert.Equal(bookings.Sum(b => b.Amount!.Value) * rate, hotel.Converted);
            Assert.Equal(fromOffers.Sum(b => b.Amount!.Value) * rate, hotel.OfferConverted);
        }

        Assert.Equal(GeneratedCalls.Hotels.Order(StringComparer.Ordinal), report.Hotels.Select(h => h.HotelId));
        Assert.Equal(report.Hotels.Sum(h => h.Converted), report.TotalConverted);
        var missing = await Assert.ThrowsAsync<ArgumentException>(() => store.GetRevenueAsync(AnalyticsFilter.All, rates with { Rates = new Dictionary<string, decimal> { ["GBP"] = 1.17m } }, Ct));
        Assert.Contains("JPY", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hotels_are_benchmarked_with_continuous_percentiles_across_hotels()
    {
        using var store = await NewStoreAsync();
        // Five hotels with 0 to 4 of 4 calls booked: completion 0, .25, .5, .75, 1.
        for (int h = 0; h < 5; h++)
        {
            for (int c = 0; c < 4; c++)
            {
                var call = new Conversation($"h{h}c{c}", $"hotel{h}", Monday.AddMinutes(c));
                await store.AppendAsync([call.Started(), .. c < h ? [call.Booked(30, 100m * (h + 1))] : Array.Empty<ConversationEvent>(), call.Ended(60 * (h + 1))], Ct);
            }
        }

        var report = await store.GetHotelBenchmarksAsync(AnalyticsFilter.All, new CurrencyRates("EUR", new Dictionary<string, decimal>(), "none needed"), Ct);

        var completion = Assert.Single(report.Distributions, d => d.Metric == HotelBenchmarkReport.CompletionRate);
        Assert.Equal((5L, 0.1, 0.25, 0.5, 0.75, 0.9), (completion.Hotels, completion.P10, completion.P25, completion.P50, completion.P75, completion.P90));
        var handling = Assert.Single(report.Distributions, d => d.Metric == HotelBenchmarkReport.MedianHandlingSeconds);
        Assert.Equal((60 + (0.1 * 4 * 60), 180.0), (handling.P10, handling.P50));
        Assert.Equal(300.0, report.Hotels.Single(h => h.HotelId == "hotel4").Values[HotelBenchmarkReport.MedianHandlingSeconds]);
        // Revenue per call: hotel h books h calls of 100 × (h + 1) over 4 calls.
        Assert.Equal([0.0, 50, 150, 300, 500], report.Hotels.Select(h => h.Values[HotelBenchmarkReport.RevenuePerCall]));
        Assert.DoesNotContain(report.Distributions, d => d.Metric == HotelBenchmarkReport.IntentAccuracy);
        Assert.DoesNotContain(HotelBenchmarkReport.RevenuePerCall, (await store.GetHotelBenchmarksAsync(AnalyticsFilter.All, cancellationToken: Ct)).Hotels[0].Values.Keys);
    }

    [Fact]
    public async Task Offer_success_pairs_each_answer_with_its_offer_and_counts_bookings_after_acceptance()
    {
        using var store = await NewStoreAsync();
        var events = GeneratedCalls.Make(GeneratedCallCount, seed: 19);
        await GeneratedCalls.AppendShuffledAsync(store, events, seed: 20, Ct);
        var expected = new Dictionary<string, (long Made, long Accepted, long Declined, long Booked)>(StringComparer.Ordinal);
        foreach (var call in Raw.Calls(events))
        {
            // Generated answers follow their offer directly, so each answer's offer is the offer just before it.
            string? last = null;
            foreach (var e in call.Events.Where(e => e.Kind is ConversationEventKind.OfferMade or ConversationEventKind.OfferAccepted or ConversationEventKind.OfferDeclined))
            {
                if (e.Kind == ConversationEventKind.OfferMade)
                {
                    last = e.Intent!;
                    var row = expected.GetValueOrDefault(last);
                    expected[last] = row with { Made = row.Made + 1 };
                }
                else
                {
                    var row = expected[last!];
                    bool booked = call.Of(ConversationEventKind.BookingMade).Any(b => b.OccurredAt >= e.OccurredAt);
                    expected[last!] = e.Kind == ConversationEventKind.OfferAccepted
                        ? row with { Accepted = row.Accepted + 1, Booked = row.Booked + (booked ? 1 : 0) }
                        : row with { Declined = row.Declined + 1 };
                }
            }
        }

        var report = await store.GetOfferSuccessAsync(AnalyticsFilter.All, Ct);

        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new OfferOutcome(e.Key, e.Value.Made, e.Value.Accepted, e.Value.Declined, e.Value.Booked)), report.ByIntent);
        Assert.Equal(events.Count(e => e.Kind == ConversationEventKind.OfferMade), report.Total.Made);
        Assert.Equal((double)report.Total.Booked / report.Total.Made, report.Total.SuccessRate);
    }

    [Fact]
    public async Task Pms_vendors_are_compared_by_latency_percentiles_and_error_and_429_rates_per_operation()
    {
        using var store = await NewStoreAsync();
        var events = GeneratedCalls.Make(GeneratedCallCount, seed: 21);
        await GeneratedCalls.AppendShuffledAsync(store, events, seed: 22, Ct);
        var operations = events.Where(e => e.Kind == ConversationEventKind.PmsOperation).ToList();

        var comparison = await store.GetPmsComparisonAsync(AnalyticsFilter.All, Ct);

        Assert.Equal(operations.Select(o => o.Vendor!).Distinct().Order(StringComparer.Ordinal), comparison.Vendors.Select(v => v.Vendor));
        Assert.Equal(operations.Count, comparison.Operations.Sum(o => o.Calls));
        foreach (var row in comparison.Operations)
        {
            var mine = operations.Where(o => o.Vendor == row.Vendor && o.Operation == row.Operation).ToList();
            double[] ms = [.. mine.Select(o => o.Duration!.Value.TotalMilliseconds)];
            Assert.Equal(mine.Count, row.Calls);
            Assert.Equal(mine.Count(o => o.Outcome != "success"), row.Errors);
            Assert.Equal(mine.Count(o => o.Outcome == "rate_limited"), row.RateLimited);
            Assert.Equal(Raw.Quantile(ms, 0.5), row.P50.TotalMilliseconds, 3);
            Assert.Equal(Raw.Quantile(ms, 0.99), row.P99.TotalMilliseconds, 3);
            Assert.Equal(ms.Max(), row.Maximum.TotalMilliseconds, 3);
            Assert.Equal(mine.Count, row.Outcomes.Values.Sum());
        }

        var apaleo = comparison.Vendors.Single(v => v.Vendor == "apaleo");
        Assert.Equal((double)operations.Count(o => o.Vendor == "apaleo" && o.Outcome == "rate_limited") / operations.Count(o => o.Vendor == "apaleo"), apaleo.RateLimitedRate, 12);
    }

    [Fact]
    public async Task Sla_compliance_checks_each_hotel_and_each_vendor_operation_against_the_configured_targets()
    {
        using var store = await NewStoreAsync();
        var good = new Conversation("good", "berlin", Monday);
        var bad = new Conversation("bad", "tokyo", Monday);
        ConversationEvent Op(Conversation c, string outcome, int ms) =>
            c.Event(ConversationEventKind.PmsOperation, 1) with { Operation = "Quote", Vendor = c == good ? "apaleo" : "mews", Outcome = outcome, Duration = TimeSpan.FromMilliseconds(ms) };
        await store.AppendAsync(
        [
            good.Started(), Op(good, "success", 100), good.Booked(30), good.Ended(60),
            bad.Started(), Op(bad, "rate_limited", 900), Op(bad, "success", 700), bad.Ended(600),
        ], Ct);

        var report = await store.GetSlaComplianceAsync(
            AnalyticsFilter.All,
            new SlaTargets { MinCompletionRate = 0.5, MaxHandlingTimeP90 = TimeSpan.FromMinutes(5), MaxPmsLatencyP95 = TimeSpan.FromMilliseconds(500), MaxPmsRateLimitedRate = 0.1 },
            Ct);

        Assert.Equal(
        [
            new("MaxHandlingTimeP90", "berlin", 300_000, 60_000, true),
            new("MaxHandlingTimeP90", "tokyo", 300_000, 600_000, false),
            new("MaxPmsLatencyP95", "apaleo/Quote", 500, 100, true),
            new("MaxPmsLatencyP95", "mews/Quote", 500, 890, false),
            new("MaxPmsRateLimitedRate", "apaleo/Quote", 0.1, 0, true),
            new("MaxPmsRateLimitedRate", "mews/Quote", 0.1, 0.5, false),
            new("MinCompletionRate", "berlin", 0.5, 1, true),
            new("MinCompletionRate", "tokyo", 0.5, 0, false),
        ],
        report.Checks);
        Assert.Equal(0.5, report.Compliance);
        Assert.Null((await store.GetSlaComplianceAsync(AnalyticsFilter.All, new SlaTargets(), Ct)).Compliance);
    }

    /// <summary>The raw events of one call, read directly (the independent side of the checks).</summary>
    private sealed record RawCall(string Id, string Hotel, DateTimeOffset Start, List<ConversationEvent> Events)
    {
        public bool Has(ConversationEventKind kind) => Events.Any(e => e.Kind == kind);

        public IEnumerable<ConversationEvent> Of(ConversationEventKind kind) => Events.Where(e => e.Kind == kind);

        public IEnumerable<(string Detected, string Confirmed)> ScoredTurns() =>
            Of(ConversationEventKind.IntentDetected).Join(Of(ConversationEventKind.IntentConfirmed), d => d.TurnIndex, c => c.TurnIndex, (d, c) => (d.Intent!, c.Intent!));

        public IEnumerable<string> TurnLabels() =>
            Events.Where(e => e.Kind is ConversationEventKind.IntentDetected or ConversationEventKind.IntentConfirmed)
                .GroupBy(e => e.TurnIndex!.Value)
                .OrderBy(g => g.Key)
                .Select(g => (g.FirstOrDefault(e => e.Kind == ConversationEventKind.IntentConfirmed) ?? g.First()).Intent!);
    }

    private static class Raw
    {
        public static List<RawCall> Calls(IEnumerable<ConversationEvent> events) =>
            [.. events.GroupBy(e => e.ConversationId)
                .Where(g => g.Any(e => e.Kind == ConversationEventKind.CallStarted))
                .Select(g => new RawCall(g.Key, g.First(e => e.Kind == ConversationEventKind.CallStarted).HotelId, g.First(e => e.Kind == ConversationEventKind.CallStarted).OccurredAt, [.. g]))];

        /// <summary>Hyndman–Fan type 7 (what numpy, DuckDB's quantile_cont and PostgreSQL's percentile_cont compute).</summary>
        public static double Quantile(double[] values, double p)
        {
            var sorted = values.Order().ToArray();
            double h = (sorted.Length - 1) * p;
            return sorted[(int)h] + ((h - Math.Floor(h)) * (sorted[Math.Min((int)h + 1, sorted.Length - 1)] - sorted[(int)h]));
        }
    }
}
