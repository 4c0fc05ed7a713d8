namespace HotelPlatform.Connectors.Http;

/// <summary>
/// What a connector operation does to the vendor's state, which decides whether the HTTP pipeline may send one of its
/// requests again after a transient failure. The <see cref="PmsConnector"/> base sets it for every public member (see
/// <see cref="PmsOperation"/>); a request can override it with <see cref="PmsHttpRequestOptions.Intent"/>.
/// </summary>
/// <remarks>
/// The HTTP verb alone cannot say it: Mews answers every query to a POST and SOAP sends every read as a POST. A GET,
/// HEAD, OPTIONS or TRACE request is a read whatever the operation; for other verbs the operation's intent decides.
/// </remarks>
public enum PmsOperationIntent
{
    /// <summary>Not set: requests are judged by their verb (anything but GET, HEAD, OPTIONS, TRACE is a write).</summary>
    Unspecified = 0,

    /// <summary>The operation only reads: every request of it is retried on a transient failure, whatever its verb.</summary>
    Read,

    /// <summary>The operation changes state and its requests carry no protection against being applied twice: never retried by the pipeline; a failure after sending leaves the outcome unknown.</summary>
    Write,

    /// <summary>The operation changes state and its requests carry the vendor's idempotency key (the vendor answers a repeat with the first answer): retried like a read.</summary>
    IdempotentWrite,
}

/// <summary>
/// The connector operation on the current asynchronous flow. The <see cref="PmsConnector"/> base begins one around
/// every public member; a connector marks a sub-call whose intent differs from its operation's (the read-back of a
/// write, a POST lookup before an exactly-once retry) with <see cref="Begin(PmsOperationIntent)"/>.
/// </summary>
public static class PmsOperation
{
    /// <summary>Gets the name of the operation on the current flow (<c>CreateReservation</c>), if any.</summary>
    public static string? CurrentName => PmsOperationContext.Current;

    /// <summary>Gets the intent of the operation on the current flow; <see cref="PmsOperationIntent.Unspecified"/> outside one.</summary>
    public static PmsOperationIntent CurrentIntent => PmsOperationContext.CurrentIntent;

    /// <summary>Sets the operation and its intent for the current flow until the scope is disposed (use it in an <c>async</c> method, with <c>using</c>).</summary>
    /// <param name="operation">The operation name.</param>
    /// <param name="intent">Its intent.</param>
    /// <returns>The scope; disposing it restores what was there before.</returns>
    public static IDisposable Begin(string operation, PmsOperationIntent intent)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        return PmsOperationContext.Enter(operation, intent);
    }

    /// <summary>Sets the intent for the current flow, keeping the operation's name, until the scope is disposed.</summary>
    /// <param name="intent">The intent of the requests sent inside the scope.</param>
    /// <returns>The scope; disposing it restores what was there before.</returns>
    public static IDisposable Begin(PmsOperationIntent intent) => PmsOperationContext.Enter(null, intent);

    /// <summary>
    /// Returns the intent the pipeline applies to <paramref name="request"/>, in this order: the request's own
    /// <see cref="PmsHttpRequestOptions.Intent"/>, <see cref="PmsHttpRequestOptions.ReadOnly"/> or
    /// <see cref="PmsHttpRequestOptions.SafeToRetry"/> flag; a GET, HEAD, OPTIONS or TRACE is a read; a request carrying
    /// <paramref name="idempotencyKeyHeader"/> is an idempotent write; otherwise the intent of the operation on the flow,
    /// and a write when there is none.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="idempotencyKeyHeader">The vendor's idempotency key header, if it has one.</param>
    /// <returns>The intent, never <see cref="PmsOperationIntent.Unspecified"/>.</returns>
    public static PmsOperationIntent IntentOf(HttpRequestMessage request, string? idempotencyKeyHeader = PmsHttpClientOptions.DefaultIdempotencyKeyHeader)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = request.Options;
        if (PmsRequestState.Of(request) is { } pinned)
        {
            return pinned.Intent;
        }

        if (options.TryGetValue(PmsHttpRequestOptions.Intent, out var explicitIntent) && explicitIntent != PmsOperationIntent.Unspecified)
        {
            return explicitIntent;
        }

        if (options.TryGetValue(PmsHttpRequestOptions.ReadOnly, out var readOnly) && readOnly)
        {
            return PmsOperationIntent.Read;
        }

        if (options.TryGetValue(PmsHttpRequestOptions.SafeToRetry, out var safe) && safe)
        {
            return PmsOperationIntent.IdempotentWrite;
        }

        var method = request.Method;
        if (method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options || method == HttpMethod.Trace)
        {
            return PmsOperationIntent.Read;
        }

        if (!string.IsNullOrEmpty(idempotencyKeyHeader) && request.Headers.Contains(idempotencyKeyHeader))
        {
            return PmsOperationIntent.IdempotentWrite;
        }

        var ambient = PmsOperationContext.CurrentIntent;
        return ambient == PmsOperationIntent.Unspecified ? PmsOperationIntent.Write : ambient;
    }
}
