namespace HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;

internal static class Zones
{
    /// <summary>Gets Europe/Berlin, the zone of Apaleo's demo properties (MUC, BER).</summary>
    public static TimeZoneInfo Berlin { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
}
