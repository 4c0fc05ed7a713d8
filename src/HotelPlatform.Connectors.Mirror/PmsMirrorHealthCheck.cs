using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HotelPlatform.Connectors.Mirror;

/// <summary>
/// Reports the mirror's freshness as a health check (<c>pms-mirror</c>): healthy when every hotel is fresh, degraded
/// (the failure status the check was registered with) naming each stale hotel and why; the data carries each hotel's lag,
/// waiting events and last reconciliation. A mirror is a copy, so staleness never makes the host unhealthy by default.
/// </summary>
internal sealed class PmsMirrorHealthCheck(PmsMirrorFreshnessReader reader) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var reports = await reader.GetAllAsync(cancellationToken).ConfigureAwait(false);
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var report in reports)
        {
            data[report.HotelId] = $"lag {report.Lag:g}, {report.PendingEvents} waiting, {report.DeadLetteredEvents} dead-lettered, last event {Describe(report.LastEventAt)}, last reconciliation {Describe(report.LastReconciliationAt)}";
        }

        var stale = reports.Where(r => !r.IsFresh).ToList();
        return stale.Count == 0
            ? HealthCheckResult.Healthy($"{reports.Count} hotels mirrored, all fresh.", data)
            : new HealthCheckResult(context.Registration.FailureStatus, string.Join(" ", stale.Select(r => $"{r.HotelId}: {string.Join(" ", r.Warnings)}")), data: data);
    }

    private static string Describe(DateTimeOffset? at) => at?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "never";
}
