using HotelPlatform.Connectors.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Connectors.Webhooks;

/// <summary>The answer to one delivery.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="ContentType">The body's content type, or <see langword="null"/>.</param>
/// <param name="Body">The body; empty for none.</param>
/// <param name="Stored">How many events were new in the inbox.</param>
/// <param name="Duplicates">How many events the inbox already had.</param>
internal sealed record PmsWebhookReceipt(int StatusCode, string? ContentType, ReadOnlyMemory<byte> Body, int Stored = 0, int Duplicates = 0)
{
    public static PmsWebhookReceipt Status(int statusCode, string? reason = null) =>
        reason is null ? new(statusCode, null, ReadOnlyMemory<byte>.Empty) : new(statusCode, "text/plain; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(reason));
}

/// <summary>
/// What the endpoint does with a delivery, independent of HTTP: find the hotel's vendor handler, let it verify and
/// parse, refuse replays, commit the events (group commit), and only then answer. Nothing is stored unless the delivery
/// verified and parsed completely; the payload is never logged.
/// </summary>
internal sealed partial class PmsWebhookReceiver(
    IServiceProvider services,
    PmsInboxCommitter committer,
    IOptions<PmsWebhooksOptions> options,
    TimeProvider timeProvider,
    ILogger<PmsWebhookReceiver> logger)
{
    public TimeProvider TimeProvider => timeProvider;

    public async ValueTask<PmsWebhookReceipt> ReceiveAsync(PmsWebhookRequest request, CancellationToken cancellationToken)
    {
        var handler = services.GetKeyedService<IPmsWebhookHandler>(request.HotelId);
        if (handler is null)
        {
            return PmsWebhookReceipt.Status(404);
        }

        var result = await handler.HandleAsync(request, cancellationToken).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case PmsWebhookOutcome.Rejected:
                LogRejected(request.HotelId);
                return PmsWebhookReceipt.Status(401);
            case PmsWebhookOutcome.Malformed:
                LogMalformed(request.HotelId, result.Reason);
                return PmsWebhookReceipt.Status(400, result.Reason);
            case PmsWebhookOutcome.Events:
                break;
            default:
                return Answer(result);
        }

        if (options.Value.ReplayWindow is { } window && result.Events.Any(e => (e.Event.OccurredAt - request.ReceivedAt).Duration() > window))
        {
            LogReplay(request.HotelId, result.VendorRequestId);
            return PmsWebhookReceipt.Status(401);
        }

        var records = result.Events.Select(e => PmsInboxPayload.ToRecord(request.HotelId, e, PmsEventOrigin.Webhook, request.ReceivedAt)).ToList();
        IReadOnlyList<bool> inserted;
        try
        {
            inserted = await committer.CommitAsync(records).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The vendor retries a 503; nothing was committed, so nothing is lost.
            LogCommitFailed(exception, request.HotelId);
            return PmsWebhookReceipt.Status(503);
        }

        var stored = inserted.Count(x => x);
        LogCommitted(request.HotelId, stored, records.Count - stored, result.VendorRequestId);
        return Answer(result) with { Stored = stored, Duplicates = records.Count - stored };
    }

    private static PmsWebhookReceipt Answer(PmsWebhookResult result) =>
        result.Response is { } response ? new(response.StatusCode, response.ContentType, response.Body) : PmsWebhookReceipt.Status(204);

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Webhook delivery for hotel {HotelId} failed verification; answered 401, nothing stored")]
    private partial void LogRejected(string hotelId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Webhook delivery for hotel {HotelId} is malformed ({Reason}); answered 400, nothing stored")]
    private partial void LogMalformed(string hotelId, string? reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Webhook delivery for hotel {HotelId} (vendor request {VendorRequestId}) is outside the replay window; answered 401, nothing stored")]
    private partial void LogReplay(string hotelId, string? vendorRequestId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Webhook delivery for hotel {HotelId} could not be committed to the inbox; answered 503 so the vendor retries")]
    private partial void LogCommitFailed(Exception exception, string hotelId);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "Webhook delivery for hotel {HotelId} committed: {Stored} new, {Duplicates} duplicate (vendor request {VendorRequestId})")]
    private partial void LogCommitted(string hotelId, int stored, int duplicates, string? vendorRequestId);
}
