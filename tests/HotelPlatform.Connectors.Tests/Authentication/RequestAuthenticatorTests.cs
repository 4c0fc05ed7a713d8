using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Web;
using HotelPlatform.Connectors.Authentication;
using HotelPlatform.Connectors.Http;
using HotelPlatform.Connectors.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.Tests.Authentication;

/// <summary>The request authenticators in the pipeline, each configured the way one vendor documents its authentication.</summary>
public sealed class RequestAuthenticatorTests
{
    private const string AppKey = "41ecd082-8997-4c69-af34-2f72b83645ff";
    private const string MewsClientToken = "E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D";
    private const string MewsAccessToken = "C66EF7B239D24632943D115EDE9CB810-EA00F8FD8294692C940F6B5A8F9453D";
    private const string MewsClient = "Sample Client 1.0.0";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static TestHttpHandler Ok() => new((_, _) => TestHttpHandler.Json(HttpStatusCode.OK, "{}"));

    private static PmsJsonBodyAuthenticator MewsTokens() => new(
    [
        new("ClientToken", MewsClientToken),
        new("AccessToken", MewsAccessToken),
        new("Client", MewsClient),
    ]);

    private static Func<IServiceProvider, PmsHttpClientOptions> With(Func<IServiceProvider, PmsRequestAuthenticator> authenticator, Action<PmsHttpClientOptions>? configure = null) => services =>
    {
        var options = PipelineHarness.Options();
        options.Authenticator = authenticator(services);
        configure?.Invoke(options);
        return options;
    };

    [Fact]
    public async Task An_OHIP_style_request_carries_the_bearer_token_the_app_key_and_the_hotel_and_its_token_call_the_app_key()
    {
        var tokens = new TestHttpHandler((_, _) => TestHttpHandler.Json(HttpStatusCode.OK, """{"access_token":"ohip-token","expires_in":3600,"token_type":"Bearer","oracle_tk_context":"user_assertion"}"""));
        var api = Ok();
        await using var harness = PipelineHarness.Create(
            api,
            With(services => new PmsCompositeAuthenticator(
                new PmsBearerTokenAuthenticator(services.GetRequiredService<PmsCredentialRegistry>().GetClientSecretCredential(new PmsClientSecretCredentialOptions
                {
                    Vendor = "acme",
                    TokenAddress = new Uri("http://127.0.0.1/oauth/v1/tokens"),
                    ClientId = "CHAINTESTClient",
                    ClientSecret = "ohip-secret",
                    Scope = "urn:opc:hgbu:ws:__myscopes__",
                    TokenRequestHeaders = { ["x-app-key"] = AppKey, ["enterpriseId"] = "ENT123" },
                })),
                new PmsHeaderAuthenticator([new("x-app-key", AppKey), new("x-hotelid", "HOTEL1")]))),
            tokens);

        using var response = await harness.Client().GetAsync("rsv/v1/hotels/HOTEL1/reservations", Ct).Within();

        var call = Assert.Single(api.Requests);
        Assert.Equal(("Bearer ohip-token", AppKey, "HOTEL1"), (call.Authorization, call.Headers["x-app-key"], call.Headers["x-hotelid"]));
        var tokenCall = Assert.Single(tokens.Requests);
        Assert.Equal((AppKey, "ENT123"), (tokenCall.Headers["x-app-key"], tokenCall.Headers["enterpriseId"]));
        Assert.Equal($"Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes("CHAINTESTClient:ohip-secret"))}", tokenCall.Authorization);
        var form = HttpUtility.ParseQueryString(tokenCall.Body!);
        Assert.Equal(("client_credentials", "urn:opc:hgbu:ws:__myscopes__"), (form["grant_type"], form["scope"]));
    }

