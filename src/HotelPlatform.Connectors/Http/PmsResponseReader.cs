using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Runtime.ExceptionServices;
using Refit;

namespace HotelPlatform.Connectors.Http;

/// <summary>What one vendor call is, for the exception its failure becomes. Vendor packages derive from it to carry what their refinement needs.</summary>
/// <param name="Operation">The connector operation, for example <c>CreateReservation</c>.</param>
public record PmsCall(string Operation)
{
    /// <summary>Gets the kind of entity a "not found" is about (<c>Reservation</c>).</summary>
    public string? EntityType { get; init; }

    /// <summary>Gets the identifier a "not found" is about.</summary>
    public string? EntityId { get; init; }
}

/// <summary>
/// Turns the answers of Refit calls made over a PMS client into results or <see cref="PmsException"/>s, with the
/// classification the pipeline made of each answer (<see cref="PmsResponseClassifier"/>): a failure without an answer
/// is rethrown as the <see cref="PmsException"/> the pipeline made of it (Refit wraps it), a failed answer becomes the
/// exception of its <see cref="PmsVendorError"/> after <see cref="Refine"/>, and a 2xx whose body could not be read is
/// reported as such (a write's outcome is then unknown). One per vendor connector; derive to refine per call.
/// </summary>
/// <remarks>The Refit exception is never attached to what is thrown: it holds the live request, with its credentials, and the raw body.</remarks>
public class PmsResponseReader
{
    /// <summary>Initializes a new instance of the <see cref="PmsResponseReader"/> class.</summary>
    /// <param name="vendor">The vendor name, for answers that did not come through the pipeline.</param>
    public PmsResponseReader(string vendor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(vendor);
        Vendor = vendor;
    }

    /// <summary>Gets the vendor name.</summary>
    protected string Vendor { get; }

    /// <summary>Awaits a call and returns its content, <see langword="null"/> for 204; throws its failure as a <see cref="PmsException"/>.</summary>
    /// <typeparam name="T">The answer's type.</typeparam>
    /// <param name="call">The Refit call.</param>
    /// <param name="context">What the call is.</param>
    /// <param name="cancellationToken">The caller's token: its cancellation is rethrown as such.</param>
    /// <returns>The content, or <see langword="null"/> for 204 No Content.</returns>
    public async Task<T?> ReadAsync<T>(Task<IApiResponse<T>> call, PmsCall context, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(context);
        IApiResponse<T> answer;
        try
        {
            answer = await call.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not PmsException)
        {
            ThrowTransportFailure(ex, null, context, null, cancellationToken);
            throw;
        }

        using var response = answer;
        ThrowIfFailed(response, context, cancellationToken);
        return response.StatusCode == HttpStatusCode.NoContent ? null : response.Content;
    }

    /// <summary>Awaits a call whose answer has no content; throws its failure as a <see cref="PmsException"/>.</summary>
    /// <param name="call">The Refit call.</param>
    /// <param name="context">What the call is.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>A task that completes when the call succeeded.</returns>
    public async Task SendAsync(Task<IApiResponse> call, PmsCall context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(context);
        IApiResponse answer;
        try
        {
            answer = await call.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not PmsException)
        {
            ThrowTransportFailure(ex, null, context, null, cancellationToken);
            throw;
        }

        using var response = answer;
        ThrowIfFailed(response, context, cancellationToken);
    }

    /// <summary>
    /// Adjusts a failure with what only the call knows. The default fills the entity of a "not found" from
    /// <paramref name="call"/>; a vendor adds its own rules (a 422 that means "no availability" for a booking).
    /// </summary>
    /// <param name="error">The failure as classified.</param>
    /// <param name="call">What the call is.</param>
    /// <returns>The failure to throw.</returns>
    protected virtual PmsVendorError Refine(PmsVendorError error, PmsCall call)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(call);
        return error with
        {
            Operation = error.Operation ?? call.Operation,
            EntityType = error.EntityType ?? call.EntityType,
            EntityId = error.EntityId ?? call.EntityId,
        };
    }

    /// <summary>
    /// Rethrows a failure that produced no answer: the caller's cancellation as it is, the pipeline's
    /// <see cref="PmsException"/> unwrapped from Refit's <see cref="ApiRequestException"/>, anything else translated by
    /// <see cref="PmsHttpErrors.TryFromTransportFailure(Exception, string, string?, HttpRequestMessage?, CancellationToken, out PmsException?)"/>.
    /// </summary>
    [DoesNotReturn]
    private static void ThrowTransportFailure(Exception exception, HttpRequestMessage? request, PmsCall context, string? vendor, CancellationToken cancellationToken)
    {
        var cause = exception is ApiRequestException { InnerException: { } inner } ? inner : exception;
        if (cause is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cause.Message, cause, cancellationToken);
        }

        if (PmsHttpErrors.TryFromTransportFailure(cause, vendor ?? "PMS", context.Operation, request, cancellationToken, out var error))
        {
            if (ReferenceEquals(error, cause))
            {
                ExceptionDispatchInfo.Throw(cause);
            }

            throw error;
        }

        ExceptionDispatchInfo.Throw(exception);
    }

    private void ThrowIfFailed(IApiResponse response, PmsCall context, CancellationToken cancellationToken)
    {
        if (response.HasRequestError(out var requestError))
        {
            ThrowTransportFailure(requestError, requestError.RequestMessage, context, Vendor, cancellationToken);
        }

        var request = response.RequestMessage;
        var isWrite = request is not null && !PmsHttpRequestOptions.IsRead(request);
        if (response.StatusCode is not { } answered)
        {
            throw new PmsUnavailableException($"{Vendor} {context.Operation}: no answer was received{(isWrite ? " (outcome unknown)" : string.Empty)}.")
            {
                Vendor = Vendor,
                Operation = context.Operation,
                OutcomeUnknown = isWrite,
            };
        }

        var classification = request is not null && PmsHttpResponses.TryGetLatestClassification(request, out var kept)
            ? kept
            : ByStatus(response, answered, isWrite, context);
        if (classification.Error is { } error)
        {
            throw PmsHttpErrors.FromVendorError(Refine(error, context));
        }

        if (!response.IsSuccessful)
        {
            // A success whose body could not be read. For a write the change was made, but its result is not known: the
            // connector's exactly-once path settles it by looking up, never by writing blindly again.
            throw new PmsUnavailableException(
                $"{Vendor} {context.Operation}: the answer (HTTP {(int)answered}) could not be read{(isWrite ? "; the write was applied but its result is unknown (outcome unknown)" : string.Empty)}.")
            {
                Vendor = Vendor,
                Operation = context.Operation,
                StatusCode = answered,
                OutcomeUnknown = isWrite,
            };
        }
    }

    private PmsResponseClassification ByStatus(IApiResponse response, HttpStatusCode status, bool isWrite, PmsCall context)
    {
        if ((int)status < 400)
        {
            return PmsResponseClassification.Success;
        }

        var error = new PmsVendorError(Vendor, context.Operation, status)
        {
            RetryAfter = response.Headers is { } headers ? PmsHttpErrors.GetRetryAfter(headers) : null,
            IsWrite = isWrite,
        };
        return PmsResponseClassifier.ByStatus(error);
    }
}
