namespace HotelPlatform.Connectors.Analytics.Forecasting;

/// <summary>
/// A seeded multi-year booking history with known structure, for backtests and for demos without a PMS: each night's
/// demand is capacity × base occupancy × yearly season (a sine peaking in summer) × weekday factor × yearly growth ×
/// a random day shock (log-normal), and its bookings arrive over the lead times before it (exponential, mean
/// <see cref="MeanLeadDays"/>); bookings past capacity are refused, earliest booked first. One-night stays, one room each.
/// </summary>
public static class SyntheticDemandHistory
{
    /// <summary>The mean lead time of a booking.</summary>
    public const double MeanLeadDays = 21;

    private static readonly double[] WeekdayFactor = [0.85, 0.95, 1.0, 1.0, 1.05, 1.15, 1.1]; // Sunday .. Saturday

    /// <summary>Generates the bookings of the nights from <paramref name="firstNight"/> for <paramref name="nights"/> nights.</summary>
    /// <param name="seed">The random seed: the same seed gives the same history.</param>
    /// <param name="firstNight">The first stay night.</param>
    /// <param name="nights">How many nights.</param>
    /// <param name="capacity">Rooms for sale.</param>
    /// <param name="baseOccupancy">Demand as a share of capacity before season, weekday, growth and shocks.</param>
    /// <param name="yearlyGrowth">Demand growth per year (0.04 = 4 %).</param>
    /// <returns>The bookings, by night.</returns>
    public static IReadOnlyList<BookingRecord> Generate(int seed, DateOnly firstNight, int nights, int capacity, double baseOccupancy = 0.7, double yearlyGrowth = 0.04)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nights);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        var random = new Random(seed);
        var bookings = new List<BookingRecord>();
        var leads = new List<int>();
        for (int i = 0; i < nights; i++)
        {
            var night = firstNight.AddDays(i);
            double growth = Math.Pow(1 + yearlyGrowth, i / 365.0);
            double shock = Math.Exp(0.15 * Gaussian(random));
            double mean = capacity * baseOccupancy * Seasonality(night) * growth * shock;
            int demand = Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * Gaussian(random))));

            leads.Clear();
            for (int b = 0; b < demand; b++)
            {
                leads.Add(Math.Min(365, (int)(-MeanLeadDays * Math.Log(1 - random.NextDouble()))));
            }

            // Earliest booked first: past capacity, the late bookers are the ones turned away.
            leads.Sort((a, b) => b.CompareTo(a));
            foreach (int lead in leads.Take(capacity))
            {
                bookings.Add(new BookingRecord(night.AddDays(-lead), night, night.AddDays(1)));
            }
        }

        return bookings;
    }

    /// <summary>The known seasonal structure of a day's demand: the yearly season (±25 %, peaking in summer) × its weekday factor.</summary>
    internal static double Seasonality(DateOnly day) =>
        (1 + (0.25 * Math.Sin(2 * Math.PI * (day.DayOfYear - 100) / 365.0))) * WeekdayFactor[(int)day.DayOfWeek];

    /// <summary>The largest value <see cref="Seasonality"/> takes.</summary>
    internal static double MaxSeasonality => 1.25 * WeekdayFactor.Max();

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
