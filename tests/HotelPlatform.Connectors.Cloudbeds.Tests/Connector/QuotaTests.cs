using HotelPlatform.Connectors.Http;
using HotelPlatform.Connectors.Cloudbeds.Tests.Infrastructure;
using static HotelPlatform.Connectors.Cloudbeds.Tests.Infrastructure.CloudbedsHarness;

namespace HotelPlatform.Connectors.Cloudbeds.Tests.Connector;

/// <summary>The property's calls are paced so that no second holds more than the configured rate (5 per second by default).</summary>
public sealed class QuotaTests
{
    [Fact]
    public async Task The_sixth_call_in_a_second_waits_for_the_propertys_pace()
    {
        // A partner's 10 per second with a burst of 5: 5 back to back, the rest of the second's 10 refilled over it.
        await using var harness = Start(o => (o.RequestsPerSecond, o.RequestBurst) = (10, 5));
        harness.Stub("GET", "getReservation", Refusal("Reservation 1 not found."));
        await harness.Connector.GetPropertyAsync(Ct); // oauth/metadata, then getHotels
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<PmsNotFoundException>(() => harness.Connector.GetReservationAsync("1", Ct));
        }

        var sixth = harness.Connector.GetReservationAsync("1", Ct);
        while (await harness.Clock.NextWaitAsync() != TimeSpan.FromSeconds(20))
        {
            // Skip the limiter's refill tick; a 20-second wait is the request queued for a permit (MaxQueueWait).
        }

        Assert.Equal(3, harness.Received("getReservation"));
        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<PmsNotFoundException>(() => sixth.WaitAsync(TimeSpan.FromSeconds(30), Ct));
        Assert.Equal(4, harness.Received("getReservation"));
    }

    [Theory]
    [InlineData(5, 1)]
    [InlineData(5, 5)]
    [InlineData(10, 100)]
    public void No_second_can_hold_more_than_the_configured_rate(int perSecond, int burst)
    {
        var quota = PmsRateLimitQuota.ForSlidingWindow(perSecond, TimeSpan.FromSeconds(1), burst);

        // A bucket sends at most its size plus one period's refill in any period.
        Assert.True(quota.EffectiveBurst + quota.PermitsPerPeriod <= perSecond, $"{quota.EffectiveBurst} + {quota.PermitsPerPeriod} > {perSecond}");
        Assert.Equal((perSecond, TimeSpan.FromSeconds(1)), (quota.SlidingWindowLimit, quota.Period));
    }
}
