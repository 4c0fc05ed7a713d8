namespace HotelPlatform.Connectors.Mews;

/// <summary>
/// Settings of one hotel at Mews: one enterprise reached with the integration's <see cref="ClientToken"/> and the
/// enterprise's <see cref="AccessToken"/>. <see cref="PmsConnectorOptions.PropertyId"/> is the enterprise id
/// (<c>configuration/get</c> answers it as <c>Enterprise.Id</c>). From code (<c>AddMews("prg", o =&gt; ...)</c>) or configuration:
/// <code>
/// "Hotels": {
///   "prg": { "Vendor": "mews", "PropertyId": "851df8c8-...", "ClientToken": "...", "AccessToken": "..." }
/// }
/// </code>
/// </summary>
public sealed class MewsOptions : PmsConnectorOptions
{
    /// <summary>The production platform address (environments.md), used when <see cref="PmsConnectorOptions.BaseAddress"/> is not set; the demo is <c>https://api.mews-demo.com/</c>.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.mews.com/");

    /// <summary>Mews' documented limit: 200 requests per access token within 30 seconds (guidelines/requests.md).</summary>
    public const int DefaultRequestsPer30Seconds = 200;

    /// <summary>Gets or sets the client token identifying the integration (required; one per environment). Never logged.</summary>
    public string ClientToken { get; set; } = string.Empty;

    /// <summary>Gets or sets the access token of the enterprise (required). Hotels with the same token share one rate limit. Never logged.</summary>
    public string AccessToken { get; set; } = string.Empty;

    /// <summary>Gets or sets the <c>Client</c> value sent with every request: the name and version of the application (Mews: "e.g. <c>Sample Client 1.0.0</c>").</summary>
    public string Client { get; set; } = "HotelPlatform.Connectors 1.0.0";

    /// <summary>Gets or sets the bookable service (the accommodation) to use; when <see langword="null"/>, the enterprise's first active bookable service with daily time units.</summary>
    public string? ServiceId { get; set; }

    /// <summary>
    /// Gets or sets how many requests the access token's calls may make in any 30 seconds (0 to 200): Mews allows 200 per
    /// token in a sliding window. The pace is a token bucket of <see cref="RequestBurst"/> refilled with the rest over 30
    /// seconds, so that no 30-second window ever holds more than this: one hotel's burst never earns a 429. 0 switches
    /// pacing off (429s still pause the token). Default <see cref="DefaultRequestsPer30Seconds"/>.
    /// </summary>
    public int RequestsPer30Seconds { get; set; } = DefaultRequestsPer30Seconds;

    /// <summary>Gets or sets how many of <see cref="RequestsPer30Seconds"/> may go back to back after a quiet time (1 to 100). Default 20.</summary>
    public int RequestBurst { get; set; } = 20;

    /// <summary>
    /// Gets or sets the shared secret Mews appends to the webhook address as <c>?Token=</c> (agreed with Mews support;
    /// events/wh-faq.md). Until it is set, the hotel's webhook handler refuses every delivery. Never logged.
    /// </summary>
    public string? WebhookToken { get; set; }

    /// <summary>Gets or sets the cancellation note sent when the caller gives no reason (Mews requires <c>Notes</c> on <c>reservations/cancel</c>).</summary>
    public string DefaultCancellationNote { get; set; } = "Cancelled through HotelPlatform.Connectors.";
}
