using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using HotelPlatform.Connectors.Simulators.Apaleo;

namespace HotelPlatform.Connectors.Simulators.Apaleo.Tests;

public sealed class ApaleoAuthAndRateLimitTests : ApaleoTestBase
{
    private const string PropertiesPath = "/inventory/v1/properties";

    private async Task<HttpResponseMessage> RequestTokenAsync(bool basic, string secret = ApaleoSimulatorOptions.DefaultClientSecret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ApaleoSimulator.TokenPath);
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
        if (basic)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ApaleoSimulatorOptions.DefaultClientId}:{secret}")));
        }
        else
        {
            form.Add(new("client_id", ApaleoSimulatorOptions.DefaultClientId));
            form.Add(new("client_secret", secret));
        }

        request.Content = new FormUrlEncodedContent(form);
        return await Client.SendAsync(request, Ct);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_client_gets_a_bearer_token_with_basic_or_form_credentials_and_uses_it(bool basic)
    {
        using HttpResponseMessage response = await RequestTokenAsync(basic);

        JsonNode token = await ReadJsonAsync(response);
        Assert.Equal("Bearer", token["token_type"]!.GetValue<string>());
        Assert.Equal(3600, token["expires_in"]!.GetValue<int>());
        using HttpResponseMessage api = await SendAsync(HttpMethod.Get, PropertiesPath, token: token["access_token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task Wrong_client_credentials_get_invalid_client()
    {
        using HttpResponseMessage basic = await RequestTokenAsync(basic: true, secret: "wrong");
        using HttpResponseMessage form = await RequestTokenAsync(basic: false, secret: "wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, basic.StatusCode);
        Assert.Equal("invalid_client", (await basic.Content.ReadFromJsonAsync<JsonNode>(Ct))!["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
    }

    [Theory]
    [InlineData(PropertiesPath)]
    [InlineData("/booking/v1/reservations")]
    [InlineData("/v1/subscriptions")]
    public async Task Api_routes_answer_401_without_a_token_or_with_one_the_simulator_never_issued(string path)
    {
        using var anonymous = new HttpRequestMessage(HttpMethod.Get, path);
        using HttpResponseMessage missing = await Client.SendAsync(anonymous, Ct);
        using HttpResponseMessage invalid = await SendAsync(HttpMethod.Get, path, token: "not-a-token");

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("Bearer", missing.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, invalid.StatusCode);
    }

    [Fact]
    public async Task A_token_expires_after_its_lifetime_on_the_simulator_clock()
    {
        Clock.Advance(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(1));
        using HttpResponseMessage valid = await GetAsync(PropertiesPath);
        Clock.Advance(TimeSpan.FromSeconds(1));
        using HttpResponseMessage expired = await GetAsync(PropertiesPath);

        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Fact]
    public async Task A_token_without_the_operations_scope_is_refused_with_403()
    {
        Apaleo.Tokens.RegisterClient("offers-only", "secret", "offers.read");
        string token = Apaleo.Tokens.IssueToken("offers-only").AccessToken;

        using HttpResponseMessage reservations = await SendAsync(HttpMethod.Get, "/booking/v1/reservations", token: token);
        using HttpResponseMessage offers = await SendAsync(HttpMethod.Get, $"/booking/v1/offers?propertyId=BER&arrival={D(Today.AddDays(2))}&departure={D(Today.AddDays(3))}&adults=1", token: token);

        Assert.Equal(HttpStatusCode.Forbidden, reservations.StatusCode);
        Assert.Equal(HttpStatusCode.OK, offers.StatusCode);
    }

    [Fact]
    public async Task The_burst_limit_refuses_the_31st_request_in_a_second_with_429_and_retry_after_then_admits_again()
    {
        for (int i = 0; i < 30; i++)
        {
            using HttpResponseMessage ok = await GetAsync(PropertiesPath);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using HttpResponseMessage refused = await GetAsync(PropertiesPath);
        Clock.Advance(TimeSpan.FromSeconds(1));
        using HttpResponseMessage admitted = await GetAsync(PropertiesPath);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.NotEmpty((await refused.Content.ReadFromJsonAsync<JsonNode>(Ct))!["messages"]!.AsArray());
        Assert.True(Apaleo.Requests.Single(r => r.Response?.StatusCode == 429).RateLimited);
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
    }

    [Fact]
    public async Task Each_client_has_its_own_quota()
    {
        Apaleo.Tokens.RegisterClient("second-app", "secret", ApaleoSimulator.Scopes);
        string other = Apaleo.Tokens.IssueToken("second-app").AccessToken;
        for (int i = 0; i < 30; i++)
        {
            (await GetAsync(PropertiesPath)).Dispose();
        }

        using HttpResponseMessage mine = await GetAsync(PropertiesPath);
        using HttpResponseMessage theirs = await SendAsync(HttpMethod.Get, PropertiesPath, token: other);

        Assert.Equal(HttpStatusCode.TooManyRequests, mine.StatusCode);
        Assert.Equal(HttpStatusCode.OK, theirs.StatusCode);
    }

    [Fact]
    public async Task Injected_faults_use_apaleos_error_body()
    {
        Apaleo.Faults.Enqueue(SimulatedFault.ServerError(503), "GET", "/booking/v1/reservations/{id}");
        Apaleo.Faults.Enqueue(SimulatedFault.TooManyRequests(TimeSpan.FromSeconds(7)), "GET", PropertiesPath);

        using HttpResponseMessage unavailable = await GetAsync($"/booking/v1/reservations/{Scenario.KnownGuest.ReservationId}");
        using HttpResponseMessage throttled = await GetAsync(PropertiesPath);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
        Assert.Equal("The server is currently unavailable. Please try later.", (await unavailable.Content.ReadFromJsonAsync<JsonNode>(Ct))!["messages"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), throttled.Headers.RetryAfter?.Delta);
    }
}

public sealed class ApaleoCustomQuotaTests : ApaleoTestBase
{
    protected override ApaleoSimulator CreateSimulator()
    {
        var options = new ApaleoSimulatorOptions();
        options.RateLimits.Clear();
        options.RateLimits.Add(new RateLimitRule(3, TimeSpan.FromMinutes(1)));
        return new ApaleoSimulator(new SimulatorOptions { TimeProvider = Clock }, options);
    }

    [Fact]
    public async Task A_configured_quota_replaces_the_default_and_counts_on_the_fake_clock()
    {
        for (int i = 0; i < 3; i++)
        {
            (await GetAsync("/inventory/v1/properties")).Dispose();
            Clock.Advance(TimeSpan.FromSeconds(10));
        }

        using HttpResponseMessage refused = await GetAsync("/inventory/v1/properties");
        Clock.Advance(TimeSpan.FromSeconds(30));
        using HttpResponseMessage admitted = await GetAsync("/inventory/v1/properties");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
    }
}
