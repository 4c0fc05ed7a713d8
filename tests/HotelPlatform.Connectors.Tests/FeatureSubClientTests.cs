using HotelPlatform.Connectors.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.Tests;

/// <summary>
/// Operations added after <see cref="IPmsConnector"/>'s first release are feature sub-clients (ADR 0010): they reach the
/// caller through every layer the registry puts around a connector (middleware, telemetry), which a default interface
/// member answered by the outermost layer would not.
/// </summary>
public sealed class FeatureSubClientTests
{
    [PmsFeature("group blocks")]
    public interface IGroupBlocks
    {
        string Describe();
    }

    private sealed class GroupBlocks : IGroupBlocks
    {
        public string Describe() => "blocks of the inner connector";
    }

    private sealed class ConnectorWithBlocks(IGroupBlocks? blocks) : DelegatingPmsConnector(new FakeConnector(vendor: "acme", propertyId: "BER"))
    {
        public override object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceKey is null && blocks is not null && serviceType.IsInstanceOfType(blocks) ? blocks : base.GetService(serviceType, serviceKey);
    }

    /// <summary>Middleware written before the feature existed: it knows nothing of group blocks.</summary>
    private sealed class OlderMiddleware(IPmsConnector inner) : DelegatingPmsConnector(inner);

    private static ServiceProvider Build(IGroupBlocks? blocks)
    {
        var services = new ServiceCollection();
        services.AddPmsConnectors()
            .Use(inner => new OlderMiddleware(inner))
            .AddConnector("berlin", "acme", _ => new ConnectorWithBlocks(blocks));
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task A_feature_of_the_vendor_connector_passes_through_middleware_and_telemetry_to_the_caller()
    {
        var blocks = new GroupBlocks();
        await using var provider = Build(blocks);
        var pms = provider.GetRequiredKeyedService<IPmsConnector>("berlin");

        Assert.IsNotType<ConnectorWithBlocks>(pms);
        Assert.Same(blocks, pms.GetRequiredService<IGroupBlocks>());
    }

    [Fact]
    public async Task A_feature_the_vendor_connector_lacks_fails_through_the_layers_with_the_vendor_and_the_feature()
    {
        await using var provider = Build(blocks: null);
        var pms = provider.GetRequiredService<IPmsConnectorRegistry>().Get("berlin");

        var error = Assert.Throws<PmsNotSupportedException>(() => pms.GetRequiredService<IGroupBlocks>());

        Assert.Null(pms.GetService<IGroupBlocks>());
        Assert.Equal(("acme", "group blocks"), (error.Vendor, error.Feature));
        Assert.StartsWith("The acme connector (property BER) does not support group blocks", error.Message, StringComparison.Ordinal);
    }
}
