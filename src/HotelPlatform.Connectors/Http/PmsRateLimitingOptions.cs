namespace HotelPlatform.Connectors.Http;

/// <summary>
/// Settings of the runtime's default, in-process rate limiter (one token bucket per vendor account). Set them with
/// <c>.ConfigureRateLimiting(o =&gt; o.InteractiveReserve = 0.3)</c> on the connectors builder or
/// <c>services.Configure&lt;PmsRateLimitingOptions&gt;(section)</c>; validated when the host starts. A limiter registered
/// behind <see cref="IPmsRateLimiterProvider"/> (the Redis one) has settings of its own and ignores these.
/// </summary>
public sealed class PmsRateLimitingOptions
{
    /// <summary>
    /// Gets or sets the share of every account's bucket that <see cref="PmsTrafficLane.Bulk"/> calls may not take, so
    /// an <see cref="PmsTrafficLane.Interactive"/> call finds a permit at once unless interactive calls alone have used
    /// the quota; between 0 (no reserve) and 0.9. Default 0.2: with a bucket of 10, bulk work leaves 2 tokens. Rounded down,
    /// and never the whole bucket (see <see cref="PmsTrafficLanes.ReservedPermits"/>).
    /// </summary>
    public double InteractiveReserve { get; set; } = 0.2;
}
