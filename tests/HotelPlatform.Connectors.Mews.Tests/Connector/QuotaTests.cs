namespace HotelPlatform.Connectors.Mews.Tests.Connector;

/// <summary>Mews allows 200 requests per access token in any 30 seconds: the pace never lets one hotel's burst exceed it.</summary>
public sealed class QuotaTests
{
    [Theory]
    [InlineData(200, 20)]
    [InlineData(200, 100)]
    [InlineData(50, 1)]
    [InlineData(2, 1)]
    public void A_full_bucket_plus_a_window_of_refill_stays_within_the_requests_per_30_seconds(int perWindow, int burst)
    {
        var quota = MewsPmsConnectorsBuilderExtensions.Quota(new MewsOptions { RequestsPer30Seconds = perWindow, RequestBurst = burst })!;

        Assert.Equal(TimeSpan.FromSeconds(30), quota.Period);
        Assert.True(quota.EffectiveBurst + quota.PermitsPerPeriod <= perWindow, $"{quota.EffectiveBurst} at once plus {quota.PermitsPerPeriod} refilled exceed {perWindow} per 30 s.");
    }

    [Fact]
    public void The_default_pace_uses_Mews_whole_documented_limit_and_no_more()
    {
        var quota = MewsPmsConnectorsBuilderExtensions.Quota(new MewsOptions())!;

        Assert.Equal(200, quota.EffectiveBurst + quota.PermitsPerPeriod);
        Assert.Equal(200, quota.SlidingWindowLimit);
    }

    [Fact]
    public void Zero_switches_pacing_off() =>
        Assert.Null(MewsPmsConnectorsBuilderExtensions.Quota(new MewsOptions { RequestsPer30Seconds = 0 }));
}
