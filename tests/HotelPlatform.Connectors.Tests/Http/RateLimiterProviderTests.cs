using System.Net;
using System.Threading.RateLimiting;
using HotelPlatform.Connectors.Http;
using HotelPlatform.Connectors.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.Tests.Http;

public sealed class RateLimiterProviderTests
{
    private static readonly PmsRateLimitQuota Quota = new(5, TimeSpan.FromSeconds(1));

    [Fact]
    public async Task A_registered_limiter_provider_replaces_the_in_process_bucket_and_its_refusal_fails_the_call_unsent()
    {
        var api = new TestHttpHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK));
        using var exhausted = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = 0 });
        using var held = exhausted.AttemptAcquire();
        var provider = new RecordingProvider(exhausted);
        await using var harness = PipelineHarness.Create(services =>
        {
            services.AddSingleton<IPmsRateLimiterProvider>(provider);
            services.AddPmsHttpClient(PipelineHarness.ClientName, _ => Limited()).ConfigurePrimaryHttpMessageHandler(() => api);
        });

        await Assert.ThrowsAsync<PmsRateLimitedException>(() => harness.Client().GetAsync("rooms", TestContext.Current.CancellationToken).Within());

        Assert.Equal(0, api.Count);
        Assert.Equal(("acme:account-1", Quota), Assert.Single(provider.Requests));
    }

    [Fact]
    public async Task A_permit_from_the_registered_provider_lets_the_call_through_in_the_callers_lane()
    {
        var api = new TestHttpHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK));
        using var open = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = 10, QueueLimit = 0 });
        var provider = new RecordingProvider(open);
        await using var harness = PipelineHarness.Create(services =>
        {
            services.AddSingleton<IPmsRateLimiterProvider>(provider);
            services.AddPmsHttpClient(PipelineHarness.ClientName, _ => Limited()).ConfigurePrimaryHttpMessageHandler(() => api);
        });

        using (PmsTrafficLanes.Begin(PmsTrafficLane.Bulk))
        {
            using var response = await harness.Client().GetAsync("rooms", TestContext.Current.CancellationToken).Within();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(1, api.Count);
        Assert.Equal([PmsTrafficLane.Bulk], provider.Lanes);
        Assert.Equal(PmsTrafficLane.Interactive, PmsTrafficLanes.Current);
    }

    private static PmsHttpClientOptions Limited()
    {
        var options = PipelineHarness.Options();
        options.AccountKey = "acme:account-1";
        options.RateLimit = Quota;
        return options;
    }

    /// <summary>Hands out one limiter and records what the pipeline asked for and in which lane it took permits.</summary>
    private sealed class RecordingProvider(RateLimiter inner) : IPmsRateLimiterProvider
    {
        public List<(string, PmsRateLimitQuota)> Requests { get; } = [];

        public List<PmsTrafficLane> Lanes { get; } = [];

        public RateLimiter GetLimiter(string accountKey, PmsRateLimitQuota quota)
        {
            Requests.Add((accountKey, quota));
            return new LaneRecorder(inner, Lanes);
        }

        private sealed class LaneRecorder(RateLimiter inner, List<PmsTrafficLane> lanes) : RateLimiter
        {
            public override TimeSpan? IdleDuration => inner.IdleDuration;

            public override RateLimiterStatistics? GetStatistics() => inner.GetStatistics();

            protected override RateLimitLease AttemptAcquireCore(int permitCount)
            {
                lanes.Add(PmsTrafficLanes.Current);
                return inner.AttemptAcquire(permitCount);
            }

            protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
                inner.AcquireAsync(permitCount, cancellationToken);
        }
    }
}
