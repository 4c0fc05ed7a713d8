using System.Text;
using HotelPlatform.Connectors.Events;

namespace HotelPlatform.Connectors.Apaleo.Webhooks;

/// <summary>
/// Authenticates Apaleo webhook deliveries by the means Apaleo supports — HTTP basic authentication and a secret token
/// in the URL — comparing in constant time (<see cref="PmsWebhookSecret"/>). Thread-safe; made from a snapshot of the
/// options, so later changes to that instance do not apply.
/// </summary>
internal sealed class ApaleoWebhookVerifier
{
    private readonly PmsWebhookSecret? _userName;
    private readonly PmsWebhookSecret? _password;
    private readonly PmsWebhookSecret? _urlSecret;
    private readonly ApaleoUrlSecretLocation _urlSecretLocation;
    private readonly string _urlSecretQueryParameter;

    /// <summary>Initializes a new instance of the <see cref="ApaleoWebhookVerifier"/> class.</summary>
    /// <param name="options">The expected credentials and token.</param>
    /// <exception cref="ArgumentException">Nothing is configured to check, or the settings are unusable (<see cref="ApaleoWebhookOptions.Problems"/>).</exception>
    public ApaleoWebhookVerifier(ApaleoWebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Problems().FirstOrDefault() is { Setting: not null } problem)
        {
            throw new ArgumentException($"Webhook:{problem.Setting} {problem.Problem}.", nameof(options));
        }

        if (!options.ChecksAnything)
        {
            throw new ArgumentException(
                $"Apaleo does not sign webhook deliveries: configure HTTP basic authentication ({nameof(options.BasicAuthUserName)}/{nameof(options.BasicAuthPassword)}) and/or a {nameof(options.UrlSecret)}.",
                nameof(options));
        }

        _userName = string.IsNullOrEmpty(options.BasicAuthUserName) ? null : new PmsWebhookSecret(options.BasicAuthUserName);
        _password = string.IsNullOrEmpty(options.BasicAuthPassword) ? null : new PmsWebhookSecret(options.BasicAuthPassword);
        _urlSecret = options.UrlSecret is null ? null : new PmsWebhookSecret(options.UrlSecret);
        _urlSecretLocation = options.UrlSecretLocation;
        _urlSecretQueryParameter = options.UrlSecretQueryParameter;
    }

    /// <summary>Checks a delivery's URL and <c>Authorization</c> header against every configured check.</summary>
    /// <param name="request">The delivery.</param>
    /// <returns><see langword="null"/> when every check passed; otherwise which check failed (for the operator's log), never with what.</returns>
    public string? Verify(PmsWebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_userName is not null && _password is not null)
        {
            if (!TryReadBasicCredentials(request.GetHeader("Authorization"), out var user, out var password))
            {
                return "The delivery carries no valid HTTP basic Authorization header.";
            }

            // Both comparisons always run (no short-circuit), so timing does not tell which one failed.
            if (!(_userName.Matches(user) & _password.Matches(password)))
            {
                return "The HTTP basic credentials do not match.";
            }
        }

        if (_urlSecret is not null)
        {
            var presented = _urlSecretLocation == ApaleoUrlSecretLocation.Query
                ? request.GetSingleQueryValue(_urlSecretQueryParameter) is { Length: > 0 } value ? value : null
                : request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
            if (presented is null)
            {
                return _urlSecretLocation == ApaleoUrlSecretLocation.Query
                    ? $"The URL carries no single '{_urlSecretQueryParameter}' query parameter."
                    : "The URL has no path segment to carry the secret.";
            }

            if (!_urlSecret.Matches(presented))
            {
                return "The URL secret does not match.";
            }
        }

        return null;
    }

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
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(buffer);
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
}
