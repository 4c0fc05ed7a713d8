using System.Text;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Samples.Host.Operations.Alerts;

/// <summary>
/// Delivers the queued alert notifications: each is POSTed as JSON to its address through <see cref="IHttpClientFactory"/>
/// (the client <see cref="HttpClientName"/> with the standard resilience handler: retries within one delivery, timeouts,
/// circuit breaker). A delivery that still fails is recorded with its error and tried again after
/// <see cref="OpsAlertNotifyOptions.RetryDelay"/>, doubling, until <see cref="OpsAlertNotifyOptions.MaxAttempts"/>; then
/// it is recorded as failed. It runs on its own loop, apart from the evaluation, which it never holds up.
/// </summary>
internal sealed partial class OpsAlertNotifier(
    OpsAlertStore store,
    IHttpClientFactory clients,
    IOptions<OpsAlertOptions> options,
    TimeProvider time,
    ILogger<OpsAlertNotifier> logger) : BackgroundService
{
    /// <summary>The named HTTP client notifications are sent with.</summary>
    public const string HttpClientName = "ops-alert-notifications";

    private const int BatchSize = 20;

    /// <summary>Tries every due notification once; returns how many were delivered.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var notify = options.Value.Notify;
        var delivered = 0;
        var client = clients.CreateClient(HttpClientName);
        foreach (var notification in await store.DueNotificationsAsync(time.GetUtcNow(), BatchSize, cancellationToken).ConfigureAwait(false))
        {
            string? error = null;
            try
            {
                using var content = new StringContent(notification.Payload, Encoding.UTF8, "application/json");
                using var response = await client.PostAsync(notification.Url, content, cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    error = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
                }
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Connection refused, timeout, open circuit: the message names the host at most, never the address's path
                // (a chat webhook's path is its secret).
                error = $"{exception.GetType().Name}: {exception.Message}";
            }

            var attempts = notification.Attempts + 1;
            var now = time.GetUtcNow();
            DateTimeOffset? retryAt = error is null || attempts >= notify.MaxAttempts ? null : now + (notify.RetryDelay * Math.Pow(2, attempts - 1));
            await store.RecordAttemptAsync(notification.Id, now, error, retryAt, cancellationToken).ConfigureAwait(false);
            if (error is null)
            {
                delivered++;
            }
            else
            {
                LogFailed(logger, notification.Event, notification.AlertId, notification.Url.Host, attempts, error, retryAt is null ? "gives up" : "tries again");
            }
        }

        return delivered;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Notify.PollInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await DeliverDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogLoopFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(EventId = 3311, Level = LogLevel.Warning, Message = "Alert notification '{Event}' of alert {AlertId} to {Host} failed (attempt {Attempt}): {Error}; it {Next}")]
    private static partial void LogFailed(ILogger logger, string @event, long alertId, string host, int attempt, string error, string next);

    [LoggerMessage(EventId = 3312, Level = LogLevel.Error, Message = "Delivering alert notifications failed; the next poll tries again")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
