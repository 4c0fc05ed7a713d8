using System.Net;
using HotelPlatform.Connectors.Authentication;
using HotelPlatform.Connectors.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace HotelPlatform.Connectors.Tests.Authentication;

/// <summary>Credentials on their own: a token endpoint that is an in-process <see cref="TestHttpHandler"/>, a fake clock and captured logs.</summary>
public sealed class CredentialHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public CredentialHarness(TestHttpHandler tokenEndpoint)
    {
        Time = new ObservableTimeProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace));
        services.AddFakeLogging();

        // The runtime's own registration of the token client (no default loggers), as an application gets it.
        services.AddPmsConnectors();
        services.AddHttpClient(PmsOAuth2CredentialOptions.TokenHttpClientName).ConfigurePrimaryHttpMessageHandler(() => tokenEndpoint);
        _services = services.BuildServiceProvider();
        Tokens = tokenEndpoint;
    }

    public ObservableTimeProvider Time { get; }

    public TestHttpHandler Tokens { get; }

    public FakeLogCollector Logs => _services.GetFakeLogCollector();

    public static HttpResponseMessage Token(string accessToken, int expiresIn = 3600, string? refreshToken = null) =>
        TestHttpHandler.Json(
            HttpStatusCode.OK,
            refreshToken is null
                ? $$"""{"access_token":"{{accessToken}}","token_type":"Bearer","expires_in":{{expiresIn}}}"""
                : $$"""{"access_token":"{{accessToken}}","token_type":"Bearer","expires_in":{{expiresIn}},"refresh_token":"{{refreshToken}}"}""");

    public static PmsClientSecretCredentialOptions ClientSecretOptions(Action<PmsClientSecretCredentialOptions>? configure = null)
    {
        var options = new PmsClientSecretCredentialOptions
        {
            Vendor = "acme",
            TokenAddress = new Uri("http://127.0.0.1/oauth/v1/tokens"),
            ClientId = "client-1",
            ClientSecret = "client-secret-0815",
        };
        configure?.Invoke(options);
        return options;
    }

    public static PmsRefreshTokenCredentialOptions RefreshTokenOptions(Action<PmsRefreshTokenCredentialOptions>? configure = null)
    {
        var options = new PmsRefreshTokenCredentialOptions
        {
            Vendor = "acme",
            TokenAddress = new Uri("http://127.0.0.1/api/v1.3/access_token"),
            ClientId = "client-1",
            ClientSecret = "client-secret-0815",
            ClientAuthentication = PmsClientAuthentication.FormPost,
            RefreshToken = "refresh-1-SECRET",
        };
        configure?.Invoke(options);
        return options;
    }

    public PmsClientSecretCredential ClientSecret(PmsClientSecretCredentialOptions? options = null) =>
        new(options ?? ClientSecretOptions(), _services.GetRequiredService<IHttpClientFactory>(), Time, _services.GetRequiredService<ILoggerFactory>());

    public PmsRefreshTokenCredential RefreshToken(PmsRefreshTokenCredentialOptions options) =>
        new(options, _services.GetRequiredService<IHttpClientFactory>(), Time, _services.GetRequiredService<ILoggerFactory>());

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
