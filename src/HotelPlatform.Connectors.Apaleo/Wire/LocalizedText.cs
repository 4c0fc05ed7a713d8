using System.Text.Json;
using System.Text.Json.Serialization;

namespace HotelPlatform.Connectors.Apaleo.Wire;

/// <summary>
/// A text Apaleo returns per language. Single-entity models declare it as an object of language code to text
/// (inventory-v1 <c>PropertyModel.name</c>: <c>{"en": "Demo Hotel Munich", "de": "Demo Hotel München"}</c>), while list
/// items of the same entity carry a plain string (<c>PropertyItemModel.name</c>); the converter accepts both so a
/// model can be read whichever shape the server chose.
/// </summary>
[JsonConverter(typeof(LocalizedTextConverter))]
internal sealed class LocalizedText
{
    /// <summary>The key used for a text that came as a plain string, without a language.</summary>
    public const string Invariant = "";

    public LocalizedText(IReadOnlyDictionary<string, string?> values) => Values = values;

    /// <summary>Gets the texts by two-letter language code (ISO 639-1), or under <see cref="Invariant"/>.</summary>
    public IReadOnlyDictionary<string, string?> Values { get; }

    /// <summary>Picks the text in <paramref name="preferredLanguage"/>, else English, else the first non-empty one.</summary>
    /// <param name="preferredLanguage">The language to prefer, or <see langword="null"/>.</param>
    /// <returns>The text, or <see langword="null"/> when there is none.</returns>
    public string? Resolve(string? preferredLanguage)
    {
        foreach (var language in new[] { preferredLanguage, "en", Invariant })
        {
            if (language is not null && Values.TryGetValue(language, out var text) && !string.IsNullOrWhiteSpace(text))
            {
                return text;
            }
        }

        return Values.Values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
    }
}

/// <summary>Reads <see cref="LocalizedText"/> from an object of language to text or from a plain string.</summary>
internal sealed class LocalizedTextConverter : JsonConverter<LocalizedText>
{
    /// <inheritdoc />
    public override LocalizedText? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return new LocalizedText(new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { [LocalizedText.Invariant] = reader.GetString() });

            case JsonTokenType.StartObject:
                var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var language = reader.GetString() ?? string.Empty;
                    reader.Read();
                    values[language] = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
                }

                return new LocalizedText(values);

            default:
                throw new JsonException($"Expected a string or an object of language to text, found {reader.TokenType}.");
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, LocalizedText value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        foreach (var (language, text) in value.Values)
        {
            writer.WriteString(language, text);
        }

        writer.WriteEndObject();
    }
}
