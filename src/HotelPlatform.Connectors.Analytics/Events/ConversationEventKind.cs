namespace HotelPlatform.Connectors.Analytics;

/// <summary>What happened in a conversation; stored by name, so values can be added but never renamed.</summary>
public enum ConversationEventKind
{
    /// <summary>The call (or chat) started: hotel, channel and language are set.</summary>
    CallStarted = 0,

    /// <summary>The call ended.</summary>
    CallEnded,

    /// <summary>One speaker's turn: speaker, text, the turn's index and duration.</summary>
    Turn,

    /// <summary>The agent's intent detector classified a user turn: intent and confidence.</summary>
    IntentDetected,

    /// <summary>The reviewed (or gold) intent of a user turn, against which detection is scored.</summary>
    IntentConfirmed,

    /// <summary>A PMS operation the agent made: operation, vendor, latency and outcome from the SDK's telemetry.</summary>
    PmsOperation,

    /// <summary>The agent offered a follow-on action (an upsell, a booking after a search).</summary>
    OfferMade,

    /// <summary>The guest accepted the last offer.</summary>
    OfferAccepted,

    /// <summary>The guest declined the last offer.</summary>
    OfferDeclined,

    /// <summary>A booking was made: value, currency and reservation id.</summary>
    BookingMade,

    /// <summary>A booking was attempted and the PMS refused it: the outcome says why.</summary>
    BookingFailed,

    /// <summary>The call was handed over to staff.</summary>
    TransferredToStaff,

    /// <summary>The guest answered a post-call survey: the score.</summary>
    SurveyScored,
}