    [Fact]
    public async Task A_composite_replays_a_401_once_when_its_bearer_part_renews_and_keeps_the_static_headers()
    {
        var tokens = new TestHttpHandler((_, index) => CredentialHarness.Token($"token-{index + 1}"));
        var api = new TestHttpHandler((request, _) => new HttpResponseMessage(request.Authorization == "Bearer token-1" ? HttpStatusCode.Unauthorized : HttpStatusCode.OK));
        await using var harness = PipelineHarness.Create(
            api,
            With(services => new PmsCompositeAuthenticator(PipelineHarness.Bearer(services), new PmsHeaderAuthenticator([new("x-app-key", AppKey)]))),
            tokens);

        using var response = await harness.Client().PostAsync("reservations", new StringContent("{}"), Ct).Within();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], api.Requests.Select(r => r.Authorization));
        Assert.All(api.Requests, r => Assert.Equal(AppKey, r.Headers["x-app-key"]));
    }

    [Fact]
    public async Task A_static_api_key_goes_into_its_header_and_a_401_is_returned_without_a_replay()
    {
        var api = new TestHttpHandler((_, _) => new HttpResponseMessage(HttpStatusCode.Unauthorized));
        await using var harness = PipelineHarness.Create(api, With(_ => PmsHeaderAuthenticator.ApiKey("x-api-key", "cbat_SECRETKEY")));

        using var response = await harness.Client().GetAsync("api/v1.3/getHotels", Ct).Within();

        // Nothing to renew: a replay would only be refused again.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("cbat_SECRETKEY", Assert.Single(api.Requests).Headers["x-api-key"]);
    }

    [Fact]
    public async Task A_header_the_connector_set_on_the_request_is_left_as_it_is()
    {
        var api = Ok();
        await using var harness = PipelineHarness.Create(api, With(_ => new PmsHeaderAuthenticator([new("x-api-key", "cbat_SECRETKEY"), new("x-hotelid", "HOTEL1")])));
        using var request = new HttpRequestMessage(HttpMethod.Get, "rooms");
        request.Headers.Add("x-hotelid", "HOTEL2");

        using var response = await harness.Client().SendAsync(request, Ct).Within();

        var sent = Assert.Single(api.Requests);
        Assert.Equal(("cbat_SECRETKEY", "HOTEL2"), (sent.Headers["x-api-key"], sent.Headers["x-hotelid"]));
    }

    [Fact]
    public async Task Mews_style_body_tokens_are_added_to_the_JSON_object_of_a_POST_keeping_its_content_type()
    {
        var api = Ok();
        await using var harness = PipelineHarness.Create(api, With(_ => MewsTokens()));

        using var response = await harness.Client().PostAsync(
            "api/connector/v1/configuration/get",
            new StringContent("""{"EnterpriseId":"851df8c8-90f2-4c4a-8e01-a4fc46b25178"}""", Encoding.UTF8, "application/json"),
            Ct).Within();

        var sent = Assert.Single(api.Requests);
        Assert.Equal("application/json; charset=utf-8", sent.ContentType);
        var body = Assert.IsType<JsonObject>(JsonNode.Parse(sent.Body!));
        Assert.Equal(["ClientToken", "AccessToken", "Client", "EnterpriseId"], body.Select(p => p.Key));
        Assert.Equal((MewsClientToken, MewsAccessToken, MewsClient), ((string?)body["ClientToken"], (string?)body["AccessToken"], (string?)body["Client"]));
    }

    [Theory]
    [InlineData("configuration.get-configuration.request.json")]
    [InlineData("reservations.get-all-reservations-v2023-06-06.request.json")]
    [InlineData("reservations.add-reservations.request.json")]
    public async Task A_Mews_example_request_without_its_tokens_comes_out_of_the_pipeline_as_the_example(string example)
    {
        var location = VendorSpecsLocator.LocateForThisProcess();
        Assert.SkipUnless(location.Found, location.Description);
        var documented = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(location.Root!, "mews", "examples", example), Ct))!.AsObject();
        var withoutTokens = documented.DeepClone().AsObject();
        withoutTokens.Remove("ClientToken");
        withoutTokens.Remove("AccessToken");
        withoutTokens.Remove("Client");
        var api = Ok();
        await using var harness = PipelineHarness.Create(api, With(_ => new PmsJsonBodyAuthenticator(
        [
            new("ClientToken", (string)documented["ClientToken"]!),
            new("AccessToken", (string)documented["AccessToken"]!),
            new("Client", (string)documented["Client"]!),
        ])));

        using var response = await harness.Client().PostAsync("api/connector/v1/x/y", new StringContent(withoutTokens.ToJsonString(), Encoding.UTF8, "application/json"), Ct).Within();

        var sent = JsonNode.Parse(Assert.Single(api.Requests).Body!);
        Assert.True(JsonNode.DeepEquals(documented, sent), $"sent {sent!.ToJsonString()}");
    }

    [Fact]
    public async Task A_retried_POST_read_carries_the_body_tokens_once_on_every_attempt()
    {
        var api = new TestHttpHandler((_, index) => index == 0 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : TestHttpHandler.Json(HttpStatusCode.OK, "{}"));
        await using var harness = PipelineHarness.Create(api, With(_ => MewsTokens()));
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/connector/v1/reservations/getAll/2023-06-06")
        {
            Content = new StringContent("""{"Limitation":{"Count":10}}""", Encoding.UTF8, "application/json"),
        };
        request.Options.Set(PmsHttpRequestOptions.ReadOnly, true);

        var call = harness.Client().SendAsync(request, Ct);
        harness.Time.Advance(await harness.Time.WaitForTimerAsync(d => d > TimeSpan.Zero && d < TimeSpan.FromSeconds(10)));
        using var response = await call.Within();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, api.Count);
        Assert.Equal(api.Requests[0].Body, api.Requests[1].Body);
        Assert.Equal(["ClientToken", "AccessToken", "Client", "Limitation"], JsonNode.Parse(api.Requests[1].Body!)!.AsObject().Select(p => p.Key));
    }

    [Theory]
    [InlineData("""[{"Id":1}]""", "is Array, not an object")]
    [InlineData("Id=1", "does not have a JSON body")]
    [InlineData("", "is empty, not an object")]
    public async Task A_body_that_is_not_a_JSON_object_fails_clearly_before_anything_is_sent(string body, string expected)
    {
        var api = Ok();
        await using var harness = PipelineHarness.Create(api, With(_ => MewsTokens()));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Client().PostAsync("api/connector/v1/x/y", new StringContent(body), Ct).Within());

        Assert.Contains("The request POST /api/api/connector/v1/x/y", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, api.Count);
    }

    [Fact]
    public async Task A_request_without_a_body_cannot_carry_body_tokens()
    {
        var api = Ok();
        await using var harness = PipelineHarness.Create(api, With(_ => MewsTokens()));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Client().GetAsync("api/connector/v1/x/y", Ct).Within());

        Assert.Contains("has no body", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, api.Count);
    }
}
