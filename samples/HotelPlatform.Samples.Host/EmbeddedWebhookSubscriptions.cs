using HotelPlatform.Connectors;
using HotelPlatform.Connectors.Apaleo.Subscriptions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace HotelPlatform.Samples.Host;

/// <summary>
/// Once the host listens, subscribes this host's webhook endpoint at every embedded simulator that has a webhook hub
/// (Apaleo's: <c>POST /v1/subscriptions</c>, which health-checks the endpoint first), so that changes made in the
/// simulator arrive as real deliveries, verified with the hotel's URL secret. Hosted in memory (tests), there is no
/// address to subscribe, and nothing is done.
/// </summary>
internal sealed partial class EmbeddedWebhookSubscriptions(
    IServer server,
    IHostApplicationLifetime lifetime,
    IConfiguration configuration,
    IPmsConnectorRegistry hotels,
    ILogger<EmbeddedWebhookSubscriptions> logger) : IHostedService
{
    public const string WebhookPrefix = "/webhooks";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = SubscribeAllAsync(lifetime.ApplicationStopping));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SubscribeAllAsync(CancellationToken cancellationToken)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal));
        if (address is null)
        {
            return;
        }

        foreach (var hotel in configuration.GetSection(EmbeddedSimulators.HotelsSection).GetChildren())
        {
            if (!bool.TryParse(hotel["Embedded"], out var embedded) || !embedded || hotel["Webhook:UrlSecret"] is not { } secret
                || !hotels.TryGet(hotel.Key, out var connector) || connector.GetService<IApaleoSubscriptions>() is not { } subscriptions)
            {
                continue;
            }

            var endpoint = new Uri(new Uri(address), $"{WebhookPrefix}/{Uri.EscapeDataString(hotel.Key)}?token={Uri.EscapeDataString(secret)}");
            try
            {
                await subscriptions.SubscribeAsync(endpoint, ["reservation/*"], cancellationToken).ConfigureAwait(false);
                LogSubscribed(hotel.Key);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogSubscribeFailed(exception, hotel.Key);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hotel {HotelId}: the embedded simulator now delivers its webhooks to this host")]
    private partial void LogSubscribed(string hotelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hotel {HotelId}: subscribing this host at the embedded simulator failed")]
    private partial void LogSubscribeFailed(Exception exception, string hotelId);
}
