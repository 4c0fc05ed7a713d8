using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Connectors;

/// <summary>Health checks of the registered hotels.</summary>
public static class PmsHealthChecksBuilderExtensions
{
    /// <summary>The tag every PMS health check carries, besides its vendor's name.</summary>
    public const string Tag = "pms";

    /// <summary>
    /// Adds one health check per registered hotel, named <c>pms:{hotelId}</c> and tagged <see cref="Tag"/> and the
    /// vendor's name, that calls the hotel's <see cref="IPmsConnector.CheckHealthAsync"/>. The hotels are read when the
    /// health-check service is built, so hotels registered after this call are included.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="failureStatus">The status reported for an unhealthy hotel; <see cref="HealthStatus.Unhealthy"/> when <see langword="null"/>.</param>
    /// <param name="timeout">How long one hotel's check may take; <see langword="null"/> for no limit of its own.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddPmsHealthChecks(this IHealthChecksBuilder builder, HealthStatus? failureStatus = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (timeout is { } t && t <= TimeSpan.Zero && t != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be positive.");
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<HealthCheckServiceOptions>, PmsHealthCheckRegistrations>());
        builder.Services.Configure<PmsHealthCheckSettings>(s =>
        {
            s.FailureStatus = failureStatus;
            s.Timeout = timeout;
        });
        return builder;
    }
}

/// <summary>The settings of <see cref="PmsHealthChecksBuilderExtensions.AddPmsHealthChecks"/>.</summary>
internal sealed class PmsHealthCheckSettings
{
    public HealthStatus? FailureStatus { get; set; }

    public TimeSpan? Timeout { get; set; }
}

/// <summary>Adds a check per hotel when the health-check options are first built, after every registration has been made.</summary>
internal sealed class PmsHealthCheckRegistrations(IEnumerable<PmsHotelRegistration> hotels, IOptions<PmsHealthCheckSettings> settings) : IConfigureOptions<HealthCheckServiceOptions>
{
    public void Configure(HealthCheckServiceOptions options)
    {
        foreach (var hotel in hotels)
        {
            var name = $"pms:{hotel.HotelId}";
            if (options.Registrations.Any(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var hotelId = hotel.HotelId;
            options.Registrations.Add(new HealthCheckRegistration(
                name,
                sp => new PmsHotelHealthCheck(sp.GetRequiredService<IPmsConnectorRegistry>(), hotelId),
                settings.Value.FailureStatus,
                [PmsHealthChecksBuilderExtensions.Tag, hotel.Vendor],
                settings.Value.Timeout));
        }
    }
}

/// <summary>Checks one hotel through its connector.</summary>
internal sealed class PmsHotelHealthCheck(IPmsConnectorRegistry registry, string hotelId) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        IPmsConnector connector;
        PmsHealthReport report;
        try
        {
            connector = registry.Get(hotelId);
            report = await connector.CheckHealthAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A connector that cannot even be made (invalid options) is as unhealthy as one that cannot connect. The
            // health-check service would report the raw exception message; scrub it here instead.
            return new HealthCheckResult(context.Registration.FailureStatus, $"Hotel '{hotelId}': the connector failed: {PmsRedaction.Scrub(ex.Message)}", ex);
        }

        var data = new Dictionary<string, object>
        {
            ["vendor"] = connector.Vendor,
            ["durationMs"] = (long)report.Duration.TotalMilliseconds,
        };
        var description = report.Description is null ? null : PmsRedaction.Scrub(report.Description);
        return report.Status switch
        {
            PmsHealthStatus.Healthy => HealthCheckResult.Healthy(description, data),
            PmsHealthStatus.Degraded => HealthCheckResult.Degraded(description, report.Exception, data),
            _ => new HealthCheckResult(context.Registration.FailureStatus, description, report.Exception, data),
        };
    }
}
