namespace HotelPlatform.Connectors.Opera;

/// <summary>What the OPERA connector does (docs/connectors/opera.md says why the rest is absent).</summary>
internal static class OperaCapabilities
{
    public const ConnectorCapabilities Supported =
        ConnectorCapabilities.Inventory
        | ConnectorCapabilities.RatePlans
        | ConnectorCapabilities.Availability
        | ConnectorCapabilities.Restrictions
        | ConnectorCapabilities.Quotes
        | ConnectorCapabilities.CreateReservation
        | ConnectorCapabilities.ReadReservations
        | ConnectorCapabilities.ModifyReservation
        | ConnectorCapabilities.ModifyStay
        | ConnectorCapabilities.CancelReservation
        | ConnectorCapabilities.ListReservations
        | ConnectorCapabilities.ChangedReservations
        | ConnectorCapabilities.SearchGuests
        | ConnectorCapabilities.GuestProfiles
        | ConnectorCapabilities.UpsertGuest
        | ConnectorCapabilities.ServiceOffers
        | ConnectorCapabilities.AddService
        | ConnectorCapabilities.IdempotentCreate;
}
