namespace HotelPlatform.Connectors.Mirror;

/// <summary>
/// A local, normalised copy of each hotel's reservations: one row per (hotel, reservation), holding the newest version
/// seen. Reads cost no vendor call and no vendor quota; they are as fresh as <see cref="PmsMirrorFreshness"/> says.
/// The embedded store is SQLite (<see cref="Sqlite.SqlitePmsReservationMirror"/>); several hosts share a PostgreSQL one
/// (package <c>HotelPlatform.Connectors.Mirror.PostgreSql</c>).
/// </summary>
public interface IPmsReservationMirror
{
    /// <summary>
    /// Stores a reservation unless the mirror already holds a newer version of it or the same content (idempotent:
    /// applying the same update twice, or an older one after a newer one, changes nothing), or marks a reservation the
    /// PMS no longer has as removed (<see cref="PmsMirrorUpdate.RemovedReservationId"/>), and records the hotel's
    /// freshness (an update without either records only that the hotel's feed was heard). A removed copy is replaced
    /// only by a strictly newer version than the removal's (a vendor reinstating the booking), never by an older or equal one.
    /// </summary>
    /// <param name="update">The update.</param>
    /// <param name="cancellationToken">A token that cancels the work.</param>
    /// <returns><see langword="true"/> when the reservation was stored or marked removed, <see langword="false"/> when it was older, a duplicate, already removed, unknown to the mirror, or absent.</returns>
    ValueTask<bool> ApplyAsync(PmsMirrorUpdate update, CancellationToken cancellationToken);

    /// <summary>Gets a reservation by its vendor id.</summary>
    /// <param name="hotelId">The hotel's key.</param>
    /// <param name="reservationId">The vendor's reservation id.</param>
    /// <param name="cancellationToken">A token that cancels the work.</param>
    /// <returns>The mirrored reservation, or <see langword="null"/> when the mirror has none.</returns>
    ValueTask<PmsMirroredReservation?> GetReservationAsync(string hotelId, string reservationId, CancellationToken cancellationToken);

    /// <summary>
    /// Finds reservations by any of their guests, the primary one or a companion (<see cref="Reservation.AdditionalGuests"/>):
    /// every criterion given must match one and the same guest (e-mail ignoring case, phone by its digits, last and first
    /// name ignoring case), newest arrival first, at most <see cref="GuestSearch.MaxResults"/>.
    /// </summary>
    /// <param name="search">The criteria; at least an e-mail, a phone or a last name.</param>
    /// <param name="hotelId">One hotel's key, or <see langword="null"/> to search every hotel (has this guest stayed with the chain).</param>
    /// <param name="cancellationToken">A token that cancels the work.</param>
    /// <returns>The matching reservations.</returns>
    ValueTask<IReadOnlyList<PmsMirroredReservation>> FindByGuestAsync(GuestSearch search, string? hotelId, CancellationToken cancellationToken);

    /// <summary>Lists the stays that hold at least one night from <paramref name="firstNight"/> to <paramref name="lastNight"/>, by arrival.</summary>
    /// <param name="hotelId">The hotel's key.</param>
    /// <param name="firstNight">The first night of the window.</param>
    /// <param name="lastNight">The last night of the window (inclusive).</param>
    /// <param name="includeCancelled">Whether cancelled reservations are listed.</param>
    /// <param name="limit">The most to return.</param>
    /// <param name="cancellationToken">A token that cancels the work.</param>
    /// <returns>The stays.</returns>
    ValueTask<IReadOnlyList<PmsMirroredReservation>> GetStaysAsync(string hotelId, DateOnly firstNight, DateOnly lastNight, bool includeCancelled, int limit, CancellationToken cancellationToken);

    /// <summary>Gets what the mirror knows of a hotel's feed (counts and the instants of the last updates).</summary>
    /// <param name="hotelId">The hotel's key.</param>
    /// <param name="cancellationToken">A token that cancels the work.</param>
    /// <returns>The state; zero and <see langword="null"/>s for a hotel never heard of.</returns>
    ValueTask<PmsMirrorHotelState> GetHotelStateAsync(string hotelId, CancellationToken cancellationToken);
}

/// <summary>Where a mirror update came from.</summary>
public enum PmsMirrorSource
{
    /// <summary>A webhook delivery (through the inbox).</summary>
    Webhook = 0,

