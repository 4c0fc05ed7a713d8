using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HotelPlatform.Connectors.Paging;

/// <summary>
/// The opaque continuation tokens of <see cref="PmsPager"/>: where the next page starts (a page number, an offset or
/// the vendor's cursor) bound to the listing it belongs to (a scope: vendor, property and query), so that a token
/// handed to another query is refused with a clear error instead of silently reading the wrong pages.
/// </summary>
/// <remarks>Format: base64url of <c>v1|{scope hash}|{kind}|{position}</c>. Not a secret and not signed: it carries a position, never a credential.</remarks>
public static class PmsContinuationToken
{
    private const string Version = "v1";

    /// <summary>Makes a token.</summary>
    /// <param name="scope">What the listing is (vendor, property, query); compared, hashed, on resume.</param>
    /// <param name="kind">The pager's kind (<c>page</c>, <c>offset</c>, <c>cursor</c>).</param>
    /// <param name="position">Where the next page starts.</param>
    /// <returns>The token.</returns>
    public static string Create(string scope, string kind, string position)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(position);
        var text = string.Join('|', Version, ScopeHash(scope), kind, position);
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Reads a token made by <see cref="Create"/> for the same scope and kind.</summary>
    /// <param name="token">The token.</param>
    /// <param name="scope">The listing's scope.</param>
    /// <param name="kind">The pager's kind.</param>
    /// <returns>The position.</returns>
    /// <exception cref="ArgumentException">The token is malformed, or belongs to another listing or pager.</exception>
    public static string Read(string token, string scope, string kind)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(scope);
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.AsSpan().Trim()));
        }
        catch (FormatException ex)
        {
            throw new ArgumentException("The continuation token is malformed (not one this SDK issued).", nameof(token), ex);
        }

        var parts = text.Split('|', 4);
        if (parts.Length != 4 || parts[0] != Version)
        {
            throw new ArgumentException("The continuation token is malformed (not one this SDK issued).", nameof(token));
        }

        if (parts[1] != ScopeHash(scope) || parts[2] != kind)
        {
            throw new ArgumentException("The continuation token belongs to another listing (another query, property or connector); resume with the query it was issued for.", nameof(token));
        }

        return parts[3];
    }

    /// <summary>Reads a page number or offset position.</summary>
    internal static int ReadNumber(string token, string scope, string kind, int minimum)
    {
        var position = Read(token, scope, kind);
        return int.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= minimum
            ? number
            : throw new ArgumentException("The continuation token is malformed (its position is not a valid number).", nameof(token));
    }

    private static string ScopeHash(string scope) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scope)).AsSpan(0, 8));
}
