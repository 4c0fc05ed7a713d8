using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using HotelPlatform.Connectors.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HotelPlatform.Connectors.Redis;

/// <summary>The runtime's limiter seam served from Redis: one <see cref="RedisPmsRateLimiter"/> per account key.</summary>
internal sealed class RedisPmsRateLimiterProvider : IPmsRateLimiterProvider, IDisposable
{
    private readonly ConcurrentDictionary<string, RedisPmsRateLimiter> _limiters = new(StringComparer.Ordinal);
    private readonly Lazy<IConnectionMultiplexer> _connection;
    private readonly RedisPmsRateLimitingOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly bool _ownsConnection;

    public RedisPmsRateLimiterProvider(IOptions<RedisPmsRateLimitingOptions> options, IServiceProvider services, TimeProvider timeProvider, ILogger<RedisPmsRateLimiterProvider> logger)
    {
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _ownsConnection = _options.ConnectionFactory is null;
        var factory = _options.ConnectionFactory;
        _connection = new Lazy<IConnectionMultiplexer>(() => factory is not null ? factory(services) : Connect(_options.Configuration!));
    }

    public RateLimiter GetLimiter(string accountKey, PmsRateLimitQuota quota)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountKey);
        ArgumentNullException.ThrowIfNull(quota);
        return _limiters.GetOrAdd(accountKey, key => new RedisPmsRateLimiter(() => _connection.Value.GetDatabase(), key, quota, _options, _timeProvider, _logger));
    }

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }

        if (_ownsConnection && _connection.IsValueCreated)
        {
            _connection.Value.Dispose();
        }
    }

    /// <summary>
    /// Connects without failing when Redis is down at start-up, and fails commands at once while it is unreachable
    /// (no backlog): a limiter that waited for Redis would hold every PMS call; the configured
    /// <see cref="RedisUnavailableBehavior"/> decides instead.
    /// </summary>
    private static ConnectionMultiplexer Connect(string configuration)
    {
        var settings = ConfigurationOptions.Parse(configuration);
        settings.AbortOnConnectFail = false;
        settings.BacklogPolicy = BacklogPolicy.FailFast;
        return ConnectionMultiplexer.Connect(settings);
    }
}
