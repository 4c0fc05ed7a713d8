using System.Diagnostics.CodeAnalysis;

namespace HotelPlatform.Connectors.Http;

/// <summary>
/// Reads what the pipeline decided about an answer (<see cref="PmsResponseClassifier"/>) and turns a failed one into
/// the right <see cref="PmsException"/>, for connectors that read <see cref="HttpResponseMessage"/>s themselves (a SOAP
/// or hand-written client; Refit clients use <see cref="PmsResponseReader"/>).
/// </summary>
public static class PmsHttpResponses
{
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

    /// <summary>
    /// Gets the classification the pipeline kept for this very answer (a retried request holds its latest answer's
    /// only). The classifying handler always runs under the diagnostics handler, which gives every request its state.
    /// </summary>
    internal static bool TryGetClassification(HttpResponseMessage response, [NotNullWhen(true)] out PmsResponseClassification? classification)
    {
        classification = response.RequestMessage is { } request && PmsRequestState.Of(request) is { } state && ReferenceEquals(state.ClassifiedResponse, response)
            ? state.Classification
            : null;
        return classification is not null;
    }

    /// <summary>Gets the classification of the latest answer to <paramref name="request"/> (the final one, once the call has returned).</summary>
    internal static bool TryGetLatestClassification(HttpRequestMessage request, [NotNullWhen(true)] out PmsResponseClassification? classification)
    {
        classification = PmsRequestState.Of(request)?.Classification;
        return classification is not null;
    }

    private static PmsResponseClassification ByStatus(HttpResponseMessage response)
    {
        if ((int)response.StatusCode < 400)
        {
            return PmsResponseClassification.Success;
        }

        var vendor = response.RequestMessage is { } request && PmsRequestState.Of(request) is { } state ? state.Vendor : "PMS";
        return PmsResponseClassifier.ByStatus(PmsVendorError.FromResponse(response, vendor, PmsOperation.CurrentName));
    }
}
