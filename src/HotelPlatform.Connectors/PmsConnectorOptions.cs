namespace HotelPlatform.Connectors;

/// <summary>
/// Settings every connector has. Vendor options classes derive from it. The three timeouts are the HTTP pipeline's,
/// per hotel; from configuration they are <see cref="TimeSpan"/> strings (<c>"00:00:05"</c>):
/// <code>
/// "Hotels": { "berlin-mitte": { "Vendor": "apaleo", "AttemptTimeout": "00:00:05", "TotalTimeout": "00:00:20", "MaxRetryAfter": "00:00:10", ... } }
/// </code>
/// A vendor package carries them into its <c>PmsHttpClientOptions</c> with <c>WithTimeoutsOf(options)</c>.
/// </summary>
public class PmsConnectorOptions
{
    /// <summary>The default of <see cref="AttemptTimeout"/>: 10 seconds.</summary>
    public static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The default of <see cref="TotalTimeout"/>: 30 seconds.</summary>
    public static readonly TimeSpan DefaultTotalTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The default of <see cref="MaxRetryAfter"/>: 20 seconds.</summary>
    public static readonly TimeSpan DefaultMaxRetryAfter = TimeSpan.FromSeconds(20);

    /// <summary>Gets or sets the vendor's identifier of the property the hotel is (required).</summary>
    public string PropertyId { get; set; } = string.Empty;

    /// <summary>Gets or sets the vendor API's base address; the vendor's production address when <see langword="null"/>. Point it at a sandbox or a simulator.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// Gets or sets how long the hotel's reference data (its property, room types, rate plans, the vendor's
    /// configuration) is kept before it is read again: every request counts against the account's quota, and concurrent
    /// callers share one read. <see cref="TimeSpan.Zero"/> reads it on every call. Default 10 minutes.
    /// </summary>
    public TimeSpan ReferenceDataLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Gets or sets how long one attempt of a vendor call may take before it is abandoned (and, for a read, retried).
    /// Positive, at most <see cref="TotalTimeout"/>. Default <see cref="DefaultAttemptTimeout"/>.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = DefaultAttemptTimeout;

    /// <summary>
    /// Gets or sets how long a vendor call may take in total, retries and the waits between them included; the caller
    /// gets <see cref="PmsUnavailableException"/> after it. Positive. Default <see cref="DefaultTotalTimeout"/>.
    /// </summary>
    public TimeSpan TotalTimeout { get; set; } = DefaultTotalTimeout;

    /// <summary>
    /// Gets or sets the longest <c>Retry-After</c> the pipeline waits out before retrying a 429 or 503; an answer asking
    /// for longer is returned to the caller as <see cref="PmsRateLimitedException"/> with its
    /// <see cref="PmsRateLimitedException.RetryAfter"/>. Zero never waits; not negative, less than
    /// <see cref="TotalTimeout"/>. Default <see cref="DefaultMaxRetryAfter"/>.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = DefaultMaxRetryAfter;
}
