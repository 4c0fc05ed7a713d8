namespace HotelPlatform.Connectors.Analytics;

/// <summary>One hotel's figures in a cross-hotel comparison.</summary>
/// <param name="HotelId">The hotel.</param>
/// <param name="Calls">Calls started.</param>
/// <param name="Values">The hotel's value of each metric (<see cref="HotelBenchmarkReport"/> names them); a metric without data is left out.</param>
public sealed record HotelBenchmark(string HotelId, long Calls, IReadOnlyDictionary<string, double> Values);

/// <summary>How one metric is spread across hotels (continuous percentiles over the hotels that have it).</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Hotels">Hotels with a value.</param>
/// <param name="P10">10th percentile.</param>
/// <param name="P25">25th percentile.</param>
/// <param name="P50">Median.</param>
/// <param name="P75">75th percentile.</param>
/// <param name="P90">90th percentile.</param>
public sealed record MetricDistribution(string Metric, long Hotels, double P10, double P25, double P50, double P75, double P90);

/// <summary>Hotels compared by percentiles, not only averages.</summary>
/// <param name="Hotels">Each hotel's values, by id (ordinal).</param>
/// <param name="Distributions">Each metric's spread across hotels, in the order of the metric names below.</param>
public sealed record HotelBenchmarkReport(IReadOnlyList<HotelBenchmark> Hotels, IReadOnlyList<MetricDistribution> Distributions)
{
    /// <summary>Completed calls over calls.</summary>
    public const string CompletionRate = "completion_rate";

    /// <summary>Accepted offers over offers made.</summary>
    public const string OfferAcceptanceRate = "offer_acceptance_rate";

    /// <summary>Correctly detected intents over scored user turns.</summary>
    public const string IntentAccuracy = "intent_accuracy";

    /// <summary>Median handling time of ended calls, in seconds.</summary>
    public const string MedianHandlingSeconds = "median_handling_seconds";

    /// <summary>Mean satisfaction score (default model, uncalibrated).</summary>
    public const string Satisfaction = "satisfaction";

    /// <summary>Revenue per call in the reporting currency (only when rates are given).</summary>
    public const string RevenuePerCall = "revenue_per_call";
}
