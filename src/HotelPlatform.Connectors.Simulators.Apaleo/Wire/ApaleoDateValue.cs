using System.Globalization;

namespace HotelPlatform.Connectors.Simulators.Apaleo.Wire;

/// <summary>
/// A value Apaleo documents as "either a pure date or a date and time (without fractional second part) in UTC or with
/// UTC offset as defined in ISO8601:2004" (booking-v1 <c>arrival</c>/<c>departure</c> of offers, bookings and amend).
/// </summary>
internal readonly record struct ApaleoDateValue
{
    private static readonly StrictDateTimeOffsetConverter DateTimes = new(allowFractionalSeconds: false);

    private ApaleoDateValue(DateOnly? date, DateTimeOffset? instant)
    {
        Date = date;
        Instant = instant;
    }

    /// <summary>Gets the pure date, when one was sent.</summary>
    public DateOnly? Date { get; }

    /// <summary>Gets the date-time, when one was sent.</summary>
    public DateTimeOffset? Instant { get; }

    /// <summary>What a valid value looks like, for refusal messages.</summary>
    public static string Expected => "a date (yyyy-MM-dd) or a date-time with an explicit offset and no fractional seconds";

    /// <summary>Parses the text.</summary>
    /// <param name="text">The value as sent.</param>
    /// <param name="value">The parsed value.</param>
    /// <returns><see langword="true"/> when the text is a pure date or a documented date-time.</returns>
    public static bool TryParse(string text, out ApaleoDateValue value)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
        {
            value = new ApaleoDateValue(date, null);
            return true;
        }

        if (DateTimes.TryParse(text, out DateTimeOffset instant))
        {
            value = new ApaleoDateValue(null, instant);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The calendar date at the property: the pure date, or the date-time converted to the property's zone.</summary>
    /// <param name="zone">The property's time zone.</param>
    /// <returns>The date.</returns>
    public DateOnly ToPropertyDate(TimeZoneInfo zone) =>
        Date ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Instant!.Value, zone).DateTime);
}
