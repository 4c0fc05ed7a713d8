using HotelPlatform.Connectors.Catalog;
using HotelPlatform.Connectors.Cloudbeds;
using HotelPlatform.Connectors.Cloudbeds.Subscriptions;

[assembly: PmsConnectorDescriptor(typeof(CloudbedsDescriptor))]

namespace HotelPlatform.Connectors.Cloudbeds;

/// <summary>The Cloudbeds connector as the connector catalog shows it (docs/catalog.md); every fact is from docs/connectors/cloudbeds.md.</summary>
internal sealed class CloudbedsDescriptor : PmsConnectorDescriptor
{
    public override string Vendor => PmsVendors.Cloudbeds;

    public override string DisplayName => "Cloudbeds";

    public override ConnectorCapabilities Capabilities => CloudbedsCapabilities.Supported;

    public override IReadOnlyList<Type> Features => [typeof(ICloudbedsSubscriptions)];

    public override IReadOnlyList<PmsAuthKind> AuthKinds => [PmsAuthKind.ApiKey, PmsAuthKind.OAuth2RefreshToken];

    public override IReadOnlyList<PmsDeclaredRateLimit> RateLimits =>
    [
        new(CloudbedsOptions.DefaultRequestsPerSecond, TimeSpan.FromSeconds(1), "property")
        {
            Note = "Cloudbeds' pages disagree: 5 per second for properties, 10 for technology partners (FAQ); 10 for all (tech specs)",
        },
    ];

    public override IReadOnlyList<string> Regions => ["one global API host (api.cloudbeds.com); /oauth/metadata names a property's regional API address"];

    public override Uri Documentation => new("https://github.com/hotelplatform/HotelPlatform.Connectors/blob/main/docs/connectors/cloudbeds.md");

    /// <summary>The connector's base address is <c>https://api.cloudbeds.com/api/v1.3/</c>.</summary>
    public override IReadOnlyList<PmsVendorApiVersion> ApiVersions => [new("PMS API", "v1.3")];
}
