namespace HotelPlatform.Connectors.Simulators.SiteMinder;

/// <summary>A reservation a channel made, as the simulator delivers it in <c>OTA_ResRetrieveRS</c>.</summary>
/// <param name="ChannelReference">The channel's booking reference (<c>UniqueID @Type="14"</c>).</param>
/// <param name="RoomTypeCode">The room type.</param>
/// <param name="RatePlanCode">The rate plan.</param>
/// <param name="Arrival">The first night.</param>
/// <param name="Departure">The departure day.</param>
/// <param name="GuestLastName">The guest's surname.</param>
public sealed record SiteMinderChannelReservation(string ChannelReference, string RoomTypeCode, string RatePlanCode, DateOnly Arrival, DateOnly Departure, string GuestLastName)
{
    /// <summary>Gets the guest's given name.</summary>
    public string? GuestFirstName { get; init; }

    /// <summary>Gets the guest's e-mail.</summary>
    public string? GuestEmail { get; init; }

    /// <summary>Gets the number of adults.</summary>
    public int Adults { get; init; } = 1;

    /// <summary>Gets the gross amount of each night.</summary>
    public decimal NightlyAmount { get; init; } = 150m;

    /// <summary>Gets the currency; the hotel's (<see cref="SiteMinderSimulatorOptions.Currency"/>) when <see langword="null"/>.</summary>
    public string? Currency { get; init; }

    /// <summary>Gets the channel's code (<c>BookingChannel/CompanyName @Code</c>), such as <c>EXP</c> for Expedia.</summary>
    public string ChannelCode { get; init; } = "EXP";

    /// <summary>Gets a note from the guest.</summary>
    public string? Comment { get; init; }
}

/// <summary>A reservation message in the simulator's queue: what it delivers in <c>OTA_ResRetrieveRS</c> until confirmed.</summary>
/// <param name="MessageId">SiteMinder's message id (<c>UniqueID @Type="16"</c>), what <c>OTA_NotifReportRQ</c> confirms.</param>
/// <param name="ResStatus"><c>Book</c>, <c>Modify</c> or <c>Cancel</c>.</param>
/// <param name="Reservation">The reservation as delivered.</param>
/// <param name="QueuedAt">When it was queued (simulator clock).</param>
/// <param name="DeliveryAttempts">How many <c>OTA_ReadRQ</c> answers carried it.</param>
/// <param name="ConfirmedAt">When an <c>OTA_NotifReportRQ</c> named it (with <c>Success</c>, or with <c>Errors</c>: see <see cref="ReportedError"/>); <see langword="null"/> while undelivered.</param>
/// <param name="PmsReservationId">The PMS reservation number the confirmation reported.</param>
public sealed record SiteMinderQueuedMessage(
    string MessageId,
    string ResStatus,
    SiteMinderChannelReservation Reservation,
    DateTimeOffset QueuedAt,
    int DeliveryAttempts,
    DateTimeOffset? ConfirmedAt,
    string? PmsReservationId)
{
    /// <summary>Gets the error the PMS reported for it (<c>OTA_NotifReportRQ</c> with <c>Errors</c>), or <see langword="null"/>.</summary>
    public string? ReportedError { get; init; }

    /// <summary>Gets a value indicating whether the message is still delivered on every pull.</summary>
    public bool IsUndelivered => ConfirmedAt is null;
}

/// <summary>An ARI push the simulator accepted, for assertions.</summary>
/// <param name="MessageName"><c>OTA_HotelAvailNotifRQ</c> or <c>OTA_HotelRateAmountNotifRQ</c>.</param>
/// <param name="HotelCode">The hotel.</param>
/// <param name="EnvelopeBytes">The size of the SOAP request as received.</param>
/// <param name="Message">The OTA message (a copy).</param>
/// <param name="ReceivedAt">When it was received.</param>
public sealed record SiteMinderAriPush(string MessageName, string HotelCode, long EnvelopeBytes, System.Xml.Linq.XElement Message, DateTimeOffset ReceivedAt);
