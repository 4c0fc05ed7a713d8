using HotelPlatform.Connectors.Cloudbeds.Wire;
using HotelPlatform.Connectors.Http;

namespace HotelPlatform.Connectors.Cloudbeds.Subscriptions;

/// <summary>The subscription calls of one hotel, through the hotel's pipeline.</summary>
internal sealed class CloudbedsSubscriptionClient(CloudbedsClient client, Func<string> propertyId) : ICloudbedsSubscriptions
{
    private readonly CloudbedsResponses _responses = CloudbedsResponses.Instance;

    public async Task<IReadOnlyList<string>> SubscribeAsync(Uri endpoint, IEnumerable<string>? events = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var ids = new List<string>();
        foreach (var name in events ?? CloudbedsWebhookEvents.Reservations)
        {
            var parts = name.Split('/', 2);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                throw new ArgumentException($"'{name}' is not a Cloudbeds event name (object/action).", nameof(events));
            }

            var form = new CloudbedsForm().Add("propertyID", propertyId()).Add("object", parts[0]).Add("action", parts[1]).Add("endpointUrl", endpoint.AbsoluteUri);
            var created = await _responses.ReadAsync(client.CallAsync(api => api.PostWebhookAsync(form.Fields, cancellationToken), cancellationToken), new PmsCall("Subscribe"), cancellationToken).ConfigureAwait(false);
            ids.Add(created?.Data?.SubscriptionID ?? throw new PmsException($"{PmsVendors.Cloudbeds} Subscribe: Cloudbeds answered without a subscription id.") { Vendor = PmsVendors.Cloudbeds, Operation = "Subscribe" });
        }

        return ids;
    }

    public async Task<IReadOnlyList<CloudbedsSubscription>> ListAsync(CancellationToken cancellationToken = default)
    {
        var list = await _responses.ReadAsync(client.CallAsync(api => api.GetWebhooksAsync(propertyId(), cancellationToken), cancellationToken), new PmsCall("ListSubscriptions"), cancellationToken).ConfigureAwait(false);
        return [.. (list?.Data ?? []).Select(w => new CloudbedsSubscription(
            w.Id,
            $"{w.Event?.Entity}/{w.Event?.Action}",
            Uri.TryCreate(w.SubscriptionData?.Endpoint, UriKind.Absolute, out var endpoint) ? endpoint : null))];
    }

    public async Task DeleteAsync(string subscriptionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriptionId);
        await _responses.ReadAsync(
            client.CallAsync(api => api.DeleteWebhookAsync(propertyId(), subscriptionId, cancellationToken), cancellationToken),
            new PmsCall("DeleteSubscription") { EntityType = "Subscription", EntityId = subscriptionId },
            cancellationToken).ConfigureAwait(false);
    }
}
