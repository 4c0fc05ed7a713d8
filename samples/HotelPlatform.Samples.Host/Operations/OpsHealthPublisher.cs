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
    private readonly ConcurrentDictionary<string, Queue<(DateTimeOffset At, HealthStatus Status)>> _history = new(StringComparer.Ordinal);

    /// <summary>Gets a number that grows whenever a report arrives.</summary>
    public long Version => Interlocked.Read(ref _version);

    public OpsHotelHealth? Get(string hotelId) => _hotels.TryGetValue(hotelId, out var health) ? health : null;

    /// <summary>
    /// The share of the hotel's health reports in the <paramref name="window"/> before now that were not
    /// <see cref="HealthStatus.Unhealthy"/> (degraded still serves), and how many reports that is; null without reports.
    /// </summary>
    public (double Availability, int Reports)? Availability(string hotelId, TimeSpan window)
    {
        if (!_history.TryGetValue(hotelId, out var reports))
        {
            return null;
        }

        var from = time.GetUtcNow() - window;
        lock (reports)
        {
            var inWindow = reports.Where(r => r.At >= from).ToArray();
            return inWindow.Length == 0 ? null : ((double)inWindow.Count(r => r.Status != HealthStatus.Unhealthy) / inWindow.Length, inWindow.Length);
        }
    }

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
                var history = _history.GetOrAdd(hotel, _ => new Queue<(DateTimeOffset, HealthStatus)>());
                lock (history)
                {
                    history.Enqueue((now, entry.Status));
                    while (history.TryPeek(out var oldest) && oldest.At < now - OpsOperationWindow.Retention)
                    {
                        history.Dequeue();
                    }
                }
            }
        }

        Interlocked.Increment(ref _version);
        return Task.CompletedTask;
    }
}
