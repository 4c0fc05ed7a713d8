using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace HotelPlatform.Connectors.Authentication;

/// <summary>
/// The pipeline's authentication step, inside the resilience handler so that every attempt is authenticated afresh:
/// applies <see cref="PmsRequestAuthenticator"/>, and on a 401 lets it renew and replays the request once. It also
/// turns a failed TLS handshake (the server refused the client certificate, or none was presented) into a
/// <see cref="PmsAuthenticationException"/>, which is not retried: sending again cannot fix a certificate.
/// </summary>
internal sealed class PmsAuthenticationHandler(PmsRequestAuthenticator? authenticator, string vendor, bool hasClientCertificate) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (authenticator is null)
        {
            return await SendOnceAsync(request, cancellationToken).ConfigureAwait(false);
        }

        await authenticator.AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
        var response = await SendOnceAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized
            || !await authenticator.OnUnauthorizedAsync(request, response, cancellationToken).ConfigureAwait(false))
        {
            return response;
        }

        // A 401 means the vendor refused the call before processing it, so sending it again is safe even for a write;
        // once only, so that bad credentials cannot loop.
        response.Dispose();
        await authenticator.AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
        return await SendOnceAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (IsRefusedHandshake(ex))
        {
            var certificate = hasClientCertificate
                ? "the server refused the client certificate presented, or the server's own certificate was not trusted"
                : "no client certificate was presented (the server may require one: set PmsHttpClientOptions.ClientCertificate), or the server's own certificate was not trusted";
            throw new PmsAuthenticationException($"{vendor}: the TLS handshake with the vendor failed: {certificate}.", ex) { Vendor = vendor };
        }
    }

    /// <summary>
    /// Whether the connection failed in the TLS handshake. With TLS 1.3 a server checks the client certificate after the
    /// client considers the handshake done, so its refusal (a <c>certificate_required</c> or <c>bad_certificate</c> alert)
    /// can also arrive as a failed read of the first response; that is recognised by the <see cref="AuthenticationException"/>
    /// or the TLS alert in the chain of causes.
    /// </summary>
    private static bool IsRefusedHandshake(HttpRequestException exception)
    {
        if (exception.HttpRequestError == HttpRequestError.SecureConnectionError)
        {
            return true;
        }

        for (Exception? inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is AuthenticationException)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Puts a client certificate for mutual TLS on a client's primary handler.</summary>
internal static class PmsClientCertificates
{
    public static void Apply(HttpMessageHandler primary, X509Certificate2 certificate, string clientName)
    {
        switch (primary)
        {
            case SocketsHttpHandler sockets:
                sockets.SslOptions.ClientCertificates ??= [];
                sockets.SslOptions.ClientCertificates.Add(certificate);
                break;
            case HttpClientHandler handler:
                handler.ClientCertificateOptions = ClientCertificateOption.Manual;
                handler.ClientCertificates.Add(certificate);
                break;
            default:
                throw new InvalidOperationException(
                    $"PMS HTTP client '{clientName}': ClientCertificate is set, but the primary handler ({primary.GetType().Name}) cannot carry a client certificate; use SocketsHttpHandler or HttpClientHandler.");
        }
    }
}
