using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace HotelPlatform.Connectors.Simulators.Tests;

public sealed class HostLifecycleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_started_simulator_listens_on_a_loopback_port_chosen_by_the_system_and_stops_listening_when_stopped()
    {
        await using var simulator = new TestPmsSimulator();
        await simulator.StartAsync(Ct);

        Assert.True(simulator.IsRunning);
        Assert.Equal("127.0.0.1", simulator.BaseAddress.Host);
        Assert.NotEqual(0, simulator.BaseAddress.Port);
        Uri address = simulator.BaseAddress;
        using (HttpClient client = simulator.CreateClient())
        {
            JsonNode? body = await client.GetFromJsonAsync<JsonNode>("/v1/ping", Ct);
            Assert.True(body!["ok"]!.GetValue<bool>());
        }

        await simulator.StopAsync(Ct);

        Assert.False(simulator.IsRunning);
        using var after = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = address };
        await Assert.ThrowsAsync<HttpRequestException>(() => after.GetAsync("/v1/ping", Ct));
    }

    [Fact]
    public async Task Disposing_twice_is_harmless()
    {
        var simulator = new TestPmsSimulator();
        await simulator.StartAsync(Ct);

        await simulator.DisposeAsync();
        await simulator.DisposeAsync();

        Assert.False(simulator.IsRunning);
    }

    [Fact]
    public async Task Two_simulators_get_different_ports()
    {
        await using var first = new TestPmsSimulator();
        await using var second = new TestPmsSimulator();
        await first.StartAsync(Ct);
        await second.StartAsync(Ct);

        Assert.NotEqual(first.BaseAddress, second.BaseAddress);
    }

    [Fact]
    public async Task The_base_address_is_refused_before_start_and_a_second_start_is_refused()
    {
        await using var simulator = new TestPmsSimulator();

        Assert.Throws<InvalidOperationException>(() => simulator.BaseAddress);
        await simulator.StartAsync(Ct);
        await Assert.ThrowsAsync<InvalidOperationException>(() => simulator.StartAsync(Ct));
    }

    [Fact]
    public void Invalid_options_are_refused_at_construction()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TestPmsSimulator(new SimulatorOptions { Port = 70_000 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TestPmsSimulator(new SimulatorOptions { JournalCapacity = 0 }));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_tokens_and_identifiers_and_another_seed_does_not()
    {
        async Task<(string Token, string BookingId)> RunAsync(int seed)
        {
            await using var simulator = new TestPmsSimulator(new SimulatorOptions { Seed = seed });
            await simulator.StartAsync(Ct);
            using HttpClient client = simulator.CreateClient();
            IssuedToken token = simulator.Tokens.IssueToken(TestPmsSimulator.ClientId);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/bookings")
            {
                Content = new StringContent("""{"guestName":"A","arrival":"2025-03-10","nights":1}""", System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new("Bearer", token.AccessToken);
            using HttpResponseMessage response = await client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            JsonNode body = (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!;
            return (token.AccessToken, body["id"]!.GetValue<string>());
        }

        var first = await RunAsync(42);
        var again = await RunAsync(42);
        var other = await RunAsync(43);

        Assert.Equal(first, again);
        Assert.NotEqual(first.Token, other.Token);
        Assert.NotEqual(first.BookingId, other.BookingId);
    }

    [Fact]
    public void Forked_random_streams_are_independent_of_each_other_and_stable()
    {
        var root = new DeterministicRandom(7);
        DeterministicRandom tokens = root.Fork("tokens");
        string firstId = new DeterministicRandom(7).Fork("ids").NextString(10);

        // Drawing from one stream does not move another.
        _ = tokens.NextString(50);
        Assert.Equal(firstId, root.Fork("ids").NextString(10));
        Assert.NotEqual(root.Fork("ids").NextString(10), root.Fork("tokens").NextString(10));
        Assert.Equal(4, (int)(new DeterministicRandom(1).NextGuid().ToString("D")[14] - '0'));
    }
}
