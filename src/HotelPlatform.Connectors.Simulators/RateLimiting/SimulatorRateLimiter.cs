namespace HotelPlatform.Connectors.Simulators;

/// <summary>
/// Counts requests per partition against <see cref="RateLimitRule"/>s on the simulator's <see cref="TimeProvider"/>, so a
/// <c>FakeTimeProvider</c> moves the windows. Thread-safe.
/// </summary>
/// <remarks>
/// This is a sliding log (and an anchored fixed window) read from the injected clock rather than
/// <c>System.Threading.RateLimiting</c>: those limiters take their time from <c>Stopwatch</c> and their own timers, not a
/// <see cref="TimeProvider"/>, and report <c>RetryAfter</c> only in whole replenishment periods. A simulator needs the
/// exact instant the vendor would admit the next request, and tests need to move it with <c>Advance</c>. Quotas are
/// small (vendor limits are tens to hundreds of requests per window), so keeping one timestamp per admitted request is cheap.
/// Only admitted requests are counted: a refused request does not extend the wait (vendors document it so).
/// </remarks>
public sealed class SimulatorRateLimiter
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Partition, RateLimitRule Rule), Queue<DateTimeOffset>> _logs = [];
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new instance of the <see cref="SimulatorRateLimiter"/> class.</summary>
    /// <param name="timeProvider">The clock.</param>
    public SimulatorRateLimiter(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <summary>Admits a request if it is within every policy, counting it against all of them; otherwise counts nothing.</summary>
    /// <param name="policies">The policies that apply to the request.</param>
    /// <returns>The decision.</returns>
    public RateLimitDecision TryAcquire(IEnumerable<RateLimitPolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        DateTimeOffset now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            var logs = new List<Queue<DateTimeOffset>>();
            TimeSpan longestWait = TimeSpan.Zero;
            RateLimitPolicy? refusedBy = null;
            foreach (RateLimitPolicy policy in policies)
            {
                ArgumentNullException.ThrowIfNull(policy);
                var key = (policy.PartitionKey, policy.Rule);
                if (!_logs.TryGetValue(key, out Queue<DateTimeOffset>? log))
                {
                    _logs[key] = log = new Queue<DateTimeOffset>();
                }

                TimeSpan wait = Evaluate(policy.Rule, log, now);
                if (wait > TimeSpan.Zero && wait >= longestWait)
                {
                    longestWait = wait;
                    refusedBy = policy;
                }

                logs.Add(log);
            }

            if (refusedBy is not null)
            {
                return new RateLimitDecision(false, longestWait, refusedBy);
            }

            foreach (Queue<DateTimeOffset> log in logs)
            {
                log.Enqueue(now);
            }

            return new RateLimitDecision(true, TimeSpan.Zero, null);
        }
    }

    /// <summary>Returns how many requests a policy would still admit now.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The remaining permits.</returns>
    public int GetRemaining(RateLimitPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        DateTimeOffset now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (!_logs.TryGetValue((policy.PartitionKey, policy.Rule), out Queue<DateTimeOffset>? log))
            {
                return policy.Rule.PermitLimit;
            }

            Evaluate(policy.Rule, log, now);
            return Math.Max(0, policy.Rule.PermitLimit - log.Count);
        }
    }

    /// <summary>Forgets every count, so every partition starts with a full quota.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _logs.Clear();
        }
    }

    /// <summary>Drops what has left the window and returns how long until the rule admits one more request (zero: now).</summary>
    private static TimeSpan Evaluate(RateLimitRule rule, Queue<DateTimeOffset> log, DateTimeOffset now)
    {
        switch (rule.Kind)
        {
            case RateLimitWindowKind.Sliding:
                while (log.Count > 0 && log.Peek() + rule.Window <= now)
                {
                    log.Dequeue();
                }

                return log.Count < rule.PermitLimit ? TimeSpan.Zero : log.Peek() + rule.Window - now;

            default:
                // Anchored: the first timestamp opens the window; once it has passed, the whole burst is forgotten.
                if (log.Count > 0 && log.Peek() + rule.Window <= now)
                {
                    log.Clear();
                }

                return log.Count < rule.PermitLimit ? TimeSpan.Zero : log.Peek() + rule.Window - now;
        }
    }
}
