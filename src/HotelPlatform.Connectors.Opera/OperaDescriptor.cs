using HotelPlatform.Connectors.Catalog;
using HotelPlatform.Connectors.Opera;
using HotelPlatform.Connectors.Opera.Blocks;

[assembly: PmsConnectorDescriptor(typeof(OperaDescriptor))]

namespace HotelPlatform.Connectors.Opera;

/// <summary>The OPERA Cloud connector as the connector catalog shows it (docs/catalog.md); every fact is from docs/connectors/opera.md.</summary>
internal sealed class OperaDescriptor : PmsConnectorDescriptor
{
    /// <summary>The OHIP release of Oracle's module documents the connector was written from (Swagger <c>info.version</c>).</summary>
    private const string OhipRelease = "25.5.0.0";

    public override string Vendor => PmsVendors.Opera;

    public override string DisplayName => "Oracle OPERA Cloud (OHIP)";

    public override ConnectorCapabilities Capabilities => OperaCapabilities.Supported;

    public override IReadOnlyList<Type> Features => [typeof(IOperaBlocks)];

    public override IReadOnlyList<PmsAuthKind> AuthKinds => [PmsAuthKind.OAuth2ClientCredentials, PmsAuthKind.OAuth2Password];

    public override IReadOnlyList<PmsDeclaredRateLimit> RateLimits =>
    [
        new(OperaOptions.DefaultRequestsPerSecond, TimeSpan.FromSeconds(1), "OPERA Cloud environment")
        {
            Burst = OperaOptions.DefaultRequestBurst,
            Note = "OHIP tolerates bursts up to 100 but may answer 429 beyond the threshold",
        },
    ];

    public override IReadOnlyList<string> Regions => ["per-tenant regional gateway from the OHIP Developer Portal (tenant.hospitality-api.<region>.ocs.oc.com)"];

    public override Uri Documentation => new("https://github.com/hotelplatform/HotelPlatform.Connectors/blob/main/docs/connectors/opera.md");

    /// <summary>The OHIP modules the connector calls, by base path (<c>/rsv/v1</c>).</summary>
    public override IReadOnlyList<PmsVendorApiVersion> ApiVersions =>
    [
        new("oauth", "v1"),
        new("rsv", "v1") { DocumentVersion = OhipRelease },
        new("inv", "v1") { DocumentVersion = OhipRelease },
        new("par", "v1") { DocumentVersion = OhipRelease },
        new("rtp", "v1") { DocumentVersion = OhipRelease },
        new("crm", "v1") { DocumentVersion = OhipRelease },
        new("blk", "v1") { DocumentVersion = OhipRelease },
        new("int", "v1") { DocumentVersion = OhipRelease },
    ];
}
