using System.Globalization;
using HotelPlatform.Connectors.Analytics.Sgd;

namespace HotelPlatform.Connectors.Analytics.Replay;

/// <summary>
/// Replays recorded SGD hotel dialogues as live calls: each dialogue's backend calls become calls on a hotel's
/// <see cref="IPmsConnector"/> (<c>SearchHotel</c> → availability and quotes, <c>ReserveHotel</c> → a booking carrying a
/// client reference, so a retried replay books once), each user turn goes through the intent detector, and everything is
/// reported to the store as conversation events with deterministic ids (replaying a dialogue twice stores it once).
/// PMS latency and outcome come from the SDK's telemetry through <see cref="PmsOperationCapture"/>, so the hotel's
/// connector must be one resolved from the SDK (which wraps it in telemetry).
/// </summary>
public sealed class SgdReplayDriver
{
    private readonly IConversationEventStore _store;
    private readonly IIntentDetector _detector;
    private readonly PmsOperationCapture _capture;
    private readonly SgdReplayOptions _options;

    /// <summary>Creates a driver.</summary>
    /// <param name="store">Where the events go.</param>
    /// <param name="detector">The intent detector the agent uses.</param>
    /// <param name="capture">The listener to the SDK's PMS telemetry.</param>
    /// <param name="options">How dialogues map to calls; defaults when <see langword="null"/>.</param>
    public SgdReplayDriver(IConversationEventStore store, IIntentDetector detector, PmsOperationCapture capture, SgdReplayOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(capture);
        _store = store;
        _detector = detector;
        _capture = capture;
        _options = options ?? new SgdReplayOptions();
    }

