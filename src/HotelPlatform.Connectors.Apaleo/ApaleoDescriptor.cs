using HotelPlatform.Connectors.Apaleo;
using HotelPlatform.Connectors.Apaleo.Subscriptions;
using HotelPlatform.Connectors.Catalog;

[assembly: PmsConnectorDescriptor(typeof(ApaleoDescriptor))]

namespace HotelPlatform.Connectors.Apaleo;

/// <summary>The Apaleo connector as the connector catalog shows it (docs/catalog.md); every fact is from docs/connectors/apaleo.md.</summary>
internal sealed class ApaleoDescriptor : PmsConnectorDescriptor
{
    public override string Vendor => PmsVendors.Apaleo;

    public override string DisplayName => "Apaleo";

    public override ConnectorCapabilities Capabilities => ApaleoCapabilities.Supported;

    public override IReadOnlyList<Type> Features => [typeof(IApaleoSubscriptions)];

    public override IReadOnlyList<PmsAuthKind> AuthKinds => [PmsAuthKind.OAuth2ClientCredentials];

    public override IReadOnlyList<PmsDeclaredRateLimit> RateLimits =>
    [
        new(ApaleoOptions.DefaultRequestsPerSecond, TimeSpan.FromSeconds(1), "client id + account")
        {
            Burst = ApaleoOptions.DefaultRequestBurst,
            Note = "soft limit, averaged over 10 minutes; per-resource limits on some endpoints; 429 beyond",
        },
    ];

    public override IReadOnlyList<string> Regions => ["one global API host (api.apaleo.com); regions are not documented"];

    public override Uri Documentation => new("https://github.com/hotelplatform/HotelPlatform.Connectors/blob/main/docs/connectors/apaleo.md");

    /// <summary>The paths the connector calls carry these APIs and versions (<c>/booking/v1/...</c>).</summary>
    public override IReadOnlyList<PmsVendorApiVersion> ApiVersions =>
    [
        new("booking", "v1"),
        new("inventory", "v1"),
        new("availability", "v1"),
        new("rateplan", "v1"),
    ];
}