    /// <summary>A polled event source (through the inbox).</summary>
    Poll = 1,

    /// <summary>The changed-since reconciliation (through the inbox).</summary>
    Reconciliation = 2,

    /// <summary>A backfill read directly from the PMS (<see cref="PmsMirrorBackfill"/>).</summary>
    Backfill = 3,
}

/// <summary>One update of the mirror.</summary>
/// <param name="HotelId">The hotel's key.</param>
/// <param name="Source">Where it came from.</param>
/// <param name="ObservedAt">When this host saw it (the mirror's clock).</param>
public sealed record PmsMirrorUpdate(string HotelId, PmsMirrorSource Source, DateTimeOffset ObservedAt)
{
    /// <summary>Gets the reservation, or <see langword="null"/> for an event about something else (it still proves the hotel's feed is alive).</summary>
    public Reservation? Reservation { get; init; }

    /// <summary>Gets when the vendor says the change happened, where known.</summary>
    public DateTimeOffset? OccurredAt { get; init; }

    /// <summary>
    /// Gets the vendor id of a reservation the PMS no longer has (an event about it found nothing when the reservation
    /// was read: deleted at the PMS), or <see langword="null"/>. The mirror keeps its copy, cancelled and marked
    /// <see cref="PmsMirroredReservation.RemovedAt"/> (<see cref="OccurredAt"/>, else <see cref="ObservedAt"/>); set
    /// it without <see cref="Reservation"/>.
    /// </summary>
    public string? RemovedReservationId { get; init; }
}

/// <summary>A reservation as the mirror holds it.</summary>
/// <param name="HotelId">The hotel's key.</param>
/// <param name="Reservation">The newest version seen; <see cref="ReservationStatus.Cancelled"/> once <see cref="RemovedAt"/> is set.</param>
/// <param name="Source">Where that version came from.</param>
/// <param name="StoredAt">When it was stored.</param>
public sealed record PmsMirroredReservation(string HotelId, Reservation Reservation, PmsMirrorSource Source, DateTimeOffset StoredAt)
{
    /// <summary>Gets the version the mirror orders copies by: the latest of the reservation's modification, cancellation and creation times; <see langword="null"/> when the vendor gave none.</summary>
    public DateTimeOffset? Version => PmsMirrorVersions.Of(Reservation);

    /// <summary>
    /// Gets when the PMS was found no longer to have the reservation (deleted there), or <see langword="null"/>. The
    /// copy is the last one seen, with its status set to <see cref="ReservationStatus.Cancelled"/>; only a version newer
    /// than the removal replaces it.
    /// </summary>
    public DateTimeOffset? RemovedAt { get; init; }
}

/// <summary>What the mirror itself knows of a hotel's feed.</summary>
/// <param name="HotelId">The hotel's key.</param>
/// <param name="Reservations">How many reservations the mirror holds.</param>
/// <param name="LastEventAt">When the last webhook or polled event was applied.</param>
/// <param name="LastEventOccurredAt">When the vendor says the newest applied event happened.</param>
/// <param name="LastReconciledAt">When the last change found by reconciliation or backfill was applied.</param>
public sealed record PmsMirrorHotelState(string HotelId, long Reservations, DateTimeOffset? LastEventAt, DateTimeOffset? LastEventOccurredAt, DateTimeOffset? LastReconciledAt);

/// <summary>How the mirror orders versions of a reservation.</summary>
public static class PmsMirrorVersions
{
    /// <summary>
    /// Gets a reservation's version: the latest of <see cref="Reservation.ModifiedAt"/>, <see cref="Reservation.CancelledAt"/>
    /// and <see cref="Reservation.CreatedAt"/> (every connector fills the vendor's modification time; none of the five
    /// vendors gives an ETag or revision number); <see langword="null"/> when none is known.
    /// </summary>
    /// <param name="reservation">The reservation.</param>
    /// <returns>The version.</returns>
    public static DateTimeOffset? Of(Reservation reservation)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        DateTimeOffset? latest = null;
        foreach (var at in (ReadOnlySpan<DateTimeOffset?>)[reservation.ModifiedAt, reservation.CancelledAt, reservation.CreatedAt])
        {
            if (at is { } value && (latest is null || value > latest))
            {
                latest = value;
            }
        }

        return latest;
    }
}
