using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace HotelPlatform.Connectors.Simulators.Tests;

public sealed class OAuthTokenEndpointTests : SimulatorTestBase
{
    [Fact]
    public async Task A_client_authenticating_with_basic_gets_a_bearer_token_that_opens_the_api()
    {
        using HttpResponseMessage response = await Client.SendAsync(TokenRequest(TestPmsSimulator.ClientId, TestPmsSimulator.ClientSecret), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        JsonNode body = (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!;
        Assert.Equal("Bearer", body["token_type"]!.GetValue<string>());
        Assert.Equal(3600, body["expires_in"]!.GetValue<long>());
        Assert.Equal("bookings availability", body["scope"]!.GetValue<string>());
        string token = body["access_token"]!.GetValue<string>();
        Assert.Equal(1, Simulator.Tokens.TokenRequests);
        Assert.Equal(1, Simulator.Tokens.TokensIssued);

        using HttpResponseMessage api = await Client.SendAsync(Get(token, "/v1/bookings/NONE"), Ct);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
    }

    [Fact]
    public async Task A_client_authenticating_in_the_form_gets_a_token_for_the_scope_it_asked()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("client_id", TestPmsSimulator.ClientId), new("client_secret", TestPmsSimulator.ClientSecret), new("scope", "bookings")]),
        };

        using HttpResponseMessage response = await Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonNode body = (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!;
        Assert.Equal("bookings", body["scope"]!.GetValue<string>());

        // The availability route requires the "availability" scope.
        using HttpResponseMessage forbidden = await Client.SendAsync(Get(body["access_token"]!.GetValue<string>(), "/v1/availability?propertyId=B&arrival=2025-03-10&adults=1"), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("insufficient_scope", forbidden.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_credentials_are_answered_invalid_client_without_counting_as_a_protocol_error()
    {
        using HttpResponseMessage basic = await Client.SendAsync(TokenRequest(TestPmsSimulator.ClientId, "wrong"), Ct);
        using var formRequest = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("client_id", "nobody"), new("client_secret", "x")]),
        };
        using HttpResponseMessage form = await Client.SendAsync(formRequest, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, basic.StatusCode);
        Assert.Equal("Basic", basic.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("invalid_client", (await basic.Content.ReadFromJsonAsync<JsonNode>(Ct))!["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Equal("invalid_client", (await form.Content.ReadFromJsonAsync<JsonNode>(Ct))!["error"]!.GetValue<string>());
        Assert.Equal(2, Simulator.Tokens.TokenRequests);
        Assert.Equal(0, Simulator.Tokens.TokensIssued);
        Assert.Empty(Simulator.ValidationFailures);
    }

    [Fact]
    public async Task A_scope_the_client_may_not_have_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("client_id", TestPmsSimulator.ClientId), new("client_secret", TestPmsSimulator.ClientSecret), new("scope", "admin")]),
        };

        using HttpResponseMessage response = await Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_scope", (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Protocol_errors_are_answered_as_rfc_6749_says_and_recorded_as_validation_failures()
    {
        using HttpResponseMessage grant = await Client.SendAsync(TokenRequest(TestPmsSimulator.ClientId, TestPmsSimulator.ClientSecret, grantType: "password"), Ct);
        using var unknownParameter = TokenRequest(TestPmsSimulator.ClientId, TestPmsSimulator.ClientSecret);
        unknownParameter.Content = new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("audience", "api")]);
        using HttpResponseMessage unknown = await Client.SendAsync(unknownParameter, Ct);
        using var json = TokenRequest(TestPmsSimulator.ClientId, TestPmsSimulator.ClientSecret);
        json.Content = JsonContent.Create(new { grant_type = "client_credentials" });
        using HttpResponseMessage wrongType = await Client.SendAsync(json, Ct);

        Assert.Equal("unsupported_grant_type", (await grant.Content.ReadFromJsonAsync<JsonNode>(Ct))!["error"]!.GetValue<string>());
        Assert.Equal("invalid_request", (await unknown.Content.ReadFromJsonAsync<JsonNode>(Ct))!["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal(["form:grant_type", "form:audience", "header:Content-Type"], Simulator.ValidationFailures.Select(f => f.Member));
    }

    [Fact]
    public async Task A_bearer_token_works_until_its_lifetime_has_passed_on_the_simulator_clock()
    {
        string token = await GetTokenAsync();

        Clock.Advance(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(1));
        using HttpResponseMessage stillValid = await Client.SendAsync(Get(token, "/v1/bookings/NONE"), Ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        using HttpResponseMessage expired = await Client.SendAsync(Get(token, "/v1/bookings/NONE"), Ct);

        Assert.Equal(HttpStatusCode.NotFound, stillValid.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Contains("The access token expired", expired.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_malformed_unknown_and_revoked_tokens_are_refused_with_401()
    {
        string token = await GetTokenAsync();
        using HttpResponseMessage missing = await Client.GetAsync("/v1/bookings/NONE", Ct);
        using var basicRequest = new HttpRequestMessage(HttpMethod.Get, "/v1/bookings/NONE");
        basicRequest.Headers.Authorization = new AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz");
        using HttpResponseMessage malformed = await Client.SendAsync(basicRequest, Ct);
        using HttpResponseMessage unknown = await Client.SendAsync(Get("not-a-token", "/v1/bookings/NONE"), Ct);
        Assert.True(Simulator.Tokens.Revoke(token));
        using HttpResponseMessage revoked = await Client.SendAsync(Get(token, "/v1/bookings/NONE"), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("Bearer", missing.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, malformed.StatusCode);
        Assert.Contains("invalid_request", malformed.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Contains("invalid_token", unknown.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
    }
}
