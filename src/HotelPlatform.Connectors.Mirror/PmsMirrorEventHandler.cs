using HotelPlatform.Connectors.Webhooks;

namespace HotelPlatform.Connectors.Mirror;

/// <summary>
/// Feeds the mirror from the inbox: every event's reservation (as delivered, hydrated through the connector, or read by
/// the reconciliation) is applied as a versioned upsert, so redelivered and replayed events change nothing; every
/// event, with or without a reservation, records that the hotel's feed is alive. An event whose reservation the
/// connector no longer finds (deleted at the PMS) marks the mirror's copy removed, so it is not shown as a live booking.
/// </summary>
internal sealed class PmsMirrorEventHandler(IPmsReservationMirror mirror, TimeProvider timeProvider) : IPmsEventHandler
{
    public async ValueTask HandleAsync(PmsEventContext context, CancellationToken cancellationToken)
    {
        var source = context.Origin switch
        {
            PmsEventOrigin.Poll => PmsMirrorSource.Poll,
            PmsEventOrigin.Reconciliation => PmsMirrorSource.Reconciliation,
            _ => PmsMirrorSource.Webhook,
        };
        var update = new PmsMirrorUpdate(context.HotelId, source, timeProvider.GetUtcNow())
        {
            Reservation = context.Reservation,
            RemovedReservationId = context.Reservation is null && context.ReservationNotFound ? context.ReservationId : null,
            OccurredAt = context.Event.OccurredAt,
        };
        await mirror.ApplyAsync(update, cancellationToken).ConfigureAwait(false);
    }
}
