namespace HotelPlatform.Connectors.Analytics;

/// <summary>
/// One fact about one conversation, as the consumer's agent reports it. Events are idempotent by <see cref="EventId"/>:
/// sending the same event again (a retry, a replayed queue) changes nothing, and events may arrive in any order (metrics
/// read <see cref="OccurredAt"/> and <see cref="TurnIndex"/>, never arrival order). Which optional properties are set
/// depends on <see cref="Kind"/> (each property says for which kinds).
/// </summary>
/// <param name="EventId">The producer's unique id of this event; the idempotency key.</param>
/// <param name="ConversationId">The conversation (call) the event belongs to.</param>
/// <param name="HotelId">The hotel the conversation is for (the SDK's hotel registration key).</param>
/// <param name="Kind">What happened.</param>
/// <param name="OccurredAt">When it happened, at the producer.</param>
public sealed record ConversationEvent(string EventId, string ConversationId, string HotelId, ConversationEventKind Kind, DateTimeOffset OccurredAt)
{
    /// <summary>Gets the zero-based index of the turn the event belongs to, where it belongs to one.</summary>
    public int? TurnIndex { get; init; }

    /// <summary>Gets the speaker of a <see cref="ConversationEventKind.Turn"/>: <c>user</c> or <c>agent</c>.</summary>
    public string? Speaker { get; init; }

    /// <summary>Gets the text of a turn.</summary>
    public string? Text { get; init; }

    /// <summary>Gets the intent (detected or confirmed), or the offered intent of an offer event.</summary>
    public string? Intent { get; init; }

    /// <summary>Gets the detector's confidence in [0, 1].</summary>
    public double? Confidence { get; init; }

    /// <summary>Gets the PMS operation's name as the SDK's telemetry tags it (<c>CreateReservation</c>, ...).</summary>
    public string? Operation { get; init; }

    /// <summary>Gets the PMS vendor as the SDK's telemetry tags it.</summary>
    public string? Vendor { get; init; }

    /// <summary>Gets how long something took: a PMS operation's latency or a turn's duration.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Gets an outcome: the SDK's <c>pms.outcome</c> of an operation or a failed booking.</summary>
    public string? Outcome { get; init; }

    /// <summary>Gets a booking's value.</summary>
    public decimal? Amount { get; init; }

    /// <summary>Gets the ISO 4217 currency of <see cref="Amount"/>.</summary>
    public string? Currency { get; init; }

    /// <summary>Gets the PMS reservation id of a booking.</summary>
    public string? ReservationId { get; init; }

    /// <summary>Gets the channel of a call (<c>voice</c>, <c>chat</c>, ...).</summary>
    public string? Channel { get; init; }

    /// <summary>Gets the conversation's language (BCP 47).</summary>
    public string? Language { get; init; }

    /// <summary>Gets a survey score.</summary>
    public double? Score { get; init; }
}
