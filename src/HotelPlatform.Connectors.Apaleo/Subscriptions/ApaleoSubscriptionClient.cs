using HotelPlatform.Connectors.Apaleo.Wire;

namespace HotelPlatform.Connectors.Apaleo.Subscriptions;

/// <summary>
/// <see cref="IApaleoSubscriptions"/> over the Webhook API client of one hotel: <c>GET</c>/<c>POST /v1/subscriptions</c>,
/// <c>DELETE /v1/subscriptions/{id}</c> (paths of the 2021 Webhook API client in <c>apaleo/slack</c>; body
/// <c>{endpointUrl, events, propertyIds}</c> and answer <c>{id}</c> as Apaleo's n8n node sends and reads them).
/// </summary>
/// <remarks>
/// Neither write is retried by the HTTP pipeline (no idempotency key; DELETE is not marked safe). Creating is made
/// idempotent here instead: the account's subscriptions are listed first and an identical one is returned, and after
/// an attempt whose outcome is unknown the list is read again before anything is created (<see cref="PmsExactlyOnce"/>).
/// A delete whose outcome is unknown is settled by listing: a subscription no longer listed is gone.
/// </remarks>
/// <param name="clients">The hotel's clients.</param>
/// <param name="responses">The answer reader.</param>
/// <param name="propertyId">The hotel's property.</param>
/// <param name="timeProvider">The clock retries wait on.</param>
internal sealed class ApaleoSubscriptionClient(ApaleoClients clients, ApaleoResponses responses, string propertyId, TimeProvider timeProvider) : IApaleoSubscriptions
{
    private const string Subscribe = "Subscribe";

    public async Task<IReadOnlyList<ApaleoSubscription>> GetSubscriptionsAsync(CancellationToken cancellationToken = default)
    {
        var subscriptions = await responses.ReadAsync(clients.Webhooks.GetSubscriptionsAsync(cancellationToken), new ApaleoCall("GetSubscriptions"), cancellationToken).ConfigureAwait(false);
        return subscriptions is null ? [] : [.. subscriptions.Select(ToSubscription)];
    }

    public Task<ApaleoSubscription> SubscribeAsync(Uri endpointUrl, IReadOnlyList<string>? events = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpointUrl);
        if (!endpointUrl.IsAbsoluteUri || (endpointUrl.Scheme != Uri.UriSchemeHttps && endpointUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The endpoint must be an absolute https (or http) address.", nameof(endpointUrl));
        }

        events ??= ApaleoSubscription.ReservationEvents;
        if (events.Count == 0 || events.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Name at least one event, such as reservation/* or reservation/created, and no empty one.", nameof(events));
        }

        var wanted = new CreateSubscriptionModel { EndpointUrl = endpointUrl.AbsoluteUri, Events = [.. events.Select(e => e.Trim())], PropertyIds = [propertyId] };
        return PmsExactlyOnce.ExecuteAsync(
            wanted.EndpointUrl,
            async (_, ct) => await FindAsync(wanted, ct).ConfigureAwait(false) ?? await CreateAsync(wanted, ct).ConfigureAwait(false),
            (_, ct) => FindAsync(wanted, ct),
            new PmsExactlyOnceOptions { Vendor = PmsVendors.Apaleo, Operation = Subscribe, TimeProvider = timeProvider },
            cancellationToken);
    }

    public async Task<bool> DeleteSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriptionId);
        var call = new ApaleoCall("DeleteSubscription") { EntityType = "Subscription", EntityId = subscriptionId };
        try
        {
            await responses.SendAsync(clients.Webhooks.DeleteSubscriptionAsync(subscriptionId, cancellationToken), call, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (PmsNotFoundException)
        {
            return false;
        }
        catch (PmsException ex) when (ex.IsTransient)
        {
            // The answer was lost or refused for now: a subscription no longer listed is deleted (by this call or another).
            var remaining = await GetSubscriptionsAsync(cancellationToken).ConfigureAwait(false);
            if (remaining.Any(s => string.Equals(s.Id, subscriptionId, StringComparison.Ordinal)))
            {
                throw;
            }

            return true;
        }
    }

    private async Task<ApaleoSubscription> CreateAsync(CreateSubscriptionModel wanted, CancellationToken cancellationToken)
    {
        var created = await responses.ReadAsync(clients.Webhooks.CreateSubscriptionAsync(wanted, cancellationToken), new ApaleoCall(Subscribe), cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(created?.Id))
        {
            // Created, but the id did not come back: the next attempt finds it by listing.
            throw new PmsUnavailableException($"{PmsVendors.Apaleo} {Subscribe}: the answer named no subscription id (outcome unknown).")
            {
                Vendor = PmsVendors.Apaleo,
                Operation = Subscribe,
                OutcomeUnknown = true,
            };
        }

        return new ApaleoSubscription(created.Id, new Uri(wanted.EndpointUrl)) { Events = wanted.Events, PropertyIds = wanted.PropertyIds ?? [] };
    }

    private async Task<ApaleoSubscription?> FindAsync(CreateSubscriptionModel wanted, CancellationToken cancellationToken)
    {
        var subscriptions = await GetSubscriptionsAsync(cancellationToken).ConfigureAwait(false);
        return subscriptions.FirstOrDefault(s =>
            string.Equals(s.EndpointUrl?.AbsoluteUri, wanted.EndpointUrl, StringComparison.Ordinal)
            && s.Events.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(wanted.Events)
            && s.PropertyIds.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(wanted.PropertyIds ?? []));
    }

    private static ApaleoSubscription ToSubscription(SubscriptionModel model) =>
        new(model.Id, Uri.TryCreate(model.EndpointUrl, UriKind.Absolute, out var endpoint) ? endpoint : null)
        {
            Events = model.Events ?? [],
            PropertyIds = model.PropertyIds ?? [],
        };
}
