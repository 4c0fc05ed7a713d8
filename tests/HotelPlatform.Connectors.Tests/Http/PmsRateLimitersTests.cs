using System.Threading.RateLimiting;
using HotelPlatform.Connectors.Http;
using Microsoft.Extensions.Time.Testing;

namespace HotelPlatform.Connectors.Tests.Http;

public sealed class PmsRateLimitersTests
{
    // Mews' pace as its connector declares it: 180 permits per 30 s after a burst of 20.
    private static readonly PmsRateLimitQuota MewsLike = new(180, TimeSpan.FromSeconds(30)) { Burst = 20 };

    [Fact]
    public void The_account_limiter_refills_at_the_quotas_rate_in_small_steps_not_once_a_period()
    {
        var time = new FakeTimeProvider();
        using var limiter = PmsRateLimiters.CreateAccountLimiter(MewsLike, time);
        var burst = Enumerable.Range(0, 25).Select(_ => limiter.AttemptAcquire()).ToList();

        time.Advance(TimeSpan.FromSeconds(1));
        var afterOneSecond = limiter.GetStatistics()!.CurrentAvailablePermits;

        Assert.Equal(20, burst.Count(l => l.IsAcquired));
        // 180 per 30 s is 6 a second, returned every 30 s / 180 (the sixth step lands a hair after the second); a bucket
        // refilled once per period would still be empty.
        Assert.InRange(afterOneSecond, 5, 6);
        burst.ForEach(l => l.Dispose());
    }

    [Fact]
    public void Bulk_calls_leave_the_interactive_reserve_to_interactive_calls()
    {
        using var limiter = PmsRateLimiters.CreateAccountLimiter(MewsLike, new FakeTimeProvider(), interactiveReserve: 0.2);

        List<RateLimitLease> bulk;
        using (PmsTrafficLanes.Begin(PmsTrafficLane.Bulk))
        {
            bulk = [.. Enumerable.Range(0, 20).Select(_ => limiter.AttemptAcquire())];
        }

        var interactive = Enumerable.Range(0, 20).Select(_ => limiter.AttemptAcquire()).ToList();

        Assert.Equal((16, 4), (bulk.Count(l => l.IsAcquired), interactive.Count(l => l.IsAcquired)));
        bulk.Concat(interactive).ToList().ForEach(l => l.Dispose());
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(0.95)]
    [InlineData(double.NaN)]
    public void A_reserve_outside_zero_to_nine_tenths_is_refused_naming_it(double reserve)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => PmsRateLimiters.CreateAccountLimiter(MewsLike, interactiveReserve: reserve));

        Assert.Equal("interactiveReserve", error.ParamName);
    }

    [Fact]
    public void A_missing_quota_is_refused() =>
        Assert.Equal("quota", Assert.Throws<ArgumentNullException>(() => PmsRateLimiters.CreateAccountLimiter(null!)).ParamName);
}
