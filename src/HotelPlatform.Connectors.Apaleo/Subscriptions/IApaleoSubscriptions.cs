namespace HotelPlatform.Connectors.Apaleo.Subscriptions;

/// <summary>
/// Manages the webhook subscriptions of a hotel's Apaleo account through Apaleo's Webhook API (<c>/v1/subscriptions</c>).
/// Resolve it as the keyed service of the hotel (<c>GetRequiredKeyedService&lt;IApaleoSubscriptions&gt;("muc")</c>) or
/// from the hotel's connector (<c>connector.GetRequiredService&lt;IApaleoSubscriptions&gt;()</c>). The deliveries are
/// verified and parsed by the hotel's keyed <see cref="Events.IPmsWebhookHandler"/>, against <see cref="ApaleoOptions.Webhook"/>.
/// </summary>
public interface IApaleoSubscriptions
{
    /// <summary>Lists the subscriptions of the account (of every property, not only this hotel's).</summary>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The subscriptions.</returns>
    Task<IReadOnlyList<ApaleoSubscription>> GetSubscriptionsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Subscribes an endpoint to events of this hotel's property, unless a subscription of the same endpoint, events and
    /// property exists already, which is then returned: calling it at every start of an application subscribes once.
    /// Apaleo first sends a health check (<c>system/healthcheck</c>) to the endpoint and creates the subscription only
    /// when the endpoint answers it with 2xx.
    /// </summary>
    /// <param name="endpointUrl">The absolute https address Apaleo delivers to. Apaleo signs nothing: protect it with basic credentials or a secret token in the address (<see cref="ApaleoOptions.Webhook"/>).</param>
    /// <param name="events">The events, such as <c>reservation/created</c> or <c>reservation/*</c>; <see langword="null"/> for <see cref="ApaleoSubscription.ReservationEvents"/>.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The subscription, created or found.</returns>
    Task<ApaleoSubscription> SubscribeAsync(Uri endpointUrl, IReadOnlyList<string>? events = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a subscription.</summary>
    /// <param name="subscriptionId">The subscription's id.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns><see langword="true"/> when it was deleted; <see langword="false"/> when Apaleo has no such subscription.</returns>
    Task<bool> DeleteSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken = default);
}
