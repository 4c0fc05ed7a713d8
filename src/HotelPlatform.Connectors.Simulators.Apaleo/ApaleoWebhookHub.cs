using System.Text.Json;
using System.Text.RegularExpressions;
using HotelPlatform.Connectors.Simulators.Apaleo.State;
using HotelPlatform.Connectors.Simulators.Apaleo.Wire;

namespace HotelPlatform.Connectors.Simulators.Apaleo;

/// <summary>
/// The Webhook API's state and deliveries: subscriptions, the health check Apaleo sends when one is created, and one
/// POST per event to every matching subscription. Deliveries run in the background, as Apaleo's do ("normally delivered
/// within 60 s, no ordering"); <see cref="FlushAsync"/> waits for them. A failed delivery is recorded and not retried:
/// Apaleo's retry schedule is not documented in what we have.
/// </summary>
internal sealed partial class ApaleoWebhookHub
{
    /// <summary>The header carrying "the tracking id of the originating request".</summary>
    public const string TrackingIdHeader = "apaleo-tracking-id";

    /// <summary>The topics of the current event list (official n8n node, <c>ApaleoTrigger.node.ts</c>).</summary>
    private static readonly HashSet<string> Topics = new(StringComparer.Ordinal)
    {
        "account", "block", "booking", "citytax", "company", "folio", "group", "invoice", "maintenance", "nightaudit",
        "paymenttransaction", "property", "rateplan", "reservation", "service", "unit", "unitattributedefinition", "unitgroup",
    };

    /// <summary>The reservation and booking event types of that list, which the simulator raises and so checks exactly.</summary>
    private static readonly Dictionary<string, HashSet<string>> KnownTypes = new(StringComparer.Ordinal)
    {
        ["reservation"] =
        [
            "created", "amended", "changed", "canceled", "checked-in", "check-in-reverted", "checked-out", "deleted",
            "set-to-no-show", "unit-assigned", "unit-unassigned", "payment-account-set", "payment-account-removed",
        ],
        ["booking"] = ["created", "changed", "deleted"],
    };

    private readonly ApaleoSimulator _simulator;
    private readonly DeterministicRandom _ids;
    private readonly Lock _gate = new();
    private readonly List<ApaleoSubscription> _subscriptions = [];
    private readonly List<Task> _pending = [];

    public ApaleoWebhookHub(ApaleoSimulator simulator, WebhookSender sender)
    {
        _simulator = simulator;
        Sender = sender;
        _ids = simulator.Random.Fork("apaleo-webhooks");
    }

    public WebhookSender Sender { get; }

    public SimulatorLog<ApaleoWebhookEvent> Events { get; } = new();

    public IReadOnlyList<ApaleoSubscription> Subscriptions
    {
        get
        {
            lock (_gate)
            {
                return [.. _subscriptions];
            }
        }
    }

    /// <summary>Checks an event name: <c>topic/type</c> or <c>topic/*</c> with a documented topic (and type, for reservations and bookings).</summary>
    public static string? DescribeInvalidEvent(string name)
    {
        Match match = EventName().Match(name);
        if (!match.Success || !Topics.Contains(match.Groups["topic"].Value))
        {
            return $"'{name}' is not an event name: expected 'topic/type' or 'topic/*' with one of the documented topics ({string.Join(", ", Topics.Order(StringComparer.Ordinal))}).";
        }

        string type = match.Groups["type"].Value;
        return type != "*" && KnownTypes.TryGetValue(match.Groups["topic"].Value, out HashSet<string>? types) && !types.Contains(type)
            ? $"'{name}' is not a documented event; {match.Groups["topic"].Value} events are {string.Join(", ", types)}."
            : null;
    }

    public ApaleoSubscription? Find(string id)
    {
        lock (_gate)
        {
            return _subscriptions.FirstOrDefault(s => s.Id == id);
        }
    }

    /// <summary>
    /// Replaces a subscription's endpoint, events and properties (<c>PUT /v1/subscriptions/{id}</c>), keeping its id and
    /// creation time. Returns the replacement, <see langword="null"/> when there is no such subscription, or why the endpoint is refused.
    /// </summary>
    public (ApaleoSubscription? Subscription, string? Failure) Replace(string id, Uri endpoint, IReadOnlyList<string> events, IReadOnlyList<string> propertyIds)
    {
        try
        {
            TargetOf(endpoint);
        }
        catch (ArgumentException ex)
        {
            return (null, ex.Message);
        }

        lock (_gate)
        {
            int index = _subscriptions.FindIndex(s => s.Id == id);
            if (index < 0)
            {
                return (null, null);
            }

            ApaleoSubscription replaced = _subscriptions[index] with { EndpointUrl = endpoint, Events = events, PropertyIds = propertyIds };
            _subscriptions[index] = replaced;
            return (replaced, null);
        }
    }

