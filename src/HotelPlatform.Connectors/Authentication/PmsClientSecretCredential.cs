using Duende.IdentityModel.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HotelPlatform.Connectors.Authentication;

/// <summary>
/// An OAuth2 credential of a confidential client: <c>grant_type=client_credentials</c>, or the <c>password</c> grant
/// for older environments that act for an integration user. Extra headers (an application key) and parameters go on
/// every token request; the token is cached, renewed before expiry and requested by one caller at a time
/// (<see cref="PmsTokenCredential"/>). Token requests go through the named client
/// <see cref="PmsOAuth2CredentialOptions.TokenHttpClientName"/>.
/// </summary>
public sealed class PmsClientSecretCredential : PmsTokenCredential
{
    private readonly PmsClientSecretCredentialOptions _options;
    private readonly PmsOAuth2TokenEndpoint _endpoint;

    /// <summary>Initializes a new instance of the <see cref="PmsClientSecretCredential"/> class.</summary>
    /// <param name="options">The settings; validated here.</param>
    /// <param name="httpClientFactory">Makes the token client.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="loggerFactory">Logs failed token requests (without secrets); none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid; the message names the setting.</exception>
    public PmsClientSecretCredential(PmsClientSecretCredentialOptions options, IHttpClientFactory httpClientFactory, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
        : base(options, timeProvider)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        _options = options;
        _endpoint = new PmsOAuth2TokenEndpoint(options, httpClientFactory, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(PmsOAuth2TokenEndpoint.LogCategory));
    }

    /// <inheritdoc />
    protected override async Task<PmsAccessToken> RequestTokenAsync(CancellationToken cancellationToken)
    {
        using var response = _options.Grant == PmsClientSecretGrant.Password
            ? await _endpoint.SendAsync(
                (client, ct) => RequestPasswordAsync(client, ct),
                refused: null,
                cancellationToken).ConfigureAwait(false)
            : await _endpoint.SendAsync(
                (client, ct) => RequestClientCredentialsAsync(client, ct),
                refused: null,
                cancellationToken).ConfigureAwait(false);
        return _endpoint.ToAccessToken(response, TimeProvider);
    }

    private async Task<TokenResponse> RequestClientCredentialsAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var request = _endpoint.Prepare(new ClientCredentialsTokenRequest { Scope = _options.Scope });
        return await client.RequestClientCredentialsTokenAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TokenResponse> RequestPasswordAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var request = _endpoint.Prepare(new PasswordTokenRequest { UserName = _options.UserName!, Password = _options.Password, Scope = _options.Scope });
        return await client.RequestPasswordTokenAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
