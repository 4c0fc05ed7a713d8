namespace HotelPlatform.Connectors.Webhooks.Tests.Inbox;

/// <summary>
/// What every inbox store guarantees, run on SQLite (<see cref="SqliteInboxTests"/>) and on PostgreSQL
/// (<see cref="PostgreSqlInboxTests"/>): dedupe per hotel, per-reservation order, leases, retries, dead letters,
/// replay and checkpoints committed with their events.
/// </summary>
public abstract class InboxStoreContract
{
    protected static readonly DateTimeOffset T0 = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<IPmsEventInbox> CreateInboxAsync();

    protected static PmsInboxRecord Record(string eventId, string orderingKey = "muc/reservation/R1", string hotel = "muc") =>
        new(hotel, eventId, "ReservationModifiedEvent", orderingKey, """{"event":{}}""", PmsEventOrigin.Webhook, T0, T0);

    [Fact]
    public async Task The_same_event_id_is_stored_once_per_hotel_and_reported_as_a_duplicate()
    {
        var inbox = await CreateInboxAsync();

        var first = await inbox.AppendAsync([Record("E1"), Record("E1"), Record("E1", hotel: "ber")], null, Ct);
        var again = await inbox.AppendAsync([Record("E1")], null, Ct);

        Assert.Equal([true, false, true], first);
        Assert.Equal([false], again);
        Assert.Equal(2, (await inbox.ListAsync(null, null, 10, Ct)).Count);
    }

    [Fact]
    public async Task Only_the_oldest_pending_event_of_a_reservation_is_leased_until_it_is_handled()
    {
        var inbox = await CreateInboxAsync();
        await inbox.AppendAsync([Record("A1", "k/A"), Record("B1", "k/B"), Record("A2", "k/A")], null, Ct);

        var first = await inbox.LeaseAsync("one", 10, T0, T0.AddMinutes(5), Ct);
        var whileHeld = await inbox.LeaseAsync("two", 10, T0, T0.AddMinutes(5), Ct);
        Assert.True(await inbox.CompleteAsync(first[0].Id, "one", T0, Ct));
        var afterA1 = await inbox.LeaseAsync("two", 10, T0, T0.AddMinutes(5), Ct);

        Assert.Equal(["A1", "B1"], first.Select(i => i.Record.EventId));
        Assert.Empty(whileHeld);
        Assert.Equal("A2", Assert.Single(afterA1).Record.EventId);
    }

    [Fact]
    public async Task An_expired_lease_lets_another_owner_take_the_event_and_the_first_owner_cannot_complete_it()
    {
        var inbox = await CreateInboxAsync();
        await inbox.AppendAsync([Record("E1")], null, Ct);

        var taken = Assert.Single(await inbox.LeaseAsync("dead-host", 10, T0, T0.AddMinutes(5), Ct));
        Assert.Empty(await inbox.LeaseAsync("live-host", 10, T0.AddMinutes(4), T0.AddMinutes(9), Ct));
        var retaken = Assert.Single(await inbox.LeaseAsync("live-host", 10, T0.AddMinutes(5), T0.AddMinutes(10), Ct));

        Assert.Equal(taken.Id, retaken.Id);
        Assert.False(await inbox.CompleteAsync(taken.Id, "dead-host", T0.AddMinutes(6), Ct));
        Assert.True(await inbox.CompleteAsync(taken.Id, "live-host", T0.AddMinutes(6), Ct));
        Assert.Equal(PmsInboxStatus.Handled, Assert.Single(await inbox.ListAsync("muc", null, 10, Ct)).Status);
    }

    [Fact]
    public async Task A_failed_event_is_due_again_only_at_its_retry_time_and_blocks_its_reservation_until_then()
    {
        var inbox = await CreateInboxAsync();
        await inbox.AppendAsync([Record("E1"), Record("E2")], null, Ct);
        var leased = Assert.Single(await inbox.LeaseAsync("one", 10, T0, T0.AddMinutes(5), Ct));

        Assert.True(await inbox.FailAsync(leased.Id, "one", "boom", T0.AddSeconds(30), Ct));

        Assert.Empty(await inbox.LeaseAsync("one", 10, T0.AddSeconds(29), T0.AddMinutes(5), Ct));
        var retried = Assert.Single(await inbox.LeaseAsync("one", 10, T0.AddSeconds(30), T0.AddMinutes(5), Ct));
        Assert.Equal(("E1", 1, "boom"), (retried.Record.EventId, retried.FailedAttempts, retried.LastError));
    }

    [Fact]
    public async Task A_dead_letter_keeps_its_error_stops_blocking_its_reservation_and_is_pending_again_after_replay()
    {
        var inbox = await CreateInboxAsync();
        await inbox.AppendAsync([Record("E1"), Record("E2")], null, Ct);
        var leased = Assert.Single(await inbox.LeaseAsync("one", 10, T0, T0.AddMinutes(5), Ct));

        Assert.True(await inbox.FailAsync(leased.Id, "one", "System.InvalidOperationException: gone", null, Ct));
        var dead = Assert.Single(await inbox.ListAsync(null, PmsInboxStatus.DeadLettered, 10, Ct));
        var next = Assert.Single(await inbox.LeaseAsync("one", 10, T0, T0.AddMinutes(5), Ct));
        Assert.True(await inbox.CompleteAsync(next.Id, "one", T0, Ct));
        Assert.True(await inbox.ReplayAsync(dead.Id, T0.AddHours(1), Ct));
        Assert.False(await inbox.ReplayAsync(dead.Id, T0.AddHours(1), Ct));
        var replayed = Assert.Single(await inbox.LeaseAsync("one", 10, T0.AddHours(1), T0.AddHours(2), Ct));

        Assert.Equal(("E1", "System.InvalidOperationException: gone"), (dead.Record.EventId, dead.LastError));
        Assert.Equal("E2", next.Record.EventId);
        Assert.Equal((dead.Id, 0), (replayed.Id, replayed.FailedAttempts));
    }

    [Fact]
    public async Task A_checkpoint_is_committed_with_its_events_and_read_back()
    {
        var inbox = await CreateInboxAsync();

        await inbox.AppendAsync([Record("E1")], new PmsInboxCheckpoint("source/muc", "cursor-1"), Ct);
        await inbox.AppendAsync([], new PmsInboxCheckpoint("source/muc", "cursor-2"), Ct);

        Assert.Equal("cursor-2", await inbox.GetCheckpointAsync("source/muc", Ct));
        Assert.Null(await inbox.GetCheckpointAsync("source/ber", Ct));
    }

    [Fact]
    public async Task An_event_received_after_an_instant_is_found_by_its_ordering_key()
    {
        var inbox = await CreateInboxAsync();
        await inbox.AppendAsync([Record("E1", "muc/reservation/R1")], null, Ct);

        Assert.True(await inbox.HasEventSinceAsync("muc/reservation/R1", T0, Ct));
        Assert.False(await inbox.HasEventSinceAsync("muc/reservation/R1", T0.AddMilliseconds(1), Ct));
        Assert.False(await inbox.HasEventSinceAsync("muc/reservation/R2", T0.AddDays(-1), Ct));
    }
}
