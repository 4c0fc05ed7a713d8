using HotelPlatform.Connectors.Apaleo.Webhooks;

namespace HotelPlatform.Connectors.Apaleo;

/// <summary>
/// Settings of one hotel at Apaleo: one property of one Apaleo account, reached with the client credentials of a custom
/// app of that account. From code (<c>AddApaleo("muc", o =&gt; ...)</c>) or configuration:
/// <code>
/// "Hotels": {
///   "muc": { "Vendor": "apaleo", "PropertyId": "MUC", "ClientId": "ABCD-AC-HOTELAPP", "ClientSecret": "..." }
/// }
/// </code>
/// Point <see cref="PmsConnectorOptions.BaseAddress"/>, <see cref="TokenEndpoint"/> and <see cref="WebhookAddress"/> at a
/// sandbox or a simulator; they default to Apaleo's production addresses.
/// </summary>
public sealed class ApaleoOptions : PmsConnectorOptions
{
    /// <summary>Apaleo's API address, used when <see cref="PmsConnectorOptions.BaseAddress"/> is not set; every path carries its API and version (<c>/booking/v1/...</c>).</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.apaleo.com/");

    /// <summary>Apaleo's token endpoint (<c>POST</c>, <c>grant_type=client_credentials</c>), used when <see cref="TokenEndpoint"/> is not set.</summary>
    public static readonly Uri DefaultTokenEndpoint = new("https://identity.apaleo.com/connect/token");

    /// <summary>Apaleo's Webhook API address (subscriptions), used when <see cref="WebhookAddress"/> is not set.</summary>
    public static readonly Uri DefaultWebhookAddress = new("https://webhook.apaleo.com/");

    /// <summary>
    /// The sustained request rate of <see cref="RequestsPerSecond"/> by default: Apaleo's documented soft limit of
    /// 1 request per second, averaged over 10 minutes, per client id and account.
    /// </summary>
    public const int DefaultRequestsPerSecond = 1;

    /// <summary>The burst of <see cref="RequestBurst"/> by default: Apaleo's documented bursts of up to 10 requests per second.</summary>
    public const int DefaultRequestBurst = 10;

    /// <summary>Gets or sets the client id of the Apaleo custom app (required). Hotels with the same client id share one token and one rate limit.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>Gets or sets the client secret of the Apaleo custom app (required). Sent to the token endpoint only; never logged.</summary>
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>Gets or sets the token endpoint; <see cref="DefaultTokenEndpoint"/> when <see langword="null"/>.</summary>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>Gets or sets the Webhook API address; <see cref="DefaultWebhookAddress"/> when <see langword="null"/> (staging: <c>https://webhook.apaleo-staging.com/</c>).</summary>
    public Uri? WebhookAddress { get; set; }

    /// <summary>
    /// Gets the scopes to request with the token. Empty (the default) requests none, so the token carries the scopes
    /// granted to the app at registration, as Apaleo's own client does. Name them to narrow the token, for example
    /// <c>reservations.manage</c>, <c>availability.read</c>, <c>rateplans.read</c>, <c>unitgroups.read</c>, <c>services.read</c>;
    /// the rate and availability push needs <c>rates.manage</c> (rateplan-v1: "You must have this scope: 'rates.manage'").
    /// </summary>
    public IList<string> Scopes { get; } = [];

    /// <summary>
    /// Gets or sets the channel the connector books and asks for offers under (booking-v1 <c>channelCode</c>: Direct,
    /// BookingCom, Ibe, ChannelManager, Expedia, Homelike, Hrs, ...). Default <c>Direct</c>. Reservations of this channel
    /// carry the caller's client reference in their external code.
    /// </summary>
    public string ChannelCode { get; set; } = "Direct";

    /// <summary>Gets or sets the source bookings are stamped with (one of the account's sources, <c>GET /booking/v1/types/sources</c>); Apaleo requires one with channel ChannelManager.</summary>
    public string? Source { get; set; }

    /// <summary>
    /// Gets or sets the sustained rate, in requests per second, the account's calls are paced to (0 to 100). 0 switches
    /// the proactive pacing off (for an account paced elsewhere); Apaleo's 429s still pause the whole account. Default
    /// <see cref="DefaultRequestsPerSecond"/>.
    /// </summary>
    public int RequestsPerSecond { get; set; } = DefaultRequestsPerSecond;

    /// <summary>Gets or sets how many requests may go back to back after a quiet time (1 to 1000). Default <see cref="DefaultRequestBurst"/>.</summary>
    public int RequestBurst { get; set; } = DefaultRequestBurst;

    /// <summary>
    /// Gets how the hotel's webhook endpoint authenticates Apaleo's deliveries (configuration section <c>Webhook</c>):
    /// HTTP basic credentials and/or a URL secret. Until one is set, the hotel's webhook handler refuses every delivery.
    /// </summary>
    public ApaleoWebhookOptions Webhook { get; } = new();
}
