namespace HotelPlatform.Connectors.Apaleo;

/// <summary>
/// What the Apaleo connector can do, decided from Apaleo's documents (see <c>docs/connectors/apaleo.md</c>); the
/// connector class reports this as <see cref="IPmsConnector.Capabilities"/>.
/// </summary>
internal static class ApaleoCapabilities
{
    /// <summary>
    /// Every capability except: <see cref="ConnectorCapabilities.Restrictions"/> — <c>GET /availability/v1/unit-groups</c>
    /// returns counts only (restrictions live per rate plan in <c>GET /rateplan/v1/rate-plans/{id}/rates</c>, not per
    /// room type); <see cref="ConnectorCapabilities.GuestProfiles"/> and <see cref="ConnectorCapabilities.UpsertGuest"/>
    /// — Apaleo has no standalone guest-profile resource in its core APIs (guests live inside reservations and have no id).
    /// </summary>
    public const ConnectorCapabilities Supported =
        ConnectorCapabilities.All
        & ~ConnectorCapabilities.Restrictions
        & ~ConnectorCapabilities.GuestProfiles
        & ~ConnectorCapabilities.UpsertGuest;
}
