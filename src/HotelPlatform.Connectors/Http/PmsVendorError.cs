using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Http.Headers;

namespace HotelPlatform.Connectors.Http;

/// <summary>
/// What a vendor answered to a failed call, in the terms <see cref="PmsHttpErrors.FromVendorError"/> turns into the
/// right <see cref="PmsException"/>. Start from <see cref="FromResponse"/> (status, request id, <c>Retry-After</c>, read or
/// write) and add what the vendor's error body says with <c>with { Messages = ..., ErrorCode = ... }</c>.
/// </summary>
/// <param name="Vendor">The vendor name.</param>
/// <param name="Operation">The connector operation, for example <c>CreateReservation</c>.</param>
/// <param name="StatusCode">The HTTP status the vendor answered (or the status a quirky vendor meant, such as Cloudbeds' 200 with <c>success:false</c>).</param>
public sealed record PmsVendorError(string Vendor, string? Operation, HttpStatusCode StatusCode)
{
    /// <summary>Gets the vendor's messages, unscrubbed; the factory scrubs them.</summary>
    public IReadOnlyList<string> Messages { get; init; } = [];

    /// <summary>Gets the vendor's error code.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Gets the vendor's request or tracking id.</summary>
    public string? RequestId { get; init; }

    /// <summary>Gets how long the vendor asked to wait.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Gets the request field the vendor blamed, for <see cref="PmsValidationException.Field"/>.</summary>
    public string? Field { get; init; }

    /// <summary>Gets a value indicating whether the failed call was a write (a 500, 502 or 504 to a write leaves its outcome unknown).</summary>
    public bool IsWrite { get; init; }

    /// <summary>Gets why a 409 conflicts, where the vendor said.</summary>
    public PmsConflictReason ConflictReason { get; init; }

    /// <summary>Gets the kind of entity of a 404, for <see cref="PmsNotFoundException.EntityType"/>.</summary>
    public string? EntityType { get; init; }

    /// <summary>Gets the identifier of a 404, for <see cref="PmsNotFoundException.EntityId"/>.</summary>
    public string? EntityId { get; init; }

    /// <summary>
    /// Gets the kind of failure when the status does not say it (Cloudbeds' HTTP 200 with <c>success:false</c> and a
    /// "not found" message, Mews' 403 business-rule refusal, a SOAP Fault); <see langword="null"/> to judge by
    /// <see cref="StatusCode"/>.
    /// </summary>
    public PmsFailureKind? Kind { get; init; }

    /// <summary>
    /// Gets a value indicating whether the vendor's answer settles a write's outcome although its status is a 500, 502 or
    /// 504 (a SOAP Fault answered with 500 is a definite refusal: nothing was applied). Default <see langword="false"/>.
    /// </summary>
    public bool OutcomeKnown { get; init; }

    /// <summary>Gets the kind of failure: <see cref="Kind"/>, or the one <see cref="StatusCode"/> means.</summary>
    public PmsFailureKind EffectiveKind => Kind ?? PmsHttpErrors.KindOf(StatusCode);

    /// <summary>
    /// Reads what the response itself says: its status, the vendor's request id (the first of
    /// <paramref name="requestIdHeaders"/> present), <c>Retry-After</c>, and whether the request was a write.
    /// </summary>
    /// <param name="response">The vendor's response.</param>
    /// <param name="vendor">The vendor name.</param>
    /// <param name="operation">The connector operation.</param>
    /// <param name="requestIdHeaders">The headers that carry the vendor's request id; the defaults of <see cref="PmsHttpClientOptions.RequestIdHeaders"/> when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock an HTTP-date <c>Retry-After</c> is measured against; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <returns>The error.</returns>
    public static PmsVendorError FromResponse(
        HttpResponseMessage response,
        string vendor,
        string? operation,
        IEnumerable<string>? requestIdHeaders = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentException.ThrowIfNullOrWhiteSpace(vendor);
        var request = response.RequestMessage;
        return new PmsVendorError(vendor, operation, response.StatusCode)
        {
            RequestId = PmsHttpErrors.GetRequestId(response, requestIdHeaders ?? new PmsHttpClientOptions().RequestIdHeaders),
            RetryAfter = PmsHttpErrors.GetRetryAfter(response.Headers, timeProvider),
            IsWrite = request is not null && !PmsHttpRequestOptions.IsRead(request),
        };
    }
}

