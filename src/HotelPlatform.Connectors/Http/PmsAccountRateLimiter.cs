using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace HotelPlatform.Connectors.Http;

/// <summary>
/// A token bucket with two lanes, paced by a <see cref="TimeProvider"/>: the bucket holds the quota's burst, a timer from
/// <see cref="TimeProvider.CreateTimer"/> returns spent tokens at the quota's rate, and <see cref="PmsTrafficLane.Bulk"/>
/// calls never take the last <see cref="Reserve"/> tokens, so a guest on the phone is not starved by a chain-wide job.
/// Waiting interactive calls are served before waiting bulk calls; each lane is first in, first out.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="TokenBucketRateLimiter"/> cannot be used here: with <c>AutoReplenishment = false</c> its
/// <c>TryReplenish</c> adds tokens in proportion to the <see cref="System.Diagnostics.Stopwatch"/> time elapsed since the
/// previous call (System.Threading.RateLimiting 8+), so a fake clock cannot pace it and tests would depend on real time.
/// </para>
/// <para>
/// The queue is written here rather than borrowed from <see cref="ConcurrencyLimiter"/> (which this class wrapped before
/// it had lanes): System.Threading.RateLimiting has no limiter whose callers share one bucket with different thresholds
/// and priorities (a <see cref="PartitionedRateLimiter"/> gives each partition its own bucket), and two chained limiters
/// cannot express "bulk only while more than the reserve is left" without a window in which both lanes take the last token.
/// One lock guards the count and both queues, so that comparison and the take are one step.
/// </para>
/// </remarks>
internal sealed class PmsAccountRateLimiter : RateLimiter
{
    private const int MinimumTickMilliseconds = 10;

    private readonly Lock _gate = new();
    private readonly ITimer _refill;
    private readonly TimeProvider _timeProvider;
    private readonly int _tokensPerTick;
    private readonly TimeSpan _tick;
    private readonly LinkedList<Waiter> _interactiveQueue = new();
    private readonly LinkedList<Waiter> _bulkQueue = new();
    private int _available;
    private int _spent;
    private bool _refilling;
    private bool _disposed;
    private long _successfulLeases;
    private long _failedLeases;
    private long _idleSince;

    public PmsAccountRateLimiter(PmsRateLimitQuota quota, TimeProvider timeProvider, double interactiveReserve = 0)
    {
        ArgumentNullException.ThrowIfNull(quota);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Quota = quota;
        _timeProvider = timeProvider;
        (_tick, _tokensPerTick) = RefillStep(quota);
        _available = quota.EffectiveBurst;
        Reserve = PmsTrafficLanes.ReservedPermits(quota.EffectiveBurst, interactiveReserve);
        _idleSince = timeProvider.GetTimestamp();
        // The timer runs only while spent tokens wait to be returned, so an idle account costs nothing.
        _refill = timeProvider.CreateTimer(static state => ((PmsAccountRateLimiter)state!).Refill(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Gets the quota the limiter paces to.</summary>
    public PmsRateLimitQuota Quota { get; }

    /// <summary>Gets the tokens of the bucket that <see cref="PmsTrafficLane.Bulk"/> calls may not take.</summary>
    public int Reserve { get; }

    /// <summary>Gets how long until the next token returns, for <c>Retry-After</c> hints.</summary>
    public TimeSpan RefillInterval => _tick;

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                return _spent == 0 && QueuedCount == 0 ? _timeProvider.GetElapsedTime(_idleSince) : null;
            }
        }
    }

