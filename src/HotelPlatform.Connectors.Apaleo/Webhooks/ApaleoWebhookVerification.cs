using System.Security.Cryptography;
using System.Text;

namespace HotelPlatform.Connectors.Apaleo.Webhooks;

/// <summary>Where the secret token travels in the webhook URL.</summary>
public enum ApaleoUrlSecretLocation
{
    /// <summary>In a query parameter (<see cref="ApaleoWebhookVerificationOptions.UrlSecretQueryParameter"/>), for example <c>https://host/apaleo?token=...</c>.</summary>
    Query = 0,

    /// <summary>As the last path segment, for example <c>https://host/webhooks/apaleo/&lt;token&gt;</c>.</summary>
    LastPathSegment = 1,
}

/// <summary>
/// How an Apaleo webhook endpoint authenticates deliveries. Apaleo signs nothing (no HMAC, no signature header); its
/// guidance is an HTTPS endpoint, HTTP basic authentication and a secret unique token appended to the endpoint URL, plus
/// an allow-list of Apaleo's outbound addresses at the network edge. Configure basic authentication, a URL secret, or
/// both; every configured check must pass.
/// </summary>
public sealed class ApaleoWebhookVerificationOptions
{
    /// <summary>The shortest URL secret accepted, so that the token cannot be guessed.</summary>
    public const int MinimumUrlSecretLength = 16;

    /// <summary>Gets or sets the user name Apaleo must present with HTTP basic authentication, or <see langword="null"/> to not require basic authentication.</summary>
    public string? BasicAuthUserName { get; set; }

    /// <summary>Gets or sets the password Apaleo must present with HTTP basic authentication.</summary>
    public string? BasicAuthPassword { get; set; }

    /// <summary>Gets or sets the secret token the webhook URL must carry, or <see langword="null"/> to not require one (at least <see cref="MinimumUrlSecretLength"/> characters).</summary>
    public string? UrlSecret { get; set; }

    /// <summary>Gets or sets where the URL secret travels.</summary>
    public ApaleoUrlSecretLocation UrlSecretLocation { get; set; } = ApaleoUrlSecretLocation.Query;

    /// <summary>Gets or sets the query parameter carrying the URL secret when <see cref="UrlSecretLocation"/> is <see cref="ApaleoUrlSecretLocation.Query"/>.</summary>
    public string UrlSecretQueryParameter { get; set; } = "token";
}

/// <summary>The outcome of <see cref="ApaleoWebhookVerifier.Verify"/>.</summary>
/// <param name="Succeeded">Whether every configured check passed.</param>
/// <param name="FailureReason">Why verification failed; never quotes a credential or token.</param>
public sealed record ApaleoWebhookVerificationResult(bool Succeeded, string? FailureReason)
{
    /// <summary>Gets the successful result.</summary>
    public static ApaleoWebhookVerificationResult Success { get; } = new(true, null);

    /// <summary>A failed result.</summary>
    /// <param name="reason">Why, without secrets.</param>
    /// <returns>The result.</returns>
    public static ApaleoWebhookVerificationResult Failure(string reason) => new(false, reason);
}

/// <summary>
/// Authenticates Apaleo webhook deliveries by the means Apaleo supports — HTTP basic authentication and a secret token
/// in the URL — comparing in constant time (<see cref="CryptographicOperations.FixedTimeEquals"/> over SHA-256 digests,
/// so neither the content nor the length of a secret leaks through timing). Thread-safe; create one per endpoint.
/// </summary>
public sealed class ApaleoWebhookVerifier
{
    private readonly byte[]? userNameDigest;
    private readonly byte[]? passwordDigest;
    private readonly byte[]? urlSecretDigest;
    private readonly ApaleoUrlSecretLocation urlSecretLocation;
    private readonly string urlSecretQueryParameter;

