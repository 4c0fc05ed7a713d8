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
internal sealed class PmsAuthenticationHandler(Func<PmsRequestAuthenticator?> currentAuthenticator, string vendor, bool hasClientCertificate, PmsClientCertificateRequests certificateRequests) : DelegatingHandler
{
    public PmsAuthenticationHandler(PmsRequestAuthenticator? authenticator, string vendor, bool hasClientCertificate, PmsClientCertificateRequests certificateRequests)
        : this(() => authenticator, vendor, hasClientCertificate, certificateRequests)
    {
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // One loop rather than a helper per send: this runs on every attempt, and each async layer costs an allocation.
        // Asked per request: a hotel whose credentials were changed (a configuration reload) authenticates with the new
        // ones on its next call, not when the factory next rebuilds this handler.
        var authenticator = currentAuthenticator();
        for (var replayed = false; ; replayed = true)
        {
            if (authenticator is not null)
            {
                await authenticator.AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
            }

            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex) when (IsRefusedHandshake(ex) || IsDroppedAfterCertificateRequest(ex, request))
            {
                var certificate = hasClientCertificate
                    ? "the server refused the client certificate presented, or the server's own certificate was not trusted"
                    : "no client certificate was presented (the server may require one: set PmsHttpClientOptions.ClientCertificate), or the server's own certificate was not trusted";
                throw new PmsAuthenticationException($"{vendor}: the TLS handshake with the vendor failed or the vendor closed the connection right after it: {certificate}.", ex) { Vendor = vendor };
            }

            // A 401 means the vendor refused the call before processing it, so sending it again is safe even for a write;
            // once only, so that bad credentials cannot loop.
            if (replayed || authenticator is null || response.StatusCode != HttpStatusCode.Unauthorized
                || !await authenticator.OnUnauthorizedAsync(request, response, cancellationToken).ConfigureAwait(false))
            {
                return response;
            }

            response.Dispose();
        }
    }

    /// <summary>
    /// Whether a server that asked for a client certificate in its handshake closed the connection without answering:
    /// with TLS 1.3 the server checks the client certificate after the client considers the handshake complete, and
    /// refuses a missing or unknown one by closing the connection, which the client only sees as a response that ended
    /// before it began.
    /// </summary>
    private bool IsDroppedAfterCertificateRequest(HttpRequestException exception, HttpRequestMessage request) =>
        exception.HttpRequestError == HttpRequestError.ResponseEnded
        && request.RequestUri is { Scheme: "https" } uri
        && certificateRequests.WasRequestedBy(uri.IdnHost);

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

/// <summary>
/// Remembers which hosts asked for a client certificate during a TLS handshake, per client (one instance per client
/// name), so that a connection such a host then drops can be reported as a refused client certificate.
/// </summary>
internal sealed class PmsClientCertificateRequests
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public bool WasRequestedBy(string host) => _hosts.ContainsKey(host);

    /// <summary>
    /// Observes the primary handler's client-certificate selection: TLS calls it when the server sends a certificate
    /// request (the server's own certificate is known by then), or before the handshake when a certificate is
    /// configured. It selects what SslStream would (the first configured
    /// certificate, or none) and notes the host. A callback the application set is left in place.
    /// </summary>
    public void Observe(SocketsHttpHandler handler)
    {
        if (handler.SslOptions.LocalCertificateSelectionCallback is not null)
        {
            return;
        }

        handler.SslOptions.LocalCertificateSelectionCallback = (_, targetHost, localCertificates, remoteCertificate, _) =>
        {
            // Called when the server requests a certificate (its own is known then), and on some platforms before the
            // handshake when a certificate is configured: either way the host is one where the client certificate counts.
            if ((remoteCertificate is not null || localCertificates is { Count: > 0 }) && !string.IsNullOrEmpty(targetHost))
            {
                _hosts[targetHost] = true;
            }

            return localCertificates is { Count: > 0 } ? localCertificates[0] : null!;
        };
    }
}

/// <summary>Puts a client certificate for mutual TLS on a client's primary handler.</summary>
internal static class PmsClientCertificates
{
    public static void Apply(HttpMessageHandler primary, X509Certificate2? certificate, string clientName, PmsClientCertificateRequests requests)
    {
        if (primary is SocketsHttpHandler observed)
        {
            requests.Observe(observed);
        }

        if (certificate is null)
        {
            return;
        }

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
