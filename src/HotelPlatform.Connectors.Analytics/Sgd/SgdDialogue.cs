using System.Text.Json;
using System.Text.Json.Serialization;

namespace HotelPlatform.Connectors.Analytics.Sgd;

/// <summary>One Schema-Guided Dialogue conversation, in the dataset's own shape (only the fields the replay reads).</summary>
/// <param name="DialogueId">The dataset's id, such as <c>6_00032</c>.</param>
/// <param name="Services">The services the dialogue uses (<c>Hotels_4</c>, <c>Restaurants_1</c>, ...).</param>
/// <param name="Turns">The turns, user and system alternating.</param>
public sealed record SgdDialogue(
    [property: JsonPropertyName("dialogue_id")] string DialogueId,
    [property: JsonPropertyName("services")] IReadOnlyList<string> Services,
    [property: JsonPropertyName("turns")] IReadOnlyList<SgdTurn> Turns);

/// <summary>One turn of a dialogue.</summary>
/// <param name="Speaker"><c>USER</c> or <c>SYSTEM</c>.</param>
/// <param name="Utterance">What was said.</param>
/// <param name="Frames">One frame per service the turn touches.</param>
public sealed record SgdTurn(
    [property: JsonPropertyName("speaker")] string Speaker,
    [property: JsonPropertyName("utterance")] string Utterance,
    [property: JsonPropertyName("frames")] IReadOnlyList<SgdFrame> Frames)
{
    /// <summary>Gets a value indicating whether the user spoke.</summary>
    [JsonIgnore]
    public bool IsUser => string.Equals(Speaker, "USER", StringComparison.Ordinal);

    /// <summary>Gets the turn's frame of a hotel service (<c>Hotels_*</c>), if it has one.</summary>
    [JsonIgnore]
    public SgdFrame? HotelFrame => Frames.FirstOrDefault(f => f.IsHotelService);
}

/// <summary>What one turn did in one service.</summary>
/// <param name="Service">The service, such as <c>Hotels_4</c>.</param>
/// <param name="Actions">The dialogue acts.</param>
/// <param name="State">For user turns, the dialogue state with the gold active intent.</param>
/// <param name="ServiceCall">For system turns that called the backend, the call.</param>
public sealed record SgdFrame(
    [property: JsonPropertyName("service")] string Service,
    [property: JsonPropertyName("actions")] IReadOnlyList<SgdAction> Actions,
    [property: JsonPropertyName("state")] SgdState? State,
    [property: JsonPropertyName("service_call")] SgdServiceCall? ServiceCall)
{
    /// <summary>Gets a value indicating whether the frame belongs to a hotel service.</summary>
    [JsonIgnore]
    public bool IsHotelService => Service.StartsWith("Hotels_", StringComparison.Ordinal);

    /// <summary>Returns whether the frame has an action with the act.</summary>
    /// <param name="act">The act, such as <c>NOTIFY_SUCCESS</c>.</param>
    /// <returns>Whether it does.</returns>
    public bool Has(string act) => Actions.Any(a => string.Equals(a.Act, act, StringComparison.Ordinal));
}

/// <summary>One dialogue act.</summary>
/// <param name="Act">The act, such as <c>OFFER_INTENT</c>.</param>
/// <param name="Slot">The slot it is about, if any.</param>
/// <param name="Values">The slot's values.</param>
public sealed record SgdAction(
    [property: JsonPropertyName("act")] string Act,
    [property: JsonPropertyName("slot")] string? Slot,
    [property: JsonPropertyName("values")] IReadOnlyList<string> Values);

/// <summary>A user turn's dialogue state.</summary>
/// <param name="ActiveIntent">The gold intent: <c>SearchHotel</c>, <c>ReserveHotel</c>, <c>SearchHouse</c>, <c>BookHouse</c> or <c>NONE</c>.</param>
public sealed record SgdState([property: JsonPropertyName("active_intent")] string ActiveIntent);

/// <summary>A backend call the assistant made.</summary>
/// <param name="Method">The method, such as <c>SearchHotel</c> or <c>ReserveHotel</c>.</param>
/// <param name="Parameters">Its parameters, as the dataset gives them (strings).</param>
public sealed record SgdServiceCall(
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("parameters")] IReadOnlyDictionary<string, string> Parameters);

/// <summary>Reads a split's <c>dialogues.json</c> (one JSON array), one dialogue at a time, never the whole file at once.</summary>
public static class SgdDialogueReader
{
    /// <summary>Streams the dialogues of a file.</summary>
    /// <param name="path">The path of a <c>dialogues.json</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The dialogues, in file order.</returns>
    public static async IAsyncEnumerable<SgdDialogue> ReadAsync(string path, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            await foreach (var dialogue in JsonSerializer.DeserializeAsyncEnumerable(stream, SgdJsonContext.Default.SgdDialogue, cancellationToken).ConfigureAwait(false))
            {
                if (dialogue is not null)
                {
                    yield return dialogue;
                }
            }
        }
    }

    /// <summary>Reads every dialogue of a file into a list.</summary>
    /// <param name="path">The path of a <c>dialogues.json</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The dialogues, in file order.</returns>
    public static async Task<IReadOnlyList<SgdDialogue>> ReadAllAsync(string path, CancellationToken cancellationToken = default)
    {
        var all = new List<SgdDialogue>();
        await foreach (var dialogue in ReadAsync(path, cancellationToken).ConfigureAwait(false))
        {
            all.Add(dialogue);
        }

        return all;
    }
}

[JsonSerializable(typeof(SgdDialogue))]
internal sealed partial class SgdJsonContext : JsonSerializerContext;