    /// <summary>Initializes a new instance of the <see cref="ApaleoWebhookVerifier"/> class.</summary>
    /// <param name="options">The expected credentials and token; copied, so later changes to the instance do not apply.</param>
    /// <exception cref="ArgumentException">Nothing is configured to check, basic authentication is half configured, or the URL secret is too short.</exception>
    public ApaleoWebhookVerifier(ApaleoWebhookVerificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hasUser = !string.IsNullOrEmpty(options.BasicAuthUserName);
        var hasPassword = !string.IsNullOrEmpty(options.BasicAuthPassword);
        if (hasUser != hasPassword)
        {
            throw new ArgumentException(
                $"Set both {nameof(options.BasicAuthUserName)} and {nameof(options.BasicAuthPassword)} to require HTTP basic authentication, or neither.",
                nameof(options));
        }

        if (options.UrlSecret is not null && (string.IsNullOrWhiteSpace(options.UrlSecret) || options.UrlSecret.Length < ApaleoWebhookVerificationOptions.MinimumUrlSecretLength))
        {
            throw new ArgumentException(
                $"{nameof(options.UrlSecret)} must be at least {ApaleoWebhookVerificationOptions.MinimumUrlSecretLength} characters so that it cannot be guessed.",
                nameof(options));
        }

        if (!hasUser && options.UrlSecret is null)
        {
            throw new ArgumentException(
                $"Apaleo does not sign webhook deliveries: configure HTTP basic authentication ({nameof(options.BasicAuthUserName)}/{nameof(options.BasicAuthPassword)}) and/or a {nameof(options.UrlSecret)}.",
                nameof(options));
        }

        if (options.UrlSecret is not null && options.UrlSecretLocation == ApaleoUrlSecretLocation.Query && string.IsNullOrWhiteSpace(options.UrlSecretQueryParameter))
        {
            throw new ArgumentException($"{nameof(options.UrlSecretQueryParameter)} must name the query parameter that carries the URL secret.", nameof(options));
        }

        if (!Enum.IsDefined(options.UrlSecretLocation))
        {
            throw new ArgumentException($"{nameof(options.UrlSecretLocation)} has an unknown value.", nameof(options));
        }

        userNameDigest = hasUser ? Digest(options.BasicAuthUserName!) : null;
        passwordDigest = hasPassword ? Digest(options.BasicAuthPassword!) : null;
        urlSecretDigest = options.UrlSecret is null ? null : Digest(options.UrlSecret);
        urlSecretLocation = options.UrlSecretLocation;
        urlSecretQueryParameter = options.UrlSecretQueryParameter;
    }

    /// <summary>Checks a delivery's URL and <c>Authorization</c> header against every configured check.</summary>
    /// <param name="requestUri">The full URL the delivery was posted to (with its query).</param>
    /// <param name="authorizationHeader">The <c>Authorization</c> header, or <see langword="null"/>.</param>
    /// <returns>The result; a failure says which check failed, never with what.</returns>
    public ApaleoWebhookVerificationResult Verify(Uri requestUri, string? authorizationHeader)
    {
        ArgumentNullException.ThrowIfNull(requestUri);
        if (userNameDigest is not null && passwordDigest is not null)
        {
            if (!TryReadBasicCredentials(authorizationHeader, out var user, out var password))
            {
                return ApaleoWebhookVerificationResult.Failure("The delivery carries no valid HTTP basic Authorization header.");
            }

            // Both comparisons always run (no short-circuit), so timing does not tell which one failed.
            var userMatches = CryptographicOperations.FixedTimeEquals(Digest(user), userNameDigest);
            var passwordMatches = CryptographicOperations.FixedTimeEquals(Digest(password), passwordDigest);
            if (!(userMatches & passwordMatches))
            {
                return ApaleoWebhookVerificationResult.Failure("The HTTP basic credentials do not match.");
            }
        }

        if (urlSecretDigest is not null)
        {
            var presented = urlSecretLocation == ApaleoUrlSecretLocation.Query
                ? ReadQueryValue(requestUri, urlSecretQueryParameter)
                : ReadLastPathSegment(requestUri);
            if (presented is null)
            {
                return ApaleoWebhookVerificationResult.Failure(urlSecretLocation == ApaleoUrlSecretLocation.Query
                    ? $"The URL carries no single '{urlSecretQueryParameter}' query parameter."
                    : "The URL has no path segment to carry the secret.");
            }

            if (!CryptographicOperations.FixedTimeEquals(Digest(presented), urlSecretDigest))
            {
                return ApaleoWebhookVerificationResult.Failure("The URL secret does not match.");
            }
        }

        return ApaleoWebhookVerificationResult.Success;
    }

    private static byte[] Digest(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));

    private static bool TryReadBasicCredentials(string? header, out string user, out string password)
    {
        user = password = string.Empty;
        const string scheme = "Basic ";
        if (header is null || !header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var encoded = header.AsSpan(scheme.Length).Trim();
        var buffer = new byte[(encoded.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64Chars(encoded, buffer, out var written))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(buffer, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }

        // RFC 7617: the user-id cannot contain a colon, the password can; split at the first one.
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        user = decoded[..colon];
        password = decoded[(colon + 1)..];
        return true;
    }

    private static string? ReadQueryValue(Uri uri, string name)
    {
        if (!uri.IsAbsoluteUri || uri.Query.Length <= 1)
        {
            return null;
        }

        string? found = null;
        foreach (var pair in uri.Query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Unescape(equals < 0 ? pair : pair[..equals]);
            if (!string.Equals(key, name, StringComparison.Ordinal))
            {
                continue;
            }

            if (found is not null)
            {
                return null; // the parameter twice: ambiguous, refuse rather than pick one
            }

            found = equals < 0 ? string.Empty : Unescape(pair[(equals + 1)..]);
        }

        return string.IsNullOrEmpty(found) ? null : found;
    }

    private static string? ReadLastPathSegment(Uri uri)
    {
        var path = uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?', 2)[0];
        var last = path.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        return string.IsNullOrEmpty(last) ? null : Unescape(last);
    }

    private static string Unescape(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