    /// <summary>Replays one dialogue as one call.</summary>
    /// <param name="dialogue">The dialogue.</param>
    /// <param name="hotelId">The hotel's registration key, recorded on the events.</param>
    /// <param name="hotel">The hotel's connector, as the SDK resolves it.</param>
    /// <param name="conversationId">The call's id (the same dialogue replayed at another hotel or time needs another).</param>
    /// <param name="startedAt">When the simulated call starts; turns follow at speaking pace.</param>
    /// <param name="cancellationToken">Cancels the replay.</param>
    /// <returns>The events the call produced, in order (the store may already have held some).</returns>
    public async Task<IReadOnlyList<ConversationEvent>> ReplayAsync(
        SgdDialogue dialogue, string hotelId, IPmsConnector hotel, string conversationId, DateTimeOffset startedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialogue);
        ArgumentException.ThrowIfNullOrWhiteSpace(hotelId);
        ArgumentNullException.ThrowIfNull(hotel);
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);

        var events = new List<ConversationEvent>();
        var clock = startedAt;
        ConversationEvent New(ConversationEventKind kind, int? turn = null) =>
            new($"{conversationId}/{events.Count.ToString(CultureInfo.InvariantCulture)}", conversationId, hotelId, kind, clock) { TurnIndex = turn };

        events.Add(New(ConversationEventKind.CallStarted) with { Channel = _options.Channel, Language = _options.Language });
        var callDay = DateOnly.FromDateTime(startedAt.UtcDateTime);
        var arrival = callDay.AddDays(1 + (int)(StableHash(dialogue.DialogueId) % (uint)Math.Max(1, _options.MaxLeadDays)));
        string? previousAgentUtterance = null;
        using var scope = _capture.BeginScope();
        for (int index = 0; index < dialogue.Turns.Count; index++)
        {
            var turn = dialogue.Turns[index];
            var duration = TurnDuration(turn.Utterance);
            events.Add(New(ConversationEventKind.Turn, index) with { Speaker = turn.IsUser ? "user" : "agent", Text = turn.Utterance, Duration = duration });
            if (turn.HotelFrame is { } frame)
            {
                if (turn.IsUser)
                {
                    AddUserTurn(events, New, index, turn, frame, previousAgentUtterance);
                }
                else
                {
                    await AddAgentTurnAsync(events, New, index, frame, hotel, conversationId, (callDay, arrival), scope, cancellationToken).ConfigureAwait(false);
                }
            }

            previousAgentUtterance = turn.IsUser ? previousAgentUtterance : turn.Utterance;
            clock += duration;
        }

        events.Add(New(ConversationEventKind.CallEnded));
        await _store.AppendAsync(events, cancellationToken).ConfigureAwait(false);
        return events;
    }

    private void AddUserTurn(List<ConversationEvent> events, Func<ConversationEventKind, int?, ConversationEvent> create, int index, SgdTurn turn, SgdFrame frame, string? previousAgentUtterance)
    {
        if (frame.State is { } state)
        {
            var detected = _detector.Detect(turn.Utterance, previousAgentUtterance);
            events.Add(create(ConversationEventKind.IntentDetected, index) with { Intent = detected.Intent, Confidence = detected.Confidence });
            events.Add(create(ConversationEventKind.IntentConfirmed, index) with { Intent = state.ActiveIntent });
        }

        if (frame.Has("AFFIRM_INTENT"))
        {
            events.Add(create(ConversationEventKind.OfferAccepted, index));
        }

        if (frame.Has("NEGATE_INTENT"))
        {
            events.Add(create(ConversationEventKind.OfferDeclined, index));
        }
    }

    private async Task AddAgentTurnAsync(
        List<ConversationEvent> events,
        Func<ConversationEventKind, int?, ConversationEvent> create,
        int index,
        SgdFrame frame,
        IPmsConnector hotel,
        string conversationId,
        (DateOnly CallDay, DateOnly PlacedArrival) dates,
        PmsOperationScope scope,
        CancellationToken cancellationToken)
    {
        if (frame.ServiceCall is { } call)
        {
            var (arrival, departure) = StayOf(call, dates.CallDay, dates.PlacedArrival);
            switch (call.Method)
            {
                case "SearchHotel" or "SearchHouse":
                    await hotel.GetAvailabilityAsync(new AvailabilityRequest(arrival, departure) { RoomTypeIds = [_options.RoomTypeId] }, cancellationToken).ConfigureAwait(false);
                    await hotel.QuoteAsync(new QuoteRequest(arrival, departure, Adults: 1) { RoomTypeIds = [_options.RoomTypeId] }, cancellationToken).ConfigureAwait(false);
                    break;
                case "ReserveHotel" or "BookHouse":
                    // The recorded outcome picks the inventory asked for; whether it is booked is the PMS's answer.
                    bool succeeded = frame.Has("NOTIFY_SUCCESS");
                    string roomType = succeeded ? _options.RoomTypeId : _options.UnavailableRoomTypeId;
                    string ratePlan = succeeded ? _options.RatePlanId : _options.UnavailableRatePlanId ?? _options.RatePlanId;
                    var draft = new ReservationDraft(arrival, departure, roomType, ratePlan, new GuestProfile("Guest " + conversationId))
                    {
                        ClientReference = $"{conversationId}/{index.ToString(CultureInfo.InvariantCulture)}",
                    };
                    try
                    {
                        var reservation = await hotel.CreateReservationAsync(draft, cancellationToken).ConfigureAwait(false);
                        AddOperations(events, create, index, scope);
                        events.Add(create(ConversationEventKind.BookingMade, index) with
                        {
                            ReservationId = reservation.VendorId,
                            Amount = reservation.Total?.Amount,
                            Currency = reservation.Total?.Currency,
                        });
                    }
                    catch (PmsException ex)
                    {
                        AddOperations(events, create, index, scope);
                        events.Add(create(ConversationEventKind.BookingFailed, index) with { Outcome = PmsTelemetry.Outcome(ex, cancellationToken) });
                    }

                    break;
                default:
                    break;
            }

            AddOperations(events, create, index, scope);
        }

        foreach (var offer in frame.Actions.Where(a => string.Equals(a.Act, "OFFER_INTENT", StringComparison.Ordinal)))
        {
            events.Add(create(ConversationEventKind.OfferMade, index) with { Intent = offer.Values.FirstOrDefault() });
        }
    }

    private static void AddOperations(List<ConversationEvent> events, Func<ConversationEventKind, int?, ConversationEvent> create, int index, PmsOperationScope scope)
    {
        foreach (var operation in scope.Take())
        {
            events.Add(create(ConversationEventKind.PmsOperation, index) with
            {
                Operation = operation.Operation,
                Vendor = operation.Vendor,
                Outcome = operation.Outcome,
                Duration = operation.Duration,
            });
        }
    }

    private TimeSpan TurnDuration(string utterance)
    {
        int words = utterance.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return TimeSpan.FromSeconds(Math.Round(words / _options.WordsPerSecond, 1)) + _options.PausePerTurn;
    }

    private (DateOnly Arrival, DateOnly Departure) StayOf(SgdServiceCall call, DateOnly callDay, DateOnly placedArrival)
    {
        if (_options.StayDatesFromDialogue && RecordedDate(call, "check_in_date") is { } checkIn)
        {
            var arrival = callDay.AddDays(Math.Max(0, checkIn.DayNumber - SgdReplayOptions.DialogueDay.DayNumber));
            int nights = RecordedDate(call, "check_out_date") is { } checkOut && checkOut > checkIn
                ? Math.Min(checkOut.DayNumber - checkIn.DayNumber, 14)
                : Nights(call);
            return (arrival, arrival.AddDays(nights));
        }

        return (placedArrival, placedArrival.AddDays(Nights(call)));
    }

    private static DateOnly? RecordedDate(SgdServiceCall call, string slot) =>
        call.Parameters.TryGetValue(slot, out string? text) && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    private static int Nights(SgdServiceCall call)
    {
        foreach (string slot in (string[])["stay_length", "number_of_days"])
        {
            if (call.Parameters.TryGetValue(slot, out string? text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int nights))
            {
                return Math.Clamp(nights, 1, 14);
            }
        }

        return 1;
    }

    // FNV-1a: string.GetHashCode is randomised per process, and a stay date must not change between runs.
    private static uint StableHash(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        return hash;
    }
}
