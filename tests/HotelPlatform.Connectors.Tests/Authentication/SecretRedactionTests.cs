using System.Net;
using System.Text;
using HotelPlatform.Connectors.Authentication;
using HotelPlatform.Connectors.Http;
using HotelPlatform.Connectors.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;

namespace HotelPlatform.Connectors.Tests.Authentication;

/// <summary>Every secret an authenticator or credential holds stays out of log lines, exception messages and descriptions.</summary>
public sealed class SecretRedactionTests
{
    private const string ClientSecret = "cs-SECRET-1111";
    private const string AccessToken = "at-SECRET-2222";
    private const string ApiKey = "cbat_SECRET-3333";
    private const string BodyToken = "bt-SECRET-4444";
    private const string UserPassword = "pw-SECRET-5555";
    private const string RefreshToken = "rt-SECRET-6666";
    private const string AppKey = "ak-SECRET-7777";

    private static readonly string[] Secrets = [ClientSecret, AccessToken, ApiKey, BodyToken, UserPassword, RefreshToken, AppKey];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void AssertNoSecret(string text, string where)
    {
        foreach (var secret in Secrets)
        {
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{where} contains {secret[..7]}…: {text}");
        }
    }

    private static void AssertNoSecretLogged(FakeLogCollector logs)
    {
        var records = logs.GetSnapshot();
        Assert.NotEmpty(records);
        foreach (var record in records)
        {
            var everything = string.Join(
                "|",
                new[] { record.Message, record.Exception?.ToString() ?? string.Empty }.Concat(record.StructuredState?.Select(kv => $"{kv.Key}={kv.Value}") ?? []));
            AssertNoSecret(everything, $"log line {record.Id}");
        }
    }

    [Fact]
    public async Task A_failing_call_through_every_kind_of_authenticator_logs_and_throws_without_a_secret()
    {
        var tokens = new TestHttpHandler((_, _) => CredentialHarness.Token(AccessToken));

        // Refused twice (401), so the renewal and the replay both run; then a write that fails on the vendor's side.
        var api = new TestHttpHandler((_, index) => index < 2 ? new HttpResponseMessage(HttpStatusCode.Unauthorized) : new HttpResponseMessage(HttpStatusCode.InternalServerError));
        await using var harness = PipelineHarness.Create(
            api,
            services =>
            {
                var options = PipelineHarness.Options();
                options.Authenticator = new PmsCompositeAuthenticator(
                    PipelineHarness.Bearer(services, secret: ClientSecret, configure: o => o.TokenRequestHeaders["x-app-key"] = AppKey),
                    PmsHeaderAuthenticator.ApiKey("x-api-key", ApiKey),
                    new PmsJsonBodyAuthenticator([new("ClientToken", BodyToken)]));
                return options;
            },
            tokens);

        using (var refused = await harness.Client().PostAsync("reservations", new StringContent("{}", Encoding.UTF8, "application/json"), Ct).Within())
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using (var failed = await harness.Client().PostAsync("reservations", new StringContent("{}", Encoding.UTF8, "application/json"), Ct).Within())
        {
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        }

        var bad = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Client().PostAsync("reservations", new StringContent("[1]"), Ct).Within());

        // The secrets did go where they belong.
        Assert.Equal(BodyToken, System.Text.Json.Nodes.JsonNode.Parse(api.Requests[0].Body!)!["ClientToken"]!.GetValue<string>());
        Assert.Equal(ApiKey, api.Requests[0].Headers["x-api-key"]);
        AssertNoSecret(bad.ToString(), "the exception");
        AssertNoSecretLogged(harness.Logs);
    }

    [Fact]
    public async Task A_token_endpoint_echoing_the_secrets_in_free_text_has_them_replaced_in_the_exception_and_the_log()
    {
        var echo = $"client {ClientSecret} with user password {UserPassword} and key {AppKey} unknown";
        await using var harness = new CredentialHarness(new TestHttpHandler((_, _) => TestHttpHandler.Json(HttpStatusCode.BadRequest, $$"""{"error":"invalid_client","error_description":"{{echo}}"}""")));
        var credential = harness.ClientSecret(CredentialHarness.ClientSecretOptions(o =>
        {
            o.ClientSecret = ClientSecret;
            o.Grant = PmsClientSecretGrant.Password;
            o.UserName = "integration-user";
            o.Password = UserPassword;
            o.TokenRequestHeaders["x-app-key"] = AppKey;
        }));

        var error = await Assert.ThrowsAsync<PmsAuthenticationException>(() => credential.GetTokenAsync(Ct).AsTask());

        Assert.Contains("invalid_client: client [secret] with user password [secret] and key [secret] unknown", error.Message, StringComparison.Ordinal);
        AssertNoSecret(error.ToString(), "the exception");
        AssertNoSecretLogged(harness.Logs);
    }

    [Fact]
    public async Task A_revoked_refresh_token_echoed_back_is_kept_out_of_the_exception_and_the_log()
    {
        await using var harness = new CredentialHarness(new TestHttpHandler((_, _) => TestHttpHandler.Json(HttpStatusCode.BadRequest, $$"""{"error":"invalid_grant","error_description":"{{RefreshToken}} revoked"}""")));
        var credential = harness.RefreshToken(CredentialHarness.RefreshTokenOptions(o =>
        {
            o.ClientSecret = ClientSecret;
            o.RefreshToken = RefreshToken;
        }));

        var error = await Assert.ThrowsAsync<PmsAuthenticationException>(() => credential.GetTokenAsync(Ct).AsTask());

        AssertNoSecret(error.ToString(), "the exception");
        AssertNoSecretLogged(harness.Logs);
    }

    [Fact]
    public async Task Descriptions_of_tokens_credentials_and_authenticators_show_no_secret()
    {
        await using var harness = new CredentialHarness(new TestHttpHandler((_, _) => CredentialHarness.Token(AccessToken)));
        var credential = harness.ClientSecret(CredentialHarness.ClientSecretOptions(o => o.ClientSecret = ClientSecret));
        var token = await credential.GetTokenAsync(Ct);
        var authenticator = new PmsCompositeAuthenticator(
            new PmsBearerTokenAuthenticator(credential),
            PmsHeaderAuthenticator.ApiKey("x-api-key", ApiKey),
            new PmsJsonBodyAuthenticator([new("AccessToken", BodyToken)]));

        Assert.Equal(AccessToken, token.Value);
        foreach (var description in new[] { token.ToString(), credential.ToString(), authenticator.ToString() })
        {
            AssertNoSecret(description, "a description");
        }

        Assert.Equal("PmsCompositeAuthenticator (PmsBearerTokenAuthenticator (PmsClientSecretCredential (acme)), PmsHeaderAuthenticator (x-api-key), PmsJsonBodyAuthenticator (AccessToken))", authenticator.ToString());
    }

    [Fact]
    public void An_empty_secret_is_refused_naming_the_header_or_property_not_a_value()
    {
        var header = Assert.Throws<ArgumentException>(() => PmsHeaderAuthenticator.ApiKey("x-api-key", string.Empty));
        var property = Assert.Throws<ArgumentException>(() => new PmsJsonBodyAuthenticator([new("AccessToken", string.Empty)]));

        Assert.Contains("'x-api-key'", header.Message, StringComparison.Ordinal);
        Assert.Contains("'AccessToken'", property.Message, StringComparison.Ordinal);
    }
}
