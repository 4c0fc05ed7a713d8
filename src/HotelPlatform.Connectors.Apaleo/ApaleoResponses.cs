using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using HotelPlatform.Connectors.Apaleo.Mapping;
using HotelPlatform.Connectors.Http;
using Refit;

namespace HotelPlatform.Connectors.Apaleo;

/// <summary>What one Apaleo call is, for the exception its failure becomes.</summary>
/// <param name="Operation">The connector operation, for example <c>CreateReservation</c>.</param>
internal sealed record ApaleoCall(string Operation)
{
    /// <summary>Gets the kind of entity a 404 is about (<c>Reservation</c>).</summary>
    public string? EntityType { get; init; }

    /// <summary>Gets the identifier a 404 is about.</summary>
    public string? EntityId { get; init; }

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
/// Turns the answers of the Refit interfaces into results or <see cref="PmsException"/>s, and walks Apaleo's pages.
/// Failures without an answer were already translated by the runtime's pipeline (Refit hands them back wrapped); error
/// answers are read here: Apaleo's error body (<c>{"messages": [...]}</c>, or the Webhook API's <c>{type, message}</c>),
/// the <c>Apaleo-Tracking-Id</c> header Apaleo's support asks for, <c>Retry-After</c>, and then the runtime's factory
/// (<see cref="PmsHttpErrors.FromVendorError"/>) picks the exception by status.
/// </summary>
/// <param name="clock">The clock an HTTP-date <c>Retry-After</c> or a rate-limit reset is measured against.</param>
internal sealed class ApaleoResponses(TimeProvider clock)
{
    /// <summary>The response header carrying the id of a request in Apaleo's logs ("Each request &amp; response in apaleo has a unique identifier", github.com/apaleo/api issue 95).</summary>
    public const string TrackingIdHeader = "Apaleo-Tracking-Id";

    /// <summary>The response header with the instant the rate-limit window resets, seen on Apaleo answers (github.com/apaleo/api issue 464); not documented.</summary>
    public const string RateLimitResetHeader = "X-Rate-Limit-Reset";

    private const int MaxRequestIdLength = 128;

    /// <summary>Awaits a call and returns its content, <see langword="null"/> for 204; throws the failure as a <see cref="PmsException"/>.</summary>
    /// <typeparam name="T">The answer's type.</typeparam>
    /// <param name="call">The Refit call.</param>
    /// <param name="context">What the call is.</param>
    /// <param name="cancellationToken">The caller's token: its cancellation is rethrown as such.</param>
    /// <returns>The content, or <see langword="null"/> for 204 No Content.</returns>
    public async Task<T?> ReadAsync<T>(Task<IApiResponse<T>> call, ApaleoCall context, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await ReceiveAsync(call, context, cancellationToken).ConfigureAwait(false);
        ThrowIfFailed(response, context, cancellationToken);
        return response.StatusCode == HttpStatusCode.NoContent ? null : response.Content;
    }

    /// <summary>Awaits a call whose answer has no content (204); throws its failure as a <see cref="PmsException"/>.</summary>
    /// <param name="call">The Refit call.</param>
    /// <param name="context">What the call is.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>A task that completes when the call succeeded.</returns>
    public async Task SendAsync(Task<IApiResponse> call, ApaleoCall context, CancellationToken cancellationToken)
    {
        using var response = await ReceiveAsync(call, context, cancellationToken).ConfigureAwait(false);
        ThrowIfFailed(response, context, cancellationToken);
    }

    /// <summary>
    /// Walks a paged Apaleo list, fetching each page only when the previous one has been consumed: <c>pageNumber</c>
    /// from 1 with a fixed <c>pageSize</c>, until Apaleo answers 204 ("Results in 204 if there are no items on that
    /// page") or a page comes back shorter than asked. The <c>count</c> member is not trusted for this (see
    /// <see cref="ApaleoReservationQueryMapper.HasNextPage"/>).
    /// </summary>
    /// <typeparam name="TList">The list model of a page.</typeparam>
    /// <typeparam name="TItem">An item of a page.</typeparam>
    /// <param name="fetch">Fetches one page: page number, page size, token.</param>
    /// <param name="items">The items of a page.</param>
    /// <param name="pageSize">The page size.</param>
    /// <param name="context">What the calls are.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>The items of every page, in order.</returns>
    public async IAsyncEnumerable<TItem> PagesAsync<TList, TItem>(
        Func<int, int, CancellationToken, Task<IApiResponse<TList>>> fetch,
        Func<TList, IReadOnlyList<TItem>> items,
        int pageSize,
        ApaleoCall context,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where TList : class
    {
        for (var pageNumber = 1; ; pageNumber++)
        {
            var page = await ReadAsync(fetch(pageNumber, pageSize, cancellationToken), context, cancellationToken).ConfigureAwait(false);
            var pageItems = page is null ? [] : items(page);
            foreach (var item in pageItems)
            {
                yield return item;
            }

            if (!ApaleoReservationQueryMapper.HasNextPage(pageItems.Count, pageSize))
            {
                yield break;
            }
        }
    }

    private static async Task<TResponse> ReceiveAsync<TResponse>(Task<TResponse> call, ApaleoCall context, CancellationToken cancellationToken)
        where TResponse : IApiResponse
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not PmsException)
        {
            ThrowTransportFailure(ex, null, context, cancellationToken);
            throw;
        }
    }

