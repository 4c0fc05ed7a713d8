using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace HotelPlatform.Connectors.Tests.Infrastructure;

/// <summary>A request as the primary handler saw it: what went on the wire.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, IReadOnlyDictionary<string, string> Headers, string? Body)
{
    /// <summary>Gets the body's <c>Content-Type</c>, when there is a body.</summary>
    public string? ContentType { get; init; }
}

/// <summary>
/// The in-process "network": the primary handler of the client under test. It records every request that would have
/// left the machine and answers with the test's responder, so nothing leaves the process.
/// </summary>
public sealed class TestHttpHandler(Func<RecordedRequest, int, CancellationToken, Task<HttpResponseMessage>> responder) : HttpMessageHandler
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _count;

    public TestHttpHandler(Func<RecordedRequest, int, HttpResponseMessage> responder)
        : this((request, index, _) => Task.FromResult(responder(request, index)))
    {
    }

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public int Count => Volatile.Read(ref _count);

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), headers, body)
        {
            ContentType = request.Content?.Headers.ContentType?.ToString(),
        };
        _requests.Enqueue(recorded);
        var index = Interlocked.Increment(ref _count) - 1;
        var response = await responder(recorded, index, cancellationToken);
        response.RequestMessage ??= request;
        return response;
    }
}
