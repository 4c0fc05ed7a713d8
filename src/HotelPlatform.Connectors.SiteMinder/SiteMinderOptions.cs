namespace HotelPlatform.Connectors.SiteMinder;

/// <summary>
/// Settings of one hotel at SiteMinder pmsXchange: the hotel's code at SiteMinder (<see cref="PmsConnectorOptions.PropertyId"/>,
/// sent as <c>HotelCode</c>), the PMS code SiteMinder assigned (<see cref="RequestorId"/>, sent as
/// <c>POS/Source/RequestorID @ID</c>) and the WS-Security credentials. From code (<c>AddSiteMinder("syd", o =&gt; ...)</c>)
/// or configuration:
/// <code>
/// "Hotels": {
///   "syd": { "Vendor": "siteminder", "PropertyId": "SYD01", "RequestorId": "ACMEPMS", "Username": "...", "Password": "...",
///            "BaseAddress": "https://tpi-pmsx.preprod.siteminderlabs.com/webservices/ACMEPMS" }
/// }
/// </code>
/// SiteMinder issues the production address: set <see cref="PmsConnectorOptions.BaseAddress"/> to it. Left unset, the
/// connector talks to SiteMinder's documented pre-production endpoint (<see cref="TestAddressFor"/>).
/// </summary>
public sealed class SiteMinderOptions : PmsConnectorOptions
{
    /// <summary>The largest SOAP message pmsXchange accepts, in bytes (2 MB; a larger one is refused with a SOAP Fault "Payload too large").</summary>
    public const int MaxMessageBytes = 2 * 1024 * 1024;

    /// <summary>SiteMinder's documented pre-production (test) endpoint: <c>https://tpi-pmsx.preprod.siteminderlabs.com/webservices/{RequestorID}</c>.</summary>
    /// <param name="requestorId">The PMS code.</param>
    /// <returns>The address.</returns>
    public static Uri TestAddressFor(string requestorId) => new($"https://tpi-pmsx.preprod.siteminderlabs.com/webservices/{Uri.EscapeDataString(requestorId)}");

    /// <summary>Gets the address requests are posted to: <see cref="PmsConnectorOptions.BaseAddress"/>, else <see cref="TestAddressFor"/> the <see cref="RequestorId"/>.</summary>
    public Uri EffectiveAddress => BaseAddress ?? TestAddressFor(RequestorId);

    /// <summary>Gets or sets the PMS code SiteMinder assigned to the integration (required), sent as <c>RequestorID @Type="22" @ID</c>.</summary>
    public string RequestorId { get; set; } = string.Empty;

    /// <summary>Gets or sets the pmsXchange user name (required), sent in the <c>wsse:UsernameToken</c> of every request.</summary>
    public string Username { get; set; } = string.Empty;

    /// <summary>Gets or sets the pmsXchange password (required), sent as <c>PasswordText</c> (SiteMinder accepts no other type); never logged.</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>
    /// Gets or sets how long the event source waits between polls for undelivered reservations. SiteMinder asks for every
    /// 2 to 5 minutes ("not more often than 2, not less often than 5"); default 2 minutes.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Gets how the hotel's push endpoint authenticates SiteMinder's <c>OTA_HotelResNotifRQ</c> deliveries: the
    /// UsernameToken credentials the PMS gave SiteMinder (configuration section <c>Push</c>). Until both are set, the
    /// hotel's webhook handler refuses every delivery.
    /// </summary>
    public SiteMinderPushOptions Push { get; } = new();
}

/// <summary>The WS-Security credentials SiteMinder puts in the header of the reservations it pushes to the PMS.</summary>
public sealed class SiteMinderPushOptions
{
    /// <summary>Gets or sets the user name SiteMinder sends.</summary>
    public string? Username { get; set; }

    /// <summary>Gets or sets the password SiteMinder sends (SiteMinder: at least 12 characters of mixed classes, none of <c>&lt; &gt; &amp; " '</c>).</summary>
    public string? Password { get; set; }
}
