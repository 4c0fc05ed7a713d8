using HotelPlatform.Connectors.Cloudbeds.Tests.Infrastructure;
using WireMock.RequestBuilders;
using static HotelPlatform.Connectors.Cloudbeds.Tests.Infrastructure.CloudbedsHarness;

namespace HotelPlatform.Connectors.Cloudbeds.Tests.Connector;

/// <summary>OAuth2 with a refresh token instead of an API key: the access token is kept fresh, a rotated refresh token is reported, a revoked one is reported clearly.</summary>
public sealed class CredentialTests
{
    [Fact]
    public async Task A_refresh_token_is_exchanged_at_access_token_and_the_access_token_is_sent_as_bearer()
    {
        string? rotated = null;
        await using var harness = Start(o => UseOAuth(o, token => rotated = token));
        harness.Stub("POST", "access_token", Json("""{"access_token":"at-1","token_type":"Bearer","expires_in":3600,"refresh_token":"rt-2"}"""));

        await harness.Connector.GetPropertyAsync(Ct);

        var token = Assert.Single(harness.Server.LogEntries, e => e.RequestMessage.Path == $"{Api}/access_token").RequestMessage;
        Assert.Contains("grant_type=refresh_token", token.Body, StringComparison.Ordinal);
        Assert.Contains("refresh_token=rt-1", token.Body, StringComparison.Ordinal);
        Assert.Contains("client_id=cb-client", token.Body, StringComparison.Ordinal);
        var api = Assert.Single(harness.Server.LogEntries, e => e.RequestMessage.Path == $"{Api}/getHotels").RequestMessage;
        Assert.Equal("Bearer at-1", api.Headers!["Authorization"].Single());
        Assert.False(api.Headers.ContainsKey("x-api-key"));
        Assert.Equal("rt-2", rotated);
    }

    [Fact]
    public async Task A_revoked_refresh_token_fails_with_an_authentication_error_asking_for_reauthorization()
    {
        await using var harness = Start(o => UseOAuth(o, _ => { }));
        harness.Stub("POST", "access_token", Json("""{"error":"invalid_grant","error_description":"Refresh token revoked"}""", 400));

        var refused = await Assert.ThrowsAsync<PmsAuthenticationException>(() => harness.Connector.GetPropertyAsync(Ct));

        Assert.Contains("authoriz", refused.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, harness.Received("getHotels"));
    }

    private static void UseOAuth(CloudbedsOptions options, Action<string> rotated)
    {
        options.ApiKey = null;
        options.ClientId = "cb-client";
        options.ClientSecret = "cb-secret";
        options.RefreshToken = "rt-1";
        options.RefreshTokenRotated = (token, _) =>
        {
            rotated(token);
            return ValueTask.CompletedTask;
        };
    }
}
