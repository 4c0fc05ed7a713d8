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
    /// <param name="namingPolicy">The vendor's property naming (<see cref="JsonNamingPolicy.CamelCase"/> for Apaleo, <see langword="null"/> for PascalCase as written); <c>[JsonPropertyName]</c> wins over it.</param>
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
}
