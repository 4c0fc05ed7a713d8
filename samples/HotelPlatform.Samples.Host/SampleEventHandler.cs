using HotelPlatform.Connectors.Webhooks;

namespace HotelPlatform.Samples.Host;

/// <summary>The sample's application code for events: it logs what happened, by type and id only (never guest data).</summary>
internal sealed partial class SampleEventHandler(ILogger<SampleEventHandler> logger) : IPmsEventHandler
{
    public ValueTask HandleAsync(PmsEventContext context, CancellationToken cancellationToken)
    {
        LogHandled(context.HotelId, context.Event.GetType().Name, context.Event.EventId, context.Reservation?.Status.ToString() ?? (context.ReservationNotFound ? "not found" : "n/a"));
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hotel {HotelId}: {EventType} {EventId} handled (reservation status {Status})")]
    private partial void LogHandled(string hotelId, string eventType, string eventId, string status);
}
