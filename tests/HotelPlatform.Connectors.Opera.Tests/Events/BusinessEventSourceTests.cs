using Microsoft.Extensions.DependencyInjection;
using HotelPlatform.Connectors.Events;
using HotelPlatform.Connectors.Opera.Tests.Connector;

namespace HotelPlatform.Connectors.Opera.Tests.Events;

/// <summary>
/// OHIP's dequeue removes business events; the source keeps what it dequeued until the consumer acknowledges it, so a
/// crash between the dequeue and the hand-off (or the consumer's commit) loses nothing.
/// </summary>
public sealed class BusinessEventSourceTests : IDisposable
{
    private static readonly DateOnly Arrival = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20);
    private readonly string _outbox = Path.Combine(Path.GetTempPath(), "opera-outbox-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Booking_changing_and_cancelling_arrive_as_created_modified_and_cancelled_events()
    {
        await using var host = await OperaTestHost.StartAsync(["LDN01"]);
        var ct = TestContext.Current.CancellationToken;
        var connector = host["LDN01"];
        var booked = await connector.CreateReservationAsync(Draft("ev-1"), ct);
        await connector.ModifyReservationAsync(booked.VendorId, new ReservationChanges { Comment = "late arrival" }, ct);
        await connector.CancelReservationAsync(booked.VendorId, cancellationToken: ct);
        var source = host.Services.GetRequiredKeyedService<IPmsEventSource>("LDN01");

        var batch = await source.PollOnceAsync(null, (_, _) => ValueTask.CompletedTask, ct);

        Assert.Collection(
            batch.Events.Select(e => e.Event),
            e => Assert.Equal(booked.VendorId, Assert.IsType<ReservationCreatedEvent>(e).ReservationId),
            e => Assert.Equal(booked.VendorId, Assert.IsType<ReservationModifiedEvent>(e).ReservationId),
            e => Assert.Equal(booked.VendorId, Assert.IsType<ReservationCancelledEvent>(e).ReservationId));
        Assert.All(batch.Events, e => Assert.Equal((PmsVendors.Opera, "LDN01"), (e.Event.Vendor, e.Event.PropertyId)));
        Assert.Equal(0, host.Simulator.QueuedEventCount("LDN01"));
    }

    [Fact]
    public async Task A_crash_after_the_dequeue_hands_the_same_events_out_again_from_the_outbox_folder()
    {
        var settings = new Dictionary<string, string?> { ["EventOutboxDirectory"] = _outbox };
        var ct = TestContext.Current.CancellationToken;
        string reservationId;
        await using (var host = await OperaTestHost.StartAsync(["LDN01"], settings: settings))
        {
            reservationId = (await host["LDN01"].CreateReservationAsync(Draft("ev-2"), ct)).VendorId;
            var source = host.Services.GetRequiredKeyedService<IPmsEventSource>("LDN01");
            Assert.Equal(PmsEventSourceDelivery.RedeliveredUntilAcknowledged, source.Delivery);

            // The consumer's commit fails (the process dies): the batch is dequeued at OHIP but never acknowledged.
            await Assert.ThrowsAsync<IOException>(async () => await source.PollOnceAsync(null, (_, _) => throw new IOException("crash"), ct));
            Assert.Equal(0, host.Simulator.QueuedEventCount("LDN01"));
        }

        // A new process (new container, new simulator: OHIP's queue is empty) finds the batch in the folder.
        await using var restarted = await OperaTestHost.StartAsync(["LDN01"], settings: settings);
        var again = restarted.Services.GetRequiredKeyedService<IPmsEventSource>("LDN01");
        var committed = new List<PmsEvent>();

        var batch = await again.PollOnceAsync(null, (b, _) => { committed.AddRange(b.Events.Select(e => e.Event)); return ValueTask.CompletedTask; }, ct);
        var next = await again.PollOnceAsync(batch.NextCheckpoint, (_, _) => ValueTask.CompletedTask, ct);

        Assert.Equal(reservationId, Assert.IsType<ReservationCreatedEvent>(Assert.Single(committed)).ReservationId);
        Assert.Empty(next.Events);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_outbox, "LDN01")));
    }

    [Fact]
    public async Task Without_a_folder_an_unacknowledged_batch_is_handed_out_again_by_the_next_poll_and_OHIP_is_not_asked()
    {
        await using var host = await OperaTestHost.StartAsync(["LDN01"]);
        var ct = TestContext.Current.CancellationToken;
        await host["LDN01"].CreateReservationAsync(Draft("ev-3"), ct);
        var source = host.Services.GetRequiredKeyedService<IPmsEventSource>("LDN01");
        Assert.Equal(PmsEventSourceDelivery.RemovedWhenPolled, source.Delivery);

        var first = await source.PollAsync(null, ct);
        var dequeues = host.Simulator.Requests.Count(r => r.Path.EndsWith("/businessEvents", StringComparison.Ordinal));
        var second = await source.PollAsync(null, ct);

        Assert.Equal(first.Events.Select(e => e.Event.EventId), second.Events.Select(e => e.Event.EventId));
        Assert.Equal(dequeues, host.Simulator.Requests.Count(r => r.Path.EndsWith("/businessEvents", StringComparison.Ordinal)));
        await source.AcknowledgeAsync(second, ct);
        Assert.Empty((await source.PollAsync(second.NextCheckpoint, ct)).Events);
    }

    [Fact]
    public async Task Polls_ask_for_at_most_OHIPs_limit_of_twenty_events()
    {
        await using var host = await OperaTestHost.StartAsync(["LDN01"]);
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < 25; i++)
        {
            await host["LDN01"].CreateReservationAsync(Draft($"ev-4-{i}") with { RoomTypeId = i % 2 == 0 ? "KING" : "TWIN" }, ct);
        }

        var source = host.Services.GetRequiredKeyedService<IPmsEventSource>("LDN01");
        var first = await source.PollOnceAsync(null, (_, _) => ValueTask.CompletedTask, ct);
        var second = await source.PollOnceAsync(first.NextCheckpoint, (_, _) => ValueTask.CompletedTask, ct);

        Assert.Equal((20, true), (first.Events.Count, first.HasMore));
        Assert.Equal((5, false), (second.Events.Count, second.HasMore));
        Assert.All(host.Simulator.Requests.Where(r => r.Path.EndsWith("/businessEvents", StringComparison.Ordinal)), r => Assert.Equal("20", r.GetQueryValue("limit")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_outbox))
        {
            Directory.Delete(_outbox, recursive: true);
        }
    }

    private static ReservationDraft Draft(string reference) =>
        new(Arrival, Arrival.AddDays(1), "KING", "BAR", new GuestProfile("Eventson")) { ClientReference = reference };
}
