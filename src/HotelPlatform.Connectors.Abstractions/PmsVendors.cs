namespace HotelPlatform.Connectors;

/// <summary>The names of the vendors the built-in connectors speak to, as used in configuration (<c>"Vendor": "apaleo"</c>).</summary>
public static class PmsVendors
{
    /// <summary>Apaleo.</summary>
    public const string Apaleo = "apaleo";

    /// <summary>Mews (Connector API).</summary>
    public const string Mews = "mews";

    /// <summary>Oracle OPERA Cloud (OHIP).</summary>
    public const string Opera = "opera";

    /// <summary>Cloudbeds.</summary>
    public const string Cloudbeds = "cloudbeds";

    /// <summary>SiteMinder (pmsXchange).</summary>
    public const string SiteMinder = "siteminder";

    /// <summary>The in-memory PMS of <c>HotelPlatform.Connectors.InMemory</c>.</summary>
    public const string InMemory = "inmemory";
}
