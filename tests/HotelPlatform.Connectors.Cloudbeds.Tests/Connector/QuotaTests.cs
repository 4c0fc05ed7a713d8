using HotelPlatform.Connectors.Cloudbeds.Tests.Infrastructure;
using static HotelPlatform.Connectors.Cloudbeds.Tests.Infrastructure.CloudbedsHarness;

namespace HotelPlatform.Connectors.Cloudbeds.Tests.Connector;

/// <summary>The property's calls are paced to Cloudbeds' stricter published rate (5 per second by default).</summary>
public sealed class QuotaTests
{
    [Fact]
    public async Task The_sixth_call_in_a_second_waits_for_the_propertys_pace()
    {
        await using var harness = Start(o => (o.RequestsPerSecond, o.RequestBurst) = (CloudbedsOptions.DefaultRequestsPerSecond, CloudbedsOptions.DefaultRequestsPerSecond));
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
}
