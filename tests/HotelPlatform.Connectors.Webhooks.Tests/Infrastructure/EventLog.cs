using System.Collections.Concurrent;

namespace HotelPlatform.Connectors.Webhooks.Tests.Infrastructure;

/// <summary>What the handlers of a test host saw, and the failures they are told to raise.</summary>
internal sealed class EventLog
{
    private readonly ConcurrentQueue<PmsEventContext> _handled = new();
    private readonly ConcurrentDictionary<string, int> _eventFailuresLeft = new(StringComparer.Ordinal);
    private int _failuresLeft;
    private TaskCompletionSource? _gate;

    /// <summary>Gets every call, in the order the handler ran.</summary>
    public IReadOnlyList<PmsEventContext> Calls => [.. _handled];

    /// <summary>Gets a task that completes when a handler call has started.</summary>
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Holds every handler call until <see cref="Release"/>.</summary>
    public void Block() => _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets held handler calls finish.</summary>
    public void Release() => _gate?.TrySetResult();

    /// <summary>Waits while handlers are held.</summary>
    public Task WaitWhileBlockedAsync(CancellationToken cancellationToken)
    {
        Entered.TrySetResult();
        return _gate?.Task.WaitAsync(cancellationToken) ?? Task.CompletedTask;
    }

    /// <summary>Makes the next <paramref name="count"/> calls throw.</summary>
    public void FailNext(int count) => Volatile.Write(ref _failuresLeft, count);

    /// <summary>Makes the next <paramref name="count"/> calls for one event throw, whatever runs alongside it.</summary>
    public void FailNext(string eventId, int count) => _eventFailuresLeft[eventId] = count;

    public void Record(PmsEventContext context)
    {
        _handled.Enqueue(context);
        var failThisEvent = _eventFailuresLeft.TryGetValue(context.Event.EventId, out var left) && left > 0
            && _eventFailuresLeft.TryUpdate(context.Event.EventId, left - 1, left);
        if (failThisEvent || Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new InvalidOperationException($"Handler failure {context.Attempt} of event {context.Event.EventId}, on purpose.");
        }
    }
}

/// <summary>An application handler that records each event into the host's <see cref="EventLog"/>.</summary>
internal sealed class RecordingEventHandler(EventLog log) : IPmsEventHandler
{
    public async ValueTask HandleAsync(PmsEventContext context, CancellationToken cancellationToken)
    {
        await log.WaitWhileBlockedAsync(cancellationToken);
        log.Record(context);
    }
}
