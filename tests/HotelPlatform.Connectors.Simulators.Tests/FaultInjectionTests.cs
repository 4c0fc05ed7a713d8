using System.Net;
using System.Text.Json;

namespace HotelPlatform.Connectors.Simulators.Tests;

public sealed class FaultInjectionTests : SimulatorTestBase
{
    [Fact]
    public async Task Latency_holds_the_request_until_the_simulator_clock_has_advanced_by_the_delay()
    {
        Simulator.Faults.Enqueue(SimulatedFault.Latency(TimeSpan.FromSeconds(30)), "GET", "/v1/ping");

        Task<HttpResponseMessage> call = Client.GetAsync("/v1/ping", Ct);
        AppliedFault applied = await Simulator.Faults.Applied.WaitForAsync(a => a.Fault.Kind == FaultKind.Latency, Ct);

        Assert.Equal(Start, applied.AppliedAt);
        Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(call.IsCompleted);
        Clock.Advance(TimeSpan.FromSeconds(1));
        using HttpResponseMessage response = await call;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_injected_429_carries_retry_after_in_whole_seconds_rounded_up_and_the_handler_does_not_run()
    {
        string token = await GetTokenAsync();
        Simulator.Faults.Enqueue(SimulatedFault.TooManyRequests(TimeSpan.FromSeconds(7.2)), "POST", "/v1/bookings");

        using HttpResponseMessage response = await Client.SendAsync(BookingRequest(token, ValidBooking), Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(8), response.Headers.RetryAfter?.Delta);
        Assert.Empty(Simulator.Bookings);
        Assert.Equal(FaultKind.TooManyRequests, Simulator.Requests.Single(r => r.Path == "/v1/bookings").Fault);
    }

    [Fact]
    public async Task An_injected_server_error_answers_its_status_without_running_the_handler()
    {
        string token = await GetTokenAsync();
        Simulator.Faults.Enqueue(SimulatedFault.ServerError(503), "POST", "/v1/bookings");

        using HttpResponseMessage response = await Client.SendAsync(BookingRequest(token, ValidBooking), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Empty(Simulator.Bookings);
    }

    [Fact]
    public async Task A_dropped_connection_reaches_the_client_as_a_transport_failure_and_writes_nothing()
    {
        string token = await GetTokenAsync();
        Simulator.Faults.Enqueue(SimulatedFault.DropConnection(), "POST", "/v1/bookings");

        await Assert.ThrowsAsync<HttpRequestException>(() => Client.SendAsync(BookingRequest(token, ValidBooking), Ct));

        Assert.Empty(Simulator.Bookings);
        RecordedRequest recorded = await Simulator.Requests.WaitForAsync(r => r.Path == "/v1/bookings" && r.IsCompleted, Ct);
        Assert.Null(recorded.Response);
        Assert.Equal(FaultKind.DropConnection, recorded.Fault);
    }

    [Fact]
    public async Task A_malformed_body_arrives_with_a_success_status_but_does_not_parse()
    {
        string token = await GetTokenAsync();
        Simulator.Faults.Enqueue(SimulatedFault.MalformedBody(), "POST", "/v1/bookings");

        using HttpResponseMessage response = await Client.SendAsync(BookingRequest(token, ValidBooking), Ct);
        string body = await response.Content.ReadAsStringAsync(Ct);

        Assert.True(response.IsSuccessStatusCode);
        Assert.NotEmpty(body);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));

        // The handler ran: the booking exists although the client cannot read its answer.
        Assert.Single(Simulator.Bookings);
    }

