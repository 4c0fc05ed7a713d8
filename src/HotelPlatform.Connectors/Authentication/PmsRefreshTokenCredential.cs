using Duende.IdentityModel.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HotelPlatform.Connectors.Authentication;

/// <summary>
/// An OAuth2 credential for the authorization-code flow: the application holds a refresh token (or, once, an
/// authorization code) obtained with the user's consent, and this credential keeps an access token fresh with
/// <c>grant_type=refresh_token</c>. When the token endpoint returns a new refresh token (rotation) it is used from then
/// on and handed to <see cref="PmsRefreshTokenCredentialOptions.RefreshTokenRotated"/> for the application to store.
/// A refresh token the endpoint refuses (<c>invalid_grant</c>: revoked, expired, already used) fails with a
/// <see cref="PmsAuthenticationException"/> saying the application must be authorized again, and is not sent again.
/// </summary>
public sealed class PmsRefreshTokenCredential : PmsTokenCredential
{
    private const string InvalidGrant = "invalid_grant";

    private readonly PmsRefreshTokenCredentialOptions _options;
    private readonly PmsOAuth2TokenEndpoint _endpoint;
    private string? _refreshToken;
    private string? _authorizationCode;
    private string? _refusal;
    private string? _refusalCode;

    /// <summary>Initializes a new instance of the <see cref="PmsRefreshTokenCredential"/> class.</summary>
    /// <param name="options">The settings; validated here.</param>
    /// <param name="httpClientFactory">Makes the token client.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="loggerFactory">Logs failed token requests (without secrets); none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid; the message names the setting.</exception>
    public PmsRefreshTokenCredential(PmsRefreshTokenCredentialOptions options, IHttpClientFactory httpClientFactory, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
        : base(options, timeProvider)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        _options = options;
        _endpoint = new PmsOAuth2TokenEndpoint(options, httpClientFactory, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(PmsOAuth2TokenEndpoint.LogCategory));
        _refreshToken = string.IsNullOrEmpty(options.RefreshToken) ? null : options.RefreshToken;
        _authorizationCode = _refreshToken is null ? options.AuthorizationCode : null;
    }

    /// <inheritdoc />
    protected override async Task<PmsAccessToken> RequestTokenAsync(CancellationToken cancellationToken)
    {
        // Only one request runs at a time (the base's single flight), so the fields need no lock.
        if (_refusal is not null)
        {
            throw Refused(_refusal, _refusalCode);
        }

        TokenResponse response;
        if (_refreshToken is { } refreshToken)
        {
            response = await _endpoint.SendAsync(
                async (client, ct) =>
                {
                    using var request = _endpoint.Prepare(new RefreshTokenRequest { RefreshToken = refreshToken, Scope = _options.Scope });
                    return await client.RequestRefreshTokenAsync(request, ct).ConfigureAwait(false);
                },
                r => RefusedGrant(r, "the refresh token"),
                cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var code = _authorizationCode!;
            response = await _endpoint.SendAsync(
                async (client, ct) =>
                {
                    using var request = _endpoint.Prepare(new AuthorizationCodeTokenRequest { Code = code, RedirectUri = _options.RedirectUri!.AbsoluteUri });
                    return await client.RequestAuthorizationCodeTokenAsync(request, ct).ConfigureAwait(false);
                },
                r => RefusedGrant(r, "the authorization code"),
                cancellationToken).ConfigureAwait(false);

            // A code is single use: whatever came back, it is not sent again.
            _authorizationCode = null;
        }

        using (response)
        {
            if (!string.IsNullOrEmpty(response.RefreshToken) && !string.Equals(response.RefreshToken, _refreshToken, StringComparison.Ordinal))
            {
                _refreshToken = response.RefreshToken;
                await ReportRotationAsync(response.RefreshToken, cancellationToken).ConfigureAwait(false);
            }
            else if (_refreshToken is null)
            {
                // An exchanged code without a refresh token: the access token works until it expires, and then the
                // application must authorize again.
                _refusal = $"{Vendor}: the token endpoint issued no refresh token for the authorization code, so the access token cannot be renewed; the application must be authorized again.";
            }

            return _endpoint.ToAccessToken(response, TimeProvider);
        }
    }

    private PmsAuthenticationException? RefusedGrant(TokenResponse response, string what)
    {
        if (!string.Equals(response.Error, InvalidGrant, StringComparison.Ordinal))
        {
            return null;
        }

        // Revoked, expired or already used: asking again with the same grant cannot succeed, so the refusal is kept and
        // every later call fails at once instead of hitting the token endpoint.
        _refusalCode = InvalidGrant;
        _refusal = $"{Vendor}: the token endpoint refused {what} (HTTP {(int)response.HttpStatusCode}){_endpoint.Detail(response, _refreshToken)}: it was revoked, has expired or was already used. The application must be authorized again to obtain a new refresh token.";
        return Refused(_refusal, _refusalCode);
    }

    private PmsAuthenticationException Refused(string message, string? code) =>
        new(message) { Vendor = Vendor, VendorErrorCode = code };

    private async Task ReportRotationAsync(string refreshToken, CancellationToken cancellationToken)
    {
        if (_options.RefreshTokenRotated is not { } rotated)
        {
            return;
        }

        try
        {
            await rotated(refreshToken, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The application's storage failed; the token is good and stays in use, so the call goes on.
            _endpoint.LogRotationCallbackFailed(ex);
        }
    }
}
