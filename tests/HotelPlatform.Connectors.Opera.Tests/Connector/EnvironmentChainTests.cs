using HotelPlatform.Connectors.Simulators;

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
        // The simulator enforces OHIP's environment limit across all hotels (50 requests/s plus a burst of 100 in any
        // second); the three hotels' calls go through the environment's one throttle and one token.
        await using var host = await OperaTestHost.StartAsync(Chain, new SimulatorOptions { EnforceRateLimits = true });
        var ct = TestContext.Current.CancellationToken;
        var arrival = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);

        var quotes = await Task.WhenAll(Chain.SelectMany(code => Enumerable.Range(0, 40).Select(_ => host[code].QuoteAsync(new QuoteRequest(arrival, arrival.AddDays(1), 2), ct))));

        Assert.All(quotes, Assert.NotEmpty);
        Assert.Equal(1, host.Simulator.Tokens.TokensIssued);
        Assert.DoesNotContain(host.Simulator.Requests, r => r.Response?.StatusCode == 429);
        Assert.Equal(Chain.Length * 40, host.Simulator.Requests.Count(r => r.Path.EndsWith("/availability", StringComparison.Ordinal)));
    }
}
