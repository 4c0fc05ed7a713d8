using HotelPlatform.Connectors.Http;
using System.Globalization;
using System.Text;
using System.Xml.Linq;
using HotelPlatform.Connectors.Events;
using HotelPlatform.Connectors.SiteMinder.Wire;
using HotelPlatform.Connectors.SiteMinder.Soap;

namespace HotelPlatform.Connectors.SiteMinder.Events;

/// <summary>
/// SiteMinder's PULL mode as the runtime's polled event source: <see cref="PollAsync"/> sends <c>OTA_ReadRQ</c>
/// (<c>SelectionType="Undelivered"</c>) and maps each reservation of the <c>OTA_ResRetrieveRS</c> into an event that
/// carries the reservation whole; <see cref="AcknowledgeAsync"/> sends <c>OTA_NotifReportRQ</c> for the batch's message
/// ids. SiteMinder keeps delivering a reservation until it is confirmed, so a consumer that crashes between the poll and
/// the acknowledgement sees it again (<see cref="PmsEventSourceDelivery.RedeliveredUntilAcknowledged"/>); use
/// <see cref="PmsEventSourceExtensions.PollOnceAsync"/>, which acknowledges only after the commit.
/// </summary>
internal sealed class SiteMinderEventSource(SiteMinderSoapClient client, TimeProvider timeProvider) : IPmsEventSource
{
    public string Vendor => PmsVendors.SiteMinder;

    public PmsEventSourceDelivery Delivery => PmsEventSourceDelivery.RedeliveredUntilAcknowledged;

    public TimeSpan PollInterval => client.Options().PollInterval;

    public async ValueTask<PmsEventBatch> PollAsync(string? checkpoint, CancellationToken cancellationToken = default)
    {
        var options = client.Options();
        XElement response;
        using (PmsOperation.Begin("PollReservations", PmsOperationIntent.Read))
        {
            response = await client.SendAsync(OtaReservationMessages.ReadUndelivered(options.RequestorId, options.PropertyId, timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }

        var receivedAt = timeProvider.GetUtcNow();
        var mapped = new List<OtaReservation>();
        var refused = new List<OtaConfirmation>();
        foreach (var element in response.Element(Ota.N("ReservationsList"))?.Elements(Ota.N("HotelReservation")) ?? [])
        {
            try
            {
                var reservation = OtaReservationMapper.Map(element, options.PropertyId, null, receivedAt);
                if (reservation.MessageId is null)
                {
                    throw new FormatException($"Reservation {reservation.Reservation.VendorId} was delivered without its message id (UniqueID Type 16).");
                }

                mapped.Add(reservation);
            }
            catch (FormatException) when (OtaReservationMapper.MessageIdOf(element) is { } messageId)
            {
                // A reservation no consumer could take would block every poll; SiteMinder's way out is an Errors report,
                // after which it stops delivering it and alerts the hotel.
                refused.Add(new OtaConfirmation(messageId, (string?)element.Attribute("ResStatus") ?? "Book", OtaReservationMapper.ReferenceOf(element) ?? messageId, null));
            }
        }

        if (refused.Count > 0)
        {
            using (PmsOperation.Begin("RefuseReservations", PmsOperationIntent.IdempotentWrite))
            {
                await client.SendAsync(OtaReservationMessages.Refuse(refused, "Unable to process: the reservation lacks an identifier, its stay or a guest surname.", options.PropertyId, timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            }
        }

        // The position is SiteMinder's ("undelivered"), so there is no checkpoint; what to confirm travels with the batch.
        return new PmsEventBatch(mapped.Select(m => m.Inbound), nextCheckpoint: null)
        {
            AcknowledgementToken = mapped.Count == 0 ? null : AcknowledgementToken.Write(mapped),
        };
    }

    public async ValueTask AcknowledgeAsync(PmsEventBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var confirmations = AcknowledgementToken.Read(batch.AcknowledgementToken);
        if (confirmations.Count == 0)
        {
            return;
        }

        // Confirming twice is harmless at SiteMinder, so the confirmation may be retried like a read.
        using (PmsOperation.Begin("ConfirmReservations", PmsOperationIntent.IdempotentWrite))
        {
            await client.SendAsync(OtaReservationMessages.Confirm(confirmations, client.Options().PropertyId, timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The batch's confirmations as one line each: message id, status, reservation id, time (round-trip), tab-separated.</summary>
    internal static class AcknowledgementToken
    {
        public static string Write(IEnumerable<OtaReservation> reservations)
        {
            var builder = new StringBuilder();
            foreach (var r in reservations)
            {
                var at = r.ResStatus == "Book" ? r.Reservation.CreatedAt : r.Reservation.ModifiedAt ?? r.Reservation.CreatedAt;
                builder.Append(Clean(r.MessageId!)).Append('\t').Append(Clean(r.ResStatus ?? "Book")).Append('\t').Append(Clean(r.Reservation.VendorId)).Append('\t')
                    .Append(at?.ToString("O", CultureInfo.InvariantCulture)).Append('\n');
            }

            return builder.ToString();
        }

        public static IReadOnlyList<OtaConfirmation> Read(string? token) =>
            string.IsNullOrEmpty(token)
                ? []
                : [.. token.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
                {
                    var parts = line.Split('\t');
                    if (parts.Length != 4)
                    {
                        throw new ArgumentException("The batch's acknowledgement token was not made by this source.", nameof(token));
                    }

                    DateTimeOffset? at = parts[3].Length == 0 ? null : DateTimeOffset.Parse(parts[3], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
                    return new OtaConfirmation(parts[0], parts[1], parts[2], at);
                })];

        private static string Clean(string value) =>
            value.AsSpan().ContainsAny('\t', '\n') ? throw new FormatException("An id holds a tab or a line break.") : value;
    }
}
