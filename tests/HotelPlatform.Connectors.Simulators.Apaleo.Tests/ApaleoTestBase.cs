using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using HotelPlatform.Connectors.Simulators.Apaleo;
using Microsoft.Extensions.Time.Testing;

namespace HotelPlatform.Connectors.Simulators.Apaleo.Tests;

/// <summary>Starts an <see cref="ApaleoSimulator"/> on a fake clock per test, with a token for the default client, and talks to it with a plain <see cref="HttpClient"/>.</summary>
public abstract class ApaleoTestBase : IAsyncLifetime
{
    /// <summary>Monday 3 March 2025, 08:00 UTC: 09:00 in Berlin, before the 17:00 check-in time.</summary>
    protected static readonly DateTimeOffset Start = new(2025, 3, 3, 8, 0, 0, TimeSpan.Zero);

    protected FakeTimeProvider Clock { get; } = new(Start);

    protected ApaleoSimulator Apaleo { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    protected string Token { get; set; } = null!;

    protected ApaleoScenario Scenario => Apaleo.Scenario;

    protected DateOnly Today => Scenario.Today;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync()
    {
        Apaleo = CreateSimulator();
        await Apaleo.StartAsync(Ct);
        Client = Apaleo.CreateClient();
        Token = Apaleo.Tokens.IssueToken(ApaleoSimulatorOptions.DefaultClientId).AccessToken;
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeTestResourcesAsync();
        Client.Dispose();
        await Apaleo.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what a test class started besides the simulator (a webhook receiver), before the simulator stops.</summary>
    protected virtual ValueTask DisposeTestResourcesAsync() => ValueTask.CompletedTask;

    protected virtual ApaleoSimulator CreateSimulator() => new(new SimulatorOptions { TimeProvider = Clock });

    protected static string D(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected Task<HttpResponseMessage> GetAsync(string pathAndQuery) => SendAsync(HttpMethod.Get, pathAndQuery);

    protected async Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, string? json = null, string contentType = "application/json", IEnumerable<KeyValuePair<string, string>>? headers = null, string? token = null)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.Add(name, value);
        }

        return await Client.SendAsync(request, Ct);
    }

    protected static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        string body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>Asserts Apaleo's 422 <c>{"messages": [...]}</c> with a message containing <paramref name="fragment"/>.</summary>
    protected static async Task<IReadOnlyList<string>> AssertMessagesAsync(HttpResponseMessage response, string fragment)
    {
        JsonNode body = await ReadJsonAsync(response, HttpStatusCode.UnprocessableEntity);
        List<string> messages = [.. body["messages"]!.AsArray().Select(m => m!.GetValue<string>())];
        Assert.Single(body.AsObject());
        Assert.Contains(messages, m => m.Contains(fragment, StringComparison.Ordinal));
        return messages;
    }

    /// <summary>Asserts a strict-validation refusal naming <paramref name="member"/>, recorded in the simulator.</summary>
    protected async Task AssertRefusedAsync(HttpResponseMessage response, string member)
    {
        string body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}: {body}");
        Assert.Equal("failed", response.Headers.GetValues(StrictRequestValidator.RefusalHeader).Single());
        Assert.Contains(Apaleo.ValidationFailures, f => f.Member == member);
    }

    /// <summary>A valid <c>CreateBookingModel</c> with one reservation on one rate plan for every night.</summary>
    protected static JsonObject BookingBody(DateOnly arrival, DateOnly departure, string ratePlanId, int adults = 1, string lastName = "Doe", string? externalCode = null)
    {
        var slices = new JsonArray();
        for (DateOnly night = arrival; night < departure; night = night.AddDays(1))
        {
            slices.Add(new JsonObject { ["ratePlanId"] = ratePlanId });
        }

        var reservation = new JsonObject
        {
            ["arrival"] = D(arrival),
            ["departure"] = D(departure),
            ["adults"] = adults,
            ["channelCode"] = "Direct",
            ["primaryGuest"] = new JsonObject { ["firstName"] = "Jane", ["lastName"] = lastName, ["email"] = "jane@example.com" },
            ["timeSlices"] = slices,
        };
        if (externalCode is not null)
        {
            reservation["externalCode"] = externalCode;
        }

        return new JsonObject
        {
            ["booker"] = new JsonObject { ["firstName"] = "Jane", ["lastName"] = lastName, ["email"] = "jane@example.com" },
            ["reservations"] = new JsonArray(reservation),
        };
    }

    protected Task<HttpResponseMessage> PostBookingAsync(JsonObject body, string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, "/booking/v1/bookings", body.ToJsonString(), headers: idempotencyKey is null ? null : [new("Idempotency-Key", idempotencyKey)]);

    /// <summary>Books a stay and returns the reservation id.</summary>
    protected async Task<string> BookAsync(DateOnly arrival, DateOnly departure, string? ratePlanId = null, int adults = 1, string lastName = "Doe")
    {
        using HttpResponseMessage response = await PostBookingAsync(BookingBody(arrival, departure, ratePlanId ?? Scenario.FlexibleRatePlanId, adults, lastName));
        JsonNode created = await ReadJsonAsync(response, HttpStatusCode.Created);
        return created["reservationIds"]![0]!["id"]!.GetValue<string>();
    }

    protected async Task<JsonNode> GetReservationAsync(string id, string? expand = null)
    {
        using HttpResponseMessage response = await GetAsync($"/booking/v1/reservations/{id}" + (expand is null ? string.Empty : $"?expand={expand}"));
        return await ReadJsonAsync(response);
    }
}
