namespace HotelPlatform.Connectors.Analytics;

/// <summary>
/// The PMS operations of one vendor (and operation) as the SDK's telemetry reported them (<see cref="ConversationEventKind.PmsOperation"/>).
/// </summary>
/// <param name="Vendor">The vendor.</param>
/// <param name="Operation">The operation, or <see langword="null"/> for all of the vendor's operations.</param>
/// <param name="Calls">Operations made.</param>
/// <param name="Errors">Operations whose outcome was not <c>success</c>.</param>
/// <param name="RateLimited">Operations refused as <c>rate_limited</c> (HTTP 429).</param>
/// <param name="P50">Median latency (continuous percentile).</param>
/// <param name="P90">90th percentile latency.</param>
/// <param name="P95">95th percentile latency.</param>
/// <param name="P99">99th percentile latency.</param>
/// <param name="Maximum">The slowest.</param>
/// <param name="Outcomes">Operations per outcome, by outcome (ordinal).</param>
public sealed record PmsOperationStats(
    string Vendor,
    string? Operation,
    long Calls,
    long Errors,
    long RateLimited,
    TimeSpan P50,
    TimeSpan P90,
    TimeSpan P95,
    TimeSpan P99,
    TimeSpan Maximum,
    IReadOnlyDictionary<string, long> Outcomes)
{
    /// <summary>Gets errors over calls.</summary>
    public double ErrorRate => Calls == 0 ? 0 : (double)Errors / Calls;

    /// <summary>Gets rate-limited operations over calls.</summary>
    public double RateLimitedRate => Calls == 0 ? 0 : (double)RateLimited / Calls;
}

/// <summary>PMS vendors compared on the selected calls' operations.</summary>
/// <param name="Vendors">One row per vendor (all operations), by vendor (ordinal).</param>
/// <param name="Operations">One row per vendor and operation, by vendor then operation (ordinal).</param>
public sealed record PmsComparison(IReadOnlyList<PmsOperationStats> Vendors, IReadOnlyList<PmsOperationStats> Operations);
