using System.Text;
using System.Web;
using Microsoft.Extensions.Primitives;

namespace HotelPlatform.Connectors.Events;

/// <summary>
/// One webhook delivery as it reached the host, independent of the web framework that took it in (the runtime has no
/// ASP.NET Core dependency; the webhook framework copies its request into this). Handed to the hotel's
/// <see cref="IPmsWebhookHandler"/>, which verifies and parses it.
/// </summary>
public sealed class PmsWebhookRequest
{
    private readonly IReadOnlyDictionary<string, StringValues> _headers = EmptyHeaders;
    private readonly string _queryString = string.Empty;
    private IReadOnlyDictionary<string, StringValues>? _query;

    private static readonly IReadOnlyDictionary<string, StringValues> EmptyHeaders = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the key of the hotel the delivery was addressed to (the endpoint it was posted to names it).</summary>
    public required string HotelId { get; init; }

    /// <summary>Gets the HTTP method, for example <c>POST</c>.</summary>
    public required string Method { get; init; }

    /// <summary>Gets the path the delivery was posted to, unescaped, without the query (for example <c>/webhooks/muc</c>); where a secret may travel as a segment.</summary>
    public required string Path { get; init; }

    /// <summary>Gets the query as received, with its leading <c>?</c>, or empty; where a secret may travel as a parameter.</summary>
    public string QueryString
    {
        get => _queryString;
        init
        {
            _queryString = value ?? string.Empty;
            _query = null;
        }
    }

    /// <summary>Gets the query parameters parsed from <see cref="QueryString"/>: names case-insensitive, values unescaped, a repeated name with each value.</summary>
    public IReadOnlyDictionary<string, StringValues> Query => _query ??= ParseQuery(_queryString);

    /// <summary>Gets the request headers; the names are compared case-insensitively whatever dictionary is given.</summary>
    public IReadOnlyDictionary<string, StringValues> Headers
    {
        get => _headers;
        init => _headers = value is null ? EmptyHeaders : new Dictionary<string, StringValues>(value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Gets the body, as sent.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>Gets the <c>Content-Type</c> header, for example <c>application/json</c> or <c>text/xml; charset=utf-8</c>.</summary>
    public string? ContentType { get; init; }

    /// <summary>Gets when the host received the delivery (from its <see cref="TimeProvider"/>), for replay windows where the vendor sends a timestamp.</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Gets a header's value, or <see langword="null"/> when it is absent; repeated values are joined with commas as HTTP allows.</summary>
    /// <param name="name">The header name (case-insensitive).</param>
    /// <returns>The value.</returns>
    public string? GetHeader(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _headers.TryGetValue(name, out var values) && values.Count > 0 ? values.ToString() : null;
    }

    /// <summary>Gets a query parameter that occurs exactly once, or <see langword="null"/> when it is absent or repeated (a repeated secret is ambiguous: refuse it rather than pick one).</summary>
    /// <param name="name">The parameter name (case-insensitive).</param>
    /// <returns>The value.</returns>
    public string? GetSingleQueryValue(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Query.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;
    }

    /// <summary>Decodes the body as UTF-8 text.</summary>
    /// <returns>The text.</returns>
    public string ReadBodyAsString() => Encoding.UTF8.GetString(Body.Span);

    private static Dictionary<string, StringValues> ParseQuery(string queryString)
    {
        var parsed = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        var collection = HttpUtility.ParseQueryString(queryString.StartsWith('?') ? queryString[1..] : queryString);
        foreach (var key in collection.AllKeys)
        {
            if (key is not null)
            {
                parsed[key] = new StringValues(collection.GetValues(key));
            }
        }

        return parsed;
    }
}
