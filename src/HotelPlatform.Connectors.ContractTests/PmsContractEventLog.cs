namespace HotelPlatform.Connectors.ContractTests;

/// <summary>
/// The normalised events a fixture observed for its hotel, in the order they arrived, and a way to wait for one
/// (<see cref="PmsContractFixture.Events"/>). The fixture feeds it with <see cref="Add"/>; <see cref="EventContractTests{TFixture}"/>
/// takes a position (<see cref="Count"/>) before it acts and waits for the matching event from there.
/// </summary>
/// <remarks>
/// <para>
/// Vendors deliver events more than once and out of order: the log keeps every delivery as it came, duplicates
/// included, and the kit matches by reservation identifier. Thread-safe: a webhook receiver may add from any thread
/// while the kit waits.
/// </para>
/// <para>
/// A simulator-backed fixture registers a webhook subscription on its simulator for the hotel, pointing at a loopback
/// receiver it starts (an ASP.NET Core endpoint on <c>127.0.0.1:0</c>), parses each delivery with the vendor's webhook
/// parser into <see cref="PmsEvent"/>s and adds them here. The subscription is registered while the fixture
/// initializes, before any test acts, so no event is missed.
/// </para>
/// </remarks>
public sealed class PmsContractEventLog
{
    private readonly Lock _gate = new();
    private readonly List<PmsEvent> _events = [];
    private readonly List<Waiter> _waiters = [];

    /// <summary>Gets how many events were observed so far: the position to wait from for events still to come.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _events.Count;
            }
        }
    }

    /// <summary>Records an event the PMS emitted for the hotel and completes the waits it matches.</summary>
    /// <param name="pmsEvent">The normalised event.</param>
    public void Add(PmsEvent pmsEvent)
    {
        ArgumentNullException.ThrowIfNull(pmsEvent);
        List<(Waiter Waiter, Exception? Failure)> completed = [];
        lock (_gate)
        {
            _events.Add(pmsEvent);
            foreach (var waiter in _waiters)
            {
                try
                {
                    if (waiter.Match(pmsEvent))
                    {
                        completed.Add((waiter, null));
                    }
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // A broken predicate fails its own wait, not the receiver that delivered the event.
                    completed.Add((waiter, ex));
                }
            }

            _waiters.RemoveAll(w => completed.Exists(c => c.Waiter == w));
        }

        foreach (var (waiter, failure) in completed)
        {
            if (failure is null)
            {
                waiter.Completion.TrySetResult(pmsEvent);
            }
            else
            {
                waiter.Completion.TrySetException(failure);
            }
        }
    }

    /// <summary>Gets the events observed from a position on, in the order they arrived.</summary>
    /// <param name="from">The position (a <see cref="Count"/> taken earlier); 0 for every event.</param>
    /// <returns>The events.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="from"/> is negative or beyond <see cref="Count"/>.</exception>
    public IReadOnlyList<PmsEvent> GetEvents(int from = 0)
    {
        lock (_gate)
        {
            ThrowIfOutOfRange(from);
            return _events.GetRange(from, _events.Count - from);
        }
    }

    /// <summary>
    /// Returns the first event, from position <paramref name="from"/> on, that <paramref name="match"/> accepts: one
    /// already observed, or the next one to arrive. <paramref name="match"/> runs under the log's lock, so it must be
    /// quick and must not call back into the log.
    /// </summary>
    /// <param name="match">Which event to return.</param>
    /// <param name="from">The position to search from (a <see cref="Count"/> taken before the action that should emit the event).</param>
    /// <param name="cancellationToken">A token that ends the wait; the kit cancels it after <see cref="PmsContractFixture.EventWaitLimit"/>.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="from"/> is negative or beyond <see cref="Count"/>.</exception>
    /// <exception cref="OperationCanceledException">No matching event arrived before <paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<PmsEvent> WaitForAsync(Func<PmsEvent, bool> match, int from, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(match);
        Waiter waiter;
        lock (_gate)
        {
            ThrowIfOutOfRange(from);
            for (var i = from; i < _events.Count; i++)
            {
                if (match(_events[i]))
                {
                    return _events[i];
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            waiter = new Waiter(match);
            _waiters.Add(waiter);
        }

        await using (cancellationToken.Register(() => Abandon(waiter, cancellationToken)))
        {
            return await waiter.Completion.Task;
        }
    }

    private void Abandon(Waiter waiter, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _waiters.Remove(waiter);
        }

        waiter.Completion.TrySetCanceled(cancellationToken);
    }

    private void ThrowIfOutOfRange(int from)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from, _events.Count);
    }

    private sealed class Waiter(Func<PmsEvent, bool> match)
    {
        public Func<PmsEvent, bool> Match { get; } = match;

        // Continuations run off the thread that added the event, so a receiver is never blocked by the kit's test code.
        public TaskCompletionSource<PmsEvent> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
