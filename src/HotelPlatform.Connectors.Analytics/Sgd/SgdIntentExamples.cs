namespace HotelPlatform.Connectors.Analytics.Sgd;

/// <summary>The labelled user turns of SGD dialogues: every user turn with a hotel frame, labelled with its gold active intent.</summary>
public static class SgdIntentExamples
{
    /// <summary>Extracts the examples.</summary>
    /// <param name="dialogues">The dialogues.</param>
    /// <returns>One example per user turn with a hotel frame, with the system utterance before it as context.</returns>
    public static IEnumerable<LabeledUtterance> From(IEnumerable<SgdDialogue> dialogues)
    {
        ArgumentNullException.ThrowIfNull(dialogues);
        foreach (var dialogue in dialogues)
        {
            string? previous = null;
            foreach (var turn in dialogue.Turns)
            {
                if (turn.IsUser && turn.HotelFrame?.State is { } state)
                {
                    yield return new LabeledUtterance(turn.Utterance, previous, state.ActiveIntent);
                }

                previous = turn.IsUser ? previous : turn.Utterance;
            }
        }
    }
}
