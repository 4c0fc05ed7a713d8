using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace HotelPlatform.Connectors.Simulators.Tests;

/// <summary>Starts a <see cref="TestPmsSimulator"/> on a fake clock per test and disposes it after.</summary>
public abstract class SimulatorTestBase : IAsyncLifetime
{
    protected static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    protected FakeTimeProvider Clock { get; } = new(Start);

    protected TestPmsSimulator Simulator { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync()
    {
        Simulator = CreateSimulator();
        await Simulator.StartAsync(Ct);
        Client = Simulator.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Simulator.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected virtual TestPmsSimulator CreateSimulator() => new(new SimulatorOptions { TimeProvider = Clock });

    protected async Task<string> GetTokenAsync(string clientId = TestPmsSimulator.ClientId, string secret = TestPmsSimulator.ClientSecret)
    {
        using var request = TokenRequest(clientId, secret);
        using HttpResponseMessage response = await Client.SendAsync(request, Ct);
        response.EnsureSuccessStatusCode();
        JsonNode body = (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!;
        return body["access_token"]!.GetValue<string>();
    }

    protected static HttpRequestMessage TokenRequest(string clientId, string secret, string grantType = "client_credentials")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", grantType)]),
        };
        string credentials = $"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(secret)}";
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        return request;
    }

    protected static HttpRequestMessage BookingRequest(string token, string json, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/bookings")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    protected static HttpRequestMessage Get(string token, string pathAndQuery)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    protected const string ValidBooking = """{"guestName":"Ada Lovelace","arrival":"2025-03-10","nights":2,"room":"Suite"}""";
}