/// <summary>
/// Turns what went wrong on the way to a vendor into the right <see cref="PmsException"/>: answers by status
/// (<see cref="FromVendorError"/>) and transport failures (<see cref="TryFromTransportFailure(Exception, string, string?, HttpRequestMessage?, CancellationToken, out PmsException?)"/>).
/// Every vendor message passes through <see cref="PmsRedaction.Scrub"/>; the request id, code and status are kept as properties.
/// </summary>
public static class PmsHttpErrors
{
    private const int MaxMessages = 5;

    /// <summary>
    /// Makes the exception for a vendor's error answer: 401/403 → <see cref="PmsAuthenticationException"/>, 404/410 →
    /// <see cref="PmsNotFoundException"/>, 409/412 → <see cref="PmsConflictException"/>, 400/422 →
    /// <see cref="PmsValidationException"/>, 429 → <see cref="PmsRateLimitedException"/> with <c>RetryAfter</c>,
    /// 408/5xx → <see cref="PmsUnavailableException"/> (a write answered 500, 502 or 504 has an unknown outcome), any
    /// other status → <see cref="PmsException"/>. Vendor quirks (Mews' 403 business-rule failures, OPERA's 204 for a
    /// missing reservation) are the connector's to map before it calls this.
    /// </summary>
    /// <param name="error">What the vendor answered.</param>
    /// <param name="innerException">The exception that carried the answer (a Refit <c>ApiException</c>, say), if any.</param>
    /// <returns>The exception to throw.</returns>
    public static PmsException FromVendorError(PmsVendorError error, Exception? innerException = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        var status = (int)error.StatusCode;
        var messages = error.Messages.Where(m => !string.IsNullOrWhiteSpace(m)).Take(MaxMessages).Select(PmsRedaction.Scrub).ToList();
        var code = string.IsNullOrWhiteSpace(error.ErrorCode) ? null : PmsRedaction.Scrub(error.ErrorCode);
        var kind = error.EffectiveKind;
        var outcomeUnknown = error.IsWrite && !error.OutcomeKnown && kind == PmsFailureKind.Unavailable && status is 500 or 502 or 504;
        var message = Describe(error, kind, messages, code, outcomeUnknown);

        PmsException exception = kind switch
        {
            PmsFailureKind.Authentication => new PmsAuthenticationException(message, innerException) { Vendor = error.Vendor, Operation = error.Operation, VendorErrorCode = code, VendorRequestId = error.RequestId, StatusCode = error.StatusCode },
            PmsFailureKind.NotFound => new PmsNotFoundException(message, innerException) { Vendor = error.Vendor, Operation = error.Operation, VendorErrorCode = code, VendorRequestId = error.RequestId, StatusCode = error.StatusCode, EntityType = error.EntityType, EntityId = error.EntityId },
            PmsFailureKind.Conflict => new PmsConflictException(message, innerException) { Vendor = error.Vendor, Operation = error.Operation, VendorErrorCode = code, VendorRequestId = error.RequestId, StatusCode = error.StatusCode, Reason = status == 412 && error.ConflictReason == PmsConflictReason.Unspecified ? PmsConflictReason.StaleData : error.ConflictReason },
            PmsFailureKind.Validation => new PmsValidationException(message, innerException) { Vendor = error.Vendor, Operation = error.Operation, VendorErrorCode = code, VendorRequestId = error.RequestId, StatusCode = error.StatusCode, Field = error.Field, Messages = messages },
            PmsFailureKind.RateLimited => new PmsRateLimitedException(message, innerException) { Vendor = error.Vendor, Operation = error.Operation, VendorErrorCode = code, VendorRequestId = error.RequestId, StatusCode = error.StatusCode, RetryAfter = error.RetryAfter },
            PmsFailureKind.Unavailable => new PmsUnavailableException(message, innerException) { Vendor = error.Vendor, Operation = error.Operation, VendorErrorCode = code, VendorRequestId = error.RequestId, StatusCode = error.StatusCode, OutcomeUnknown = outcomeUnknown },
            _ => new PmsException(message, innerException) { Vendor = error.Vendor, Operation = error.Operation, VendorErrorCode = code, VendorRequestId = error.RequestId, StatusCode = error.StatusCode },
        };
        return exception;
    }

