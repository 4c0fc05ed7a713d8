using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace HotelPlatform.Connectors.Simulators.Tests;

public sealed class RateLimitTests : SimulatorTestBase
{
    [Fact]
    public async Task A_client_over_its_quota_gets_429_with_retry_after_and_is_admitted_once_the_clock_has_moved_that_far()
    {
        // Quota: 3 requests per 10 s sliding window, per client.
        string token = await GetTokenAsync();
        for (int i = 0; i < 3; i++)
        {
            using HttpResponseMessage ok = await Client.SendAsync(Get(token, "/v1/bookings/NONE"), Ct);
            Assert.Equal(HttpStatusCode.NotFound, ok.StatusCode);
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        using HttpResponseMessage refused = await Client.SendAsync(Get(token, "/v1/bookings/NONE"), Ct);

        // The oldest request (t=0) leaves the window at t=10; now is t=3.
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), refused.Headers.RetryAfter?.Delta);
        Assert.True(Simulator.Requests.Last().RateLimited);

        Clock.Advance(TimeSpan.FromSeconds(6));
        using HttpResponseMessage stillRefused = await Client.SendAsync(Get(token, "/v1/bookings/NONE"), Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, stillRefused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), stillRefused.Headers.RetryAfter?.Delta);

        Clock.Advance(TimeSpan.FromSeconds(1));
        using HttpResponseMessage admitted = await Client.SendAsync(Get(token, "/v1/bookings/NONE"), Ct);
        Assert.Equal(HttpStatusCode.NotFound, admitted.StatusCode);
    }

    [Fact]
    public async Task Each_client_has_its_own_quota()
    {
        string token = await GetTokenAsync();
        string other = await GetTokenAsync(TestPmsSimulator.OtherClientId, "other-secret");
        for (int i = 0; i < 3; i++)
        {
            using HttpResponseMessage ok = await Client.SendAsync(Get(token, "/v1/bookings/NONE"), Ct);
        }

        using HttpResponseMessage refused = await Client.SendAsync(Get(token, "/v1/bookings/NONE"), Ct);
        using HttpResponseMessage otherClient = await Client.SendAsync(Get(other, "/v1/bookings/NONE"), Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherClient.StatusCode);
    }

    [Fact]
    public async Task Rate_limits_can_be_switched_off_for_a_demo_host()
    {
        await using var simulator = new TestPmsSimulator(new SimulatorOptions { TimeProvider = Clock, EnforceRateLimits = false });
        await simulator.StartAsync(Ct);
        using HttpClient client = simulator.CreateClient();
        string token = simulator.Tokens.IssueToken(TestPmsSimulator.ClientId).AccessToken;

        for (int i = 0; i < 5; i++)
        {
            using HttpResponseMessage response = await client.SendAsync(Get(token, "/v1/bookings/NONE"), Ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public void A_sliding_window_admits_again_exactly_when_the_oldest_request_leaves_it_and_refusals_do_not_count()
    {
        var clock = new FakeTimeProvider(Start);
        var limiter = new SimulatorRateLimiter(clock);
        RateLimitPolicy[] policy = [new("c", new RateLimitRule(2, TimeSpan.FromSeconds(10)))];

        Assert.True(limiter.TryAcquire(policy).IsAcquired);
        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.True(limiter.TryAcquire(policy).IsAcquired);
        RateLimitDecision refused = limiter.TryAcquire(policy);
        Assert.False(refused.IsAcquired);
        Assert.Equal(TimeSpan.FromSeconds(6), refused.RetryAfter);
        Assert.Same(policy[0], refused.RefusedBy);

        // Hammering while refused does not push the wait further out.
        for (int i = 0; i < 5; i++)
        {
            Assert.False(limiter.TryAcquire(policy).IsAcquired);
        }

        clock.Advance(TimeSpan.FromSeconds(6));
        Assert.True(limiter.TryAcquire(policy).IsAcquired);
        Assert.Equal(0, limiter.GetRemaining(policy[0]));
        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(1, limiter.GetRemaining(policy[0]));
    }

    [Fact]
    public void An_anchored_window_opens_at_the_first_request_and_forgets_the_whole_burst_when_it_closes()
    {
        var clock = new FakeTimeProvider(Start);
        var limiter = new SimulatorRateLimiter(clock);
        RateLimitPolicy[] policy = [new("token", new RateLimitRule(2, TimeSpan.FromSeconds(30), RateLimitWindowKind.AnchoredAtFirstRequest))];

        Assert.True(limiter.TryAcquire(policy).IsAcquired);
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.True(limiter.TryAcquire(policy).IsAcquired);
        Assert.Equal(TimeSpan.FromSeconds(1), limiter.TryAcquire(policy).RetryAfter);

        // A sliding window would still hold the request made at t=29; the anchored one starts afresh.
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.TryAcquire(policy).IsAcquired);
        Assert.True(limiter.TryAcquire(policy).IsAcquired);
        Assert.False(limiter.TryAcquire(policy).IsAcquired);
    }

    [Fact]
    public void A_request_refused_by_one_policy_is_counted_against_none()
    {
        var clock = new FakeTimeProvider(Start);
        var limiter = new SimulatorRateLimiter(clock);
        var burst = new RateLimitPolicy("client", new RateLimitRule(1, TimeSpan.FromSeconds(1)));
        var longRun = new RateLimitPolicy("client", new RateLimitRule(10, TimeSpan.FromMinutes(10)));

        Assert.True(limiter.TryAcquire([burst, longRun]).IsAcquired);
        RateLimitDecision refused = limiter.TryAcquire([burst, longRun]);

        Assert.False(refused.IsAcquired);
        Assert.Same(burst, refused.RefusedBy);
        Assert.Equal(9, limiter.GetRemaining(longRun));
    }

    [Fact]
    public void Rules_refuse_meaningless_quotas()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RateLimitRule(0, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RateLimitRule(1, TimeSpan.Zero));
    }
}
