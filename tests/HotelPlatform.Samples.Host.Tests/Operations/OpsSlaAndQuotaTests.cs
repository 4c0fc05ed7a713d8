using System.Diagnostics.Metrics;
using HotelPlatform.Connectors;
using HotelPlatform.Samples.Host.Operations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace HotelPlatform.Samples.Host.Tests.Operations;

/// <summary>The SLA view over the minute buckets and health reports, and the quota rows read from the runtime's gauges.</summary>
public sealed class OpsSlaAndQuotaTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ops-sla-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_hotel_is_judged_against_every_target_over_the_window_only()
    {
        await using var provider = OpsTestServices.Build(_folder.FullName, _time, ["berlin", "paris", "oslo"], new()
        {
            ["Ops:Sla:Window"] = "01:00:00", ["Ops:Sla:MinAvailability"] = "0.75", ["Ops:Sla:MaxLatencyP95"] = "00:00:00.2", ["Ops:Sla:MaxErrorRate"] = "0.05",
        });
        var health = provider.GetRequiredService<OpsHealthPublisher>();
        var duration = provider.GetRequiredService<IMeterFactory>().Create(PmsTelemetry.SourceName).CreateHistogram<double>(PmsTelemetry.OperationDurationMetric, "s");
        _ = provider.GetRequiredService<OpsMetricsAggregator>();

        // Two hours ago, outside the window: paris failed everything and was down; it must not count any more.
        for (var i = 0; i < 50; i++)
        {
            Record(duration, 5, "paris", PmsTelemetry.OutcomeUnavailable);
        }

        await health.PublishAsync(Report(("paris", HealthStatus.Unhealthy)), Ct);
        _time.Advance(TimeSpan.FromHours(2));

        // In the window: berlin 100 operations, 10 failed, p95 of 300 ms; healthy 3 times out of 4. paris fast and healthy.
        for (var i = 1; i <= 100; i++)
        {
            Record(duration, i <= 90 ? 0.1 : 0.3, "berlin", i <= 10 ? PmsTelemetry.OutcomeError : PmsTelemetry.OutcomeSuccess);
            Record(duration, 0.05, "paris", PmsTelemetry.OutcomeSuccess);
        }

        foreach (var berlin in (HealthStatus[])[HealthStatus.Healthy, HealthStatus.Degraded, HealthStatus.Unhealthy, HealthStatus.Healthy])
        {
            await health.PublishAsync(Report(("berlin", berlin), ("paris", HealthStatus.Healthy)), Ct);
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        var report = provider.GetRequiredService<OpsSla>().Report();

        var b = report.Hotels.Single(h => h.Hotel == "berlin");
        var p = report.Hotels.Single(h => h.Hotel == "paris");
        var o = report.Hotels.Single(h => h.Hotel == "oslo");
        Assert.Equal((100L, 4, 0.75, true), (b.Operations, b.HealthReports, b.Availability.Value!.Value, b.Availability.Met!.Value));
        Assert.Equal((300.0, false), (b.LatencyP95Ms.Value!.Value, b.LatencyP95Ms.Met!.Value));
        Assert.Equal((0.10, false), (b.ErrorRate.Value!.Value, b.ErrorRate.Met!.Value));
        Assert.False(b.Compliant);
        Assert.Equal((100L, 1.0, 0.0, true), (p.Operations, p.Availability.Value!.Value, p.ErrorRate.Value!.Value, p.Compliant));
        Assert.Equal(((double?)null, (bool?)null, true), (o.LatencyP95Ms.Value, o.LatencyP95Ms.Met, o.Compliant)); // nothing measured is not a breach
        Assert.Equal(TimeSpan.FromHours(1), report.Window);
    }

    [Fact]
    public async Task Quota_rows_come_from_the_runtime_gauges_of_this_host_only_and_need_both_gauges()
    {
        await using var provider = OpsTestServices.Build(_folder.FullName, _time, ["berlin"]);
        using var other = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var quota = provider.GetRequiredService<OpsQuota>();
        var meter = provider.GetRequiredService<IMeterFactory>().Create(PmsTelemetry.SourceName);
        var available = 3L;
        meter.CreateObservableGauge(PmsTelemetry.RateLimitAvailablePermitsMetric, () => new[]
        {
            Permits(available, "apaleo", "apaleo:client-1"),
            Permits(1, "mews", "mews:no-limit-gauge"),
        });
        meter.CreateObservableGauge(PmsTelemetry.RateLimitPermitLimitMetric, () => Permits(10, "apaleo", "apaleo:client-1"));
        other.GetRequiredService<IMeterFactory>().Create(PmsTelemetry.SourceName)
            .CreateObservableGauge(PmsTelemetry.RateLimitPermitLimitMetric, () => Permits(10, "mews", "mews:no-limit-gauge"));

        var first = quota.Accounts();
        available = 10;
        var second = quota.Accounts();

        var row = Assert.Single(first);
        Assert.Equal(("apaleo", "apaleo:client-1", 3L, 10L), (row.Vendor, row.Account, row.Available, row.Limit));
        Assert.Equal(0.7, row.InUse, 6);
        Assert.Equal(0.0, Assert.Single(second).InUse);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    private static Measurement<long> Permits(long value, string vendor, string account) =>
        new(value, new KeyValuePair<string, object?>(PmsTelemetry.VendorTag, vendor), new KeyValuePair<string, object?>(PmsTelemetry.AccountTag, account));

    private static void Record(Histogram<double> duration, double seconds, string hotel, string outcome) =>
        duration.Record(seconds,
            new KeyValuePair<string, object?>(PmsTelemetry.VendorTag, "inmemory"),
            new KeyValuePair<string, object?>(PmsTelemetry.OutcomeTag, outcome),
            new KeyValuePair<string, object?>(PmsTelemetry.HotelTag, hotel));

    private static HealthReport Report(params (string Hotel, HealthStatus Status)[] hotels) =>
        new(hotels.ToDictionary(h => $"pms:{h.Hotel}", h => new HealthReportEntry(h.Status, null, TimeSpan.Zero, null, null)), TimeSpan.Zero);
}
