using System.Runtime.CompilerServices;
using HotelPlatform.Connectors.Analytics.Reports;
using Microsoft.Extensions.Time.Testing;

namespace HotelPlatform.Connectors.Analytics.Tests.Reports;

public sealed class ReportCatalogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_metric_becomes_a_report_by_adding_one_adapter()
    {
        using var store = await SampleStore.CreateAsync(Ct);
        var catalog = ReportCatalog.CreateDefault().Add(new ReportSource(
            "booked-calls",
            "Booked calls",
            [new("hotel", "Hotel", ReportColumnKind.Text), new("booked", "Booked", ReportColumnKind.Integer)],
            (s, filter, ct) => BookedPerHotelAsync(s, filter, ct),
            new ReportChart(ReportChartKind.Bar, "hotel", ["booked"])));

        var rows = await catalog.Open("booked-calls", store, AnalyticsFilter.All).Rows.ToListAsync(Ct);

        Assert.Equal([["berlin", 2L]], rows.Select(r => r.ToArray()));
    }

    [Fact]
    public void A_report_name_must_be_unique_and_fit_a_url()
    {
        var catalog = ReportCatalog.CreateDefault();
        var columns = new ReportColumn[] { new("x", "X", ReportColumnKind.Text) };

        Assert.Throws<ArgumentException>(() => catalog.Add(new ReportSource("funnel", "Again", columns, (_, _, _) => AsyncEnumerable.Empty<IReadOnlyList<object?>>())));
        Assert.Throws<ArgumentException>(() => catalog.Add(new ReportSource("Funnel 2", "Spaces", columns, (_, _, _) => AsyncEnumerable.Empty<IReadOnlyList<object?>>())));
        Assert.Throws<KeyNotFoundException>(() => catalog.Open("no-such-report", new DuckDbConversationEventStore(), AnalyticsFilter.All));
    }

    [Fact]
    public void A_chart_must_name_columns_the_report_has()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Report(
            "r", "R", AnalyticsFilter.All, [new("day", "Day", ReportColumnKind.Date)], AsyncEnumerable.Empty<IReadOnlyList<object?>>(),
            new ReportChart(ReportChartKind.Line, "day", ["calls"])));

        Assert.Contains("'calls'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_daily_trend_has_one_row_per_day_whose_calls_add_up_to_the_summary()
    {
        using var store = await SampleStore.CreateAsync(Ct);
        var time = new FakeTimeProvider(SampleStore.Day.AddDays(3));
        var catalog = ReportCatalog.CreateDefault(time);

        var trend = await catalog.Open("daily-trend", store, AnalyticsFilter.All).Rows.ToListAsync(Ct);
        var metrics = await store.GetConversationMetricsAsync(AnalyticsFilter.All, Ct);

        Assert.Equal(ConversationReports.DefaultTrendDays, trend.Count);
        Assert.Equal(DateOnly.FromDateTime(SampleStore.Day.AddDays(3).UtcDateTime), trend[^1][0]);
        Assert.Equal(metrics.Calls, trend.Sum(r => (long)r[1]!));
        Assert.Equal(metrics.Completed, trend.Sum(r => (long)r[2]!));
        var day = trend.Single(r => (long)r[1]! > 0);
        Assert.Equal((DateOnly.FromDateTime(SampleStore.Day.UtcDateTime), 0.5), ((DateOnly)day[0]!, (double)day[4]!));
    }

    [Fact]
    public async Task A_trend_longer_than_a_year_is_refused_before_any_query()
    {
        using var store = new DuckDbConversationEventStore();
        var filter = new AnalyticsFilter { From = SampleStore.Day.AddYears(-2), To = SampleStore.Day };

        var ex = await Assert.ThrowsAsync<ArgumentException>(async () => await ReportCatalog.CreateDefault().Open("daily-trend", store, filter).Rows.ToListAsync(Ct));

        Assert.Contains("at most 366 days", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hotel_filter_narrows_every_report_to_that_hotels_calls()
    {
        using var store = await SampleStore.CreateAsync(Ct);
        var catalog = ReportCatalog.CreateDefault();

        var outcomes = await catalog.Open("outcomes", store, new AnalyticsFilter { HotelId = "tokyo" }).Rows.ToListAsync(Ct);
        var events = await catalog.Open("events", store, new AnalyticsFilter { HotelId = "tokyo" }).Rows.ToListAsync(Ct);

        Assert.Equal([0L, 1L, 1L], outcomes.Select(r => (long)r[1]!));
        Assert.All(events, e => Assert.Equal("tokyo", e[2]));
    }

    private static async IAsyncEnumerable<IReadOnlyList<object?>> BookedPerHotelAsync(IConversationEventStore store, AnalyticsFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        var booked = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var e in store.ReadEventsAsync(filter, ct))
        {
            if (e.Kind == ConversationEventKind.BookingMade)
            {
                booked[e.HotelId] = booked.GetValueOrDefault(e.HotelId) + 1;
            }
        }

        foreach (var (hotel, count) in booked)
        {
            yield return [hotel, count];
        }
    }
}
