using System.Text.Json.Nodes;

namespace HotelPlatform.Connectors.Simulators;

/// <summary>
/// One request the simulator received, as the connector sent it (secrets masked), and what became of it. Recorded when
/// the request arrives, before the vendor handler runs, so a test that awaited its HTTP call always finds it.
/// </summary>
public sealed class RecordedRequest
{
    private RecordedResponse? _response;
    private RecordedResponse? _withheldResponse;
    private int _fault = -1;
    private volatile bool _rateLimited;
    private volatile bool _isCompleted;

    internal RecordedRequest(
        long sequence,
        DateTimeOffset receivedAt,
        string method,
        string path,
        string queryString,
        IReadOnlyList<KeyValuePair<string, string>> query,
        IReadOnlyDictionary<string, string> headers,
        string? contentType,
        string body,
        bool bodyTruncated)
    {
        Sequence = sequence;
        ReceivedAt = receivedAt;
        Method = method;
        Path = path;
        QueryString = queryString;
        Query = query;
        Headers = headers;
        ContentType = contentType;
        Body = body;
        BodyTruncated = bodyTruncated;
    }

    /// <summary>Gets the position of the request in arrival order, starting at 1; stable across journal trimming.</summary>
    public long Sequence { get; }

    /// <summary>Gets when the request arrived, on the simulator's clock.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>Gets the HTTP method (<c>GET</c>, <c>POST</c>, ...).</summary>
    public string Method { get; }

    /// <summary>Gets the path, unescaped (<c>/booking/v1/bookings</c>).</summary>
    public string Path { get; }

    /// <summary>Gets the raw query string including the leading <c>?</c>, or an empty string.</summary>
    public string QueryString { get; }

    /// <summary>Gets the decoded query parameters in the order they were sent; a repeated parameter appears once per value.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; }

    /// <summary>Gets the request headers (names case-insensitive, repeated values joined by <c>", "</c>), secrets masked.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>Gets the <c>Content-Type</c> header, or <see langword="null"/>.</summary>
    public string? ContentType { get; }

    /// <summary>Gets the body decoded as UTF-8 (empty when there was none), with configured secrets masked.</summary>
    public string Body { get; }

    /// <summary>Gets a value indicating whether <see cref="Body"/> was cut at <see cref="SimulatorOptions.MaxCapturedBodyBytes"/>.</summary>
    public bool BodyTruncated { get; }

    /// <summary>Gets the fault injected into this request, if one was.</summary>
    public FaultKind? Fault
    {
        get => Volatile.Read(ref _fault) is var f and >= 0 ? (FaultKind)f : null;
        internal set => Volatile.Write(ref _fault, value is { } kind ? (int)kind : -1);
    }

    /// <summary>Gets a value indicating whether the simulator's rate limiter refused the request (HTTP 429).</summary>
    public bool RateLimited
    {
        get => _rateLimited;
        internal set => _rateLimited = value;
    }

    /// <summary>
    /// Gets the response as the client received it; <see langword="null"/> while the request is in progress, and when the
    /// connection was dropped or the response withheld (see <see cref="WithheldResponse"/>).
    /// </summary>
    public RecordedResponse? Response
    {
        get => Volatile.Read(ref _response);
        internal set => Volatile.Write(ref _response, value);
    }

    /// <summary>Gets the response the vendor handler produced but the client never saw (commit-then-timeout), or <see langword="null"/>.</summary>
    public RecordedResponse? WithheldResponse
    {
        get => Volatile.Read(ref _withheldResponse);
        internal set => Volatile.Write(ref _withheldResponse, value);
    }

    /// <summary>Gets a value indicating whether the simulator has finished with the request (answered, dropped or withheld).</summary>
    public bool IsCompleted
    {
        get => _isCompleted;
        internal set => _isCompleted = value;
    }

    /// <summary>Returns the first value of a query parameter, or <see langword="null"/> when it was not sent.</summary>
    /// <param name="name">The parameter name (case-sensitive, as on the wire).</param>
    /// <returns>The value.</returns>
    public string? GetQueryValue(string name) => Query.FirstOrDefault(p => p.Key == name) is { Key: not null } pair ? pair.Value : null;

    /// <summary>Returns every value of a query parameter, in order.</summary>
    /// <param name="name">The parameter name (case-sensitive, as on the wire).</param>
    /// <returns>The values; empty when it was not sent.</returns>
    public IReadOnlyList<string> GetQueryValues(string name) => [.. Query.Where(p => p.Key == name).Select(p => p.Value)];

    /// <summary>Parses <see cref="Body"/> as JSON, for assertions on what the connector sent.</summary>
    /// <returns>The parsed body, or <see langword="null"/> when the body is empty.</returns>
    /// <exception cref="System.Text.Json.JsonException">The body is not JSON.</exception>
    public JsonNode? ReadBodyAsJson() => Body.Length == 0 ? null : JsonNode.Parse(Body);

    /// <inheritdoc />
    public override string ToString() => $"#{Sequence} {Method} {Path}{QueryString}" + (Response is { } r ? $" -> {r.StatusCode}" : string.Empty);
}

/// <summary>A response the simulator produced, as recorded in the journal.</summary>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="Headers">The response headers (names case-insensitive).</param>
/// <param name="Body">The body decoded as UTF-8.</param>
/// <param name="BodyTruncated">Whether <paramref name="Body"/> was cut at <see cref="SimulatorOptions.MaxCapturedBodyBytes"/> by the journal.</param>
public sealed record RecordedResponse(
    int StatusCode,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    bool BodyTruncated)
{
    /// <summary>Parses <see cref="Body"/> as JSON.</summary>
    /// <returns>The parsed body, or <see langword="null"/> when the body is empty.</returns>
    /// <exception cref="System.Text.Json.JsonException">The body is not JSON.</exception>
    public JsonNode? ReadBodyAsJson() => Body.Length == 0 ? null : JsonNode.Parse(Body);
}
