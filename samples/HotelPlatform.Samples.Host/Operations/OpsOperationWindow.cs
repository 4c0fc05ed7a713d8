namespace HotelPlatform.Samples.Host.Operations;

/// <summary>A hotel's operations over a span of time: how many, how many failed the connection, and the p95 latency.</summary>
internal sealed record OpsWindowStats(long Operations, long Failures, double? P95Ms)
{
    /// <summary>Gets the share of operations that failed the connection (0 when there were none).</summary>
    public double ErrorRate => Operations == 0 ? 0 : (double)Failures / Operations;
}

/// <summary>
/// One hotel's operations in one-minute buckets kept for <see cref="Retention"/>: what time-based questions (the error
/// rate over the last five minutes, an SLA over a day) are answered from, where the last-1,000-operations ring of
/// <see cref="OpsMetricsAggregator"/> describes only "now". Each bucket keeps at most <see cref="DurationsPerMinute"/>
/// durations for the percentile (counts stay exact), which bounds the memory of a busy hotel.
/// </summary>
internal sealed class OpsOperationWindow
{
    /// <summary>The longest window a rule or an SLA may ask about.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>How many durations per hotel and minute the p95 is computed from.</summary>
    public const int DurationsPerMinute = 200;

    private readonly Lock _gate = new();
    private readonly Queue<Bucket> _buckets = new();

    public void Add(DateTimeOffset at, double seconds, bool failed)
    {
        var minute = Minute(at);
        lock (_gate)
        {
            while (_buckets.TryPeek(out var oldest) && oldest.Start < minute - Retention)
            {
                _buckets.Dequeue();
            }

            // Measurements arrive in time order, give or take a thread: a late one joins the newest bucket.
            var bucket = _buckets.LastOrDefault();
            if (bucket is null || bucket.Start < minute)
            {
                bucket = new Bucket(minute);
                _buckets.Enqueue(bucket);
            }

            bucket.Operations++;
            bucket.Failures += failed ? 1 : 0;
            if (bucket.Milliseconds.Count < DurationsPerMinute)
            {
                bucket.Milliseconds.Add(seconds * 1000);
            }
        }
    }

    /// <summary>The operations of the minutes that overlap the <paramref name="window"/> before <paramref name="now"/>.</summary>
    public OpsWindowStats Over(DateTimeOffset now, TimeSpan window)
    {
        var from = Minute(now - window);
        lock (_gate)
        {
            var inWindow = _buckets.Where(b => b.Start >= from && b.Start <= now).ToArray();
            var sorted = inWindow.SelectMany(b => b.Milliseconds).Order().ToArray();
            return new OpsWindowStats(inWindow.Sum(b => b.Operations), inWindow.Sum(b => b.Failures), OpsMetricsAggregator.Percentile(sorted, 0.95));
        }
    }

    private static DateTimeOffset Minute(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);

    private sealed class Bucket(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; } = start;

        public long Operations { get; set; }

        public long Failures { get; set; }

        public List<double> Milliseconds { get; } = [];
    }
}
