using System.Security.Cryptography;
using System.Text;

namespace HotelPlatform.Connectors.Authentication;

/// <summary>How the client authenticates at the token endpoint.</summary>
public enum PmsClientAuthentication
{
    /// <summary><c>Authorization: Basic</c> with the client id and secret form-encoded first, as RFC 6749 §2.3.1 requires (IdentityServer).</summary>
    BasicHeader = 0,

    /// <summary><c>Authorization: Basic base64(client_id:client_secret)</c> without form-encoding (RFC 2617), for servers that do not decode it.</summary>
    BasicHeaderUnencoded,

    /// <summary><c>client_id</c> and <c>client_secret</c> as form fields of the token request body.</summary>
    FormPost,
}

/// <summary>The settings every OAuth2 credential shares: the token endpoint, the client and how it authenticates there.</summary>
public abstract class PmsOAuth2CredentialOptions : PmsTokenCredentialOptions
{
    /// <summary>
    /// The name of the <see cref="HttpClient"/> token requests go through. Configure it (a proxy, a test handler) with
    /// <c>services.AddHttpClient(TokenHttpClientName)</c>; the runtime removes its default loggers, which would log the
    /// token endpoint's full address.
    /// </summary>
    public const string TokenHttpClientName = "HotelPlatform.Connectors.OAuth2";

    /// <summary>Gets or sets the token endpoint; required.</summary>
    public Uri? TokenAddress { get; set; }

    /// <summary>Gets or sets the client id; required.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>Gets or sets the client secret; required. It is sent to the token endpoint only and never logged.</summary>
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>Gets or sets the space-separated scopes to request; <see langword="null"/> for the client's default.</summary>
    public string? Scope { get; set; }

    /// <summary>Gets or sets how the client authenticates at the token endpoint. Default <see cref="PmsClientAuthentication.BasicHeader"/>.</summary>
    public PmsClientAuthentication ClientAuthentication { get; set; } = PmsClientAuthentication.BasicHeader;

    /// <summary>Gets extra headers of the token request (an application key, an enterprise id). Never logged.</summary>
    public IDictionary<string, string> TokenRequestHeaders { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets extra form parameters of the token request (an <c>audience</c>, for instance). Never logged.</summary>
    public IDictionary<string, string> TokenRequestParameters { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Gets the key under which <see cref="PmsCredentialRegistry"/> shares one credential: the token endpoint, the client
    /// id and the scope, as every hotel of an account has them in common, plus a fingerprint (never the value) of the
    /// secrets, so that a rotated secret gets a credential of its own instead of one still holding the old secret.
    /// </summary>
    public string CacheKey => $"{GetType().Name}|{TokenAddress?.AbsoluteUri}|{ClientId}|{Scope}|{Fingerprint(SecretParts())}";

    /// <inheritdoc />
    public override IReadOnlyList<string> Validate()
    {
        var problems = new List<string>(base.Validate());
        if (TokenAddress is null || !TokenAddress.IsAbsoluteUri || (TokenAddress.Scheme != Uri.UriSchemeHttps && TokenAddress.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"{nameof(TokenAddress)} must be an absolute http or https address");
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            problems.Add($"{nameof(ClientId)} is required");
        }

        if (string.IsNullOrEmpty(ClientSecret))
        {
            problems.Add($"{nameof(ClientSecret)} is required");
        }

        return problems;
    }

    /// <summary>Gets the secrets and settings that distinguish two credentials of one client (the secret, a user, a refresh token).</summary>
    /// <returns>The parts, fingerprinted into <see cref="CacheKey"/>.</returns>
    private protected virtual IEnumerable<string?> SecretParts()
    {
        yield return ClientSecret;
        yield return ClientAuthentication.ToString();
        foreach (var (name, value) in TokenRequestHeaders.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
        {
            yield return $"{name}={value}";
        }

        foreach (var (name, value) in TokenRequestParameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            yield return $"{name}={value}";
        }
    }

    private static string Fingerprint(IEnumerable<string?> parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts.Select(p => p ?? string.Empty))));
        return Convert.ToHexStringLower(hash)[..16];
    }
}

/// <summary>The OAuth2 grant a <see cref="PmsClientSecretCredential"/> uses.</summary>
public enum PmsClientSecretGrant
{
    /// <summary><c>grant_type=client_credentials</c>: the client acts for itself (RFC 6749 §4.4).</summary>
    ClientCredentials = 0,

