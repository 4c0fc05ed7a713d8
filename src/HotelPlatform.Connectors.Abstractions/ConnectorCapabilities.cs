namespace HotelPlatform.Connectors;

/// <summary>What a connector can do. Each <see cref="IPmsConnector"/> member belongs to one capability.</summary>
[Flags]
public enum ConnectorCapabilities : long
{
    /// <summary>No capability.</summary>
    None = 0,

    /// <summary><see cref="IPmsConnector.GetPropertyAsync"/> and <see cref="IPmsConnector.GetRoomTypesAsync"/>.</summary>
    Inventory = 1L << 0,

    /// <summary><see cref="IPmsConnector.GetRatePlansAsync"/>.</summary>
    RatePlans = 1L << 1,

    /// <summary><see cref="IPmsConnector.GetAvailabilityAsync"/>.</summary>
    Availability = 1L << 2,

    /// <summary>Stay restrictions (minimum/maximum stay, closed to arrival/departure) in the availability grid.</summary>
    Restrictions = 1L << 3,

    /// <summary><see cref="IPmsConnector.QuoteAsync"/>.</summary>
    Quotes = 1L << 4,

    /// <summary><see cref="IPmsConnector.CreateReservationAsync"/>.</summary>
    CreateReservation = 1L << 5,

    /// <summary><see cref="IPmsConnector.GetReservationAsync"/> and <see cref="IPmsConnector.FindReservationAsync"/>.</summary>
    ReadReservations = 1L << 6,

    /// <summary><see cref="IPmsConnector.ModifyReservationAsync"/> for guest details and comments.</summary>
    ModifyReservation = 1L << 7,

    /// <summary><see cref="IPmsConnector.ModifyReservationAsync"/> for stay dates, occupancy, room type and rate plan.</summary>
    ModifyStay = 1L << 8,

    /// <summary><see cref="IPmsConnector.CancelReservationAsync"/>.</summary>
    CancelReservation = 1L << 9,

    /// <summary><see cref="IPmsConnector.GetReservationsAsync"/> for arrivals, departures and in-house lists.</summary>
    ListReservations = 1L << 10,

    /// <summary><see cref="IPmsConnector.GetReservationsAsync"/> with <see cref="ReservationQuery.ChangedSince(DateTimeOffset)"/>.</summary>
    ChangedReservations = 1L << 11,

    /// <summary><see cref="IPmsConnector.SearchGuestsAsync"/>.</summary>
    SearchGuests = 1L << 12,

    /// <summary><see cref="IPmsConnector.GetGuestAsync"/>: standalone guest profiles.</summary>
    GuestProfiles = 1L << 13,

    /// <summary><see cref="IPmsConnector.UpsertGuestAsync"/>.</summary>
    UpsertGuest = 1L << 14,

    /// <summary><see cref="IPmsConnector.GetServiceOffersAsync"/>.</summary>
    ServiceOffers = 1L << 15,

    /// <summary><see cref="IPmsConnector.AddServiceAsync"/>.</summary>
    AddService = 1L << 16,

    /// <summary>The vendor pushes events (webhooks) that the connector parses into <see cref="PmsEvent"/>s.</summary>
    Webhooks = 1L << 17,

    /// <summary>The vendor deduplicates creates natively (an idempotency key), not only by a client reference lookup.</summary>
    IdempotentCreate = 1L << 18,

    /// <summary>Every capability.</summary>
    All = (1L << 19) - 1,
}
