using System.Globalization;
using System.Xml.Linq;

namespace HotelPlatform.Connectors.SiteMinder.Wire;

/// <summary>A pulled reservation to confirm: what <c>OTA_NotifReportRQ</c> echoes back for it.</summary>
/// <param name="MessageId">SiteMinder's message id (<c>UniqueID @Type="16"</c>).</param>
/// <param name="ResStatus">The status as delivered (<c>Book</c>, <c>Modify</c>, <c>Cancel</c>).</param>
/// <param name="ReservationId">The reservation's id, reported back as the PMS reservation number (<c>ResID_Type="14"</c>).</param>
/// <param name="ChangedAt">The delivered <c>CreateDateTime</c> (Book) or <c>LastModifyDateTime</c> (Modify, Cancel), echoed back.</param>
internal sealed record OtaConfirmation(string MessageId, string ResStatus, string ReservationId, DateTimeOffset? ChangedAt);

/// <summary>The reservation messages of pmsXchange: the pull (<c>OTA_ReadRQ</c>), its confirmation (<c>OTA_NotifReportRQ</c>) and the answer to a push (<c>OTA_HotelResNotifRS</c>).</summary>
internal static class OtaReservationMessages
{
    /// <summary><c>OTA_ReadRQ</c> for the undelivered reservations of one hotel.</summary>
    public static XElement ReadUndelivered(string requestorId, string hotelCode, DateTimeOffset now) =>
        Ota.Message("OTA_ReadRQ", now).With(
            Ota.Pos(requestorId),
            new XElement(Ota.N("ReadRequests"),
                new XElement(Ota.N("HotelReadRequest"), new XAttribute("HotelCode", hotelCode),
                    new XElement(Ota.N("SelectionCriteria"), new XAttribute("SelectionType", "Undelivered")))));

    /// <summary><c>OTA_NotifReportRQ</c> with <c>Success</c>, confirming each reservation by its message id.</summary>
    public static XElement Confirm(IEnumerable<OtaConfirmation> confirmations, string hotelCode, DateTimeOffset now) =>
        Ota.Message("OTA_NotifReportRQ", now).With(
            new XElement(Ota.N("Success")),
            new XElement(Ota.N("NotifDetails"),
                new XElement(Ota.N("HotelNotifReport"),
                    new XElement(Ota.N("HotelReservations"), confirmations.Select(c => ConfirmOne(c, hotelCode))))));

    /// <summary>
    /// <c>OTA_NotifReportRQ</c> with <c>Errors</c> for reservations the PMS cannot process ("send a separate one with
    /// Errors for failures"): SiteMinder stops delivering them and alerts the hotel.
    /// </summary>
    public static XElement Refuse(IEnumerable<OtaConfirmation> refused, string reason, string hotelCode, DateTimeOffset now) =>
        Ota.Message("OTA_NotifReportRQ", now).With(
            new XElement(Ota.N("Errors"), new XElement(Ota.N("Error"), new XAttribute("Type", "3"), new XAttribute("Code", "450"), reason)),
            new XElement(Ota.N("NotifDetails"),
                new XElement(Ota.N("HotelNotifReport"),
                    new XElement(Ota.N("HotelReservations"), refused.Select(c => ConfirmOne(c, hotelCode))))));

    /// <summary><c>OTA_HotelResNotifRS</c> with <c>Success</c>, echoing the push's <c>EchoToken</c>.</summary>
    public static XElement PushAccepted(string? echoToken, DateTimeOffset now, IEnumerable<OtaReservation> reservations) =>
        Ota.Message("OTA_HotelResNotifRS", now, echoToken).With(
            new XElement(Ota.N("Success")),
            new XElement(Ota.N("HotelReservations"), reservations.Select(r =>
                new XElement(Ota.N("HotelReservation"),
                    r.MessageId is null ? null : new XElement(Ota.N("UniqueID"), new XAttribute("Type", Ota.MessageIdType), new XAttribute("ID", r.MessageId)),
                    new XElement(Ota.N("ResGlobalInfo"),
                        new XElement(Ota.N("HotelReservationIDs"),
                            new XElement(Ota.N("HotelReservationID"), new XAttribute("ResID_Type", Ota.ChannelReferenceType), new XAttribute("ResID_Value", r.Reservation.VendorId))),
                        BasicProperty(r.Reservation.PropertyId))))));

    private static XElement ConfirmOne(OtaConfirmation confirmation, string hotelCode) =>
        new(Ota.N("HotelReservation"),
            confirmation.ChangedAt is { } at
                ? new XAttribute(confirmation.ResStatus == "Book" ? "CreateDateTime" : "LastModifyDateTime", at.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture))
                : null,
            new XAttribute("ResStatus", confirmation.ResStatus),
            new XElement(Ota.N("UniqueID"), new XAttribute("Type", Ota.MessageIdType), new XAttribute("ID", confirmation.MessageId)),
            new XElement(Ota.N("ResGlobalInfo"),
                new XElement(Ota.N("HotelReservationIDs"),
                    new XElement(Ota.N("HotelReservationID"), new XAttribute("ResID_Type", Ota.ChannelReferenceType), new XAttribute("ResID_Value", confirmation.ReservationId))),
                BasicProperty(hotelCode)));

    /// <summary>OTA 2015B requires <c>BasicPropertyInfo</c> at the end of a <c>ResGlobalInfo</c>; SiteMinder's samples leave it out, the schema wins.</summary>
    private static XElement BasicProperty(string hotelCode) => new(Ota.N("BasicPropertyInfo"), new XAttribute("HotelCode", hotelCode));
}