    private int QueuedCount => _interactiveQueue.Count + _bulkQueue.Count;

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _available,
                CurrentQueuedCount = QueuedCount,
                TotalSuccessfulLeases = _successfulLeases,
                TotalFailedLeases = _failedLeases,
            };
        }
    }

    /// <summary>Gets how many calls of a lane wait for a token.</summary>
    public int GetQueuedCount(PmsTrafficLane lane)
    {
        lock (_gate)
        {
            return QueueOf(lane).Count;
        }
    }

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
        var lane = PmsTrafficLanes.Current;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (TryTake(lane))
            {
                return SpentLease.Instance;
            }

            _failedLeases++;
        }

        return Reject();
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ThrowIfNotOne(permitCount);
        cancellationToken.ThrowIfCancellationRequested();
        var lane = PmsTrafficLanes.Current;
        var waiter = new Waiter(this);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (TryTake(lane))
            {
                return SpentLease.Instance;
            }

            if (QueuedCount >= Quota.QueueLimit)
            {
                _failedLeases++;
                return Reject();
            }

            waiter.Node = QueueOf(lane).AddLast(waiter);
        }

        // Registered outside the lock: a token cancelled already runs the callback at once, which takes the lock.
        using var registration = cancellationToken.UnsafeRegister(static (state, token) => ((Waiter)state!).Cancel(token), waiter);
        return await waiter.Completion.Task.ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            List<Waiter> abandoned;
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                abandoned = [.. _interactiveQueue, .. _bulkQueue];
                _interactiveQueue.Clear();
                _bulkQueue.Clear();
                _refill.Dispose();
            }

            foreach (var waiter in abandoned)
            {
                waiter.Completion.TrySetResult(Reject());
            }
        }

        base.Dispose(disposing);
    }

    private static void ThrowIfNotOne(int permitCount)
    {
        // Every HTTP request is one permit; a lease of several would be refilled as one.
        ArgumentOutOfRangeException.ThrowIfNotEqual(permitCount, 1);
    }

    private LinkedList<Waiter> QueueOf(PmsTrafficLane lane) => lane == PmsTrafficLane.Bulk ? _bulkQueue : _interactiveQueue;

    /// <summary>
    /// Takes a token for a call that is not queued, if its lane may have one now: nobody of its lane or of a lane served
    /// before it waits (first come, first served), and more tokens are left than the lane must leave behind. Under the gate.
    /// </summary>
    private bool TryTake(PmsTrafficLane lane)
    {
        var ahead = lane == PmsTrafficLane.Bulk ? QueuedCount : _interactiveQueue.Count;
        if (ahead > 0 || _available <= LeftBehind(lane))
        {
            return false;
        }

        Take();
        return true;
    }

    private int LeftBehind(PmsTrafficLane lane) => lane == PmsTrafficLane.Bulk ? Reserve : 0;

    /// <summary>Spends a token: the caller's lease releases nothing; the refill timer returns the token later. Under the gate.</summary>
    private void Take()
    {
        _available--;
        _spent++;
        _successfulLeases++;
        if (!_refilling)
        {
            _refilling = true;
            _refill.Change(_tick, _tick);
        }
    }

    private void Refill()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var returned = Math.Min(_tokensPerTick, _spent);
            _spent -= returned;
            _available += returned;

            // Interactive calls first; bulk calls only with the tokens beyond the reserve.
            Grant(_interactiveQueue, LeftBehind(PmsTrafficLane.Interactive));
            Grant(_bulkQueue, LeftBehind(PmsTrafficLane.Bulk));

            if (_spent == 0)
            {
                // Nothing waits either: with every token back, any waiter has just been served.
                _refilling = false;
                _refill.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                _idleSince = _timeProvider.GetTimestamp();
            }
        }
    }

    /// <summary>Serves the queue's waiters in order while more than <paramref name="leftBehind"/> tokens are left. Under the gate.</summary>
    private void Grant(LinkedList<Waiter> queue, int leftBehind)
    {
        while (queue.First is { } first && _available > leftBehind)
        {
            queue.RemoveFirst();
            Take();
            // Continuations run asynchronously (the completion source says so), never under the gate.
            first.Value.Completion.TrySetResult(SpentLease.Instance);
        }
    }

    /// <summary>A call waiting for a token in one lane's queue.</summary>
    private sealed class Waiter(PmsAccountRateLimiter limiter)
    {
        public TaskCompletionSource<RateLimitLease> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }

        /// <summary>Leaves the queue unless the waiter was served first (then the token is the caller's: nothing is lost).</summary>
        public void Cancel(CancellationToken token)
        {
            lock (limiter._gate)
            {
                if (Node?.List is not { } queue)
                {
                    return;
                }

                queue.Remove(Node);
            }

            Completion.TrySetCanceled(token);
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
internal sealed partial class PmsRateLimiterRegistry(
    TimeProvider timeProvider,
    Microsoft.Extensions.Logging.ILogger<PmsRateLimiterRegistry> logger,
    Microsoft.Extensions.Options.IOptions<PmsRateLimitingOptions> options) : IDisposable
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
        var limiter = _limiters.GetOrAdd(accountKey, _ => new Lazy<PmsAccountRateLimiter>(() => new PmsAccountRateLimiter(quota, timeProvider, options.Value.InteractiveReserve))).Value;
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
