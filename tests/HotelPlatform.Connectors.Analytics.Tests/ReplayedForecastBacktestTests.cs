using System.Globalization;
using HotelPlatform.Connectors.Analytics.Forecasting;
using HotelPlatform.Connectors.Analytics.Replay;

namespace HotelPlatform.Connectors.Analytics.Tests;

public sealed class ReplayedForecastBacktestTests
{
    private const int Seed = 2019;

    private static readonly Lazy<Task<ReplayedBacktest>> Seasonal = new(() => ReplayedBacktest.RunAsync(Seed, seasonal: true, CancellationToken.None));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_booking_the_dialogues_made_is_on_the_books_once_with_the_lead_time_its_check_in_date_gives()
    {
        _ = SgdDataset.TrainDialogues;
        var run = await Seasonal.Value;

        // From the annotations alone: each successful reservation call's lead time, check-in less SGD's dialogue day.
        var recordedLeads = run.Dialogues
            .SelectMany(d => d.Turns)
            .Select(t => t.HotelFrame)
            .Where(f => f?.ServiceCall is { Method: "ReserveHotel" or "BookHouse" } && f.Has("NOTIFY_SUCCESS"))
            .Select(f => DateOnly.ParseExact(f!.ServiceCall!.Parameters["check_in_date"], "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber - SgdReplayOptions.DialogueDay.DayNumber)
            .Order();
        var bookedLeads = run.History.Bookings.Select(b => b.Arrival.DayNumber - b.BookedOn.DayNumber).Order();

        Assert.Equal(recordedLeads, bookedLeads);
        Assert.Equal((0, 0), (run.History.Cancelled, run.History.WithoutCreationTime));
        Assert.All(run.History.Bookings, b => Assert.InRange(b.BookedOn, ReplayedBacktest.FirstDay, ReplayedBacktest.FirstDay.AddDays(ReplayedBacktest.WindowDays - 1)));
    }

    [Fact]
    public async Task The_replayed_backtest_is_deterministic_for_a_seed()
    {
        _ = SgdDataset.TrainDialogues;
        // Two replays of the same seeded draw (its first 400 calls: the whole corpus takes minutes and proves no more).
        var first = await ReplayedBacktest.RunAsync(Seed, seasonal: true, Ct, calls: 400);

        var again = await ReplayedBacktest.RunAsync(Seed, seasonal: true, Ct, calls: 400);

        Assert.NotEmpty(first.History.Bookings);
        Assert.Equal(first.Result, again.Result);
        Assert.Equal(first.History.Bookings, again.History.Bookings);
    }

    [Fact]
    public async Task On_replayed_calls_the_pickup_model_beats_seasonal_naive_by_the_twenty_percent_goal()
    {
        _ = SgdDataset.TrainDialogues;
        var run = await Seasonal.Value;
        TestContext.Current.TestOutputHelper?.WriteLine(Describe(run));

        Assert.True(run.Result.Forecasts > 0);
        Assert.True(run.Result.PickupMape < run.Result.SeasonalNaiveMape, Describe(run));
        Assert.True(run.Result.Improvement >= 0.2, Describe(run));
    }

    [Fact]
    public void Seeded_call_times_are_reproducible_in_order_inside_the_window_and_follow_the_season()
    {
        var first = new DateOnly(2027, 1, 4);
        var times = SgdCallSchedule.Spread(5000, first, 3 * 365, seed: 7);

        Assert.Equal(times, SgdCallSchedule.Spread(5000, first, 3 * 365, seed: 7));
        Assert.NotEqual(times, SgdCallSchedule.Spread(5000, first, 3 * 365, seed: 8));
        Assert.Equal(times.Order(), times);
        Assert.All(times, t => Assert.InRange(DateOnly.FromDateTime(t.UtcDateTime), first, first.AddDays((3 * 365) - 1)));
        Assert.All(times, t => Assert.InRange(t.TimeOfDay, TimeSpan.FromHours(8), TimeSpan.FromHours(20)));
        int summer = times.Count(t => t.Month is 6 or 7 or 8), winter = times.Count(t => t.Month is 12 or 1 or 2);
        Assert.True(summer > 1.4 * winter, $"summer {summer}, winter {winter}");
        var flat = SgdCallSchedule.Spread(5000, first, 3 * 365, seed: 7, seasonal: false);
        int flatSummer = flat.Count(t => t.Month is 6 or 7 or 8), flatWinter = flat.Count(t => t.Month is 12 or 1 or 2);
        Assert.InRange(flatSummer / (double)flatWinter, 0.9, 1.1);
    }

    [Fact]
    public void A_call_schedule_with_no_window_or_a_negative_count_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SgdCallSchedule.Spread(1, new DateOnly(2027, 1, 1), 0, seed: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SgdCallSchedule.Spread(-1, new DateOnly(2027, 1, 1), 10, seed: 1));
    }

    private static string Describe(ReplayedBacktest run) => string.Create(
        CultureInfo.InvariantCulture,
        $"bookings {run.History.Bookings.Count}, room nights {run.History.Bookings.Sum(b => b.Departure.DayNumber - b.Arrival.DayNumber)}, points {run.Result.Forecasts}, pickup MAPE {run.Result.PickupMape:P1}, seasonal-naive MAPE {run.Result.SeasonalNaiveMape:P1}, improvement {run.Result.Improvement:P1}, interval coverage {run.Result.IntervalCoverage:P1}");
}
