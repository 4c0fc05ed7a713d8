using System.Collections.Concurrent;
using System.Net;
using System.Web;
using HotelPlatform.Connectors.Authentication;
using HotelPlatform.Connectors.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.Tests.Authentication;

/// <summary>The authorization-code flow's renewal, with the form-encoded client authentication of a Cloudbeds-style <c>access_token</c> endpoint.</summary>
public sealed class RefreshTokenCredentialTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpResponseMessage InvalidGrant() =>
        TestHttpHandler.Json(HttpStatusCode.BadRequest, """{"error":"invalid_grant","error_description":"refresh_token refresh-1-SECRET is revoked"}""");

    [Fact]
    public async Task The_access_token_is_renewed_with_the_refresh_token_grant_and_the_client_in_the_form()
    {
        await using var harness = new CredentialHarness(new TestHttpHandler((_, index) => CredentialHarness.Token($"access-{index + 1}", expiresIn: 3600)));
        var credential = harness.RefreshToken(CredentialHarness.RefreshTokenOptions());

        var first = await credential.GetTokenAsync(Ct);
        harness.Time.Advance(TimeSpan.FromSeconds(3540));
        var second = await credential.GetTokenAsync(Ct);

        Assert.Equal(("access-1", "access-2"), (first.Value, second.Value));
        Assert.All(harness.Tokens.Requests, request =>
        {
            var form = HttpUtility.ParseQueryString(request.Body!);
            Assert.Equal(("refresh_token", "refresh-1-SECRET", "client-1", "client-secret-0815"), (form["grant_type"], form["refresh_token"], form["client_id"], form["client_secret"]));
            Assert.Null(request.Authorization);
        });
    }

    [Fact]
    public async Task A_rotated_refresh_token_is_used_from_then_on_and_handed_to_the_application_once()
    {
        await using var harness = new CredentialHarness(new TestHttpHandler((_, index) => index == 0
            ? CredentialHarness.Token("access-1", refreshToken: "refresh-2-SECRET")
            : CredentialHarness.Token($"access-{index + 1}", refreshToken: "refresh-2-SECRET")));
        var stored = new ConcurrentQueue<string>();
        var credential = harness.RefreshToken(CredentialHarness.RefreshTokenOptions(o => o.RefreshTokenRotated = (token, _) =>
        {
            stored.Enqueue(token);
            return ValueTask.CompletedTask;
        }));

        await credential.GetTokenAsync(Ct);
        harness.Time.Advance(TimeSpan.FromHours(1));
        await credential.GetTokenAsync(Ct);

        Assert.Equal(["refresh-1-SECRET", "refresh-2-SECRET"], harness.Tokens.Requests.Select(r => HttpUtility.ParseQueryString(r.Body!)["refresh_token"]));

        // The second answer repeats the token it already has: not a rotation, so not reported again.
        Assert.Equal(["refresh-2-SECRET"], stored);
    }

    [Fact]
    public async Task A_revoked_refresh_token_fails_clearly_asking_for_reauthorization_and_is_never_sent_again()
    {
        await using var harness = new CredentialHarness(new TestHttpHandler((_, _) => InvalidGrant()));
        var credential = harness.RefreshToken(CredentialHarness.RefreshTokenOptions());

        var first = await Assert.ThrowsAsync<PmsAuthenticationException>(() => credential.GetTokenAsync(Ct).AsTask());
        var second = await Assert.ThrowsAsync<PmsAuthenticationException>(() => credential.GetTokenAsync(Ct).AsTask());

        Assert.Equal(("acme", "invalid_grant"), (first.Vendor, first.VendorErrorCode));
        Assert.Contains("refused the refresh token", first.Message, StringComparison.Ordinal);
        Assert.Contains("must be authorized again", first.Message, StringComparison.Ordinal);
        Assert.Equal(first.Message, second.Message);
        Assert.Equal(1, harness.Tokens.Count);
        Assert.DoesNotContain("refresh-1-SECRET", first.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Logs.GetSnapshot(), r => r.Message.Contains("refresh-1-SECRET", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_revoked_refresh_token_behind_the_pipeline_is_an_authentication_error_that_is_not_retried()
    {
        var tokens = new TestHttpHandler((_, _) => InvalidGrant());
        var api = new TestHttpHandler((_, _) => TestHttpHandler.Json(HttpStatusCode.OK, "{}"));
        await using var harness = PipelineHarness.Create(
            api,
            services =>
            {
                var options = PipelineHarness.Options();
                options.Authenticator = new PmsBearerTokenAuthenticator(
                    services.GetRequiredService<PmsCredentialRegistry>().GetRefreshTokenCredential(CredentialHarness.RefreshTokenOptions()));
                return options;
            },
            tokens);

        await Assert.ThrowsAsync<PmsAuthenticationException>(() => harness.Client().GetAsync("getReservations", Ct).Within());

        Assert.Equal(1, tokens.Count);
        Assert.Equal(0, api.Count);
    }

    [Fact]
    public async Task An_authorization_code_is_exchanged_once_and_the_refresh_token_received_is_used_afterwards()
    {
        await using var harness = new CredentialHarness(new TestHttpHandler((_, index) => CredentialHarness.Token($"access-{index + 1}", refreshToken: "refresh-from-code")));
        var stored = new ConcurrentQueue<string>();
        var credential = harness.RefreshToken(CredentialHarness.RefreshTokenOptions(o =>
        {
            o.RefreshToken = null;
            o.AuthorizationCode = "code-SECRET";
            o.RedirectUri = new Uri("https://app.example/callback");
            o.RefreshTokenRotated = (token, _) =>
            {
                stored.Enqueue(token);
                return ValueTask.CompletedTask;
            };
        }));

        await credential.GetTokenAsync(Ct);
        harness.Time.Advance(TimeSpan.FromHours(1));
        await credential.GetTokenAsync(Ct);

        var forms = harness.Tokens.Requests.Select(r => HttpUtility.ParseQueryString(r.Body!)).ToList();
        Assert.Equal(("authorization_code", "code-SECRET", "https://app.example/callback"), (forms[0]["grant_type"], forms[0]["code"], forms[0]["redirect_uri"]));
        Assert.Equal(("refresh_token", "refresh-from-code", null), (forms[1]["grant_type"], forms[1]["refresh_token"], forms[1]["code"]));
        Assert.Equal(["refresh-from-code"], stored);
    }

    [Fact]
    public async Task A_failing_rotation_handler_is_logged_without_the_token_and_the_new_token_stays_in_use()
    {
        await using var harness = new CredentialHarness(new TestHttpHandler((_, index) => CredentialHarness.Token($"access-{index + 1}", refreshToken: "refresh-2-SECRET")));
        var credential = harness.RefreshToken(CredentialHarness.RefreshTokenOptions(o => o.RefreshTokenRotated = (_, _) => throw new IOException("disk full")));

        var token = await credential.GetTokenAsync(Ct);
        harness.Time.Advance(TimeSpan.FromHours(1));
        await credential.GetTokenAsync(Ct);

        Assert.Equal("access-1", token.Value);
        Assert.Equal("refresh-2-SECRET", HttpUtility.ParseQueryString(harness.Tokens.Requests[1].Body!)["refresh_token"]);
        var warning = Assert.Single(harness.Logs.GetSnapshot(), r => r.Id.Id == 1203);
        Assert.Contains("IOException", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("refresh-2-SECRET", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_without_a_refresh_token_or_an_authorization_code_are_refused_naming_the_setting()
    {
        var options = CredentialHarness.RefreshTokenOptions(o => o.RefreshToken = null);

        var error = Assert.Throws<ArgumentException>(() => new PmsRefreshTokenCredential(options, new NoHttpClientFactory()));

        Assert.Contains("RefreshToken (or AuthorizationCode with RedirectUri) is required", error.Message, StringComparison.Ordinal);
    }

    private sealed class NoHttpClientFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("not expected");
    }
}
