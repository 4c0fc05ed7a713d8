using HotelPlatform.Connectors.Mirror;

namespace HotelPlatform.Connectors.Webhooks.Tests.Mirror;

/// <summary>
/// What every mirror store guarantees, run on SQLite (<see cref="SqliteMirrorTests"/>) and PostgreSQL
/// (<see cref="PostgreSqlMirrorTests"/>): versioned, idempotent upserts, removals that no older copy undoes, reads by id,
/// guest (primary or companion) and stay dates, and the hotel's freshness state.
/// </summary>
public abstract class MirrorStoreContract
{
    protected static readonly DateTimeOffset T0 = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private static readonly DateOnly May1 = new(2026, 5, 1);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<IPmsReservationMirror> CreateMirrorAsync();

    protected static Reservation Stay(string id, DateTimeOffset modified, DateOnly? arrival = null, int nights = 2, GuestProfile? guest = null, ReservationStatus status = ReservationStatus.Confirmed) =>
        new(id, "MUC", status, arrival ?? May1, (arrival ?? May1).AddDays(nights), guest ?? new GuestProfile("Lovelace") { FirstName = "Ada", Email = "Ada@Example.com", Phone = "+49 (89) 123-45" })
        {
            CreatedAt = T0.AddDays(-1),
            ModifiedAt = modified,
        };

    protected static PmsMirrorUpdate Update(Reservation? reservation, PmsMirrorSource source = PmsMirrorSource.Webhook, DateTimeOffset? observedAt = null, string hotel = "muc") =>
        new(hotel, source, observedAt ?? T0) { Reservation = reservation, OccurredAt = reservation?.ModifiedAt };

    [Fact]
    public async Task A_newer_version_replaces_the_copy_and_an_older_one_arriving_later_changes_nothing()
    {
        var mirror = await CreateMirrorAsync();
        var older = Stay("R1", T0) with { Comment = "old" };
        var newer = Stay("R1", T0.AddMinutes(1)) with { Comment = "new" };

        var storedNewer = await mirror.ApplyAsync(Update(newer), Ct);
        var storedOlder = await mirror.ApplyAsync(Update(older), Ct);

        Assert.Equal((true, false), (storedNewer, storedOlder));
        var copy = await mirror.GetReservationAsync("muc", "R1", Ct);
        Assert.Equal("new", copy!.Reservation.Comment);
        Assert.Equal(T0.AddMinutes(1), copy.Version);
    }

    [Fact]
    public async Task The_same_version_applied_twice_is_stored_once_and_the_second_apply_is_a_no_op()
    {
        var mirror = await CreateMirrorAsync();
        var reservation = Stay("R1", T0);

        var first = await mirror.ApplyAsync(Update(reservation), Ct);
        var again = await mirror.ApplyAsync(Update(reservation, PmsMirrorSource.Reconciliation, T0.AddMinutes(3)), Ct);

        Assert.Equal((true, false), (first, again));
        var copy = await mirror.GetReservationAsync("muc", "R1", Ct);
        Assert.Equal((PmsMirrorSource.Webhook, T0), (copy!.Source, copy.StoredAt));
        Assert.Equal(1, (await mirror.GetHotelStateAsync("muc", Ct)).Reservations);
    }

    [Fact]
    public async Task Other_content_with_the_same_version_replaces_the_copy_because_the_vendor_stamps_in_whole_seconds()
    {
        var mirror = await CreateMirrorAsync();
        await mirror.ApplyAsync(Update(Stay("R1", T0) with { Comment = "first" }), Ct);

        var stored = await mirror.ApplyAsync(Update(Stay("R1", T0) with { Comment = "second in the same second" }), Ct);

        Assert.True(stored);
        Assert.Equal("second in the same second", (await mirror.GetReservationAsync("muc", "R1", Ct))!.Reservation.Comment);
    }

