namespace HotelPlatform.Connectors.Analytics;

/// <summary>Ended calls whose handling time falls in [<paramref name="From"/>, <paramref name="To"/>).</summary>
/// <param name="From">The bin's lower bound (inclusive).</param>
/// <param name="To">The bin's upper bound (exclusive).</param>
/// <param name="Calls">Calls in it.</param>
public sealed record HandlingTimeBin(TimeSpan From, TimeSpan To, long Calls);

/// <summary>One percentile of a distribution of durations (continuous, linearly interpolated).</summary>
/// <param name="Percentile">The percentile in (0, 100).</param>
/// <param name="Value">The value.</param>
public sealed record DurationPercentile(double Percentile, TimeSpan Value);

/// <summary>How handling times (call start to end) of the ended calls are spread.</summary>
/// <param name="Summary">Count, mean, median, 90th percentile and maximum.</param>
/// <param name="BinWidth">The width of each bin.</param>
/// <param name="Bins">Bins from zero to the bin of the longest call, empty ones included.</param>
/// <param name="Percentiles">The 50th, 75th, 90th, 95th and 99th percentiles (empty with no ended call).</param>
public sealed record HandlingTimeDistribution(HandlingTimeSummary Summary, TimeSpan BinWidth, IReadOnlyList<HandlingTimeBin> Bins, IReadOnlyList<DurationPercentile> Percentiles);
