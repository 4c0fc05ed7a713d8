using HotelPlatform.Connectors.Webhooks;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Samples.Host.Operations.Alerts;

/// <summary>
/// Every <see cref="OpsAlertOptions.EvaluationInterval"/> (on the host's <see cref="TimeProvider"/>), turns the status
/// snapshot into alerts: a condition that holds and has no open alert fires one; an open alert whose condition no
/// longer holds is resolved. The open alerts are read from the store each time, so a restart neither fires an open
/// alert again nor forgets to resolve it. Notifications are only queued here (the <see cref="OpsAlertNotifier"/>
/// delivers them), so a slow or dead receiver never delays an evaluation.
/// </summary>
internal sealed partial class OpsAlertEvaluator(
    OpsStatus status,
    OpsMetricsAggregator metrics,
    OpsQuota quota,
    IPmsEventInbox inbox,
    OpsAlertStore store,
    IOptions<OpsAlertOptions> options,
    TimeProvider time,
    ILogger<OpsAlertEvaluator> logger) : BackgroundService
{
    /// <summary>Evaluates every rule once and fires and resolves alerts accordingly; returns the conditions that hold.</summary>
    public async Task<IReadOnlyList<OpsAlertCondition>> EvaluateOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var snapshot = await status.SnapshotAsync(cancellationToken).ConfigureAwait(false);
        var errorWindows = snapshot.Hotels.ToDictionary(h => h.Hotel, h => metrics.Over(h.Hotel, settings.Rules.ErrorRate.Window), StringComparer.Ordinal);
        var deliveries = settings.Rules.WebhookSilence.Enabled
            ? await DeliveriesAsync(snapshot.Hotels, now - settings.Rules.WebhookSilence.Window, cancellationToken).ConfigureAwait(false)
            : new Dictionary<string, OpsDeliveryCounts>(StringComparer.Ordinal);
        var open = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var alreadyOpen = open.Select(a => (a.Rule, a.Subject)).ToHashSet();
        var conditions = OpsAlertRules.Evaluate(settings.Rules, new OpsAlertInput(now, alreadyOpen, snapshot.Hotels, errorWindows, quota.Accounts(), deliveries));

        var holding = conditions.Select(c => (c.Rule, c.Subject)).ToHashSet();
        foreach (var alert in open.Where(a => !holding.Contains((a.Rule, a.Subject))))
        {
            await store.ResolveAsync(alert.Id, now, settings.Notify.Urls, cancellationToken).ConfigureAwait(false);
            LogResolved(logger, alert.Rule, alert.Subject);
        }

        foreach (var condition in conditions.Where(c => !alreadyOpen.Contains((c.Rule, c.Subject))))
        {
            if (await store.FireAsync(condition, now, settings.Notify.Urls, cancellationToken).ConfigureAwait(false) is not null)
            {
                LogFired(logger, condition.Rule, condition.Subject, condition.Message);
            }
        }

        return conditions;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.EvaluationInterval, time);
        do
        {
            try
            {
                await EvaluateOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // One failed evaluation (a locked database, an inbox read) must not end alerting: the next tick tries again.
                LogFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>Per hotel, the webhook deliveries and reconciliation events the inbox received since <paramref name="since"/>.</summary>
    private async Task<Dictionary<string, OpsDeliveryCounts>> DeliveriesAsync(IReadOnlyList<OpsHotelStatus> hotels, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, OpsDeliveryCounts>(StringComparer.Ordinal);
        foreach (var hotel in hotels)
        {
            var recent = (await inbox.ListAsync(hotel.Hotel, status: null, OpsStatus.CountLimit, cancellationToken).ConfigureAwait(false))
                .Where(i => i.Record.ReceivedAt >= since).ToArray();
            counts[hotel.Hotel] = new OpsDeliveryCounts(
                recent.Count(i => i.Record.Origin == PmsEventOrigin.Webhook),
                recent.Count(i => i.Record.Origin == PmsEventOrigin.Reconciliation));
        }

        return counts;
    }

    [LoggerMessage(EventId = 3301, Level = LogLevel.Warning, Message = "Alert fired: {Rule} for {Subject}: {Message}")]
    private static partial void LogFired(ILogger logger, string rule, string subject, string message);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Information, Message = "Alert resolved: {Rule} for {Subject}")]
    private static partial void LogResolved(ILogger logger, string rule, string subject);

    [LoggerMessage(EventId = 3303, Level = LogLevel.Error, Message = "Alert evaluation failed; the next one follows on schedule")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
