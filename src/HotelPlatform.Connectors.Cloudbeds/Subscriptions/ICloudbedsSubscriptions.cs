namespace HotelPlatform.Connectors.Cloudbeds.Subscriptions;

/// <summary>
/// Cloudbeds webhook subscriptions of one hotel's property (<c>POST /postWebhook</c>, <c>GET /getWebhooks</c>,
/// <c>DELETE /deleteWebhook</c>). Get it from the connector's <see cref="IPmsConnector.GetService"/> or as the keyed
/// service of the hotel.
/// </summary>
public interface ICloudbedsSubscriptions
{
    /// <summary>
    /// Subscribes <paramref name="endpoint"/> to each event (<c>object/action</c>, such as <c>reservation/created</c>);
    /// Cloudbeds makes one subscription per event. The endpoint should carry the hotel's
    /// <see cref="CloudbedsOptions.WebhookSecret"/> in its <c>secret</c> query parameter: Cloudbeds signs nothing.
    /// </summary>
    /// <param name="endpoint">The address Cloudbeds posts deliveries to.</param>
    /// <param name="events">The events; <see cref="CloudbedsWebhookEvents.Reservations"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The subscription ids, one per event.</returns>
    Task<IReadOnlyList<string>> SubscribeAsync(Uri endpoint, IEnumerable<string>? events = null, CancellationToken cancellationToken = default);

    /// <summary>Lists the property's subscriptions.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subscriptions.</returns>
    Task<IReadOnlyList<CloudbedsSubscription>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes a subscription.</summary>
    /// <param name="subscriptionId">The subscription id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Cloudbeds confirmed.</returns>
    Task DeleteAsync(string subscriptionId, CancellationToken cancellationToken = default);
}

/// <summary>A Cloudbeds webhook subscription.</summary>
/// <param name="Id">The subscription id.</param>
/// <param name="Event">The event, <c>object/action</c>.</param>
/// <param name="Endpoint">Where deliveries go.</param>
public sealed record CloudbedsSubscription(string Id, string Event, Uri? Endpoint);

/// <summary>The Cloudbeds event names (<c>object/action</c>) the webhook handler turns into events.</summary>
public static class CloudbedsWebhookEvents
{
    /// <summary>A reservation was created.</summary>
    public const string ReservationCreated = "reservation/created";

    /// <summary>A reservation's status changed (cancellation, check-in, check-out, no-show).</summary>
    public const string ReservationStatusChanged = "reservation/status_changed";

    /// <summary>A reservation's dates changed.</summary>
    public const string ReservationDatesChanged = "reservation/dates_changed";

    /// <summary>A reservation's rooms changed.</summary>
    public const string ReservationAccommodationChanged = "reservation/accommodation_changed";

    /// <summary>A reservation's notes changed (the connector writes a comment as a note).</summary>
    public const string ReservationNotesChanged = "reservation/notes_changed";

    /// <summary>A reservation was deleted.</summary>
    public const string ReservationDeleted = "reservation/deleted";

    /// <summary>A guest's details changed.</summary>
    public const string GuestDetailsChanged = "guest/details_changed";

    /// <summary>Gets the reservation events subscribed by default.</summary>
    public static IReadOnlyList<string> Reservations { get; } =
        [ReservationCreated, ReservationStatusChanged, ReservationDatesChanged, ReservationAccommodationChanged, ReservationNotesChanged, ReservationDeleted, GuestDetailsChanged];
}
