using System.Diagnostics.Metrics;
using System.Net;
using System.Threading.RateLimiting;
using HotelPlatform.Connectors.Http;
using HotelPlatform.Connectors.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace HotelPlatform.Connectors.Tests.Http;

public sealed class RateLimitGaugeTests
{
    private static readonly PmsRateLimitQuota Quota = new(5, TimeSpan.FromSeconds(1)) { Burst = 4 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_account_gauges_show_the_permits_a_call_spent_and_return_to_the_limit_when_the_bucket_refills()
    {
        var api = new TestHttpHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK));
        await using var harness = PipelineHarness.Create(services =>
        {
            services.AddMetrics();
            services.AddPmsHttpClient(PipelineHarness.ClientName, _ => Limited()).ConfigurePrimaryHttpMessageHandler(() => api);
        });
        var meters = harness.Services.GetRequiredService<IMeterFactory>();
        using var available = new MetricCollector<long>(meters, PmsTelemetry.SourceName, PmsTelemetry.RateLimitAvailablePermitsMetric);
        using var limit = new MetricCollector<long>(meters, PmsTelemetry.SourceName, PmsTelemetry.RateLimitPermitLimitMetric);

        using (await harness.Client().GetAsync("rooms", Ct).Within())
        {
        }

        using (await harness.Client().GetAsync("rooms", Ct).Within())
        {
        }

        available.RecordObservableInstruments();
        var afterTwoCalls = available.LastMeasurement!;
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        available.RecordObservableInstruments();
        limit.RecordObservableInstruments();

        Assert.Equal(2, afterTwoCalls.Value);
        Assert.Equal("acme", afterTwoCalls.Tags[PmsTelemetry.VendorTag]);
        Assert.Equal("acme:account-1", afterTwoCalls.Tags[PmsTelemetry.AccountTag]);
        Assert.Equal(4, available.LastMeasurement!.Value);
        Assert.Equal(4, Assert.Single(limit.GetMeasurementSnapshot()).Value);
    }

    [Fact]
    public async Task A_shared_limiter_without_statistics_is_not_reported_as_an_empty_quota()
    {
        var api = new TestHttpHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK));
        await using var harness = PipelineHarness.Create(services =>
        {
            services.AddMetrics();
            services.AddSingleton<IPmsRateLimiterProvider>(new NoStatisticsProvider());
            services.AddPmsHttpClient(PipelineHarness.ClientName, _ => Limited()).ConfigurePrimaryHttpMessageHandler(() => api);
        });
        var meters = harness.Services.GetRequiredService<IMeterFactory>();
        using var available = new MetricCollector<long>(meters, PmsTelemetry.SourceName, PmsTelemetry.RateLimitAvailablePermitsMetric);
        using var limit = new MetricCollector<long>(meters, PmsTelemetry.SourceName, PmsTelemetry.RateLimitPermitLimitMetric);

        using (await harness.Client().GetAsync("rooms", Ct).Within())
        {
        }

        available.RecordObservableInstruments();
        limit.RecordObservableInstruments();

        Assert.Equal(1, api.Count);
        Assert.Empty(available.GetMeasurementSnapshot());
        Assert.Empty(limit.GetMeasurementSnapshot());
    }

    private static PmsHttpClientOptions Limited()
    {
        var options = PipelineHarness.Options();
        options.AccountKey = "acme:account-1";
        options.RateLimit = Quota;
        return options;
    }

    /// <summary>A limiter kept elsewhere (as Redis keeps its state on the server): every permit granted, no statistics.</summary>
    private sealed class NoStatisticsProvider : IPmsRateLimiterProvider
    {
        public RateLimiter GetLimiter(string accountKey, PmsRateLimitQuota quota) => new NoStatistics();

        private sealed class NoStatistics : RateLimiter
        {
            private readonly ConcurrencyLimiter _open = new(new ConcurrencyLimiterOptions { PermitLimit = 100, QueueLimit = 0 });

            public override TimeSpan? IdleDuration => null;

            public override RateLimiterStatistics? GetStatistics() => null;

            protected override RateLimitLease AttemptAcquireCore(int permitCount) => _open.AttemptAcquire(permitCount);

            protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) => _open.AcquireAsync(permitCount, cancellationToken);

            protected override void Dispose(bool disposing)
            {
                _open.Dispose();
                base.Dispose(disposing);
            }
        }
    }
}