    [Fact]
    public async Task Concurrent_appliers_in_any_order_leave_the_newest_version()
    {
        var mirror = await CreateMirrorAsync();
        var versions = Enumerable.Range(1, 30).Select(i => Stay("R1", T0.AddSeconds(i)) with { Adults = i }).ToList();
        var shuffled = versions.OrderBy(_ => Random.Shared.Next()).ToList();

        await Parallel.ForEachAsync(shuffled, new ParallelOptions { MaxDegreeOfParallelism = 6, CancellationToken = Ct }, async (r, ct) => await mirror.ApplyAsync(Update(r), ct));

        Assert.Equal(30, (await mirror.GetReservationAsync("muc", "R1", Ct))!.Reservation.Adults);
    }

    [Fact]
    public async Task A_reservation_is_read_by_id_within_its_hotel_only()
    {
        var mirror = await CreateMirrorAsync();
        await mirror.ApplyAsync(Update(Stay("R1", T0), hotel: "muc"), Ct);

        Assert.NotNull(await mirror.GetReservationAsync("muc", "R1", Ct));
        Assert.Null(await mirror.GetReservationAsync("ber", "R1", Ct));
        Assert.Null(await mirror.GetReservationAsync("muc", "R2", Ct));
    }

    [Fact]
    public async Task Guests_are_found_by_email_ignoring_case_by_phone_digits_and_by_name_in_one_hotel_or_the_whole_chain()
    {
        var mirror = await CreateMirrorAsync();
        await mirror.ApplyAsync(Update(Stay("R1", T0), hotel: "muc"), Ct);
        await mirror.ApplyAsync(Update(Stay("B7", T0, arrival: May1.AddDays(30)), hotel: "ber"), Ct);
        await mirror.ApplyAsync(Update(Stay("R2", T0, guest: new GuestProfile("Hopper") { FirstName = "Grace", Email = "grace@example.com" })), Ct);

        var byEmail = await mirror.FindByGuestAsync(new GuestSearch { Email = " ada@EXAMPLE.com " }, null, Ct);
        var byPhone = await mirror.FindByGuestAsync(new GuestSearch { Phone = "4989 12345" }, "muc", Ct);
        var byName = await mirror.FindByGuestAsync(new GuestSearch { LastName = "lovelace", FirstName = "ADA" }, "ber", Ct);
        var mismatch = await mirror.FindByGuestAsync(new GuestSearch { LastName = "Lovelace", FirstName = "Grace" }, null, Ct);

        Assert.Equal(["B7", "R1"], byEmail.Select(r => r.Reservation.VendorId));
        Assert.Equal(["ber", "muc"], byEmail.Select(r => r.HotelId));
        Assert.Equal("R1", Assert.Single(byPhone).Reservation.VendorId);
        Assert.Equal("B7", Assert.Single(byName).Reservation.VendorId);
        Assert.Empty(mismatch);
        await Assert.ThrowsAsync<ArgumentException>(async () => await mirror.FindByGuestAsync(new GuestSearch { FirstName = "Ada" }, null, Ct));
    }

    [Fact]
    public async Task Stays_are_listed_when_they_hold_a_night_of_the_window_and_cancelled_ones_only_when_asked()
    {
        var mirror = await CreateMirrorAsync();
        await mirror.ApplyAsync(Update(Stay("departs-on-first-night", T0, arrival: May1.AddDays(-2), nights: 2)), Ct);
        await mirror.ApplyAsync(Update(Stay("holds-first-night", T0, arrival: May1.AddDays(-1), nights: 2)), Ct);
        await mirror.ApplyAsync(Update(Stay("arrives-on-last-night", T0, arrival: May1.AddDays(2), nights: 3)), Ct);
        await mirror.ApplyAsync(Update(Stay("arrives-after", T0, arrival: May1.AddDays(3))), Ct);
        await mirror.ApplyAsync(Update(Stay("cancelled", T0, status: ReservationStatus.Cancelled)), Ct);

        var open = await mirror.GetStaysAsync("muc", May1, May1.AddDays(2), includeCancelled: false, 100, Ct);
        var all = await mirror.GetStaysAsync("muc", May1, May1.AddDays(2), includeCancelled: true, 100, Ct);

        Assert.Equal(["holds-first-night", "arrives-on-last-night"], open.Select(r => r.Reservation.VendorId));
        Assert.Equal(["holds-first-night", "cancelled", "arrives-on-last-night"], all.Select(r => r.Reservation.VendorId));
        Assert.Empty(await mirror.GetStaysAsync("ber", May1, May1.AddDays(2), includeCancelled: true, 100, Ct));
    }

