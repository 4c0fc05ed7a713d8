using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using HotelPlatform.Connectors.Authentication;

namespace HotelPlatform.Connectors.Http;

/// <summary>
/// The settings of one hotel's vendor <see cref="HttpClient"/> as the runtime's pipeline needs them: who the calls are
/// for (vendor, hotel), where they go, which account they count against (rate limit and token sharing), how they
/// authenticate, and how long and how often they may be tried. A vendor package builds it from its own options class in
/// the factory passed to <see cref="PmsHttpClientBuilderExtensions.AddPmsHttpClient"/>.
/// </summary>
public sealed class PmsHttpClientOptions
{
    /// <summary>The header the pipeline treats as the vendor's idempotency key, unless <see cref="IdempotencyKeyHeader"/> says otherwise.</summary>
    public const string DefaultIdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>Gets or sets the vendor name (<see cref="PmsVendors"/>); required.</summary>
    public string Vendor { get; set; } = string.Empty;

    /// <summary>Gets or sets the hotel's key; required. It appears in log lines and exceptions.</summary>
    public string HotelId { get; set; } = string.Empty;

    /// <summary>Gets or sets the vendor API's base address, set as <see cref="HttpClient.BaseAddress"/>; optional.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// Gets or sets the key of the vendor account the calls count against, for example <c>apaleo:{clientId}</c>. All
    /// clients with the same key share one rate limiter, so the hotels of one account together stay within the account's
    /// quota. Never put a secret here in clear: use <see cref="CreateAccountKey"/> to derive a key from one (Mews
    /// partitions by access token). Defaults to <c>{Vendor}:{HotelId}</c>, a partition of its own.
    /// </summary>
    public string? AccountKey { get; set; }

    /// <summary>
    /// Gets or sets what puts the account's credentials on each request (a bearer token, an API key header, tokens in the
    /// JSON body, static headers, several of them with <see cref="PmsCompositeAuthenticator"/>); <see langword="null"/>
    /// when the connector authenticates its requests itself. Token credentials behind it are shared by the account's
    /// hotels when taken from <see cref="PmsCredentialRegistry"/>.
    /// </summary>
    public PmsRequestAuthenticator? Authenticator { get; set; }

    /// <summary>
    /// Gets or sets the client certificate presented for mutual TLS; it must have its private key. It is put on the
    /// client's primary handler (<see cref="SocketsHttpHandler"/> or <see cref="HttpClientHandler"/>), after any
    /// <c>ConfigurePrimaryHttpMessageHandler</c> of the client. <see langword="null"/> for none.
    /// </summary>
    public X509Certificate2? ClientCertificate { get; set; }

    /// <summary>Gets or sets the vendor's documented quota the calls are paced to; <see langword="null"/> for no proactive limit.</summary>
    public PmsRateLimitQuota? RateLimit { get; set; }

