using System.Diagnostics;
using System.Globalization;
using HotelPlatform.Connectors.Redis.Tests.Infrastructure;
using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.Mews;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace HotelPlatform.Connectors.Redis.Tests;

/// <summary>
/// Issue 14's test: three host processes burst against a Mews simulator enforcing Mews' real limit (200 requests per
/// access token in any 30 seconds) through one shared account on a real redis-server, over one minute of simulated
/// time. The simulator runs here on a <see cref="FakeTimeProvider"/>; the hosts read the same instant from a Redis key.
/// The clock moves only when every caller of every host waits for a permit, and then straight to the earliest instant
/// one waits for, so neither side ever runs ahead of the other and nothing depends on the machine's speed.
/// </summary>
public sealed class SharedQuotaAcrossProcessesTests
{
    private const int Hosts = 3;
    private const int CallersPerHost = 4;
    private const int WindowLimit = 200;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Three_processes_bursting_on_one_account_earn_no_429_and_use_at_least_95_percent_of_a_minute_of_quota()
    {
        await using var redis = await RedisServer.StartAsync();
        // A guard against a hung host (the run takes seconds), not a speed goal: nothing is asserted about real time.
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(TimeSpan.FromMinutes(5));
        var cancellation = guard.Token;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        await using var mews = new MewsSimulator(new SimulatorOptions { TimeProvider = time }, new MewsSimulatorOptions { RequestsPerWindow = WindowLimit, RateLimitWindow = Window });
        await mews.StartAsync(cancellation);

        var prefix = $"quota-test:{Guid.NewGuid():N}:";
        var database = redis.Connection.GetDatabase();
        var start = time.GetUtcNow().ToUnixTimeMilliseconds();
        var end = start + (long)Minute.TotalMilliseconds;
        await database.StringSetAsync(prefix + "clock", start);

        var stopwatch = Stopwatch.StartNew();
        var hosts = Enumerable.Range(0, Hosts).Select(host => StartHost(redis.Configuration, mews.BaseAddress, host, end, prefix)).ToList();
        try
        {
            for (var now = start; now < end;)
            {
                var waiting = await WaitUntilEveryCallerWaitsAsync(database, prefix + "waits", now, hosts, cancellation);
                var next = Math.Min(waiting.Min(), end);
                time.Advance(TimeSpan.FromMilliseconds(next - now));
                await database.StringSetAsync(prefix + "clock", next);
                now = next;
            }

            var outputs = new List<string>();
            foreach (var host in hosts)
            {
                var output = await host.StandardOutput.ReadToEndAsync(cancellation);
                await host.WaitForExitAsync(cancellation);
                Assert.True(host.ExitCode == 0, $"A host failed: {output}{await host.StandardError.ReadToEndAsync(cancellation)}");
                outputs.Add(output.Trim());
            }

            var ok = outputs.Sum(o => Count(o, "ok"));
            var throttled = outputs.Sum(o => Count(o, "throttled"));
            var quota = WindowLimit * (int)(Minute / Window);
            TestContext.Current.TestOutputHelper?.WriteLine($"{Hosts} hosts x {CallersPerHost} callers: {ok} of {quota} requests in one simulated minute ({100.0 * ok / quota:F1} %), {throttled} x 429, {stopwatch.Elapsed.TotalSeconds:F1} s real time.");
            Assert.Equal(0, throttled);
            Assert.InRange(ok, (int)Math.Ceiling(quota * 0.95), quota);
            Assert.All(outputs, o => Assert.True(Count(o, "ok") > 0, $"Every host got some of the quota: {string.Join(" | ", outputs)}"));
        }
        finally
        {
            foreach (var host in hosts)
            {
                if (!host.HasExited)
                {
                    host.Kill(entireProcessTree: true);
                }

                host.Dispose();
            }
        }
    }

    private static Process StartHost(string redis, Uri simulator, int host, long end, string prefix)
    {
        var worker = Path.Combine(AppContext.BaseDirectory, "HotelPlatform.Connectors.Redis.QuotaWorker.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                worker, redis, simulator.ToString(), $"host{host}", CallersPerHost.ToString(CultureInfo.InvariantCulture),
                end.ToString(CultureInfo.InvariantCulture), prefix, WindowLimit.ToString(CultureInfo.InvariantCulture),
                ((long)Window.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        return Process.Start(start) ?? throw new InvalidOperationException("The worker did not start.");
    }

    /// <summary>
    /// Polls (real time, only to let the hosts run) until every caller has written a wait later than <paramref name="now"/>:
    /// then nobody can act before the earliest of them, and the clock may jump there.
    /// </summary>
    private static async Task<long[]> WaitUntilEveryCallerWaitsAsync(IDatabase database, string waitsKey, long now, List<Process> hosts, CancellationToken cancellation)
    {
        while (true)
        {
            var waits = await database.HashGetAllAsync(waitsKey);
            if (waits.Length == Hosts * CallersPerHost && waits.All(w => (long)w.Value > now))
            {
                return waits.Select(w => (long)w.Value).ToArray();
            }

            if (hosts.FirstOrDefault(h => h.HasExited) is { } exited)
            {
                Assert.Fail($"A host exited before the minute was over: {await exited.StandardOutput.ReadToEndAsync(cancellation)}{await exited.StandardError.ReadToEndAsync(cancellation)}");
            }

            await Task.Delay(1, cancellation);
        }
    }

    private static int Count(string output, string name) =>
        output.Split(' ').Select(part => part.Split('=')).Where(p => p.Length == 2 && p[0] == name).Select(p => int.Parse(p[1], CultureInfo.InvariantCulture)).Sum();
}
