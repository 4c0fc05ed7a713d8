using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using HotelPlatform.Connectors.Apaleo.Mapping;
using HotelPlatform.Connectors.Http;

namespace HotelPlatform.Connectors.Apaleo;

/// <summary>What one Apaleo call is, for the exception its failure becomes.</summary>
/// <param name="Operation">The connector operation, for example <c>CreateReservation</c>.</param>
internal sealed record ApaleoCall(string Operation) : PmsCall(Operation)
{
    /// <summary>
    /// Gets a value indicating whether a 422 whose messages say the stay cannot be sold is a
    /// <see cref="PmsConflictException"/> (<see cref="PmsConflictReason.NoAvailability"/>): bookings and amendments.
    /// </summary>
    public bool RefusalMayMeanNoAvailability { get; init; }

    /// <summary>
    /// Gets a value indicating whether every 422 is a <see cref="PmsConflictException"/>
    /// (<see cref="PmsConflictReason.InvalidState"/>): reservation actions Apaleo allows only in some states (cancel:
    /// "status 'Confirmed' and where the arrival time is in the future").
    /// </summary>
    public bool RefusalMeansInvalidState { get; init; }

    /// <summary>
    /// Gets a value indicating whether the call carries an <c>Idempotency-Key</c>, so that a 409 or 422 saying the key
    /// was used before is a <see cref="PmsConflictException"/> (<see cref="PmsConflictReason.IdempotencyKeyReused"/>).
    /// </summary>
    public bool SendsIdempotencyKey { get; init; }
}

/// <summary>
/// Apaleo's dialect for the runtime's response classification: the error body (<c>{"messages": [...]}</c>, or the
/// Webhook API's <c>{type, message}</c>) read into the failure, and the wait of a 429 taken from <c>Retry-After</c> or,
/// without it, from the <c>X-Rate-Limit-Reset</c> instant Apaleo's answers carry. Statuses mean what HTTP says.
/// </summary>
internal sealed class ApaleoResponseClassifier : PmsResponseClassifier
{
    /// <summary>The response header carrying the id of a request in Apaleo's logs ("Each request &amp; response in apaleo has a unique identifier", github.com/apaleo/api issue 95).</summary>
    public const string TrackingIdHeader = "Apaleo-Tracking-Id";

    /// <summary>The response header with the instant the rate-limit window resets, seen on Apaleo answers (github.com/apaleo/api issue 464); not documented.</summary>
    public const string RateLimitResetHeader = "X-Rate-Limit-Reset";

    public static ApaleoResponseClassifier Instance { get; } = new();

    protected override async ValueTask<PmsVendorError> ReadErrorAsync(PmsResponseContext context, PmsVendorError error, CancellationToken cancellationToken)
    {
        var body = ApaleoErrorParser.Parse(await context.ReadBodyAsync(cancellationToken: cancellationToken).ConfigureAwait(false));
        return error with
        {
            Messages = body.Messages,
            ErrorCode = body.ErrorType,
            Field = body.Field,
            RetryAfter = error.StatusCode == HttpStatusCode.TooManyRequests ? error.RetryAfter ?? UntilReset(context.Response.Headers, context.TimeProvider) : error.RetryAfter,
        };
    }

    /// <summary>The wait until the <c>X-Rate-Limit-Reset</c> instant, when Apaleo sent one.</summary>
    internal static TimeSpan? UntilReset(HttpResponseHeaders headers, TimeProvider clock)
    {
        if (headers.TryGetValues(RateLimitResetHeader, out var values)
            && DateTimeOffset.TryParse(values.FirstOrDefault(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var reset))
        {
            var wait = reset - clock.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}

/// <summary>
/// Reads the answers of the Apaleo Refit interfaces with the runtime's <see cref="PmsResponseReader"/>, refining a
/// failure with what only the call knows: a 409 or 422 about a reused idempotency key, a 422 of a state-dependent action
/// (a conflict of state) and a 422 saying the stay cannot be sold (a conflict of availability).
/// </summary>
internal sealed class ApaleoResponses() : PmsResponseReader(PmsVendors.Apaleo)
{
    public static ApaleoResponses Instance { get; } = new();

    protected override PmsVendorError Refine(PmsVendorError error, PmsCall call)
    {
        error = base.Refine(error, call);
        if (call is not ApaleoCall apaleo)
        {
            return error;
        }

        var body = new ApaleoErrorBody(error.Messages, error.ErrorCode);
        return ((int)error.StatusCode, apaleo) switch
        {
            (409 or 422, { SendsIdempotencyKey: true }) when ApaleoErrorParser.SaysIdempotencyKeyReused(body) => Conflict(error, PmsConflictReason.IdempotencyKeyReused),
            (422, { RefusalMeansInvalidState: true }) => Conflict(error, PmsConflictReason.InvalidState),
            (422, { RefusalMayMeanNoAvailability: true }) when ApaleoErrorParser.SaysNoAvailability(body) => Conflict(error, PmsConflictReason.NoAvailability),
            _ => error,
        };
    }

    private static PmsVendorError Conflict(PmsVendorError error, PmsConflictReason reason) =>
        error with { StatusCode = HttpStatusCode.Conflict, ConflictReason = reason };
}
