using HotelPlatform.Connectors.ContractTests;

namespace HotelPlatform.Connectors.InMemory.Tests.Contract;

public sealed class PmsContractEventLogTests
{
    private static readonly DateTimeOffset At = new(2030, 3, 4, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_wait_returns_an_event_observed_before_it_started()
    {
        var log = new PmsContractEventLog();
        log.Add(Created("e1", "R1"));
        log.Add(Created("e2", "R2"));

        var found = await log.WaitForAsync(e => e is ReservationCreatedEvent { ReservationId: "R2" }, from: 0, Ct);

        Assert.Equal("e2", found.EventId);
    }

    [Fact]
    public async Task A_wait_completes_when_a_matching_event_arrives_and_ignores_others()
    {
        var log = new PmsContractEventLog();
        var waiting = log.WaitForAsync(e => e is ReservationCancelledEvent { ReservationId: "R1" }, log.Count, Ct);

        log.Add(Created("e1", "R1"));
        log.Add(Cancelled("e2", "R2"));
        Assert.False(waiting.IsCompleted);
        log.Add(Cancelled("e3", "R1"));

        Assert.Equal("e3", (await waiting).EventId);
    }

    [Fact]
    public async Task A_wait_from_a_position_does_not_see_earlier_events()
    {
        var log = new PmsContractEventLog();
        log.Add(Modified("e1", "R1"));
        var from = log.Count;

        var waiting = log.WaitForAsync(e => e is ReservationModifiedEvent { ReservationId: "R1" }, from, Ct);
        Assert.False(waiting.IsCompleted);
        log.Add(Modified("e2", "R1"));

        Assert.Equal("e2", (await waiting).EventId);
        Assert.Equal(["e2"], log.GetEvents(from).Select(e => e.EventId));
        Assert.Equal(["e1", "e2"], log.GetEvents().Select(e => e.EventId));
    }

    [Fact]
    public async Task Cancelling_a_wait_ends_it_and_later_events_do_not_revive_it()
    {
        var log = new PmsContractEventLog();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var calls = 0;
        var waiting = log.WaitForAsync(
            _ =>
            {
                calls++;
                return false;
            },
            log.Count,
            cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        log.Add(Created("e1", "R1"));
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task A_cancelled_token_still_returns_an_event_already_observed()
    {
        var log = new PmsContractEventLog();
        log.Add(Created("e1", "R1"));

        var found = await log.WaitForAsync(_ => true, 0, new CancellationToken(canceled: true));

        Assert.Equal("e1", found.EventId);
    }

    [Fact]
    public async Task A_cancelled_token_ends_a_wait_for_an_event_not_yet_observed()
    {
        var log = new PmsContractEventLog();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => log.WaitForAsync(_ => true, 0, new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task A_predicate_that_throws_fails_its_own_wait_not_the_delivery()
    {
        var log = new PmsContractEventLog();
        var broken = log.WaitForAsync(_ => throw new FormatException("bad predicate"), 0, Ct);
        var sound = log.WaitForAsync(e => e.EventId == "e1", 0, Ct);

        log.Add(Created("e1", "R1"));

        await Assert.ThrowsAsync<FormatException>(() => broken);
        Assert.Equal("e1", (await sound).EventId);
        Assert.Equal(1, log.Count);
    }

    [Fact]
    public async Task Every_wait_an_event_matches_completes()
    {
        var log = new PmsContractEventLog();
        var first = log.WaitForAsync(e => e.EventId == "e1", 0, Ct);
        var second = log.WaitForAsync(e => e is ReservationCreatedEvent, 0, Ct);

        log.Add(Created("e1", "R1"));

        Assert.Same(await first, await second);
    }

    [Fact]
    public async Task Redeliveries_are_kept_in_arrival_order()
    {
        var log = new PmsContractEventLog();
        var once = Created("e1", "R1");

        log.Add(once);
        log.Add(Cancelled("e2", "R1"));
        log.Add(once);

        Assert.Equal(["e1", "e2", "e1"], log.GetEvents().Select(e => e.EventId));
        Assert.Same(once, await log.WaitForAsync(e => e.EventId == "e1", 1, Ct));
    }

    [Fact]
    public async Task Events_added_from_many_threads_are_all_kept_and_found()
    {
        var log = new PmsContractEventLog();
        var waits = Enumerable.Range(0, 50).Select(i => log.WaitForAsync(e => e.EventId == $"e{i}", 0, Ct)).ToList();

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => log.Add(Created($"e{i}", $"R{i}")), Ct)));

        Assert.Equal(50, log.Count);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"e{i}"), (await Task.WhenAll(waits)).Select(e => e.EventId));
    }

    [Fact]
    public async Task Bad_arguments_are_refused()
    {
        var log = new PmsContractEventLog();
        log.Add(Created("e1", "R1"));

        Assert.Throws<ArgumentNullException>(() => log.Add(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => log.WaitForAsync(null!, 0, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => log.WaitForAsync(_ => true, -1, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => log.WaitForAsync(_ => true, 2, Ct));
        Assert.Throws<ArgumentOutOfRangeException>(() => log.GetEvents(2));
        Assert.Empty(log.GetEvents(1));
    }

    private static ReservationCreatedEvent Created(string eventId, string reservationId) => new(eventId, PmsVendors.InMemory, "KIT", At, reservationId);

    private static ReservationModifiedEvent Modified(string eventId, string reservationId) => new(eventId, PmsVendors.InMemory, "KIT", At, reservationId);

    private static ReservationCancelledEvent Cancelled(string eventId, string reservationId) => new(eventId, PmsVendors.InMemory, "KIT", At, reservationId);
}
