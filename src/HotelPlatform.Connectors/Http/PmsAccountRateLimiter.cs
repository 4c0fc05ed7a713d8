using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace HotelPlatform.Connectors.Http;

/// <summary>
/// A token bucket paced by a <see cref="TimeProvider"/>: <see cref="ConcurrencyLimiter"/> holds the bucket (its permits
/// are the tokens; it does the queueing, ordering, queue limit and cancellation), and a timer from
/// <see cref="TimeProvider.CreateTimer"/> returns consumed tokens at the quota's rate.
/// </summary>
/// <remarks>
/// <see cref="TokenBucketRateLimiter"/> cannot be used here: with <c>AutoReplenishment = false</c> its
/// <c>TryReplenish</c> adds tokens in proportion to the <see cref="System.Diagnostics.Stopwatch"/> time elapsed since the
/// previous call (System.Threading.RateLimiting 8+), so a fake clock cannot pace it and tests would depend on real time.
/// </remarks>
internal sealed class PmsAccountRateLimiter : RateLimiter
{
    private const int MinimumTickMilliseconds = 10;

    private readonly ConcurrencyLimiter _bucket;
    private readonly ConcurrentQueue<RateLimitLease> _consumed = new();
    private readonly ITimer _refill;
    private readonly int _tokensPerTick;
    private readonly TimeSpan _tick;
    private readonly Lock _timerGate = new();
    private bool _refilling;
    private int _disposed;

    public PmsAccountRateLimiter(PmsRateLimitQuota quota, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(quota);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Quota = quota;
        (_tick, _tokensPerTick) = RefillStep(quota);
        _bucket = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = quota.EffectiveBurst,
            QueueLimit = quota.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        // The timer runs only while spent tokens wait to be returned, so an idle account costs nothing.
        _refill = timeProvider.CreateTimer(static state => ((PmsAccountRateLimiter)state!).Refill(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Gets the quota the limiter paces to.</summary>
    public PmsRateLimitQuota Quota { get; }

    /// <summary>Gets how long until the next token returns, for <c>Retry-After</c> hints.</summary>
    public TimeSpan RefillInterval => _tick;

    public override TimeSpan? IdleDuration => _consumed.IsEmpty ? _bucket.IdleDuration : null;

    public override RateLimiterStatistics? GetStatistics() => _bucket.GetStatistics();

    /// <summary>
    /// Splits the quota into even refill steps of at least <see cref="MinimumTickMilliseconds"/>: one token every
    /// period/permits where that is long enough (5 per second: one every 200 ms), otherwise several tokens per step
    /// (a divisor of the permits, so the rate never exceeds the quota).
    /// </summary>
    internal static (TimeSpan Tick, int TokensPerTick) RefillStep(PmsRateLimitQuota quota)
    {
        var maxSteps = Math.Max(1, (long)(quota.Period.TotalMilliseconds / MinimumTickMilliseconds));
        var steps = (int)Math.Min(quota.PermitsPerPeriod, maxSteps);
        while (quota.PermitsPerPeriod % steps != 0)
        {
            steps--;
        }

        return (quota.Period / steps, quota.PermitsPerPeriod / steps);
    }

    /// <summary>Makes a refused lease whose <c>RetryAfter</c> is one refill step.</summary>
    public RateLimitLease Reject() => new RejectedLease(_tick);

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ThrowIfNotOne(permitCount);
        return Consume(_bucket.AttemptAcquire(permitCount));
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ThrowIfNotOne(permitCount);
        return Consume(await _bucket.AcquireAsync(permitCount, cancellationToken).ConfigureAwait(false));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            lock (_timerGate)
            {
                _refill.Dispose();
            }

            _bucket.Dispose();
        }

        base.Dispose(disposing);
    }

    private static void ThrowIfNotOne(int permitCount)
    {
        // Every HTTP request is one permit; a lease of several would be refilled as one.
        ArgumentOutOfRangeException.ThrowIfNotEqual(permitCount, 1);
    }

    private RateLimitLease Consume(RateLimitLease lease)
    {
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            return new RejectedLease(_tick);
        }

        // The token is spent: the caller's lease releases nothing; the refill timer returns the token later.
        _consumed.Enqueue(lease);
        lock (_timerGate)
        {
            if (!_refilling && Volatile.Read(ref _disposed) == 0)
            {
                _refilling = true;
                _refill.Change(_tick, _tick);
            }
        }

        return SpentLease.Instance;
    }

    private void Refill()
    {
        for (var i = 0; i < _tokensPerTick && _consumed.TryDequeue(out var lease); i++)
        {
            lease.Dispose();
        }

        // Checked under the gate that Consume restarts the timer under, so a token spent concurrently is never stranded.
        lock (_timerGate)
        {
            if (_refilling && _consumed.IsEmpty && Volatile.Read(ref _disposed) == 0)
            {
                _refilling = false;
                _refill.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private sealed class SpentLease : RateLimitLease
    {
        public static readonly SpentLease Instance = new();

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }

    private sealed class RejectedLease(TimeSpan retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = retryAfter;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}

/// <summary>
/// The process-wide rate limiters and rate-limit pauses, one per vendor account (<see cref="PmsHttpClientOptions.EffectiveAccountKey"/>), so
/// that every hotel of one account shares the account's quota. The first registration of an account sets its quota.
/// </summary>
internal sealed partial class PmsRateLimiterRegistry(TimeProvider timeProvider, Microsoft.Extensions.Logging.ILogger<PmsRateLimiterRegistry> logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<PmsAccountRateLimiter>> _limiters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PmsAccountBackoff> _backoffs = new(StringComparer.Ordinal);

    /// <summary>Gets the account's pause after a rate-limit refusal, shared by every client of the account.</summary>
    public PmsAccountBackoff GetBackoff(string accountKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountKey);
        return _backoffs.GetOrAdd(accountKey, static (_, clock) => new PmsAccountBackoff(clock), timeProvider);
    }

    public PmsAccountRateLimiter GetLimiter(string accountKey, PmsRateLimitQuota quota)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountKey);
        ArgumentNullException.ThrowIfNull(quota);
        var limiter = _limiters.GetOrAdd(accountKey, _ => new Lazy<PmsAccountRateLimiter>(() => new PmsAccountRateLimiter(quota, timeProvider))).Value;
        if (limiter.Quota != quota)
        {
            LogQuotaMismatch(logger, accountKey, limiter.Quota.PermitsPerPeriod, limiter.Quota.Period, quota.PermitsPerPeriod, quota.Period);
        }

        return limiter;
    }

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values.Where(l => l.IsValueCreated))
        {
            limiter.Value.Dispose();
        }

        _limiters.Clear();
    }

    [Microsoft.Extensions.Logging.LoggerMessage(
        EventId = 1301,
        Level = Microsoft.Extensions.Logging.LogLevel.Warning,
        Message = "PMS account {AccountKey} is already limited to {Permits} per {Period}; a client asked for {RequestedPermits} per {RequestedPeriod} and shares the first quota.")]
    private static partial void LogQuotaMismatch(Microsoft.Extensions.Logging.ILogger logger, string accountKey, int permits, TimeSpan period, int requestedPermits, TimeSpan requestedPeriod);
}
