using System.Collections;

namespace HotelPlatform.Connectors.Simulators;

/// <summary>
/// A thread-safe, append-only record the simulator keeps for tests and the dashboard: received requests, validation
/// failures, applied faults, webhook deliveries. Enumerating it enumerates a snapshot, so it is safe while requests arrive.
/// </summary>
/// <typeparam name="T">The entry type.</typeparam>
/// <remarks>
/// Tests that must wait for something the server does on its own (a response being recorded, a delayed request reaching
/// its fault) use <see cref="WaitForAsync"/> instead of polling or sleeping.
/// </remarks>
public sealed class SimulatorLog<T> : IReadOnlyList<T>
    where T : class
{
    private readonly Lock _gate = new();
    private readonly Queue<T> _items = new();
    private readonly List<Waiter> _waiters = [];
    private readonly int _capacity;

    /// <summary>Initializes a new instance of the <see cref="SimulatorLog{T}"/> class; a vendor simulator makes one for each record of its own (such as the events it raised).</summary>
    /// <param name="capacity">How many entries are kept; the oldest are dropped beyond it.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is zero or negative.</exception>
    public SimulatorLog(int capacity = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
    }

    /// <inheritdoc />
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    /// <inheritdoc />
    public T this[int index] => Snapshot()[index];

    /// <summary>Returns a copy of the entries, oldest first.</summary>
    /// <returns>The entries.</returns>
    public IReadOnlyList<T> Snapshot()
    {
        lock (_gate)
        {
            return [.. _items];
        }
    }

    /// <summary>Removes every entry.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _items.Clear();
        }
    }

    /// <summary>Waits until an entry matching <paramref name="predicate"/> is recorded (or already is), and returns it.</summary>
    /// <param name="predicate">The condition; evaluated when an entry is added or updated, under the log's lock, so keep it cheap and side-effect free.</param>
    /// <param name="cancellationToken">A token that stops waiting.</param>
    /// <returns>The first matching entry.</returns>
    public Task<T> WaitForAsync(Func<T, bool> predicate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        Waiter waiter;
        lock (_gate)
        {
            foreach (T item in _items)
            {
                if (predicate(item))
                {
                    return Task.FromResult(item);
                }
            }

            waiter = new Waiter(predicate);
            _waiters.Add(waiter);
        }

        if (cancellationToken.CanBeCanceled)
        {
            CancellationTokenRegistration registration = cancellationToken.Register(
                static state =>
                {
                    var (log, w, token) = ((SimulatorLog<T>, Waiter, CancellationToken))state!;
                    lock (log._gate)
                    {
                        log._waiters.Remove(w);
                    }

                    w.Completion.TrySetCanceled(token);
                },
                (this, waiter, cancellationToken));
            _ = waiter.Completion.Task.ContinueWith(
                static (_, r) => ((CancellationTokenRegistration)r!).Dispose(),
                registration,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        return waiter.Completion.Task;
    }

    /// <summary>Waits until the log holds at least <paramref name="count"/> entries matching <paramref name="predicate"/>.</summary>
    /// <param name="count">How many entries to wait for; positive.</param>
    /// <param name="predicate">The condition; every entry counts when omitted.</param>
    /// <param name="cancellationToken">A token that stops waiting.</param>
    /// <returns>The matching entries at the moment the count was reached.</returns>
    public async Task<IReadOnlyList<T>> WaitForCountAsync(int count, Func<T, bool>? predicate = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        predicate ??= static _ => true;
        while (true)
        {
            var matching = Snapshot().Where(predicate).ToList();
            if (matching.Count >= count)
            {
                return matching;
            }

            // Wait for any entry that is not yet among the matching ones to match; then count again.
            var seen = new HashSet<T>(matching, ReferenceEqualityComparer.Instance);
            await WaitForAsync(item => !seen.Contains(item) && predicate(item), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Appends an entry (the simulator that owns the log does this) and completes every <see cref="WaitForAsync"/> it satisfies.</summary>
    /// <param name="item">The entry.</param>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is <see langword="null"/>.</exception>
    public void Add(T item)
    {
        ArgumentNullException.ThrowIfNull(item);
        List<Waiter>? satisfied;
        lock (_gate)
        {
            _items.Enqueue(item);
            while (_items.Count > _capacity)
            {
                _items.Dequeue();
            }

            satisfied = TakeSatisfiedWaiters(item);
        }

        Complete(satisfied, item);
    }

    /// <summary>Re-evaluates waiters against an entry whose state changed (a request whose response was just recorded).</summary>
    internal void Updated(T item)
    {
        List<Waiter>? satisfied;
        lock (_gate)
        {
            satisfied = TakeSatisfiedWaiters(item);
        }

        Complete(satisfied, item);
    }

    private static void Complete(List<Waiter>? satisfied, T item)
    {
        // Outside the lock: continuations of the waiting test must not run while we hold it.
        if (satisfied is null)
        {
            return;
        }

        foreach (Waiter waiter in satisfied)
        {
            waiter.Completion.TrySetResult(item);
        }
    }

    private List<Waiter>? TakeSatisfiedWaiters(T item)
    {
        List<Waiter>? satisfied = null;
        for (int i = _waiters.Count - 1; i >= 0; i--)
        {
            if (_waiters[i].Predicate(item))
            {
                (satisfied ??= []).Add(_waiters[i]);
                _waiters.RemoveAt(i);
            }
        }

        return satisfied;
    }

    private sealed class Waiter(Func<T, bool> predicate)
    {
        public Func<T, bool> Predicate { get; } = predicate;

        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
