using HotelPlatform.Connectors;
using HotelPlatform.Connectors.Apaleo.Subscriptions;
using HotelPlatform.Connectors.Cloudbeds;
using HotelPlatform.Connectors.Cloudbeds.Subscriptions;
using HotelPlatform.Connectors.Simulators.Mews;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace HotelPlatform.Samples.Host;

/// <summary>
/// Once the host listens, subscribes this host's webhook endpoint at every embedded simulator that delivers webhooks
/// (Apaleo's <c>POST /v1/subscriptions</c>, which health-checks the endpoint first; Cloudbeds' <c>postWebhook</c>; the
/// Mews integration's address), so that changes made in the simulator arrive as real deliveries, verified with the
/// hotel's URL secret (<c>Webhook:UrlSecret</c>, <c>WebhookSecret</c>, <c>WebhookToken</c>). Hosted in memory (tests), there is no
/// address to subscribe, and nothing is done.
/// </summary>
internal sealed partial class EmbeddedWebhookSubscriptions(
    IServer server,
    IHostApplicationLifetime lifetime,
    IConfiguration configuration,
    IPmsConnectorRegistry hotels,
    EmbeddedSimulators simulators,
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
            if (!bool.TryParse(hotel["Embedded"], out var embedded) || !embedded || !hotels.TryGet(hotel.Key, out var connector))
            {
                continue;
            }

            var endpoint = new Uri(new Uri(address), $"{WebhookPrefix}/{Uri.EscapeDataString(hotel.Key)}");
            try
            {
                if (await SubscribeAsync(hotel, connector, endpoint, cancellationToken).ConfigureAwait(false))
                {
                    LogSubscribed(hotel.Key);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogSubscribeFailed(exception, hotel.Key);
            }
        }
    }

    // Each vendor the way a real integration subscribes: Apaleo and Cloudbeds through their subscription APIs, Mews by
    // the address configured for the integration (here, on the simulator). The secret goes in the URL, as each vendor's
    // handler expects it; a hotel without one receives no webhooks.
    private async Task<bool> SubscribeAsync(IConfigurationSection hotel, IPmsConnector connector, Uri endpoint, CancellationToken cancellationToken)
    {
        if (hotel["Webhook:UrlSecret"] is { } apaleoSecret && connector.GetService<IApaleoSubscriptions>() is { } apaleo)
        {
            await apaleo.SubscribeAsync(WithQuery(endpoint, "token", apaleoSecret), ["reservation/*"], cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (hotel["WebhookSecret"] is { } cloudbedsSecret && connector.GetService<ICloudbedsSubscriptions>() is { } cloudbeds)
        {
            await cloudbeds.SubscribeAsync(WithQuery(endpoint, CloudbedsOptions.WebhookSecretParameter, cloudbedsSecret), cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (hotel["WebhookToken"] is { } mewsToken && simulators.Simulators.GetValueOrDefault(hotel.Key) is MewsSimulator mews)
        {
            mews.WebhookAddress = WithQuery(endpoint, "Token", mewsToken); // Mews' URL token parameter (the connector's webhook handler reads it)
            return true;
        }

        return false;
    }

    private static Uri WithQuery(Uri endpoint, string name, string value) => new($"{endpoint}?{name}={Uri.EscapeDataString(value)}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Hotel {HotelId}: the embedded simulator now delivers its webhooks to this host")]
    private partial void LogSubscribed(string hotelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hotel {HotelId}: subscribing this host at the embedded simulator failed")]
    private partial void LogSubscribeFailed(Exception exception, string hotelId);
}
