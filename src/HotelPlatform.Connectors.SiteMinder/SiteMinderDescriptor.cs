using HotelPlatform.Connectors.Catalog;
using HotelPlatform.Connectors.SiteMinder;
using HotelPlatform.Connectors.SiteMinder.Distribution;
using HotelPlatform.Connectors.SiteMinder.Wire;

[assembly: PmsConnectorDescriptor(typeof(SiteMinderDescriptor))]

namespace HotelPlatform.Connectors.SiteMinder;

/// <summary>The SiteMinder connector as the connector catalog shows it (docs/catalog.md); every fact is from docs/connectors/siteminder.md.</summary>
internal sealed class SiteMinderDescriptor : PmsConnectorDescriptor
{
    public override string Vendor => PmsVendors.SiteMinder;

    public override string DisplayName => "SiteMinder (pmsXchange)";

    public override ConnectorCapabilities Capabilities => SiteMinderCapabilities.Supported;

    public override IReadOnlyList<Type> Features => [typeof(ISiteMinderDistribution)];

    public override IReadOnlyList<PmsAuthKind> AuthKinds => [PmsAuthKind.WsSecurityUsernameToken];

    /// <summary>pmsXchange documents no request quota, only a polling cadence, deltas and a 2 MB message limit.</summary>
    public override IReadOnlyList<PmsDeclaredRateLimit> RateLimits => [];

    public override IReadOnlyList<string> Regions => ["pre-production (tpi-pmsx.preprod.siteminderlabs.com); the production address is issued by SiteMinder"];

    public override Uri Documentation => new("https://github.com/hotelplatform/HotelPlatform.Connectors/blob/main/docs/connectors/siteminder.md");

    /// <summary>
    /// Every message is in the OTA 2003/05 namespace with <c>Version="1.0"</c>; the connector's models follow the
    /// OpenTravel 2015B schemas of these messages.
    /// </summary>
    public override IReadOnlyList<PmsVendorApiVersion> ApiVersions =>
    [
        .. new[] { "OTA_PingRQ", "OTA_ReadRQ", "OTA_NotifReportRQ", "OTA_HotelResNotifRQ", "OTA_HotelAvailNotifRQ", "OTA_HotelRateAmountNotifRQ" }
            .Select(message => new PmsVendorApiVersion(message, Ota.Version) { DocumentVersion = $"{Ota.NamespaceName} (OpenTravel 2015B)" }),
    ];
}
