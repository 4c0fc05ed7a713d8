namespace HotelPlatform.Connectors.Simulators;

/// <summary>How a <see cref="RateLimitRule"/> counts requests over time.</summary>
public enum RateLimitWindowKind
{
    /// <summary>At most <see cref="RateLimitRule.PermitLimit"/> requests in any interval of <see cref="RateLimitRule.Window"/> (an exact sliding log).</summary>
    Sliding,

    /// <summary>A window of <see cref="RateLimitRule.Window"/> opens at the first request of a burst and closes after that time; the count starts again with the next request (a fixed window, as vendors document it).</summary>
    AnchoredAtFirstRequest,
}

/// <summary>One quota: at most <see cref="PermitLimit"/> requests per <see cref="Window"/>.</summary>
public sealed record RateLimitRule
{
    /// <summary>Initializes a new instance of the <see cref="RateLimitRule"/> class.</summary>
    /// <param name="permitLimit">The number of requests allowed per window; positive.</param>
    /// <param name="window">The window; positive.</param>
    /// <param name="kind">How the window moves.</param>
    public RateLimitRule(int permitLimit, TimeSpan window, RateLimitWindowKind kind = RateLimitWindowKind.Sliding)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(permitLimit);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown window kind.");
        }

        PermitLimit = permitLimit;
        Window = window;
        Kind = kind;
    }

    /// <summary>Gets the number of requests allowed per window.</summary>
    public int PermitLimit { get; }

    /// <summary>Gets the window.</summary>
    public TimeSpan Window { get; }

    /// <summary>Gets how the window moves.</summary>
    public RateLimitWindowKind Kind { get; }
}

/// <summary>A quota applied to one partition: a vendor simulator returns these from <see cref="VendorSimulator.GetRateLimitPolicies"/>.</summary>
/// <param name="PartitionKey">Who the quota is counted for, such as <c>"client:my-app"</c> or <c>"token:…"</c>. Each (partition, rule) pair is counted separately, so a partition can carry a burst rule and a long-run rule.</param>
/// <param name="Rule">The quota.</param>
public sealed record RateLimitPolicy(string PartitionKey, RateLimitRule Rule);

/// <summary>The limiter's answer for one request.</summary>
/// <param name="IsAcquired">Whether the request is within every quota (and was counted).</param>
/// <param name="RetryAfter">When refused, how long until every refusing quota admits a request again; <see cref="TimeSpan.Zero"/> when acquired.</param>
/// <param name="RefusedBy">When refused, the policy whose wait is longest.</param>
public sealed record RateLimitDecision(bool IsAcquired, TimeSpan RetryAfter, RateLimitPolicy? RefusedBy);
