namespace HotelPlatform.Connectors.Webhooks;

/// <summary>
/// Application code that reacts to normalised events. Every implementation registered in DI
/// (<see cref="PmsWebhooksBuilder.AddEventHandler{THandler}"/>) receives every event, at least once, after the event
/// is durably in the inbox and hydrated; events about one reservation arrive in the order they were received. A handler
/// that throws is retried with backoff (all handlers of the event run again, so make them idempotent on
/// <see cref="PmsEvent.EventId"/>), and after <see cref="PmsWebhooksOptions.MaxAttempts"/> failures the event is
/// dead-lettered with the error kept until it is replayed.
/// </summary>
public interface IPmsEventHandler
{
    /// <summary>Handles one event.</summary>
    /// <param name="context">The event, its hotel and the hydrated entity.</param>
    /// <param name="cancellationToken">A token that cancels the work (the host is stopping).</param>
    /// <returns>A task that completes when the event is handled; a fault means "try again later".</returns>
    ValueTask HandleAsync(PmsEventContext context, CancellationToken cancellationToken);
}

/// <summary>One event as handlers see it.</summary>
public sealed class PmsEventContext
{
    /// <summary>Gets the key of the hotel the event belongs to.</summary>
    public required string HotelId { get; init; }

    /// <summary>Gets the normalised event.</summary>
    public required PmsEvent Event { get; init; }

    /// <summary>
    /// Gets the reservation the event is about, as the vendor sent it or as read through the hotel's connector
    /// (hydration); <see langword="null"/> for events not about a reservation, and when the connector no longer finds it
    /// (<see cref="ReservationNotFound"/>).
    /// </summary>
    public Reservation? Reservation { get; init; }

    /// <summary>Gets a value indicating whether hydration asked the connector for the reservation and it did not exist (deleted since).</summary>
    public bool ReservationNotFound { get; init; }

    /// <summary>Gets the vendor id of the reservation the event is about (also when <see cref="ReservationNotFound"/>); <see langword="null"/> for events not about a reservation.</summary>
    public string? ReservationId { get; init; }

    /// <summary>Gets the inbox's id of the event (stable across attempts and replays).</summary>
    public long InboxId { get; init; }

    /// <summary>Gets the attempt number, 1 for the first.</summary>
    public int Attempt { get; init; }

    /// <summary>Gets where the event came from.</summary>
    public PmsEventOrigin Origin { get; init; }
}
