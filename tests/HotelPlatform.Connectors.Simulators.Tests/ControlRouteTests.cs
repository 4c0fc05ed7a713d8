using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace HotelPlatform.Connectors.Simulators.Tests;

public sealed class ControlRouteTests : SimulatorTestBase
{
    [Fact]
    public async Task A_fault_queued_over_http_applies_to_the_next_matching_request_and_is_listed_until_used()
    {
        using HttpResponseMessage created = await Client.PostAsync(
            "/_simulator/faults",
            Json("""{"kind":"ServerError","method":"GET","path":"/v1/ping","statusCode":503,"times":1}"""),
            Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        JsonNode rule = (await created.Content.ReadFromJsonAsync<JsonNode>(Ct))!;
        Assert.Equal("ServerError", rule["kind"]!.GetValue<string>());
        JsonArray pending = (await Client.GetFromJsonAsync<JsonArray>("/_simulator/faults", Ct))!;
        Assert.Equal(rule["id"]!.GetValue<string>(), Assert.Single(pending)!["id"]!.GetValue<string>());

        using HttpResponseMessage faulted = await Client.GetAsync("/v1/ping", Ct);
        using HttpResponseMessage healthy = await Client.GetAsync("/v1/ping", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Empty((await Client.GetFromJsonAsync<JsonArray>("/_simulator/faults", Ct))!);
        JsonArray applied = (await Client.GetFromJsonAsync<JsonArray>("/_simulator/faults/applied", Ct))!;
        Assert.Equal("ServerError(503)", Assert.Single(applied)!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_fault_kind_can_be_queued_over_http()
    {
        string[] bodies =
        [
            """{"kind":"Latency","path":"/v1/**","delayMilliseconds":1500}""",
            """{"kind":"TooManyRequests","retryAfterSeconds":30}""",
            """{"kind":"ServerError"}""",
            """{"kind":"DropConnection","method":"POST"}""",
            """{"kind":"MalformedBody","times":null}""",
            """{"kind":"CommitThenTimeout","hang":true,"times":2}""",
        ];

        foreach (string body in bodies)
        {
            using HttpResponseMessage response = await Client.PostAsync("/_simulator/faults", Json(body), Ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        IReadOnlyList<FaultRule> pending = Simulator.Faults.Pending;
        Assert.Equal(TimeSpan.FromMilliseconds(1500), pending[0].Fault.Delay);
        Assert.Equal(TimeSpan.FromSeconds(30), pending[1].Fault.RetryAfter);
        Assert.Equal(500, pending[2].Fault.StatusCode);
        Assert.Equal("POST", pending[3].Method);
        Assert.Null(pending[4].Times);
        Assert.True(pending[5].Fault.Hang);
        Assert.Equal(2, pending[5].Remaining);

        using HttpResponseMessage cleared = await Client.DeleteAsync("/_simulator/faults", Ct);
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Empty(Simulator.Faults.Pending);
    }

    [Theory]
    [InlineData("""{"kind":"Latency"}""", "$.delayMilliseconds")]
    [InlineData("""{"kind":"ServerError","statusCode":404}""", "$.statusCode")]
    [InlineData("""{"kind":"DropConnection","retryAfterSeconds":3}""", "$.retryAfterSeconds")]
    [InlineData("""{"kind":"Explode"}""", "$.kind")]
    [InlineData("""{"kind":"ServerError","colour":"red"}""", "$.colour")]
    [InlineData("""{"kind":"ServerError","path":"v1"}""", "$.path")]
    [InlineData("""{"kind":"ServerError","times":0}""", "$.times")]
    public async Task An_invalid_fault_rule_is_refused_naming_the_member_and_is_not_a_connector_validation_failure(string body, string member)
    {
        using HttpResponseMessage response = await Client.PostAsync("/_simulator/faults", Json(body), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        JsonNode refusal = (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!;
        Assert.Equal(member, refusal["violations"]![0]!["member"]!.GetValue<string>());
        Assert.Empty(Simulator.Faults.Pending);
        Assert.Empty(Simulator.ValidationFailures);
    }

    [Fact]
    public async Task The_journal_over_http_lists_vendor_requests_only_and_can_be_polled_and_cleared()
    {
        using HttpResponseMessage first = await Client.GetAsync("/v1/ping?n=1", Ct);
        using HttpResponseMessage second = await Client.GetAsync("/v1/ping?n=2", Ct);

        JsonArray all = (await Client.GetFromJsonAsync<JsonArray>("/_simulator/requests", Ct))!;
        JsonArray newer = (await Client.GetFromJsonAsync<JsonArray>("/_simulator/requests?after=1", Ct))!;

        Assert.Equal(2, all.Count);
        Assert.Equal("/v1/ping", all[0]!["path"]!.GetValue<string>());
        Assert.Equal("?n=2", Assert.Single(newer)!["queryString"]!.GetValue<string>());
        Assert.Equal(2, Simulator.Requests.Count);

        using HttpResponseMessage cleared = await Client.DeleteAsync("/_simulator/requests", Ct);
        Assert.Empty(Simulator.Requests);
    }

    [Fact]
    public async Task Validation_failures_status_and_reset_are_available_over_http()
    {
        using HttpResponseMessage unknown = await Client.GetAsync("/v9/nothing", Ct);
        string token = await GetTokenAsync();
        using HttpResponseMessage booked = await Client.SendAsync(BookingRequest(token, ValidBooking), Ct);
        Simulator.Faults.Enqueue(SimulatedFault.DropConnection());

        JsonArray failures = (await Client.GetFromJsonAsync<JsonArray>("/_simulator/validation-failures", Ct))!;
        JsonNode status = (await Client.GetFromJsonAsync<JsonNode>("/_simulator", Ct))!;

        Assert.Equal("route", Assert.Single(failures)!["member"]!.GetValue<string>());
        Assert.Equal("testpms", status["vendor"]!.GetValue<string>());
        Assert.Equal(3, status["requests"]!.GetValue<int>());
        Assert.Equal(1, status["pendingFaults"]!.GetValue<int>());
        Assert.Equal(1, status["validationFailures"]!.GetValue<int>());

        using HttpResponseMessage reset = await Client.PostAsync("/_simulator/reset", null, Ct);

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Empty(Simulator.Requests);
        Assert.Empty(Simulator.ValidationFailures);
        Assert.Empty(Simulator.Faults.Pending);
        Assert.Empty(Simulator.Bookings);
        Assert.Equal(0, Simulator.Tokens.TokensIssued);
    }

    [Fact]
    public async Task Control_routes_can_be_switched_off()
    {
        await using var simulator = new TestPmsSimulator(new SimulatorOptions { EnableControlRoutes = false });
        await simulator.StartAsync(Ct);
        using HttpClient client = simulator.CreateClient();

        using HttpResponseMessage response = await client.GetAsync("/_simulator/requests", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(simulator.ValidationFailures);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