    [Fact]
    public async Task The_hotel_state_keeps_the_latest_event_and_reconciliation_instants_even_when_updates_arrive_out_of_order()
    {
        var mirror = await CreateMirrorAsync();
        Assert.Equal(new PmsMirrorHotelState("muc", 0, null, null, null), await mirror.GetHotelStateAsync("muc", Ct));

        await mirror.ApplyAsync(Update(Stay("R1", T0), observedAt: T0.AddMinutes(5)), Ct);
        await mirror.ApplyAsync(Update(null, PmsMirrorSource.Poll, T0.AddMinutes(2)), Ct);
        await mirror.ApplyAsync(Update(Stay("R2", T0), PmsMirrorSource.Reconciliation, T0.AddMinutes(7)), Ct);

        Assert.Equal(new PmsMirrorHotelState("muc", 2, T0.AddMinutes(5), T0, T0.AddMinutes(7)), await mirror.GetHotelStateAsync("muc", Ct));
    }

    [Fact]
    public async Task A_reservation_the_pms_no_longer_has_is_kept_cancelled_with_its_removal_and_no_older_copy_brings_it_back()
    {
        var mirror = await CreateMirrorAsync();
        await mirror.ApplyAsync(Update(Stay("R1", T0) with { Comment = "last copy" }), Ct);
        var removal = new PmsMirrorUpdate("muc", PmsMirrorSource.Webhook, T0.AddMinutes(6)) { RemovedReservationId = "R1", OccurredAt = T0.AddMinutes(5) };

        var removed = await mirror.ApplyAsync(removal, Ct);
        var removedAgain = await mirror.ApplyAsync(removal with { ObservedAt = T0.AddMinutes(8) }, Ct);
        var olderCopy = await mirror.ApplyAsync(Update(Stay("R1", T0.AddMinutes(1))), Ct);
        var copyAsOldAsTheRemoval = await mirror.ApplyAsync(Update(Stay("R1", T0.AddMinutes(5))), Ct);

        Assert.Equal((true, false, false, false), (removed, removedAgain, olderCopy, copyAsOldAsTheRemoval));
        var copy = (await mirror.GetReservationAsync("muc", "R1", Ct))!;
        Assert.Equal((ReservationStatus.Cancelled, "last copy", T0.AddMinutes(5), T0.AddMinutes(6)), (copy.Reservation.Status, copy.Reservation.Comment, copy.RemovedAt, copy.StoredAt));
        Assert.Empty(await mirror.GetStaysAsync("muc", new(2026, 5, 1), new(2026, 5, 1), includeCancelled: false, 10, Ct));
        Assert.Single(await mirror.GetStaysAsync("muc", new(2026, 5, 1), new(2026, 5, 1), includeCancelled: true, 10, Ct));
        Assert.Equal(1, (await mirror.GetHotelStateAsync("muc", Ct)).Reservations);
    }

    [Fact]
    public async Task A_version_newer_than_the_removal_reinstates_the_reservation()
    {
        var mirror = await CreateMirrorAsync();
        await mirror.ApplyAsync(Update(Stay("R1", T0.AddMinutes(3))), Ct);
        await mirror.ApplyAsync(new PmsMirrorUpdate("muc", PmsMirrorSource.Webhook, T0.AddMinutes(4)) { RemovedReservationId = "R1" }, Ct);

        var reinstated = await mirror.ApplyAsync(Update(Stay("R1", T0.AddMinutes(10)) with { Comment = "rebooked" }), Ct);

        Assert.True(reinstated);
        var copy = (await mirror.GetReservationAsync("muc", "R1", Ct))!;
        Assert.Equal((ReservationStatus.Confirmed, "rebooked", (DateTimeOffset?)null), (copy.Reservation.Status, copy.Reservation.Comment, copy.RemovedAt));
    }

