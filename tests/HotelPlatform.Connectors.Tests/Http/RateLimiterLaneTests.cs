using System.Net;
using System.Threading.RateLimiting;
using HotelPlatform.Connectors.Http;
using HotelPlatform.Connectors.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Connectors.Tests.Http;

/// <summary>The in-process limiter's lanes: bulk work never takes the interactive reserve, and waiting interactive calls go first.</summary>
public sealed class RateLimiterLaneTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static RateLimiterStatistics Statistics(PmsAccountRateLimiter limiter) => limiter.GetStatistics()!;

    private static List<Task<RateLimitLease>> Queue(PmsAccountRateLimiter limiter, PmsTrafficLane lane, int count, CancellationToken cancellationToken)
    {
        using (PmsTrafficLanes.Begin(lane))
        {
            return [.. Enumerable.Range(0, count).Select(_ => limiter.AcquireAsync(1, cancellationToken).AsTask())];
        }
    }

    private static bool TryAcquire(PmsAccountRateLimiter limiter, PmsTrafficLane lane)
    {
        using (PmsTrafficLanes.Begin(lane))
        {
            using var lease = limiter.AttemptAcquire();
            return lease.IsAcquired;
        }
    }

    [Fact]
    public void Bulk_calls_stop_at_the_reserve_and_interactive_calls_take_what_is_left()
    {
        var time = new ObservableTimeProvider();
        using var limiter = new PmsAccountRateLimiter(new PmsRateLimitQuota(10, TimeSpan.FromSeconds(1)), time, interactiveReserve: 0.2);

        Assert.Equal(2, limiter.Reserve);
        Assert.Equal(8, Enumerable.Range(0, 12).Count(_ => TryAcquire(limiter, PmsTrafficLane.Bulk)));
        Assert.Equal(2, Statistics(limiter).CurrentAvailablePermits);
        Assert.True(TryAcquire(limiter, PmsTrafficLane.Interactive));
        Assert.True(TryAcquire(limiter, PmsTrafficLane.Interactive));
        Assert.False(TryAcquire(limiter, PmsTrafficLane.Interactive));
        Assert.Equal(10, Statistics(limiter).TotalSuccessfulLeases);
        Assert.Equal(5, Statistics(limiter).TotalFailedLeases);
    }

    [Fact]
    public async Task A_saturating_bulk_flood_gets_every_refill_beyond_the_reserve_while_interactive_calls_are_served_at_once_and_no_permit_is_lost()
    {
        var time = new ObservableTimeProvider();
        var quota = new PmsRateLimitQuota(10, TimeSpan.FromSeconds(1)) { QueueLimit = 100 };
        using var limiter = new PmsAccountRateLimiter(quota, time, interactiveReserve: 0.2);

        var bulk = Queue(limiter, PmsTrafficLane.Bulk, 60, Ct);
        Assert.Equal(8, Statistics(limiter).TotalSuccessfulLeases);
        Assert.Equal(52, limiter.GetQueuedCount(PmsTrafficLane.Bulk));

        var interactiveServed = 0;
        for (var second = 1; second <= 4; second++)
        {
            for (var tick = 0; tick < 10; tick++)
            {
                time.Advance(TimeSpan.FromMilliseconds(100));
            }

            // Each second: the bulk queue took every refilled token beyond the reserve; a guest on the phone (two calls)
            // is still answered at once, without waiting for the clock.
            Assert.Equal(2, Statistics(limiter).CurrentAvailablePermits);
            Assert.True(TryAcquire(limiter, PmsTrafficLane.Interactive));
            Assert.True(TryAcquire(limiter, PmsTrafficLane.Interactive));
            interactiveServed += 2;

            // Nothing lost: every token the bucket held or got back was spent by someone or is still in the bucket.
            var statistics = Statistics(limiter);
            Assert.Equal(10 + (10 * second), statistics.TotalSuccessfulLeases + statistics.CurrentAvailablePermits);
        }

        // Bulk got 8 at once, the whole first second (10: the interactive calls had not spent the reserve yet), then the 8
        // tokens a second the interactive calls left: 42 of 60, in the order they queued.
        var bulkServed = Statistics(limiter).TotalSuccessfulLeases - interactiveServed;
        Assert.Equal(42, bulkServed);
        Assert.Equal(18, limiter.GetQueuedCount(PmsTrafficLane.Bulk));
        Assert.All(await Task.WhenAll(bulk.Take(42)).Within(), lease => Assert.True(lease.IsAcquired));
        Assert.DoesNotContain(bulk.Skip(42), t => t.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(3));
        Assert.All(await Task.WhenAll(bulk).Within(), lease => Assert.True(lease.IsAcquired));
    }

    [Fact]
    public async Task Waiting_interactive_calls_are_served_before_bulk_calls_that_queued_earlier()
    {
        var time = new ObservableTimeProvider();
        using var limiter = new PmsAccountRateLimiter(new PmsRateLimitQuota(1, TimeSpan.FromSeconds(1)), time, interactiveReserve: 0);
        Assert.True(TryAcquire(limiter, PmsTrafficLane.Interactive));

        var bulk = Queue(limiter, PmsTrafficLane.Bulk, 2, Ct);
        var interactive = Queue(limiter, PmsTrafficLane.Interactive, 1, Ct).Single();
        Assert.Equal(3, Statistics(limiter).CurrentQueuedCount);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await interactive.Within()).IsAcquired);
        Assert.Equal(2, limiter.GetQueuedCount(PmsTrafficLane.Bulk));

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await bulk[0].Within()).IsAcquired);
        Assert.False(bulk[1].IsCompleted);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await bulk[1].Within()).IsAcquired);
    }

    [Fact]
    public async Task A_bulk_call_arriving_with_tokens_beyond_the_reserve_still_waits_behind_queued_interactive_calls()
    {
        var time = new ObservableTimeProvider();
        using var limiter = new PmsAccountRateLimiter(new PmsRateLimitQuota(2, TimeSpan.FromSeconds(1)), time, interactiveReserve: 0);
        Assert.True(TryAcquire(limiter, PmsTrafficLane.Interactive));
        Assert.True(TryAcquire(limiter, PmsTrafficLane.Interactive));
        var interactive = Queue(limiter, PmsTrafficLane.Interactive, 2, Ct);

        Assert.False(TryAcquire(limiter, PmsTrafficLane.Bulk));
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.All(await Task.WhenAll(interactive).Within(), lease => Assert.True(lease.IsAcquired));
        Assert.Equal(0, Statistics(limiter).CurrentAvailablePermits);
    }

    [Fact]
    public async Task A_cancelled_waiter_leaves_its_queue_and_its_token_goes_to_the_next_caller()
    {
        var time = new ObservableTimeProvider();
        using var limiter = new PmsAccountRateLimiter(new PmsRateLimitQuota(1, TimeSpan.FromSeconds(1)), time, interactiveReserve: 0);
        Assert.True(TryAcquire(limiter, PmsTrafficLane.Bulk));

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var cancelledBulk = Queue(limiter, PmsTrafficLane.Bulk, 1, cancel.Token).Single();
        var cancelledInteractive = Queue(limiter, PmsTrafficLane.Interactive, 1, cancel.Token).Single();
        var nextBulk = Queue(limiter, PmsTrafficLane.Bulk, 1, Ct).Single();
        Assert.Equal(3, Statistics(limiter).CurrentQueuedCount);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelledBulk.Within());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelledInteractive.Within());
        Assert.Equal(1, Statistics(limiter).CurrentQueuedCount);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await nextBulk.Within()).IsAcquired);
        Assert.Equal(2, Statistics(limiter).TotalSuccessfulLeases);
        Assert.Equal(0, Statistics(limiter).CurrentQueuedCount);

        // The token of the next refill is not held by a cancelled waiter either: it is in the bucket.
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, Statistics(limiter).CurrentAvailablePermits);
    }

    [Fact]
    public async Task Both_lanes_share_the_queue_limit_and_a_refusal_carries_the_refill_step()
    {
        var time = new ObservableTimeProvider();
        var quota = new PmsRateLimitQuota(1, TimeSpan.FromSeconds(1)) { QueueLimit = 2 };
        using var limiter = new PmsAccountRateLimiter(quota, time, interactiveReserve: 0);
        Assert.True(TryAcquire(limiter, PmsTrafficLane.Interactive));
        var queued = Queue(limiter, PmsTrafficLane.Bulk, 2, Ct);

        using var refused = await Queue(limiter, PmsTrafficLane.Interactive, 1, Ct).Single().Within();

        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(1), retryAfter);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.All(await Task.WhenAll(queued).Within(), lease => Assert.True(lease.IsAcquired));
    }

    [Fact]
    public async Task Through_the_pipeline_a_bulk_job_leaves_the_reserve_to_a_call_made_outside_it()
    {
        var api = new TestHttpHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK));
        var options = PipelineHarness.Options();
        options.AccountKey = "acme:account-1";
        options.RateLimit = new PmsRateLimitQuota(5, TimeSpan.FromSeconds(1));
        await using var harness = PipelineHarness.Create(api, options);
        var client = harness.Client();
        var limiter = harness.Services.GetRequiredService<PmsRateLimiterRegistry>().GetLimiter("acme:account-1", options.RateLimit);

        List<Task<HttpResponseMessage>> job;
        using (PmsTrafficLanes.Begin(PmsTrafficLane.Bulk))
        {
            job = [.. Enumerable.Range(0, 10).Select(i => client.GetAsync($"export/{i}", Ct))];
        }

        await Eventually.HoldsAsync(() => limiter.GetQueuedCount(PmsTrafficLane.Bulk) == 6, "the bulk job takes four of five tokens and queues the rest");
        Assert.Equal(4, api.Count);

        using (var guest = await client.GetAsync("availability", Ct).Within())
        {
            Assert.Equal(HttpStatusCode.OK, guest.StatusCode);
        }

        Assert.Equal(5, api.Count);
        harness.Time.Advance(TimeSpan.FromSeconds(2));
        foreach (var response in await Task.WhenAll(job).Within())
        {
            response.Dispose();
        }

        Assert.Equal(11, api.Count);
    }

    [Theory]
    [InlineData(10, 0.2, 2)]
    [InlineData(20, 0.2, 4)]
    [InlineData(200, 0.2, 40)]
    [InlineData(5, 0.1, 0)]
    [InlineData(1, 0.9, 0)]
    [InlineData(3, 0.9, 2)]
    [InlineData(10, 0, 0)]
    public void The_reserve_is_the_share_of_the_bucket_rounded_down_and_never_the_whole_bucket(int capacity, double share, int reserved)
    {
        Assert.Equal(reserved, PmsTrafficLanes.ReservedPermits(capacity, share));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(0.95)]
    [InlineData(double.NaN)]
    public void A_reserve_outside_zero_to_ninety_percent_fails_validation_when_the_options_are_read(double share)
    {
        var services = new ServiceCollection();
        services.AddPmsConnectors().ConfigureRateLimiting(o => o.InteractiveReserve = share);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PmsRateLimitingOptions>>().Value);

        Assert.Contains("InteractiveReserve must be between 0 and 0.9", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => PmsTrafficLanes.ReservedPermits(10, share));
    }

    [Fact]
    public void The_configured_reserve_reaches_every_accounts_limiter()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new ObservableTimeProvider());
        services.AddLogging();
        services.AddPmsConnectors().ConfigureRateLimiting(o => o.InteractiveReserve = 0.5);
        using var provider = services.BuildServiceProvider();

        var limiter = provider.GetRequiredService<PmsRateLimiterRegistry>().GetLimiter("acme:a", new PmsRateLimitQuota(10, TimeSpan.FromSeconds(1)));

        Assert.Equal(5, limiter.Reserve);
    }
}
