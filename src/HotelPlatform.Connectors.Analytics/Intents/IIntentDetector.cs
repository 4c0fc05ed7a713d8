namespace HotelPlatform.Connectors.Analytics;

/// <summary>Classifies what a guest wants from one utterance (and the agent's utterance before it, for context).</summary>
public interface IIntentDetector
{
    /// <summary>Detects the intent of a user utterance.</summary>
    /// <param name="utterance">What the guest said.</param>
    /// <param name="previousAgentUtterance">What the agent said just before, or <see langword="null"/> at the start.</param>
    /// <returns>The intent and the detector's confidence.</returns>
    IntentPrediction Detect(string utterance, string? previousAgentUtterance = null);
}

/// <summary>A detected intent.</summary>
/// <param name="Intent">The intent label.</param>
/// <param name="Confidence">The detector's probability for it, in [0, 1].</param>
public readonly record struct IntentPrediction(string Intent, double Confidence);

/// <summary>A user utterance with its reviewed (gold) intent, to train or score a detector.</summary>
/// <param name="Text">What the guest said.</param>
/// <param name="PreviousAgentUtterance">What the agent said just before, or <see langword="null"/>.</param>
/// <param name="Intent">The gold intent.</param>
public sealed record LabeledUtterance(string Text, string? PreviousAgentUtterance, string Intent);
