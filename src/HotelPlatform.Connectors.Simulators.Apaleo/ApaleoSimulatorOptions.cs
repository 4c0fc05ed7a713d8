namespace HotelPlatform.Connectors.Simulators.Apaleo;

/// <summary>Apaleo-specific settings of an <see cref="ApaleoSimulator"/>: the client it knows, the quota it enforces, the data it seeds.</summary>
public sealed class ApaleoSimulatorOptions
{
    /// <summary>The client id registered by default.</summary>
    public const string DefaultClientId = "apaleo-simulator-client";

    /// <summary>The client secret registered by default.</summary>
    public const string DefaultClientSecret = "apaleo-simulator-secret";

    /// <summary>Gets or sets the client id of the "simple client" (client credentials) the token endpoint knows.</summary>
    public string ClientId { get; set; } = DefaultClientId;

    /// <summary>Gets or sets its secret.</summary>
    public string ClientSecret { get; set; } = DefaultClientSecret;

    /// <summary>Gets or sets the account code: the <c>accountId</c> of webhook deliveries and, with the client id, the rate-limit partition.</summary>
    public string AccountCode { get; set; } = "SIM";

    /// <summary>Gets or sets how long a token is valid (<c>expires_in</c>). Apaleo documents no lifetime; one hour is chosen.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Gets the quotas every request with a valid token counts against, per client id and account code. By default the
    /// hard limit of apaleo.dev's rate-limiting guide (older version): bursts of at most 30 requests per second, and an
    /// average of at most 3 requests per second over 10 minutes (1,800). The newer guide names a global and per-endpoint
    /// limit without numbers, so the older figures are used.
    /// </summary>
    public IList<RateLimitRule> RateLimits { get; } =
    [
        new RateLimitRule(30, TimeSpan.FromSeconds(1)),
        new RateLimitRule(1800, TimeSpan.FromMinutes(10)),
    ];

    /// <summary>
    /// Gets or sets the largest <c>pageSize</c> accepted; larger ones are refused. The specs disagree (booking-v1 2021: no
    /// maximum; 2026 inventory, rate plan and availability: 500); the newest apaleo.dev pagination guide says 200 for
    /// business data and rejects larger pages, which is the default here.
    /// </summary>
    public int MaxPageSize { get; set; } = 200;

    /// <summary>Gets or sets what is seeded.</summary>
    public ApaleoSeed Seed { get; set; } = new();

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(ClientId, nameof(ClientId));
        ArgumentException.ThrowIfNullOrEmpty(ClientSecret, nameof(ClientSecret));
        ArgumentException.ThrowIfNullOrWhiteSpace(AccountCode, nameof(AccountCode));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(TokenLifetime, TimeSpan.Zero, nameof(TokenLifetime));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPageSize, 1, nameof(MaxPageSize));
        ArgumentNullException.ThrowIfNull(Seed, nameof(Seed));
        if (RateLimits.Any(r => r is null))
        {
            throw new ArgumentException("A rate-limit rule is null.", nameof(RateLimits));
        }

        Seed.Validate();
    }
}
