using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;

/// <summary>
/// A fake clock that also reports the waits code under test starts (retry backoffs, Retry-After, rate-limit refills),
/// so a test can move time exactly past each wait instead of sleeping or guessing. Timeouts of 10 s and 30 s (the
/// pipeline's attempt and total timeouts, the token request's) are not waits and are not reported.
/// </summary>
internal sealed class TestClock : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _waits = Channel.CreateUnbounded<TimeSpan>();

    public TestClock()
        : base(new DateTimeOffset(2025, 3, 10, 8, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ReportingTimer(this, base.CreateTimer(callback, state, dueTime, period));
        Report(dueTime);
        return timer;
    }

    /// <summary>Awaits <paramref name="call"/>, moving the clock past every wait it starts until it completes.</summary>
    public async Task<T> CompleteAsync<T>(Task<T> call)
    {
        await CompleteAsync((Task)call);
        return await call;
    }

    /// <inheritdoc cref="CompleteAsync{T}(Task{T})"/>
    public async Task CompleteAsync(Task call)
    {
        while (!call.IsCompleted)
        {
            var next = _waits.Reader.WaitToReadAsync().AsTask();
            await Task.WhenAny(call, next).WaitAsync(TimeSpan.FromSeconds(30));
            while (_waits.Reader.TryRead(out var wait))
            {
                Advance(wait);
            }
        }

        await call;
    }

    /// <summary>Waits (without moving the clock) until code under test starts a wait, and returns its length.</summary>
    public async Task<TimeSpan> NextWaitAsync() => await _waits.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

    private void Report(TimeSpan dueTime)
    {
        if (dueTime > TimeSpan.Zero && dueTime < TimeSpan.FromMinutes(5) && dueTime != TimeSpan.FromSeconds(10) && dueTime != TimeSpan.FromSeconds(30))
        {
            _waits.Writer.TryWrite(dueTime);
        }
    }

    private sealed class ReportingTimer(TestClock clock, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            clock.Report(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
