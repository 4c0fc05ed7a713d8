using HotelPlatform.Connectors.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Connectors.Webhooks;

/// <summary>
/// Takes due events from the inbox (leased, so that several hosts never handle one event at once), hydrates id-only
/// events through the hotel's connector, runs every <see cref="IPmsEventHandler"/>, and records the outcome: handled,
/// due again after a backoff, or dead-lettered after <see cref="PmsWebhooksOptions.MaxAttempts"/> failures. A host that
/// dies mid-event loses nothing: its lease expires and another round takes the event again (at least once).
/// </summary>
public sealed partial class PmsEventDispatcher
{
    private readonly IPmsEventInbox _inbox;
    private readonly IServiceScopeFactory _scopes;
    private readonly IPmsConnectorRegistry _registry;
    private readonly PmsWebhooksOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<PmsEventDispatcher> _logger;

    /// <summary>Initializes a new instance of the <see cref="PmsEventDispatcher"/> class.</summary>
    /// <param name="inbox">The inbox.</param>
    /// <param name="scopes">Makes one DI scope per event for the handlers.</param>
    /// <param name="registry">The hotels' connectors, for hydration.</param>
    /// <param name="options">The settings.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="logger">The logger.</param>
    public PmsEventDispatcher(IPmsEventInbox inbox, IServiceScopeFactory scopes, IPmsConnectorRegistry registry, IOptions<PmsWebhooksOptions> options, TimeProvider timeProvider, ILogger<PmsEventDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _inbox = inbox;
        _scopes = scopes;
        _registry = registry;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Gets this dispatcher's lease owner id (machine, process, instance).</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Runs one round: leases up to <see cref="PmsWebhooksOptions.DispatchBatchSize"/> due events and handles them.</summary>
    /// <param name="cancellationToken">A token that stops the round.</param>
    /// <returns>How many events were attempted.</returns>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = _timeProvider.GetUtcNow();
        var items = await _inbox.LeaseAsync(Owner, _options.DispatchBatchSize, now, now + _options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        if (items.Count == 0)
        {
            return 0;
        }

        await Parallel.ForEachAsync(
            items,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxConcurrency), CancellationToken = cancellationToken },
            HandleAsync).ConfigureAwait(false);
        return items.Count;
    }

    private async ValueTask HandleAsync(PmsInboxItem item, CancellationToken cancellationToken)
    {
        var attempt = item.FailedAttempts + 1;
        try
        {
            var inbound = PmsInboxPayload.Read(item.Record);
            var (reservation, notFound) = await HydrateAsync(item.Record.HotelId, inbound, cancellationToken).ConfigureAwait(false);
            var context = new PmsEventContext
            {
                HotelId = item.Record.HotelId,
                Event = inbound.Event,
                Reservation = reservation,
                ReservationNotFound = notFound,
                ReservationId = PmsInboxPayload.ReservationIdOf(inbound.Event),
                InboxId = item.Id,
                Attempt = attempt,
                Origin = item.Record.Origin,
            };
            var scope = _scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                foreach (var handler in scope.ServiceProvider.GetServices<IPmsEventHandler>())
                {
                    await handler.HandleAsync(context, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the lease expires and the event is taken again; not a failure of the event.
            return;
        }
        catch (Exception exception)
        {
            var retryAt = attempt >= _options.MaxAttempts ? (DateTimeOffset?)null : _timeProvider.GetUtcNow() + _options.RetryDelay(attempt);
            if (retryAt is null)
            {
                LogDeadLettered(exception, item.Record.HotelId, item.Record.EventId, item.Record.EventType, attempt);
            }
            else
            {
                LogRetrying(exception, item.Record.HotelId, item.Record.EventId, item.Record.EventType, attempt, retryAt.Value);
            }

            await _inbox.FailAsync(item.Id, Owner, $"{exception.GetType().FullName}: {exception.Message}", retryAt, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        if (!await _inbox.CompleteAsync(item.Id, Owner, _timeProvider.GetUtcNow(), CancellationToken.None).ConfigureAwait(false))
        {
            LogLeaseLost(item.Record.HotelId, item.Record.EventId);
        }
    }

    /// <summary>Reads the reservation an id-only event is about; a reservation that no longer exists is not a failure (handlers are told).</summary>
    private async ValueTask<(Reservation? Reservation, bool NotFound)> HydrateAsync(string hotelId, PmsInboundEvent inbound, CancellationToken cancellationToken)
    {
        if (!inbound.IsIdOnly || PmsInboxPayload.ReservationIdOf(inbound.Event) is not { } reservationId)
        {
            return (inbound.Reservation, false);
        }

        if (!_registry.TryGet(hotelId, out var connector))
        {
            throw new InvalidOperationException($"Hotel '{hotelId}' is not registered, so its event cannot be hydrated.");
        }

        try
        {
            return (await connector.GetReservationAsync(reservationId, cancellationToken).ConfigureAwait(false), false);
        }
        catch (PmsNotFoundException)
        {
            return (null, true);
        }
    }

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Event {EventId} ({EventType}) of hotel {HotelId} failed attempt {Attempt}; next attempt at {RetryAt:O}")]
    private partial void LogRetrying(Exception exception, string hotelId, string eventId, string eventType, int attempt, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 12, Level = LogLevel.Error, Message = "Event {EventId} ({EventType}) of hotel {HotelId} failed attempt {Attempt} and is dead-lettered; replay it once the cause is fixed")]
    private partial void LogDeadLettered(Exception exception, string hotelId, string eventId, string eventType, int attempt);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "Event {EventId} of hotel {HotelId} was handled after its lease expired; another dispatcher may handle it again")]
    private partial void LogLeaseLost(string hotelId, string eventId);
}
