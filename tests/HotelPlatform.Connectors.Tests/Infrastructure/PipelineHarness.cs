using HotelPlatform.Connectors.Authentication;
using HotelPlatform.Connectors.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace HotelPlatform.Connectors.Tests.Infrastructure;

/// <summary>
/// A service provider with PMS HTTP clients whose "network" is an in-process <see cref="TestHttpHandler"/>, a fake
/// clock and a fake log collector capturing every level.
/// </summary>
public sealed class PipelineHarness : IAsyncDisposable
{
    public const string ClientName = "acme:berlin";

    private PipelineHarness(ServiceProvider services, ObservableTimeProvider time)
    {
        Services = services;
        Time = time;
    }

    public ServiceProvider Services { get; }

    public ObservableTimeProvider Time { get; }

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    public static PmsHttpClientOptions Options(string hotelId = "berlin") => new()
    {
        Vendor = "acme",
        HotelId = hotelId,
        BaseAddress = new Uri("http://127.0.0.1/api/"),
        AttemptTimeout = TimeSpan.FromSeconds(10),
        TotalTimeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>One client named <see cref="ClientName"/> over <paramref name="api"/>; token requests go to <paramref name="tokenEndpoint"/>.</summary>
    public static PipelineHarness Create(TestHttpHandler api, PmsHttpClientOptions options, TestHttpHandler? tokenEndpoint = null) =>
        Create(api, _ => options, tokenEndpoint);

    /// <summary>One client named <see cref="ClientName"/> over <paramref name="api"/> whose options are made by the provider (a credential from the registry); token requests go to <paramref name="tokenEndpoint"/>.</summary>
    public static PipelineHarness Create(TestHttpHandler api, Func<IServiceProvider, PmsHttpClientOptions> options, TestHttpHandler? tokenEndpoint = null) =>
        Create(services =>
        {
            services.AddPmsHttpClient(ClientName, options).ConfigurePrimaryHttpMessageHandler(() => api);
            if (tokenEndpoint is not null)
            {
                services.AddHttpClient(PmsOAuth2CredentialOptions.TokenHttpClientName).ConfigurePrimaryHttpMessageHandler(() => tokenEndpoint);
            }
        });

    /// <summary>The shared client-credentials credential of <paramref name="clientId"/> at <c>http://127.0.0.1/connect/token</c>, as a bearer authenticator.</summary>
    public static PmsBearerTokenAuthenticator Bearer(IServiceProvider services, string clientId = "client-1", string secret = "s3cr3t-value", Action<PmsClientSecretCredentialOptions>? configure = null)
    {
        var options = new PmsClientSecretCredentialOptions
        {
            Vendor = "acme",
            TokenAddress = new Uri("http://127.0.0.1/connect/token"),
            ClientId = clientId,
            ClientSecret = secret,
        };
        configure?.Invoke(options);
        return new PmsBearerTokenAuthenticator(services.GetRequiredService<PmsCredentialRegistry>().GetClientSecretCredential(options));
    }

    public static PipelineHarness Create(Action<IServiceCollection> configure)
    {
        var time = new ObservableTimeProvider();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace));
        services.AddFakeLogging();
        configure(services);
        return new PipelineHarness(services.BuildServiceProvider(), time);
    }

    public HttpClient Client(string name = ClientName) => Services.GetRequiredService<IHttpClientFactory>().CreateClient(name);

    /// <summary>
    /// Disposes the provider. Polly's pipeline registry waits, on the pipeline's clock, for executions still in flight
    /// (a failed test can leave one behind); the fake clock is moved on until it is done so that such a test reports its
    /// failure instead of hanging in teardown.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        var disposing = Services.DisposeAsync().AsTask();
        for (var step = 0; step < 600 && !disposing.IsCompleted; step++)
        {
            Time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(disposing, Task.Delay(10));
        }

        await disposing;
    }
}

public static class TaskTestExtensions
{
    /// <summary>Awaits a task that should complete without the clock moving; a hang fails the test instead of stalling the run.</summary>
    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(TimeSpan.FromSeconds(30));

    public static Task Within(this Task task) => task.WaitAsync(TimeSpan.FromSeconds(30));
}
