using System.Runtime.CompilerServices;
using HotelPlatform.Connectors;
using HotelPlatform.Connectors.Webhooks;
using HotelPlatform.Samples.Host.Operations.Alerts;

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

/// <summary>The whole status page: every configured hotel, every vendor's roll-up, every account's quota and the recent alerts.</summary>
internal sealed record OpsStatusSnapshot(
    DateTimeOffset At,
    IReadOnlyList<OpsHotelStatus> Hotels,
    IReadOnlyList<OpsConnectionStats> Vendors,
    IReadOnlyList<OpsQuotaStatus> Quotas,
    IReadOnlyList<OpsAlert> Alerts);

/// <summary>Assembles the status page from the metrics aggregator, the last health reports, the webhook inbox, the quota gauges and the alert store.</summary>
internal sealed class OpsStatus(
    IPmsConnectorRegistry registry,
    OpsMetricsAggregator metrics,
    OpsHealthPublisher health,
    IPmsEventInbox inbox,
    OpsQuota quota,
    OpsAlertStore alerts,
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

        return new OpsStatusSnapshot(time.GetUtcNow(), rows, metrics.Vendors(), quota.Accounts(), await alerts.RecentAsync(OpsAlerts.RecentLimit, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// A snapshot now, then one whenever an operation was measured, a health report arrived or an alert changed (checked every
    /// <paramref name="tick"/>), and at least every <paramref name="refresh"/> so inbox counts stay current.
    /// </summary>
    public async IAsyncEnumerable<OpsStatusSnapshot> WatchAsync(TimeSpan tick, TimeSpan refresh, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = (Metrics: -1L, Health: -1L, Alerts: -1L);
        var sentAt = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(tick, time);
        do
        {
            var now = (metrics.Version, health.Version, alerts.Version);
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
