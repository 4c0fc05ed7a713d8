using System.Collections.Concurrent;
using System.Net;
using Duende.IdentityModel.Client;
using Microsoft.Extensions.Logging;

namespace HotelPlatform.Connectors.Http;

/// <summary>
/// The process-wide cache of OAuth2 client-credentials tokens: one entry per (token address, client id, scope), shared
/// by every hotel of that account. A token is replaced shortly before it expires (by <see cref="TimeProvider"/>), and
/// however many callers need a new token at once, exactly one token request is in flight (single flight); the others
/// wait for its result. The request runs on its own timeout, not on the first caller's cancellation token, so a caller
/// that gives up does not fail the others.
/// </summary>
internal sealed partial class PmsTokenCache(IHttpClientFactory httpClientFactory, TimeProvider timeProvider, ILogger<PmsTokenCache> logger)
{
    /// <summary>The lifetime assumed when the token endpoint does not say (<c>expires_in</c> absent): short, so an unknown lifetime cannot keep a revoked token in use for long.</summary>
    internal static readonly TimeSpan UnknownLifetime = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private TimeProvider Clock => timeProvider;

    /// <summary>Gets a valid access token, requesting one when the cached token is missing or due for refresh.</summary>
    public Task<string> GetTokenAsync(PmsClientCredentials credentials, string vendor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var entry = _entries.GetOrAdd(credentials.CacheKey, static _ => new Entry());
        return entry.GetAsync(this, credentials, vendor, cancellationToken);
    }

    /// <summary>Drops <paramref name="rejectedToken"/> (the API answered 401 to it) so that the next caller requests a new one; a newer token is kept.</summary>
    public void Invalidate(PmsClientCredentials credentials, string rejectedToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        if (_entries.TryGetValue(credentials.CacheKey, out var entry))
        {
            entry.Invalidate(rejectedToken);
        }
    }

