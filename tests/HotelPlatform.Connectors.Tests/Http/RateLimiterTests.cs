using System.Net;
using HotelPlatform.Connectors.Http;
using HotelPlatform.Connectors.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.Tests.Http;

public sealed class RateLimiterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static PmsHttpClientOptions Limited(PmsRateLimitQuota quota, string hotelId = "berlin")
    {
        var options = PipelineHarness.Options(hotelId);
        options.AccountKey = "acme:account-1";
        options.RateLimit = quota;
        return options;
    }

    private static PmsAccountRateLimiter Limiter(PipelineHarness harness) =>
        harness.Services.GetRequiredService<PmsRateLimiterRegistry>().GetLimiter("acme:account-1", new PmsRateLimitQuota(1, TimeSpan.FromSeconds(1)));

    [Fact]
    public async Task A_burst_beyond_the_quota_waits_for_the_clock_and_is_paced_to_the_quota()
    {
        var api = new TestHttpHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK));
        await using var harness = PipelineHarness.Create(api, Limited(new PmsRateLimitQuota(5, TimeSpan.FromSeconds(1))));
        var client = harness.Client();

        var calls = Enumerable.Range(0, 12).Select(i => client.GetAsync($"rooms/{i}", Ct)).ToList();
        await Eventually.HoldsAsync(() => Limiter(harness).GetStatistics()!.CurrentQueuedCount == 7, "seven requests queue for a permit");
        Assert.Equal(5, api.Count);

        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.HoldsAsync(() => api.Count == 10, "five more permits arrive within the next second");
        Assert.Equal(2, Limiter(harness).GetStatistics()!.CurrentQueuedCount);

        harness.Time.Advance(TimeSpan.FromSeconds(1));
        foreach (var call in calls)
        {
            using var response = await call.Within();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(12, api.Count);
    }

    [Fact]
    public async Task Permits_return_in_even_steps_across_the_period()
    {
        var api = new TestHttpHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK));
        await using var harness = PipelineHarness.Create(api, Limited(new PmsRateLimitQuota(5, TimeSpan.FromSeconds(1))));
        var client = harness.Client();

        var calls = Enumerable.Range(0, 7).Select(i => client.GetAsync($"rooms/{i}", Ct)).ToList();
        await Eventually.HoldsAsync(() => Limiter(harness).GetStatistics()!.CurrentQueuedCount == 2, "two requests queue");

        harness.Time.Advance(TimeSpan.FromMilliseconds(200));
        await Eventually.HoldsAsync(() => api.Count == 6, "one permit returns after a fifth of the period");
        Assert.Equal(1, Limiter(harness).GetStatistics()!.CurrentQueuedCount);

        harness.Time.Advance(TimeSpan.FromMilliseconds(200));
        await Task.WhenAll(calls).Within();
        Assert.Equal(7, api.Count);
    }

    [Fact]
    public async Task Hotels_of_one_account_share_the_accounts_quota()
    {
        var api = new TestHttpHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK));
        var quota = new PmsRateLimitQuota(2, TimeSpan.FromSeconds(1));
        await using var harness = PipelineHarness.Create(services =>
        {
            services.AddPmsHttpClient("acme:berlin", _ => Limited(quota, "berlin")).ConfigurePrimaryHttpMessageHandler(() => api);
            services.AddPmsHttpClient("acme:munich", _ => Limited(quota, "munich")).ConfigurePrimaryHttpMessageHandler(() => api);
        });

        var calls = new[]
        {
            harness.Client("acme:berlin").GetAsync("a", Ct),
            harness.Client("acme:munich").GetAsync("b", Ct),
            harness.Client("acme:munich").GetAsync("c", Ct),
        };
        await Eventually.HoldsAsync(() => Limiter(harness).GetStatistics()!.CurrentQueuedCount == 1, "the third request of the account waits");
        Assert.Equal(2, api.Count);

        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(calls).Within();
        Assert.Equal(3, api.Count);
    }

    [Fact]
    public async Task A_full_queue_fails_with_a_rate_limit_error_without_calling_the_vendor()
    {
        var api = new TestHttpHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK));
        await using var harness = PipelineHarness.Create(api, Limited(new PmsRateLimitQuota(1, TimeSpan.FromSeconds(1)) { QueueLimit = 1 }));
        var client = harness.Client();

        var first = client.GetAsync("a", Ct);
        var queued = client.GetAsync("b", Ct);
        await Eventually.HoldsAsync(() => Limiter(harness).GetStatistics()!.CurrentQueuedCount == 1, "the second request queues");

        var error = await Assert.ThrowsAsync<PmsRateLimitedException>(() => client.GetAsync("c", Ct).Within());

        Assert.Equal("acme", error.Vendor);
        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
        Assert.IsType<Polly.RateLimiting.RateLimiterRejectedException>(error.InnerException);
        Assert.Equal(1, api.Count);
        Assert.DoesNotContain(api.Requests, r => r.Uri.AbsolutePath.EndsWith("/c", StringComparison.Ordinal));

        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(first, queued).Within();
        Assert.Equal(2, api.Count);
    }

    [Fact]
    public async Task A_request_that_waits_longer_than_allowed_fails_with_a_rate_limit_error_and_is_not_sent()
    {
        var api = new TestHttpHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK));
        var quota = new PmsRateLimitQuota(1, TimeSpan.FromMinutes(1)) { MaxQueueWait = TimeSpan.FromSeconds(5) };
        await using var harness = PipelineHarness.Create(api, Limited(quota));
        var client = harness.Client();

        using (await client.GetAsync("a", Ct).Within())
        {
        }

        var waiting = client.PostAsync("bookings", new StringContent("{}"), Ct);
        await harness.Time.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(5));
        harness.Time.Advance(TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<PmsRateLimitedException>(() => waiting.Within());
        Assert.Equal(TimeSpan.FromMinutes(1), error.RetryAfter);
        Assert.Equal(1, api.Count);
    }

    [Fact]
    public void An_idle_account_has_no_running_refill_timer_and_a_spent_token_restarts_it()
    {
        var time = new ObservableTimeProvider();
        using var limiter = new PmsAccountRateLimiter(new PmsRateLimitQuota(2, TimeSpan.FromSeconds(1)), time);
        Assert.Equal(0, time.CountTimers(d => d == TimeSpan.FromMilliseconds(500)));

        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.False(limiter.AttemptAcquire().IsAcquired);
        Assert.Equal(1, time.CountTimers(d => d == TimeSpan.FromMilliseconds(500)));

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, limiter.GetStatistics()!.CurrentAvailablePermits);
        Assert.NotNull(limiter.IdleDuration);

        time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.Equal(2, time.CountTimers(d => d == TimeSpan.FromMilliseconds(500)));
        time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(2, limiter.GetStatistics()!.CurrentAvailablePermits);
    }

    [Theory]
    [InlineData(5, 1_000, 200, 1)]
    [InlineData(200, 30_000, 150, 1)]
    [InlineData(1, 1_000, 1_000, 1)]
    [InlineData(1_000, 1_000, 10, 10)]
    [InlineData(7, 20, 20, 7)]
    public void The_quota_is_split_into_even_refill_steps_of_at_least_ten_milliseconds(int permits, int periodMs, int tickMs, int tokensPerTick)
    {
        var (tick, tokens) = PmsAccountRateLimiter.RefillStep(new PmsRateLimitQuota(permits, TimeSpan.FromMilliseconds(periodMs)));

        Assert.Equal(TimeSpan.FromMilliseconds(tickMs), tick);
        Assert.Equal(tokensPerTick, tokens);
    }
}
