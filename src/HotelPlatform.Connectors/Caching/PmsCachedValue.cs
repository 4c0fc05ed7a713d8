namespace HotelPlatform.Connectors.Caching;

/// <summary>
/// A piece of a hotel's reference data (its property, room types, rate plans, a vendor's configuration) read from the
/// vendor once and kept for a lifetime, because every request counts against the account's quota. However many callers
/// need it while it is missing or stale, exactly one read is in flight (single flight) and they all get its result; a
/// caller that gives up does not cancel the read for the others. A failed read is not kept: the next caller tries again.
/// </summary>
/// <typeparam name="T">The value.</typeparam>
public sealed class PmsCachedValue<T>
    where T : class
{
    private readonly Func<CancellationToken, Task<T>> _load;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private Entry? _entry;
    private Task<T>? _loading;
    private long _generation;

    /// <summary>Initializes a new instance of the <see cref="PmsCachedValue{T}"/> class.</summary>
    /// <param name="load">Reads the value from the vendor. Its token is cancelled only when the value is invalidated, never by one caller.</param>
    /// <param name="lifetime">How long a value is used before it is read again; <see cref="TimeSpan.Zero"/> reads it on every call (concurrent calls still share one read).</param>
    /// <param name="timeProvider">The clock the lifetime runs on.</param>
    public PmsCachedValue(Func<CancellationToken, Task<T>> load, TimeSpan lifetime, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentOutOfRangeException.ThrowIfLessThan(lifetime, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _load = load;
        Lifetime = lifetime;
        _timeProvider = timeProvider;
    }

    /// <summary>Gets how long a value is kept.</summary>
    public TimeSpan Lifetime { get; }

    /// <summary>Gets the value: the kept one while it is fresh, else the result of the one read in flight.</summary>
    /// <param name="cancellationToken">Cancels this caller's wait, not the read.</param>
    /// <returns>The value.</returns>
    public ValueTask<T> GetAsync(CancellationToken cancellationToken = default)
    {
        Task<T> loading;
        lock (_gate)
        {
            if (_entry is { } entry && _timeProvider.GetTimestamp() < entry.ExpiresAt)
            {
                return ValueTask.FromResult(entry.Value);
            }

            loading = _loading ??= LoadAsync(_generation);
        }

        return new ValueTask<T>(loading.WaitAsync(cancellationToken));
    }

    /// <summary>Reads the value again now (a health check, a known change), sharing a read already in flight.</summary>
    /// <param name="cancellationToken">Cancels this caller's wait, not the read.</param>
    /// <returns>The fresh value.</returns>
    public Task<T> RefreshAsync(CancellationToken cancellationToken = default)
    {
        Task<T> loading;
        lock (_gate)
        {
            loading = _loading ??= LoadAsync(_generation);
        }

        return loading.WaitAsync(cancellationToken);
    }

    /// <summary>Drops the kept value (a read in flight still completes for its callers but is not kept).</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _entry = null;
            _loading = null;
            _generation++;
        }
    }

    private async Task<T> LoadAsync(long generation)
    {
        // Yield first: the read must not run inside the caller's lock, nor on its synchronous stack.
        await Task.Yield();
        try
        {
            var value = await _load(CancellationToken.None).ConfigureAwait(false);
            lock (_gate)
            {
                if (generation == _generation)
                {
                    _entry = new Entry(value, _timeProvider.GetTimestamp() + (long)(Lifetime.TotalSeconds * _timeProvider.TimestampFrequency));
                    _loading = null;
                }
            }

            return value;
        }
        catch
        {
            lock (_gate)
            {
                if (generation == _generation)
                {
                    _loading = null;
                }
            }

            throw;
        }
    }

    private sealed record Entry(T Value, long ExpiresAt);
}
