using System.Text.RegularExpressions;

namespace HotelPlatform.Connectors;

/// <summary>
/// Scrubs personal data and secrets out of free text before it reaches an exception message, a log line or a health
/// report: e-mail addresses, phone numbers, bearer/basic credentials, JSON web tokens and the values of secret-bearing
/// parameters (<c>client_secret=</c>, <c>access_token=</c>, <c>"AccessToken": "..."</c>, ...). Vendor error messages often
/// echo the request ("Guest jane@example.com already exists"), so every vendor message goes through
/// <see cref="Scrub"/> before the runtime or a connector puts it into a <see cref="PmsException"/>.
/// </summary>
/// <remarks>
/// The patterns err on the side of removing too much: a numeric identifier that looks like a national phone number
/// (leading 0, eight or more digits) is scrubbed too. Dates, amounts and ordinary identifiers are kept. When a pattern
/// takes too long on hostile input the whole text is replaced, so a failure never leaks what it could not inspect.
/// </remarks>
public static partial class PmsRedaction
{
    /// <summary>Replaces an e-mail address.</summary>
    public const string EmailPlaceholder = "[email]";

    /// <summary>Replaces a phone number.</summary>
    public const string PhonePlaceholder = "[phone]";

    /// <summary>Replaces a secret, a token or a credential.</summary>
    public const string SecretPlaceholder = "[secret]";

    /// <summary>Replaces a whole text that could not be inspected.</summary>
    public const string RedactedPlaceholder = "[redacted]";

    /// <summary>The longest text kept; longer text is cut, so that a vendor's echo of a whole request body cannot flood a message.</summary>
    public const int MaxLength = 1_000;

    // A guard against a pathological input, not a speed goal: the patterns are linear over at most MaxLength characters.
    // The clock is the wall clock, so a thread descheduled on a loaded machine counts against it; 200 ms failed an
    // Apaleo call on a busy CI machine ("The Regex engine has timed out"), hence two seconds.
    private const int MatchTimeoutMilliseconds = 2_000;

    // Key/value pairs whose value is a secret: query strings and form bodies (key=value), JSON ("key": "value"),
    // cookies and headers (key: value). The key list covers the OAuth2 vocabulary and the vendors' own names
    // (Mews ClientToken/AccessToken, Cloudbeds x-api-key, OPERA x-app-key).
    [GeneratedRegex(
        """(?<key>\b(?:client_secret|clientsecret|access_token|accesstoken|refresh_token|refreshtoken|id_token|client_token|clienttoken|api_key|apikey|x-api-key|x-app-key|password|secret|token)\b)(?<sep>"?\s*[:=]\s*"?)(?<value>[^\s"'&,;}\]]+)""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: MatchTimeoutMilliseconds)]
    private static partial Regex SecretPairPattern();

    [GeneratedRegex(
        """\b(?<scheme>Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: MatchTimeoutMilliseconds)]
    private static partial Regex CredentialPattern();

    [GeneratedRegex(
        """\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*""",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: MatchTimeoutMilliseconds)]
    private static partial Regex JwtPattern();

    [GeneratedRegex(
        """[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}""",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: MatchTimeoutMilliseconds)]
    private static partial Regex EmailPattern();

    // International (+49 30 1234567), national with trunk prefix (030 1234567, 0171-1234567, 030/123456) and North
    // American ((555) 123-4567, 555.123.4567) forms. ISO dates (2025-01-15) and plain identifiers (123456789) do not match.
    [GeneratedRegex(
        """(?<![\w+])\+\d(?:[\s().\-/]{0,2}\d){6,14}(?!\w)|(?<![\w\-./])\(?0\d(?:[\s().\-/]?\d){6,12}(?![\w\-])|(?<![\w\-./])\(?\d{3}\)?[\s.\-]\d{3}[\s.\-]\d{4}(?![\w\-])""",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: MatchTimeoutMilliseconds)]
    private static partial Regex PhonePattern();

    /// <summary>Returns <paramref name="text"/> with personal data and secrets replaced by placeholders.</summary>
    /// <param name="text">The text, typically a vendor's error message.</param>
    /// <returns>The scrubbed text; empty for <see langword="null"/>.</returns>
    public static string Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var result = text.Length > MaxLength ? text[..MaxLength] + "…" : text;
        try
        {
            // Order matters: credentials and key/value secrets first, so that a token containing '@' or digits is
            // replaced whole rather than in pieces by the e-mail or phone patterns.
            result = CredentialPattern().Replace(result, m => $"{m.Groups["scheme"].Value} {SecretPlaceholder}");
            result = SecretPairPattern().Replace(result, m => $"{m.Groups["key"].Value}{m.Groups["sep"].Value}{SecretPlaceholder}");
            result = JwtPattern().Replace(result, SecretPlaceholder);
            result = EmailPattern().Replace(result, EmailPlaceholder);
            result = PhonePattern().Replace(result, PhonePlaceholder);
            return result;
        }
        catch (RegexMatchTimeoutException)
        {
            return RedactedPlaceholder;
        }
    }

    /// <summary>
    /// Returns the path of <paramref name="uri"/> fit for a log line: no scheme, host, user information, query or
    /// fragment, percent-decoding undone, and <see cref="Scrub"/> applied (a path such as
    /// <c>/guests/by-email/jane%40example.com</c> becomes <c>/guests/by-email/[email]</c>).
    /// </summary>
    /// <param name="uri">The request address; relative addresses are accepted.</param>
    /// <returns>The scrubbed path; <c>/</c> for <see langword="null"/>.</returns>
    public static string ScrubPath(Uri? uri)
    {
        if (uri is null)
        {
            return "/";
        }

        string path;
        if (uri.IsAbsoluteUri)
        {
            path = uri.AbsolutePath;
        }
        else
        {
            var original = uri.OriginalString;
            var end = original.AsSpan().IndexOfAny('?', '#');
            path = end < 0 ? original : original[..end];
        }

        try
        {
            path = Uri.UnescapeDataString(path);
        }
        catch (UriFormatException)
        {
            // Keep the escaped form; the scrubber still runs over it.
        }

        return Scrub(path.Length == 0 ? "/" : path);
    }
}
