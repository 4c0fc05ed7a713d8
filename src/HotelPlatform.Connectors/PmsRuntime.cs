using System.Diagnostics.Metrics;
using HotelPlatform.Connectors.Authentication;
using HotelPlatform.Connectors.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Connectors;

/// <summary>Wiring of the runtime's shared services: the clock, telemetry, the account credential registry and rate limiters.</summary>
internal static class PmsRuntime
{
    /// <summary>
    /// Adds the runtime's singletons, once: <see cref="TimeProvider.System"/> unless a clock is registered,
    /// the telemetry instruments, the process-wide credential registry and rate-limiter registry (one per account, shared by the
    /// account's hotels), <c>IHttpClientFactory</c>, and the named client token requests go through.
    /// </summary>
    internal static IServiceCollection AddPmsRuntimeServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        if (services.Any(d => d.ServiceType == typeof(PmsRuntimeMarker)))
        {
            return services;
        }

        services.AddSingleton<PmsRuntimeMarker>();
        services.TryAddSingleton(static sp => new PmsInstrumentation(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton(static sp => new PmsRateLimitGauges(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton<PmsCredentialRegistry>();
        services.TryAddSingleton<PmsRateLimiterRegistry>();
        services.AddOptions<PmsRateLimitingOptions>()
            .Validate(static o => o.InteractiveReserve is >= 0 and <= 0.9, "PmsRateLimitingOptions.InteractiveReserve must be between 0 and 0.9.")
            .ValidateOnStart();

        // Token requests carry the client secret in a header or the body; IHttpClientFactory's default loggers would
        // log the token endpoint's full address on every request, so the client logs through the credentials only.
        services.AddHttpClient(PmsOAuth2CredentialOptions.TokenHttpClientName).RemoveAllLoggers();
        return services;
    }

    /// <summary>Wraps a hotel's (decorated) connector with the telemetry layer, the outermost of all.</summary>
    internal static IPmsConnector WrapWithTelemetry(IPmsConnector connector, PmsHotelRegistration registration, IServiceProvider services) =>
        new TelemetryPmsConnector(
            connector,
            registration.Vendor,
            registration.HotelId,
            services.GetRequiredService<PmsInstrumentation>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetService<IOptions<PmsTelemetryOptions>>()?.Value);

    /// <summary>Marks a service collection the runtime's services were added to.</summary>
    private sealed class PmsRuntimeMarker;
}
