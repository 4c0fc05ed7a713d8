using System.Net;
using System.Text;
using HotelPlatform.Connectors.Authentication;
using HotelPlatform.Connectors.Http;
using HotelPlatform.Connectors.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.Tests.Http;

public sealed class ClientCredentialsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Func<IServiceProvider, PmsHttpClientOptions> WithCredentials(string hotelId = "berlin", string clientId = "client-1", Action<PmsClientSecretCredentialOptions>? configure = null) => services =>
    {
        var options = PipelineHarness.Options(hotelId);
        options.AccountKey = $"acme:{clientId}";
        options.Authenticator = PipelineHarness.Bearer(services, clientId, configure: credential =>
        {
            credential.Scope = "reservations.read";
            configure?.Invoke(credential);
        });
        return options;
    };

    private static HttpResponseMessage Token(string accessToken, int expiresIn = 3600) =>
        TestHttpHandler.Json(HttpStatusCode.OK, $$"""{"access_token":"{{accessToken}}","token_type":"Bearer","expires_in":{{expiresIn}}}""");

    private static TestHttpHandler AcceptsAnyToken() => new((_, _) => TestHttpHandler.Json(HttpStatusCode.OK, "{}"));

    [Fact]
    public async Task The_token_request_uses_client_credentials_with_a_basic_header_and_the_scope()
    {
        var tokens = new TestHttpHandler((_, _) => Token("token-1"));
        var api = AcceptsAnyToken();
        await using var harness = PipelineHarness.Create(api, WithCredentials(), tokens);

        using var response = await harness.Client().GetAsync("rooms", Ct).Within();

        var tokenRequest = Assert.Single(tokens.Requests);
        Assert.Equal(HttpMethod.Post, tokenRequest.Method);
        Assert.Equal("/connect/token", tokenRequest.Uri.AbsolutePath);
        Assert.Equal($"Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes("client-1:s3cr3t-value"))}", tokenRequest.Authorization);
        Assert.Contains("grant_type=client_credentials", tokenRequest.Body, StringComparison.Ordinal);
        Assert.Contains("scope=reservations.read", tokenRequest.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", tokenRequest.Body, StringComparison.Ordinal);
        Assert.Equal("Bearer token-1", Assert.Single(api.Requests).Authorization);
    }

    [Fact]
    public async Task Form_post_authentication_sends_the_client_in_the_body_with_extra_headers_and_parameters()
    {
        var tokens = new TestHttpHandler((_, _) => Token("token-1"));
        var options = WithCredentials(configure: credential =>
        {
            credential.ClientAuthentication = PmsClientAuthentication.FormPost;
            credential.TokenRequestHeaders["x-app-key"] = "app-key-1";
            credential.TokenRequestParameters["audience"] = "pms";
        });
        await using var harness = PipelineHarness.Create(AcceptsAnyToken(), options, tokens);

        using var response = await harness.Client().GetAsync("rooms", Ct).Within();

        var tokenRequest = Assert.Single(tokens.Requests);
        Assert.Null(tokenRequest.Authorization);
        Assert.Contains("client_id=client-1", tokenRequest.Body, StringComparison.Ordinal);
        Assert.Contains("client_secret=s3cr3t-value", tokenRequest.Body, StringComparison.Ordinal);
        Assert.Contains("audience=pms", tokenRequest.Body, StringComparison.Ordinal);
        Assert.Equal("app-key-1", tokenRequest.Headers["x-app-key"]);
    }

    [Fact]
    public async Task Twenty_concurrent_calls_with_an_expired_token_make_exactly_one_token_request()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tokens = new TestHttpHandler(async (_, index, _) =>
        {
            if (index == 1)
            {
                // Hold the refresh until every caller is waiting for it.
                await release.Task;
            }

            return Token($"token-{index + 1}");
        });
        var api = AcceptsAnyToken();
        await using var harness = PipelineHarness.Create(api, WithCredentials(), tokens);
        using (await harness.Client().GetAsync("warm-up", Ct).Within())
        {
        }

        harness.Time.Advance(TimeSpan.FromHours(1));
        var calls = Enumerable.Range(0, 20).Select(i => harness.Client().GetAsync($"rooms/{i}", Ct)).ToList();
        await Eventually.HoldsAsync(() => tokens.Count == 2, "the refresh started");
        release.SetResult();
        foreach (var call in calls)
        {
            using var response = await call.Within();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(2, tokens.Count);
        Assert.Equal(21, api.Count);
        Assert.All(api.Requests.Skip(1), r => Assert.Equal("Bearer token-2", r.Authorization));
    }

    [Fact]
    public async Task A_token_is_reused_until_shortly_before_it_expires_and_then_refreshed()
    {
        var tokens = new TestHttpHandler((_, index) => Token($"token-{index + 1}", expiresIn: 3600));
        var api = AcceptsAnyToken();
        await using var harness = PipelineHarness.Create(api, WithCredentials(), tokens);
        var client = harness.Client();

        using (await client.GetAsync("a", Ct).Within())
        {
        }

        // 60 seconds of skew: at 3539 s the token is still used, at 3540 s it is replaced.
        harness.Time.Advance(TimeSpan.FromSeconds(3539));
        using (await client.GetAsync("b", Ct).Within())
        {
        }

        Assert.Equal(1, tokens.Count);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        using (await client.GetAsync("c", Ct).Within())
        {
        }

        Assert.Equal(2, tokens.Count);
        Assert.Equal(["Bearer token-1", "Bearer token-1", "Bearer token-2"], api.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task A_short_lived_token_is_refreshed_a_tenth_of_its_lifetime_early_not_a_full_minute()
    {
        var tokens = new TestHttpHandler((_, index) => Token($"token-{index + 1}", expiresIn: 100));
        await using var harness = PipelineHarness.Create(AcceptsAnyToken(), WithCredentials(), tokens);
        var client = harness.Client();

        using (await client.GetAsync("a", Ct).Within())
        {
        }

        harness.Time.Advance(TimeSpan.FromSeconds(89));
        using (await client.GetAsync("b", Ct).Within())
        {
        }

        Assert.Equal(1, tokens.Count);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        using (await client.GetAsync("c", Ct).Within())
        {
        }

        Assert.Equal(2, tokens.Count);
    }

    [Fact]
    public async Task A_401_from_the_api_refreshes_the_token_once_and_replays_the_request()
    {
        var tokens = new TestHttpHandler((_, index) => Token($"token-{index + 1}"));
        var api = new TestHttpHandler((request, _) => request.Authorization == "Bearer token-1"
            ? new HttpResponseMessage(HttpStatusCode.Unauthorized)
            : new HttpResponseMessage(HttpStatusCode.Created));
        await using var harness = PipelineHarness.Create(api, WithCredentials(), tokens);

        // A write: a 401 is a refusal before processing, so the replay is safe even without an idempotency key.
        using var response = await harness.Client().PostAsync("bookings", new StringContent("""{"x":1}"""), Ct).Within();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, tokens.Count);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], api.Requests.Select(r => r.Authorization));
        Assert.All(api.Requests, r => Assert.Equal("""{"x":1}""", r.Body));
    }

    [Fact]
    public async Task A_second_401_is_returned_to_the_connector_instead_of_looping()
    {
        var tokens = new TestHttpHandler((_, index) => Token($"token-{index + 1}"));
        var api = new TestHttpHandler((_, _) => new HttpResponseMessage(HttpStatusCode.Unauthorized));
        await using var harness = PipelineHarness.Create(api, WithCredentials(), tokens);

        using var response = await harness.Client().GetAsync("rooms", Ct).Within();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(2, api.Count);
        Assert.Equal(2, tokens.Count);
    }

    [Fact]
    public async Task Hotels_of_one_account_share_one_token()
    {
        var tokens = new TestHttpHandler((_, index) => Token($"token-{index + 1}"));
        var api = AcceptsAnyToken();
        await using var harness = PipelineHarness.Create(services =>
        {
            services.AddPmsHttpClient("acme:berlin", WithCredentials("berlin")).ConfigurePrimaryHttpMessageHandler(() => api);
            services.AddPmsHttpClient("acme:munich", WithCredentials("munich")).ConfigurePrimaryHttpMessageHandler(() => api);
            services.AddPmsHttpClient("acme:paris", WithCredentials("paris", clientId: "client-2")).ConfigurePrimaryHttpMessageHandler(() => api);
            services.AddHttpClient(PmsOAuth2CredentialOptions.TokenHttpClientName).ConfigurePrimaryHttpMessageHandler(() => tokens);
        });

        using (await harness.Client("acme:berlin").GetAsync("a", Ct).Within())
        using (await harness.Client("acme:munich").GetAsync("b", Ct).Within())
        using (await harness.Client("acme:paris").GetAsync("c", Ct).Within())
        {
        }

        Assert.Equal(2, tokens.Count);
        Assert.Equal(["Bearer token-1", "Bearer token-1", "Bearer token-2"], api.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task A_rotated_client_secret_gets_a_credential_of_its_own_instead_of_the_token_of_the_old_one()
    {
        var tokens = new TestHttpHandler((_, index) => Token($"token-{index + 1}"));
        var api = AcceptsAnyToken();
        await using var harness = PipelineHarness.Create(
            api,
            services =>
            {
                var options = PipelineHarness.Options();
                options.Authenticator = PipelineHarness.Bearer(services, secret: "secret-old");
                return options;
            },
            tokens);
        var registry = harness.Services.GetRequiredService<PmsCredentialRegistry>();
        var options = new PmsClientSecretCredentialOptions { Vendor = "acme", TokenAddress = new Uri("http://127.0.0.1/connect/token"), ClientId = "client-1", ClientSecret = "secret-old" };

        using (await harness.Client().GetAsync("a", Ct).Within())
        {
        }

        var old = registry.GetClientSecretCredential(options);
        options.ClientSecret = "secret-new";
        var rotated = registry.GetClientSecretCredential(options);

        Assert.NotSame(old, rotated);
        Assert.Equal("token-1", (await old.GetTokenAsync(Ct)).Value);
        Assert.Equal("token-2", (await rotated.GetTokenAsync(Ct)).Value);
        Assert.Equal(2, tokens.Count);
        Assert.DoesNotContain("secret-old", options.CacheKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_credentials_fail_with_an_authentication_error_that_does_not_contain_the_secret()
    {
        var tokens = new TestHttpHandler((_, _) => TestHttpHandler.Json(HttpStatusCode.BadRequest, """{"error":"invalid_client","error_description":"client_secret=s3cr3t-value is wrong"}"""));
        var api = AcceptsAnyToken();
        await using var harness = PipelineHarness.Create(api, WithCredentials(), tokens);

        var error = await Assert.ThrowsAsync<PmsAuthenticationException>(() => harness.Client().GetAsync("rooms", Ct).Within());

        Assert.Equal("acme", error.Vendor);
        Assert.Equal("invalid_client", error.VendorErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("invalid_client", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, api.Count);
        Assert.DoesNotContain(harness.Logs.GetSnapshot(), r => r.Message.Contains("s3cr3t", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_token_endpoint_is_transient_so_a_read_is_retried_and_the_next_request_asks_again()
    {
        var tokens = new TestHttpHandler((_, index) => index == 0 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : Token("token-1"));
        var api = AcceptsAnyToken();
        await using var harness = PipelineHarness.Create(api, WithCredentials(), tokens);

        var call = harness.Client().GetAsync("rooms", Ct);
        harness.Time.Advance(await harness.Time.WaitForTimerAsync(d => d > TimeSpan.Zero && d < TimeSpan.FromSeconds(10)));
        using var response = await call.Within();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, tokens.Count);
        Assert.Equal("Bearer token-1", Assert.Single(api.Requests).Authorization);
    }

    [Fact]
    public async Task A_write_whose_token_request_fails_is_not_retried_and_reports_a_known_outcome()
    {
        var tokens = new TestHttpHandler((_, _) => new HttpResponseMessage(HttpStatusCode.BadGateway));
        var api = AcceptsAnyToken();
        await using var harness = PipelineHarness.Create(api, WithCredentials(), tokens);

        var error = await Assert.ThrowsAsync<PmsUnavailableException>(() => harness.Client().PostAsync("bookings", new StringContent("{}"), Ct).Within());

        Assert.False(error.OutcomeUnknown);
        Assert.Equal(1, tokens.Count);
        Assert.Equal(0, api.Count);
    }

    [Fact]
    public async Task An_Authorization_header_set_by_the_connector_is_left_alone()
    {
        var tokens = new TestHttpHandler((_, _) => Token("token-1"));
        var api = AcceptsAnyToken();
        await using var harness = PipelineHarness.Create(api, WithCredentials(), tokens);
        using var request = new HttpRequestMessage(HttpMethod.Get, "rooms");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "own-token");

        using var response = await harness.Client().SendAsync(request, Ct).Within();

        Assert.Equal(0, tokens.Count);
        Assert.Equal("Bearer own-token", Assert.Single(api.Requests).Authorization);
    }
}
