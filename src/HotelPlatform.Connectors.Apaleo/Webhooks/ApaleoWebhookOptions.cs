namespace HotelPlatform.Connectors.Apaleo.Webhooks;

/// <summary>Where the secret token travels in the webhook URL.</summary>
public enum ApaleoUrlSecretLocation
{
    /// <summary>In a query parameter (<see cref="ApaleoWebhookOptions.UrlSecretQueryParameter"/>), for example <c>https://host/webhooks/muc?token=...</c>.</summary>
    Query = 0,

    /// <summary>As the last path segment, for example <c>https://host/webhooks/muc/&lt;token&gt;</c>.</summary>
    LastPathSegment = 1,
}

/// <summary>
/// How the hotel's webhook endpoint authenticates Apaleo's deliveries (<see cref="ApaleoOptions.Webhook"/>, section
/// <c>Webhook</c> in configuration). Apaleo signs nothing (no HMAC, no signature header); its guidance is an HTTPS
/// endpoint, HTTP basic authentication and a secret unique token appended to the endpoint URL, plus an allow-list of
/// Apaleo's outbound addresses at the network edge. Configure basic authentication, a URL secret, or both; every
/// configured check must pass. With neither, every delivery is rejected: an unprotected endpoint would accept anyone's
/// events.
/// </summary>
public sealed class ApaleoWebhookOptions
{
    /// <summary>The shortest URL secret accepted, so that the token cannot be guessed.</summary>
    public const int MinimumUrlSecretLength = 16;

    /// <summary>Gets or sets the user name Apaleo must present with HTTP basic authentication, or <see langword="null"/> to not require basic authentication.</summary>
    public string? BasicAuthUserName { get; set; }

    /// <summary>Gets or sets the password Apaleo must present with HTTP basic authentication. Never logged.</summary>
    public string? BasicAuthPassword { get; set; }

    /// <summary>Gets or sets the secret token the webhook URL must carry, or <see langword="null"/> to not require one (at least <see cref="MinimumUrlSecretLength"/> characters). Never logged.</summary>
    public string? UrlSecret { get; set; }

    /// <summary>Gets or sets where the URL secret travels.</summary>
    public ApaleoUrlSecretLocation UrlSecretLocation { get; set; } = ApaleoUrlSecretLocation.Query;

    /// <summary>Gets or sets the query parameter carrying the URL secret when <see cref="UrlSecretLocation"/> is <see cref="ApaleoUrlSecretLocation.Query"/> (names compare case-insensitively).</summary>
    public string UrlSecretQueryParameter { get; set; } = "token";

    /// <summary>Gets a value indicating whether anything is configured to check.</summary>
    internal bool ChecksAnything => !string.IsNullOrEmpty(BasicAuthUserName) || !string.IsNullOrEmpty(BasicAuthPassword) || UrlSecret is not null;

    /// <summary>Lists what is wrong with the settings, each as (setting, problem); empty when they can be used.</summary>
    /// <returns>The problems.</returns>
    internal IEnumerable<(string Setting, string Problem)> Problems()
    {
        if (string.IsNullOrEmpty(BasicAuthUserName) != string.IsNullOrEmpty(BasicAuthPassword))
        {
            yield return (string.IsNullOrEmpty(BasicAuthUserName) ? nameof(BasicAuthUserName) : nameof(BasicAuthPassword),
                $"must be set together with {(string.IsNullOrEmpty(BasicAuthUserName) ? nameof(BasicAuthPassword) : nameof(BasicAuthUserName))} to require HTTP basic authentication, or neither");
        }

        if (UrlSecret is not null && (string.IsNullOrWhiteSpace(UrlSecret) || UrlSecret.Length < MinimumUrlSecretLength))
        {
            yield return (nameof(UrlSecret), $"must be at least {MinimumUrlSecretLength} characters so that it cannot be guessed");
        }

        if (!Enum.IsDefined(UrlSecretLocation))
        {
            yield return (nameof(UrlSecretLocation), "has an unknown value (Query or LastPathSegment)");
        }
        else if (UrlSecret is not null && UrlSecretLocation == ApaleoUrlSecretLocation.Query && string.IsNullOrWhiteSpace(UrlSecretQueryParameter))
        {
            yield return (nameof(UrlSecretQueryParameter), "must name the query parameter that carries the URL secret");
        }
    }
}
