namespace HotelPlatform.Connectors.Analytics;

/// <summary>Which calls a report covers: those whose <see cref="ConversationEventKind.CallStarted"/> matches.</summary>
public sealed record AnalyticsFilter
{
    /// <summary>Gets every call of every hotel.</summary>
    public static AnalyticsFilter All { get; } = new();

    /// <summary>Gets the hotel, or <see langword="null"/> for all hotels.</summary>
    public string? HotelId { get; init; }

    /// <summary>Gets the earliest call start included, or <see langword="null"/> for no lower bound.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Gets the call start before which the range ends (exclusive), or <see langword="null"/> for no upper bound.</summary>
    public DateTimeOffset? To { get; init; }
}
