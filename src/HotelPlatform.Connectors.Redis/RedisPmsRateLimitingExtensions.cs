using HotelPlatform.Connectors.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Connectors.Redis;

/// <summary>Registers the Redis limiter behind the runtime's limiter seam (<see cref="IPmsRateLimiterProvider"/>).</summary>
public static class RedisPmsRateLimitingExtensions
{
    /// <summary>
    /// Shares every vendor account's quota between the hosts that use it, through Redis; without this call each process
    /// paces its accounts on its own (the default). Calls keep their lane (<see cref="PmsTrafficLanes"/>): bulk work never
    /// takes the share kept for interactive calls.
    /// </summary>
    /// <example>
    /// <code>
    /// builder.Services.AddPmsConnectors()
    ///     .UseRedisRateLimiting(o => o.Configuration = builder.Configuration.GetConnectionString("quota"))
    ///     .AddMews("berlin", builder.Configuration.GetSection("Pms:Hotels:berlin"));
    /// </code>
    /// </example>
    /// <param name="builder">The connectors builder.</param>
    /// <param name="configure">Sets the connection and the options.</param>
    /// <returns>The builder.</returns>
    public static IPmsConnectorsBuilder UseRedisRateLimiting(this IPmsConnectorsBuilder builder, Action<RedisPmsRateLimitingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<RedisPmsRateLimitingOptions>()
            .Configure(configure)
            .Validate(o => o.ConnectionFactory is not null || !string.IsNullOrWhiteSpace(o.Configuration), "UseRedisRateLimiting needs a Configuration string or a ConnectionFactory.")
            .Validate(o => o.InteractiveReserve is >= 0 and <= 0.9, "InteractiveReserve must be between 0 and 0.9.")
            .Validate(o => o.ExpectedInstances >= 1 && o.UnavailableRetryAfter > TimeSpan.Zero && !string.IsNullOrEmpty(o.KeyPrefix), "ExpectedInstances must be at least 1, UnavailableRetryAfter positive and KeyPrefix set.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.RemoveAll<IPmsRateLimiterProvider>();
        builder.Services.AddSingleton<IPmsRateLimiterProvider, RedisPmsRateLimiterProvider>();
        return builder;
    }
}
