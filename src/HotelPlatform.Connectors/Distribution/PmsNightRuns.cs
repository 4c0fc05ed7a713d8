namespace HotelPlatform.Connectors;

/// <summary>
/// Splits night-by-night values into runs of consecutive nights that may travel as one date range: vendors' rate and
/// restriction writes take ranges (SiteMinder, Mews, Cloudbeds, OPERA), and a push of a month of equal nights is then
/// one item rather than thirty.
/// </summary>
public static class PmsNightRuns
{
    /// <summary>
    /// Splits <paramref name="values"/>, in the order given, into runs: a run ends before a value whose night is not the
    /// night after the previous value's, that <paramref name="sameRun"/> does not join to the previous value, or when the
    /// run already holds <paramref name="maxNights"/> values.
    /// </summary>
    /// <typeparam name="T">A value of one night.</typeparam>
    /// <param name="values">The values, ordered by whatever groups them and then by night.</param>
    /// <param name="night">The night of a value.</param>
    /// <param name="sameRun">Whether a value (second argument) may continue the run of the value before it (first argument).</param>
    /// <param name="maxNights">The most nights one run may hold (a vendor's range limit); unlimited when omitted.</param>
    /// <returns>The runs, each with at least one value, in the order of <paramref name="values"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxNights"/> is less than 1.</exception>
    public static IEnumerable<IReadOnlyList<T>> Split<T>(IEnumerable<T> values, Func<T, DateOnly> night, Func<T, T, bool> sameRun, int maxNights = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(night);
        ArgumentNullException.ThrowIfNull(sameRun);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNights, 1);
        return SplitIterator(values, night, sameRun, maxNights);
    }

    private static IEnumerable<IReadOnlyList<T>> SplitIterator<T>(IEnumerable<T> values, Func<T, DateOnly> night, Func<T, T, bool> sameRun, int maxNights)
    {
        var run = new List<T>();
        foreach (var value in values)
        {
            if (run.Count > 0 && (run.Count >= maxNights || night(value).DayNumber != night(run[^1]).DayNumber + 1 || !sameRun(run[^1], value)))
            {
                yield return run;
                run = [];
            }

            run.Add(value);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }
}
