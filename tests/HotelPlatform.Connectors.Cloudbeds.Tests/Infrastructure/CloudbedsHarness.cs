using System.Net;
using System.Net.Sockets;
using HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace HotelPlatform.Connectors.Cloudbeds.Tests.Infrastructure;

/// <summary>
/// A Cloudbeds stand-in on 127.0.0.1 (WireMock.Net) with one Cloudbeds hotel pointed at it through
/// <see cref="CloudbedsOptions"/> (base address, API key), on a <see cref="TestClock"/>. getHotels answers by default, and
/// oauth/metadata names the stand-in's own address as the property's API address.
/// </summary>
internal sealed class CloudbedsHarness : IAsyncDisposable
{
    public const string HotelId = "lisbon";
    public const string PropertyId = "172982";
    public const string ApiKey = "cbat_test_key";
    public const string Api = "/api/v1.3";

    private CloudbedsHarness(WireMockServer server, TestClock clock, ServiceProvider services)
    {
        Server = server;
        Clock = clock;
        Services = services;
    }

    public WireMockServer Server { get; }

    public TestClock Clock { get; }

    public ServiceProvider Services { get; }

    public IPmsConnector Connector => Services.GetRequiredKeyedService<IPmsConnector>(HotelId);

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static CloudbedsHarness Start(Action<CloudbedsOptions>? configure = null, bool answerMetadata = true)
    {
        var server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{FreePort()}"] });
        var clock = new TestClock();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddLogging();
        services.AddPmsConnectors().AddCloudbeds(HotelId, o =>
        {
            o.PropertyId = PropertyId;
            o.ApiKey = ApiKey;
            o.BaseAddress = new Uri($"{server.Url}{Api}/");
            o.RequestsPerSecond = 0;
            configure?.Invoke(o);
        });
        var harness = new CloudbedsHarness(server, clock, services.BuildServiceProvider());
        if (answerMetadata)
        {
            harness.Stub("GET", "oauth/metadata", Json(Metadata($"{server.Url}{Api}/")));
        }

        harness.Stub("GET", "getHotels", Json($$"""{"success":true,"data":[{"propertyID":"{{PropertyId}}","propertyName":"Lisboa","propertyTimezone":"Europe/Lisbon","propertyCurrency":[{"currencyCode":"EUR"}]}],"count":1,"total":1}"""));
        return harness;
    }

    public static IResponseBuilder Json(string body, int status = 200) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithHeader("X-Request-ID", "req-42").WithBody(body);

    /// <summary>The answer of oauth/metadata naming <paramref name="apiUrl"/> (the document types its success as a string).</summary>
    public static string Metadata(string apiUrl) => "{\"success\":\"true\",\"data\":{\"api\":{\"url\":\"" + apiUrl + "\"}}}";

    public static IResponseBuilder Refusal(string message) => Json($$"""{"success":false,"message":"{{message}}"}""");

    public void Stub(string method, string operation, IResponseBuilder response) =>
        Server.Given(Request.Create().WithPath($"{Api}/{operation}").UsingMethod(method)).RespondWith(response);

    public int Received(string operation) => Server.LogEntries.Count(e => e.RequestMessage.Path == $"{Api}/{operation}");

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Server.Stop();
        Server.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
