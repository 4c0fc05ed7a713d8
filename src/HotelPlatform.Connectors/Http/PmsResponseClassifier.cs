using System.Net;

namespace HotelPlatform.Connectors.Http;

/// <summary>What a vendor's answer means for the pipeline and the connector.</summary>
public enum PmsResponseOutcome
{
    /// <summary>The call succeeded; the connector reads the answer.</summary>
    Success = 0,

    /// <summary>The call failed for a reason that may pass (overload, a timeout, a rate limit): a read or an idempotent write may be sent again.</summary>
    Transient,

    /// <summary>The vendor refused or failed the call for good: retrying the same request cannot help.</summary>
    Failed,
}

/// <summary>
/// How a vendor's answer was classified: <see cref="PmsResponseOutcome"/> and, for a failure, the
/// <see cref="PmsVendorError"/> the connector's exception is made from (<see cref="PmsHttpErrors.FromVendorError"/>).
/// </summary>
public sealed record PmsResponseClassification
{
    private PmsResponseClassification(PmsResponseOutcome outcome, PmsVendorError? error)
    {
        Outcome = outcome;
        Error = error;
    }

    /// <summary>Gets the classification of a successful answer.</summary>
    public static PmsResponseClassification Success { get; } = new(PmsResponseOutcome.Success, null);

    /// <summary>Gets the outcome.</summary>
    public PmsResponseOutcome Outcome { get; }

    /// <summary>Gets what the vendor said about a failure; <see langword="null"/> on success.</summary>
    public PmsVendorError? Error { get; }

    /// <summary>Gets how long the vendor asked to wait before the next call (<see cref="PmsVendorError.RetryAfter"/>).</summary>
    public TimeSpan? RetryAfter => Error?.RetryAfter;

    /// <summary>Gets a value indicating whether the vendor refused the call because of its rate limit (a 429, or what a vendor's classifier says is one).</summary>
    public bool IsRateLimited => Error is { } error && error.EffectiveKind == PmsFailureKind.RateLimited;

    /// <summary>Classifies a failure that may pass.</summary>
    /// <param name="error">What the vendor said.</param>
    /// <returns>The classification.</returns>
    public static PmsResponseClassification Transient(PmsVendorError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(PmsResponseOutcome.Transient, error);
    }

    /// <summary>Classifies a definite failure.</summary>
    /// <param name="error">What the vendor said.</param>
    /// <returns>The classification.</returns>
    public static PmsResponseClassification Failed(PmsVendorError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(PmsResponseOutcome.Failed, error);
    }
}

/// <summary>What the classifier knows about the call whose answer it classifies.</summary>
public sealed class PmsResponseContext
{
    /// <summary>Initializes a new instance of the <see cref="PmsResponseContext"/> class.</summary>
    /// <param name="response">The vendor's answer.</param>
    /// <param name="options">The client's settings (vendor, request id headers).</param>
    /// <param name="intent">The request's intent (<see cref="PmsOperation.IntentOf"/>).</param>
    /// <param name="operation">The connector operation, if known.</param>
    /// <param name="timeProvider">The clock an HTTP-date <c>Retry-After</c> is measured against.</param>
    public PmsResponseContext(HttpResponseMessage response, PmsHttpClientOptions options, PmsOperationIntent intent, string? operation, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Response = response;
        Options = options;
        Intent = intent;
        Operation = operation;
        TimeProvider = timeProvider;
    }

    /// <summary>Gets the vendor's answer.</summary>
    public HttpResponseMessage Response { get; }

    /// <summary>Gets the client's settings.</summary>
    public PmsHttpClientOptions Options { get; }

    /// <summary>Gets the request's intent.</summary>
    public PmsOperationIntent Intent { get; }

    /// <summary>Gets the connector operation, if known.</summary>
    public string? Operation { get; }

    /// <summary>Gets the clock.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Gets a value indicating whether the request changes the vendor's state (its intent is a write).</summary>
    public bool IsWrite => Intent is PmsOperationIntent.Write or PmsOperationIntent.IdempotentWrite;

    /// <summary>
    /// Starts the error of this answer from what the response itself says: its status (or <paramref name="status"/>, the
    /// status a vendor meant), the vendor's request id (<see cref="PmsHttpClientOptions.RequestIdHeaders"/>),
    /// <c>Retry-After</c> and whether the request was a write.
    /// </summary>
    /// <param name="status">The status to record; the response's when <see langword="null"/>.</param>
    /// <returns>The error, to be completed with <c>with { ... }</c>.</returns>
    public PmsVendorError CreateError(HttpStatusCode? status = null) =>
        PmsVendorError.FromResponse(Response, Options.Vendor, Operation, Options.RequestIdHeaders, TimeProvider) with
        {
            StatusCode = status ?? Response.StatusCode,
            IsWrite = IsWrite,
        };

