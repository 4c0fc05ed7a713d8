using HotelPlatform.Connectors.Events;
using HotelPlatform.Connectors.Simulators.SiteMinder;
using HotelPlatform.Connectors.SiteMinder.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.SiteMinder.Tests.Connector;

/// <summary>The PULL mode through the events seam: OTA_ReadRQ maps reservations into events, OTA_NotifReportRQ only after the commit.</summary>
public sealed class EventSourceTests
{
    private static CancellationToken Ct => SiteMinderHarness.Ct;

    [Fact]
    public async Task A_poll_maps_each_undelivered_booking_into_a_creation_event_carrying_the_reservation()
    {
        await using var harness = await SiteMinderHarness.StartAsync();
        var seeded = harness.Simulator.Messages;

        var batch = await harness.EventSource.PollAsync(null, Ct);

        Assert.Equal(seeded.Count, batch.Events.Count);
        Assert.Null(batch.NextCheckpoint);
        for (int i = 0; i < seeded.Count; i++)
        {
            var inbound = batch.Events[i];
            var created = Assert.IsType<ReservationCreatedEvent>(inbound.Event);
            Assert.Equal(seeded[i].MessageId, created.EventId);
            Assert.Equal(seeded[i].Reservation.ChannelReference, created.ReservationId);
            Assert.Equal("siteminder", created.Vendor);
            Assert.Equal(harness.Simulator.SiteMinderOptions.HotelCode, created.PropertyId);
            Assert.Equal("Book", created.VendorEventType);
            var reservation = Assert.IsType<Reservation>(inbound.Reservation);
            Assert.False(inbound.IsIdOnly);
            Assert.Equal(ReservationStatus.Confirmed, reservation.Status);
            Assert.Equal(seeded[i].Reservation.Arrival, reservation.Arrival);
            Assert.Equal(seeded[i].Reservation.Departure, reservation.Departure);
            Assert.Equal(seeded[i].Reservation.RoomTypeCode, reservation.RoomTypeId);
            Assert.Equal(seeded[i].Reservation.RatePlanCode, reservation.RatePlanId);
            Assert.Equal(seeded[i].Reservation.GuestLastName, reservation.PrimaryGuest.LastName);
            Assert.Equal(seeded[i].Reservation.GuestEmail, reservation.PrimaryGuest.Email);
            Assert.Equal(2, reservation.Adults);
            Assert.Equal(2, reservation.NightlyRates.Count);
            Assert.Equal(new Money(300m, "AUD"), reservation.Total);
        }

        Assert.All(harness.Simulator.Messages, m => Assert.True(m.IsUndelivered, "Nothing is confirmed by a poll alone."));
    }

    [Fact]
    public async Task Acknowledging_after_the_commit_confirms_each_message_and_the_next_poll_is_empty()
    {
        await using var harness = await SiteMinderHarness.StartAsync();
        var committed = new List<PmsInboundEvent>();

        var batch = await harness.EventSource.PollOnceAsync(null, (b, _) =>
        {
            Assert.All(harness.Simulator.Messages, m => Assert.True(m.IsUndelivered, "The commit runs before the confirmation."));
            committed.AddRange(b.Events);
            return ValueTask.CompletedTask;
        }, Ct);

        Assert.Equal(2, committed.Count);
        Assert.All(harness.Simulator.Messages, m =>
        {
            Assert.False(m.IsUndelivered);
            Assert.Equal(m.Reservation.ChannelReference, m.PmsReservationId);
        });
        var next = await harness.EventSource.PollAsync(null, Ct);
        Assert.Empty(next.Events);
        Assert.Equal(batch.Events.Select(e => e.Event.EventId), committed.Select(e => e.Event.EventId));
    }

    /// <summary>Done when: a crash between pull and confirm redelivers, never loses.</summary>
    [Fact]
    public async Task A_consumer_killed_between_pull_and_confirm_gets_the_reservation_again_from_the_next_consumer()
    {
        await using var harness = await SiteMinderHarness.StartAsync(o => o.SeededBookings = 0);
        string messageId = harness.Simulator.QueueBooking(new SiteMinderChannelReservation("BDC-77001", "DBL", "BAR", new DateOnly(2026, 4, 10), new DateOnly(2026, 4, 13), "Okafor") { GuestFirstName = "Ada" });

        // The first consumer pulls, then dies inside its commit: the process is gone before it could confirm.
        var first = harness.NewApplication();
        var crash = new InvalidOperationException("consumer killed");
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await first.GetRequiredKeyedService<IPmsEventSource>(SiteMinderHarness.HotelId).PollOnceAsync(null, (_, _) => throw crash, Ct));
        Assert.Same(crash, thrown);
        await first.DisposeAsync();
        Assert.True(harness.Simulator.Messages.Single().IsUndelivered, "Nothing was confirmed for the killed consumer.");

