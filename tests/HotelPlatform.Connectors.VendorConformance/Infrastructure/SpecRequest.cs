using HotelPlatform.Connectors.Simulators;

namespace HotelPlatform.Connectors.VendorConformance;

/// <summary>A request as a connector sent it, in the form <see cref="OpenApiSpec.ValidateRequest(SpecRequest)"/> checks.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path (unescaped), including any API base path (<c>/api/v1.3/getReservations</c>).</param>
public sealed record SpecRequest(string Method, string Path)
{
    /// <summary>Gets the decoded query parameters, in order; repeated parameters appear once per value.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];

    /// <summary>Gets the headers (names case-insensitive).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the body, or <see langword="null"/> when there was none.</summary>
    public string? Body { get; init; }

    /// <summary>Gets the <c>Content-Type</c>, or <see langword="null"/>.</summary>
    public string? ContentType { get; init; }

    /// <summary>Builds a request from a method, a path with query, and an optional JSON body.</summary>
    /// <param name="method">The method.</param>
    /// <param name="pathAndQuery">The path and query, such as <c>/booking/v1/offers?propertyId=MUC&amp;adults=2</c>.</param>
    /// <param name="body">The body, or <see langword="null"/>.</param>
    /// <param name="contentType">The body's content type; <c>application/json</c> when a body is given.</param>
    /// <returns>The request.</returns>
    public static SpecRequest Create(string method, string pathAndQuery, string? body = null, string? contentType = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentException.ThrowIfNullOrEmpty(pathAndQuery);
        int question = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        string path = question < 0 ? pathAndQuery : pathAndQuery[..question];
        return new SpecRequest(method.ToUpperInvariant(), Uri.UnescapeDataString(path))
        {
            Query = question < 0 ? [] : ParseQuery(pathAndQuery[question..]),
            Body = body,
            ContentType = body is null ? contentType : contentType ?? "application/json",
        };
    }

    /// <summary>Builds a request from what a simulator journaled (secrets there are masked, which does not change their types).</summary>
    /// <param name="recorded">The journal entry.</param>
    /// <returns>The request.</returns>
    public static SpecRequest From(RecordedRequest recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return new SpecRequest(recorded.Method, recorded.Path)
        {
            Query = recorded.Query,
            Headers = recorded.Headers,
            Body = recorded.Body.Length == 0 ? null : recorded.Body,
            ContentType = recorded.ContentType,
        };
    }

    /// <summary>Builds a request from an outgoing <see cref="HttpRequestMessage"/> (captured by a <see cref="DelegatingHandler"/>, for example).</summary>
    /// <param name="message">The message; its content is read, so buffer it first if it is still to be sent.</param>
    /// <param name="cancellationToken">A token that cancels reading the body.</param>
    /// <returns>The request.</returns>
    public static async Task<SpecRequest> FromAsync(HttpRequestMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        Uri uri = message.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(message));
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in message.Headers.Concat(message.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
        {
            headers[header.Key] = string.Join(", ", header.Value);
        }

        string path = uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?')[0];
        string query = uri.IsAbsoluteUri ? uri.Query : (uri.OriginalString.Contains('?', StringComparison.Ordinal) ? uri.OriginalString[uri.OriginalString.IndexOf('?', StringComparison.Ordinal)..] : string.Empty);
        return new SpecRequest(message.Method.Method, Uri.UnescapeDataString(path))
        {
            Query = ParseQuery(query),
            Headers = headers,
            Body = message.Content is null ? null : await message.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false),
            ContentType = message.Content?.Headers.ContentType?.ToString(),
        };
    }

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Path}";

    internal static List<KeyValuePair<string, string>> ParseQuery(string query)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (string pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            pairs.Add(new(
                Unescape(equals < 0 ? pair : pair[..equals]),
                Unescape(equals < 0 ? string.Empty : pair[(equals + 1)..])));
        }

        return pairs;

        static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
    }
}
