using HotelPlatform.Connectors.Authentication;

namespace HotelPlatform.Connectors.SiteMinder.Soap;

/// <summary>
/// The credentials seam of pmsXchange: WS-Security <c>UsernameToken</c> (PasswordText) inside the SOAP header, not an
/// HTTP header. Runs in the runtime's authentication handler like every other vendor's authenticator (so each retry is
/// authenticated anew and the current options are read at send time) and writes the header into the
/// <see cref="SoapEnvelopeContent"/> the connector built. A request without a SOAP body is a programming error.
/// </summary>
internal sealed class SiteMinderUsernameTokenAuthenticator(Func<SiteMinderOptions> options) : PmsRequestAuthenticator
{
    public override ValueTask AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Content is not SoapEnvelopeContent envelope)
        {
            throw new InvalidOperationException("A pmsXchange request carries a SOAP envelope; the UsernameToken goes into its header.");
        }

        var current = options();
        envelope.SetUsernameToken(current.Username, current.Password);
        return ValueTask.CompletedTask;
    }

    public override string ToString() => nameof(SiteMinderUsernameTokenAuthenticator);
}
