namespace HotelPlatform.Connectors.SiteMinder;

/// <summary>
/// What pmsXchange lets a PMS do through <see cref="IPmsConnector"/>. SiteMinder is a channel manager: the PMS receives
/// the bookings channels made (pulled or pushed: the events seam) and pushes availability, restrictions and rates
/// (<see cref="Distribution.ISiteMinderDistribution"/>). It has no call to read one reservation, list reservations,
/// create or modify a booking, quote, or keep guest profiles.
/// </summary>
public static class SiteMinderCapabilities
{
    /// <summary>The capabilities of the SiteMinder connector: reservation events only.</summary>
    public const ConnectorCapabilities Supported = ConnectorCapabilities.Webhooks;

    /// <summary>Says why pmsXchange lacks capabilities, with the source of the fact.</summary>
    /// <param name="missing">The capabilities asked for.</param>
    /// <returns>The explanation.</returns>
    public static string Explain(ConnectorCapabilities missing) =>
        missing switch
        {
            _ when (missing & (ConnectorCapabilities.CreateReservation | ConnectorCapabilities.ModifyReservation | ConnectorCapabilities.ModifyStay | ConnectorCapabilities.CancelReservation | ConnectorCapabilities.AddService | ConnectorCapabilities.IdempotentCreate)) != 0 =>
                "SiteMinder pmsXchange does not create, modify or cancel bookings: channels book, and the PMS only receives those bookings (OTA_ReadRQ / OTA_HotelResNotifRQ) and pushes availability and rates (pmsXchange message list, vendor research §3.1).",
            _ when (missing & (ConnectorCapabilities.SearchGuests | ConnectorCapabilities.GuestProfiles | ConnectorCapabilities.UpsertGuest)) != 0 =>
                "SiteMinder pmsXchange keeps no guest profiles: a guest exists only inside the reservation a channel delivered (vendor research §3.1, §3.3).",
            _ when (missing & ConnectorCapabilities.Quotes) != 0 =>
                "SiteMinder pmsXchange does not price stays: rates flow from the PMS to SiteMinder (OTA_HotelRateAmountNotifRQ), never back (vendor research §3.1).",
            _ when (missing & (ConnectorCapabilities.ReadReservations | ConnectorCapabilities.ListReservations | ConnectorCapabilities.ChangedReservations)) != 0 =>
                "SiteMinder pmsXchange has no call to read one reservation or list them: reservations arrive once each through the events seam (OTA_ReadRQ SelectionType=\"Undelivered\", or OTA_HotelResNotifRQ pushed), vendor research §3.3-3.4.",
            _ when (missing & (ConnectorCapabilities.Inventory | ConnectorCapabilities.RatePlans | ConnectorCapabilities.Availability | ConnectorCapabilities.Restrictions | ConnectorCapabilities.ServiceOffers)) != 0 =>
                "SiteMinder pmsXchange receives inventory from the PMS and does not serve it back over SOAP; its REST room-rates endpoint's response is not in the vendor documents, so it is not used (vendor research §3.1, §3.8).",
            _ => "SiteMinder pmsXchange does not offer this.",
        };
}