    public bool Remove(string id)
    {
        lock (_gate)
        {
            return _subscriptions.RemoveAll(s => s.Id == id) > 0;
        }
    }

    /// <summary>
    /// Creates a subscription after the health check Apaleo sends to the endpoint ("If the response is not OK, the
    /// subscription will not be enabled and error returned"). Returns the subscription, or why the check failed.
    /// </summary>
    public async Task<(ApaleoSubscription? Subscription, string? Failure)> SubscribeAsync(Uri endpoint, IReadOnlyList<string> events, IReadOnlyList<string> propertyIds, string? trackingId, CancellationToken cancellationToken)
    {
        WebhookTarget target;
        try
        {
            target = TargetOf(endpoint);
        }
        catch (ArgumentException ex)
        {
            return (null, ex.Message);
        }

        DateTimeOffset now = _simulator.TimeProvider.GetUtcNow();
        var healthCheck = new WebhookEventModel(
            "system", "healthcheck", NewId(), _simulator.ApaleoOptions.AccountCode, null, propertyIds.Count > 0 ? propertyIds : [_simulator.Scenario.PropertyId], now.ToUnixTimeMilliseconds(), null, null, null);
        WebhookDelivery delivery = await Sender.SendAsync(target, JsonSerializer.Serialize(healthCheck, ApaleoJson.Info<WebhookEventModel>()), Headers(trackingId), cancellationToken).ConfigureAwait(false);
        if (!delivery.Succeeded)
        {
            return (null, $"The health check to '{target.Url}' failed: {(delivery.StatusCode is { } status ? $"HTTP {status}" : delivery.Error)}.");
        }

        var subscription = new ApaleoSubscription(NewId(), endpoint, events, propertyIds, now);
        lock (_gate)
        {
            _subscriptions.Add(subscription);
        }

        return (subscription, null);
    }

    /// <summary>Records an event and starts its delivery to every matching subscription.</summary>
    public ApaleoWebhookEvent Publish(HotelEvent change, string? clientId, string? trackingId)
    {
        var raised = new ApaleoWebhookEvent(NewId(), change.Topic, change.Type, change.EntityId, _simulator.Scenario.PropertyId, _simulator.TimeProvider.GetUtcNow(), clientId);
        Events.Add(raised);
        string payload = JsonSerializer.Serialize(
            new WebhookEventModel(raised.Topic, raised.Type, raised.Id, _simulator.ApaleoOptions.AccountCode, raised.PropertyId, null, raised.OccurredAt.ToUnixTimeMilliseconds(), clientId, null, new WebhookEventDataModel(raised.EntityId)),
            ApaleoJson.Info<WebhookEventModel>());
        lock (_gate)
        {
            _pending.RemoveAll(t => t.IsCompleted);
            foreach (ApaleoSubscription subscription in _subscriptions.Where(s => s.Matches(raised)))
            {
                _pending.Add(Task.Run(() => Sender.SendAsync(TargetOf(subscription.EndpointUrl), payload, Headers(trackingId))));
            }
        }

        return raised;
    }

    /// <summary>Waits until every delivery started so far has been attempted.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task[] pending;
            lock (_gate)
            {
                _pending.RemoveAll(t => t.IsCompleted);
                pending = [.. _pending];
            }

            if (pending.Length == 0)
            {
                return;
            }

            await Task.WhenAll(pending).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _subscriptions.Clear();
        }

        Events.Clear();
        Sender.Deliveries.Clear();
    }

    /// <summary>The delivery target: the URL without user info, which becomes HTTP Basic credentials (Apaleo suggests basic auth on the endpoint).</summary>
    private static WebhookTarget TargetOf(Uri endpoint)
    {
        WebhookSender.EnsureLoopback(endpoint);
        if (string.IsNullOrEmpty(endpoint.UserInfo))
        {
            return new WebhookTarget(endpoint);
        }

        string[] parts = endpoint.UserInfo.Split(':', 2);
        var bare = new UriBuilder(endpoint) { UserName = string.Empty, Password = string.Empty };
        return new WebhookTarget(bare.Uri, Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty);
    }

    private static KeyValuePair<string, string>[] Headers(string? trackingId) =>
        trackingId is null ? [] : [new(TrackingIdHeader, trackingId)];

    private string NewId() => _ids.NextGuid().ToString("D");

    [GeneratedRegex("^(?<topic>[a-z]+)/(?<type>[a-z]+(-[a-z]+)*|\\*)$", RegexOptions.CultureInvariant)]
    private static partial Regex EventName();
}
