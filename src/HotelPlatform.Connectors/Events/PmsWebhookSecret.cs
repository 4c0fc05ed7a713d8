using System.Security.Cryptography;
using System.Text;

namespace HotelPlatform.Connectors.Events;

/// <summary>
/// A secret a webhook delivery must present (a token in the URL, a basic-authentication password), compared in
/// constant time: both sides are reduced to SHA-256 digests and compared with
/// <see cref="CryptographicOperations.FixedTimeEquals"/>, so neither the content nor the length of the secret leaks
/// through timing. Keeps only the digest; <see cref="ToString"/> never shows the secret. Thread-safe.
/// </summary>
public sealed class PmsWebhookSecret
{
    private readonly byte[] _digest;

    /// <summary>Initializes a new instance of the <see cref="PmsWebhookSecret"/> class.</summary>
    /// <param name="secret">The expected secret; not empty.</param>
    public PmsWebhookSecret(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        _digest = Digest(secret);
    }

    /// <summary>Tells whether a presented value is the secret.</summary>
    /// <param name="presented">The value the delivery carried, or <see langword="null"/> when it carried none.</param>
    /// <returns><see langword="true"/> when it matches.</returns>
    public bool Matches(string? presented) =>
        // A missing value is still digested and compared, so that "absent" and "wrong" take the same time.
        CryptographicOperations.FixedTimeEquals(Digest(presented ?? string.Empty), _digest);

    /// <summary>Returns a placeholder; the secret is never shown.</summary>
    /// <returns><c>***</c>.</returns>
    public override string ToString() => "***";

    private static byte[] Digest(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