    /// <summary>
    /// Reads the answer's body as text, buffering it so that the connector can still read it afterwards. Bodies larger
    /// than <paramref name="maxBytes"/> are not read (<see langword="null"/>): an error body that large carries nothing a
    /// classifier needs.
    /// </summary>
    /// <param name="maxBytes">The largest body read. Default 64 KiB.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The body, empty when there is none, or <see langword="null"/> when it is too large or could not be read.</returns>
    public async ValueTask<string?> ReadBodyAsync(int maxBytes = 64 * 1024, CancellationToken cancellationToken = default)
    {
        if (Response.Content is not { } content)
        {
            return string.Empty;
        }

        if (content.Headers.ContentLength is > 0 and var length && length > maxBytes)
        {
            return null;
        }

        try
        {
            await content.LoadIntoBufferAsync(maxBytes, cancellationToken).ConfigureAwait(false);
            return await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            // Larger than the cap, or the connection broke while reading: the status alone classifies the answer.
            return null;
        }
    }
}

/// <summary>
/// Decides what a vendor's answer means — success, transient failure (with its <c>Retry-After</c>) or definite failure
/// (with the vendor's code, messages, request id, and whether a write's outcome is known) — for both the pipeline's
/// retry decision and the connector's exception. The default judges by status: 2xx and 3xx succeed; 408, 429 and 5xx are
/// transient; anything else fails. A vendor package derives from it for its dialect: an error body
/// (<see cref="ReadErrorAsync"/>), an answer whose status lies (HTTP 200 with <c>{"success":false}</c>), a status that
/// means something else (a 403 business-rule refusal, a SOAP Fault on 500 that is a definite refusal).
/// </summary>
/// <remarks>
/// The classifier runs once per attempt, inside the retry, and its result is kept on the request
/// (<see cref="PmsHttpResponses.GetClassification"/>). It must not consume the body without buffering it: use
/// <see cref="PmsResponseContext.ReadBodyAsync"/>. It should read a success's body only where the vendor's dialect
/// requires it (the default never does), since buffering costs every call.
/// </remarks>
public class PmsResponseClassifier
{
    /// <summary>Initializes a new instance of the <see cref="PmsResponseClassifier"/> class.</summary>
    public PmsResponseClassifier()
    {
        // A classifier that only reads error bodies never needs to see a success: the pipeline then skips it for 2xx/3xx.
        ReadsSuccessfulAnswers = GetType().GetMethod(nameof(ClassifyAsync), [typeof(PmsResponseContext), typeof(CancellationToken)])!.DeclaringType != typeof(PmsResponseClassifier);
    }

    /// <summary>Gets the status-based classifier, for vendors whose statuses say what they mean.</summary>
    public static PmsResponseClassifier Default { get; } = new();

    /// <summary>Gets a value indicating whether <see cref="ClassifyAsync"/> is overridden, so that successful answers must be shown to it (Cloudbeds' 200 with <c>success:false</c>).</summary>
    internal bool ReadsSuccessfulAnswers { get; }

    /// <summary>Classifies an answer.</summary>
    /// <param name="context">The answer and the call.</param>
    /// <param name="cancellationToken">A token that cancels reading the body.</param>
    /// <returns>The classification.</returns>
    public virtual async ValueTask<PmsResponseClassification> ClassifyAsync(PmsResponseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = (int)context.Response.StatusCode;
        if (status < 400)
        {
            return PmsResponseClassification.Success;
        }

        var error = await ReadErrorAsync(context, context.CreateError(), cancellationToken).ConfigureAwait(false);
        return ByStatus(error);
    }

    /// <summary>Classifies a failure by its status alone: transient for 408, 429 and 5xx, failed otherwise.</summary>
    internal static PmsResponseClassification ByStatus(PmsVendorError error) =>
        IsTransientStatus(error.StatusCode) ? PmsResponseClassification.Transient(error) : PmsResponseClassification.Failed(error);

    /// <summary>Returns whether a status is transient by HTTP's rules: 408, 429 or 5xx.</summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="true"/> when the same request may succeed later.</returns>
    public static bool IsTransientStatus(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>Adds what the vendor's error body says (messages, code, field) to <paramref name="error"/>. The default reads nothing.</summary>
    /// <param name="context">The answer and the call.</param>
    /// <param name="error">The error so far, from the response's status and headers.</param>
    /// <param name="cancellationToken">A token that cancels reading the body.</param>
    /// <returns>The completed error.</returns>
    protected virtual ValueTask<PmsVendorError> ReadErrorAsync(PmsResponseContext context, PmsVendorError error, CancellationToken cancellationToken) =>
        ValueTask.FromResult(error);
}
