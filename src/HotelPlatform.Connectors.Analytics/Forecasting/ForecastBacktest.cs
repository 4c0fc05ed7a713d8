namespace HotelPlatform.Connectors.Analytics.Forecasting;

/// <summary>The outcome of a backtest.</summary>
/// <param name="Forecasts">Forecast points scored (forecast dates × horizons with a non-zero actual).</param>
/// <param name="PickupMape">The pickup model's mean absolute percentage error.</param>
/// <param name="SeasonalNaiveMape">The seasonal-naive baseline's (the same weekday 52 weeks before).</param>
/// <param name="IntervalCoverage">The share of actuals inside the pickup model's prediction interval.</param>
public sealed record BacktestResult(int Forecasts, double PickupMape, double SeasonalNaiveMape, double IntervalCoverage)
{
    /// <summary>Gets how much lower the pickup model's MAPE is than the baseline's: 0.2 = 20 % better.</summary>
    public double Improvement => 1 - (PickupMape / SeasonalNaiveMape);
}

/// <summary>
/// Replays history: on each forecast date, reads the books as they were that day, forecasts every night up to the horizon
/// with <see cref="PickupForecaster"/> and with seasonal-naive, and scores both against what the nights finally held.
/// </summary>
public static class ForecastBacktest
{
    /// <summary>Runs the backtest.</summary>
    /// <param name="bookings">The full history.</param>
    /// <param name="capacity">Rooms for sale.</param>
    /// <param name="firstForecastDate">The first forecast date; needs two years of history before it for the intervals.</param>
    /// <param name="forecastDates">How many forecast dates.</param>
    /// <param name="stepDays">Days between forecast dates.</param>
    /// <param name="horizonDays">Nights ahead forecast on each date.</param>
    /// <returns>The scores.</returns>
    public static BacktestResult Run(IReadOnlyList<BookingRecord> bookings, int capacity, DateOnly firstForecastDate, int forecastDates, int stepDays, int horizonDays)
    {
        ArgumentNullException.ThrowIfNull(bookings);
        var lastNight = firstForecastDate.AddDays(((forecastDates - 1) * stepDays) + horizonDays);
        var final = new BookingCurves(bookings, lastNight, horizonDays);
        double pickupError = 0, naiveError = 0;
        int points = 0, covered = 0;
        for (int f = 0; f < forecastDates; f++)
        {
            var asOf = firstForecastDate.AddDays(f * stepDays);
            var forecaster = new PickupForecaster(new BookingCurves(bookings, asOf, horizonDays), capacity);
            foreach (var forecast in forecaster.Forecast(horizonDays))
            {
                int actual = final.Final(forecast.Night);
                if (actual == 0)
                {
                    continue;
                }

                double naive = final.Final(forecast.Night.AddDays(-364));
                pickupError += Math.Abs(forecast.RoomNights - actual) / actual;
                naiveError += Math.Abs(naive - actual) / actual;
                covered += actual >= forecast.Lower && actual <= forecast.Upper ? 1 : 0;
                points++;
            }
        }

        return points == 0
            ? throw new ArgumentException("No night in the backtest had any booking.", nameof(bookings))
            : new BacktestResult(points, pickupError / points, naiveError / points, (double)covered / points);
    }
}
