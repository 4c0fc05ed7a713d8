using System.Runtime.CompilerServices;
using HotelPlatform.Connectors;
using HotelPlatform.Connectors.Webhooks;

namespace HotelPlatform.Samples.Host.Operations;

/// <summary>One row of the status page: a hotel's connection, its health and its webhook inbox.</summary>
internal sealed record OpsHotelStatus(
    string Hotel,
    string Vendor,
    string Health,
    string? HealthDescription,
    DateTimeOffset? HealthSince,
    OpsConnectionStats? Operations,
    int WebhookBacklog,
    int DeadLetters);

/// <summary>The whole status page: every configured hotel and every vendor's roll-up.</summary>
internal sealed record OpsStatusSnapshot(DateTimeOffset At, IReadOnlyList<OpsHotelStatus> Hotels, IReadOnlyList<OpsConnectionStats> Vendors);

/// <summary>Assembles the status page from the metrics aggregator, the last health reports and the webhook inbox.</summary>
internal sealed class OpsStatus(
    IPmsConnectorRegistry registry,
    OpsMetricsAggregator metrics,
    OpsHealthPublisher health,
    IPmsEventInbox inbox,
    TimeProvider time)
{
    /// <summary>The inbox is counted up to this many items per hotel and status; the page shows "1000+" beyond.</summary>
    public const int CountLimit = 1000;

    public async Task<OpsStatusSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var byHotel = metrics.Hotels().ToDictionary(s => s.Hotel, StringComparer.Ordinal);
        var rows = new List<OpsHotelStatus>();
        foreach (var hotel in registry.Hotels)
        {
            var checkedHealth = health.Get(hotel.HotelId);
            var pending = await inbox.ListAsync(hotel.HotelId, PmsInboxStatus.Pending, CountLimit, cancellationToken).ConfigureAwait(false);
            var dead = await inbox.ListAsync(hotel.HotelId, PmsInboxStatus.DeadLettered, CountLimit, cancellationToken).ConfigureAwait(false);
            rows.Add(new OpsHotelStatus(
                hotel.HotelId,
                hotel.Vendor,
                checkedHealth?.Status.ToString() ?? "Unknown",
                checkedHealth?.Description,
                checkedHealth?.Since,
                byHotel.GetValueOrDefault(hotel.HotelId),
                pending.Count,
                dead.Count));
        }

        return new OpsStatusSnapshot(time.GetUtcNow(), rows, metrics.Vendors());
    }

    /// <summary>
    /// A snapshot now, then one whenever an operation was measured or a health report arrived (checked every
    /// <paramref name="tick"/>), and at least every <paramref name="refresh"/> so inbox counts stay current.
    /// </summary>
    public async IAsyncEnumerable<OpsStatusSnapshot> WatchAsync(TimeSpan tick, TimeSpan refresh, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = (Metrics: -1L, Health: -1L);
        var sentAt = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(tick, time);
        do
        {
            var now = (metrics.Version, health.Version);
            if (now != seen || time.GetUtcNow() - sentAt >= refresh)
            {
                seen = now;
                sentAt = time.GetUtcNow();
                yield return await SnapshotAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }
}
