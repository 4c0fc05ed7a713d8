using Microsoft.Extensions.Logging;

namespace HotelPlatform.Connectors.Http;

/// <summary>
/// The outermost handler of a PMS client. It writes one log line per failed or slow call — vendor, hotel, operation,
/// method, path without query string (scrubbed), status, elapsed time and the vendor's request id; never headers,
/// tokens, bodies or query values — and turns transport failures into <see cref="PmsException"/>s
/// (<see cref="PmsHttpErrors.TryFromTransportFailure(Exception, string, string?, HttpRequestMessage?, CancellationToken, out PmsException?)"/>),
/// so a connector sees either the vendor's answer or a <see cref="PmsException"/>.
/// </summary>
internal sealed partial class PmsHttpDiagnosticsHandler(PmsHttpClientOptions options, ILogger logger, TimeProvider timeProvider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The intent is resolved once, on the caller's flow, and pinned: every layer below (retry, classifier,
        // exceptions) agrees. "Not sent" from here on, so that a failure before the innermost handler reads as such.
        request.Options.Set(PmsRequestState.Key, new PmsRequestState(options.Vendor, PmsOperation.IntentOf(request, options.IdempotencyKeyHeader)));
        var operation = request.Options.TryGetValue(PmsHttpRequestOptions.Operation, out var named) ? named : PmsOperationContext.Current;
        var started = timeProvider.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller gave up: not the vendor's failure, nothing to report.
            throw;
        }
        catch (Exception ex) when (PmsHttpErrors.TryFromTransportFailure(ex, options.Vendor, operation, request, cancellationToken, out var error))
        {
            var elapsed = timeProvider.GetElapsedTime(started);
            LogCallError(
                logger,
                options.Vendor,
                options.HotelId,
                operation ?? "-",
                request.Method.Method,
                PmsRedaction.ScrubPath(request.RequestUri),
                error.GetType().Name,
                ex.GetType().Name,
                (long)elapsed.TotalMilliseconds,
                error is PmsUnavailableException { OutcomeUnknown: true });
            if (ReferenceEquals(error, ex))
            {
                throw;
            }

            throw error;
        }

        var duration = timeProvider.GetElapsedTime(started);
        var status = (int)response.StatusCode;
        var classification = PmsHttpResponses.GetClassification(response);
        if (classification.Outcome != PmsResponseOutcome.Success)
        {
            LogCallFailed(
                logger,
                FailureLevel(classification),
                options.Vendor,
                options.HotelId,
                operation ?? "-",
                request.Method.Method,
                PmsRedaction.ScrubPath(request.RequestUri),
                status,
                (long)duration.TotalMilliseconds,
                PmsHttpErrors.GetRequestId(response, options.RequestIdHeaders) ?? "-");
        }
        else if (duration >= options.SlowCallThreshold)
        {
            LogCallSlow(
                logger,
                options.Vendor,
                options.HotelId,
                operation ?? "-",
                request.Method.Method,
                PmsRedaction.ScrubPath(request.RequestUri),
                status,
                (long)duration.TotalMilliseconds,
                PmsHttpErrors.GetRequestId(response, options.RequestIdHeaders) ?? "-");
        }

        return response;
    }

    /// <summary>
    /// Failures that point at the vendor, the credentials or the quota are warnings; answers that are part of normal
    /// business (not found, conflict, rejected input) are informational so that they do not page anyone.
    /// </summary>
    private static LogLevel FailureLevel(PmsResponseClassification classification) =>
        classification.Outcome == PmsResponseOutcome.Transient
        || classification.Error?.EffectiveKind is PmsFailureKind.Authentication or PmsFailureKind.RateLimited or PmsFailureKind.Unavailable
            ? LogLevel.Warning
            : LogLevel.Information;

    [LoggerMessage(
        EventId = 1101,
        Message = "PMS call failed: {Vendor} hotel {HotelId} {Operation} {HttpMethod} {UrlPath} answered {StatusCode} after {ElapsedMs} ms (vendor request id {VendorRequestId}).")]
    private static partial void LogCallFailed(ILogger logger, LogLevel level, string vendor, string hotelId, string operation, string httpMethod, string urlPath, int statusCode, long elapsedMs, string vendorRequestId);

    [LoggerMessage(
        EventId = 1102,
        Level = LogLevel.Warning,
        Message = "PMS call failed: {Vendor} hotel {HotelId} {Operation} {HttpMethod} {UrlPath} got no answer ({ErrorType}, cause {CauseType}) after {ElapsedMs} ms; outcome unknown: {OutcomeUnknown}.")]
    private static partial void LogCallError(ILogger logger, string vendor, string hotelId, string operation, string httpMethod, string urlPath, string errorType, string causeType, long elapsedMs, bool outcomeUnknown);

    [LoggerMessage(
        EventId = 1103,
        Level = LogLevel.Information,
        Message = "PMS call slow: {Vendor} hotel {HotelId} {Operation} {HttpMethod} {UrlPath} answered {StatusCode} after {ElapsedMs} ms (vendor request id {VendorRequestId}).")]
    private static partial void LogCallSlow(ILogger logger, string vendor, string hotelId, string operation, string httpMethod, string urlPath, int statusCode, long elapsedMs, string vendorRequestId);
}
