namespace HotelPlatform.Connectors.Apaleo.Webhooks;

/// <summary>What an Apaleo webhook delivery turned out to be.</summary>
internal enum ApaleoWebhookDeliveryKind
{
    /// <summary>A change the SDK normalises: <see cref="ApaleoWebhookDelivery.Event"/> is set.</summary>
    Event = 0,

    /// <summary>
    /// Apaleo's health check (<c>topic: system, type: healthcheck</c>), sent when a subscription is created; answer it
    /// with any 2xx or the subscription is not created. It is not a domain event.
    /// </summary>
    HealthCheck = 1,

    /// <summary>A well-formed delivery of a topic or type the SDK does not normalise; acknowledge it and move on (<see cref="ApaleoWebhookDelivery.IgnoredReason"/> says why).</summary>
    Ignored = 2,
}

/// <summary>
/// One parsed Apaleo webhook delivery. Apaleo delivers "normally within 60 s", in no particular order and possibly more
/// than once, and carries only the id of the entity that changed: deduplicate on <see cref="EventId"/> and re-read the
/// entity through <see cref="IPmsConnector"/>.
/// </summary>
internal sealed record ApaleoWebhookDelivery
{
    /// <summary>Gets what the delivery is.</summary>
    public required ApaleoWebhookDeliveryKind Kind { get; init; }

    /// <summary>Gets Apaleo's event id (<c>id</c>), the same on every redelivery of the event.</summary>
    public required string EventId { get; init; }

    /// <summary>Gets Apaleo's event name, <c>topic/type</c> in lower case as in subscriptions (for example <c>reservation/created</c>).</summary>
    public required string VendorEventType { get; init; }

    /// <summary>Gets the Apaleo account (<c>accountId</c>).</summary>
    public string? AccountId { get; init; }

    /// <summary>Gets the properties concerned: <c>propertyId</c>, or the health check's <c>propertyIds</c>; empty for account-level events.</summary>
    public IReadOnlyList<string> PropertyIds { get; init; } = [];

    /// <summary>Gets when the change happened (<c>timestamp</c>, epoch milliseconds or, in older deliveries, seconds).</summary>
    public DateTimeOffset? OccurredAt { get; init; }

    /// <summary>Gets the id of the entity that changed (<c>data.entityId</c>), for example a reservation id.</summary>
    public string? EntityId { get; init; }

    /// <summary>Gets the app that caused the change (<c>clientId</c>), where Apaleo says.</summary>
    public string? ClientId { get; init; }

    /// <summary>Gets the tracking id of the request that caused the change (header <c>apaleo-tracking-id</c>), for Apaleo's support.</summary>
    public string? TrackingId { get; init; }

    /// <summary>Gets the normalised event, when <see cref="Kind"/> is <see cref="ApaleoWebhookDeliveryKind.Event"/>.</summary>
    public PmsEvent? Event { get; init; }

    /// <summary>Gets why the delivery was ignored, when <see cref="Kind"/> is <see cref="ApaleoWebhookDeliveryKind.Ignored"/>.</summary>
    public string? IgnoredReason { get; init; }
}
