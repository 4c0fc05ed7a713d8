namespace HotelPlatform.Connectors.Cloudbeds;

/// <summary>What the Cloudbeds connector can do, decided from Cloudbeds' v1.3 OpenAPI document (see <c>docs/connectors/cloudbeds.md</c>).</summary>
internal static class CloudbedsCapabilities
{
    /// <summary>
    /// Every capability except: <see cref="ConnectorCapabilities.Restrictions"/> — restrictions (minLos, maxLos,
    /// closedToArrival, closedToDeparture, blocked) are per rate in getRatePlans' <c>roomRateDetailed</c>, not per room
    /// type, so a per-room-type grid cannot carry them; <see cref="ConnectorCapabilities.UpsertGuest"/> — a guest is
    /// created only with a reservation (postReservation's main guest, postGuest's additional guest needs a
    /// <c>reservationID</c>), so no standalone profile can be created; <see cref="ConnectorCapabilities.AddService"/> —
    /// postItem sells an item to a reservation, but getReservation does not return the items sold, so the reservation
    /// returned could not show the service; <see cref="ConnectorCapabilities.IdempotentCreate"/> — Cloudbeds has no
    /// idempotency key (exactly-once goes through <c>thirdPartyIdentifier</c> and a lookup instead).
    /// </summary>
    public const ConnectorCapabilities Supported =
        ConnectorCapabilities.All
        & ~ConnectorCapabilities.Restrictions
        & ~ConnectorCapabilities.UpsertGuest
        & ~ConnectorCapabilities.AddService
        & ~ConnectorCapabilities.IdempotentCreate;
}
