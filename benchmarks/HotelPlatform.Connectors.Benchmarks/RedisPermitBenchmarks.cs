using System.Threading.RateLimiting;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using HotelPlatform.Connectors.Http;
using HotelPlatform.Connectors.Redis;
using HotelPlatform.Connectors.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HotelPlatform.Connectors.Benchmarks;

/// <summary>
/// The latency the shared Redis limiter adds to every HTTP attempt: one permit is one atomic script on a real
/// <c>redis-server</c> (started here on a free loopback port, no persistence), for both shapes a quota can take —
/// GCRA bucket (Apaleo, Cloudbeds, OPERA) and exact sliding log (Mews) — next to a bare <c>PING</c>, the round trip
/// no script can beat. The quota is far above what one caller reaches, so every permit is granted and the figure is the
/// script, not a wait. Without a <c>redis-server</c> (<c>HOTELPLATFORM_TEST_REDIS</c> or /usr/bin/redis-server) the class
/// leaves itself out of the run, saying why.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(RedisRequired))]
public class RedisPermitBenchmarks
{
    private const int Concurrency = 16;
    private RedisServerProcess? _redis;
    private ServiceProvider? _services;
    private RateLimiter _limiter = null!;

    [Params("bucket", "sliding")]
    public string Shape { get; set; } = "bucket";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var executable = RedisServerProcess.FindExecutable() ?? throw new InvalidOperationException("No redis-server (the config filters this class out).");
        _redis = await RedisServerProcess.StartAsync(executable, CancellationToken.None);
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddPmsConnectors().UseRedisRateLimiting(o => o.Configuration = _redis.Configuration);
        _services = services.BuildServiceProvider();
        var quota = new PmsRateLimitQuota(1_000_000, TimeSpan.FromSeconds(1)) { SlidingWindowLimit = Shape == "sliding" ? 1_000_000 : null };
        _limiter = _services.GetRequiredService<IPmsRateLimiterProvider>().GetLimiter("bench:" + Shape, quota);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    /// <summary>One round trip with no script: the floor for any shared permit.</summary>
    [Benchmark(Baseline = true)]
    public Task<TimeSpan> Ping() => _redis!.Connection.GetDatabase().PingAsync();

    /// <summary>What the pipeline does first for every attempt: a permit without waiting.</summary>
    [Benchmark]
    public void AttemptAcquire()
    {
        using var lease = _limiter.AttemptAcquire();
        Granted(lease);
    }

    /// <summary>The asynchronous permit, one caller at a time.</summary>
    [Benchmark]
    public async Task AcquireAsync()
    {
        using var lease = await _limiter.AcquireAsync(1);
        Granted(lease);
    }

    /// <summary>Sixteen callers of one account at once (one multiplexed connection); one operation is one permit.</summary>
    [Benchmark(OperationsPerInvoke = Concurrency)]
    public async Task AcquireAsyncSixteenAtOnce()
    {
        var permits = new Task[Concurrency];
        for (var i = 0; i < Concurrency; i++)
        {
            permits[i] = AcquireAsync();
        }

        await Task.WhenAll(permits);
    }

    private static void Granted(RateLimitLease lease)
    {
        if (!lease.IsAcquired)
        {
            throw new InvalidOperationException("A permit was refused: the benchmark would time a wait, not the script.");
        }
    }

    /// <summary>Leaves the class out of the run, saying why, when no redis-server is installed.</summary>
    private sealed class RedisRequired : ManualConfig
    {
        public RedisRequired()
        {
            if (RedisServerProcess.FindExecutable() is null)
            {
                Console.WriteLine($"RedisPermitBenchmarks left out: no redis-server (apt-get install -y redis-server, or set {RedisServerProcess.Variable}).");
                AddFilter(new SimpleFilter(_ => false));
            }
        }
    }
}