    /// <summary>
    /// Rethrows a failure that produced no answer: the caller's cancellation as it is, the runtime's
    /// <see cref="PmsException"/> unwrapped from Refit's <see cref="ApiRequestException"/>, anything else translated by
    /// the runtime (a write that may have been sent is reported with an unknown outcome).
    /// </summary>
    [DoesNotReturn]
    private static void ThrowTransportFailure(Exception exception, HttpRequestMessage? request, ApaleoCall context, CancellationToken cancellationToken)
    {
        var cause = exception is ApiRequestException { InnerException: { } inner } ? inner : exception;
        if (cause is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cause.Message, cause, cancellationToken);
        }

        if (PmsHttpErrors.TryFromTransportFailure(cause, PmsVendors.Apaleo, context.Operation, request, cancellationToken, out var error))
        {
            if (ReferenceEquals(error, cause))
            {
                ExceptionDispatchInfo.Throw(cause);
            }

            throw error;
        }

        ExceptionDispatchInfo.Throw(exception);
    }

    private void ThrowIfFailed(IApiResponse response, ApaleoCall context, CancellationToken cancellationToken)
    {
        if (response.IsSuccessful)
        {
            return;
        }

        if (response.HasRequestError(out var requestError))
        {
            ThrowTransportFailure(requestError, requestError.RequestMessage, context, cancellationToken);
        }

        var isWrite = response.RequestMessage is { } request && !PmsHttpRequestOptions.IsRead(request);
        var answered = response.StatusCode ?? throw new PmsUnavailableException($"{PmsVendors.Apaleo} {context.Operation}: no answer was received{(isWrite ? " (outcome unknown)" : string.Empty)}.")
        {
            Vendor = PmsVendors.Apaleo,
            Operation = context.Operation,
            OutcomeUnknown = isWrite,
        };
        if (response.IsSuccessStatusCode)
        {
            // A 2xx whose body could not be read. For a write the change was made, but its result is not known: the
            // connector's exactly-once path settles it by looking up, never by writing blindly again.
            throw new PmsUnavailableException(
                $"{PmsVendors.Apaleo} {context.Operation}: the answer (HTTP {(int)answered}) could not be read{(isWrite ? "; the write was applied but its result is unknown (outcome unknown)" : string.Empty)}.")
            {
                Vendor = PmsVendors.Apaleo,
                Operation = context.Operation,
                StatusCode = answered,
                VendorRequestId = TrackingId(response.Headers),
                OutcomeUnknown = isWrite,
            };
        }

        var body = ApaleoErrorParser.Parse((response.Error as ApiException)?.Content);
        var (status, reason) = ((int)answered, context) switch
        {
            (409 or 422, { SendsIdempotencyKey: true }) when ApaleoErrorParser.SaysIdempotencyKeyReused(body) => (HttpStatusCode.Conflict, PmsConflictReason.IdempotencyKeyReused),
            (422, { RefusalMeansInvalidState: true }) => (HttpStatusCode.Conflict, PmsConflictReason.InvalidState),
            (422, { RefusalMayMeanNoAvailability: true }) when ApaleoErrorParser.SaysNoAvailability(body) => (HttpStatusCode.Conflict, PmsConflictReason.NoAvailability),
            _ => (answered, PmsConflictReason.Unspecified),
        };

        // The Refit exception is not attached: it holds the live request (with its bearer token) and the raw body.
        throw PmsHttpErrors.FromVendorError(new PmsVendorError(PmsVendors.Apaleo, context.Operation, status)
        {
            Messages = body.Messages,
            ErrorCode = body.ErrorType,
            Field = body.Field,
            RequestId = TrackingId(response.Headers),
            RetryAfter = answered == HttpStatusCode.TooManyRequests ? RetryAfter(response.Headers) : null,
            IsWrite = isWrite,
            ConflictReason = reason,
            EntityType = context.EntityType,
            EntityId = context.EntityId,
        });
    }

    /// <summary><c>Retry-After</c> when sent; otherwise the wait until the <c>X-Rate-Limit-Reset</c> instant Apaleo's answers carry.</summary>
    private TimeSpan? RetryAfter(HttpResponseHeaders? headers)
    {
        if (headers is null)
        {
            return null;
        }

        if (PmsHttpErrors.GetRetryAfter(headers, clock) is { } retryAfter)
        {
            return retryAfter;
        }

        if (headers.TryGetValues(RateLimitResetHeader, out var values)
            && DateTimeOffset.TryParse(values.FirstOrDefault(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var reset))
        {
            var wait = reset - clock.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static string? TrackingId(HttpResponseHeaders? headers)
    {
        var value = headers is not null && headers.TryGetValues(TrackingIdHeader, out var values) ? values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim() : null;
        return value is { Length: > MaxRequestIdLength } ? value[..MaxRequestIdLength] : value;
    }
}
