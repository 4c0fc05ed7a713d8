using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;
using HotelPlatform.Connectors.Http;

namespace HotelPlatform.Connectors;

/// <summary>
/// Publishes each vendor account's quota on the runtime's meter: <see cref="PmsTelemetry.RateLimitAvailablePermitsMetric"/>
/// (the permits its limiter has free now) and <see cref="PmsTelemetry.RateLimitPermitLimitMetric"/> (the bucket's size),
/// both tagged with <see cref="PmsTelemetry.VendorTag"/> and <see cref="PmsTelemetry.AccountTag"/>. One series per
/// account and gauge (never multiplied by operations or outcomes), and account keys name no secret
/// (<see cref="PmsHttpClientOptions.AccountKey"/>), so the tags stay within ADR 0009's rules.
/// </summary>
/// <remarks>
/// The pipeline registers every limiter it takes permits from (<see cref="Track"/>), the runtime's own bucket or a
/// registered <see cref="IPmsRateLimiterProvider"/>'s. A limiter that publishes no statistics (a shared Redis limiter
/// keeps its state on the server) is not observed rather than shown as empty.
/// </remarks>
internal sealed class PmsRateLimitGauges : IDisposable
{
    private readonly ConcurrentDictionary<string, TrackedLimiter> _accounts = new(StringComparer.Ordinal);
    private readonly Meter? _ownedMeter;

    public PmsRateLimitGauges(IMeterFactory? meterFactory)
    {
        var meter = meterFactory?.Create(PmsTelemetry.SourceName) ?? (_ownedMeter = new Meter(PmsTelemetry.SourceName));
        meter.CreateObservableGauge(
            PmsTelemetry.RateLimitAvailablePermitsMetric,
            () => Observe(static limiter => limiter.Limiter.GetStatistics()?.CurrentAvailablePermits),
            unit: "{permit}",
            description: "Permits of the vendor account's quota free now.");
        meter.CreateObservableGauge(
            PmsTelemetry.RateLimitPermitLimitMetric,
            () => Observe(static limiter => limiter.Limiter.GetStatistics() is null ? null : limiter.Quota.EffectiveBurst),
            unit: "{permit}",
            description: "Permits the vendor account's limiter holds when none is in use.");
    }

    /// <summary>Observes the limiter of an account; the first limiter registered for an account key is the one observed (the pipeline shares one per account).</summary>
    public void Track(string vendor, string accountKey, PmsRateLimitQuota quota, RateLimiter limiter) =>
        _accounts.TryAdd(accountKey, new TrackedLimiter(vendor, accountKey, quota, limiter));

    public void Dispose() => _ownedMeter?.Dispose();

    private IEnumerable<Measurement<long>> Observe(Func<TrackedLimiter, long?> read)
    {
        foreach (var tracked in _accounts.Values)
        {
            long? value;
            try
            {
                value = read(tracked);
            }
            catch (ObjectDisposedException)
            {
                // The host is stopping and the registry disposed its limiters: nothing left to report.
                continue;
            }

            if (value is { } permits)
            {
                yield return new Measurement<long>(permits, new KeyValuePair<string, object?>(PmsTelemetry.VendorTag, tracked.Vendor), new KeyValuePair<string, object?>(PmsTelemetry.AccountTag, tracked.AccountKey));
            }
        }
    }

    private sealed record TrackedLimiter(string Vendor, string AccountKey, PmsRateLimitQuota Quota, RateLimiter Limiter);
}
