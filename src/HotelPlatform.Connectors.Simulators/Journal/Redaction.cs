using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HotelPlatform.Connectors.Simulators;

/// <summary>How the simulator masks secrets in what it records (journal, webhook deliveries), so the dashboard and test output never show them.</summary>
public static class Redaction
{
    /// <summary>The text that replaces a secret.</summary>
    public const string Mask = "[redacted]";

    /// <summary>Masks a header value, keeping an authentication scheme (<c>Bearer [redacted]</c>) so tests can still see which scheme was used.</summary>
    /// <param name="value">The header value.</param>
    /// <returns>The masked value.</returns>
    public static string MaskHeaderValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        int space = value.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && IsScheme(value.AsSpan(0, space))
            ? string.Concat(value.AsSpan(0, space + 1), Mask)
            : Mask;
    }

    /// <summary>Masks the values of the named fields of an <c>application/x-www-form-urlencoded</c> body, leaving the rest as sent.</summary>
    /// <param name="body">The form body.</param>
    /// <param name="fields">The field names to mask (compared with the set's comparer).</param>
    /// <returns>The masked body.</returns>
    public static string MaskFormFields(string body, ISet<string> fields)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Count == 0 || body.Length == 0)
        {
            return body;
        }

        var builder = new StringBuilder(body.Length);
        foreach (string pair in body.Split('&'))
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            string name = Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' '));
            builder.Append(equals >= 0 && fields.Contains(name) ? string.Concat(pair.AsSpan(0, equals + 1), Uri.EscapeDataString(Mask)) : pair);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Masks the text of the named XML elements (by local name, whatever their prefix: <c>wsse:Password</c>), leaving the
    /// rest as sent. Works on text, not a parsed document, so a truncated or malformed body is masked too.
    /// </summary>
    /// <param name="body">The XML body.</param>
    /// <param name="localNames">The element local names to mask.</param>
    /// <returns>The masked body.</returns>
    public static string MaskXmlElements(string body, ISet<string> localNames)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(localNames);
        foreach (string name in localNames)
        {
            string escaped = System.Text.RegularExpressions.Regex.Escape(name);
            body = System.Text.RegularExpressions.Regex.Replace(
                body,
                $@"(<(?:[\w.-]+:)?{escaped}(?:\s[^>]*)?>)[^<]*(</(?:[\w.-]+:)?{escaped}\s*>)",
                m => m.Groups[1].Value + Mask + m.Groups[2].Value,
                System.Text.RegularExpressions.RegexOptions.CultureInvariant,
                TimeSpan.FromSeconds(1));
        }

        return body;
    }

    /// <summary>Masks the string values of the named properties anywhere in a JSON document. Returns the body unchanged when nothing matched or it is not JSON.</summary>
    /// <param name="body">The JSON body.</param>
    /// <param name="properties">The property names to mask (compared with the set's comparer).</param>
    /// <returns>The masked body.</returns>
    public static string MaskJsonProperties(string body, ISet<string> properties)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(properties);
        if (properties.Count == 0 || body.Length == 0)
        {
            return body;
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return body;
        }

        // Re-serialising changes formatting, so only do it when a secret was actually found.
        return Mask(root, properties) ? root!.ToJsonString() : body;

        static bool Mask(JsonNode? node, ISet<string> names)
        {
            bool changed = false;
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (name, value) in obj.ToList())
                    {
                        if (names.Contains(name) && value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                        {
                            obj[name] = Redaction.Mask;
                            changed = true;
                        }
                        else
                        {
                            changed |= Mask(value, names);
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (JsonNode? item in array)
                    {
                        changed |= Mask(item, names);
                    }

                    break;
            }

            return changed;
        }
    }

    private static bool IsScheme(ReadOnlySpan<char> candidate)
    {
        foreach (char c in candidate)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_' and not '.')
            {
                return false;
            }
        }

        return true;
    }
}
