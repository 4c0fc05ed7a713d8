namespace HotelPlatform.Connectors.Analytics;

/// <summary>
/// The analyses every store answers the same way: computed in process from the selected calls' events, folded into one
/// <see cref="CallRecord"/> per call. Definitions: docs/analytics.md.
/// </summary>
internal static class ConversationAnalysis
{
    private static readonly string[] FunnelStageNames = ["search", "offer", "reservation", "confirmation"];
    private static readonly double[] DistributionPercentiles = [50, 75, 90, 95, 99];

    private static readonly HashSet<string> NegationWords = new(StringComparer.Ordinal)
    {
        "no", "not", "nope", "nah", "never", "nothing", "don't", "dont", "doesn't", "isn't", "can't", "won't", "wouldn't",
    };

    private static readonly HashSet<string> AlternativeWords = new(StringComparer.Ordinal)
    {
        "another", "other", "others", "else", "different", "alternative", "alternatives", "instead",
    };

    private static readonly HashSet<string> ThanksWords = new(StringComparer.Ordinal) { "thank", "thanks", "appreciate", "appreciated" };

    public static ConversationMetrics Metrics(IReadOnlyList<CallRecord> calls)
    {
        var scored = calls.SelectMany(c => c.Intents.Values).Where(i => i.Detected is not null && i.Confirmed is not null).ToList();
        bool[][] reached =
        [
            [.. calls.Select(c => c.Searched)],
            [.. calls.Select(c => c.Offers.Any(o => o.Kind == ConversationEventKind.OfferMade))],
            [.. calls.Select(c => c.Reserving)],
            [.. calls.Select(c => c.Booked)],
        ];
        return new ConversationMetrics(
            Calls: calls.Count,
            Completed: calls.Count(c => c.Booked),
            Transferred: calls.Count(c => c.Transferred && !c.Booked),
            OffersMade: calls.Sum(c => c.Count(ConversationEventKind.OfferMade)),
            OffersAccepted: calls.Sum(c => c.Count(ConversationEventKind.OfferAccepted)),
            OffersDeclined: calls.Sum(c => c.Count(ConversationEventKind.OfferDeclined)),
            IntentTurns: scored.Count,
            IntentCorrect: scored.Count(i => string.Equals(i.Detected, i.Confirmed, StringComparison.Ordinal)),
            Funnel: [.. FunnelStageNames.Select((name, i) => new FunnelStage(name, reached[i].Count(r => r)))],
            HandlingTime: HandlingSummary(calls));
    }

    public static IntentConfusion Confusion(IReadOnlyList<CallRecord> calls) =>
        new([.. calls.SelectMany(c => c.Intents.Values)
            .Where(i => i.Detected is not null && i.Confirmed is not null)
            .GroupBy(i => (i.Confirmed!, i.Detected!))
            .Select(g => new IntentConfusionCell(g.Key.Item1, g.Key.Item2, g.Count()))
            .OrderBy(c => c.Confirmed, StringComparer.Ordinal).ThenBy(c => c.Detected, StringComparer.Ordinal)]);

