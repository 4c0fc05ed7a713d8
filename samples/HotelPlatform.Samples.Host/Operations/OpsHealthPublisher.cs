using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HotelPlatform.Samples.Host.Operations;

/// <summary>The last health check result of one hotel and since when it has had that status.</summary>
internal sealed record OpsHotelHealth(HealthStatus Status, string? Description, DateTimeOffset CheckedAt, DateTimeOffset Since);

/// <summary>
/// Receives the health reports the host's <see cref="HealthCheckPublisherHostedService"/> runs on its period (the
/// runtime's per-hotel checks are named <c>pms:{hotel}</c>) and remembers each hotel's last status and since when it
/// holds, so the status page shows "unhealthy since" without running the checks on every page view.
/// </summary>
internal sealed class OpsHealthPublisher(TimeProvider time) : IHealthCheckPublisher
{
    private const string CheckPrefix = "pms:";

    private readonly ConcurrentDictionary<string, OpsHotelHealth> _hotels = new(StringComparer.Ordinal);
    private long _version;

    /// <summary>Gets a number that grows whenever a report arrives.</summary>
    public long Version => Interlocked.Read(ref _version);

    public OpsHotelHealth? Get(string hotelId) => _hotels.TryGetValue(hotelId, out var health) ? health : null;

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var (name, entry) in report.Entries)
        {
            if (name.StartsWith(CheckPrefix, StringComparison.Ordinal))
            {
                var hotel = name[CheckPrefix.Length..];
                _hotels.AddOrUpdate(
                    hotel,
                    _ => new OpsHotelHealth(entry.Status, entry.Description, now, now),
                    (_, previous) => new OpsHotelHealth(entry.Status, entry.Description, now, previous.Status == entry.Status ? previous.Since : now));
            }
        }

        Interlocked.Increment(ref _version);
        return Task.CompletedTask;
    }
}