    [Fact]
    public async Task A_removal_without_an_event_time_counts_from_when_it_was_observed_and_one_the_mirror_never_held_stores_nothing()
    {
        var mirror = await CreateMirrorAsync();
        await mirror.ApplyAsync(Update(Stay("R1", T0)), Ct);

        var unknown = await mirror.ApplyAsync(new PmsMirrorUpdate("muc", PmsMirrorSource.Poll, T0.AddMinutes(2)) { RemovedReservationId = "never-seen" }, Ct);
        var known = await mirror.ApplyAsync(new PmsMirrorUpdate("muc", PmsMirrorSource.Poll, T0.AddMinutes(2)) { RemovedReservationId = "R1" }, Ct);

        Assert.Equal((false, true), (unknown, known));
        Assert.Null(await mirror.GetReservationAsync("muc", "never-seen", Ct));
        Assert.Equal(T0.AddMinutes(2), (await mirror.GetReservationAsync("muc", "R1", Ct))!.RemovedAt);
        Assert.False(await mirror.ApplyAsync(Update(Stay("R1", T0.AddMinutes(1))), Ct));
        await Assert.ThrowsAsync<ArgumentException>(async () => await mirror.ApplyAsync(Update(Stay("R2", T0)) with { RemovedReservationId = "R2" }, Ct));
    }

    [Fact]
    public async Task Companions_are_found_like_the_primary_guest_with_every_criterion_on_one_guest()
    {
        var mirror = await CreateMirrorAsync();
        var companion = new GuestProfile("Babbage") { FirstName = "Charles", Email = "charles@example.org", Phone = "+44 20 7946 0000" };
        await mirror.ApplyAsync(Update(Stay("R1", T0) with { AdditionalGuests = [new GuestProfile("Nobody"), companion] }), Ct);

        var byEmail = await mirror.FindByGuestAsync(new GuestSearch { Email = "Charles@Example.org" }, null, Ct);
        var byPhone = await mirror.FindByGuestAsync(new GuestSearch { Phone = "44 20 7946 0000" }, "muc", Ct);
        var byName = await mirror.FindByGuestAsync(new GuestSearch { LastName = "babbage", FirstName = "charles" }, null, Ct);
        var acrossTwoGuests = await mirror.FindByGuestAsync(new GuestSearch { LastName = "Babbage", FirstName = "Ada" }, null, Ct);
        var primaryStill = await mirror.FindByGuestAsync(new GuestSearch { Email = "ada@example.com" }, null, Ct);

        Assert.Equal("R1", Assert.Single(byEmail).Reservation.VendorId);
        Assert.Equal("R1", Assert.Single(byPhone).Reservation.VendorId);
        Assert.Equal("R1", Assert.Single(byName).Reservation.VendorId);
        Assert.Empty(acrossTwoGuests);
        Assert.Equal("R1", Assert.Single(primaryStill).Reservation.VendorId);
    }

    [Fact]
    public async Task A_companion_removed_by_a_newer_version_is_no_longer_found_and_an_older_version_does_not_bring_the_companion_back()
    {
        var mirror = await CreateMirrorAsync();
        var companion = new GuestProfile("Babbage") { Email = "charles@example.org" };
        var withCompanion = Stay("R1", T0) with { AdditionalGuests = [companion] };
        await mirror.ApplyAsync(Update(withCompanion), Ct);

        await mirror.ApplyAsync(Update(Stay("R1", T0.AddMinutes(1))), Ct);
        var older = await mirror.ApplyAsync(Update(withCompanion), Ct);

        Assert.False(older);
        Assert.Empty(await mirror.FindByGuestAsync(new GuestSearch { Email = "charles@example.org" }, null, Ct));
        Assert.Single(await mirror.FindByGuestAsync(new GuestSearch { Email = "ada@example.com" }, null, Ct));
    }
}
