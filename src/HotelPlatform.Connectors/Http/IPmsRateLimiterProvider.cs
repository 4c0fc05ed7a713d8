using System.Threading.RateLimiting;

namespace HotelPlatform.Connectors.Http;

/// <summary>
/// The seam for a vendor account's proactive rate limiter. Without a registration the runtime paces each account in
/// process (one token bucket per account key per process); register an implementation (for example with
/// <c>UseRedisRateLimiting</c> from <c>HotelPlatform.Connectors.Redis</c>) to share one account's quota between several
/// host instances.
/// </summary>
/// <remarks>
/// The pipeline takes one permit per HTTP attempt, after the account-wide pause of ADR 0014, and waits at most
/// <see cref="PmsRateLimitQuota.MaxQueueWait"/> for it; a lease that is not acquired fails the call with
/// <see cref="PmsRateLimitedException"/> carrying the lease's <c>RetryAfter</c>. The limiter reads the caller's lane
/// from <see cref="PmsTrafficLanes.Current"/> if it keeps lanes.
/// </remarks>
public interface IPmsRateLimiterProvider
{
    /// <summary>Returns the limiter shared by every client of <paramref name="accountKey"/>; the same instance for the same key.</summary>
    /// <param name="accountKey">The account key (<see cref="PmsHttpClientOptions.EffectiveAccountKey"/>).</param>
    /// <param name="quota">The vendor's documented quota, as the connector declares it.</param>
    /// <returns>The limiter; one permit per request.</returns>
    RateLimiter GetLimiter(string accountKey, PmsRateLimitQuota quota);
}
