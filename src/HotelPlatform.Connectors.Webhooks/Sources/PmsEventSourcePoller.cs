using HotelPlatform.Connectors.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Connectors.Webhooks;

/// <summary>
/// Polls every hotel's <see cref="IPmsEventSource"/> into the inbox with <see cref="PmsEventSourceExtensions.PollOnceAsync"/>:
/// the batch's events and its next checkpoint are committed in one transaction, and only then is the vendor
/// acknowledged. The checkpoint lives in the inbox (<c>source/{hotelId}</c>), so a restart resumes where the last
/// commit left off.
/// </summary>
internal sealed partial class PmsEventSourcePoller(
    IServiceProvider services,
    IPmsConnectorRegistry registry,
    IPmsEventInbox inbox,
    PmsInboxSignal signal,
    IOptions<PmsWebhooksOptions> options,
    TimeProvider timeProvider,
    ILogger<PmsEventSourcePoller> logger) : BackgroundService
{
    public static string CheckpointKey(string hotelId) => $"source/{hotelId}";

    /// <summary>Polls one hotel's source once; returns the batch, committed and acknowledged.</summary>
    public async Task<PmsEventBatch> PollOnceAsync(string hotelId, IPmsEventSource source, CancellationToken cancellationToken)
    {
        var key = CheckpointKey(hotelId);
        var checkpoint = await inbox.GetCheckpointAsync(key, cancellationToken).ConfigureAwait(false);
        var batch = await source.PollOnceAsync(
            checkpoint,
            async (polled, ct) =>
            {
                var receivedAt = timeProvider.GetUtcNow();
                var records = polled.Events.Select(e => PmsInboxPayload.ToRecord(hotelId, e, PmsEventOrigin.Poll, receivedAt)).ToList();
                await inbox.AppendAsync(records, new PmsInboxCheckpoint(key, polled.NextCheckpoint), ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        if (batch.Events.Count > 0)
        {
            signal.Pulse();
        }

        return batch;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.PollingEnabled)
        {
            return Task.CompletedTask;
        }

        var loops = registry.Hotels
            .Select(h => (h.HotelId, Source: services.GetKeyedService<IPmsEventSource>(h.HotelId)))
            .Where(h => h.Source is not null)
            .Select(h => PollLoopAsync(h.HotelId, h.Source!, stoppingToken));
        return Task.WhenAll(loops);
    }

    private async Task PollLoopAsync(string hotelId, IPmsEventSource source, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                more = (await PollOnceAsync(hotelId, source, stoppingToken).ConfigureAwait(false)).HasMore;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogPollFailed(exception, hotelId, source.Vendor);
            }

            if (!more)
            {
                try
                {
                    await Task.Delay(source.PollInterval, timeProvider, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(EventId = 31, Level = LogLevel.Warning, Message = "Polling the {Vendor} event source of hotel {HotelId} failed; the batch was not acknowledged and is read again next time")]
    private partial void LogPollFailed(Exception exception, string hotelId, string vendor);
}