    /// <summary>Gets or sets how long one attempt may take before it is abandoned (and, for a read, retried). Default 10 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets how long a call may take in total, retries and waits included. Default 30 seconds.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how many times a retryable call is retried after its first attempt (0 to 10). Default 3.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Gets or sets the base of the exponential, jittered backoff between retries. Default 1 second.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Gets or sets the longest <c>Retry-After</c> the pipeline waits for before it retries a 429 or 503; an answer
    /// asking for a longer wait is returned to the connector (which throws <see cref="PmsRateLimitedException"/> with
    /// <see cref="PmsRateLimitedException.RetryAfter"/>). Default 20 seconds.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Gets or sets the duration from which a successful call is logged as slow. Default 5 seconds.</summary>
    public TimeSpan SlowCallThreshold { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the request header that carries the vendor's idempotency key; a write that carries it may be retried.</summary>
    public string IdempotencyKeyHeader { get; set; } = DefaultIdempotencyKeyHeader;

    /// <summary>
    /// Gets the response headers that carry the vendor's request id, tried in order (logged and put on exceptions). The
    /// defaults are the common names; a vendor package adds its own (Apaleo's <c>Apaleo-Tracking-Id</c>) in front.
    /// </summary>
    public IList<string> RequestIdHeaders { get; } = ["X-Request-Id", "Request-Id", "X-Correlation-Id"];

    /// <summary>
    /// Gets or sets what decides whether an answer succeeded, failed for now or failed for good, used by the retry
    /// decision, the account-wide backoff, the failure log line and the connector's exception. Default
    /// <see cref="PmsResponseClassifier.Default"/> (by status).
    /// </summary>
    public PmsResponseClassifier ResponseClassifier { get; set; } = PmsResponseClassifier.Default;

    /// <summary>Gets the account key actually used: <see cref="AccountKey"/>, or <c>{Vendor}:{HotelId}</c>.</summary>
    public string EffectiveAccountKey => string.IsNullOrWhiteSpace(AccountKey) ? $"{Vendor}:{HotelId}" : AccountKey;

    /// <summary>
    /// Derives an account key from a credential without exposing it: <c>{vendor}:</c> followed by the first 16 hexadecimal
    /// characters of the credential's SHA-256 hash.
    /// </summary>
    /// <param name="vendor">The vendor name.</param>
    /// <param name="credential">The credential that identifies the account (for example a Mews access token).</param>
    /// <returns>The key.</returns>
    public static string CreateAccountKey(string vendor, string credential)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(vendor);
        ArgumentException.ThrowIfNullOrEmpty(credential);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(credential));
        return $"{vendor}:{Convert.ToHexStringLower(hash)[..16]}";
    }

    /// <summary>Returns the problems of these options, each naming the client and the setting; empty when valid.</summary>
    /// <param name="clientName">The HTTP client's name, for the messages.</param>
    /// <returns>The problems.</returns>
    internal IReadOnlyList<string> Validate(string clientName)
    {
        var problems = new List<string>();
        void Fail(string message) => problems.Add($"PMS HTTP client '{clientName}': {message}.");

        if (string.IsNullOrWhiteSpace(Vendor))
        {
            Fail("Vendor is required");
        }

        if (string.IsNullOrWhiteSpace(HotelId))
        {
            Fail("HotelId is required");
        }

        if (BaseAddress is not null && !IsHttpAddress(BaseAddress))
        {
            Fail("BaseAddress must be an absolute http or https address");
        }

        if (AttemptTimeout <= TimeSpan.Zero || TotalTimeout <= TimeSpan.Zero)
        {
            Fail("AttemptTimeout and TotalTimeout must be positive");
        }
        else if (AttemptTimeout > TotalTimeout)
        {
            Fail("AttemptTimeout must not exceed TotalTimeout");
        }

        if (MaxRetryAttempts is < 0 or > 10)
        {
            Fail("MaxRetryAttempts must be between 0 and 10");
        }

        if (RetryBaseDelay < TimeSpan.Zero || MaxRetryAfter < TimeSpan.Zero)
        {
            Fail("RetryBaseDelay and MaxRetryAfter must not be negative");
        }

        if (string.IsNullOrWhiteSpace(IdempotencyKeyHeader))
        {
            Fail("IdempotencyKeyHeader is required");
        }

        if (ResponseClassifier is null)
        {
            Fail("ResponseClassifier is required");
        }

        if (ClientCertificate is { } certificate && !certificate.HasPrivateKey)
        {
            Fail("ClientCertificate must have its private key (load it with the key, for example from a PFX file)");
        }

        if (RateLimit is { } quota)
        {
            if (quota.PermitsPerPeriod < 1 || quota.Period <= TimeSpan.Zero)
            {
                Fail("RateLimit needs at least one permit per positive period");
            }

            if (quota.Burst is < 1 || quota.QueueLimit < 0 || quota.MaxQueueWait <= TimeSpan.Zero)
            {
                Fail("RateLimit.Burst must be at least 1, QueueLimit not negative and MaxQueueWait positive");
            }
        }

        return problems;
    }

    private static bool IsHttpAddress(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}

/// <summary>
/// A vendor's documented request quota, paced proactively per account: a token bucket holding at most
/// <see cref="Burst"/> permits, refilled at <see cref="PermitsPerPeriod"/> per <see cref="Period"/> in even steps.
/// Requests beyond it wait in a queue of at most <see cref="QueueLimit"/> requests for at most
/// <see cref="MaxQueueWait"/>; beyond that they fail with <see cref="PmsRateLimitedException"/> without reaching the vendor.
/// </summary>
/// <remarks>
/// For a vendor that counts in a sliding window (Mews: 200 requests per access token in 30 seconds) a full bucket plus a
/// window of refills can exceed the window's quota; leave a margin there, for example 180 per 30 seconds with a burst of 20.
/// </remarks>
public sealed record PmsRateLimitQuota
{
    /// <summary>Initializes a new instance of the <see cref="PmsRateLimitQuota"/> class.</summary>
    /// <param name="permitsPerPeriod">The requests allowed per period.</param>
    /// <param name="period">The period.</param>
    public PmsRateLimitQuota(int permitsPerPeriod, TimeSpan period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permitsPerPeriod, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        PermitsPerPeriod = permitsPerPeriod;
        Period = period;
    }

