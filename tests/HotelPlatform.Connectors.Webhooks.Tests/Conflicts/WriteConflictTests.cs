using HotelPlatform.Connectors.InMemory;
using HotelPlatform.Connectors.Webhooks.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace HotelPlatform.Connectors.Webhooks.Tests.Conflicts;

/// <summary>
/// Modifications from a stale view (<see cref="PmsWriteConflicts.ModifyReservationFromViewAsync"/>) on the in-memory
/// PMS and the Apaleo simulator: the PMS's change since the read is detected, non-colliding changes are merged,
/// colliding ones raise <see cref="PmsConflictException"/> with both versions, and nothing is written twice.
/// </summary>
public sealed class WriteConflictTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_change_the_pms_took_since_the_read_is_kept_and_a_change_to_another_member_is_merged_with_one_write()
    {
        var (pms, connector, clock) = InMemoryHotel();
        var view = await BookAsync(connector, clock);
        clock.Advance(TimeSpan.FromMinutes(1));
        await connector.ModifyReservationAsync(view.VendorId, new ReservationChanges { Comment = "late arrival" }, Ct);
        clock.Advance(TimeSpan.FromMinutes(1));

        var result = await connector.ModifyReservationFromViewAsync(view, new ReservationChanges { Adults = 2 }, Ct);

        Assert.Equal(("late arrival", 2), (result.Comment, result.Adults));
        Assert.Equal(2, Writes(pms, view.VendorId));
    }

    [Fact]
    public async Task A_member_both_changed_differently_raises_a_conflict_with_both_versions_and_writes_nothing()
    {
        var (pms, connector, clock) = InMemoryHotel();
        var view = await BookAsync(connector, clock);
        clock.Advance(TimeSpan.FromMinutes(1));
        var theirs = await connector.ModifyReservationAsync(view.VendorId, new ReservationChanges { Departure = view.Departure.AddDays(1), Comment = "extended" }, Ct);

        var conflict = await Assert.ThrowsAsync<PmsConflictException>(() =>
            connector.ModifyReservationFromViewAsync(view, new ReservationChanges { Departure = view.Departure.AddDays(2), Adults = 2 }, Ct));

        Assert.Equal(PmsConflictReason.StaleData, conflict.Reason);
        Assert.Equal([nameof(ReservationChanges.Departure)], conflict.ConflictingMembers);
        Assert.Same(view, conflict.ReadVersion);
        Assert.Equal((theirs.Departure, theirs.ModifiedAt), (conflict.CurrentVersion!.Departure, conflict.CurrentVersion.ModifiedAt));
        Assert.NotEqual(view.ModifiedAt, conflict.CurrentVersion.ModifiedAt);
        Assert.Equal((theirs.Departure, 1), (pms.Reservations.Single(r => r.VendorId == view.VendorId).Departure, pms.Reservations.Single(r => r.VendorId == view.VendorId).Adults));
        Assert.Equal(1, Writes(pms, view.VendorId));
        Assert.DoesNotContain("Lovelace", conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_the_pms_already_holds_is_not_written_again()
    {
        var (pms, connector, clock) = InMemoryHotel();
        var view = await BookAsync(connector, clock);
        clock.Advance(TimeSpan.FromMinutes(1));
        await connector.ModifyReservationAsync(view.VendorId, new ReservationChanges { Comment = "quiet room" }, Ct);

        var result = await connector.ModifyReservationFromViewAsync(view, new ReservationChanges { Comment = "quiet room" }, Ct);

        Assert.Equal("quiet room", result.Comment);
        Assert.Equal(1, Writes(pms, view.VendorId));
    }

    [Fact]
    public async Task A_view_that_is_still_current_is_written_once()
    {
        var (pms, connector, clock) = InMemoryHotel();
        var view = await BookAsync(connector, clock);

        var result = await connector.ModifyReservationFromViewAsync(view, new ReservationChanges { Adults = 2, GuestComment = "crib" }, Ct);

        Assert.Equal((2, "crib"), (result.Adults, result.GuestComment));
        Assert.Equal(1, Writes(pms, view.VendorId));
    }

    [Fact]
    public async Task A_reservation_cancelled_since_the_read_conflicts_with_any_change()
    {
        var (pms, connector, clock) = InMemoryHotel();
        var view = await BookAsync(connector, clock);
        clock.Advance(TimeSpan.FromMinutes(1));
        await connector.CancelReservationAsync(view.VendorId, cancellationToken: Ct);

        var conflict = await Assert.ThrowsAsync<PmsConflictException>(() =>
            connector.ModifyReservationFromViewAsync(view, new ReservationChanges { Comment = "late arrival" }, Ct));

        Assert.Equal([nameof(Reservation.Status)], conflict.ConflictingMembers);
        Assert.Equal(ReservationStatus.Cancelled, conflict.CurrentVersion!.Status);
        Assert.Equal(0, Writes(pms, view.VendorId));
    }

    [Fact]
    public void A_guest_change_without_a_profile_id_means_the_reservations_own_guest()
    {
        var guest = new GuestProfile("Lovelace") { VendorId = "G1", FirstName = "Ada" };
        var read = new Reservation("R1", "P", ReservationStatus.Confirmed, new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 3), guest);
        var current = read with { Comment = "changed by the hotel", ModifiedAt = T0 };

        var same = PmsWriteConflicts.Merge(read, current, new ReservationChanges { PrimaryGuest = guest with { VendorId = null } });
        var renamed = PmsWriteConflicts.Merge(read, current with { PrimaryGuest = guest with { FirstName = "Augusta" } }, new ReservationChanges { PrimaryGuest = guest with { FirstName = "A." } });

        Assert.Equal((0, true), (same.Conflicts.Count, same.Remaining.IsEmpty));
        Assert.Equal([nameof(ReservationChanges.PrimaryGuest)], renamed.Conflicts);
    }

    [Fact]
    public async Task On_the_apaleo_simulator_non_colliding_changes_are_merged_and_colliding_ones_conflict_without_a_write()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var view = await host.BookAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.Connector.ModifyReservationAsync(view.VendorId, new ReservationChanges { Comment = "late arrival" }, Ct);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var writesBefore = SimulatorWrites(host, view.VendorId);

        var merged = await host.Connector.ModifyReservationFromViewAsync(view, new ReservationChanges { GuestComment = "crib please" }, Ct);
        var writesAfterMerge = SimulatorWrites(host, view.VendorId);
        var conflict = await Assert.ThrowsAsync<PmsConflictException>(() =>
            host.Connector.ModifyReservationFromViewAsync(view, new ReservationChanges { Comment = "early arrival" }, Ct));

        Assert.Equal(("late arrival", "crib please"), (merged.Comment, merged.GuestComment));
        Assert.Equal(writesBefore + 1, writesAfterMerge);
        Assert.Equal([nameof(ReservationChanges.Comment)], conflict.ConflictingMembers);
        Assert.Equal((PmsVendors.Apaleo, (string?)null, "late arrival"), (conflict.Vendor, conflict.ReadVersion!.Comment, conflict.CurrentVersion!.Comment));
        Assert.Equal(writesAfterMerge, SimulatorWrites(host, view.VendorId));
        Assert.Equal("late arrival", (await host.Connector.GetReservationAsync(view.VendorId, Ct)).Comment);
    }

    private static (InMemoryPms Pms, IPmsConnector Connector, FakeTimeProvider Clock) InMemoryHotel()
    {
        var clock = new FakeTimeProvider(T0);
        var pms = InMemoryPms.CreateDemo(clock);
        return (pms, new InMemoryPmsConnector(pms), clock);
    }

    private static async Task<Reservation> BookAsync(IPmsConnector connector, TimeProvider clock)
    {
        var property = await connector.GetPropertyAsync(Ct);
        var ratePlan = (await connector.GetRatePlansAsync(Ct)).First(r => r.RoomTypeIds.Count > 0);
        var arrival = property.LocalDate(clock.GetUtcNow()).AddDays(20);
        var guest = new GuestProfile("Lovelace") { FirstName = "Ada", Email = "ada@example.com" };
        return await connector.CreateReservationAsync(new ReservationDraft(arrival, arrival.AddDays(2), ratePlan.RoomTypeIds[0], ratePlan.VendorId, guest), Ct);
    }

    private static int Writes(InMemoryPms pms, string reservationId) =>
        pms.Operations.Count(o => o.Name == "ModifyReservation" && o.EntityId == reservationId);

    private static int SimulatorWrites(WebhookTestHost host, string reservationId) =>
        host.Simulator.Requests.Count(r => r.Method != "GET" && r.Path.Contains(reservationId, StringComparison.Ordinal));
}
