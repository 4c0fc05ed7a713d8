namespace HotelPlatform.Connectors.Events;

/// <summary>
/// A normalised event as a vendor's handler or source produced it, with what the vendor sent about the entity. Most
/// vendors send only the id of what changed (Apaleo, Mews, Cloudbeds): such an event is <see cref="IsIdOnly"/> and the
/// webhook framework hydrates it (reads the entity through the hotel's <see cref="IPmsConnector"/>) before handlers run.
/// A vendor that sends the whole reservation (SiteMinder's OTA messages) sets <see cref="Reservation"/>, and no read is made.
/// </summary>
/// <param name="Event">The normalised event; its <see cref="PmsEvent.EventId"/> is the vendor's event id or, where the vendor gives none, a content hash (<see cref="PmsEventIds"/>).</param>
public sealed record PmsInboundEvent(PmsEvent Event)
{
    /// <summary>Gets the reservation as the vendor sent it, mapped, when the payload carried it whole.</summary>
    public Reservation? Reservation { get; init; }

    /// <summary>Gets a value indicating whether the payload carried only identifiers, so the entity must be read through the connector.</summary>
    public bool IsIdOnly => Reservation is null;
}
