using System.Globalization;
using HotelPlatform.Connectors.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Connectors.Webhooks;

/// <summary>
/// Gap detection: reads each hotel's reservations changed since the last run (<see cref="IPmsReservationPages"/>,
/// page by page) and raises an event for every change no event in the inbox covers (none for the reservation
/// received at or after its modification time). Each page's events are committed together with the continuation
/// token, so a run interrupted after page 40 resumes at page 41; the event id is a content hash of the hotel, the
/// reservation and its modification time, so a run repeated after a crash raises nothing twice.
/// </summary>
internal sealed partial class PmsReconciler(
    IPmsConnectorRegistry registry,
    IPmsEventInbox inbox,
    PmsInboxSignal signal,
    IOptions<PmsWebhooksOptions> options,
    TimeProvider timeProvider,
    ILogger<PmsReconciler> logger)
{
    public static string CheckpointKey(string hotelId) => $"reconcile/{hotelId}";

    /// <summary>Reconciles one hotel: finishes an interrupted run or starts a new one; returns how many events it raised.</summary>
    public async Task<int> ReconcileOnceAsync(string hotelId, CancellationToken cancellationToken)
    {
        var connector = registry.Get(hotelId);
        if (!connector.Capabilities.HasFlag(ConnectorCapabilities.ChangedReservations) || connector.GetService<IPmsReservationPages>() is not { } pages)
        {
            return 0;
        }

        var key = CheckpointKey(hotelId);
        var now = timeProvider.GetUtcNow();
        var state = RunState.Parse(await inbox.GetCheckpointAsync(key, cancellationToken).ConfigureAwait(false));
        state = state switch
        {
            null => new RunState(now - options.Value.InitialReconciliationLookback, now, null),
            { Token: null } finished => new RunState(finished.StartedAt - options.Value.ReconciliationOverlap, now, null),
            _ => state,
        };

        var raised = 0;
        await foreach (var page in pages.GetReservationPagesAsync(ReservationQuery.ChangedSince(state.Since) with { PageSize = options.Value.ReconciliationPageSize }, state.Token, cancellationToken).ConfigureAwait(false))
        {
            var records = new List<PmsInboxRecord>();
            foreach (var reservation in page.Items)
            {
                var changedAt = reservation.ModifiedAt ?? reservation.CancelledAt ?? reservation.CreatedAt ?? state.Since;
                if (await inbox.HasEventSinceAsync(PmsInboxPayload.ReservationOrderingKey(hotelId, reservation.VendorId), changedAt, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                var eventId = PmsEventIds.FromContent("reconciliation", hotelId, reservation.VendorId, changedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
                PmsEvent change = reservation.Status == ReservationStatus.Cancelled
                    ? new ReservationCancelledEvent(eventId, connector.Vendor, connector.PropertyId, changedAt, reservation.VendorId)
                    : new ReservationModifiedEvent(eventId, connector.Vendor, connector.PropertyId, changedAt, reservation.VendorId);
                records.Add(PmsInboxPayload.ToRecord(hotelId, new PmsInboundEvent(change with { VendorEventType = "reconciliation" }) { Reservation = reservation }, PmsEventOrigin.Reconciliation, timeProvider.GetUtcNow()));
            }

            var inserted = await inbox.AppendAsync(records, new PmsInboxCheckpoint(key, (state with { Token = page.ContinuationToken }).ToString()), cancellationToken).ConfigureAwait(false);
            raised += inserted.Count(x => x);
        }

        if (raised > 0)
        {
            signal.Pulse();
            LogRaised(hotelId, raised);
        }

        return raised;
    }

    [LoggerMessage(EventId = 41, Level = LogLevel.Information, Message = "Reconciliation of hotel {HotelId} raised {Count} events for changes no webhook reported")]
    private partial void LogRaised(string hotelId, int count);

    /// <summary>A run's state, stored as <c>since|startedAt|token</c> (Unix ms; the token last, since it may hold anything).</summary>
    internal sealed record RunState(DateTimeOffset Since, DateTimeOffset StartedAt, string? Token)
    {
        public static RunState? Parse(string? text)
        {
            var parts = text?.Split('|', 3);
            return parts is { Length: 3 }
                && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var since)
                && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var started)
                ? new RunState(DateTimeOffset.FromUnixTimeMilliseconds(since), DateTimeOffset.FromUnixTimeMilliseconds(started), parts[2].Length == 0 ? null : parts[2])
                : null;
        }

        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"{Since.ToUnixTimeMilliseconds()}|{StartedAt.ToUnixTimeMilliseconds()}|{Token}");
    }
}

/// <summary>Reconciles every hotel every <see cref="PmsWebhooksOptions.ReconciliationInterval"/>.</summary>
internal sealed partial class PmsReconciliationService(
    PmsReconciler reconciler,
    IPmsConnectorRegistry registry,
    IOptions<PmsWebhooksOptions> options,
    TimeProvider timeProvider,
    ILogger<PmsReconciliationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.ReconciliationInterval is not { } interval)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(interval, timeProvider, stoppingToken).ConfigureAwait(false);
                foreach (var hotel in registry.Hotels)
                {
                    try
                    {
                        await reconciler.ReconcileOnceAsync(hotel.HotelId, stoppingToken).ConfigureAwait(false);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        LogFailed(exception, hotel.HotelId);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventId = 42, Level = LogLevel.Warning, Message = "Reconciliation of hotel {HotelId} failed; it resumes from its last committed page next time")]
    private partial void LogFailed(Exception exception, string hotelId);
}
