using HotelPlatform.Connectors.Catalog;
using HotelPlatform.Connectors.InMemory;

[assembly: PmsConnectorDescriptor(typeof(InMemoryDescriptor))]

namespace HotelPlatform.Connectors.InMemory;

/// <summary>The in-memory PMS as the connector catalog shows it: its default capabilities (every one), no vendor behind it.</summary>
internal sealed class InMemoryDescriptor : PmsConnectorDescriptor
{
    public override string Vendor => PmsVendors.InMemory;

    public override string DisplayName => "In-memory PMS (tests and demos)";

    public override ConnectorCapabilities Capabilities => new InMemoryPmsOptions().Capabilities;

    /// <summary>The connector hands out the <see cref="InMemoryPms"/> it serves, so a test can seed and inspect it.</summary>
    public override IReadOnlyList<Type> Features => [typeof(InMemoryPms)];

    public override IReadOnlyList<PmsAuthKind> AuthKinds => [PmsAuthKind.None];

    public override IReadOnlyList<PmsDeclaredRateLimit> RateLimits => [];

    public override IReadOnlyList<string> Regions => ["in process"];

    public override Uri Documentation => new("https://github.com/hotelplatform/HotelPlatform.Connectors/blob/main/src/HotelPlatform.Connectors.InMemory/README.md");

    public override IReadOnlyList<PmsVendorApiVersion> ApiVersions => [];
}
