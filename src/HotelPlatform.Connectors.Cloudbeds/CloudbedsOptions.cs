namespace HotelPlatform.Connectors.Cloudbeds;

/// <summary>
/// Settings of one hotel at Cloudbeds: one property, reached with a property or partner API key (<c>x-api-key</c>,
/// Cloudbeds' preferred method) or with OAuth2 (a refresh token from the authorization-code flow, kept fresh by the
/// connector). From code (<c>AddCloudbeds("lisbon", o =&gt; ...)</c>) or configuration:
/// <code>
/// "Hotels": {
///   "lisbon": { "Vendor": "cloudbeds", "PropertyId": "172982", "ApiKey": "cbat_..." }
/// }
/// </code>
/// </summary>
public sealed class CloudbedsOptions : PmsConnectorOptions
{
    /// <summary>
    /// The API address (v1.3 methods), used when <see cref="PmsConnectorOptions.BaseAddress"/> is not set. The connector
    /// asks it (<c>GET /oauth/metadata</c>) for the property's own API address and calls that one (see <see cref="DiscoverApiAddress"/>).
    /// </summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.cloudbeds.com/api/v1.3/");

    /// <summary>
    /// The sustained rate of <see cref="RequestsPerSecond"/> by default: 5 requests per second. Cloudbeds' pages disagree
    /// (FAQ: 5 per second for properties and group properties, 10 for technology partners; tech specs: 10 for all), so
    /// the stricter figure is the default; a partner may raise it to 10.
    /// </summary>
    public const int DefaultRequestsPerSecond = 5;

    /// <summary>Gets or sets the API key (<c>x-api-key</c>, prefix <c>cbat_</c>). Either this or <see cref="RefreshToken"/>; never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Gets or sets the OAuth2 client id (with <see cref="RefreshToken"/>).</summary>
    public string? ClientId { get; set; }

    /// <summary>Gets or sets the OAuth2 client secret (with <see cref="RefreshToken"/>); never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// Gets or sets the OAuth2 refresh token the property granted (authorization-code flow). The connector exchanges it
    /// at <see cref="TokenEndpoint"/> and keeps the access token fresh; when Cloudbeds revokes it, calls fail with a
    /// <see cref="PmsAuthenticationException"/> saying the property must authorize the app again.
    /// </summary>
    public string? RefreshToken { get; set; }

    /// <summary>
    /// Gets or sets what is called when Cloudbeds returns a new refresh token with an access token (set in code): store
    /// it, as the one configured may no longer be accepted at the next start.
    /// </summary>
    public Func<string, CancellationToken, ValueTask>? RefreshTokenRotated { get; set; }

    /// <summary>
    /// Gets or sets an authorization code the property's user granted (authorization-code flow, with
    /// <see cref="RedirectUri"/>), instead of <see cref="RefreshToken"/>: it is exchanged once at <see cref="TokenEndpoint"/>
    /// (<c>grant_type=authorization_code</c>) and the refresh token that comes back is handed to <see cref="RefreshTokenRotated"/>
    /// to be stored (codes are single use and valid for 10 minutes).
    /// </summary>
    public string? AuthorizationCode { get; set; }

    /// <summary>Gets or sets the redirect URI the app is registered with at Cloudbeds (required with <see cref="AuthorizationCode"/>).</summary>
    public Uri? RedirectUri { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the property's API address is discovered: before the first call, and again
    /// after <see cref="PmsConnectorOptions.ReferenceDataLifetime"/>, <c>GET /oauth/metadata</c> at the base address names
    /// the address of the credential's property (<c>data.api.url</c>; Cloudbeds distributes properties across
    /// localizations) and every call goes there. A lookup Cloudbeds refuses, or answers without a usable address, fails
    /// with a <see cref="CloudbedsApiAddressException"/> naming the hotel. Default <see langword="true"/>; set
    /// <see langword="false"/> to call <see cref="PmsConnectorOptions.BaseAddress"/> as it is.
    /// </summary>
    public bool DiscoverApiAddress { get; set; } = true;

    /// <summary>Gets or sets the token endpoint (<c>POST /access_token</c>); the base address's <c>access_token</c> when <see langword="null"/>.</summary>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>Gets or sets the sustained rate, in requests per second, the property's calls are paced to (0 switches pacing off, at most 10). Default <see cref="DefaultRequestsPerSecond"/>.</summary>
    public int RequestsPerSecond { get; set; } = DefaultRequestsPerSecond;

    /// <summary>
    /// Gets or sets how many requests may go back to back after a quiet time (1 to 100; cut to <see cref="RequestsPerSecond"/> − 1).
    /// Default 1: Cloudbeds documents no burst, and the burst is taken from the second's rate (a burst of 1 leaves 4 per
    /// second at 5 per second), so that no second ever holds more than <see cref="RequestsPerSecond"/>.
    /// </summary>
    public int RequestBurst { get; set; } = 1;

    /// <summary>Gets or sets the <c>sourceID</c> bookings are made under (<c>s-{id}</c> or <c>ss-{id}-0|1</c>, from <c>GET /getSources</c>); the property's default source when not set.</summary>
    public string? SourceId { get; set; }

    /// <summary>Gets or sets the <c>paymentMethod</c> of bookings (<c>cash</c>, <c>credit</c>, <c>ebanking</c>, <c>pay_pal</c>). Default <c>cash</c>: the connector takes no card.</summary>
    public string PaymentMethod { get; set; } = "cash";

    /// <summary>
    /// Gets or sets the secret the hotel's webhook address carries in its <c>secret</c> query parameter (at least 16
    /// characters). Cloudbeds signs no delivery, so this is the only check; until it is set, every delivery is refused.
    /// </summary>
    public string? WebhookSecret { get; set; }

    /// <summary>The query parameter of the webhook address that carries <see cref="WebhookSecret"/>.</summary>
    public const string WebhookSecretParameter = "secret";

    /// <summary>The shortest accepted <see cref="WebhookSecret"/>.</summary>
    public const int MinimumWebhookSecretLength = 16;

    /// <summary>Gets a value indicating whether the hotel authenticates with OAuth2 rather than an API key.</summary>
    internal bool UsesOAuth => string.IsNullOrEmpty(ApiKey) && (!string.IsNullOrEmpty(RefreshToken) || !string.IsNullOrEmpty(AuthorizationCode));
}
