using System.Net;
using System.Text.Json.Nodes;
using HotelPlatform.Connectors.Simulators.Apaleo;

namespace HotelPlatform.Connectors.Simulators.Apaleo.Tests;

public sealed class ApaleoWebhookTests : ApaleoTestBase
{
    private WebhookReceiver _receiver = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _receiver = await WebhookReceiver.StartAsync(Ct);
    }

    protected override ValueTask DisposeTestResourcesAsync() => _receiver.DisposeAsync();

    private Task<HttpResponseMessage> SubscribeAsync(string endpointUrl, string events, string? propertyIds = null) =>
        SendAsync(HttpMethod.Post, "/v1/subscriptions", $$"""{"endpointUrl":"{{endpointUrl}}","events":[{{events}}]{{(propertyIds is null ? string.Empty : $",\"propertyIds\":[{propertyIds}]")}}}""");

    [Fact]
    public async Task A_subscription_is_created_after_a_health_check_and_can_be_listed_read_and_deleted()
    {
        using HttpResponseMessage created = await SubscribeAsync(new Uri(_receiver.BaseAddress, "hooks/apaleo?token=abc").ToString(), "\"reservation/*\",\"booking/created\"", "\"BER\"");

        JsonNode body = await ReadJsonAsync(created, HttpStatusCode.Created);
        string id = body["id"]!.GetValue<string>();
        ReceivedWebhook healthCheck = Assert.Single(_receiver.Received);
        JsonNode check = JsonNode.Parse(healthCheck.Body)!;
        Assert.Equal("system", check["topic"]!.GetValue<string>());
        Assert.Equal("healthcheck", check["type"]!.GetValue<string>());
        Assert.Equal(["BER"], check["propertyIds"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal("SIM", check["accountId"]!.GetValue<string>());
        Assert.Equal(Start.ToUnixTimeMilliseconds(), check["timestamp"]!.GetValue<long>());
        Assert.Equal("/hooks/apaleo", healthCheck.Path);

        JsonNode list = await ReadJsonAsync(await GetAsync("/v1/subscriptions"));
        JsonNode listed = Assert.Single(list.AsArray())!;
        Assert.Equal(id, listed["id"]!.GetValue<string>());
        Assert.Equal(["reservation/*", "booking/created"], listed["events"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal(["BER"], listed["propertyIds"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.NotNull(listed["created"]);
        Assert.Equal(id, (await ReadJsonAsync(await GetAsync($"/v1/subscriptions/{id}")))["id"]!.GetValue<string>());

        using HttpResponseMessage deleted = await SendAsync(HttpMethod.Delete, $"/v1/subscriptions/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync($"/v1/subscriptions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Delete, $"/v1/subscriptions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await GetAsync("/v1/subscriptions")).StatusCode);
    }

    [Fact]
    public async Task Reservation_events_are_delivered_in_apaleos_payload_shape_to_matching_subscriptions_only()
    {
        await ReadJsonAsync(await SubscribeAsync(new Uri(_receiver.BaseAddress, "reservations").ToString(), "\"reservation/created\",\"reservation/canceled\""), HttpStatusCode.Created);
        await ReadJsonAsync(await SubscribeAsync(new Uri(_receiver.BaseAddress, "folios").ToString(), "\"folio/*\""), HttpStatusCode.Created);

        string id = await BookAsync(Today.AddDays(3), Today.AddDays(4));
        (await SendAsync(HttpMethod.Patch, $"/booking/v1/reservations/{id}", """[{"op":"add","path":"/comment","value":"x"}]""")).Dispose();
        (await SendAsync(HttpMethod.Put, $"/booking/v1/reservation-actions/{id}/cancel")).Dispose();
        await Apaleo.FlushWebhooksAsync(Ct);

        List<ReceivedWebhook> deliveries = [.. _receiver.Received.Where(r => r.Path == "/reservations" && !r.Body.Contains("healthcheck", StringComparison.Ordinal))];
        Assert.Equal(2, deliveries.Count);
        Assert.DoesNotContain(_receiver.Received, r => r.Path == "/folios" && !r.Body.Contains("healthcheck", StringComparison.Ordinal));
        JsonNode created = deliveries.Select(d => JsonNode.Parse(d.Body)!).Single(d => d["type"]!.GetValue<string>() == "created");
        Assert.Equal("Reservation", created["topic"]!.GetValue<string>());
        Assert.Equal(id, created["data"]!["entityId"]!.GetValue<string>());
        Assert.Equal("BER", created["propertyId"]!.GetValue<string>());
        Assert.Equal("SIM", created["accountId"]!.GetValue<string>());
        Assert.Equal(ApaleoSimulatorOptions.DefaultClientId, created["clientId"]!.GetValue<string>());
        Assert.Equal(Start.ToUnixTimeMilliseconds(), created["timestamp"]!.GetValue<long>());
        Assert.True(Guid.TryParse(created["id"]!.GetValue<string>(), out _));
        Assert.StartsWith("SIM-", deliveries[0].Headers["apaleo-tracking-id"], StringComparison.Ordinal);
        Assert.StartsWith("application/json", deliveries[0].Headers["Content-Type"], StringComparison.Ordinal);
        Assert.All(Apaleo.Webhooks.Deliveries, d => Assert.True(d.Succeeded));
        Assert.Equal(["booking/created", "reservation/created", "reservation/changed", "reservation/canceled"], Apaleo.Events.Select(e => e.Name));
    }

    [Fact]
    public async Task User_info_in_the_endpoint_url_becomes_basic_credentials_and_raised_events_are_delivered()
    {
        var endpoint = new UriBuilder(new Uri(_receiver.BaseAddress, "secured")) { UserName = "hook", Password = "p4ss" }.Uri;
        await ReadJsonAsync(await SubscribeAsync(endpoint.ToString(), "\"unitgroup/*\""), HttpStatusCode.Created);

        ApaleoWebhookEvent raised = Apaleo.RaiseEvent("UnitGroup", "changed", Scenario.MainUnitGroupId);
        await Apaleo.FlushWebhooksAsync(Ct);

        ReceivedWebhook delivery = _receiver.Received.Last();
        Assert.Equal("Basic " + Convert.ToBase64String("hook:p4ss"u8.ToArray()), delivery.Headers["Authorization"]);
        Assert.Equal(raised.Id, JsonNode.Parse(delivery.Body)!["id"]!.GetValue<string>());
        Assert.Equal("unitgroup/changed", raised.Name);
        Assert.Throws<ArgumentException>(() => Apaleo.RaiseEvent("Reservation", "teleported", "X-1"));
    }

    [Fact]
    public async Task A_failing_health_check_an_unknown_property_and_a_non_loopback_endpoint_are_refused_with_422()
    {
        _receiver.StatusCode = 500;
        using HttpResponseMessage failing = await SubscribeAsync(_receiver.BaseAddress.ToString(), "\"reservation/*\"");
        _receiver.StatusCode = 200;
        using HttpResponseMessage property = await SubscribeAsync(_receiver.BaseAddress.ToString(), "\"reservation/*\"", "\"MUC\"");
        using HttpResponseMessage remote = await SubscribeAsync("https://hooks.example.com/apaleo", "\"reservation/*\"");

        JsonNode failed = await ReadJsonAsync(failing, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("HealthcheckFailed", failed["type"]!.GetValue<string>());
        Assert.Contains("HTTP 500", failed["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("InvalidPropertyId", (await ReadJsonAsync(property, HttpStatusCode.UnprocessableEntity))["type"]!.GetValue<string>());
        Assert.Equal("HealthcheckFailed", (await ReadJsonAsync(remote, HttpStatusCode.UnprocessableEntity))["type"]!.GetValue<string>());
        Assert.Empty(Apaleo.Subscriptions);
    }

    [Theory]
    [InlineData("\"reservation/teleported\"", "$.events[0]")]
    [InlineData("\"Reservation/created\"", "$.events[0]")]
    [InlineData("\"spaceship/*\"", "$.events[0]")]
    public async Task An_undocumented_event_name_is_refused_strictly(string events, string member)
    {
        using HttpResponseMessage response = await SubscribeAsync(_receiver.BaseAddress.ToString(), events);

        await AssertRefusedAsync(response, member);
        Assert.Empty(_receiver.Received);
    }

    [Fact]
    public async Task The_2021_topics_body_is_refused_strictly()
    {
        using HttpResponseMessage response = await SendAsync(HttpMethod.Post, "/v1/subscriptions", $$"""{"endpointUrl":"{{_receiver.BaseAddress}}","topics":["Reservation"]}""");

        await AssertRefusedAsync(response, "$.topics");
    }
}
