using HotelPlatform.Connectors.Catalog;
using HotelPlatform.Connectors.Mews;

[assembly: PmsConnectorDescriptor(typeof(MewsDescriptor))]

namespace HotelPlatform.Connectors.Mews;

/// <summary>The Mews connector as the connector catalog shows it (docs/catalog.md); every fact is from docs/connectors/mews.md.</summary>
internal sealed class MewsDescriptor : PmsConnectorDescriptor
{
    public override string Vendor => PmsVendors.Mews;

    public override string DisplayName => "Mews";

    public override ConnectorCapabilities Capabilities => MewsCapabilities.Supported;

    public override IReadOnlyList<PmsAuthKind> AuthKinds => [PmsAuthKind.BodyTokens];

    public override IReadOnlyList<PmsDeclaredRateLimit> RateLimits =>
    [
        new(MewsOptions.DefaultRequestsPer30Seconds, TimeSpan.FromSeconds(30), "access token") { Note = "sliding window, demo and production; 429 beyond" },
    ];

    public override IReadOnlyList<string> Regions => ["production (api.mews.com)", "demo (api.mews-demo.com)"];

    public override Uri Documentation => new("https://github.com/hotelplatform/HotelPlatform.Connectors/blob/main/docs/connectors/mews.md");

    /// <summary>
    /// Every call goes to <c>/api/connector/v1/...</c>. Mews publishes no version number for the Connector API beyond
    /// the path; the documents the connector was written from are those of the changelog's last entry.
    /// </summary>
    public override IReadOnlyList<PmsVendorApiVersion> ApiVersions =>
    [
        new("Connector API", "v1") { DocumentVersion = "2026-07-31" },
    ];
}
