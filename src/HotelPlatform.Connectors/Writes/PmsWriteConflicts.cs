namespace HotelPlatform.Connectors;

/// <summary>
/// Modifications made from a view that may be stale (a screen opened minutes ago, a mirror's copy): the reservation is
/// read again and compared, member by member, with the view the changes were made from, so that a change the PMS took
/// since is never silently overwritten. Vendor-neutral: it compares the normalised <see cref="Reservation"/> (its
/// <see cref="Reservation.ModifiedAt"/>, which every connector fills from the vendor's modification time, and the
/// members the changes touch), because none of the five vendors offers a conditional write (no ETag or If-Match).
/// </summary>
public static class PmsWriteConflicts
{
    /// <summary>
    /// Applies <paramref name="changes"/> to a reservation the caller read as <paramref name="readVersion"/>. The
    /// reservation is read again first. A changed member collides when the PMS changed it since the read and now holds
    /// something else than the caller asks for; the reservation's turning cancelled, checked out or no-show collides
    /// with any change. With no collision, the changes the PMS does not already hold are sent in one modification (the
    /// PMS's own changes to other members stay); when it already holds all of them nothing is written. With a collision
    /// nothing is written and a <see cref="PmsConflictException"/> (<see cref="PmsConflictReason.StaleData"/>) carries
    /// both versions and the colliding members.
    /// </summary>
    /// <param name="connector">The hotel's connector.</param>
    /// <param name="readVersion">The reservation as the caller read it (the view the changes were made from).</param>
    /// <param name="changes">The changes.</param>
    /// <param name="cancellationToken">A token that cancels the work.</param>
    /// <returns>The reservation after the modification, or as read again when nothing had to be written.</returns>
    /// <exception cref="PmsConflictException">The PMS changed a member the changes set, or ended the stay, since the read.</exception>
    /// <remarks>
    /// The re-read and the write are two calls; a change the PMS takes between them is not seen (no vendor offers a
    /// conditional write to close that window), so the window is one round trip instead of the time the view was open.
    /// </remarks>
    public static async Task<Reservation> ModifyReservationFromViewAsync(this IPmsConnector connector, Reservation readVersion, ReservationChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(readVersion);
        ArgumentNullException.ThrowIfNull(changes);
        var current = await connector.GetReservationAsync(readVersion.VendorId, cancellationToken).ConfigureAwait(false);
        var merge = Merge(readVersion, current, changes);
        if (merge.Conflicts.Count > 0)
        {
            throw new PmsConflictException(
                $"Reservation {current.VendorId} changed since it was read (modified {Describe(readVersion.ModifiedAt)} then, {Describe(current.ModifiedAt)} now); " +
                $"the changes to {string.Join(", ", merge.Conflicts)} collide and nothing was written.")
            {
                Reason = PmsConflictReason.StaleData,
                Vendor = connector.Vendor,
                Operation = "ModifyReservation",
                ReadVersion = readVersion,
                CurrentVersion = current,
                ConflictingMembers = merge.Conflicts,
            };
        }

        return merge.Remaining.IsEmpty
            ? current
            : await connector.ModifyReservationAsync(current.VendorId, merge.Remaining, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Splits <paramref name="changes"/> against what happened since <paramref name="read"/>: the members that collide,
    /// and the changes still to send (members the PMS already holds are dropped, so a repeated call writes nothing).
    /// </summary>
    /// <param name="read">The reservation as the caller read it.</param>
    /// <param name="current">The reservation as the PMS holds it now.</param>
    /// <param name="changes">The caller's changes.</param>
    /// <returns>The colliding members (empty when none) and the changes still to send.</returns>
    public static PmsChangeMerge Merge(Reservation read, Reservation current, ReservationChanges changes)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(changes);
        var conflicts = new List<string>();
        if (!changes.IsEmpty && current.Status != read.Status && current.Status is ReservationStatus.Cancelled or ReservationStatus.CheckedOut or ReservationStatus.NoShow)
        {
            conflicts.Add(nameof(Reservation.Status));
        }

        var remaining = new ReservationChanges
        {
            Arrival = Keep(changes.Arrival, read.Arrival, current.Arrival, nameof(changes.Arrival)),
            Departure = Keep(changes.Departure, read.Departure, current.Departure, nameof(changes.Departure)),
            Adults = Keep(changes.Adults, read.Adults, current.Adults, nameof(changes.Adults)),
            ChildrenAges = KeepList(changes.ChildrenAges, read.ChildrenAges, current.ChildrenAges, nameof(changes.ChildrenAges)),
            RoomTypeId = KeepText(changes.RoomTypeId, read.RoomTypeId, current.RoomTypeId, nameof(changes.RoomTypeId)),
            RatePlanId = KeepText(changes.RatePlanId, read.RatePlanId, current.RatePlanId, nameof(changes.RatePlanId)),
            PrimaryGuest = KeepGuest(changes.PrimaryGuest, read.PrimaryGuest, current.PrimaryGuest),
            Comment = KeepText(changes.Comment, read.Comment, current.Comment, nameof(changes.Comment)),
            GuestComment = KeepText(changes.GuestComment, read.GuestComment, current.GuestComment, nameof(changes.GuestComment)),
        };
        return new PmsChangeMerge(conflicts, remaining);

        // A member the caller sets: dropped when the PMS already holds the value, a collision when the PMS changed it
        // since the read to something else, otherwise sent.
        T? Keep<T>(T? wanted, T before, T now, string member)
            where T : struct, IEquatable<T> =>
            wanted is not { } value || value.Equals(now) ? null : Collides(!before.Equals(now), member) ? null : value;

        string? KeepText(string? wanted, string? before, string? now, string member) =>
            wanted is null || wanted == now ? null : Collides(before != now, member) ? null : wanted;

        IReadOnlyList<int>? KeepList(IReadOnlyList<int>? wanted, IReadOnlyList<int> before, IReadOnlyList<int> now, string member) =>
            wanted is null || wanted.SequenceEqual(now) ? null : Collides(!before.SequenceEqual(now), member) ? null : wanted;

        GuestProfile? KeepGuest(GuestProfile? wanted, GuestProfile before, GuestProfile now)
        {
            // A change that names no guest profile means the reservation's own guest.
            var comparable = wanted is { VendorId: null } ? wanted with { VendorId = now.VendorId } : wanted;
            return comparable is null || comparable == now ? null : Collides(before != now, nameof(changes.PrimaryGuest)) ? null : wanted;
        }

        bool Collides(bool changedSinceRead, string member)
        {
            if (changedSinceRead)
            {
                conflicts.Add(member);
            }

            return changedSinceRead;
        }
    }

    private static string Describe(DateTimeOffset? at) => at is { } value ? value.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : "at an unknown time";
}

/// <summary>The outcome of <see cref="PmsWriteConflicts.Merge"/>.</summary>
/// <param name="Conflicts">The members that collide with a change the PMS took since the read; empty when none.</param>
/// <param name="Remaining">The changes the PMS does not hold yet; empty when there is nothing to write.</param>
public sealed record PmsChangeMerge(IReadOnlyList<string> Conflicts, ReservationChanges Remaining);
