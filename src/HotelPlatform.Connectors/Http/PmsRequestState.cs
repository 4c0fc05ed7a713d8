namespace HotelPlatform.Connectors.Http;

/// <summary>
/// What the pipeline knows about one request, kept in one entry of <see cref="HttpRequestMessage.Options"/> (set by the
/// outermost handler) rather than one entry per fact: the vendor, the intent resolved once on the caller's flow, whether
/// the request was handed to the network, and the latest answer's classification.
/// </summary>
internal sealed class PmsRequestState(string vendor, PmsOperationIntent intent)
{
    public static readonly HttpRequestOptionsKey<PmsRequestState> Key = new("HotelPlatform.Connectors.State");

    public string Vendor { get; } = vendor;

    public PmsOperationIntent Intent { get; } = intent;

    public bool Sent { get; set; }

    public HttpResponseMessage? ClassifiedResponse { get; private set; }

    public PmsResponseClassification? Classification { get; private set; }

    public static PmsRequestState? Of(HttpRequestMessage request) =>
        request.Options.TryGetValue(Key, out var state) ? state : null;

    public void Classified(HttpResponseMessage response, PmsResponseClassification classification)
    {
        ClassifiedResponse = response;
        Classification = classification;
    }
}
