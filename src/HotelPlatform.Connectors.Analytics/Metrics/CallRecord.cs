namespace HotelPlatform.Connectors.Analytics;

/// <summary>
/// One call folded from its events, the input of every analysis computed in process (<see cref="ConversationAnalysis"/>).
/// Built by the store-neutral code from <see cref="IConversationEventStore.ReadEventsAsync"/>, so each store answers
/// the same figures from the same definitions.
/// </summary>
internal sealed class CallRecord(string conversationId)
{
    public string ConversationId { get; } = conversationId;

    public string HotelId { get; set; } = string.Empty;

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public bool Transferred { get; set; }

    public bool Searched { get; set; }

    public bool Reserving { get; set; }

    public double? SurveyScore { get; set; }

    /// <summary>Gets the user turns in order of index: (index, text).</summary>
    public SortedDictionary<int, string> UserTurns { get; } = [];

    /// <summary>Gets each scored turn's first detected and first confirmed intent.</summary>
    public SortedDictionary<int, (string? Detected, string? Confirmed)> Intents { get; } = [];

    /// <summary>Gets the offers and answers in time order.</summary>
    public List<ConversationEvent> Offers { get; } = [];

    /// <summary>Gets the bookings made.</summary>
    public List<ConversationEvent> Bookings { get; } = [];

    /// <summary>Gets the PMS operations.</summary>
    public List<ConversationEvent> Operations { get; } = [];

    public bool Booked => Bookings.Count > 0;

    public TimeSpan? HandlingTime => StartedAt is { } start && EndedAt is { } end ? end - start : null;

    public long Count(ConversationEventKind kind) => Offers.Count(o => o.Kind == kind);

    /// <summary>Folds a time-ordered stream of events (of whole calls) into one record per call with a start.</summary>
    public static async Task<List<CallRecord>> FoldAsync(IAsyncEnumerable<ConversationEvent> events, CancellationToken cancellationToken)
    {
        var calls = new Dictionary<string, CallRecord>(StringComparer.Ordinal);
        await foreach (var e in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (!calls.TryGetValue(e.ConversationId, out var call))
            {
                call = new CallRecord(e.ConversationId);
                calls.Add(e.ConversationId, call);
            }

            call.Add(e);
        }

        return [.. calls.Values.Where(c => c.StartedAt is not null).OrderBy(c => c.StartedAt).ThenBy(c => c.ConversationId, StringComparer.Ordinal)];
    }

    private void Add(ConversationEvent e)
    {
        switch (e.Kind)
        {
            case ConversationEventKind.CallStarted when StartedAt is null || e.OccurredAt < StartedAt:
                StartedAt = e.OccurredAt;
                HotelId = e.HotelId;
                break;
            case ConversationEventKind.CallEnded when EndedAt is null || e.OccurredAt > EndedAt:
                EndedAt = e.OccurredAt;
                break;
            case ConversationEventKind.Turn when e.TurnIndex is { } index && string.Equals(e.Speaker, "user", StringComparison.Ordinal):
                UserTurns.TryAdd(index, e.Text ?? string.Empty);
                break;
            case ConversationEventKind.IntentDetected or ConversationEventKind.IntentConfirmed when e.TurnIndex is { } turn:
                var (detected, confirmed) = Intents.GetValueOrDefault(turn);
                Intents[turn] = e.Kind == ConversationEventKind.IntentDetected ? (detected ?? e.Intent, confirmed) : (detected, confirmed ?? e.Intent);
                break;
            case ConversationEventKind.PmsOperation:
                Operations.Add(e);
                Searched |= e.Operation is "GetAvailability" or "Quote";
                Reserving |= e.Operation is "CreateReservation";
                break;
            case ConversationEventKind.OfferMade or ConversationEventKind.OfferAccepted or ConversationEventKind.OfferDeclined:
                Offers.Add(e);
                break;
            case ConversationEventKind.BookingMade:
                Bookings.Add(e);
                Reserving = true;
                break;
            case ConversationEventKind.BookingFailed:
                Reserving = true;
                break;
            case ConversationEventKind.TransferredToStaff:
                Transferred = true;
                break;
            case ConversationEventKind.SurveyScored when e.Score is { } score:
                SurveyScore = score;
                break;
            default:
                break;
        }
    }
}
