using System.Net;
using Duende.IdentityModel.Client;
using Microsoft.Extensions.Logging;

namespace HotelPlatform.Connectors.Authentication;

/// <summary>
/// What the OAuth2 credentials share about talking to a token endpoint (Duende.IdentityModel does the protocol): the
/// client's authentication and extra headers and parameters on every request, and the translation of the answers into
/// the <see cref="PmsException"/> family. Messages and log lines name the endpoint's path and the OAuth2 error code,
/// never a secret; the vendor's free text is scrubbed.
/// </summary>
internal sealed partial class PmsOAuth2TokenEndpoint(PmsOAuth2CredentialOptions options, IHttpClientFactory httpClientFactory, ILogger logger)
{
    /// <summary>The log category of token requests.</summary>
    public const string LogCategory = "HotelPlatform.Connectors.Authentication";

    private readonly string _endpoint = PmsRedaction.ScrubPath(options.TokenAddress);

    public HttpClient Client => httpClientFactory.CreateClient(PmsOAuth2CredentialOptions.TokenHttpClientName);

    /// <summary>Fills the parts of a token request every grant shares.</summary>
    public T Prepare<T>(T request)
        where T : ProtocolRequest
    {
        request.Address = options.TokenAddress!.AbsoluteUri;
        request.ClientId = options.ClientId;
        request.ClientSecret = options.ClientSecret;
        request.ClientCredentialStyle = options.ClientAuthentication == PmsClientAuthentication.FormPost
            ? ClientCredentialStyle.PostBody
            : ClientCredentialStyle.AuthorizationHeader;
        request.AuthorizationHeaderStyle = options.ClientAuthentication == PmsClientAuthentication.BasicHeaderUnencoded
            ? BasicAuthenticationHeaderStyle.Rfc2617
            : BasicAuthenticationHeaderStyle.Rfc6749;
        foreach (var (name, value) in options.TokenRequestHeaders)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        foreach (var (name, value) in options.TokenRequestParameters)
        {
            request.Parameters.Add(name, value);
        }

        return request;
    }

