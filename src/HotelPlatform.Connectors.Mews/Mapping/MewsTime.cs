using System.Xml;

namespace HotelPlatform.Connectors.Mews.Mapping;

/// <summary>
/// Mews' time rules (guidelines/serialization.md, concepts/time-units.md): every instant is UTC; a date is the
/// enterprise's local midnight expressed in UTC, so its UTC value moves with the enterprise's daylight-saving time; a
/// time-interval filter spans at most 3 months ("max length 3 months" in reservations/getAll), so a longer one is split.
/// </summary>
internal static class MewsTime
{
    /// <summary>The longest time-interval filter Mews accepts.</summary>
    public static readonly int MaxIntervalMonths = 3;

    /// <summary>
    /// The UTC instant of <paramref name="date"/> at <paramref name="offset"/> local time (midnight when zero) in
    /// <paramref name="zone"/>. On a day whose midnight does not exist (a spring-forward at 00:00) it is the first local
    /// instant that exists; when it exists twice (a fall-back at 00:00), the first.
    /// </summary>
    public static DateTimeOffset ToUtc(DateOnly date, TimeZoneInfo zone, TimeSpan offset = default)
    {
        var local = date.ToDateTime(TimeOnly.MinValue).Add(offset);
        while (zone.IsInvalidTime(local))
        {
            // Skipped by a spring-forward: the first minute that exists.
            local = local.AddMinutes(1);
        }

        var utcOffset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, utcOffset).ToUniversalTime();
    }

    /// <summary>The local date of an instant in the enterprise's zone.</summary>
    public static DateOnly ToLocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The local date of a service's start or end instant: the instant minus the service's offset from its time unit's boundary.</summary>
    public static DateOnly ToLocalDate(DateTimeOffset instant, TimeSpan serviceOffset, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime.Subtract(serviceOffset));

    /// <summary>Reads an ISO 8601 duration as Mews writes them (<c>P0M0DT15H0M0S</c>, <c>PT14H</c>).</summary>
    public static TimeSpan ParseDuration(string? duration) =>
        string.IsNullOrWhiteSpace(duration) ? TimeSpan.Zero : XmlConvert.ToTimeSpan(duration.Replace("P0M", "P", StringComparison.Ordinal).Replace("P0Y", "P", StringComparison.Ordinal));

    /// <summary>
    /// Splits <c>[from, to]</c> into consecutive windows of at most <see cref="MaxIntervalMonths"/> months each, in order.
    /// Mews writes instants to the second and its intervals are inclusive, so neighbouring windows share their boundary
    /// second (nothing falls between two windows); the caller drops an item a second window returns again.
    /// </summary>
    public static IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> Windows(DateTimeOffset from, DateTimeOffset to)
    {
        var windows = new List<(DateTimeOffset, DateTimeOffset)>();
        var start = FloorToSecond(from);
        do
        {
            var limit = start.AddMonths(MaxIntervalMonths);
            var end = limit < to ? limit : CeilingToSecond(to);
            windows.Add((start, end));
            start = end;
        }
        while (start < to);

        return windows;
    }

    private static DateTimeOffset FloorToSecond(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static DateTimeOffset CeilingToSecond(DateTimeOffset instant)
    {
        var floor = FloorToSecond(instant);
        return floor.UtcTicks == instant.UtcTicks ? floor : floor.AddSeconds(1);
    }
}
