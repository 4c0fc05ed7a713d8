using HotelPlatform.Connectors.Analytics.Forecasting;

namespace HotelPlatform.Connectors.Analytics.Replay;

/// <summary>
/// Simulated call times for replaying SGD dialogues over a long window (SGD's dialogues carry no date of their own). Each
/// call's day is drawn, seeded, from the window with a probability proportional to the same known seasonality as
/// <see cref="SyntheticDemandHistory"/> (a yearly sine of ±25 % peaking in summer × a weekday factor), or uniformly when
/// <c>seasonal</c> is off; its time of day is uniform between 08:00 and 20:00 UTC. With
/// <see cref="SgdReplayOptions.StayDatesFromDialogue"/>, each call's stay then follows from its day and the dialogue's own
/// check-in date, so replayed calls give a multi-year booking history that a forecast can be backtested on.
/// </summary>
public static class SgdCallSchedule
{
    /// <summary>Draws the call times.</summary>
    /// <param name="calls">How many calls.</param>
    /// <param name="firstDay">The window's first day.</param>
    /// <param name="days">The window's length in days.</param>
    /// <param name="seed">The random seed: the same seed gives the same times.</param>
    /// <param name="seasonal">Whether call days follow the known seasonality (otherwise uniform over the window).</param>
    /// <returns>The times, in ascending order (calls are replayed in time order, so a PMS's clock can follow them).</returns>
    public static IReadOnlyList<DateTimeOffset> Spread(int calls, DateOnly firstDay, int days, int seed, bool seasonal = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(calls);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        var random = new Random(seed);
        var times = new List<DateTimeOffset>(calls);
        while (times.Count < calls)
        {
            var day = firstDay.AddDays(random.Next(days));
            double acceptance = seasonal ? SyntheticDemandHistory.Seasonality(day) / SyntheticDemandHistory.MaxSeasonality : 1;
            if (random.NextDouble() < acceptance)
            {
                var time = new TimeOnly(8, 0).AddMinutes(random.Next(12 * 60));
                times.Add(new DateTimeOffset(day.ToDateTime(time), TimeSpan.Zero));
            }
        }

        times.Sort();
        return times;
    }
}
