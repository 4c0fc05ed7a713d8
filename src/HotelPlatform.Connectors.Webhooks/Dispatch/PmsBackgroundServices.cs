using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Connectors.Webhooks;

/// <summary>Runs dispatch rounds while the host runs: back to back while events are due, otherwise until a local commit or the idle poll interval.</summary>
internal sealed partial class PmsEventDispatcherService(
    PmsEventDispatcher dispatcher,
    PmsInboxSignal signal,
    IOptions<PmsWebhooksOptions> options,
    TimeProvider timeProvider,
    ILogger<PmsEventDispatcherService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DispatchEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = signal.Next;
            int handled;
            try
            {
                handled = await dispatcher.DispatchOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogRoundFailed(exception);
                handled = 0;
            }

            if (handled == 0)
            {
                try
                {
                    await Task.WhenAny(wake, Task.Delay(options.Value.IdlePollInterval, timeProvider, stoppingToken)).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(EventId = 21, Level = LogLevel.Error, Message = "A dispatch round failed (inbox unavailable?); retrying after the idle interval")]
    private partial void LogRoundFailed(Exception exception);
}
