using System.Diagnostics.CodeAnalysis;

namespace HotelPlatform.Connectors.Http;

/// <summary>
/// Reads what the pipeline decided about an answer (<see cref="PmsResponseClassifier"/>) and turns a failed one into
/// the right <see cref="PmsException"/>, for connectors that read <see cref="HttpResponseMessage"/>s themselves (a SOAP
/// or hand-written client; Refit clients use <see cref="PmsResponseReader"/>).
/// </summary>
public static class PmsHttpResponses
{
    /// <summary>The request option the classification of the latest answer to a request is kept in.</summary>
    internal static readonly HttpRequestOptionsKey<ClassifiedResponse> Classification = new("HotelPlatform.Connectors.Classification");

    /// <summary>
    /// Returns the classification the pipeline made of <paramref name="response"/>; for an answer that did not come
    /// through the pipeline, the status-based one (<see cref="PmsResponseClassifier.Default"/>, without reading the body).
    /// </summary>
    /// <param name="response">The answer.</param>
    /// <returns>The classification.</returns>
    public static PmsResponseClassification GetClassification(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return TryGetClassification(response, out var classification) ? classification : ByStatus(response);
    }

    /// <summary>
    /// Throws the <see cref="PmsException"/> of a failed answer (<see cref="GetClassification"/>); returns for a success.
    /// </summary>
    /// <param name="response">The answer.</param>
    /// <param name="refine">Adjusts the error with what only the call knows (the entity of a 404, why a 422 conflicts); optional.</param>
    /// <exception cref="PmsException">The answer is a failure.</exception>
    public static void ThrowIfFailed(HttpResponseMessage response, Func<PmsVendorError, PmsVendorError>? refine = null)
    {
        var classification = GetClassification(response);
        if (classification.Error is { } error)
        {
            throw PmsHttpErrors.FromVendorError(refine is null ? error : refine(error));
        }
    }

    /// <summary>Keeps the classification of <paramref name="response"/> on its request.</summary>
    internal static void Store(HttpRequestMessage request, HttpResponseMessage response, PmsResponseClassification classification)
    {
        if (PmsRequestState.Of(request) is { } state)
        {
            state.Classified(response, classification);
        }
        else
        {
            request.Options.Set(Classification, new ClassifiedResponse(response, classification));
        }
    }

    /// <summary>Gets the classification kept for this very answer (a retried request holds its latest answer's only).</summary>
    internal static bool TryGetClassification(HttpResponseMessage response, [NotNullWhen(true)] out PmsResponseClassification? classification)
    {
        classification = response.RequestMessage is not { } request ? null
            : PmsRequestState.Of(request) is { } state ? (ReferenceEquals(state.ClassifiedResponse, response) ? state.Classification : null)
            : request.Options.TryGetValue(Classification, out var kept) && ReferenceEquals(kept.Response, response) ? kept.Classification : null;
        return classification is not null;
    }

    /// <summary>Gets the classification of the latest answer to <paramref name="request"/> (the final one, once the call has returned).</summary>
    internal static bool TryGetLatestClassification(HttpRequestMessage request, [NotNullWhen(true)] out PmsResponseClassification? classification)
    {
        classification = PmsRequestState.Of(request) is { } state ? state.Classification
            : request.Options.TryGetValue(Classification, out var kept) ? kept.Classification : null;
        return classification is not null;
    }

    private static PmsResponseClassification ByStatus(HttpResponseMessage response)
    {
        if ((int)response.StatusCode < 400)
        {
            return PmsResponseClassification.Success;
        }

        var vendor = response.RequestMessage is { } request && PmsRequestState.Of(request) is { } state ? state.Vendor : "PMS";
        var error = PmsVendorError.FromResponse(response, vendor, PmsOperation.CurrentName);
        return PmsResponseClassifier.IsTransientStatus(response.StatusCode)
            ? PmsResponseClassification.Transient(error)
            : PmsResponseClassification.Failed(error);
    }

    /// <summary>An answer and its classification.</summary>
    internal sealed record ClassifiedResponse(HttpResponseMessage Response, PmsResponseClassification Classification);
}
