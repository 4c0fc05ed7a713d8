using System.Net;
using System.Net.Sockets;
using HotelPlatform.Connectors.Authentication;
using HotelPlatform.Connectors.Http;
using HotelPlatform.Connectors.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace HotelPlatform.Connectors.Tests.Http;

/// <summary>The pipeline over real sockets, against a WireMock.Net server on 127.0.0.1: what the vendor really receives.</summary>
public sealed class LoopbackEndToEndTests : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{FreePort()}"] });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _server.Stop();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private PipelineHarness Harness() => PipelineHarness.Create(services => services.AddPmsHttpClient("acme:berlin", sp => new PmsHttpClientOptions
    {
        Vendor = "acme",
        HotelId = "berlin",
        BaseAddress = new Uri($"{_server.Url}/api/"),
        AccountKey = "acme:client-1",
        Authenticator = new PmsBearerTokenAuthenticator(sp.GetRequiredService<PmsCredentialRegistry>().GetClientSecretCredential(new PmsClientSecretCredentialOptions
        {
            Vendor = "acme",
            TokenAddress = new Uri($"{_server.Url}/connect/token"),
            ClientId = "client-1",
            ClientSecret = "secret+with/special=chars",
        })),
    }));

    [Fact]
    public async Task A_revoked_token_is_replaced_and_the_write_replayed_over_real_http()
    {
        _server.Given(Request.Create().WithPath("/connect/token").UsingPost()).InScenario("tokens").WillSetStateTo("second")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"access_token":"first","token_type":"Bearer","expires_in":3600}"""));
        _server.Given(Request.Create().WithPath("/connect/token").UsingPost()).InScenario("tokens").WhenStateIs("second")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"access_token":"second","token_type":"Bearer","expires_in":3600}"""));
        _server.Given(Request.Create().WithPath("/api/bookings").UsingPost().WithHeader("Authorization", "Bearer first"))
            .RespondWith(Response.Create().WithStatusCode(401));
        _server.Given(Request.Create().WithPath("/api/bookings").UsingPost().WithHeader("Authorization", "Bearer second").WithBody("""{"guest":"Doe"}"""))
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("X-Request-Id", "wm-1"));
        await using var harness = Harness();

        using var response = await harness.Client().PostAsync("bookings", new StringContent("""{"guest":"Doe"}""", System.Text.Encoding.UTF8, "application/json"), Ct).Within();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var tokenRequests = _server.LogEntries.Where(e => e.RequestMessage.Path == "/connect/token").ToList();
        Assert.Equal(2, tokenRequests.Count);

        // RFC 6749 §2.3.1: id and secret form-encoded, then Base64.
        var expected = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("client-1:secret%2Bwith%2Fspecial%3Dchars"));
        Assert.All(tokenRequests, e => Assert.Equal($"Basic {expected}", e.RequestMessage.Headers!["Authorization"].Single()));
        Assert.Equal(2, _server.LogEntries.Count(e => e.RequestMessage.Path == "/api/bookings"));
    }

    [Fact]
    public async Task A_read_is_retried_over_real_http_until_the_vendor_recovers()
    {
        _server.Given(Request.Create().WithPath("/connect/token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"access_token":"t","expires_in":3600}"""));
        _server.Given(Request.Create().WithPath("/api/rooms").UsingGet()).InScenario("flaky").WillSetStateTo("recovered")
            .RespondWith(Response.Create().WithStatusCode(503));
        _server.Given(Request.Create().WithPath("/api/rooms").UsingGet()).InScenario("flaky").WhenStateIs("recovered")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("[]"));
        await using var harness = Harness();

        var call = harness.Client().GetStringAsync("rooms", Ct);
        harness.Time.Advance(await harness.Time.WaitForTimerAsync(d => d > TimeSpan.Zero && d < TimeSpan.FromSeconds(10)));

        Assert.Equal("[]", await call.Within());
        Assert.Equal(2, _server.LogEntries.Count(e => e.RequestMessage.Path == "/api/rooms"));
    }
}
