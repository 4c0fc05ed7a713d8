using HotelPlatform.Connectors.Apaleo.Wire;

namespace HotelPlatform.Connectors.Apaleo.Mapping;

/// <summary>Conversions every Apaleo mapper needs: money, the calendar day of an Apaleo date-time, local midnight.</summary>
internal static class ApaleoValues
{
    /// <summary>Turns an Apaleo amount into <see cref="Money"/>.</summary>
    /// <param name="value">The amount.</param>
    /// <returns>The money.</returns>
    /// <exception cref="PmsException">Apaleo sent a currency that is not an active ISO 4217 code.</exception>
    public static Money ToMoney(MonetaryValueModel value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return ToMoney(value.Amount, value.Currency);
    }

    /// <summary>Turns an amount and currency Apaleo sent into <see cref="Money"/>.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="currency">The currency.</param>
    /// <returns>The money.</returns>
    /// <exception cref="PmsException">The currency is not an active ISO 4217 code: a vendor answer the model cannot hold, not a caller mistake.</exception>
    public static Money ToMoney(decimal amount, string? currency) =>
        CurrencyCodes.IsKnown(currency)
            ? new Money(amount, currency!)
            : throw new PmsException($"Apaleo returned an amount in '{currency}', which is not an active ISO 4217 currency code.") { Vendor = PmsVendors.Apaleo };

    /// <summary>
    /// The calendar day an Apaleo date-time stands for. Apaleo writes arrival, departure and time-slice bounds in the
    /// property's own offset (<c>"arrival": "2021-06-30T17:00:00+02:00"</c> in every booking example), so without a
    /// zone the date as written is the property's date; with the property's zone the instant is converted first, which
    /// also covers an answer given in UTC.
    /// </summary>
    /// <param name="value">The date-time.</param>
    /// <param name="propertyZone">The property's time zone, when known.</param>
    /// <returns>The property-local date.</returns>
    public static DateOnly ToPropertyDate(DateTimeOffset value, TimeZoneInfo? propertyZone) =>
        DateOnly.FromDateTime(propertyZone is null ? value.DateTime : TimeZoneInfo.ConvertTime(value, propertyZone).DateTime);

    /// <summary>The instant a property-local day starts (local midnight, or the first valid time after a daylight-saving gap).</summary>
    /// <param name="day">The day.</param>
    /// <param name="propertyZone">The property's time zone.</param>
    /// <returns>The instant, carrying the zone's offset at that moment.</returns>
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo propertyZone)
    {
        ArgumentNullException.ThrowIfNull(propertyZone);
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (propertyZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(local, propertyZone.GetUtcOffset(local));
    }

    /// <summary>Returns the first text that is not empty or white space.</summary>
    /// <param name="candidates">The candidates, in order of preference.</param>
    /// <returns>The text, or <see langword="null"/>.</returns>
    public static string? FirstText(params string?[] candidates) =>
        candidates.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c));
}
