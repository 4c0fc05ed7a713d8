using HotelPlatform.Connectors;
using HotelPlatform.Connectors.Apaleo.Subscriptions;
using HotelPlatform.Connectors.Cloudbeds;
using HotelPlatform.Connectors.Cloudbeds.Subscriptions;
using HotelPlatform.Connectors.Simulators.Mews;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HotelPlatform.Samples.Host;

/// <summary>
/// Once the host listens, subscribes this host's webhook endpoint at every embedded simulator that delivers webhooks
/// (Apaleo's <c>POST /v1/subscriptions</c>, which health-checks the endpoint first; Cloudbeds' <c>postWebhook</c>; the
/// Mews integration's address), so that changes made in the simulator arrive as real deliveries, verified with the
/// hotel's URL secret (<c>Webhook:UrlSecret</c>, <c>WebhookSecret</c>, <c>WebhookToken</c>). Hosted in memory (tests), there is no
/// address to subscribe, and nothing is done.
/// </summary>
/// <remarks>
/// Subscribing starts once the host listens, so for a moment the host answers requests while changes made in a
/// simulator would reach no one (an embedded simulator, like Apaleo, does not redeliver). The
/// <see cref="HealthCheckName"/> check says so: <see cref="HealthStatus.Degraded"/> while subscribing (the host still
/// serves, HTTP 200), <see cref="HealthStatus.Healthy"/> once every simulator delivers here, and
/// <see cref="HealthStatus.Unhealthy"/> naming each hotel whose subscription failed after <see cref="Attempts"/> tries.
/// </remarks>
internal sealed partial class EmbeddedWebhookSubscriptions(
    IServer server,
    IHostApplicationLifetime lifetime,
    IConfiguration configuration,
    IPmsConnectorRegistry hotels,
    EmbeddedSimulators simulators,
    ILogger<EmbeddedWebhookSubscriptions> logger) : IHostedService, IHealthCheck
{
    public const string WebhookPrefix = "/webhooks";

    /// <summary>The name of the health check that reports whether the embedded simulators deliver to this host yet.</summary>
    public const string HealthCheckName = "embedded-webhook-subscriptions";

    /// <summary>How many times one hotel's subscription is tried (a simulator busy at start-up is tried again).</summary>
    internal const int Attempts = 5;

    /// <summary>The setting that switches subscribing off (an in-memory test host listens nowhere, whatever <c>Urls</c> says).</summary>
    public const string EnabledSetting = "Webhooks:SubscribeEmbeddedSimulators";

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);

    private readonly TaskCompletionSource<IReadOnlyList<string>> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _failures = new(StringComparer.Ordinal);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = SubscribeAllAsync(lifetime.ApplicationStopping));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!_done.Task.IsCompleted)
        {
            return Task.FromResult(HealthCheckResult.Degraded("Subscribing this host's webhook endpoint at the embedded simulators; changes made there before this is done are not delivered."));
        }

        var subscribed = _done.Task.Result;
        return Task.FromResult(_failures.IsEmpty
            ? HealthCheckResult.Healthy(subscribed.Count == 0 ? "No embedded simulator delivers webhooks to this host." : $"Delivering to this host: {string.Join(", ", subscribed.Order(StringComparer.Ordinal))}.")
            : HealthCheckResult.Unhealthy($"Subscribing failed for {string.Join("; ", _failures.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} ({f.Value})"))}; their simulators deliver no webhooks."));
    }

    private async Task SubscribeAllAsync(CancellationToken cancellationToken)
    {
        var subscribed = new List<string>();
        try
        {
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal));
            if (address is null || !configuration.GetValue(EnabledSetting, defaultValue: true))
            {
                return;
            }

            LogSubscribing(address);

            foreach (var hotel in configuration.GetSection(EmbeddedSimulators.HotelsSection).GetChildren())
            {
                if (!bool.TryParse(hotel["Embedded"], out var embedded) || !embedded || !hotels.TryGet(hotel.Key, out var connector))
                {
                    continue;
                }

                var endpoint = new Uri(new Uri(address), $"{WebhookPrefix}/{Uri.EscapeDataString(hotel.Key)}");
                if (await SubscribeWithRetriesAsync(hotel, connector, endpoint, cancellationToken).ConfigureAwait(false))
                {
                    subscribed.Add(hotel.Key);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping before subscribing finished.
        }
        finally
        {
            _done.TrySetResult(subscribed);
        }
    }

    private async Task<bool> SubscribeWithRetriesAsync(IConfigurationSection hotel, IPmsConnector connector, Uri endpoint, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var subscribed = await SubscribeAsync(hotel, connector, endpoint, cancellationToken).ConfigureAwait(false);
                if (subscribed)
                {
                    LogSubscribed(hotel.Key);
                }

                return subscribed;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (attempt == Attempts)
                {
                    LogSubscribeFailed(exception, hotel.Key, attempt);
                    _failures[hotel.Key] = $"{exception.GetType().Name}: {exception.Message}";
                    return false;
                }

                var delay = FirstRetryDelay * Math.Pow(2, attempt - 1);
                LogSubscribeRetrying(exception, hotel.Key, attempt, delay);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscribing {Address} at the embedded simulators")]
    private partial void LogSubscribing(string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hotel {HotelId}: the embedded simulator now delivers its webhooks to this host")]
    private partial void LogSubscribed(string hotelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hotel {HotelId}: subscribing this host at the embedded simulator failed (attempt {Attempt}); trying again in {Delay}")]
    private partial void LogSubscribeRetrying(Exception exception, string hotelId, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Hotel {HotelId}: subscribing this host at the embedded simulator failed {Attempt} times; its simulator delivers no webhooks")]
    private partial void LogSubscribeFailed(Exception exception, string hotelId, int attempt);
}
