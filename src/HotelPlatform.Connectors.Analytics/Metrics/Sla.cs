namespace HotelPlatform.Connectors.Analytics;

/// <summary>
/// Service-level targets; a target left <see langword="null"/> is not checked. Conversation targets are checked per
/// hotel, PMS targets per vendor and operation.
/// </summary>
public sealed record SlaTargets
{
    /// <summary>Gets the lowest acceptable completion rate per hotel.</summary>
    public double? MinCompletionRate { get; init; }

    /// <summary>Gets the lowest acceptable intent accuracy per hotel.</summary>
    public double? MinIntentAccuracy { get; init; }

    /// <summary>Gets the longest acceptable 90th-percentile handling time per hotel.</summary>
    public TimeSpan? MaxHandlingTimeP90 { get; init; }

    /// <summary>Gets the longest acceptable 95th-percentile latency per vendor and operation.</summary>
    public TimeSpan? MaxPmsLatencyP95 { get; init; }

    /// <summary>Gets the highest acceptable error rate per vendor and operation.</summary>
    public double? MaxPmsErrorRate { get; init; }

    /// <summary>Gets the highest acceptable rate-limited (429) rate per vendor and operation.</summary>
    public double? MaxPmsRateLimitedRate { get; init; }
}

/// <summary>One target checked on one scope.</summary>
/// <param name="Target">The target's name (the <see cref="SlaTargets"/> property).</param>
/// <param name="Scope">A hotel id, or <c>vendor/operation</c>.</param>
/// <param name="Goal">The target value (durations in milliseconds, rates as fractions).</param>
/// <param name="Actual">The measured value in the same unit, or <see langword="null"/> without data.</param>
/// <param name="Met">Whether the target was met; <see langword="null"/> without data.</param>
public sealed record SlaCheck(string Target, string Scope, double Goal, double? Actual, bool? Met);

/// <summary>SLA compliance of the selected calls.</summary>
/// <param name="Checks">Every check, by target then scope (ordinal).</param>
public sealed record SlaReport(IReadOnlyList<SlaCheck> Checks)
{
    /// <summary>Gets met checks over checks with data, or <see langword="null"/> with none.</summary>
    public double? Compliance
    {
        get
        {
            int measured = Checks.Count(c => c.Met is not null);
            return measured == 0 ? null : (double)Checks.Count(c => c.Met == true) / measured;
        }
    }
}
