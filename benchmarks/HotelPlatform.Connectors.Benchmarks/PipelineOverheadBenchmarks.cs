using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using HotelPlatform.Connectors.Authentication;
using HotelPlatform.Connectors.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HotelPlatform.Connectors.Benchmarks;

/// <summary>
/// The runtime's per-request overhead: the same GET to the same loopback server, once through a bare
/// <see cref="HttpClient"/> and once through the PMS pipeline (diagnostics/redaction, resilience, account rate limiter,
/// OAuth2 token handler) with an activity listener attached, so telemetry is really produced.
/// </summary>
[MemoryDiagnoser]
public class PipelineOverheadBenchmarks
{
    private const string Path = "inventory/v1/properties/BER";
    private LoopbackServer _server = null!;
    private HttpClient _bare = null!;
    private HttpClient _pipeline = null!;
    private ServiceProvider _services = null!;
    private ActivityListener _listener = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await LoopbackServer.StartAsync();
        _bare = new HttpClient(new SocketsHttpHandler()) { BaseAddress = _server.BaseAddress };

        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddPmsConnectors();
        services.AddPmsHttpClient("bench", sp => new PmsHttpClientOptions
        {
            Vendor = PmsVendors.Apaleo,
            HotelId = "bench",
            BaseAddress = _server.BaseAddress,
            AccountKey = "apaleo:bench",
            Authenticator = new PmsBearerTokenAuthenticator(sp.GetRequiredService<PmsCredentialRegistry>().GetClientSecretCredential(new PmsClientSecretCredentialOptions
            {
                Vendor = PmsVendors.Apaleo,
                TokenAddress = new Uri(_server.BaseAddress, "connect/token"),
                ClientId = "bench-client",
                ClientSecret = "bench-secret",
            })),
            // A quota far above what one benchmark thread can send: the limiter's cost is measured, not its waits.
            RateLimit = new PmsRateLimitQuota(1_000_000, TimeSpan.FromSeconds(1)),
        });
        _services = services.BuildServiceProvider();
        _pipeline = _services.GetRequiredService<IHttpClientFactory>().CreateClient("bench");

        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("HotelPlatform.Connectors", StringComparison.Ordinal) || source.Name.StartsWith("System.Net.Http", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_listener);

        // Warm both paths (connection, token) outside the measurement.
        await BareHttpClient();
        await PmsPipeline();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _listener.Dispose();
        _bare.Dispose();
        _pipeline.Dispose();
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "bare HttpClient")]
    public async Task<int> BareHttpClient()
    {
        using var response = await _bare.GetAsync(Path);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return bytes.Length;
    }

    [Benchmark(Description = "PMS pipeline (token + limiter + resilience + telemetry)")]
    public async Task<int> PmsPipeline()
    {
        using var response = await _pipeline.GetAsync(Path);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return bytes.Length;
    }
}