    public static IntentTransitionGraph Transitions(IReadOnlyList<CallRecord> calls)
    {
        var edges = new Dictionary<(string From, string To), long>();
        foreach (var call in calls)
        {
            string previous = IntentTransitionGraph.Start;
            foreach (var intent in call.Intents.Values.Select(i => i.Confirmed ?? i.Detected).OfType<string>())
            {
                if (!string.Equals(intent, previous, StringComparison.Ordinal))
                {
                    edges[(previous, intent)] = edges.GetValueOrDefault((previous, intent)) + 1;
                    previous = intent;
                }
            }

            string end = call.Booked ? IntentTransitionGraph.Completed : call.Transferred ? IntentTransitionGraph.Transferred : IntentTransitionGraph.Abandoned;
            edges[(previous, end)] = edges.GetValueOrDefault((previous, end)) + 1;
        }

        return new([.. edges.Select(e => new IntentTransition(e.Key.From, e.Key.To, e.Value))
            .OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal)]);
    }

    public static IReadOnlyList<IntentAccuracyPoint> AccuracyTrend(IReadOnlyList<CallRecord> calls, AnalyticsPeriod period) =>
    [
        .. calls
            .Select(c => (Period: PeriodStart(c.StartedAt!.Value, period), Scored: c.Intents.Values.Where(i => i.Detected is not null && i.Confirmed is not null).ToList()))
            .Where(c => c.Scored.Count > 0)
            .GroupBy(c => c.Period)
            .OrderBy(g => g.Key)
            .Select(g => new IntentAccuracyPoint(
                g.Key,
                g.Sum(c => c.Scored.Count),
                g.Sum(c => c.Scored.Count(i => string.Equals(i.Detected, i.Confirmed, StringComparison.Ordinal))))),
    ];

    public static HandlingTimeDistribution HandlingDistribution(IReadOnlyList<CallRecord> calls, TimeSpan binWidth)
    {
        var times = calls.Select(c => c.HandlingTime).OfType<TimeSpan>().Select(t => t < TimeSpan.Zero ? TimeSpan.Zero : t).ToList();
        var bins = new List<HandlingTimeBin>();
        if (times.Count > 0)
        {
            long last = times.Max().Ticks / binWidth.Ticks;
            var counts = times.GroupBy(t => t.Ticks / binWidth.Ticks).ToDictionary(g => g.Key, g => (long)g.Count());
            for (long i = 0; i <= last; i++)
            {
                bins.Add(new HandlingTimeBin(binWidth * i, binWidth * (i + 1), counts.GetValueOrDefault(i)));
            }
        }

        double[] ms = [.. times.Select(t => t.TotalMilliseconds)];
        return new HandlingTimeDistribution(
            HandlingSummary(calls),
            binWidth,
            bins,
            ms.Length == 0 ? [] : [.. DistributionPercentiles.Select(p => new DurationPercentile(p, TimeSpan.FromMilliseconds(Percentile(ms, p / 100))))]);
    }

    public static SatisfactionReport Satisfaction(IReadOnlyList<CallRecord> calls, SatisfactionModel model)
    {
        var scored = calls.Select(c => (Call: c, Signals: Signals(c))).Select(c => (c.Call, c.Signals, Contributions: Contributions(c.Signals, model))).ToList();
        double Raw(IReadOnlyList<SatisfactionContribution> contributions) => Math.Clamp(model.Base + contributions.Sum(x => x.Points), model.Minimum, model.Maximum);

        var surveyed = scored.Where(c => c.Call.SurveyScore is not null).Select(c => (Raw: Raw(c.Contributions), Survey: c.Call.SurveyScore!.Value)).ToList();
        var calibration = Calibrate(surveyed, model);
        var results = scored.Select(c =>
        {
            double raw = Raw(c.Contributions);
            double score = calibration.Applied ? Math.Clamp(calibration.Intercept!.Value + (calibration.Slope!.Value * raw), model.Minimum, model.Maximum) : raw;
            return new CallSatisfaction(c.Call.ConversationId, c.Call.HotelId, c.Signals, c.Contributions, raw, score, c.Call.SurveyScore);
        }).ToList();
        return new SatisfactionReport(results, results.Count == 0 ? null : results.Average(r => r.Score), calibration);
    }

    public static RevenueReport Revenue(IReadOnlyList<CallRecord> calls, CurrencyRates rates)
    {
        var hotels = calls.GroupBy(c => c.HotelId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(hotel =>
        {
            var bookings = hotel.SelectMany(c => c.Bookings.Select(b => (Booking: b, FromOffer: c.Offers.Any(o => o.Kind == ConversationEventKind.OfferAccepted && o.OccurredAt <= b.OccurredAt)))).ToList();
            var offered = bookings.Where(b => b.FromOffer).Select(b => b.Booking).ToList();
            var all = bookings.Select(b => b.Booking).ToList();
            return new HotelRevenue(
                hotel.Key,
                hotel.Count(),
                all.Count,
                offered.Count,
                ByCurrency(all),
                ByCurrency(offered),
                all.Sum(b => rates.Convert(b.Amount ?? 0m, b.Currency ?? string.Empty)),
                offered.Sum(b => rates.Convert(b.Amount ?? 0m, b.Currency ?? string.Empty)));
        }).ToList();
        return new RevenueReport(rates, hotels, hotels.Sum(h => h.Converted));
    }

    public static HotelBenchmarkReport Benchmarks(IReadOnlyList<CallRecord> calls, CurrencyRates? rates)
    {
        var revenue = rates is null ? null : Revenue(calls, rates).Hotels.ToDictionary(h => h.HotelId, StringComparer.Ordinal);
        var hotels = calls.GroupBy(c => c.HotelId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(hotel =>
        {
            var list = hotel.ToList();
            var metrics = Metrics(list);
            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            Put(values, HotelBenchmarkReport.CompletionRate, metrics.CompletionRate);
            Put(values, HotelBenchmarkReport.OfferAcceptanceRate, metrics.OfferAcceptanceRate);
            Put(values, HotelBenchmarkReport.IntentAccuracy, metrics.IntentAccuracy);
            Put(values, HotelBenchmarkReport.MedianHandlingSeconds, metrics.HandlingTime.Median?.TotalSeconds);
            Put(values, HotelBenchmarkReport.Satisfaction, Satisfaction(list, SatisfactionModel.Default).AverageScore);
            Put(values, HotelBenchmarkReport.RevenuePerCall, revenue is null ? null : (double?)revenue[hotel.Key].ConvertedPerCall);
            return new HotelBenchmark(hotel.Key, list.Count, values);
        }).ToList();

        string[] names =
        [
            HotelBenchmarkReport.CompletionRate, HotelBenchmarkReport.OfferAcceptanceRate, HotelBenchmarkReport.IntentAccuracy,
            HotelBenchmarkReport.MedianHandlingSeconds, HotelBenchmarkReport.Satisfaction, HotelBenchmarkReport.RevenuePerCall,
        ];
        var distributions = names.Select(name => (name, values: hotels.Where(h => h.Values.ContainsKey(name)).Select(h => h.Values[name]).ToArray()))
            .Where(m => m.values.Length > 0)
            .Select(m => new MetricDistribution(m.name, m.values.Length, Percentile(m.values, 0.10), Percentile(m.values, 0.25), Percentile(m.values, 0.50), Percentile(m.values, 0.75), Percentile(m.values, 0.90)))
            .ToList();
        return new HotelBenchmarkReport(hotels, distributions);
    }

    public static OfferReport Offers(IReadOnlyList<CallRecord> calls)
    {
        // Per offered intent: made, accepted, declined, booked after acceptance.
        var tally = new Dictionary<string, long[]>(StringComparer.Ordinal);
        long[] Row(string intent) => tally.TryGetValue(intent, out var row) ? row : tally[intent] = new long[4];
        foreach (var call in calls)
        {
            var open = new Stack<string>();
            foreach (var e in call.Offers)
            {
                if (e.Kind == ConversationEventKind.OfferMade)
                {
                    string intent = e.Intent ?? "(none)";
                    Row(intent)[0]++;
                    open.Push(intent);
                    continue;
                }

                string answered = open.Count > 0 ? open.Pop() : e.Intent ?? "(none)";
                var row = Row(answered);
                if (e.Kind == ConversationEventKind.OfferAccepted)
                {
                    row[1]++;
                    row[3] += call.Bookings.Any(b => b.OccurredAt >= e.OccurredAt) ? 1 : 0;
                }
                else
                {
                    row[2]++;
                }
            }
        }

        var byIntent = tally.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new OfferOutcome(t.Key, t.Value[0], t.Value[1], t.Value[2], t.Value[3])).ToList();
        return new OfferReport(byIntent, new OfferOutcome("(all)", byIntent.Sum(o => o.Made), byIntent.Sum(o => o.Accepted), byIntent.Sum(o => o.Declined), byIntent.Sum(o => o.Booked)));
    }

    public static PmsComparison Pms(IReadOnlyList<CallRecord> calls)
    {
        var operations = calls.SelectMany(c => c.Operations).ToList();
        return new PmsComparison(
            [.. operations.GroupBy(o => o.Vendor ?? string.Empty, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Stats(g.Key, null, [.. g]))],
            [.. operations.GroupBy(o => (Vendor: o.Vendor ?? string.Empty, Operation: o.Operation ?? string.Empty))
                .OrderBy(g => g.Key.Vendor, StringComparer.Ordinal).ThenBy(g => g.Key.Operation, StringComparer.Ordinal)
                .Select(g => Stats(g.Key.Vendor, g.Key.Operation, [.. g]))]);
    }

    public static SlaReport Sla(IReadOnlyList<CallRecord> calls, SlaTargets targets)
    {
        var checks = new List<SlaCheck>();
        void Check(string target, string scope, double? goal, double? actual, bool atLeast)
        {
            if (goal is { } g)
            {
                checks.Add(new SlaCheck(target, scope, g, actual, actual is { } a ? (atLeast ? a >= g : a <= g) : null));
            }
        }

        foreach (var hotel in calls.GroupBy(c => c.HotelId, StringComparer.Ordinal))
        {
            var metrics = Metrics([.. hotel]);
            Check(nameof(SlaTargets.MinCompletionRate), hotel.Key, targets.MinCompletionRate, metrics.CompletionRate, atLeast: true);
            Check(nameof(SlaTargets.MinIntentAccuracy), hotel.Key, targets.MinIntentAccuracy, metrics.IntentAccuracy, atLeast: true);
            Check(nameof(SlaTargets.MaxHandlingTimeP90), hotel.Key, targets.MaxHandlingTimeP90?.TotalMilliseconds, metrics.HandlingTime.P90?.TotalMilliseconds, atLeast: false);
        }

        foreach (var op in Pms(calls).Operations)
        {
            string scope = op.Vendor + "/" + op.Operation;
            Check(nameof(SlaTargets.MaxPmsLatencyP95), scope, targets.MaxPmsLatencyP95?.TotalMilliseconds, op.P95.TotalMilliseconds, atLeast: false);
            Check(nameof(SlaTargets.MaxPmsErrorRate), scope, targets.MaxPmsErrorRate, op.ErrorRate, atLeast: false);
            Check(nameof(SlaTargets.MaxPmsRateLimitedRate), scope, targets.MaxPmsRateLimitedRate, op.RateLimitedRate, atLeast: false);
        }

        return new SlaReport([.. checks.OrderBy(c => c.Target, StringComparer.Ordinal).ThenBy(c => c.Scope, StringComparer.Ordinal)]);
    }

    /// <summary>The continuous (linearly interpolated) quantile, as DuckDB's <c>quantile_cont</c> and PostgreSQL's <c>percentile_cont</c>.</summary>
    public static double Percentile(IReadOnlyList<double> values, double fraction)
    {
        double[] sorted = [.. values.Order()];
        double position = (sorted.Length - 1) * fraction;
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((sorted[above] - sorted[below]) * (position - below));
    }

    public static DateTimeOffset PeriodStart(DateTimeOffset at, AnalyticsPeriod period)
    {
        var day = new DateTimeOffset(at.UtcDateTime.Date, TimeSpan.Zero);
        return period switch
        {
            AnalyticsPeriod.Day => day,
            AnalyticsPeriod.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
            AnalyticsPeriod.Month => new DateTimeOffset(day.Year, day.Month, 1, 0, 0, 0, TimeSpan.Zero),
            _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown period."),
        };
    }

    internal static SatisfactionSignals Signals(CallRecord call)
    {
        var turns = call.UserTurns.Values.Select(Words).ToList();
        int repeats = turns.Where((words, i) => words.Count >= 3 && turns.Take(i).Any(earlier => Jaccard(words, earlier) >= 0.8)).Count();
        return new SatisfactionSignals(
            call.Booked,
            repeats,
            turns.Count(t => t.Overlaps(NegationWords)),
            turns.Count(t => t.Overlaps(AlternativeWords)),
            turns.Count > 0 && turns[^1].Overlaps(ThanksWords));
    }

    private static List<SatisfactionContribution> Contributions(SatisfactionSignals s, SatisfactionModel model)
    {
        var list = new List<SatisfactionContribution>();
        void Add(string signal, int count, double perCount)
        {
            if (count > 0)
            {
                list.Add(new SatisfactionContribution(signal, count, count * perCount));
            }
        }

        Add("goal_reached", s.GoalReached ? 1 : 0, model.GoalReached);
        Add("repeats", s.Repeats, model.PerRepeat);
        Add("negations", s.Negations, model.PerNegation);
        Add("alternatives_requested", s.AlternativesRequested, model.PerAlternativeRequested);
        Add("closing_thanks", s.ClosingThanks ? 1 : 0, model.ClosingThanks);
        return list;
    }

    private static SatisfactionCalibration Calibrate(List<(double Raw, double Survey)> surveyed, SatisfactionModel model)
    {
        if (surveyed.Count == 0)
        {
            return new SatisfactionCalibration(0, false, null, null, null, null, null);
        }

        double maeRaw = surveyed.Average(s => Math.Abs(s.Survey - s.Raw));
        double meanX = surveyed.Average(s => s.Raw), meanY = surveyed.Average(s => s.Survey);
        double sxx = surveyed.Sum(s => (s.Raw - meanX) * (s.Raw - meanX));
        double syy = surveyed.Sum(s => (s.Survey - meanY) * (s.Survey - meanY));
        double sxy = surveyed.Sum(s => (s.Raw - meanX) * (s.Survey - meanY));
        double? correlation = sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : null;
        if (surveyed.Count < SatisfactionCalibration.MinimumSurveys || sxx <= 0)
        {
            return new SatisfactionCalibration(surveyed.Count, false, null, null, correlation, maeRaw, null);
        }

        double slope = sxy / sxx, intercept = meanY - (slope * meanX);
        double maeCalibrated = surveyed.Average(s => Math.Abs(s.Survey - Math.Clamp(intercept + (slope * s.Raw), model.Minimum, model.Maximum)));
        return new SatisfactionCalibration(surveyed.Count, true, intercept, slope, correlation, maeRaw, maeCalibrated);
    }

    private static HashSet<string> Words(string text) =>
        new(text.ToLowerInvariant().Replace('\u2019', '\'').Split([' ', ',', '.', '!', '?', ';', ':', '"', '(', ')', '-', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    private static double Jaccard(HashSet<string> a, HashSet<string> b) => (double)a.Count(b.Contains) / a.Union(b).Count();

    private static HandlingTimeSummary HandlingSummary(IReadOnlyList<CallRecord> calls)
    {
        double[] ms = [.. calls.Select(c => c.HandlingTime).OfType<TimeSpan>().Select(t => t.TotalMilliseconds)];
        return ms.Length == 0
            ? new HandlingTimeSummary(0, null, null, null, null)
            : new HandlingTimeSummary(ms.Length, TimeSpan.FromMilliseconds(ms.Average()), TimeSpan.FromMilliseconds(Percentile(ms, 0.5)), TimeSpan.FromMilliseconds(Percentile(ms, 0.9)), TimeSpan.FromMilliseconds(ms.Max()));
    }

    private static PmsOperationStats Stats(string vendor, string? operation, List<ConversationEvent> operations)
    {
        double[] ms = [.. operations.Select(o => o.Duration?.TotalMilliseconds ?? 0)];
        TimeSpan P(double fraction) => TimeSpan.FromMilliseconds(Percentile(ms, fraction));
        return new PmsOperationStats(
            vendor,
            operation,
            operations.Count,
            operations.Count(o => !string.Equals(o.Outcome, PmsTelemetry.OutcomeSuccess, StringComparison.Ordinal)),
            operations.Count(o => string.Equals(o.Outcome, PmsTelemetry.OutcomeRateLimited, StringComparison.Ordinal)),
            P(0.5),
            P(0.9),
            P(0.95),
            P(0.99),
            TimeSpan.FromMilliseconds(ms.Max()),
            new SortedDictionary<string, long>(operations.GroupBy(o => o.Outcome ?? string.Empty).ToDictionary(g => g.Key, g => (long)g.Count()), StringComparer.Ordinal));
    }

    private static List<CurrencyAmount> ByCurrency(IEnumerable<ConversationEvent> bookings) =>
        [.. bookings.GroupBy(b => b.Currency ?? string.Empty, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CurrencyAmount(g.Key.ToUpperInvariant(), g.Sum(b => b.Amount ?? 0m)))];

    private static void Put(Dictionary<string, double> values, string name, double? value)
    {
        if (value is { } v)
        {
            values[name] = v;
        }
    }
}
