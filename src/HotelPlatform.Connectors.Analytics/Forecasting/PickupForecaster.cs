namespace HotelPlatform.Connectors.Analytics.Forecasting;

/// <summary>
/// An additive pickup model with seasonal pickup: a night <c>h</c> days ahead will finally hold what is on the books now
/// plus the pickup that the same weekday around the same week last year saw from <c>h</c> days out to the night (the
/// mean over <see cref="SeasonalWindowWeeks"/> weeks either side), capped by capacity. The prediction interval is the
/// empirical quantiles of the same model's errors at the same lead over the last year's nights.
/// </summary>
public sealed class PickupForecaster
{
    /// <summary>Weeks either side of last year's same weekday whose pickup is averaged.</summary>
    public const int SeasonalWindowWeeks = 2;

    private const int DaysPerYear = 364; // 52 weeks: the same weekday a year before

    private readonly BookingCurves _curves;
    private readonly int _capacity;

    /// <summary>Creates a forecaster over a hotel's books.</summary>
    /// <param name="curves">The booking curves, read on the forecast date; at least a year and a horizon of history.</param>
    /// <param name="capacity">The rooms the hotel sells.</param>
    public PickupForecaster(BookingCurves curves, int capacity)
    {
        ArgumentNullException.ThrowIfNull(curves);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _curves = curves;
        _capacity = capacity;
    }

    /// <summary>Gets the interval's coverage: 0.8 gives the 10th to 90th percentile of past errors.</summary>
    public double IntervalCoverage { get; init; } = 0.8;

    /// <summary>Forecasts the nights from tomorrow (as of the curves' date) to <paramref name="horizonDays"/> ahead.</summary>
    /// <param name="horizonDays">How many nights ahead; at most the curves' longest lead.</param>
    /// <returns>One forecast per night, in date order.</returns>
    public IReadOnlyList<DemandForecast> Forecast(int horizonDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(horizonDays);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(horizonDays, _curves.MaxLeadDays);
        var forecasts = new List<DemandForecast>(horizonDays);
        for (int lead = 1; lead <= horizonDays; lead++)
        {
            var night = _curves.AsOf.AddDays(lead);
            int onTheBooks = _curves.OnTheBooks(night, lead);
            double point = PointForecast(night, lead);
            var (low, high) = ErrorQuantiles(lead);
            forecasts.Add(new DemandForecast(night, onTheBooks, point, Clamp(point + low, onTheBooks), Clamp(point + high, onTheBooks), _capacity));
        }

        return forecasts;
    }

    /// <summary>The point forecast of a night <paramref name="lead"/> days ahead of the books' date, from the books alone.</summary>
    internal double PointForecast(DateOnly night, int lead) =>
        Clamp(_curves.OnTheBooks(night, lead) + SeasonalPickup(night, lead), _curves.OnTheBooks(night, lead));

    private double SeasonalPickup(DateOnly night, int lead)
    {
        double sum = 0;
        int count = 0;
        for (int week = -SeasonalWindowWeeks; week <= SeasonalWindowWeeks; week++)
        {
            var past = night.AddDays(-DaysPerYear + (7 * week));
            if (past < _curves.AsOf)
            {
                sum += _curves.Final(past) - _curves.OnTheBooks(past, lead);
                count++;
            }
        }

        return count == 0 ? 0 : sum / count;
    }

    private (double Low, double High) ErrorQuantiles(int lead)
    {
        // The model's own errors at this lead on the last year's nights whose outcome is known: what the books said
        // `lead` days before each night, plus the seasonal pickup from a year before it, against what it finally held.
        var errors = new List<double>(DaysPerYear);
        for (int back = 1; back <= DaysPerYear; back++)
        {
            var night = _curves.AsOf.AddDays(-back);
            double predicted = _curves.OnTheBooks(night, lead) + SeasonalPickup(night, lead);
            errors.Add(_curves.Final(night) - predicted);
        }

        errors.Sort();
        double tail = (1 - IntervalCoverage) / 2;
        return (Quantile(errors, tail), Quantile(errors, 1 - tail));
    }

    private static double Quantile(List<double> sorted, double p)
    {
        double position = p * (sorted.Count - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }

    private double Clamp(double value, int onTheBooks) => Math.Clamp(value, onTheBooks, Math.Max(onTheBooks, _capacity));
}