    private async Task<CachedToken> RequestTokenAsync(PmsClientCredentials credentials, string vendor)
    {
        // Not the caller's token: see the class remarks. The timeout runs on the injected clock.
        using var timeout = new CancellationTokenSource(credentials.TokenRequestTimeout, timeProvider);
        var client = httpClientFactory.CreateClient(PmsClientCredentials.TokenHttpClientName);
        using var request = new ClientCredentialsTokenRequest
        {
            Address = credentials.TokenAddress!.AbsoluteUri,
            ClientId = credentials.ClientId,
            ClientSecret = credentials.ClientSecret,
            Scope = credentials.Scope,
            ClientCredentialStyle = credentials.ClientAuthentication == PmsClientAuthentication.FormPost
                ? ClientCredentialStyle.PostBody
                : ClientCredentialStyle.AuthorizationHeader,
            AuthorizationHeaderStyle = credentials.ClientAuthentication == PmsClientAuthentication.BasicHeaderUnencoded
                ? BasicAuthenticationHeaderStyle.Rfc2617
                : BasicAuthenticationHeaderStyle.Rfc6749,
        };
        foreach (var (name, value) in credentials.TokenRequestHeaders)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        foreach (var (name, value) in credentials.TokenRequestParameters)
        {
            request.Parameters.Add(name, value);
        }

        var endpoint = PmsRedaction.ScrubPath(credentials.TokenAddress);
        var requestedAt = timeProvider.GetUtcNow();
        TokenResponse response;
        try
        {
            response = await client.RequestClientCredentialsTokenAsync(request, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException)
        {
            LogTokenRequestFailed(logger, vendor, endpoint, null, ex.GetType().Name);
            throw Unavailable(vendor, "the token endpoint did not answer", null, ex);
        }

        using (response)
        {
            if (response.IsError)
            {
                throw Translate(response, vendor, endpoint);
            }

            if (string.IsNullOrEmpty(response.AccessToken))
            {
                LogTokenRequestFailed(logger, vendor, endpoint, (int)response.HttpStatusCode, "no_access_token");
                throw new PmsAuthenticationException($"{vendor}: the token endpoint answered without an access token.")
                {
                    Vendor = vendor,
                    StatusCode = response.HttpStatusCode,
                };
            }

            var lifetime = response.ExpiresIn > 0 ? TimeSpan.FromSeconds(response.ExpiresIn) : UnknownLifetime;

            // Refresh early by RefreshBeforeExpiry, but by at most a tenth of the lifetime: a 60-second token must not
            // be refreshed on every call because the skew swallowed its whole life.
            var skew = TimeSpan.FromTicks(Math.Min(credentials.RefreshBeforeExpiry.Ticks, lifetime.Ticks / 10));
            LogTokenIssued(logger, vendor, endpoint, (int)lifetime.TotalSeconds);
            return new CachedToken(response.AccessToken, requestedAt + lifetime - skew);
        }
    }

    private PmsException Translate(TokenResponse response, string vendor, string endpoint)
    {
        var status = response.HttpStatusCode;
        var code = response.ErrorType == ResponseErrorType.Protocol ? response.Error : null;
        LogTokenRequestFailed(logger, vendor, endpoint, status == 0 ? null : (int)status, code ?? response.ErrorType.ToString());

        if (response.ErrorType == ResponseErrorType.Exception)
        {
            return Unavailable(vendor, "the token endpoint did not answer", null, response.Exception);
        }

        // The endpoint's own trouble (5xx, 408, 429) is transient; anything else means the credentials or the request
        // were refused. error_description is the vendor's free text and is scrubbed; the secret is never in the message.
        if (status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500)
        {
            return Unavailable(vendor, $"the token endpoint failed (HTTP {(int)status})", status, response.Exception);
        }

        var detail = code is null ? string.Empty : $" ({PmsRedaction.Scrub(code)}{(string.IsNullOrWhiteSpace(response.ErrorDescription) ? string.Empty : ": " + PmsRedaction.Scrub(response.ErrorDescription))})";
        return new PmsAuthenticationException($"{vendor}: the token endpoint refused the client credentials (HTTP {(int)status}){detail}.", response.Exception)
        {
            Vendor = vendor,
            VendorErrorCode = code,
            StatusCode = status == 0 ? null : status,
        };
    }

    private static PmsUnavailableException Unavailable(string vendor, string what, HttpStatusCode? status, Exception? inner) =>
        new($"{vendor}: {what} while requesting an access token.", inner)
        {
            Vendor = vendor,
            StatusCode = status,
        };

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "PMS {Vendor}: token request to {TokenEndpoint} failed (status {StatusCode}, error {Error}).")]
    private static partial void LogTokenRequestFailed(ILogger logger, string vendor, string tokenEndpoint, int? statusCode, string error);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Debug, Message = "PMS {Vendor}: access token issued by {TokenEndpoint}, valid {LifetimeSeconds} s.")]
    private static partial void LogTokenIssued(ILogger logger, string vendor, string tokenEndpoint, int lifetimeSeconds);

    private sealed record CachedToken(string AccessToken, DateTimeOffset RefreshAt);

    private sealed class Entry
    {
        private readonly Lock _gate = new();
        private CachedToken? _token;
        private Task<CachedToken>? _refresh;

        public async Task<string> GetAsync(PmsTokenCache cache, PmsClientCredentials credentials, string vendor, CancellationToken cancellationToken)
        {
            Task<CachedToken> refresh;
            TaskCompletionSource<CachedToken>? mine = null;
            lock (_gate)
            {
                if (_token is { } token && cache.Clock.GetUtcNow() < token.RefreshAt)
                {
                    return token.AccessToken;
                }

                if (_refresh is null)
                {
                    mine = new TaskCompletionSource<CachedToken>(TaskCreationOptions.RunContinuationsAsynchronously);
                    _refresh = mine.Task;
                }

                refresh = _refresh;
            }

            if (mine is not null)
            {
                // Started here, awaited by everyone (this caller included) through the shared task.
                _ = RefreshAsync(cache, credentials, vendor, mine);
            }

            var result = await refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
            return result.AccessToken;
        }

        public void Invalidate(string rejectedToken)
        {
            lock (_gate)
            {
                if (_token is not null && string.Equals(_token.AccessToken, rejectedToken, StringComparison.Ordinal))
                {
                    _token = null;
                }
            }
        }

        private async Task RefreshAsync(PmsTokenCache cache, PmsClientCredentials credentials, string vendor, TaskCompletionSource<CachedToken> completion)
        {
            try
            {
                var token = await cache.RequestTokenAsync(credentials, vendor).ConfigureAwait(false);
                lock (_gate)
                {
                    _token = token;
                    _refresh = null;
                }

                completion.SetResult(token);
            }
            catch (Exception ex)
            {
                lock (_gate)
                {
                    _refresh = null;
                }

                completion.SetException(ex);

                // Observed here so that a failure nobody waits for any more (all callers cancelled) is not reported as unobserved.
                _ = completion.Task.Exception;
            }
        }
    }
}

/// <summary>
/// Puts the account's access token on every request, and on a 401 from the API drops that token, gets a new one and
/// sends the request once more. Requests whose Authorization header the connector set itself are left alone.
/// </summary>
internal sealed class PmsClientCredentialsHandler(PmsClientCredentials credentials, string vendor, PmsTokenCache cache) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var setByPipeline = request.Options.TryGetValue(PmsHttpRequestOptions.PipelineToken, out var previous)
                            && request.Headers.Authorization?.Parameter == previous;
        if (request.Headers.Authorization is not null && !setByPipeline)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var token = await cache.GetTokenAsync(credentials, vendor, cancellationToken).ConfigureAwait(false);
        Authorize(request, token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        // The token was revoked or expired early. A 401 means the vendor refused the call before processing it, so
        // sending it again is safe even for a write; once only, so that bad credentials cannot loop.
        cache.Invalidate(credentials, token);
        var fresh = await cache.GetTokenAsync(credentials, vendor, cancellationToken).ConfigureAwait(false);
        response.Dispose();
        Authorize(request, fresh);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static void Authorize(HttpRequestMessage request, string token)
    {
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        request.Options.Set(PmsHttpRequestOptions.PipelineToken, token);
    }
}

/// <summary>The innermost handler: records that the request is being handed to the network, so that a later failure of a write can tell "never sent" from "outcome unknown".</summary>
internal sealed class PmsSendMarkerHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.Set(PmsHttpRequestOptions.Sent, true);
        return base.SendAsync(request, cancellationToken);
    }
}
