using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HotelPlatform.Connectors.Mews.Wire;

/// <summary>
/// Writes instants as Mews asks (guidelines/serialization.md: "UTC ISO 8601 <c>YYYY-MM-DDThh:mm:ssZ</c>") and reads any
/// ISO 8601 instant Mews sends (it also sends fractional seconds, as its availability example shows).
/// </summary>
internal sealed class MewsUtcConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }
}
