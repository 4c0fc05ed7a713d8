// One host of SharedQuotaAcrossProcessesTests. It bursts against a Mews simulator with `loops` concurrent callers, each
// taking a permit of the shared account from the Redis limiter before every request, on a simulated clock that the
// test moves: the clock is a Redis key, and the test only moves it once every caller of every host is waiting for a
// permit (each caller writes the instant it waits for into a Redis hash). No caller ever sleeps on real time, so the
// outcome does not depend on how fast the machine is.
// Arguments: redis simulatorUrl hostId loops endUnixMs keyPrefix slidingLimit windowMs
using System.Globalization;
using System.Threading.RateLimiting;
using HotelPlatform.Connectors;
using HotelPlatform.Connectors.Http;
using HotelPlatform.Connectors.Redis;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

var redisConfiguration = args[0];
var simulator = new Uri(args[1]);
var hostId = args[2];
var loops = int.Parse(args[3], CultureInfo.InvariantCulture);
var end = long.Parse(args[4], CultureInfo.InvariantCulture);
var prefix = args[5];
var slidingLimit = int.Parse(args[6], CultureInfo.InvariantCulture);
var window = TimeSpan.FromMilliseconds(long.Parse(args[7], CultureInfo.InvariantCulture));

await using var redis = await ConnectionMultiplexer.ConnectAsync(redisConfiguration).ConfigureAwait(false);
var database = redis.GetDatabase();
var clock = new SharedClock(database, prefix + "clock");
var services = new ServiceCollection();
services.AddLogging();
services.AddSingleton<TimeProvider>(clock);
services.AddPmsConnectors().UseRedisRateLimiting(o =>
{
    o.ConnectionFactory = _ => redis;
    o.UseServerClock = false;
    o.KeyPrefix = prefix;
});
await using var provider = services.BuildServiceProvider();

// Mews' own quota as the connector declares it (a bucket of 20 refilled to 200 per 30 s, and the sliding window).
var quota = new PmsRateLimitQuota(slidingLimit - 20, window) { Burst = 20, SlidingWindowLimit = slidingLimit };
var limiter = provider.GetRequiredService<IPmsRateLimiterProvider>().GetLimiter("mews:shared-account", quota);
using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = simulator };
var waits = (RedisKey)(prefix + "waits");
const string ConfigurationGet = """{"ClientToken":"SIMULATOR-CLIENT-TOKEN-0000000000000000","AccessToken":"SIMULATOR-ACCESS-TOKEN-0000000000000000","Client":"quota-worker"}""";

var results = await Task.WhenAll(Enumerable.Range(0, loops).Select(loop => RunAsync($"{hostId}:{loop}"))).ConfigureAwait(false);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ok={results.Sum(r => r.Ok)} throttled={results.Sum(r => r.Throttled)}"));
return 0;

async Task<(int Ok, int Throttled)> RunAsync(string caller)
{
    int ok = 0, throttled = 0;
    while (true)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (now >= end)
        {
            await database.HashSetAsync(waits, caller, long.MaxValue).ConfigureAwait(false);
            return (ok, throttled);
        }

        using var lease = limiter.AttemptAcquire();
        if (lease.IsAcquired)
        {
            using var body = new StringContent(ConfigurationGet, System.Text.Encoding.UTF8, "application/json");
            using var response = await http.PostAsync("api/connector/v1/configuration/get", body).ConfigureAwait(false);
            if ((int)response.StatusCode == 429)
            {
                throttled++;
            }
            else if (response.IsSuccessStatusCode)
            {
                ok++;
            }
            else
            {
                throw new InvalidOperationException($"The simulator answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync().ConfigureAwait(false)}");
            }

            continue;
        }

        // Refused: tell the test which instant this caller waits for, and wait until the shared clock reaches it.
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMilliseconds(1);
        var due = now + (long)Math.Ceiling(retryAfter.TotalMilliseconds);
        await database.HashSetAsync(waits, caller, due).ConfigureAwait(false);
        while (clock.GetUtcNow().ToUnixTimeMilliseconds() is var t && t < due && t < end)
        {
            await Task.Delay(1).ConfigureAwait(false);
        }

        await database.HashDeleteAsync(waits, caller).ConfigureAwait(false);
    }
}

/// <summary>The test's simulated clock, read from a Redis key (Unix milliseconds) that only the test writes.</summary>
internal sealed class SharedClock(IDatabase database, string key) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => DateTimeOffset.FromUnixTimeMilliseconds((long)database.StringGet(key));
}
