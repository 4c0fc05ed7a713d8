using StackExchange.Redis;

namespace HotelPlatform.Connectors.Redis;

/// <summary>What the Redis limiter does while Redis cannot be reached.</summary>
public enum RedisUnavailableBehavior
{
    /// <summary>
    /// Refuse every call without sending it: the connector throws <see cref="PmsRateLimitedException"/> with
    /// <see cref="RedisPmsRateLimitingOptions.UnavailableRetryAfter"/>. No host can overspend the shared quota. The default.
    /// </summary>
    Refuse = 0,

    /// <summary>
    /// Pace calls in process with this host's share of the quota (the quota divided by
    /// <see cref="RedisPmsRateLimitingOptions.ExpectedInstances"/>) until Redis answers again: calls go on, and the
    /// hosts together stay within the quota as long as no more than that many hosts run.
    /// </summary>
    LocalShare,
}

/// <summary>Options of the Redis limiter (<see cref="RedisPmsRateLimitingExtensions.UseRedisRateLimiting"/>).</summary>
public sealed class RedisPmsRateLimitingOptions
{
    /// <summary>Gets or sets the StackExchange.Redis configuration string (<c>localhost:6379</c>); ignored when <see cref="ConnectionFactory"/> is set.</summary>
    public string? Configuration { get; set; }

    /// <summary>Gets or sets a factory of the connection to use (an application's own multiplexer); called once.</summary>
    public Func<IServiceProvider, IConnectionMultiplexer>? ConnectionFactory { get; set; }

    /// <summary>Gets or sets the prefix of the limiter's keys (one key per account). Default <c>hotelplatform:quota:</c>.</summary>
    public string KeyPrefix { get; set; } = "hotelplatform:quota:";

    /// <summary>
    /// Gets or sets the share of every window (or of the bucket) that <see cref="Http.PmsTrafficLane.Bulk"/> calls may not
    /// take, so that interactive calls always find it free (0 to 0.9). Default 0.2. At least one permit is always left to
    /// bulk calls.
    /// </summary>
    public double InteractiveReserve { get; set; } = 0.2;

    /// <summary>
    /// Gets or sets whether the script reads the time from the Redis server (<c>TIME</c>), so that hosts whose clocks
    /// differ still agree. Default <see langword="true"/>; tests turn it off to drive every host from one controllable
    /// clock (the registered <see cref="TimeProvider"/>).
    /// </summary>
    public bool UseServerClock { get; set; } = true;

    /// <summary>Gets or sets what happens while Redis cannot be reached. Default <see cref="RedisUnavailableBehavior.Refuse"/>.</summary>
    public RedisUnavailableBehavior WhenUnavailable { get; set; } = RedisUnavailableBehavior.Refuse;

    /// <summary>Gets or sets the wait a call refused because Redis is unreachable carries. Default 1 second.</summary>
    public TimeSpan UnavailableRetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets how many hosts share an account, for <see cref="RedisUnavailableBehavior.LocalShare"/>. Default 1.</summary>
    public int ExpectedInstances { get; set; } = 1;
}
