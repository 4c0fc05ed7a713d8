namespace HotelPlatform.Connectors;

/// <summary>
/// Something that happened at a PMS, normalised across vendors. Events carry identifiers, not the entities:
/// fetch the current state through <see cref="IPmsConnector"/> (vendors deliver out of order and more than once).
/// </summary>
/// <param name="EventId">The vendor's event identifier, used to drop duplicates; stable across redeliveries.</param>
/// <param name="Vendor">The vendor (<see cref="PmsVendors"/>).</param>
/// <param name="PropertyId">The vendor's property identifier.</param>
/// <param name="OccurredAt">When the change happened at the vendor.</param>
public abstract record PmsEvent(string EventId, string Vendor, string PropertyId, DateTimeOffset OccurredAt)
{
    /// <summary>Gets the vendor's own event name (for example <c>reservation/created</c>).</summary>
    public string? VendorEventType { get; init; }
}

/// <summary>A reservation was created.</summary>
/// <param name="EventId">The vendor's event identifier.</param>
/// <param name="Vendor">The vendor.</param>
/// <param name="PropertyId">The property.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="ReservationId">The reservation's vendor identifier.</param>
public sealed record ReservationCreatedEvent(string EventId, string Vendor, string PropertyId, DateTimeOffset OccurredAt, string ReservationId)
    : PmsEvent(EventId, Vendor, PropertyId, OccurredAt);

/// <summary>A reservation was changed (dates, guests, status other than cancellation, ...).</summary>
/// <param name="EventId">The vendor's event identifier.</param>
/// <param name="Vendor">The vendor.</param>
/// <param name="PropertyId">The property.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="ReservationId">The reservation's vendor identifier.</param>
public sealed record ReservationModifiedEvent(string EventId, string Vendor, string PropertyId, DateTimeOffset OccurredAt, string ReservationId)
    : PmsEvent(EventId, Vendor, PropertyId, OccurredAt);

/// <summary>A reservation was cancelled.</summary>
/// <param name="EventId">The vendor's event identifier.</param>
/// <param name="Vendor">The vendor.</param>
/// <param name="PropertyId">The property.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="ReservationId">The reservation's vendor identifier.</param>
public sealed record ReservationCancelledEvent(string EventId, string Vendor, string PropertyId, DateTimeOffset OccurredAt, string ReservationId)
    : PmsEvent(EventId, Vendor, PropertyId, OccurredAt);

/// <summary>A guest profile was created or changed.</summary>
/// <param name="EventId">The vendor's event identifier.</param>
/// <param name="Vendor">The vendor.</param>
/// <param name="PropertyId">The property.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="GuestId">The guest's vendor identifier.</param>
public sealed record GuestUpdatedEvent(string EventId, string Vendor, string PropertyId, DateTimeOffset OccurredAt, string GuestId)
    : PmsEvent(EventId, Vendor, PropertyId, OccurredAt);

/// <summary>Availability, rates or restrictions changed for a range of nights.</summary>
/// <param name="EventId">The vendor's event identifier.</param>
/// <param name="Vendor">The vendor.</param>
/// <param name="PropertyId">The property.</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record AvailabilityChangedEvent(string EventId, string Vendor, string PropertyId, DateTimeOffset OccurredAt)
    : PmsEvent(EventId, Vendor, PropertyId, OccurredAt)
{
    /// <summary>Gets the first night affected, where the vendor says.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Gets the last night affected, where the vendor says.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Gets the room types affected; empty when the vendor does not say.</summary>
    public IReadOnlyList<string> RoomTypeIds { get; init; } = [];
}
