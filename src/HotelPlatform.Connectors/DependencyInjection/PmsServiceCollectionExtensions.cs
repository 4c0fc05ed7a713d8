using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HotelPlatform.Connectors;

/// <summary>Registers the PMS connector runtime.</summary>
public static class PmsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the connector runtime (registry, telemetry, shared token cache and rate limiters) and returns a builder to
    /// register hotels with. Safe to call more than once; every call returns a builder over the same registrations.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>The builder.</returns>
    public static IPmsConnectorsBuilder AddPmsConnectors(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPmsConnectorRegistry, PmsConnectorRegistry>();
        services.AddPmsRuntimeServices();
        return new PmsConnectorsBuilder(services);
    }

    private sealed class PmsConnectorsBuilder(IServiceCollection services) : IPmsConnectorsBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}
