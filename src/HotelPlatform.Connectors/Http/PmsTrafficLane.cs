namespace HotelPlatform.Connectors.Http;

/// <summary>
/// Which share of a vendor account's quota a call may use. Both limiters (the in-process default,
/// <see cref="PmsRateLimitingOptions.InteractiveReserve"/>, and the Redis limiter of <c>HotelPlatform.Connectors.Redis</c>)
/// keep part of every bucket or window for <see cref="Interactive"/> calls, so that a chain-wide bulk job never leaves
/// a guest on the phone waiting for quota.
/// </summary>
public enum PmsTrafficLane
{
    /// <summary>A call someone is waiting for (a front-desk screen, a guest on the phone): may use the whole quota. The default.</summary>
    Interactive = 0,

    /// <summary>Background work (chain-wide jobs, exports, pushes): never takes the part of the quota kept for interactive calls.</summary>
    Bulk,
}

/// <summary>
/// The traffic lane of the current asynchronous flow. Calls outside any scope are <see cref="PmsTrafficLane.Interactive"/>;
/// a bulk job wraps its work in <see cref="Begin"/> (the runtime's <see cref="Bulk.PmsBulkRunner"/> does).
/// </summary>
public static class PmsTrafficLanes
{
    private static readonly AsyncLocal<PmsTrafficLane> CurrentLane = new();

    /// <summary>Gets the lane of the current flow.</summary>
    public static PmsTrafficLane Current => CurrentLane.Value;

    /// <summary>
    /// Gets how many permits of a bucket or window of <paramref name="capacity"/> the <see cref="PmsTrafficLane.Bulk"/> lane
    /// leaves to interactive calls: the share rounded down, at most all but one (bulk work always progresses). The one
    /// rule both the in-process and the Redis limiter apply.
    /// </summary>
    /// <param name="capacity">The bucket's burst or the window's limit; at least 1.</param>
    /// <param name="interactiveReserve">The reserved share, 0 to 0.9.</param>
    /// <returns>The reserved permits (0 for a bucket of 1).</returns>
    public static int ReservedPermits(int capacity, double interactiveReserve)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        if (interactiveReserve is not (>= 0 and <= 0.9))
        {
            throw new ArgumentOutOfRangeException(nameof(interactiveReserve), interactiveReserve, "The interactive reserve must be between 0 and 0.9.");
        }

        return Math.Clamp((int)Math.Floor(capacity * interactiveReserve), 0, capacity - 1);
    }

    /// <summary>Sets the lane for the current flow until the scope is disposed (use it in an <c>async</c> method, with <c>using</c>).</summary>
    /// <param name="lane">The lane of the calls made inside the scope.</param>
    /// <returns>The scope; disposing it restores the lane that was there before.</returns>
    public static IDisposable Begin(PmsTrafficLane lane)
    {
        if (!Enum.IsDefined(lane))
        {
            throw new ArgumentOutOfRangeException(nameof(lane), lane, "Unknown traffic lane.");
        }

        var previous = CurrentLane.Value;
        CurrentLane.Value = lane;
        return new Scope(previous);
    }

    private sealed class Scope(PmsTrafficLane previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                CurrentLane.Value = previous;
            }
        }
    }
}