    /// <summary>
    /// Translates a failure that produced no answer — <see cref="HttpRequestException"/>, a Polly timeout, a
    /// <see cref="TaskCanceledException"/> that is not the caller's cancellation, a local rate-limiter rejection, an open
    /// circuit — into <see cref="PmsUnavailableException"/> (or <see cref="PmsRateLimitedException"/> for a rate-limiter
    /// rejection). A write that may have reached the vendor is marked <see cref="PmsUnavailableException.OutcomeUnknown"/>:
    /// it timed out or lost its connection after the runtime's pipeline handed it to the network (without the pipeline,
    /// a write is assumed sent unless the connection could not be opened). An existing <see cref="PmsException"/> is
    /// returned as it is.
    /// </summary>
    /// <param name="exception">The failure.</param>
    /// <param name="vendor">The vendor name.</param>
    /// <param name="operation">The connector operation.</param>
    /// <param name="request">The request, when available: its method and the pipeline's marks tell read from write and sent from not sent.</param>
    /// <param name="cancellationToken">The caller's token: a cancellation it requested is not translated.</param>
    /// <param name="error">The translated exception.</param>
    /// <returns><see langword="false"/> when <paramref name="exception"/> is the caller's cancellation or no transport failure; rethrow it then.</returns>
    public static bool TryFromTransportFailure(
        Exception exception,
        string vendor,
        string? operation,
        HttpRequestMessage? request,
        CancellationToken cancellationToken,
        [NotNullWhen(true)] out PmsException? error)
    {
        var isWrite = request is not null && !PmsHttpRequestOptions.IsRead(request);
        bool? sent = request is null ? null
            : PmsRequestState.Of(request) is { } state ? state.Sent
            : request.Options.TryGetValue(PmsHttpRequestOptions.Sent, out var wasSent) ? wasSent : null;
        return TryTranslate(exception, vendor, operation, isWrite, sent, cancellationToken, out error);
    }

    /// <summary>
    /// Translates a transport failure of a call made without an <see cref="HttpRequestMessage"/> at hand (a SOAP client,
    /// a Refit call); see <see cref="TryFromTransportFailure(Exception, string, string?, HttpRequestMessage?, CancellationToken, out PmsException?)"/>.
    /// </summary>
    /// <param name="exception">The failure.</param>
    /// <param name="vendor">The vendor name.</param>
    /// <param name="operation">The connector operation.</param>
    /// <param name="isWrite">Whether the call writes; only a write can have an unknown outcome.</param>
    /// <param name="cancellationToken">The caller's token: a cancellation it requested is not translated.</param>
    /// <param name="error">The translated exception.</param>
    /// <returns><see langword="false"/> when <paramref name="exception"/> is the caller's cancellation or no transport failure.</returns>
    public static bool TryFromTransportFailure(
        Exception exception,
        string vendor,
        string? operation,
        bool isWrite,
        CancellationToken cancellationToken,
        [NotNullWhen(true)] out PmsException? error) =>
        TryTranslate(exception, vendor, operation, isWrite, sent: null, cancellationToken, out error);

    /// <summary>Reads <c>Retry-After</c> (seconds or an HTTP date).</summary>
    /// <param name="headers">The response headers.</param>
    /// <param name="timeProvider">The clock an HTTP date is measured against; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <returns>The wait, never negative; <see langword="null"/> when the header is absent.</returns>
    public static TimeSpan? GetRetryAfter(HttpResponseHeaders headers, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var retryAfter = headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - (timeProvider ?? TimeProvider.System).GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>Gets the vendor's request id: the first of <paramref name="headerNames"/> present, at most 128 characters.</summary>
    /// <param name="response">The response.</param>
    /// <param name="headerNames">The candidate headers.</param>
    /// <returns>The id, or <see langword="null"/>.</returns>
    public static string? GetRequestId(HttpResponseMessage response, IEnumerable<string> headerNames)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(headerNames);
        foreach (var name in headerNames)
        {
            if (response.Headers.TryGetValues(name, out var values) && values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) is { } value)
            {
                value = value.Trim();
                return value.Length > 128 ? value[..128] : value;
            }
        }

