namespace HotelPlatform.Connectors;

/// <summary>A hotel property at a vendor.</summary>
/// <param name="VendorId">The vendor's property identifier.</param>
/// <param name="Name">The property's name.</param>
/// <param name="TimeZone">The property's IANA time zone identifier, for example <c>Europe/Berlin</c>. "Today" at the property is today in this zone.</param>
/// <param name="Currency">The property's ISO 4217 currency.</param>
public sealed record PmsProperty(string VendorId, string Name, string TimeZone, string Currency)
{
    /// <summary>Gets the property's code, where the vendor has one distinct from its identifier.</summary>
    public string? Code { get; init; }

    /// <summary>Resolves <see cref="TimeZone"/>.</summary>
    /// <returns>The time zone.</returns>
    /// <exception cref="TimeZoneNotFoundException">The identifier is unknown on this machine.</exception>
    public TimeZoneInfo GetTimeZoneInfo() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>Gets the property's local date at <paramref name="instant"/>.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The calendar date in the property's time zone.</returns>
    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, GetTimeZoneInfo()).DateTime);
}
