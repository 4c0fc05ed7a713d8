using System.Net;
using System.Text.Json.Nodes;

namespace HotelPlatform.Connectors.Simulators.Apaleo.Tests;

/// <summary>
/// <c>PUT /v1/subscriptions/{id}</c> of the Webhook API: 200 without a body, the subscription keeps its id and creation
/// time and delivers to the new endpoint, events and properties from then on; 404 for an unknown id, 422
/// <c>{"messages": [...]}</c> for a property the account does not have.
/// </summary>
public sealed class ApaleoSubscriptionReplaceTests : ApaleoTestBase
{
    private WebhookReceiver _receiver = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _receiver = await WebhookReceiver.StartAsync(Ct);
    }

    protected override ValueTask DisposeTestResourcesAsync() => _receiver.DisposeAsync();

    private static string Body(string endpointUrl, string events, string? propertyIds = null) =>
        $$"""{"endpointUrl":"{{endpointUrl}}","events":[{{events}}]{{(propertyIds is null ? string.Empty : $",\"propertyIds\":[{propertyIds}]")}}}""";

    private string Endpoint(string path) => new Uri(_receiver.BaseAddress, path).ToString();

    private async Task<string> SubscribeAsync()
    {
        using HttpResponseMessage created = await SendAsync(HttpMethod.Post, "/v1/subscriptions", Body(Endpoint("old"), "\"booking/created\""));
        return (await ReadJsonAsync(created, HttpStatusCode.Created))["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task A_replaced_subscription_keeps_its_id_and_delivers_to_its_new_endpoint_and_events()
    {
        string id = await SubscribeAsync();
        ApaleoSubscription before = Assert.Single(Apaleo.Subscriptions);
        Clock.Advance(TimeSpan.FromMinutes(5));

        using HttpResponseMessage replaced = await SendAsync(HttpMethod.Put, $"/v1/subscriptions/{id}", Body(Endpoint("new"), "\"reservation/canceled\"", "\"BER\""));

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Empty(await replaced.Content.ReadAsStringAsync(Ct));
        JsonNode read = await ReadJsonAsync(await GetAsync($"/v1/subscriptions/{id}"));
        Assert.Equal(Endpoint("new"), read["endpointUrl"]!.GetValue<string>());
        Assert.Equal(["reservation/canceled"], read["events"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal(["BER"], read["propertyIds"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal(before.Created, read["created"]!.GetValue<DateTimeOffset>());

        string reservation = await BookAsync(Today.AddDays(3), Today.AddDays(4));
        (await SendAsync(HttpMethod.Put, $"/booking/v1/reservation-actions/{reservation}/cancel")).Dispose();
        await Apaleo.FlushWebhooksAsync(Ct);

        Assert.DoesNotContain(_receiver.Received, r => r.Path == "/old" && r.Body.Contains("\"created\"", StringComparison.Ordinal));
        ReceivedWebhook canceled = Assert.Single(_receiver.Received, r => r.Path == "/new");
        Assert.Equal("canceled", JsonNode.Parse(canceled.Body)!["type"]!.GetValue<string>());
        Assert.Empty(Apaleo.ValidationFailures);
    }

    [Fact]
    public async Task Replacing_an_unknown_subscription_is_404()
    {
        using HttpResponseMessage response = await SendAsync(HttpMethod.Put, "/v1/subscriptions/nosuch", Body(Endpoint("new"), "\"reservation/*\""));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(Apaleo.Subscriptions);
    }

    [Fact]
    public async Task A_property_the_account_does_not_have_is_422_and_the_subscription_is_unchanged()
    {
        string id = await SubscribeAsync();

        using HttpResponseMessage response = await SendAsync(HttpMethod.Put, $"/v1/subscriptions/{id}", Body(Endpoint("new"), "\"reservation/*\"", "\"MUC\""));

        await AssertMessagesAsync(response, "'MUC' does not exist");
        Assert.Equal(new Uri(Endpoint("old")), Assert.Single(Apaleo.Subscriptions).EndpointUrl);
    }

    [Fact]
    public async Task An_endpoint_off_loopback_is_422_and_the_subscription_is_unchanged()
    {
        string id = await SubscribeAsync();

        using HttpResponseMessage response = await SendAsync(HttpMethod.Put, $"/v1/subscriptions/{id}", Body("https://hooks.example.com/apaleo", "\"reservation/*\""));

        await AssertMessagesAsync(response, "loopback");
        Assert.Equal(new Uri(Endpoint("old")), Assert.Single(Apaleo.Subscriptions).EndpointUrl);
    }

    [Theory]
    [InlineData("""{"endpointUrl":"not a url","events":["reservation/*"]}""", "$.endpointUrl")]
    [InlineData("""{"endpointUrl":"http://127.0.0.1:1/x","events":[]}""", "$.events")]
    [InlineData("""{"endpointUrl":"http://127.0.0.1:1/x","events":["reservation/teleported"]}""", "$.events[0]")]
    [InlineData("""{"endpointUrl":"http://127.0.0.1:1/x","topics":["Reservation"]}""", "$.topics")]
    public async Task A_body_that_does_not_match_the_model_is_refused(string body, string member)
    {
        string id = await SubscribeAsync();

        using HttpResponseMessage response = await SendAsync(HttpMethod.Put, $"/v1/subscriptions/{id}", body);

        await AssertRefusedAsync(response, member);
        Assert.Equal(["booking/created"], Assert.Single(Apaleo.Subscriptions).Events);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        string id = await SubscribeAsync();

        using HttpResponseMessage response = await SendAsync(HttpMethod.Put, $"/v1/subscriptions/{id}", Body(Endpoint("new"), "\"reservation/*\""), "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(new Uri(Endpoint("old")), Assert.Single(Apaleo.Subscriptions).EndpointUrl);
    }
}