    /// <summary>
    /// Sends a token request and returns the successful answer with its access token; every failure is thrown as a
    /// <see cref="PmsException"/>. <paramref name="refused"/> words a refusal (HTTP 4xx) for the grant used.
    /// </summary>
    public async Task<TokenResponse> SendAsync(Func<HttpClient, CancellationToken, Task<TokenResponse>> send, Func<TokenResponse, PmsAuthenticationException?>? refused, CancellationToken cancellationToken)
    {
        TokenResponse response;
        try
        {
            response = await send(Client, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            LogTokenRequestFailed(logger, options.Vendor, _endpoint, null, ex.GetType().Name);
            throw Unavailable("the token endpoint could not be reached", null, ex);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            LogTokenRequestFailed(logger, options.Vendor, _endpoint, null, "timeout");
            throw Unavailable("the token endpoint did not answer in time", null, ex);
        }

        if (response.IsError)
        {
            using (response)
            {
                throw Translate(response, refused);
            }
        }

        if (string.IsNullOrEmpty(response.AccessToken))
        {
            using (response)
            {
                LogTokenRequestFailed(logger, options.Vendor, _endpoint, (int)response.HttpStatusCode, "no_access_token");
                throw new PmsAuthenticationException($"{options.Vendor}: the token endpoint answered without an access token.")
                {
                    Vendor = options.Vendor,
                    StatusCode = response.HttpStatusCode,
                };
            }
        }

        return response;
    }

    /// <summary>The token of a successful answer, expiring after its <c>expires_in</c> (or <see cref="PmsTokenCredential.UnknownLifetime"/>).</summary>
    public PmsAccessToken ToAccessToken(TokenResponse response, TimeProvider timeProvider)
    {
        var lifetime = response.ExpiresIn > 0 ? TimeSpan.FromSeconds(response.ExpiresIn) : PmsTokenCredential.UnknownLifetime;
        LogTokenIssued(logger, options.Vendor, _endpoint, (int)lifetime.TotalSeconds);
        return new PmsAccessToken(response.AccessToken!, timeProvider.GetUtcNow() + lifetime);
    }

    public void LogRotationCallbackFailed(Exception exception) =>
        LogRefreshTokenCallbackFailed(logger, options.Vendor, _endpoint, exception.GetType().Name);

    private PmsException Translate(TokenResponse response, Func<TokenResponse, PmsAuthenticationException?>? refused)
    {
        var status = response.HttpStatusCode;
        var code = response.ErrorType == ResponseErrorType.Protocol ? response.Error : null;
        LogTokenRequestFailed(logger, options.Vendor, _endpoint, status == 0 ? null : (int)status, code is null ? response.ErrorType.ToString() : Redact(code, []));

        if (response.ErrorType == ResponseErrorType.Exception)
        {
            return Unavailable("the token endpoint could not be reached or did not answer", null, response.Exception);
        }

        // The endpoint's own trouble (5xx, 408, 429) is transient; anything else means the credentials or the request
        // were refused. error_description is the vendor's free text and is scrubbed; the secret is never in the message.
        if (status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500)
        {
            return Unavailable($"the token endpoint failed (HTTP {(int)status})", status, response.Exception);
        }

        if (refused?.Invoke(response) is { } specific)
        {
            return specific;
        }

        return new PmsAuthenticationException($"{options.Vendor}: the token endpoint refused the client credentials (HTTP {(int)status}){Detail(response, [])}.", response.Exception)
        {
            Vendor = options.Vendor,
            VendorErrorCode = code,
            StatusCode = status == 0 ? null : status,
        };
    }

    /// <summary>
    /// The OAuth2 error code and description, for a message: <c> (invalid_client: ...)</c>. The description is the
    /// vendor's free text and may echo what was sent, so every secret of these settings (and
    /// <paramref name="moreSecrets"/>, a refresh token received since) is replaced, and the rest scrubbed.
    /// </summary>
    public string Detail(TokenResponse response, params IEnumerable<string?> moreSecrets)
    {
        var code = response.ErrorType == ResponseErrorType.Protocol ? response.Error : null;
        if (code is null)
        {
            return string.Empty;
        }

        var description = string.IsNullOrWhiteSpace(response.ErrorDescription) ? string.Empty : ": " + Redact(response.ErrorDescription, moreSecrets);
        return $" ({Redact(code, moreSecrets)}{description})";
    }

    private string Redact(string text, IEnumerable<string?> moreSecrets)
    {
        IEnumerable<string?> secrets = [options.ClientSecret, .. options.TokenRequestHeaders.Values, .. options.TokenRequestParameters.Values, .. moreSecrets];
        secrets = options switch
        {
            PmsClientSecretCredentialOptions user => secrets.Append(user.Password),
            PmsRefreshTokenCredentialOptions grant => secrets.Append(grant.RefreshToken).Append(grant.AuthorizationCode),
            _ => secrets,
        };

        // Longest first, so that a secret containing another is replaced whole.
        foreach (var secret in secrets.Where(v => !string.IsNullOrEmpty(v)).Distinct(StringComparer.Ordinal).OrderByDescending(v => v!.Length))
        {
            text = text.Replace(secret!, PmsRedaction.SecretPlaceholder, StringComparison.Ordinal);
        }

        return PmsRedaction.Scrub(text);
    }

    private PmsUnavailableException Unavailable(string what, HttpStatusCode? status, Exception? inner) =>
        new($"{options.Vendor}: {what} while requesting an access token.", inner)
        {
            Vendor = options.Vendor,
            StatusCode = status,
        };

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "PMS {Vendor}: token request to {TokenEndpoint} failed (status {StatusCode}, error {Error}).")]
    private static partial void LogTokenRequestFailed(ILogger logger, string vendor, string tokenEndpoint, int? statusCode, string error);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Debug, Message = "PMS {Vendor}: access token issued by {TokenEndpoint}, valid {LifetimeSeconds} s.")]
    private static partial void LogTokenIssued(ILogger logger, string vendor, string tokenEndpoint, int lifetimeSeconds);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "PMS {Vendor}: the application's handler of a new refresh token from {TokenEndpoint} failed ({ErrorType}); the new token stays in use in this process.")]
    private static partial void LogRefreshTokenCallbackFailed(ILogger logger, string vendor, string tokenEndpoint, string errorType);
}