    [Fact]
    public async Task Commit_then_timeout_commits_the_write_and_aborts_the_connection()
    {
        string token = await GetTokenAsync();
        Simulator.Faults.Enqueue(SimulatedFault.CommitThenTimeout(), "POST", "/v1/bookings");

        await Assert.ThrowsAsync<HttpRequestException>(() => Client.SendAsync(BookingRequest(token, ValidBooking), Ct));

        BookingWire booking = Assert.Single(Simulator.Bookings);
        RecordedRequest recorded = await Simulator.Requests.WaitForAsync(r => r.Path == "/v1/bookings" && r.IsCompleted, Ct);
        Assert.Null(recorded.Response);
        Assert.Equal(201, recorded.WithheldResponse!.StatusCode);
        Assert.Equal(booking.Id, recorded.WithheldResponse.ReadBodyAsJson()!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Commit_then_timeout_with_hang_commits_the_write_and_leaves_the_client_waiting_until_it_gives_up()
    {
        string token = await GetTokenAsync();
        Simulator.Faults.Enqueue(SimulatedFault.CommitThenTimeout(hang: true), "POST", "/v1/bookings");
        using var clientTimeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        Task<HttpResponseMessage> call = Client.SendAsync(BookingRequest(token, ValidBooking), clientTimeout.Token);
        await Simulator.Faults.Applied.WaitForAsync(a => a.Fault.Kind == FaultKind.CommitThenTimeout, Ct);

        // The write is committed while the client still waits for an answer that will never come.
        Assert.Single(Simulator.Bookings);
        Assert.False(call.IsCompleted);
        await clientTimeout.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        RecordedRequest recorded = await Simulator.Requests.WaitForAsync(r => r.Path == "/v1/bookings" && r.IsCompleted, Ct);
        Assert.Null(recorded.Response);
    }

    [Fact]
    public async Task A_rule_applies_only_to_matching_requests_and_only_as_many_times_as_asked()
    {
        string token = await GetTokenAsync();
        Simulator.Faults.Enqueue(SimulatedFault.ServerError(502), "GET", "/v1/bookings/{id}", times: 2);

        using HttpResponseMessage unmatched = await Client.GetAsync("/v1/ping", Ct);
        using HttpResponseMessage first = await Client.SendAsync(Get(token, "/v1/bookings/NOPE"), Ct);
        using HttpResponseMessage second = await Client.SendAsync(Get(token, "/v1/bookings/NOPE"), Ct);
        using HttpResponseMessage third = await Client.SendAsync(Get(token, "/v1/bookings/NOPE"), Ct);

        Assert.Equal(HttpStatusCode.OK, unmatched.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, second.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, third.StatusCode);
        Assert.Empty(Simulator.Faults.Pending);
        Assert.Equal(2, Simulator.Faults.Applied.Count);
    }

    [Fact]
    public async Task An_unlimited_rule_applies_until_it_is_removed()
    {
        FaultRule rule = Simulator.Faults.Enqueue(SimulatedFault.ServerError(), pathPattern: "/v1/ping", times: null);

        for (int i = 0; i < 3; i++)
        {
            using HttpResponseMessage failed = await Client.GetAsync("/v1/ping", Ct);
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        }

        Assert.True(Simulator.Faults.Remove(rule.Id));
        using HttpResponseMessage ok = await Client.GetAsync("/v1/ping", Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Theory]
    [InlineData("/**", "/anything/at/all", true)]
    [InlineData("/v1/**", "/v1", true)]
    [InlineData("/v1/**", "/v1/bookings/ABC", true)]
    [InlineData("/v1/**", "/v10/bookings", false)]
    [InlineData("/v1/*", "/v1/bookings", true)]
    [InlineData("/v1/*", "/v1/bookings/ABC", false)]
    [InlineData("/v1/bookings/{id}", "/v1/bookings/ABC", true)]
    [InlineData("/v1/bookings/{id}", "/v1/bookings/", false)]
    [InlineData("/v1/bookings/{id}/actions/*", "/v1/bookings/ABC/actions/cancel", true)]
    [InlineData("/booking/v1/$count", "/booking/v1/$count", true)]
    [InlineData("/v1/Bookings", "/v1/bookings", false)]
    public void Path_patterns_match_segments_as_documented(string pattern, string path, bool matches) =>
        Assert.Equal(matches, new FaultRule(SimulatedFault.DropConnection(), pathPattern: pattern).Matches("GET", path));

    [Fact]
    public void A_rule_for_one_method_does_not_match_another_and_bad_rules_are_refused()
    {
        var rule = new FaultRule(SimulatedFault.DropConnection(), "post", "/x");

        Assert.True(rule.Matches("POST", "/x"));
        Assert.False(rule.Matches("GET", "/x"));
        Assert.Throws<ArgumentException>(() => new FaultRule(SimulatedFault.DropConnection(), pathPattern: "x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FaultRule(SimulatedFault.DropConnection(), times: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SimulatedFault.ServerError(404));
        Assert.Throws<ArgumentOutOfRangeException>(() => SimulatedFault.Latency(TimeSpan.FromSeconds(-1)));
    }
}