    /// <summary><c>grant_type=password</c>: the client acts for an integration user whose name and password it sends (RFC 6749 §4.3); older environments of some vendors still require it.</summary>
    Password,
}

/// <summary>Settings of a <see cref="PmsClientSecretCredential"/>: OAuth2 client credentials, or the password grant.</summary>
public sealed class PmsClientSecretCredentialOptions : PmsOAuth2CredentialOptions
{
    /// <summary>Gets or sets the grant. Default <see cref="PmsClientSecretGrant.ClientCredentials"/>.</summary>
    public PmsClientSecretGrant Grant { get; set; } = PmsClientSecretGrant.ClientCredentials;

    /// <summary>Gets or sets the integration user's name; required for <see cref="PmsClientSecretGrant.Password"/>.</summary>
    public string? UserName { get; set; }

    /// <summary>Gets or sets the integration user's password; required for <see cref="PmsClientSecretGrant.Password"/>. Never logged.</summary>
    public string? Password { get; set; }

    /// <inheritdoc />
    public override IReadOnlyList<string> Validate()
    {
        var problems = new List<string>(base.Validate());
        if (Grant == PmsClientSecretGrant.Password)
        {
            if (string.IsNullOrWhiteSpace(UserName))
            {
                problems.Add($"{nameof(UserName)} is required for the password grant");
            }

            if (string.IsNullOrEmpty(Password))
            {
                problems.Add($"{nameof(Password)} is required for the password grant");
            }
        }
        else if (!Enum.IsDefined(Grant))
        {
            problems.Add($"{nameof(Grant)} must be ClientCredentials or Password");
        }

        return problems;
    }

    private protected override IEnumerable<string?> SecretParts() =>
        base.SecretParts().Concat([Grant.ToString(), UserName, Password]);
}

/// <summary>
/// Settings of a <see cref="PmsRefreshTokenCredential"/>: the OAuth2 authorization-code flow after the user's consent.
/// The application supplies the refresh token it holds (or, once, the authorization code and redirect address);
/// the credential keeps the access token fresh and reports a rotated refresh token through
/// <see cref="RefreshTokenRotated"/> so that the application can store it.
/// </summary>
public sealed class PmsRefreshTokenCredentialOptions : PmsOAuth2CredentialOptions
{
    /// <summary>Gets or sets the refresh token the application holds; required unless <see cref="AuthorizationCode"/> is set. Never logged.</summary>
    public string? RefreshToken { get; set; }

    /// <summary>
    /// Gets or sets an authorization code to exchange (<c>grant_type=authorization_code</c>) when there is no
    /// <see cref="RefreshToken"/> yet; codes are single use, so it is exchanged once and the refresh token received is
    /// used from then on (and reported through <see cref="RefreshTokenRotated"/>). Never logged.
    /// </summary>
    public string? AuthorizationCode { get; set; }

    /// <summary>Gets or sets the redirect address registered for the application; required with <see cref="AuthorizationCode"/>.</summary>
    public Uri? RedirectUri { get; set; }

    /// <summary>
    /// Gets or sets what is called when the token endpoint returns a new refresh token (rotation, or the first one after
    /// an authorization code): store it so that the next start uses it, as the previous one may no longer be accepted.
    /// It runs within the token request's timeout; if it fails, the failure is logged (without the token) and the
    /// credential keeps using the new token.
    /// </summary>
    public Func<string, CancellationToken, ValueTask>? RefreshTokenRotated { get; set; }

    /// <inheritdoc />
    public override IReadOnlyList<string> Validate()
    {
        var problems = new List<string>(base.Validate());
        if (string.IsNullOrEmpty(RefreshToken))
        {
            if (string.IsNullOrEmpty(AuthorizationCode))
            {
                problems.Add($"{nameof(RefreshToken)} (or {nameof(AuthorizationCode)} with {nameof(RedirectUri)}) is required");
            }
            else if (RedirectUri is null || !RedirectUri.IsAbsoluteUri)
            {
                problems.Add($"{nameof(RedirectUri)} must be an absolute address when {nameof(AuthorizationCode)} is set");
            }
        }

        return problems;
    }

    private protected override IEnumerable<string?> SecretParts() =>
        base.SecretParts().Concat([RefreshToken, AuthorizationCode, RedirectUri?.AbsoluteUri]);
}
