using System.Threading.RateLimiting;

namespace HotelPlatform.Connectors.Http;

/// <summary>
/// The runtime's own per-account limiter, for an <see cref="IPmsRateLimiterProvider"/> that wants to hand out exactly
/// the pace the runtime would use (for example to observe it) rather than a look-alike: a
/// <see cref="TokenBucketRateLimiter"/> configured from the quota's figures refills its whole
/// <see cref="PmsRateLimitQuota.PermitsPerPeriod"/> once per <see cref="PmsRateLimitQuota.Period"/>, capped at the burst,
/// which is a far slower pace than the quota allows (Mews' 180 per 30 s became 20 per 30 s, and a busy caller was
/// refused by its own queue).
/// </summary>
public static class PmsRateLimiters
{
    /// <summary>
    /// Creates the limiter the runtime gives one vendor account: a bucket of the quota's burst, refilled in small steps at
    /// the quota's rate, with the interactive reserve of <see cref="PmsTrafficLane.Bulk"/> calls.
    /// </summary>
    /// <param name="quota">The account's quota, as the vendor connector declares it.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="interactiveReserve">The share of the burst bulk calls may not take (0 to 0.9; the runtime's default
    /// is <see cref="PmsRateLimitingOptions.InteractiveReserve"/>).</param>
    /// <returns>A limiter the caller owns and disposes; its <see cref="RateLimiter.GetStatistics"/> reports the permits free.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="quota"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interactiveReserve"/> is outside 0 to 0.9.</exception>
    public static RateLimiter CreateAccountLimiter(PmsRateLimitQuota quota, TimeProvider? timeProvider = null, double interactiveReserve = 0)
    {
        ArgumentNullException.ThrowIfNull(quota);
        return new PmsAccountRateLimiter(quota, timeProvider ?? TimeProvider.System, interactiveReserve);
    }
}
