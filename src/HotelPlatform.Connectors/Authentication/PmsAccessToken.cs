namespace HotelPlatform.Connectors.Authentication;

/// <summary>
/// A secret a <see cref="PmsTokenCredential"/> obtained: an access token and when it expires. Its
/// <see cref="ToString"/> never shows the value, so a token that ends up in a log line or an exception message by
/// accident is not exposed.
/// </summary>
public sealed class PmsAccessToken
{
    /// <summary>Initializes a new instance of the <see cref="PmsAccessToken"/> class.</summary>
    /// <param name="value">The token as it is sent to the vendor.</param>
    /// <param name="expiresAt">When the issuer says it expires.</param>
    public PmsAccessToken(string value, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        Value = value;
        ExpiresAt = expiresAt;
    }

    /// <summary>Gets the token as it is sent to the vendor. Never log it.</summary>
    public string Value { get; }

    /// <summary>Gets when the issuer says the token expires.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>Returns a description without the token's value.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{PmsRedaction.SecretPlaceholder} (expires {ExpiresAt:O})";
}
