using Microsoft.Extensions.Time.Testing;

namespace HotelPlatform.Connectors.Tests.Infrastructure;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells a test when code under test has started waiting: every timer scheduled
/// (created with a due time, or re-armed with <see cref="ITimer.Change"/> as <c>CancelAfter</c> does) is recorded with
/// its due time, so a test can wait until, say, a retry's backoff timer exists before it advances the clock (advancing
/// before the timer exists would not release it).
/// </summary>
public sealed class ObservableTimeProvider : FakeTimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _dueTimes = [];
    private readonly List<Waiter> _waiters = [];

    public ObservableTimeProvider()
        : base(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public IReadOnlyList<TimeSpan> DueTimes
    {
        get
        {
            lock (_gate)
            {
                return [.. _dueTimes];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ObservedTimer(this, base.CreateTimer(callback, state, dueTime, period));
        Scheduled(dueTime);
        return timer;
    }

    /// <summary>Completes when a timer whose due time matches has been scheduled, skipping the first <paramref name="skip"/> matches.</summary>
    public Task<TimeSpan> WaitForTimerAsync(Func<TimeSpan, bool> match, int skip = 0)
    {
        lock (_gate)
        {
            var matches = _dueTimes.Where(match).ToList();
            if (matches.Count > skip)
            {
                return Task.FromResult(matches[skip]);
            }

            var waiter = new Waiter(match, skip - matches.Count);
            _waiters.Add(waiter);
            return waiter.Signal.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>Counts the timers scheduled so far whose due time matches.</summary>
    public int CountTimers(Func<TimeSpan, bool> match)
    {
        lock (_gate)
        {
            return _dueTimes.Count(match);
        }
    }

    private void Scheduled(TimeSpan dueTime)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        List<TaskCompletionSource<TimeSpan>> released = [];
        lock (_gate)
        {
            _dueTimes.Add(dueTime);
            foreach (var waiter in _waiters.ToList())
            {
                if (waiter.Match(dueTime) && waiter.Remaining-- == 0)
                {
                    released.Add(waiter.Signal);
                    _waiters.Remove(waiter);
                }
            }
        }

        foreach (var signal in released)
        {
            signal.TrySetResult(dueTime);
        }
    }

    private sealed class Waiter(Func<TimeSpan, bool> match, int remaining)
    {
        public Func<TimeSpan, bool> Match { get; } = match;

        public int Remaining { get; set; } = remaining;

        public TaskCompletionSource<TimeSpan> Signal { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class ObservedTimer(ObservableTimeProvider owner, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            owner.Scheduled(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
