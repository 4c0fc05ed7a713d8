using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace HotelPlatform.Connectors.Simulators;

/// <summary>
/// Builds the <see cref="JsonSerializerOptions"/> a simulator reads requests with: nothing is guessed, so whatever a
/// connector sends that the vendor's documents do not describe is refused.
/// </summary>
public static class StrictJson
{
    /// <summary>
    /// Creates options that refuse unknown members, missing <see langword="required"/> members, <see langword="null"/>
    /// for non-nullable members, duplicate properties, numbers in strings, comments, trailing commas, case-insensitive
    /// names, and enum values that are not exactly a declared name (integers included).
    /// </summary>
    /// <param name="namingPolicy">The vendor's property naming (<see cref="JsonNamingPolicy.CamelCase"/> for camelCase, <see langword="null"/> for names as written); <c>[JsonPropertyName]</c> wins over it.</param>
    /// <param name="enumNamingPolicy">How enum members are spelled on the wire; <c>[JsonStringEnumMemberName]</c> wins over it. As declared when omitted.</param>
    /// <returns>New, still mutable options: add vendor converters, then use them for every read.</returns>
    public static JsonSerializerOptions CreateOptions(JsonNamingPolicy? namingPolicy, JsonNamingPolicy? enumNamingPolicy = null)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = namingPolicy,
            PropertyNameCaseInsensitive = false,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            AllowDuplicateProperties = false,
            NumberHandling = JsonNumberHandling.Strict,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new StrictEnumConverterFactory(enumNamingPolicy));
        return options;
    }

    /// <summary>
    /// Creates options for a form body read by <see cref="FormBodyReader{T}"/>: as strict as <see cref="CreateOptions"/>,
    /// except that numbers and the booleans <c>true</c>/<c>false</c> are read from the strings every form leaf is.
    /// </summary>
    /// <param name="namingPolicy">The vendor's field naming; <see langword="null"/> for names as written (such as <c>roomTypeID</c>).</param>
    /// <param name="enumNamingPolicy">How enum members are spelled; as declared when omitted.</param>
    /// <returns>New, still mutable options.</returns>
    public static JsonSerializerOptions CreateFormOptions(JsonNamingPolicy? namingPolicy, JsonNamingPolicy? enumNamingPolicy = null)
    {
        JsonSerializerOptions options = CreateOptions(namingPolicy, enumNamingPolicy);
        options.NumberHandling = JsonNumberHandling.AllowReadingFromString;
        options.Converters.Add(new FormBooleanConverter());
        return options;
    }

    /// <summary>
    /// Turns a <see cref="JsonException"/> thrown while reading with strict options into a violation naming the member:
    /// the path System.Text.Json reports, or for missing required members the first missing name. For vendors that read
    /// a part of a body themselves (a JSON Patch <c>value</c>, a form field holding JSON).
    /// </summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The violation, its member a JSON path relative to what was read (<c>$</c> for its root).</returns>
    public static ValidationViolation Describe(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return StrictJsonReader.Describe(exception);
    }

    /// <summary>Reads <c>true</c>/<c>false</c> from a form's string leaf (exactly those words) or from a JSON boolean.</summary>
    private sealed class FormBooleanConverter : JsonConverter<bool>
    {
        public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.String when reader.ValueTextEquals("true"u8) => true,
            JsonTokenType.String when reader.ValueTextEquals("false"u8) => false,
            _ => throw new JsonException($"The value must be true or false, not {(reader.TokenType == JsonTokenType.String ? $"'{reader.GetString()}'" : reader.TokenType.ToString())}."),
        };

        public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteBooleanValue(value);
        }
    }
}
