using System.Net;
using HotelPlatform.Connectors.Authentication;
using HotelPlatform.Connectors.Tests.Infrastructure;

namespace HotelPlatform.Connectors.Tests.Authentication;

public sealed class TokenCredentialTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Twenty_concurrent_callers_of_a_cold_credential_make_one_token_request()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var harness = new CredentialHarness(new TestHttpHandler(async (_, index, _) =>
        {
            await release.Task;
            return CredentialHarness.Token($"token-{index + 1}");
        }));
        var credential = harness.ClientSecret();

        var callers = Enumerable.Range(0, 20).Select(_ => credential.GetTokenAsync(Ct).AsTask()).ToList();
        await Eventually.HoldsAsync(() => harness.Tokens.Count == 1, "the token request started");
        release.SetResult();
        var tokens = await Task.WhenAll(callers).Within();

        Assert.Equal(1, harness.Tokens.Count);
        Assert.All(tokens, t => Assert.Equal("token-1", t.Value));
    }

    [Fact]
    public async Task A_caller_that_gives_up_does_not_fail_the_token_request_the_others_wait_for()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var harness = new CredentialHarness(new TestHttpHandler(async (_, _, _) =>
        {
            await release.Task;
            return CredentialHarness.Token("token-1");
        }));
        var credential = harness.ClientSecret();
        using var impatient = new CancellationTokenSource();

        var first = credential.GetTokenAsync(impatient.Token).AsTask();
        var second = credential.GetTokenAsync(Ct).AsTask();
        await Eventually.HoldsAsync(() => harness.Tokens.Count == 1, "the token request started");
        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.Within());
        release.SetResult();

        Assert.Equal("token-1", (await second.Within()).Value);
        Assert.Equal(1, harness.Tokens.Count);
    }

    [Fact]
    public async Task The_shared_base_renews_a_token_by_RefreshBeforeExpiry_but_at_most_a_tenth_of_its_lifetime_early()
    {
        await using var harness = new CredentialHarness(new TestHttpHandler((_, _) => throw new InvalidOperationException("no HTTP here")));
        var credential = new CountingCredential(harness.Time, lifetime: TimeSpan.FromSeconds(300));

        Assert.Equal("token-1", (await credential.GetTokenAsync(Ct)).Value);

        // 300 s lifetime: a tenth (30 s) is less than the 60 s RefreshBeforeExpiry, so renewal is due at 270 s.
        harness.Time.Advance(TimeSpan.FromSeconds(269));
        Assert.Equal("token-1", (await credential.GetTokenAsync(Ct)).Value);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("token-2", (await credential.GetTokenAsync(Ct)).Value);
        Assert.Equal(2, credential.Requests);
    }

    [Fact]
    public async Task A_token_request_that_outlives_its_timeout_is_reported_as_unavailable_and_the_next_call_asks_again()
    {
        await using var harness = new CredentialHarness(new TestHttpHandler((_, _) => throw new InvalidOperationException("no HTTP here")));
        var credential = new CountingCredential(harness.Time, TimeSpan.FromHours(1)) { Hang = true };

        var call = credential.GetTokenAsync(Ct).AsTask();
        harness.Time.Advance(await harness.Time.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(30)));
        var error = await Assert.ThrowsAsync<PmsUnavailableException>(() => call.Within());

        Assert.Equal("acme", error.Vendor);
        Assert.Contains("did not answer in time", error.Message, StringComparison.Ordinal);
        credential.Hang = false;
        Assert.Equal("token-2", (await credential.GetTokenAsync(Ct)).Value);
    }

    [Fact]
    public async Task Invalidating_drops_only_the_rejected_token_and_keeps_a_newer_one()
    {
        await using var harness = new CredentialHarness(new TestHttpHandler((_, index) => CredentialHarness.Token($"token-{index + 1}")));
        var credential = harness.ClientSecret();

        var first = await credential.GetTokenAsync(Ct);
        credential.Invalidate(first);
        var second = await credential.GetTokenAsync(Ct);

        // A caller still holding the first token reports it refused: the second one, newer, stays.
        credential.Invalidate(first);
        var third = await credential.GetTokenAsync(Ct);

        Assert.Equal(["token-1", "token-2", "token-2"], new[] { first.Value, second.Value, third.Value });
        Assert.Equal(2, harness.Tokens.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task A_token_endpoint_failing_on_its_side_is_a_transient_unavailable_error(HttpStatusCode status)
    {
        await using var harness = new CredentialHarness(new TestHttpHandler((_, _) => new HttpResponseMessage(status)));

        var error = await Assert.ThrowsAsync<PmsUnavailableException>(() => harness.ClientSecret().GetTokenAsync(Ct).AsTask());

        Assert.Equal(status, error.StatusCode);
        Assert.Contains($"HTTP {(int)status}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_token_endpoint_is_a_transient_unavailable_error()
    {
        await using var harness = new CredentialHarness(new TestHttpHandler((_, _) => throw new HttpRequestException(HttpRequestError.ConnectionError, "connection refused")));

        var error = await Assert.ThrowsAsync<PmsUnavailableException>(() => harness.ClientSecret().GetTokenAsync(Ct).AsTask());

        Assert.Contains("could not be reached", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_client_credentials_are_an_authentication_error_with_the_oauth_code_and_without_the_secret()
    {
        await using var harness = new CredentialHarness(new TestHttpHandler((_, _) => TestHttpHandler.Json(
            HttpStatusCode.BadRequest,
            """{"error":"invalid_client","error_description":"client_secret=client-secret-0815 is wrong"}""")));

        var error = await Assert.ThrowsAsync<PmsAuthenticationException>(() => harness.ClientSecret().GetTokenAsync(Ct).AsTask());

        Assert.Equal(("acme", "invalid_client", HttpStatusCode.BadRequest), (error.Vendor, error.VendorErrorCode, error.StatusCode));
        Assert.Contains("refused the client credentials (HTTP 400) (invalid_client", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("client-secret-0815", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Logs.GetSnapshot(), r => r.Message.Contains("client-secret-0815", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_password_grant_sends_the_integration_user_with_basic_client_authentication()
    {
        await using var harness = new CredentialHarness(new TestHttpHandler((_, _) => CredentialHarness.Token("token-1")));
        var credential = harness.ClientSecret(CredentialHarness.ClientSecretOptions(o =>
        {
            o.Grant = PmsClientSecretGrant.Password;
            o.UserName = "integration-user";
            o.Password = "user-password-4711";
        }));

        await credential.GetTokenAsync(Ct);

        var request = Assert.Single(harness.Tokens.Requests);
        var form = System.Web.HttpUtility.ParseQueryString(request.Body!);
        Assert.Equal(("password", "integration-user", "user-password-4711"), (form["grant_type"], form["username"], form["password"]));
        Assert.StartsWith("Basic ", request.Authorization, StringComparison.Ordinal);
        Assert.Null(form["client_secret"]);
    }

    [Fact]
    public void Invalid_settings_fail_at_construction_with_a_message_naming_each_setting()
    {
        var options = new PmsClientSecretCredentialOptions
        {
            TokenAddress = new Uri("ftp://127.0.0.1/token"),
            Grant = PmsClientSecretGrant.Password,
            TokenRequestTimeout = TimeSpan.Zero,
        };

        var error = Assert.Throws<ArgumentException>(() => new PmsClientSecretCredential(options, new NoHttpClientFactory()));

        foreach (var expected in new[]
                 {
                     "Vendor is required", "TokenRequestTimeout must be positive", "TokenAddress must be an absolute http or https address",
                     "ClientId is required", "ClientSecret is required", "UserName is required for the password grant", "Password is required for the password grant",
                 })
        {
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>A credential on the shared base whose issuer is in memory: counts requests, can hang until its timeout.</summary>
    private sealed class CountingCredential(TimeProvider time, TimeSpan lifetime) : PmsTokenCredential(new Options(), time)
    {
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        public bool Hang { get; set; }

        protected override async Task<PmsAccessToken> RequestTokenAsync(CancellationToken cancellationToken)
        {
            var number = Interlocked.Increment(ref _requests);
            if (Hang)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider, cancellationToken);
            }

            return new PmsAccessToken($"token-{number}", TimeProvider.GetUtcNow() + lifetime);
        }

        private sealed class Options : PmsTokenCredentialOptions
        {
            public Options() => Vendor = "acme";
        }
    }

    private sealed class NoHttpClientFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("not expected");
    }
}
