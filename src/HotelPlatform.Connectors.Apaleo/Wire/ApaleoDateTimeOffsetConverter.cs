using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HotelPlatform.Connectors.Apaleo.Wire;

/// <summary>
/// Apaleo's date-time format: every spec describes date-times as "a date and time (without fractional second part) in
/// UTC or with UTC offset as defined in ISO8601:2004" (booking-v1, inventory-v1, availability-v1). Writing therefore
/// truncates to whole seconds and always states the offset; reading is lenient because Apaleo's own examples carry
/// seven fractional digits (<c>booking.ReservationModel.example.json</c>: <c>"created": "2021-06-28T15:45:14.9289333+02:00"</c>).
/// </summary>
internal sealed class ApaleoDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    /// <summary>The format written for a value whose offset is not zero.</summary>
    private const string OffsetFormat = "yyyy-MM-dd'T'HH:mm:sszzz";

    /// <summary>The format written for a UTC value.</summary>
    private const string UtcFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>Formats an instant the way Apaleo documents it (also used for query parameters).</summary>
    /// <param name="value">The instant.</param>
    /// <returns>The text, for example <c>2021-06-30T17:00:00+02:00</c> or <c>2021-06-30T15:00:00Z</c>.</returns>
    public static string Format(DateTimeOffset value)
    {
        var whole = new DateTimeOffset(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), value.Offset);
        return whole.Offset == TimeSpan.Zero
            ? whole.ToString(UtcFormat, CultureInfo.InvariantCulture)
            : whole.ToString(OffsetFormat, CultureInfo.InvariantCulture);
    }

    /// <summary>Parses an Apaleo date-time; a value without an offset is taken as UTC, as the specs allow only UTC or an explicit offset.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The instant.</param>
    /// <returns><see langword="true"/> when the text is a date-time.</returns>
    public static bool TryParse(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
            out value);

    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected an ISO 8601 date-time string, found {reader.TokenType}.");
        }

        if (reader.TryGetDateTimeOffset(out var strict))
        {
            return strict;
        }

        return TryParse(reader.GetString(), out var lenient)
            ? lenient
            : throw new JsonException("The value is not an ISO 8601 date-time.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Format(value));
    }
}
