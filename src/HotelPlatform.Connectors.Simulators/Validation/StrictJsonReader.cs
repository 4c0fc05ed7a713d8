using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace HotelPlatform.Connectors.Simulators;

/// <summary>Deserializes with strict options and turns every refusal into <see cref="ValidationViolation"/>s naming the member.</summary>
internal static partial class StrictJsonReader
{
    public static (T? Value, List<ValidationViolation> Violations) Deserialize<T>(ReadOnlySpan<byte> utf8Json, JsonTypeInfo<T> typeInfo)
    {
        var violations = new List<ValidationViolation>();
        if (utf8Json.IsEmpty)
        {
            violations.Add(new("$", "A JSON body is required."));
            return (default, violations);
        }

        T? value;
        try
        {
            value = JsonSerializer.Deserialize(utf8Json, typeInfo);
        }
        catch (JsonException ex)
        {
            violations.Add(Describe(ex));
            return (default, violations);
        }

        if (value is null)
        {
            violations.Add(new("$", $"The body must be a JSON value of {typeof(T).Name}, not null."));
            return (default, violations);
        }

        if (value is IValidatableWireModel validatable)
        {
            violations.AddRange(validatable.Validate("$"));
        }

        return (value, violations);
    }

    /// <summary>Names the member System.Text.Json refused: the path it reports, or for missing required members the first missing name.</summary>
    internal static ValidationViolation Describe(JsonException ex)
    {
        string path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;

        // System.Text.Json appends " Path: $.x | LineNumber: ..." to its own messages; the path is reported separately.
        string message = ex.Message;
        int suffix = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (suffix > 0)
        {
            message = message[..suffix];
        }

        Match missing = MissingRequired().Match(message);
        if (missing.Success)
        {
            // "was missing required properties including: 'booker', 'reservations'." is reported at the object's path.
            var names = QuotedName().Matches(missing.Groups["names"].Value).Select(m => m.Groups[1].Value).ToList();
            if (names.Count > 0)
            {
                return new($"{path}.{names[0]}", names.Count == 1
                    ? $"The required member '{names[0]}' is missing."
                    : $"The required members {string.Join(", ", names.Select(n => $"'{n}'"))} are missing.");
            }
        }

        if (ex.InnerException is FormatException or InvalidOperationException && !string.IsNullOrEmpty(ex.InnerException.Message) && message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            message = $"{message} ({ex.InnerException.Message})";
        }

        return new(path, message);
    }

    [GeneratedRegex("missing required properties including: (?<names>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex MissingRequired();

    [GeneratedRegex("'([^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedName();
}
