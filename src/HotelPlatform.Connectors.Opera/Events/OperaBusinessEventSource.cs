using System.Globalization;
using HotelPlatform.Connectors.Events;
using HotelPlatform.Connectors.Opera.Wire;

namespace HotelPlatform.Connectors.Opera.Events;

/// <summary>
/// OPERA business events of one hotel as a polled event source: int <c>getBusinessEvents</c> dequeues up to 20
/// events of the hotel's external system. Because the dequeue removes them at OHIP, each dequeued batch is put in an
/// <see cref="OperaEventOutbox"/> before it is handed out, and handed out again by every poll until
/// <see cref="AcknowledgeAsync"/> removes it; only then is OHIP asked for more. With
/// <see cref="OperaOptions.EventOutboxDirectory"/> set, a batch survives a crash anywhere between the dequeue and the
/// consumer's commit (<see cref="PmsEventSourceDelivery.RedeliveredUntilAcknowledged"/>); in memory it survives a
/// failed hand-off only (<see cref="PmsEventSourceDelivery.RemovedWhenPolled"/>). The checkpoint is the sequence
/// number of the last batch; a batch may therefore be seen twice, never lost; event ids (OHIP's <c>businessEventId</c>)
/// let the consumer drop the repeat.
/// </summary>
internal sealed class OperaBusinessEventSource(OperaClients clients, Func<OperaOptions> options, OperaEventOutbox outbox, TimeProvider timeProvider) : IPmsEventSource
{
    private readonly OperaResponses _responses = OperaResponses.Instance;

    public string Vendor => PmsVendors.Opera;

    public PmsEventSourceDelivery Delivery => outbox.IsDurable ? PmsEventSourceDelivery.RedeliveredUntilAcknowledged : PmsEventSourceDelivery.RemovedWhenPolled;

    /// <summary>Gets the wait between empty polls: every dequeue is billed per call, so an idle hotel is asked every 30 seconds.</summary>
    public TimeSpan PollInterval => TimeSpan.FromSeconds(30);

    public async ValueTask<PmsEventBatch> PollAsync(string? checkpoint, CancellationToken cancellationToken = default)
    {
        if (outbox.Oldest() is { } pending)
        {
            return ToBatch(pending.Sequence, pending.Events, hasMore: true);
        }

        var settings = options();
        var answer = await _responses.ReadAsync(
            clients.Api.DequeueBusinessEventsAsync(settings.ExternalSystemCode, settings.PropertyId, OperaLimits.MaxBusinessEventLimit, cancellationToken),
            new OperaCall("PollBusinessEvents"),
            cancellationToken).ConfigureAwait(false);
        var events = answer?.BusinessEventData ?? [];
        if (events.Count == 0)
        {
            return new PmsEventBatch([], checkpoint);
        }

        // Kept before anything else: from here on OHIP no longer has them.
        var sequence = outbox.Add(events);
        return ToBatch(sequence, events, hasMore: events.Count >= OperaLimits.MaxBusinessEventLimit);
    }

    public ValueTask AcknowledgeAsync(PmsEventBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (long.TryParse(batch.AcknowledgementToken, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            outbox.Remove(sequence);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Maps a business event (module + action type) to the common events; others are left out.</summary>
    internal PmsEvent? ToEvent(BusinessEventData data)
    {
        var header = data.BusinessEvent?.Header;
        if (header?.PrimaryKey is not { Length: > 0 } key)
        {
            return null;
        }

        var id = data.BusinessEventId?.Id ?? PmsEventIds.FromContent(header.ModuleName, header.ActionType, key, header.CreatedDateTime, header.ActionId?.ToString(CultureInfo.InvariantCulture));
        var hotel = header.HotelId ?? options().PropertyId;
        var at = DateTimeOffset.TryParse(header.CreatedDateTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created) ? created : timeProvider.GetUtcNow();
        var action = header.ActionType?.ToUpperInvariant();
        return header.ModuleName switch
        {
            "Reservation" => action switch
            {
                "NEW RESERVATION" => new ReservationCreatedEvent(id, Vendor, hotel, at, key),
                "CANCEL" or "CANCEL RESERVATION" => new ReservationCancelledEvent(id, Vendor, hotel, at, key),
                _ => new ReservationModifiedEvent(id, Vendor, hotel, at, key),
            },
            "Profile" => new GuestUpdatedEvent(id, Vendor, hotel, at, key),
            "Availability" => new AvailabilityChangedEvent(id, Vendor, hotel, at),
            _ => null,
        };
    }

    private PmsEventBatch ToBatch(long sequence, IReadOnlyList<BusinessEventData> events, bool hasMore)
    {
        var token = sequence.ToString(CultureInfo.InvariantCulture);
        return new PmsEventBatch(events.Select(ToEvent).OfType<PmsEvent>().Select(e => new PmsInboundEvent(e)), token)
        {
            HasMore = hasMore,
            AcknowledgementToken = token,
        };
    }
}
