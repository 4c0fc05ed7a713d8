namespace HotelPlatform.Connectors.ContractTests.Simulators;

/// <summary>
/// The real clock, shifted: <see cref="GetUtcNow"/> can be moved forwards and back, while timers and timestamps stay
/// real. The kit moves "now" (today's arrivals in the property's zone, changed-since), and the connector's resilience
/// still waits real (short) <c>Retry-After</c> delays instead of hanging on a fake clock nobody advances.
/// </summary>
public sealed class ShiftedTimeProvider : TimeProvider
{
    private long _offsetTicks;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves "now" to an instant, forwards or backwards.</summary>
    /// <param name="utcNow">The instant.</param>
    public void SetUtcNow(DateTimeOffset utcNow) => Interlocked.Exchange(ref _offsetTicks, (utcNow - System.GetUtcNow()).Ticks);

    /// <summary>Moves "now" by an amount.</summary>
    /// <param name="delta">How far.</param>
    public void Advance(TimeSpan delta) => Interlocked.Add(ref _offsetTicks, delta.Ticks);
}
