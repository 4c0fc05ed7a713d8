using System.Threading.RateLimiting;
using HotelPlatform.Connectors.Http;
using HotelPlatform.Connectors.Redis.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HotelPlatform.Connectors.Redis.Tests;

/// <summary>The Redis limiter on a real redis-server, on a fake clock: windows, buckets, lanes, and Redis being down.</summary>
public sealed class RedisRateLimiterTests
{
    private static readonly PmsRateLimitQuota SlidingTenPerSecond = new(8, TimeSpan.FromSeconds(1)) { Burst = 2, SlidingWindowLimit = 10 };
    private static readonly PmsRateLimitQuota BucketOfFiveAtFivePerSecond = new(5, TimeSpan.FromSeconds(1)) { Burst = 5 };

    private readonly ObservedClock _time = new();
    private readonly string _prefix = $"test:{Guid.NewGuid():N}:";

    [Fact]
    public async Task Two_hosts_of_one_account_share_one_sliding_window_and_learn_when_it_admits_again()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var first = Host(o => o.Configuration = redis.Configuration);
        await using var second = Host(o => o.Configuration = redis.Configuration);
        var a = Limiter(first, SlidingTenPerSecond);
        var b = Limiter(second, SlidingTenPerSecond);

        Assert.Equal(6, Take(a, 6));
        _time.Advance(TimeSpan.FromMilliseconds(400));
        Assert.Equal(4, Take(b, 10));
        using var refused = a.AttemptAcquire();
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var wait));
        Assert.Equal(TimeSpan.FromMilliseconds(600), wait);

        // The first six leave the window exactly one second after they were counted.
        _time.Advance(TimeSpan.FromMilliseconds(599));
        Assert.Equal(0, Take(b, 1));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(6, Take(b, 10));
    }

    [Fact]
    public async Task A_bulk_flood_never_takes_the_interactive_reserve_of_a_sliding_window()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var host = Host(o => o.Configuration = redis.Configuration);
        var limiter = Limiter(host, SlidingTenPerSecond);

        for (var second = 0; second < 5; second++)
        {
            Assert.Equal(8, TakeInLane(limiter, PmsTrafficLane.Bulk, 100));
            Assert.Equal(2, TakeInLane(limiter, PmsTrafficLane.Interactive, 100));
            _time.Advance(TimeSpan.FromSeconds(1));
        }
    }

    [Fact]
    public async Task A_bulk_flood_leaves_interactive_calls_a_token_of_the_bucket_at_every_step()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var host = Host(o => o.Configuration = redis.Configuration);
        var limiter = Limiter(host, BucketOfFiveAtFivePerSecond);

        // Bulk work takes the bucket down to the reserve (one token) and, from then on, every refill but the reserve.
        Assert.Equal(4, TakeInLane(limiter, PmsTrafficLane.Bulk, 100));
        var bulk = 0;
        for (var step = 1; step <= 25; step++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(200));
            if (step % 5 == 0)
            {
                // A guest on the phone, once a second: answered at once, every time.
                Assert.Equal(1, TakeInLane(limiter, PmsTrafficLane.Interactive, 1));
            }

            bulk += TakeInLane(limiter, PmsTrafficLane.Bulk, 100);
        }

        Assert.Equal(20, bulk);
    }

    [Fact]
    public async Task A_waiting_caller_gets_its_permit_when_the_bucket_refills_and_not_before()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var host = Host(o => o.Configuration = redis.Configuration);
        var limiter = Limiter(host, BucketOfFiveAtFivePerSecond);
        Assert.Equal(5, Take(limiter, 5));

        var waiting = limiter.AcquireAsync(1, TestContext.Current.CancellationToken).AsTask();
        await _time.TimerCreated.WaitAsync(TestContext.Current.CancellationToken);
        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(199));
        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        using var lease = await waiting;
        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public async Task While_redis_is_down_the_default_refuses_every_call_with_the_configured_wait()
    {
        var port = RedisServer.FreePort();
        await using var host = Host(o =>
        {
            o.Configuration = $"127.0.0.1:{port},connectTimeout=500";
            o.UnavailableRetryAfter = TimeSpan.FromSeconds(3);
        });
        var limiter = Limiter(host, SlidingTenPerSecond);

        using var attempted = limiter.AttemptAcquire();
        using var awaited = await limiter.AcquireAsync(1, TestContext.Current.CancellationToken);
        foreach (var lease in new[] { attempted, awaited })
        {
            Assert.False(lease.IsAcquired);
            Assert.True(lease.TryGetMetadata(MetadataName.RetryAfter, out var wait));
            Assert.Equal(TimeSpan.FromSeconds(3), wait);
        }
    }

    [Fact]
    public async Task While_redis_is_down_local_share_paces_the_host_with_its_share_of_the_quota()
    {
        var port = RedisServer.FreePort();
        await using var host = Host(o =>
        {
            o.Configuration = $"127.0.0.1:{port},connectTimeout=500";
            o.WhenUnavailable = RedisUnavailableBehavior.LocalShare;
            o.ExpectedInstances = 2;
        });
        var limiter = Limiter(host, SlidingTenPerSecond);

        Assert.Equal(5, Take(limiter, 20));
    }

    [Fact]
    public async Task The_servers_clock_paces_hosts_when_no_test_clock_is_asked_for()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var host = Host(o =>
        {
            o.Configuration = redis.Configuration;
            o.UseServerClock = true;
        });
        var limiter = Limiter(host, new PmsRateLimitQuota(1, TimeSpan.FromHours(1)) { Burst = 1, SlidingWindowLimit = 3 });

        Assert.Equal(3, Take(limiter, 10));
        using var refused = limiter.AttemptAcquire();
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var wait));
        Assert.InRange(wait, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));
    }

    [Fact]
    public void Options_without_a_connection_fail_at_start_up()
    {
        using var services = new ServiceCollection().AddLogging().AddPmsConnectors().UseRedisRateLimiting(_ => { }).Services.BuildServiceProvider();

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => services.GetRequiredService<IPmsRateLimiterProvider>());
        Assert.Contains("Configuration string or a ConnectionFactory", error.Message, StringComparison.Ordinal);
    }

    private static int Take(RateLimiter limiter, int most) => TakeInLane(limiter, PmsTrafficLane.Interactive, most);

    private static int TakeInLane(RateLimiter limiter, PmsTrafficLane lane, int most)
    {
        using var scope = PmsTrafficLanes.Begin(lane);
        var taken = 0;
        for (var i = 0; i < most; i++)
        {
            using var lease = limiter.AttemptAcquire();
            if (!lease.IsAcquired)
            {
                break;
            }

            taken++;
        }

        return taken;
    }

    private static RateLimiter Limiter(ServiceProvider host, PmsRateLimitQuota quota) =>
        host.GetRequiredService<IPmsRateLimiterProvider>().GetLimiter("apaleo:account-1", quota);

    private ServiceProvider Host(Action<RedisPmsRateLimitingOptions> configure)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<TimeProvider>(_time);
        services.AddPmsConnectors().UseRedisRateLimiting(o =>
        {
            o.UseServerClock = false;
            o.KeyPrefix = _prefix;
            configure(o);
        });
        return services.BuildServiceProvider();
    }

    /// <summary>A fake clock that says when a timer was created, so a test advances time only once a caller waits on it.</summary>
    private sealed class ObservedClock() : FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero))
    {
        private readonly TaskCompletionSource _timerCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task TimerCreated => _timerCreated.Task;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            _timerCreated.TrySetResult();
            return timer;
        }
    }
}