        return null;
    }

    private static bool TryTranslate(
        Exception exception,
        string vendor,
        string? operation,
        bool isWrite,
        bool? sent,
        CancellationToken cancellationToken,
        [NotNullWhen(true)] out PmsException? error)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentException.ThrowIfNullOrWhiteSpace(vendor);
        var subject = operation is null ? vendor : $"{vendor} {operation}";
        switch (exception)
        {
            case PmsException pms:
                error = pms;
                return true;

            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                error = null;
                return false;

            case Polly.RateLimiting.RateLimiterRejectedException rejected:
                // A local limiter refused the call before it was sent: the vendor never saw it.
                error = new PmsRateLimitedException($"{subject}: the request was not sent because the account's rate limit is exhausted (the queue is full or the wait too long).", exception)
                {
                    Vendor = vendor,
                    Operation = operation,
                    RetryAfter = rejected.RetryAfter,
                };
                return true;

            case Polly.CircuitBreaker.BrokenCircuitException:
                error = new PmsUnavailableException($"{subject}: the request was not sent because the circuit to the vendor is open.", exception)
                {
                    Vendor = vendor,
                    Operation = operation,
                };
                return true;

            case Polly.Timeout.TimeoutRejectedException or OperationCanceledException:
            {
                // Timed out (Polly) or cancelled by something other than the caller (HttpClient.Timeout): the request
                // may have been processed without the answer arriving.
                var unknown = isWrite && sent != false;
                error = new PmsUnavailableException($"{subject}: the vendor did not answer in time{UnknownSuffix(unknown)}", exception)
                {
                    Vendor = vendor,
                    Operation = operation,
                    OutcomeUnknown = unknown,
                };
                return true;
            }

            case HttpRequestException http:
            {
                // Failing to open the connection means nothing was sent; losing it afterwards leaves a write's outcome open.
                var beforeSending = http.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
                    or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError or HttpRequestError.ConfigurationLimitExceeded;
                var unknown = isWrite && sent != false && !beforeSending;
                var what = beforeSending ? "could not be reached" : "did not answer (the connection failed)";
                error = new PmsUnavailableException($"{subject}: the vendor {what}{UnknownSuffix(unknown)}", exception)
                {
                    Vendor = vendor,
                    Operation = operation,
                    StatusCode = http.StatusCode,
                    OutcomeUnknown = unknown,
                };
                return true;
            }

            default:
                error = null;
                return false;
        }
    }

    private static string UnknownSuffix(bool outcomeUnknown) =>
        outcomeUnknown ? "; the write may have been applied (outcome unknown)." : ".";

    /// <summary>Returns the kind of failure an HTTP status means by HTTP's rules.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The kind.</returns>
    public static PmsFailureKind KindOf(HttpStatusCode status) => (int)status switch
    {
        401 or 403 => PmsFailureKind.Authentication,
        404 or 410 => PmsFailureKind.NotFound,
        409 or 412 => PmsFailureKind.Conflict,
        400 or 422 => PmsFailureKind.Validation,
        429 => PmsFailureKind.RateLimited,
        408 or >= 500 and <= 599 => PmsFailureKind.Unavailable,
        _ => PmsFailureKind.Other,
    };

    private static string Describe(PmsVendorError error, PmsFailureKind kind, List<string> messages, string? code, bool outcomeUnknown)
    {
        var subject = error.Operation is null ? error.Vendor : $"{error.Vendor} {error.Operation}";
        var status = (int)error.StatusCode;
        var what = kind switch
        {
            PmsFailureKind.Authentication => "the vendor refused the credentials",
            PmsFailureKind.NotFound => "the vendor does not know the entity",
            PmsFailureKind.Conflict => "the request conflicts with the vendor's state",
            PmsFailureKind.Validation => "the vendor rejected the request",
            PmsFailureKind.RateLimited => "the vendor's rate limit was exceeded",
            PmsFailureKind.Unavailable => "the vendor failed",
            _ => "the vendor answered an unexpected status",
        };
        var text = $"{subject}: {what} (HTTP {status})";
        if (messages.Count > 0)
        {
            text += ": " + string.Join("; ", messages.Select(m => m.TrimEnd('.')));
        }

        if (code is not null)
        {
            text += $" [vendor code {code}]";
        }

        return text + (outcomeUnknown ? "; the write may have been applied (outcome unknown)." : ".");
    }
}

/// <summary>The kinds of vendor failure, each thrown as its own <see cref="PmsException"/> subtype.</summary>
public enum PmsFailureKind
{
    /// <summary>None of the others: <see cref="PmsException"/>.</summary>
    Other = 0,

    /// <summary>The credentials were refused or lack a permission: <see cref="PmsAuthenticationException"/>.</summary>
    Authentication,

    /// <summary>The entity does not exist: <see cref="PmsNotFoundException"/>.</summary>
    NotFound,

    /// <summary>The request conflicts with the vendor's state (no availability, stale data, a state that forbids it): <see cref="PmsConflictException"/>.</summary>
    Conflict,

    /// <summary>The vendor rejected the request's content or a business rule: <see cref="PmsValidationException"/>.</summary>
    Validation,

    /// <summary>The vendor's rate limit was exceeded: <see cref="PmsRateLimitedException"/>.</summary>
    RateLimited,

    /// <summary>The vendor failed or did not answer in time: <see cref="PmsUnavailableException"/>.</summary>
    Unavailable,
}
