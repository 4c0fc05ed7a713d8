using HotelPlatform.Connectors.Events;

namespace HotelPlatform.Connectors.Tests.Events;

/// <summary>
/// The polled side of the events seam: poll from a checkpoint, commit, and only then acknowledge. A crash anywhere
/// before the acknowledgement delivers the batch again; a consumer that dedupes on the event id stores each event once.
/// </summary>
public sealed class EventSourceTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ReservationCreatedEvent Created(string messageId) => new(messageId, "queuevendor", "H1", Now, "R-" + messageId);

    /// <summary>
    /// Shaped like SiteMinder's pull: the vendor keeps every reservation "undelivered" until it is confirmed, and each
    /// poll returns what is still unconfirmed (at most <c>pageSize</c>). The checkpoint is not needed, so it is null.
    /// </summary>
    private sealed class UndeliveredQueue(int pageSize = 10) : IPmsEventSource
    {
        private readonly List<string> _undelivered = [];

        public List<string> Log { get; } = [];

        public string Vendor => "queuevendor";

        public PmsEventSourceDelivery Delivery => PmsEventSourceDelivery.RedeliveredUntilAcknowledged;

        public TimeSpan PollInterval => TimeSpan.FromMinutes(2);

        public void Book(params string[] messageIds) => _undelivered.AddRange(messageIds);

        public ValueTask<PmsEventBatch> PollAsync(string? checkpoint, CancellationToken cancellationToken = default)
        {
            Log.Add("poll");
            var page = _undelivered.Take(pageSize).ToList();
            return ValueTask.FromResult(new PmsEventBatch(page.Select(id => new PmsInboundEvent(Created(id))), nextCheckpoint: null)
            {
                HasMore = _undelivered.Count > pageSize,
                AcknowledgementToken = string.Join(',', page),
            });
        }

        public ValueTask AcknowledgeAsync(PmsEventBatch batch, CancellationToken cancellationToken = default)
        {
            Log.Add("ack");
            foreach (var id in batch.AcknowledgementToken?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [])
            {
                _undelivered.Remove(id);
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Shaped like a replayable feed (OPERA's streaming offsets): events stay; the checkpoint is the offset after the batch.</summary>
    private sealed class OffsetFeed(params string[] ids) : IPmsEventSource
    {
        public string Vendor => "feedvendor";

        public PmsEventSourceDelivery Delivery => PmsEventSourceDelivery.RedeliveredUntilAcknowledged;

        public TimeSpan PollInterval => TimeSpan.FromSeconds(30);

        public int Acknowledged { get; private set; }

        public ValueTask<PmsEventBatch> PollAsync(string? checkpoint, CancellationToken cancellationToken = default)
        {
            var offset = checkpoint is null ? 0 : int.Parse(checkpoint, System.Globalization.CultureInfo.InvariantCulture);
            var page = ids.Skip(offset).Take(2).ToList();
            return ValueTask.FromResult(new PmsEventBatch(page.Select(id => new PmsInboundEvent(Created(id) with { Vendor = Vendor })), (offset + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        public ValueTask AcknowledgeAsync(PmsEventBatch batch, CancellationToken cancellationToken = default)
        {
            Acknowledged++;
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>A consumer's durable store: events deduplicated on their id, and the checkpoint, committed together.</summary>
    private sealed class Inbox
    {
        public List<string> EventIds { get; } = [];

        public string? Checkpoint { get; private set; }

        public int Commits { get; private set; }

        public ValueTask CommitAsync(PmsEventBatch batch, CancellationToken cancellationToken)
        {
            Commits++;
            foreach (var inbound in batch.Events.Where(e => !EventIds.Contains(e.Event.EventId)))
            {
                EventIds.Add(inbound.Event.EventId);
            }

            Checkpoint = batch.NextCheckpoint;
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task A_batch_is_committed_before_it_is_acknowledged_and_then_not_delivered_again()
    {
        var source = new UndeliveredQueue();
        source.Book("m-1", "m-2");
        var inbox = new Inbox();

        var batch = await source.PollOnceAsync(inbox.Checkpoint, (b, ct) =>
        {
            source.Log.Add("commit");
            return inbox.CommitAsync(b, ct);
        }, Ct);
        var next = await source.PollOnceAsync(inbox.Checkpoint, inbox.CommitAsync, Ct);

        Assert.Equal(["poll", "commit", "ack", "poll", "ack"], source.Log);
        Assert.Equal(["m-1", "m-2"], batch.Events.Select(e => e.Event.EventId));
        Assert.Empty(next.Events);
        Assert.Equal(["m-1", "m-2"], inbox.EventIds);
        Assert.Equal(1, inbox.Commits); // the empty poll with the same checkpoint had nothing to commit
    }

    [Fact]
    public async Task A_commit_that_fails_leaves_the_batch_unacknowledged_and_the_next_poll_delivers_it_again()
    {
        var source = new UndeliveredQueue();
        source.Book("m-1");
        var inbox = new Inbox();

        await Assert.ThrowsAsync<IOException>(() => source.PollOnceAsync(null, (_, _) => throw new IOException("disk full"), Ct).AsTask());
        var retried = await source.PollOnceAsync(inbox.Checkpoint, inbox.CommitAsync, Ct);

        Assert.Equal(["poll", "poll", "ack"], source.Log);
        Assert.Equal("m-1", Assert.Single(retried.Events).Event.EventId);
        Assert.Equal(["m-1"], inbox.EventIds);
    }

    [Fact]
    public async Task A_crash_between_poll_and_acknowledge_redelivers_and_the_event_is_stored_once()
    {
        var source = new UndeliveredQueue();
        source.Book("m-1", "m-2");
        var inbox = new Inbox();

        // The first consumer polls and commits, then dies before acknowledging.
        var polled = await source.PollAsync(inbox.Checkpoint, Ct);
        await inbox.CommitAsync(polled, Ct);
        source.Book("m-3");

        // After the restart the vendor delivers the unacknowledged reservations again, with the new one.
        var redelivered = await source.PollOnceAsync(inbox.Checkpoint, inbox.CommitAsync, Ct);
        var drained = await source.PollOnceAsync(inbox.Checkpoint, inbox.CommitAsync, Ct);

        Assert.Equal(["m-1", "m-2", "m-3"], redelivered.Events.Select(e => e.Event.EventId));
        Assert.Equal(["m-1", "m-2", "m-3"], inbox.EventIds);
        Assert.Empty(drained.Events);
    }

    [Fact]
    public async Task A_crash_before_the_commit_loses_nothing()
    {
        var source = new UndeliveredQueue();
        source.Book("m-1");
        var inbox = new Inbox();

        _ = await source.PollAsync(inbox.Checkpoint, Ct); // polled, then the process died: nothing committed, nothing acknowledged
        var afterRestart = await source.PollOnceAsync(inbox.Checkpoint, inbox.CommitAsync, Ct);

        Assert.Equal("m-1", Assert.Single(afterRestart.Events).Event.EventId);
        Assert.Equal(["m-1"], inbox.EventIds);
    }

    [Fact]
    public async Task More_than_one_page_says_so_and_each_page_is_acknowledged_after_its_commit()
    {
        var source = new UndeliveredQueue(pageSize: 2);
        source.Book("m-1", "m-2", "m-3");
        var inbox = new Inbox();

        var first = await source.PollOnceAsync(inbox.Checkpoint, inbox.CommitAsync, Ct);
        var second = await source.PollOnceAsync(inbox.Checkpoint, inbox.CommitAsync, Ct);

        Assert.Equal((true, false), (first.HasMore, second.HasMore));
        Assert.Equal(["m-1", "m-2", "m-3"], inbox.EventIds);
    }

    [Fact]
    public async Task A_checkpointed_feed_resumes_after_the_last_committed_checkpoint_and_repeats_an_uncommitted_batch()
    {
        var feed = new OffsetFeed("e-1", "e-2", "e-3", "e-4", "e-5");
        var inbox = new Inbox();

        await feed.PollOnceAsync(inbox.Checkpoint, inbox.CommitAsync, Ct);
        var lost = await feed.PollAsync(inbox.Checkpoint, Ct); // e-3, e-4 polled, then a crash before the commit
        var resumed = await feed.PollOnceAsync(inbox.Checkpoint, inbox.CommitAsync, Ct);
        await feed.PollOnceAsync(inbox.Checkpoint, inbox.CommitAsync, Ct);
        var end = await feed.PollOnceAsync(inbox.Checkpoint, inbox.CommitAsync, Ct);

        Assert.Equal(lost.Events.Select(e => e.Event.EventId), resumed.Events.Select(e => e.Event.EventId));
        Assert.Equal(["e-1", "e-2", "e-3", "e-4", "e-5"], inbox.EventIds);
        Assert.Equal("5", inbox.Checkpoint);
        Assert.Empty(end.Events);
        Assert.Equal(4, feed.Acknowledged);
        Assert.Equal(3, inbox.Commits);
    }

    [Fact]
    public void A_batch_refuses_an_event_without_its_id()
    {
        Assert.Throws<ArgumentException>(() => new PmsEventBatch([new PmsInboundEvent(Created(""))], "1"));
        Assert.Empty(new PmsEventBatch([], null).Events);
    }

    [Fact]
    public async Task A_source_that_returns_no_batch_is_a_bug_named_as_such()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => new NullSource().PollOnceAsync(null, (_, _) => ValueTask.CompletedTask, Ct).AsTask());

        Assert.Contains(nameof(NullSource), exception.Message, StringComparison.Ordinal);
    }

    private sealed class NullSource : IPmsEventSource
    {
        public string Vendor => "null";

        public PmsEventSourceDelivery Delivery => PmsEventSourceDelivery.RemovedWhenPolled;

        public TimeSpan PollInterval => TimeSpan.FromMinutes(1);

        public ValueTask<PmsEventBatch> PollAsync(string? checkpoint, CancellationToken cancellationToken = default) => ValueTask.FromResult<PmsEventBatch>(null!);

        public ValueTask AcknowledgeAsync(PmsEventBatch batch, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }
}