        // A new consumer process polls: the same reservation, under the same event id, so its dedupe can drop a double.
        var second = harness.NewApplication();
        var committed = new List<PmsInboundEvent>();
        await second.GetRequiredKeyedService<IPmsEventSource>(SiteMinderHarness.HotelId).PollOnceAsync(null, (b, _) =>
        {
            committed.AddRange(b.Events);
            return ValueTask.CompletedTask;
        }, Ct);
        await second.DisposeAsync();

        var redelivered = Assert.Single(committed);
        Assert.Equal(messageId, redelivered.Event.EventId);
        Assert.Equal("BDC-77001", Assert.IsType<ReservationCreatedEvent>(redelivered.Event).ReservationId);
        var message = harness.Simulator.Messages.Single();
        Assert.Equal(2, message.DeliveryAttempts);
        Assert.False(message.IsUndelivered);
    }

    [Fact]
    public async Task A_reservation_no_consumer_could_take_is_reported_with_errors_and_does_not_block_the_others()
    {
        await using var harness = await SiteMinderHarness.StartAsync(o => o.SeededBookings = 0);
        string bad = harness.Simulator.QueueBooking(new SiteMinderChannelReservation("EXP-NONAME", "DBL", "BAR", new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 2), string.Empty));
        string good = harness.Simulator.QueueBooking(new SiteMinderChannelReservation("EXP-GOOD", "DBL", "BAR", new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 2), "Rossi"));
        var committed = new List<PmsInboundEvent>();

        await harness.EventSource.PollOnceAsync(null, (b, _) =>
        {
            committed.AddRange(b.Events);
            return ValueTask.CompletedTask;
        }, Ct);
        var next = await harness.EventSource.PollAsync(null, Ct);

        Assert.Equal(good, Assert.Single(committed).Event.EventId);
        var refused = harness.Simulator.Messages.Single(m => m.MessageId == bad);
        Assert.False(refused.IsUndelivered);
        Assert.Contains("Unable to process", refused.ReportedError, StringComparison.Ordinal);
        Assert.Null(harness.Simulator.Messages.Single(m => m.MessageId == good).ReportedError);
        Assert.Empty(next.Events);
        Assert.Empty(harness.Simulator.ValidationFailures);
    }

    [Fact]
    public async Task Modifications_and_cancellations_become_modified_and_cancelled_events_for_the_channel_reference()
    {
        await using var harness = await SiteMinderHarness.StartAsync(o => o.SeededBookings = 0);
        var booking = new SiteMinderChannelReservation("EXP-5001", "TWN", "NRF", new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 4), "Schmidt") { Adults = 2, NightlyAmount = 99.5m };
        harness.Simulator.QueueModification(booking with { Departure = new DateOnly(2026, 5, 5) });
        harness.Simulator.QueueCancellation("EXP-5001");

        var batch = await harness.EventSource.PollAsync(null, Ct);

        var modified = Assert.IsType<ReservationModifiedEvent>(batch.Events[0].Event);
        Assert.Equal("EXP-5001", modified.ReservationId);
        Assert.Equal(new DateOnly(2026, 5, 5), batch.Events[0].Reservation!.Departure);
        Assert.Equal(new Money(398m, "AUD"), batch.Events[0].Reservation!.Total);
        var cancelled = Assert.IsType<ReservationCancelledEvent>(batch.Events[1].Event);
        Assert.Equal("EXP-5001", cancelled.ReservationId);
        Assert.Equal(ReservationStatus.Cancelled, batch.Events[1].Reservation!.Status);
        Assert.NotNull(batch.Events[1].Reservation!.CancelledAt);
        Assert.NotEqual(modified.EventId, cancelled.EventId);
    }

    [Fact]
    public async Task The_source_says_siteminder_redelivers_and_polls_at_the_configured_interval()
    {
        await using var harness = await SiteMinderHarness.StartAsync(overrides: new Dictionary<string, string?> { ["PollInterval"] = "00:03:00" });

        Assert.Equal(PmsEventSourceDelivery.RedeliveredUntilAcknowledged, harness.EventSource.Delivery);
        Assert.Equal(TimeSpan.FromMinutes(3), harness.EventSource.PollInterval);
        Assert.Equal("siteminder", harness.EventSource.Vendor);
    }

    [Fact]
    public async Task Acknowledging_an_empty_batch_sends_nothing()
    {
        await using var harness = await SiteMinderHarness.StartAsync(o => o.SeededBookings = 0);
        var batch = await harness.EventSource.PollAsync(null, Ct);
        int before = harness.RequestCount;

        await harness.EventSource.AcknowledgeAsync(batch, Ct);

        Assert.Empty(batch.Events);
        Assert.Equal(before, harness.RequestCount);
    }
}
