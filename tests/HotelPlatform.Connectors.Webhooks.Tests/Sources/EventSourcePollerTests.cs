using HotelPlatform.Connectors.Events;
using HotelPlatform.Connectors.Webhooks.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.Webhooks.Tests.Sources;

/// <summary>Polled sources share the inbox: poll, commit events with the checkpoint, and only then acknowledge.</summary>
public sealed class EventSourcePollerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_polled_batch_is_committed_with_its_checkpoint_before_the_vendor_is_acknowledged()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var source = new UndeliveredFeed(host.Inbox, "E1", "E2");

        var batch = await host.Services.GetRequiredService<PmsEventSourcePoller>().PollOnceAsync(WebhookTestHost.HotelId, source, Ct);

        Assert.Equal(2, batch.Events.Count);
        Assert.Equal([2], source.StoredWhenAcknowledged);
        Assert.Equal("after-E2", await host.Inbox.GetCheckpointAsync(PmsEventSourcePoller.CheckpointKey(WebhookTestHost.HotelId), Ct));
    }

    [Fact]
    public async Task A_batch_redelivered_after_a_crash_before_the_acknowledgement_is_stored_once()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var source = new UndeliveredFeed(host.Inbox, "E1", "E2") { FailNextAcknowledgement = true };
        var poller = host.Services.GetRequiredService<PmsEventSourcePoller>();

        await Assert.ThrowsAsync<IOException>(() => poller.PollOnceAsync(WebhookTestHost.HotelId, source, Ct));
        await poller.PollOnceAsync(WebhookTestHost.HotelId, source, Ct);
        await host.DrainAsync();

        Assert.Equal(2, (await host.Inbox.ListAsync(null, null, 10, Ct)).Count);
        Assert.Equal(["E1", "E2"], host.Handled.Calls.Select(c => c.Event.EventId).Order());
        Assert.True(host.Handled.Calls.All(c => c.Origin == PmsEventOrigin.Poll && c.Reservation is not null));
    }

    /// <summary>A feed like SiteMinder's undelivered reservations: whole reservations, delivered again until acknowledged.</summary>
    private sealed class UndeliveredFeed(IPmsEventInbox inbox, params string[] eventIds) : IPmsEventSource
    {
        private readonly List<string> _undelivered = [.. eventIds];

        public string Vendor => "siteminder";

        public PmsEventSourceDelivery Delivery => PmsEventSourceDelivery.RedeliveredUntilAcknowledged;

        public TimeSpan PollInterval => TimeSpan.FromMinutes(2);

        public bool FailNextAcknowledgement { get; set; }

        public List<int> StoredWhenAcknowledged { get; } = [];

        public ValueTask<PmsEventBatch> PollAsync(string? checkpoint, CancellationToken cancellationToken = default)
        {
            var events = _undelivered.Select(id =>
            {
                var reservation = new Reservation($"R-{id}", "MUC", ReservationStatus.Confirmed, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 3), new GuestProfile("Guest"));
                return new PmsInboundEvent(new ReservationCreatedEvent(id, Vendor, "MUC", DateTimeOffset.UnixEpoch, reservation.VendorId)) { Reservation = reservation };
            });
            return ValueTask.FromResult(new PmsEventBatch(events, _undelivered.Count == 0 ? checkpoint : $"after-{_undelivered[^1]}"));
        }

        public async ValueTask AcknowledgeAsync(PmsEventBatch batch, CancellationToken cancellationToken = default)
        {
            StoredWhenAcknowledged.Add((await inbox.ListAsync(null, null, 100, cancellationToken)).Count);
            if (FailNextAcknowledgement)
            {
                FailNextAcknowledgement = false;
                throw new IOException("The process died before the acknowledgement reached the vendor.");
            }

            _undelivered.RemoveAll(id => batch.Events.Any(e => e.Event.EventId == id));
        }
    }
}
