using System.Text.Json.Nodes;
using HotelPlatform.Connectors.Apaleo.Subscriptions;
using HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;
using WireMock.RequestBuilders;
using static HotelPlatform.Connectors.Apaleo.Tests.Infrastructure.ApaleoHarness;

namespace HotelPlatform.Connectors.Apaleo.Tests.Connector;

/// <summary>Webhook subscriptions on the Webhook API (its own address): listed, created once, deleted.</summary>
public sealed class SubscriptionTests
{
    private const string SubscriptionsPath = WebhookBasePath + "/v1/subscriptions";
    private static readonly Uri Endpoint = new("https://hooks.example.com/apaleo?token=0123456789abcdef0123");

    private static IRequestBuilder List() => Request.Create().WithPath(SubscriptionsPath).UsingGet();

    [Fact]
    public async Task Subscribing_lists_first_then_creates_for_the_hotels_property_with_the_reservation_events()
    {
        await using var harness = Start();
        harness.Stub(List(), Responses.Json("""[{"id":"other","endpointUrl":"https://elsewhere.example.com/","events":["reservation/*"],"propertyIds":["MUC"]}]"""));
        harness.Stub(Request.Create().WithPath(SubscriptionsPath).UsingPost(), Responses.Json("""{"id":"sub-1"}""", 201));

        var subscription = await harness.Subscriptions.SubscribeAsync(Endpoint, cancellationToken: Ct);

        Assert.Equal(("sub-1", Endpoint), (subscription.Id, subscription.EndpointUrl));
        Assert.Equal(["reservation/*"], subscription.Events);
        Assert.Equal(["MUC"], subscription.PropertyIds);
        Assert.DoesNotContain("0123456789abcdef", subscription.ToString(), StringComparison.Ordinal);
        var post = Assert.Single(harness.Received(SubscriptionsPath, "POST"));
        Json.AssertEquivalent($$"""{"endpointUrl":"{{Endpoint.AbsoluteUri}}","events":["reservation/*"],"propertyIds":["MUC"]}""", JsonNode.Parse(post.Body!)!);
        Assert.Equal("Bearer " + AccessToken, post.Headers["Authorization"]);
    }

    [Fact]
    public async Task Subscribing_again_returns_the_identical_subscription_without_creating_one()
    {
        await using var harness = Start();
        harness.Stub(List(), Responses.Json($$"""[{"id":"sub-1","endpointUrl":"{{Endpoint.AbsoluteUri}}","events":["reservation/created","reservation/canceled"],"propertyIds":["MUC"]}]"""));

        var subscription = await harness.Subscriptions.SubscribeAsync(Endpoint, ["reservation/canceled", "reservation/created"], Ct);

        Assert.Equal("sub-1", subscription.Id);
        Assert.Empty(harness.Received(SubscriptionsPath, "POST"));
    }

    [Fact]
    public async Task A_subscription_Apaleo_refuses_reports_its_error_type()
    {
        await using var harness = Start();
        harness.Stub(List(), Responses.Json("[]"));
        harness.Stub(Request.Create().WithPath(SubscriptionsPath).UsingPost(), Responses.Json("""{"type":"HealthcheckFailed","message":"The endpoint did not answer the health check."}""", 422));

        var refused = await Assert.ThrowsAsync<PmsValidationException>(() => harness.Subscriptions.SubscribeAsync(Endpoint, cancellationToken: Ct));

        Assert.Equal(("HealthcheckFailed", "Subscribe"), (refused.VendorErrorCode, refused.Operation));
        Assert.Single(harness.Received(SubscriptionsPath, "POST"));
    }

    [Fact]
    public async Task Deleting_is_true_when_deleted_and_false_when_Apaleo_has_no_such_subscription()
    {
        await using var harness = Start();
        harness.Stub(Request.Create().WithPath(SubscriptionsPath + "/sub-1").UsingDelete(), Responses.Status(204));
        harness.Stub(Request.Create().WithPath(SubscriptionsPath + "/gone").UsingDelete(), Responses.Status(404));

        Assert.True(await harness.Subscriptions.DeleteSubscriptionAsync("sub-1", Ct));
        Assert.False(await harness.Subscriptions.DeleteSubscriptionAsync("gone", Ct));
    }

    [Fact]
    public async Task A_delete_whose_answer_failed_is_settled_by_listing()
    {
        await using var harness = Start();
        harness.Stub(Request.Create().WithPath(SubscriptionsPath + "/sub-1").UsingDelete(), Responses.Status(502));
        harness.Stub(Request.Create().WithPath(SubscriptionsPath + "/sub-2").UsingDelete(), Responses.Status(502));
        harness.Stub(List(), Responses.Json("""[{"id":"sub-2","endpointUrl":"https://hooks.example.com/","events":["reservation/*"]}]"""));

        Assert.True(await harness.Subscriptions.DeleteSubscriptionAsync("sub-1", Ct));
        var stillThere = await Assert.ThrowsAsync<PmsUnavailableException>(() => harness.Subscriptions.DeleteSubscriptionAsync("sub-2", Ct));

        Assert.True(stillThere.OutcomeUnknown);
        Assert.Single(harness.Received(SubscriptionsPath + "/sub-2", "DELETE"));
    }

    [Fact]
    public async Task An_endpoint_that_is_not_an_absolute_web_address_is_refused_before_any_call()
    {
        await using var harness = Start();

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Subscriptions.SubscribeAsync(new Uri("/hooks", UriKind.Relative), cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Subscriptions.SubscribeAsync(Endpoint, [], Ct));

        Assert.Empty(harness.Server.LogEntries);
    }
}
