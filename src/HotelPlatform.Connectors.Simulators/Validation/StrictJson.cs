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
}
