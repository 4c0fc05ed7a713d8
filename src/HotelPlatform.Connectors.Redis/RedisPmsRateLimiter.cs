using System.Globalization;
using System.Threading.RateLimiting;
using HotelPlatform.Connectors.Http;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace HotelPlatform.Connectors.Redis;

/// <summary>
/// One vendor account's quota kept in Redis and shared by every host that uses the account. The quota's shape decides
/// the algorithm: a vendor that counts in a sliding window (<see cref="PmsRateLimitQuota.SlidingWindowLimit"/>, Mews)
/// gets an exact sliding log, so the hosts together use the whole window and never one request more; any other quota
/// gets the same token bucket (burst, permits per period) the in-process limiter keeps, as GCRA. Bulk calls
/// (<see cref="PmsTrafficLanes.Current"/>) never take the last <see cref="Reserve"/> permits.
/// </summary>
internal sealed partial class RedisPmsRateLimiter : RateLimiter
{
    private readonly Func<IDatabase> _database;
    private readonly RedisKey _key;
    private readonly RedisPmsRateLimitingOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly RateLimiter? _fallback;
    private readonly ILogger _logger;
    private readonly string _accountKey;
    private readonly bool _sliding;
    private int _unavailable;

    public RedisPmsRateLimiter(
        Func<IDatabase> database,
        string accountKey,
        PmsRateLimitQuota quota,
        RedisPmsRateLimitingOptions options,
        TimeProvider timeProvider,
        ILogger logger)
    {
        _database = database;
        _accountKey = accountKey;
        _key = new RedisKey(options.KeyPrefix + accountKey);
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        Quota = quota;
        _sliding = quota.SlidingWindowLimit is not null;
        Capacity = quota.SlidingWindowLimit ?? quota.EffectiveBurst;
        Reserve = PmsTrafficLanes.ReservedPermits(Capacity, options.InteractiveReserve);
        _fallback = options.WhenUnavailable == RedisUnavailableBehavior.LocalShare ? LocalShare(quota, options.ExpectedInstances) : null;
    }

    /// <summary>Gets the quota.</summary>
    public PmsRateLimitQuota Quota { get; }

    /// <summary>Gets the window's limit (sliding) or the bucket's burst.</summary>
    public int Capacity { get; }

    /// <summary>Gets the permits of every window (or of the bucket) bulk calls may not take.</summary>
    public int Reserve { get; }

    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(permitCount, 1);
        try
        {
            return Decide(_database().ScriptEvaluate(RedisQuotaScript.Text, [_key], Arguments()));
        }
        catch (Exception exception) when (exception is RedisConnectionException or RedisTimeoutException)
        {
            return Unavailable(exception);
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(permitCount, 1);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            RateLimitLease lease;
            try
            {
                lease = Decide(await _database().ScriptEvaluateAsync(RedisQuotaScript.Text, [_key], Arguments()).ConfigureAwait(false));
            }
            catch (Exception exception) when (exception is RedisConnectionException or RedisTimeoutException)
            {
                return Unavailable(exception);
            }

            if (lease.IsAcquired || !lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
            {
                return lease;
            }

            // Wait exactly until the window (or bucket) admits this lane again, then ask again: another host may have
            // taken that permit first. The caller's deadline (PmsRateLimitQuota.MaxQueueWait) cancels the wait.
            await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _fallback?.Dispose();
        }

        base.Dispose(disposing);
    }

    private static TokenBucketRateLimiter LocalShare(PmsRateLimitQuota quota, int instances)
    {
        var share = Math.Max(1, instances);
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, (quota.SlidingWindowLimit ?? quota.EffectiveBurst) / share),
            TokensPerPeriod = Math.Max(1, (quota.SlidingWindowLimit ?? quota.PermitsPerPeriod) / share),
            ReplenishmentPeriod = quota.Period,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private RedisValue[] Arguments()
    {
        var now = _options.UseServerClock ? -1 : _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var lane = PmsTrafficLanes.Current == PmsTrafficLane.Bulk ? "bulk" : "interactive";
        return
        [
            now,
            _sliding ? "sliding" : "bucket",
            Capacity,
            (long)Quota.Period.TotalMilliseconds,
            Quota.PermitsPerPeriod,
            Reserve,
            lane,
            Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture),
        ];
    }

    private RateLimitLease Decide(RedisResult result)
    {
        if (Interlocked.Exchange(ref _unavailable, 0) == 1)
        {
            LogRedisBack(_logger, _accountKey);
        }

        var answer = (long[])result!;
        return answer[0] == 1 ? RedisLease.Acquired : new RedisLease(TimeSpan.FromMilliseconds(Math.Max(1, answer[1])));
    }

    private RateLimitLease Unavailable(Exception exception)
    {
        if (Interlocked.Exchange(ref _unavailable, 1) == 0)
        {
            LogRedisUnavailable(_logger, _accountKey, _options.WhenUnavailable, exception.GetType().Name);
        }

        return _fallback?.AttemptAcquire() is { IsAcquired: true } local ? local : new RedisLease(_options.UnavailableRetryAfter);
    }

    [LoggerMessage(EventId = 1401, Level = LogLevel.Warning, Message = "Redis quota of PMS account {AccountKey} cannot be reached ({Exception}); calls are handled with {Behavior} until it answers again.")]
    private static partial void LogRedisUnavailable(ILogger logger, string accountKey, RedisUnavailableBehavior behavior, string exception);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Information, Message = "Redis quota of PMS account {AccountKey} answers again.")]
    private static partial void LogRedisBack(ILogger logger, string accountKey);

    /// <summary>A permit (nothing to release: the script counted it), or a refusal with the exact wait.</summary>
    private sealed class RedisLease(TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly RedisLease Acquired = new(null);

        public override bool IsAcquired => retryAfter is null;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name ? wait : null;
            return metadata is not null;
        }
    }
}
