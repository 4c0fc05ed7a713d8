namespace HotelPlatform.Connectors.Events;

/// <summary>What a vendor does with events that were polled but not acknowledged (<see cref="IPmsEventSource.Delivery"/>).</summary>
public enum PmsEventSourceDelivery
{
    /// <summary>
    /// The vendor delivers an event again until it is acknowledged (SiteMinder keeps an undelivered reservation until
    /// <c>OTA_NotifReportRQ</c> confirms it), or the checkpoint can re-read it. A crash between poll and acknowledge
    /// redelivers; nothing is lost.
    /// </summary>
    RedeliveredUntilAcknowledged = 0,

    /// <summary>
    /// Polling removes the events at the vendor (OPERA's business-event dequeue). Nothing the consumer does afterwards
    /// can bring back a batch lost in flight: commit each batch before anything else, and let a changed-since
    /// reconciliation find what a crash at that moment lost. <see cref="IPmsEventSource.AcknowledgeAsync"/> is still
    /// called (and may do nothing).
    /// </summary>
    RemovedWhenPolled = 1,
}

/// <summary>
/// A vendor's polled event feed for one hotel (OPERA business events, SiteMinder undelivered reservations). The consumer
/// polls from its last committed checkpoint, durably commits the batch's events together with
/// <see cref="PmsEventBatch.NextCheckpoint"/>, and only then acknowledges the batch
/// (<see cref="PmsEventSourceExtensions.PollOnceAsync"/> does exactly that). Registered by the vendor package as a keyed
/// service per hotel (<see cref="PmsEventsBuilderExtensions.AddPmsEventSource"/>).
/// </summary>
public interface IPmsEventSource
{
    /// <summary>Gets the vendor (<see cref="PmsVendors"/>).</summary>
    string Vendor { get; }

    /// <summary>Gets what the vendor does with polled events that are never acknowledged.</summary>
    PmsEventSourceDelivery Delivery { get; }

    /// <summary>Gets how long to wait before polling again after a batch without <see cref="PmsEventBatch.HasMore"/> (SiteMinder asks for every 2 to 5 minutes).</summary>
    TimeSpan PollInterval { get; }

    /// <summary>Reads the next batch of events after <paramref name="checkpoint"/>.</summary>
    /// <param name="checkpoint">The <see cref="PmsEventBatch.NextCheckpoint"/> of the last committed batch, or <see langword="null"/> to start.</param>
    /// <param name="cancellationToken">A token that cancels the poll.</param>
    /// <returns>The batch; its events may be empty.</returns>
    ValueTask<PmsEventBatch> PollAsync(string? checkpoint, CancellationToken cancellationToken = default);

    /// <summary>
    /// Tells the vendor that the batch is durably taken (SiteMinder: <c>OTA_NotifReportRQ</c>). Call only after the
    /// batch is committed; a batch never acknowledged is delivered again (<see cref="PmsEventSourceDelivery.RedeliveredUntilAcknowledged"/>).
    /// Acknowledging a batch twice is harmless.
    /// </summary>
    /// <param name="batch">A batch this source returned.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>A task that completes when the vendor has the acknowledgement.</returns>
    ValueTask AcknowledgeAsync(PmsEventBatch batch, CancellationToken cancellationToken = default);
}

/// <summary>One poll's events and where the next poll starts.</summary>
public sealed class PmsEventBatch
{
    /// <summary>Initializes a new instance of the <see cref="PmsEventBatch"/> class.</summary>
    /// <param name="events">The events, in the vendor's order; each with an event id, vendor and property.</param>
    /// <param name="nextCheckpoint">The opaque position after these events, committed with them; <see langword="null"/> when the vendor keeps the position (SiteMinder's "undelivered").</param>
    /// <exception cref="ArgumentException">An event without its id, vendor or property.</exception>
    public PmsEventBatch(IEnumerable<PmsInboundEvent> events, string? nextCheckpoint)
    {
        ArgumentNullException.ThrowIfNull(events);
        var list = events.ToList();
        foreach (var inbound in list)
        {
            PmsEventRules.ThrowIfInvalid(inbound, nameof(events));
        }

        Events = list.AsReadOnly();
        NextCheckpoint = nextCheckpoint;
    }

    /// <summary>Gets the events.</summary>
    public IReadOnlyList<PmsInboundEvent> Events { get; }

    /// <summary>Gets the opaque position after these events, to store with them and pass to the next poll.</summary>
    public string? NextCheckpoint { get; }

    /// <summary>Gets a value indicating whether the vendor has more events now, so the next poll need not wait for <see cref="IPmsEventSource.PollInterval"/>.</summary>
    public bool HasMore { get; init; }

    /// <summary>
    /// Gets what the source needs to acknowledge the batch (for example SiteMinder's message ids and statuses),
    /// opaque to the consumer. It need not survive a restart: an unacknowledged batch is delivered again.
    /// </summary>
    public string? AcknowledgementToken { get; init; }
}
