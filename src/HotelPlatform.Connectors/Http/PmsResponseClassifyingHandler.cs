namespace HotelPlatform.Connectors.Http;

/// <summary>
/// Classifies every answer once, per attempt, with the client's <see cref="PmsResponseClassifier"/> and keeps the
/// result on the request, where the retry decision, the diagnostics handler and the connector's response reading find
/// it. An answer classified as a rate-limit refusal pauses the whole account (<see cref="PmsAccountBackoff"/>) for the
/// vendor's <c>Retry-After</c> (or, without one, <see cref="PmsHttpClientOptions.RetryBaseDelay"/>).
/// </summary>
internal sealed class PmsResponseClassifyingHandler(PmsHttpClientOptions options, PmsAccountBackoff backoff, TimeProvider timeProvider) : DelegatingHandler
{
    /// <summary>The pause after a rate-limit refusal that gave no <c>Retry-After</c>.</summary>
    private static readonly TimeSpan MinimumPause = TimeSpan.FromSeconds(1);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Given by the diagnostics handler, which always runs outside this one.
        var state = PmsRequestState.Of(request)
                    ?? throw new InvalidOperationException("The PMS pipeline's classifying handler runs only under its diagnostics handler.");
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.RequestMessage ??= request;
        var classifier = options.ResponseClassifier;
        if (!classifier.ReadsSuccessfulAnswers && (int)response.StatusCode < 400)
        {
            // The hot path: a success needs no body read, no context, no await.
            state.Classified(response, PmsResponseClassification.Success);
            return response;
        }

        var operation = request.Options.TryGetValue(PmsHttpRequestOptions.Operation, out var named) ? named : PmsOperation.CurrentName;
        var context = new PmsResponseContext(response, options, state.Intent, operation, timeProvider);
        PmsResponseClassification classification;
        try
        {
            classification = await classifier.ClassifyAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        state.Classified(response, classification);
        if (classification.IsRateLimited)
        {
            backoff.PauseFor(classification.RetryAfter ?? (options.RetryBaseDelay > MinimumPause ? options.RetryBaseDelay : MinimumPause));
        }

        return response;
    }
}
