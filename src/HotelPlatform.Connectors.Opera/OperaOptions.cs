namespace HotelPlatform.Connectors.Opera;

/// <summary>How the connector obtains OHIP tokens (<c>POST /oauth/v1/tokens</c>, oauth.json <c>grant_type</c>).</summary>
public enum OperaGrant
{
    /// <summary><c>client_credentials</c> with <c>scope</c> (and the <c>enterpriseId</c> header): environments on Oracle Cloud Infrastructure Identity Management (OCIM).</summary>
    ClientCredentials = 0,

    /// <summary><c>password</c> with the OPERA integration user's name and password: older (SSD) environments.</summary>
    Password = 1,
}

/// <summary>
/// Settings of one OPERA Cloud hotel reached through OHIP. Every hotel of one environment (a chain) shares the
/// environment's gateway, client, application key and therefore one token and one 50 requests/s throttle:
/// <code>
/// "Hotels": {
///   "ldn": { "Vendor": "opera", "PropertyId": "LDN01", "BaseAddress": "https://tenant.hospitality-api.eu.ocs.oc.com/",
///            "ClientId": "...", "ClientSecret": "...", "AppKey": "...", "Scope": "urn:opc:hgbu:ws:__myscopes__",
///            "EnterpriseId": "CHAIN", "ExternalSystemCode": "MYAPP", "TimeZone": "Europe/London", "Currency": "GBP" }
/// }
/// </code>
/// <see cref="PmsConnectorOptions.PropertyId"/> is the OPERA hotel code (<c>x-hotelid</c> and <c>{hotelId}</c> in paths).
/// </summary>
public sealed class OperaOptions : PmsConnectorOptions
{
    /// <summary>OHIP's documented throttle: 50 requests per second per OPERA Cloud environment.</summary>
    public const int DefaultRequestsPerSecond = 50;

    /// <summary>
    /// The burst of <see cref="RequestBurst"/> by default: one second's worth. OHIP tolerates short bursts up to 100 but
    /// "bursts beyond the threshold may be rejected with HTTP 429", so the connector does not spend that allowance by default.
    /// </summary>
    public const int DefaultRequestBurst = 50;

    /// <summary>Gets or sets the OHIP client id of the environment (required). Hotels with the same gateway and client id share one token and one throttle.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>Gets or sets the OHIP client secret (required); sent to the token endpoint only, never logged.</summary>
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>Gets or sets the application key of the OHIP application (required; <c>x-app-key</c> on every call, a UUID).</summary>
    public string AppKey { get; set; } = string.Empty;

    /// <summary>Gets or sets which token grant the environment uses. Default <see cref="OperaGrant.ClientCredentials"/>.</summary>
    public OperaGrant Grant { get; set; } = OperaGrant.ClientCredentials;

    /// <summary>Gets or sets the scope sent with <see cref="OperaGrant.ClientCredentials"/> ("your assigned scope").</summary>
    public string? Scope { get; set; }

    /// <summary>Gets or sets the enterprise id sent as the <c>enterpriseId</c> header of token calls (OCIM environments; <c>^[A-Z0-9]{1,8}$</c>).</summary>
    public string? EnterpriseId { get; set; }

    /// <summary>Gets or sets the OPERA integration user for <see cref="OperaGrant.Password"/>.</summary>
    public string? UserName { get; set; }

    /// <summary>Gets or sets the OPERA integration user's password for <see cref="OperaGrant.Password"/>; never logged.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// Gets or sets the external system code configured in OPERA for this integration (required): the
    /// <c>idContext</c> of the client reference stamped on created reservations, the code of the get-by-external-id
    /// lookup and of the business-event queue.
    /// </summary>
    public string ExternalSystemCode { get; set; } = string.Empty;

    /// <summary>Gets or sets the hotel's display name; the hotel code when not set (the saved OHIP modules have no hotel-detail operation).</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the hotel's IANA time zone (required: "today" of arrivals and in-house lists is the hotel's day).</summary>
    public string TimeZone { get; set; } = string.Empty;

    /// <summary>Gets or sets the hotel's currency (ISO 4217, required), used where OHIP leaves <c>currencyCode</c> out.</summary>
    public string Currency { get; set; } = string.Empty;

    /// <summary>Gets or sets the guarantee code sent on new reservations (a List-of-Values code such as <c>6PM</c>); none when not set.</summary>
    public string? GuaranteeCode { get; set; }

    /// <summary>Gets or sets the market code sent on each room rate of new reservations; none when not set.</summary>
    public string? MarketCode { get; set; }

    /// <summary>Gets or sets the source code sent on each room rate of new reservations; none when not set.</summary>
    public string? SourceCode { get; set; }

    /// <summary>Gets or sets the sustained rate, in requests per second, shared by the environment's hotels (0 switches pacing off; at most 1000). Default 50.</summary>
    public int RequestsPerSecond { get; set; } = DefaultRequestsPerSecond;

    /// <summary>Gets or sets how many requests may go back to back (1 to 1000). Default <see cref="DefaultRequestBurst"/>.</summary>
    public int RequestBurst { get; set; } = DefaultRequestBurst;

    /// <summary>
    /// Gets or sets how many results one reservation search pages through at most. OHIP's <c>totalResults</c> is
    /// capped (crm documents 1000 for profiles; rsv states no figure, so the same is assumed): a search whose first page
    /// reports this many is split by arrival date before any of it is read. Default 1000.
    /// </summary>
    public int SearchResultCap { get; set; } = 1000;

    /// <summary>Gets or sets how many days after today a changed-since listing looks at stays (OHIP has no change feed). Default 400.</summary>
    public int ChangedSinceHorizonDays { get; set; } = 400;

    /// <summary>Gets or sets the page size of reservation searches (1 to <see cref="OperaLimits.MaxReservationLimit"/>). Default 200.</summary>
    public int ReservationPageSize { get; set; } = 200;

    /// <summary>
    /// Gets or sets a folder where the business-event source keeps dequeued events until they are acknowledged. OHIP
    /// removes events when they are read; with a folder, events read but not yet acknowledged survive a crash and are
    /// handed out again. Without one they are kept in memory (a process crash then loses them; see docs/connectors/opera.md).
    /// </summary>
    public string? EventOutboxDirectory { get; set; }
}