    /// <summary>
    /// The pace for a vendor that counts requests in a sliding window (at most <paramref name="limit"/> in any
    /// <paramref name="window"/>): a bucket of <paramref name="burst"/> refilled with the rest of the limit over the window.
    /// In any window a bucket sends at most its size plus one window's refill, so the window never holds more than the
    /// limit; a bucket as large as the limit refilled at the limit's rate could send twice the limit.
    /// </summary>
    /// <param name="limit">The most requests the vendor admits in any window; at least 2 for the guarantee to hold.</param>
    /// <param name="window">The vendor's window.</param>
    /// <param name="burst">The requests wanted back to back after a quiet time; cut to <paramref name="limit"/> − 1.</param>
    /// <returns>The quota, with <see cref="SlidingWindowLimit"/> set to <paramref name="limit"/>.</returns>
    public static PmsRateLimitQuota ForSlidingWindow(int limit, TimeSpan window, int burst)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        var bucket = Math.Min(burst, Math.Max(1, limit - 1));
        return new PmsRateLimitQuota(Math.Max(1, limit - bucket), window) { Burst = bucket, SlidingWindowLimit = limit };
    }

    /// <summary>Gets the requests allowed per <see cref="Period"/>.</summary>
    public int PermitsPerPeriod { get; }

    /// <summary>Gets the period of the quota.</summary>
    public TimeSpan Period { get; }

    /// <summary>Gets the most requests sent back to back after a quiet time; <see langword="null"/> for <see cref="PermitsPerPeriod"/>.</summary>
    public int? Burst { get; init; }

    /// <summary>Gets the most requests waiting for a permit; more are refused at once. Default 100.</summary>
    public int QueueLimit { get; init; } = 100;

    /// <summary>Gets the longest a request waits for a permit. Default 20 seconds.</summary>
    public TimeSpan MaxQueueWait { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Gets the bucket size actually used.</summary>
    public int EffectiveBurst => Burst ?? PermitsPerPeriod;

    /// <summary>
    /// Gets, for a vendor that counts in a sliding window of <see cref="Period"/> (Mews: 200 per 30 seconds), the most
    /// requests any such window may hold; <see langword="null"/> when the vendor documents no sliding window. A limiter
    /// that keeps a log of requests (the Redis limiter) enforces this window exactly instead of the bucket; the in-process
    /// bucket ignores it (its burst and rate already keep every window under it).
    /// </summary>
    public int? SlidingWindowLimit { get; init; }
}

/// <summary>
/// Per-request flags a connector sets on <see cref="HttpRequestMessage.Options"/> to tell the pipeline about a call.
/// With Refit, pass them as <c>[Property("HotelPlatform.Connectors.SafeToRetry")] bool safe</c> parameters.
/// </summary>
public static class PmsHttpRequestOptions
{
    /// <summary>
    /// Marks a write that the vendor de-duplicates (its own idempotency mechanism in the body, for example) as safe to
    /// retry. A write that carries the <see cref="PmsHttpClientOptions.IdempotencyKeyHeader"/> needs no flag. A write
    /// whose outcome stays unknown is still reported with <see cref="PmsUnavailableException.OutcomeUnknown"/>.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> SafeToRetry = new("HotelPlatform.Connectors.SafeToRetry");

    /// <summary>
    /// Marks a request that only reads although its method is not GET (Mews answers every query to a POST): it is
    /// retried like a read and never reported as a write with an unknown outcome.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> ReadOnly = new("HotelPlatform.Connectors.ReadOnly");

    /// <summary>Names the connector operation of the request (<c>CreateReservation</c>) for log lines and exceptions; by default the operation the runtime's telemetry is tracing.</summary>
    public static readonly HttpRequestOptionsKey<string> Operation = new("HotelPlatform.Connectors.Operation");

    /// <summary>Set by the pipeline: whether the request was handed to the network at least once.</summary>
    internal static readonly HttpRequestOptionsKey<bool> Sent = new("HotelPlatform.Connectors.Sent");

    /// <summary>
    /// Overrides the intent of one request (<see cref="PmsOperation.IntentOf"/>): set it where a request does not do
    /// what its operation does. The diagnostics handler pins the intent it resolved here, so every layer below agrees.
    /// </summary>
    public static readonly HttpRequestOptionsKey<PmsOperationIntent> Intent = new("HotelPlatform.Connectors.Intent");

    /// <summary>Returns whether <paramref name="request"/> only reads (<see cref="PmsOperation.IntentOf"/> is <see cref="PmsOperationIntent.Read"/>).</summary>
    /// <param name="request">The request.</param>
    /// <returns><see langword="true"/> for a read.</returns>
    public static bool IsRead(HttpRequestMessage request) =>
        PmsOperation.IntentOf(request) == PmsOperationIntent.Read;

    /// <summary>
    /// Returns whether the pipeline may send <paramref name="request"/> again after a transient failure: its intent
    /// (<see cref="PmsOperation.IntentOf"/>) is a read or an idempotent write.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="idempotencyKeyHeader">The vendor's idempotency key header.</param>
    /// <returns><see langword="true"/> when a retry cannot apply the request twice.</returns>
    public static bool IsSafeToRetry(HttpRequestMessage request, string idempotencyKeyHeader = PmsHttpClientOptions.DefaultIdempotencyKeyHeader) =>
        PmsOperation.IntentOf(request, idempotencyKeyHeader) is PmsOperationIntent.Read or PmsOperationIntent.IdempotentWrite;
}
