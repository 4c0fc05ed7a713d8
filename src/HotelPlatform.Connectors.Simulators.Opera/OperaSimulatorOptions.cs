namespace HotelPlatform.Connectors.Simulators.Opera;

/// <summary>Settings of an <see cref="OperaSimulator"/>: one OHIP environment (a chain) with its hotels.</summary>
public sealed class OperaSimulatorOptions
{
    /// <summary>The client id accepted by default.</summary>
    public const string DefaultClientId = "SIMCHAIN_Client";

    /// <summary>The client secret accepted by default.</summary>
    public const string DefaultClientSecret = "sim-secret";

    /// <summary>The application key accepted by default (a UUID v4, as oauth.json's pattern asks).</summary>
    public const string DefaultAppKey = "3f2a6c1e-9b7d-4e21-8a3c-5d6e7f809a1b";

    /// <summary>The scope granted by default (Oracle's Postman workflows use it).</summary>
    public const string DefaultScope = "urn:opc:hgbu:ws:__myscopes__";

    /// <summary>The external system code configured by default.</summary>
    public const string DefaultExternalSystemCode = "HPCONN";

    /// <summary>Gets or sets the client id.</summary>
    public string ClientId { get; set; } = DefaultClientId;

    /// <summary>Gets or sets the client secret.</summary>
    public string ClientSecret { get; set; } = DefaultClientSecret;

    /// <summary>Gets or sets the application key every call must carry in <c>x-app-key</c>.</summary>
    public string AppKey { get; set; } = DefaultAppKey;

    /// <summary>Gets or sets the scope the client may request.</summary>
    public string Scope { get; set; } = DefaultScope;

    /// <summary>Gets or sets the external system code whose references and event queue exist.</summary>
    public string ExternalSystemCode { get; set; } = DefaultExternalSystemCode;

    /// <summary>Gets the hotel codes of the chain (at least one).</summary>
    public IList<string> HotelCodes { get; } = ["SIMHTL1"];

    /// <summary>Gets or sets the hotels' time zone.</summary>
    public string TimeZone { get; set; } = "Europe/London";

    /// <summary>Gets or sets the hotels' currency.</summary>
    public string Currency { get; set; } = "GBP";

    /// <summary>Gets or sets how many rooms each room type has.</summary>
    public int RoomsPerType { get; set; } = 20;

    /// <summary>Gets or sets the environment throttle (requests per second, shared by every hotel); OHIP documents 50.</summary>
    public int RequestsPerSecond { get; set; } = 50;

    /// <summary>Gets or sets the short burst OHIP tolerates above the rate (documented: up to 100); a sliding second holds at most rate + burst requests.</summary>
    public int RequestBurst { get; set; } = 100;

    /// <summary>Gets or sets how many results a reservation search pages through at most (<c>totalResults</c> is capped at it).</summary>
    public int SearchResultCap { get; set; } = 1000;

    /// <summary>Gets or sets how many room rates one par availability page holds when the request names no <c>limit</c> (further pages by <c>pagePointerKey</c>).</summary>
    public int AvailabilityPageSize { get; set; } = 4;

    /// <summary>Gets or sets the token lifetime (OHIP: 60 minutes).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);
}
