using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors;

/// <summary>Wiring of the runtime's shared services. (Filled in by the runtime work: telemetry, token cache, limiters.)</summary>
internal static class PmsRuntime
{
    internal static IServiceCollection AddPmsRuntimeServices(this IServiceCollection services) => services;

    internal static IPmsConnector WrapWithTelemetry(IPmsConnector connector, PmsHotelRegistration registration, IServiceProvider services) => connector;
}
