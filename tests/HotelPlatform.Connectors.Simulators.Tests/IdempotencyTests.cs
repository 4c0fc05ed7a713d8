using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace HotelPlatform.Connectors.Simulators.Tests;

public sealed class IdempotencyTests : SimulatorTestBase
{
    [Fact]
    public async Task The_same_key_with_the_same_request_replays_the_stored_response_and_writes_once()
    {
        string token = await GetTokenAsync();

        using HttpResponseMessage first = await Client.SendAsync(BookingRequest(token, ValidBooking, "key-1"), Ct);
        using HttpResponseMessage second = await Client.SendAsync(BookingRequest(token, ValidBooking, "key-1"), Ct);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await second.Content.ReadAsStringAsync(Ct));
        Assert.Equal(first.Content.Headers.ContentType, second.Content.Headers.ContentType);
        Assert.Single(Simulator.Bookings);
        Assert.Equal(1, Simulator.Idempotency.Replays);
    }

    [Fact]
    public async Task A_retry_after_commit_then_timeout_gets_the_booking_that_was_committed()
    {
        string token = await GetTokenAsync();
        Simulator.Faults.Enqueue(SimulatedFault.CommitThenTimeout(), "POST", "/v1/bookings");

        await Assert.ThrowsAsync<HttpRequestException>(() => Client.SendAsync(BookingRequest(token, ValidBooking, "key-ctt"), Ct));
        using HttpResponseMessage retry = await Client.SendAsync(BookingRequest(token, ValidBooking, "key-ctt"), Ct);

        BookingWire booking = Assert.Single(Simulator.Bookings);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(booking.Id, (await retry.Content.ReadFromJsonAsync<JsonNode>(Ct))!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_same_key_with_a_different_request_is_refused_with_the_vendor_status()
    {
        string token = await GetTokenAsync();

        using HttpResponseMessage first = await Client.SendAsync(BookingRequest(token, ValidBooking, "key-2"), Ct);
        using HttpResponseMessage different = await Client.SendAsync(
            BookingRequest(token, """{"guestName":"Someone Else","arrival":"2025-03-10","nights":2}""", "key-2"), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, different.StatusCode);
        Assert.Single(Simulator.Bookings);
    }

    [Fact]
    public async Task A_key_is_replayed_for_24_hours_on_the_simulator_clock_and_then_forgotten()
    {
        string token = Simulator.Tokens.IssueToken(TestPmsSimulator.ClientId).AccessToken;
        using HttpResponseMessage first = await Client.SendAsync(BookingRequest(token, ValidBooking, "key-3"), Ct);

        Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        token = Simulator.Tokens.IssueToken(TestPmsSimulator.ClientId).AccessToken;
        using HttpResponseMessage replayed = await Client.SendAsync(BookingRequest(token, ValidBooking, "key-3"), Ct);
        Assert.Single(Simulator.Bookings);

        Clock.Advance(TimeSpan.FromSeconds(1));
        using HttpResponseMessage afterExpiry = await Client.SendAsync(BookingRequest(token, ValidBooking, "key-3"), Ct);
        Assert.Equal(HttpStatusCode.Created, afterExpiry.StatusCode);
        Assert.Equal(2, Simulator.Bookings.Count);
    }

    [Fact]
    public async Task Keys_of_different_clients_do_not_collide()
    {
        string token = await GetTokenAsync();
        string other = await GetTokenAsync(TestPmsSimulator.OtherClientId, "other-secret");

        using HttpResponseMessage mine = await Client.SendAsync(BookingRequest(token, ValidBooking, "shared"), Ct);
        using HttpResponseMessage theirs = await Client.SendAsync(BookingRequest(other, ValidBooking, "shared"), Ct);

        Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);
        Assert.Equal(2, Simulator.Bookings.Count);
    }

    [Fact]
    public async Task Requests_without_a_key_write_every_time_and_an_empty_key_is_refused()
    {
        string token = await GetTokenAsync();

        using HttpResponseMessage first = await Client.SendAsync(BookingRequest(token, ValidBooking), Ct);
        using HttpResponseMessage second = await Client.SendAsync(BookingRequest(token, ValidBooking), Ct);
        using HttpResponseMessage empty = await Client.SendAsync(BookingRequest(token, ValidBooking, " "), Ct);

        Assert.Equal(2, Simulator.Bookings.Count);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("header:Idempotency-Key", Assert.Single(Simulator.ValidationFailures).Member);
    }

    [Fact]
    public async Task Concurrent_duplicates_write_once_and_all_get_the_same_answer()
    {
        await using var simulator = new TestPmsSimulator(new SimulatorOptions { EnforceRateLimits = false });
        await simulator.StartAsync(Ct);
        using HttpClient client = simulator.CreateClient();
        string token = simulator.Tokens.IssueToken(TestPmsSimulator.ClientId).AccessToken;

        HttpResponseMessage[] responses = await Task.WhenAll(
            Enumerable.Range(0, 5).Select(_ => client.SendAsync(BookingRequest(token, ValidBooking, "race"), Ct)));

        Assert.Single(simulator.Bookings);
        string[] bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync(Ct)));
        Assert.Single(bodies.Distinct());
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        foreach (HttpResponseMessage response in responses)
        {
            response.Dispose();
        }
    }
}
