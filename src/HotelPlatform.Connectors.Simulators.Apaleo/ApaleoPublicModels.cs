namespace HotelPlatform.Connectors.Simulators.Apaleo;

/// <summary>A snapshot of one reservation the <see cref="ApaleoSimulator"/> holds, for assertions and fixtures.</summary>
/// <param name="Id">The reservation id (<c>{bookingId}-{n}</c>).</param>
/// <param name="BookingId">The booking id.</param>
/// <param name="Status">Apaleo's status: Confirmed, InHouse, CheckedOut, Canceled or NoShow.</param>
/// <param name="Arrival">The arrival date.</param>
/// <param name="Departure">The departure date.</param>
/// <param name="UnitGroupId">The unit group of the first night.</param>
/// <param name="RatePlanId">The rate plan of the first night.</param>
/// <param name="UnitId">The assigned unit, if any.</param>
/// <param name="Adults">The number of adults.</param>
/// <param name="FirstName">The primary guest's first name.</param>
/// <param name="LastName">The primary guest's last name.</param>
/// <param name="Email">The primary guest's e-mail address.</param>
/// <param name="ExternalCode">The external code sent at booking.</param>
/// <param name="Created">When it was created, on the simulator clock.</param>
/// <param name="Modified">When it was last changed, on the simulator clock.</param>
public sealed record ApaleoReservationInfo(
    string Id,
    string BookingId,
    string Status,
    DateOnly Arrival,
    DateOnly Departure,
    string UnitGroupId,
    string RatePlanId,
    string? UnitId,
    int Adults,
    string? FirstName,
    string LastName,
    string? Email,
    string? ExternalCode,
    DateTimeOffset Created,
    DateTimeOffset Modified);

/// <summary>An event the simulator raised (and delivered to every matching webhook subscription).</summary>
/// <param name="Id">The event id (the <c>id</c> of the delivery).</param>
/// <param name="Topic">Apaleo's topic, such as <c>Reservation</c> or <c>Booking</c>.</param>
/// <param name="Type">The type, such as <c>created</c>, <c>amended</c>, <c>canceled</c>, <c>checked-in</c>.</param>
/// <param name="EntityId">The id of the entity that changed (<c>data.entityId</c>).</param>
/// <param name="PropertyId">The property.</param>
/// <param name="OccurredAt">When, on the simulator clock.</param>
/// <param name="ClientId">The client whose request caused it, if any.</param>
public sealed record ApaleoWebhookEvent(string Id, string Topic, string Type, string EntityId, string PropertyId, DateTimeOffset OccurredAt, string? ClientId)
{
    /// <summary>Gets the event's name as subscriptions list it: <c>reservation/created</c>.</summary>
    public string Name => $"{Topic.ToLowerInvariant()}/{Type}";
}

/// <summary>A webhook subscription registered with <c>POST /v1/subscriptions</c>.</summary>
/// <param name="Id">The subscription id.</param>
/// <param name="EndpointUrl">Where deliveries go (user info in the URL becomes HTTP Basic credentials).</param>
/// <param name="Events">The event names, such as <c>reservation/created</c> or <c>reservation/*</c>.</param>
/// <param name="PropertyIds">The properties; empty for all.</param>
/// <param name="Created">When it was created, on the simulator clock.</param>
public sealed record ApaleoSubscription(string Id, Uri EndpointUrl, IReadOnlyList<string> Events, IReadOnlyList<string> PropertyIds, DateTimeOffset Created)
{
    /// <summary>Tells whether an event is delivered to this subscription.</summary>
    /// <param name="webhookEvent">The event.</param>
    /// <returns><see langword="true"/> when an event name (exact or <c>topic/*</c>) and the property match.</returns>
    public bool Matches(ApaleoWebhookEvent webhookEvent)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        string topicWildcard = $"{webhookEvent.Topic}/*";
        return (PropertyIds.Count == 0 || PropertyIds.Contains(webhookEvent.PropertyId, StringComparer.Ordinal))
            && Events.Any(e => string.Equals(e, webhookEvent.Name, StringComparison.OrdinalIgnoreCase) || string.Equals(e, topicWildcard, StringComparison.OrdinalIgnoreCase));
    }
}
