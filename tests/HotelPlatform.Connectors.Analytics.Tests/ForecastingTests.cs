using HotelPlatform.Connectors.Analytics.Forecasting;

namespace HotelPlatform.Connectors.Analytics.Tests;

public sealed class ForecastingTests
{
    private static readonly DateOnly June10 = new(2030, 6, 10);

    [Fact]
    public void Booking_curves_count_each_night_of_a_stay_at_its_lead_and_ignore_bookings_made_after_the_books_date()
    {
        BookingRecord[] bookings =
        [
            new(June10.AddDays(-10), June10, June10.AddDays(2), Rooms: 2), // two nights, 10 and 11 days ahead
            new(June10.AddDays(-3), June10, June10.AddDays(1)),
            new(June10.AddDays(1), June10.AddDays(1), June10.AddDays(2)),  // booked after the books' date
        ];

        var curves = new BookingCurves(bookings, asOf: June10, maxLeadDays: 30);

        Assert.Equal([2, 2, 3, 3], new[] { curves.OnTheBooks(June10, 10), curves.OnTheBooks(June10, 4), curves.OnTheBooks(June10, 3), curves.Final(June10) });
        Assert.Equal([2, 2, 0], new[] { curves.OnTheBooks(June10.AddDays(1), 11), curves.Final(June10.AddDays(1)), curves.OnTheBooks(June10.AddDays(1), 12) });
        Assert.Equal(0, curves.Final(June10.AddDays(5)));
    }

    [Fact]
    public void The_same_seed_gives_the_same_history_and_another_seed_another()
    {
        var a = SyntheticDemandHistory.Generate(7, June10, 60, capacity: 100);
        var b = SyntheticDemandHistory.Generate(7, June10, 60, capacity: 100);
        var c = SyntheticDemandHistory.Generate(8, June10, 60, capacity: 100);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.All(a.GroupBy(x => x.Arrival), night => Assert.InRange(night.Count(), 1, 100));
    }

    [Fact]
    public void Forecasts_stay_between_the_books_and_capacity_with_the_point_inside_its_interval()
    {
        var history = SyntheticDemandHistory.Generate(11, June10.AddYears(-3), 3 * 365 + 90, capacity: 80);
        var curves = new BookingCurves(history, June10, maxLeadDays: 90);

        var forecasts = new PickupForecaster(curves, capacity: 80).Forecast(90);

        Assert.Equal(Enumerable.Range(1, 90).Select(h => June10.AddDays(h)), forecasts.Select(f => f.Night));
        Assert.All(forecasts, f =>
        {
            Assert.Equal(curves.OnTheBooks(f.Night, f.Night.DayNumber - June10.DayNumber), f.OnTheBooks);
            Assert.InRange(f.RoomNights, f.OnTheBooks, 80);
            Assert.InRange(f.RoomNights, f.Lower, f.Upper);
            Assert.InRange(f.Occupancy, 0, 1);
        });
        Assert.True(forecasts[0].Upper - forecasts[0].Lower < forecasts[^1].Upper - forecasts[^1].Lower, "the interval widens with the lead");
    }

    [Fact]
    public void A_forecast_horizon_beyond_the_tracked_lead_is_refused()
    {
        var curves = new BookingCurves([], June10, maxLeadDays: 30);

        Assert.Throws<ArgumentOutOfRangeException>(() => new PickupForecaster(curves, 10).Forecast(31));
    }

    [Fact]
    public void On_a_seeded_four_year_history_the_pickup_model_beats_seasonal_naive_by_at_least_twenty_percent_mape()
    {
        // Four years of nights: two for the model's seasonal pickup and intervals, then a year of weekly forecasts.
        var start = new DateOnly(2026, 1, 1);
        var history = SyntheticDemandHistory.Generate(20261, start, 4 * 365 + 120, capacity: 120);

        var result = ForecastBacktest.Run(history, capacity: 120, firstForecastDate: start.AddDays(3 * 365), forecastDates: 52, stepDays: 7, horizonDays: 90);

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"backtest: {result.Forecasts} points, pickup MAPE {result.PickupMape:P2}, seasonal-naive MAPE {result.SeasonalNaiveMape:P2}, improvement {result.Improvement:P1}, 80% interval coverage {result.IntervalCoverage:P1}");
        Assert.Equal(52 * 90, result.Forecasts);
        Assert.True(result.Improvement >= 0.20, $"improvement {result.Improvement:P1}");
        Assert.InRange(result.IntervalCoverage, 0.70, 0.90);
    }
}
