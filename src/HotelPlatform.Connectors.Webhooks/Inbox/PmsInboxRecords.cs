namespace HotelPlatform.Connectors.Webhooks;

/// <summary>Where an inbox event came from.</summary>
public enum PmsEventOrigin
{
    /// <summary>A webhook delivery to <see cref="PmsWebhookEndpointExtensions.MapPmsWebhooks"/>.</summary>
    Webhook = 0,

    /// <summary>A polled event source (<see cref="HotelPlatform.Connectors.Events.IPmsEventSource"/>).</summary>
    Poll = 1,

    /// <summary>The changed-since reconciliation, for a change no webhook reported.</summary>
    Reconciliation = 2,
}

/// <summary>The state of an inbox event.</summary>
public enum PmsInboxStatus
{
    /// <summary>Waiting for (or in) dispatch, possibly after failed attempts.</summary>
    Pending = 0,

    /// <summary>Every handler returned.</summary>
    Handled = 1,

    /// <summary>Failed <see cref="PmsWebhooksOptions.MaxAttempts"/> times; kept with its error until replayed.</summary>
    DeadLettered = 2,
}

/// <summary>An event to append to the inbox: what is stored, in the form the store keeps.</summary>
/// <param name="HotelId">The hotel's key.</param>
/// <param name="EventId">The event id (the vendor's, or a content hash); unique per hotel, the dedupe key.</param>
/// <param name="EventType">The normalised event's type name, for lists and logs.</param>
/// <param name="OrderingKey">Events with the same key are dispatched one at a time, in inbox order (the hotel and the reservation, usually).</param>
/// <param name="Payload">The serialised event (opaque to the store).</param>
/// <param name="Origin">Where it came from.</param>
/// <param name="OccurredAt">When it happened at the vendor.</param>
/// <param name="ReceivedAt">When the host received it.</param>
public sealed record PmsInboxRecord(
    string HotelId,
    string EventId,
    string EventType,
    string OrderingKey,
    string Payload,
    PmsEventOrigin Origin,
    DateTimeOffset OccurredAt,
    DateTimeOffset ReceivedAt);

/// <summary>An event as stored in the inbox.</summary>
public sealed record PmsInboxItem
{
    /// <summary>Gets the inbox id: increasing in commit order.</summary>
    public required long Id { get; init; }

    /// <summary>Gets the record as appended.</summary>
    public required PmsInboxRecord Record { get; init; }

    /// <summary>Gets the state.</summary>
    public required PmsInboxStatus Status { get; init; }

    /// <summary>Gets the number of failed attempts so far.</summary>
    public int FailedAttempts { get; init; }

    /// <summary>Gets the last failure (exception type and message), kept for a dead letter.</summary>
    public string? LastError { get; init; }

    /// <summary>Gets when the event was handled, if it was.</summary>
    public DateTimeOffset? HandledAt { get; init; }

    /// <summary>Gets when the next attempt is due.</summary>
    public DateTimeOffset NextAttemptAt { get; init; }
}

/// <summary>A checkpoint committed together with appended events (a polled source's next position).</summary>
/// <param name="Key">The checkpoint's name.</param>
/// <param name="Value">The value, or <see langword="null"/> to clear it.</param>
public sealed record PmsInboxCheckpoint(string Key, string? Value);
