using System.Net;
using System.Text;

namespace HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;

/// <summary>A request the wire layer built, as it would have gone out.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? ContentType, string? Body)
{
    /// <summary>Gets the decoded query parameters (a parameter sent twice keeps both values, comma-joined in order).</summary>
    public IReadOnlyDictionary<string, string> Query => Uri.Query.TrimStart('?')
        .Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('=', 2))
        .GroupBy(parts => Uri.UnescapeDataString(parts[0]), StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => string.Join(",", g.Select(parts => parts.Length == 2 ? Uri.UnescapeDataString(parts[1].Replace('+', ' ')) : string.Empty)), StringComparer.Ordinal);
}

/// <summary>
/// An in-process handler that records every request and answers with a canned response: the wire layer is exercised
/// end to end (Refit request building, JSON serialisation) without any network.
/// </summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Queue<(HttpStatusCode Status, string? Json)> answers = new();

    public List<RecordedRequest> Requests { get; } = [];

    /// <summary>Queues the next answer.</summary>
    public RecordingHandler Answer(HttpStatusCode status, string? json = null)
    {
        answers.Enqueue((status, json));
        return this;
    }

    /// <summary>Creates an <see cref="HttpClient"/> over this handler with a loopback base address (never contacted).</summary>
    public HttpClient CreateClient() => new(this, disposeHandler: false) { BaseAddress = new Uri("http://127.0.0.1:9/") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        Requests.Add(new RecordedRequest(request.Method, request.RequestUri!, headers, request.Content?.Headers.ContentType?.MediaType, body));
        var (status, json) = answers.Count > 0 ? answers.Dequeue() : (HttpStatusCode.NoContent, null);
        return new HttpResponseMessage(status)
        {
            RequestMessage = request,
            Content = json is null ? new ByteArrayContent([]) : new StringContent(json, Encoding.UTF8, "application/json"),
        };
    }
}
