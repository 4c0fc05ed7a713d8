using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using HotelPlatform.Connectors;

namespace HotelPlatform.Samples.Host.Operations;

/// <summary>What the status page shows of one connection (a hotel, or every hotel of a vendor) over its recent operations.</summary>
internal sealed record OpsConnectionStats(
    string Hotel,
    string Vendor,
    long Operations,
    DateTimeOffset? LastSuccess,
    DateTimeOffset? LastFailure,
    double? P50Ms,
    double? P95Ms,
    double? P99Ms,
    double ErrorRate,
    double RateLimitedRate);

/// <summary>
/// Listens to the runtime's own <c>pms.operation.duration</c> histogram (every operation records one measurement with
/// vendor, operation, outcome and — when <see cref="PmsTelemetryOptions.IncludeHotelInMetrics"/> is on — hotel tags)
/// and keeps, per hotel, the last <see cref="Window"/> operations: enough for percentiles and rates that describe the
/// connection now rather than since start. Only the meter of this host's <see cref="IMeterFactory"/> is heard, so two
/// hosts in one process (tests) do not see each other's operations.
/// </summary>
internal sealed class OpsMetricsAggregator : IDisposable
{
    /// <summary>How many recent operations per hotel the percentiles and rates are computed over.</summary>
    public const int Window = 1000;

    /// <summary>The hotel key used when the measurements do not carry the hotel tag.</summary>
    public const string AnyHotel = "*";

    private readonly MeterListener _listener = new();
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<(string Hotel, string Vendor), RecentOperations> _connections = new();
    private readonly ConcurrentDictionary<string, OpsOperationWindow> _windows = new(StringComparer.Ordinal);
    private long _version;

    public OpsMetricsAggregator(IMeterFactory meterFactory, TimeProvider time)
    {
        _time = time;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meterFactory) && instrument.Meter.Name == PmsTelemetry.SourceName &&
                instrument.Name == PmsTelemetry.OperationDurationMetric)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>(OnDuration);
        _listener.Start();
    }

    /// <summary>Gets a number that grows whenever a measurement arrives (the live feed sends a snapshot when it changed).</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>The statistics of every hotel seen so far.</summary>
    public IReadOnlyList<OpsConnectionStats> Hotels() =>
        [.. _connections.OrderBy(c => c.Key.Hotel, StringComparer.Ordinal).Select(c => c.Value.Describe(c.Key.Hotel, c.Key.Vendor))];

    /// <summary>The statistics of every vendor, each over the recent operations of all its hotels.</summary>
    public IReadOnlyList<OpsConnectionStats> Vendors() =>
        [.. _connections.GroupBy(c => c.Key.Vendor, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => RecentOperations.Merge(g.Select(c => c.Value)).Describe(AnyHotel, g.Key))];

    /// <summary>A hotel's operations over the <paramref name="window"/> before now (alert rules, SLA), or none when it has had none.</summary>
    public OpsWindowStats Over(string hotel, TimeSpan window) =>
        _windows.TryGetValue(hotel, out var operations) ? operations.Over(_time.GetUtcNow(), window) : new OpsWindowStats(0, 0, null);

    public void Dispose() => _listener.Dispose();

    private void OnDuration(Instrument instrument, double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        string? vendor = null, outcome = null, hotel = null;
        foreach (var tag in tags)
        {
            switch (tag.Key)
            {
                case PmsTelemetry.VendorTag: vendor = tag.Value as string; break;
                case PmsTelemetry.OutcomeTag: outcome = tag.Value as string; break;
                case PmsTelemetry.HotelTag: hotel = tag.Value as string; break;
            }
        }

        if (vendor is null || outcome is null)
        {
            return;
        }

        var now = _time.GetUtcNow();
        _connections.GetOrAdd((hotel ?? AnyHotel, vendor), _ => new RecentOperations()).Add(seconds, outcome, now);
        _windows.GetOrAdd(hotel ?? AnyHotel, _ => new OpsOperationWindow()).Add(now, seconds, IsConnectionFailure(outcome));
        Interlocked.Increment(ref _version);
    }

    /// <summary>A ring of the last <see cref="Window"/> operations of one hotel.</summary>
    private sealed class RecentOperations
    {
        private readonly Lock _gate = new();
        private readonly double[] _seconds = new double[Window];
        private readonly string[] _outcomes = new string[Window];
        private long _total;
        private DateTimeOffset? _lastSuccess;
        private DateTimeOffset? _lastFailure;

        public void Add(double seconds, string outcome, DateTimeOffset at)
        {
            lock (_gate)
            {
                var slot = (int)(_total % Window);
                _seconds[slot] = seconds;
                _outcomes[slot] = outcome;
                _total++;
                if (outcome == PmsTelemetry.OutcomeSuccess)
                {
                    _lastSuccess = at;
                }
                else if (IsConnectionFailure(outcome))
                {
                    _lastFailure = at;
                }
            }
        }

        public static RecentOperations Merge(IEnumerable<RecentOperations> parts)
        {
            var merged = new RecentOperations();
            foreach (var part in parts)
            {
                lock (part._gate)
                {
                    foreach (var (seconds, outcome) in part.Recent())
                    {
                        merged.Add(seconds, outcome, default);
                    }

                    merged._total += part._total - Math.Min(part._total, Window);
                    merged._lastSuccess = Max(merged._lastSuccess, part._lastSuccess);
                    merged._lastFailure = Max(merged._lastFailure, part._lastFailure);
                }
            }

            return merged;
        }

        public OpsConnectionStats Describe(string hotel, string vendor)
        {
            lock (_gate)
            {
                var recent = Recent().ToArray();
                var sorted = recent.Select(r => r.Seconds * 1000).Order().ToArray();
                double Rate(Func<string, bool> which) => recent.Length == 0 ? 0 : (double)recent.Count(r => which(r.Outcome)) / recent.Length;
                return new OpsConnectionStats(
                    hotel, vendor, _total, _lastSuccess, _lastFailure,
                    Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99),
                    Rate(IsConnectionFailure), Rate(o => o == PmsTelemetry.OutcomeRateLimited));
            }
        }

        private IEnumerable<(double Seconds, string Outcome)> Recent()
        {
            var count = (int)Math.Min(_total, Window);
            for (var i = 0; i < count; i++)
            {
                yield return (_seconds[i], _outcomes[i]);
            }
        }

        private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
    }

    /// <summary>
    /// Whether an outcome says the connection failed (the PMS was unreachable, refused our credentials, throttled us or
    /// answered with an unclassified error) rather than the caller asking for something wrong (not found, validation,
    /// conflict, not supported) or giving up (cancelled).
    /// </summary>
    internal static bool IsConnectionFailure(string outcome) => outcome is PmsTelemetry.OutcomeUnavailable or
        PmsTelemetry.OutcomeAuthentication or PmsTelemetry.OutcomeRateLimited or PmsTelemetry.OutcomeError;

    /// <summary>The nearest-rank percentile of an ascending array, or null when it is empty.</summary>
    internal static double? Percentile(double[] ascending, double p) =>
        ascending.Length == 0 ? null : ascending[Math.Clamp((int)Math.Ceiling(p * ascending.Length) - 1, 0, ascending.Length - 1)];
}
