using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HotelPlatform.Connectors.Simulators;

/// <summary>
/// Reads ISO 8601 date-times that carry an explicit UTC offset (<c>Z</c> or <c>+01:00</c>); the built-in converter would
/// silently assume the server's local zone for <c>2024-05-01T10:00:00</c>. Writes with the offset, without fractions when there are none.
/// </summary>
public class StrictDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    private static readonly string[] WholeSecondFormats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK"];
    private static readonly string[] FractionFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    /// <summary>Initializes a new instance of the <see cref="StrictDateTimeOffsetConverter"/> class that accepts fractional seconds.</summary>
    public StrictDateTimeOffsetConverter()
        : this(allowFractionalSeconds: true)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="StrictDateTimeOffsetConverter"/> class.</summary>
    /// <param name="allowFractionalSeconds"><see langword="false"/> for vendors that document date-times "without fractional second part".</param>
    public StrictDateTimeOffsetConverter(bool allowFractionalSeconds)
    {
        AllowFractionalSeconds = allowFractionalSeconds;
    }

    /// <summary>Gets a value indicating whether fractional seconds are accepted.</summary>
    public bool AllowFractionalSeconds { get; }

    /// <summary>Parses a date-time with the rules of this converter.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The parsed value.</param>
    /// <returns><see langword="true"/> when the text is a valid date-time with an explicit offset.</returns>
    public bool TryParse(string text, out DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = default;
        bool hasOffset = text.EndsWith('Z') || (text.Length > 6 && (text[^6] is '+' or '-') && text[^3] == ':');
        return hasOffset
            && (DateTimeOffset.TryParseExact(text, WholeSecondFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
                || (AllowFractionalSeconds && DateTimeOffset.TryParseExact(text, FractionFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value)));
    }

    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected an ISO 8601 date-time string, not {reader.TokenType}.");
        }

        string text = reader.GetString()!;
        return TryParse(text, out DateTimeOffset value)
            ? value
            : throw new JsonException($"'{text}' is not an ISO 8601 date-time with an explicit offset{(AllowFractionalSeconds ? string.Empty : " and without fractional seconds")} (for example 2024-05-01T10:00:00Z).");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        string format = value.Ticks % TimeSpan.TicksPerSecond == 0 || !AllowFractionalSeconds ? "yyyy-MM-dd'T'HH:mm:ssK" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK";
        writer.WriteStringValue(value.ToString(format, CultureInfo.InvariantCulture));
    }
}
