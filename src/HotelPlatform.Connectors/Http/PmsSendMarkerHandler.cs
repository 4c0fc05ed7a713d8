namespace HotelPlatform.Connectors.Http;

/// <summary>The innermost handler: records that the request is being handed to the network, so that a later failure of a write can tell "never sent" from "outcome unknown".</summary>
internal sealed class PmsSendMarkerHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (PmsRequestState.Of(request) is { } state)
        {
            state.Sent = true;
        }
        else
        {
            request.Options.Set(PmsHttpRequestOptions.Sent, true);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
