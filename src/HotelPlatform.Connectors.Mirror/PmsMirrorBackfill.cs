namespace HotelPlatform.Connectors.Mirror;

/// <summary>
/// Fills a hotel's mirror straight from the PMS (the reservations changed since an instant), for a mirror added to a
/// hotel that already has bookings. It costs vendor calls, once; afterwards the inbox keeps the mirror current. Safe to
/// repeat: versions older than or equal to the mirror's change nothing.
/// </summary>
public sealed class PmsMirrorBackfill
{
    private readonly IPmsConnectorRegistry _registry;
    private readonly IPmsReservationMirror _mirror;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new instance of the <see cref="PmsMirrorBackfill"/> class.</summary>
    /// <param name="registry">The hotels' connectors.</param>
    /// <param name="mirror">The mirror.</param>
    /// <param name="timeProvider">The clock.</param>
    public PmsMirrorBackfill(IPmsConnectorRegistry registry, IPmsReservationMirror mirror, TimeProvider timeProvider)
    {
        _registry = registry;
        _mirror = mirror;
        _timeProvider = timeProvider;
    }

    /// <summary>Reads the hotel's reservations created, modified or cancelled since <paramref name="since"/> into the mirror.</summary>
    /// <param name="hotelId">The hotel's key.</param>
    /// <param name="since">The instant.</param>
    /// <param name="cancellationToken">A token that cancels the work.</param>
    /// <returns>How many reservations were stored (new or newer than the mirror's copy).</returns>
    /// <exception cref="PmsNotSupportedException">The hotel's connector cannot list changed reservations.</exception>
    public async Task<int> BackfillAsync(string hotelId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var connector = _registry.Get(hotelId);
        var stored = 0;
        await foreach (var reservation in connector.GetReservationsAsync(ReservationQuery.ChangedSince(since), cancellationToken).ConfigureAwait(false))
        {
            var update = new PmsMirrorUpdate(hotelId, PmsMirrorSource.Backfill, _timeProvider.GetUtcNow()) { Reservation = reservation };
            stored += await _mirror.ApplyAsync(update, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        return stored;
    }
}
