namespace HotelPlatform.Connectors.Analytics.Tests;

/// <summary>Builds events for hand-written conversations.</summary>
internal sealed class Conversation(string id, string hotelId, DateTimeOffset startedAt)
{
    private int _sequence;

    public string Id => id;

    public ConversationEvent Event(ConversationEventKind kind, double secondsAfterStart = 0, int? turn = null) =>
        new($"{id}/{_sequence++}", id, hotelId, kind, startedAt.AddSeconds(secondsAfterStart)) { TurnIndex = turn };

    public ConversationEvent Started() => Event(ConversationEventKind.CallStarted) with { Channel = "voice", Language = "en" };

    public ConversationEvent Ended(double seconds) => Event(ConversationEventKind.CallEnded, seconds);

    public ConversationEvent Booked(double seconds, decimal amount = 240m) =>
        Event(ConversationEventKind.BookingMade, seconds) with { Amount = amount, Currency = "EUR", ReservationId = "R-" + id };

    public IEnumerable<ConversationEvent> Intent(int turn, string detected, string confirmed) =>
    [
        Event(ConversationEventKind.IntentDetected, turn, turn) with { Intent = detected, Confidence = 0.9 },
        Event(ConversationEventKind.IntentConfirmed, turn, turn) with { Intent = confirmed },
    ];
}
