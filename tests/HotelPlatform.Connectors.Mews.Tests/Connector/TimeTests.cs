using HotelPlatform.Connectors.Mews.Mapping;

namespace HotelPlatform.Connectors.Mews.Tests.Connector;

/// <summary>Mews' dates are the enterprise's local midnights in UTC; the UTC value moves on daylight-saving days.</summary>
public sealed class TimeTests
{
    private static readonly TimeZoneInfo Prague = TimeZoneInfo.FindSystemTimeZoneById("Europe/Prague");

    [Theory]
    [InlineData("2025-03-29", "2025-03-28T23:00:00Z")] // before the spring change: UTC+1
    [InlineData("2025-03-30", "2025-03-29T23:00:00Z")] // the change day starts at 00:00 CET
    [InlineData("2025-03-31", "2025-03-30T22:00:00Z")] // after it: UTC+2
    [InlineData("2025-10-26", "2025-10-25T22:00:00Z")] // the autumn change day starts at 00:00 CEST
    [InlineData("2025-10-27", "2025-10-26T23:00:00Z")]
    public void Local_midnight_is_expressed_in_UTC_with_the_offset_of_that_day(string date, string expected)
    {
        var utc = MewsTime.ToUtc(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Prague);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), utc);
    }

    [Fact]
    public void A_midnight_skipped_by_daylight_saving_is_the_first_instant_of_the_day()
    {
        // America/Santiago moves from 00:00 to 01:00 on the first Sunday of September 2024.
        var santiago = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");

        var utc = MewsTime.ToUtc(new DateOnly(2024, 9, 8), santiago);

        Assert.Equal(new DateTimeOffset(2024, 9, 8, 4, 0, 0, TimeSpan.Zero), utc);
        Assert.Equal(new DateOnly(2024, 9, 8), MewsTime.ToLocalDate(utc, santiago));
    }

    [Fact]
    public void A_stay_over_the_spring_change_starts_and_ends_at_the_service_times()
    {
        var start = MewsTime.ToUtc(new DateOnly(2025, 3, 29), Prague, TimeSpan.FromHours(15));
        var end = MewsTime.ToUtc(new DateOnly(2025, 3, 31), Prague, TimeSpan.FromHours(12));

        Assert.Equal(new DateTimeOffset(2025, 3, 29, 14, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(new DateTimeOffset(2025, 3, 31, 10, 0, 0, TimeSpan.Zero), end);
        Assert.Equal(new DateOnly(2025, 3, 31), MewsTime.ToLocalDate(end, TimeSpan.FromHours(12), Prague));
    }

    [Fact]
    public void Seven_months_are_three_windows_of_at_most_three_months_that_touch()
    {
        var from = new DateTimeOffset(2025, 1, 10, 8, 30, 15, TimeSpan.Zero);
        var to = from.AddMonths(7).AddDays(3);

        var windows = MewsTime.Windows(from, to);

        Assert.Equal(3, windows.Count);
        Assert.Equal(from, windows[0].Start);
        Assert.Equal(to, windows[^1].End);
        Assert.All(windows, w => Assert.True(w.End <= w.Start.AddMonths(3)));
        Assert.All(windows.Skip(1).Zip(windows), pair => Assert.Equal(pair.Second.End, pair.First.Start));
    }

    [Fact]
    public void A_window_shorter_than_three_months_is_one_window_rounded_out_to_whole_seconds()
    {
        var from = new DateTimeOffset(2025, 1, 10, 8, 30, 15, 500, TimeSpan.Zero);
        var to = from.AddDays(2);

        var window = Assert.Single(MewsTime.Windows(from, to));

        Assert.Equal(new DateTimeOffset(2025, 1, 10, 8, 30, 15, TimeSpan.Zero), window.Start);
        Assert.Equal(new DateTimeOffset(2025, 1, 12, 8, 30, 16, TimeSpan.Zero), window.End);
    }

    [Theory]
    [InlineData("P0M0DT15H0M0S", 15)]
    [InlineData("PT14H", 14)]
    [InlineData("P0M0DT12H0M0S", 12)]
    public void Service_offsets_are_read_from_Mews_durations(string duration, int hours) =>
        Assert.Equal(TimeSpan.FromHours(hours), MewsTime.ParseDuration(duration));
}
