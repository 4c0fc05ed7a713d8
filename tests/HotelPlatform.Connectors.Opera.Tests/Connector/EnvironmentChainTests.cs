using System.Globalization;
using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.Opera;

namespace HotelPlatform.Connectors.Opera.Tests.Connector;

/// <summary>A chain of three properties under one OHIP environment, registered as three hotels of the application.</summary>
public sealed class EnvironmentChainTests
{
    private static readonly string[] Chain = ["LDN01", "PAR01", "BER01"];

    [Fact]
    public async Task Three_hotels_of_one_environment_share_one_token()
    {
        await using var host = await OperaTestHost.StartAsync(Chain);
        var ct = TestContext.Current.CancellationToken;

        await Task.WhenAll(Chain.Select(code => host[code].CheckHealthAsync(ct)));
        foreach (var code in Chain)
        {
            Assert.NotEmpty(await host[code].GetRoomTypesAsync(ct));
        }

        Assert.Equal(1, host.Simulator.Tokens.TokensIssued);
        var api = host.Simulator.Requests.Where(r => r.Path != "/oauth/v1/tokens").ToList();
        Assert.All(Chain, code => Assert.Contains(api, r => r.Headers.TryGetValue("x-hotelid", out var hotel) && hotel == code));
    }

    [Fact]
    public async Task Three_hotels_under_load_share_one_throttle_and_never_meet_a_429()
    {
        // The environment is set to 10 requests/s with a bucket of 10 on the connector; the simulator admits 35 requests
        // in any sliding second across all hotels. One shared throttle sends at most 10 + 10 in a second, which leaves
        // room for requests the scheduler delays and delivers together on a busy machine (CI runs every test assembly
        // at once); three separate throttles would send 30 at once and 30 more within the second and earn 429s, so
        // this test fails if the hotels stop sharing.
        const int rate = 10;
        const int callsPerHotel = 20;
        await using var host = await OperaTestHost.StartAsync(
            Chain,
            new SimulatorOptions { EnforceRateLimits = true },
            sim => (sim.RequestsPerSecond, sim.RequestBurst, sim.AvailabilityPageSize) = (rate, 25, 10),
            [new("RequestsPerSecond", rate.ToString(CultureInfo.InvariantCulture)), new("RequestBurst", rate.ToString(CultureInfo.InvariantCulture))]);
        var ct = TestContext.Current.CancellationToken;
        var arrival = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        var environmentLimit = host.Simulator.OperaOptions.RequestsPerSecond + host.Simulator.OperaOptions.RequestBurst;

        var quotes = await Task.WhenAll(Chain.SelectMany(code => Enumerable.Range(0, callsPerHotel).Select(_ => host[code].QuoteAsync(new QuoteRequest(arrival, arrival.AddDays(1), 2), ct))));

        Assert.All(quotes, Assert.NotEmpty);
        Assert.Equal(1, host.Simulator.Tokens.TokensIssued);
        Assert.DoesNotContain(host.Simulator.Requests, r => r.RateLimited || r.Response?.StatusCode == 429);
        Assert.Equal(Chain.Length * callsPerHotel, host.Simulator.Requests.Count(r => r.Path.EndsWith("/availability", StringComparison.Ordinal)));
        var api = host.Simulator.Requests.Where(r => r.Path != OperaSimulator.TokenPath).Select(r => r.ReceivedAt).Order().ToList();
        var busiestSecond = api.Select((at, i) => api.Skip(i).TakeWhile(later => later - at < TimeSpan.FromSeconds(1)).Count()).Max();
        Assert.InRange(busiestSecond, 1, environmentLimit);
    }
}
