using System.Net;
using System.Net.Sockets;
using HotelPlatform.Connectors.Apaleo.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;

/// <summary>
/// An Apaleo stand-in on 127.0.0.1 (WireMock.Net) and a service provider with one Apaleo hotel pointed at it through
/// <see cref="ApaleoOptions"/> alone (base address, token endpoint, webhook address), on a <see cref="TestClock"/>.
/// The token endpoint and the hotel's property answer by default; tests add the routes they exercise.
/// </summary>
internal sealed class ApaleoHarness : IAsyncDisposable
{
    public const string HotelId = "muc";
    public const string PropertyId = "MUC";
    public const string ClientId = "MUC-HOTELAPP";
    public const string ClientSecret = "s3cr3t-value";
    public const string AccessToken = "token-1";
    public const string TokenPath = "/connect/token";
    public const string WebhookBasePath = "/webhook";

    private ApaleoHarness(WireMockServer server, TestClock clock, ServiceProvider services)
    {
        Server = server;
        Clock = clock;
        Services = services;
    }

    public WireMockServer Server { get; }

    public TestClock Clock { get; }

    public ServiceProvider Services { get; }

    public IPmsConnector Connector => Services.GetRequiredKeyedService<IPmsConnector>(HotelId);

    public IApaleoSubscriptions Subscriptions => Services.GetRequiredKeyedService<IApaleoSubscriptions>(HotelId);

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Starts the server and registers the hotel with <c>AddApaleo(hotel, o =&gt; ...)</c>.</summary>
    /// <param name="configure">Changes the options after the harness set them.</param>
    /// <param name="register">Registers more on the builder (a second hotel, say).</param>
    public static ApaleoHarness Start(Action<ApaleoOptions>? configure = null, Action<IPmsConnectorsBuilder, string>? register = null) =>
        StartWith((builder, url) =>
        {
            builder.AddApaleo(HotelId, o =>
            {
                PointAt(o, url);
                configure?.Invoke(o);
            });
            register?.Invoke(builder, url);
        });

    /// <summary>Starts the server and lets the caller register hotels (from configuration, say) against its address.</summary>
    public static ApaleoHarness StartWith(Action<IPmsConnectorsBuilder, string> register)
    {
        var server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{FreePort()}"] });
        var clock = new TestClock();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddLogging();
        register(services.AddPmsConnectors(), server.Url!);
        var harness = new ApaleoHarness(server, clock, services.BuildServiceProvider());
        harness.Stub(Request.Create().WithPath(TokenPath).UsingPost(), Responses.Token(AccessToken));
        harness.Stub(Request.Create().WithPath($"/inventory/v1/properties/{PropertyId}").UsingGet(), Responses.Json(ApaleoJson.Property(PropertyId)));
        return harness;
    }

    /// <summary>Sets what the harness's hotel needs: property, credentials, the server's addresses and a quota tests never exhaust.</summary>
    public static void PointAt(ApaleoOptions options, string serverUrl)
    {
        options.PropertyId = PropertyId;
        options.ClientId = ClientId;
        options.ClientSecret = ClientSecret;
        options.BaseAddress = new Uri(serverUrl + "/");
        options.TokenEndpoint = new Uri(serverUrl + TokenPath);
        options.WebhookAddress = new Uri(serverUrl + WebhookBasePath + "/");
        options.RequestsPerSecond = 100;
        options.RequestBurst = 100;
    }

    /// <summary>Answers a request with one response, every time.</summary>
    public void Stub(IRequestBuilder request, IResponseBuilder response) => Server.Given(request).RespondWith(response);

    /// <summary>Answers a request with the responses in turn; the last one repeats.</summary>
    public void Sequence(Func<IRequestBuilder> request, params IResponseBuilder[] responses)
    {
        var scenario = Guid.NewGuid().ToString("N");
        for (var i = 0; i < responses.Length; i++)
        {
            var mapping = Server.Given(request()).InScenario(scenario);
            if (i > 0)
            {
                mapping = mapping.WhenStateIs($"step-{i}");
            }

            if (i < responses.Length - 1)
            {
                mapping = mapping.WillSetStateTo($"step-{i + 1}");
            }

            mapping.RespondWith(responses[i]);
        }
    }

    /// <summary>The requests the server received on <paramref name="path"/> (any method when <paramref name="method"/> is null), in order.</summary>
    public IReadOnlyList<RecordedRequest> Received(string path, string? method = null) =>
        [.. Server.LogEntries
            .Where(e => e.RequestMessage.Path == path && (method is null || string.Equals(e.RequestMessage.Method, method, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(e => e.RequestMessage.DateTime)
            .Select(ToRecorded)];

    /// <summary>Every request except token requests, in order.</summary>
    public IReadOnlyList<RecordedRequest> ApiRequests() =>
        [.. Server.LogEntries.Where(e => e.RequestMessage.Path != TokenPath).OrderBy(e => e.RequestMessage.DateTime).Select(ToRecorded)];

    public async ValueTask DisposeAsync()
    {
        // Polly waits, on the pipeline's clock, for executions still in flight when the provider is disposed; a failed
        // test can leave one behind, so the clock is moved on until disposal is done.
        var disposing = Services.DisposeAsync().AsTask();
        for (var step = 0; step < 600 && !disposing.IsCompleted; step++)
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(disposing, Task.Delay(10));
        }

        await disposing;
        Server.Stop();
        Server.Dispose();
    }

    private static RecordedRequest ToRecorded(ILogEntry entry)
    {
        var message = entry.RequestMessage;
        var headers = (message.Headers ?? new Dictionary<string, WireMock.Types.WireMockList<string>>())
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        headers.TryGetValue("Content-Type", out var contentType);
        return new RecordedRequest(new HttpMethod(message.Method), new Uri(message.AbsoluteUrl), headers, contentType?.Split(';')[0].Trim(), message.Body);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Canned WireMock answers.</summary>
internal static class Responses
{
    public static IResponseBuilder Json(string json, int status = 200) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json; charset=utf-8").WithBody(json);

    public static IResponseBuilder Status(int status) => Response.Create().WithStatusCode(status);

    public static IResponseBuilder Token(string accessToken, int expiresIn = 3600) =>
        Json($$"""{"access_token":"{{accessToken}}","token_type":"Bearer","expires_in":{{expiresIn}}}""");

    /// <summary>Apaleo's error answer: <c>{"messages": [...]}</c> with the tracking id header.</summary>
    public static IResponseBuilder Messages(int status, params string[] messages) =>
        Json(System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string[]> { ["messages"] = messages }), status)
            .WithHeader("Apaleo-Tracking-Id", "0HLHK2NSRGO68:00000002");
}
