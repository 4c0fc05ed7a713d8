using System.Net;
using HotelPlatform.Connectors.Apaleo.Subscriptions;
using HotelPlatform.Connectors.Webhooks.Tests.Infrastructure;

namespace HotelPlatform.Connectors.Webhooks.Tests.Endpoint;

/// <summary><c>MapPmsWebhooks</c> over HTTP on loopback, with Apaleo's real handler verifying and parsing.</summary>
public sealed class WebhookEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<IReadOnlyList<PmsInboxItem>> StoredAsync(WebhookTestHost host) => await host.Inbox.ListAsync(null, null, 100, Ct);

    [Theory]
    [InlineData("?token=0123456789abcdef-wrong-secret")]
    [InlineData("")]
    [InlineData("?token=0123456789abcdef-webhook-secret&token=0123456789abcdef-webhook-secret")]
    public async Task A_delivery_failing_verification_is_an_empty_401_and_nothing_is_stored(string query)
    {
        await using var host = await WebhookTestHost.StartAsync();

        using var response = await host.PostAsync(WebhookTestHost.ApaleoDelivery("created", "R1"), new Uri(host.BaseAddress, "/webhooks/muc" + query));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Empty(await StoredAsync(host));
    }

    [Fact]
    public async Task A_verified_but_malformed_body_is_a_400_with_the_reason_and_nothing_is_stored()
    {
        await using var host = await WebhookTestHost.StartAsync();

        using var response = await host.PostAsync("""{"topic":"Reservation","type":"created","id":""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsStringAsync(Ct));
        Assert.Empty(await StoredAsync(host));
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_a_413_and_nothing_is_stored()
    {
        await using var host = await WebhookTestHost.StartAsync(o => o.MaxBodyBytes = 256);

        using var response = await host.PostAsync(WebhookTestHost.ApaleoDelivery("created", new string('R', 300)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await StoredAsync(host));
    }

    [Fact]
    public async Task A_hotel_without_a_webhook_handler_is_a_404()
    {
        await using var host = await WebhookTestHost.StartAsync();

        using var response = await host.PostAsync(WebhookTestHost.ApaleoDelivery("created", "R1"), new Uri(host.BaseAddress, $"/webhooks/ber?token={WebhookTestHost.Secret}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_verified_delivery_is_committed_before_the_2xx_and_no_handler_has_run_when_it_is_answered()
    {
        await using var host = await WebhookTestHost.StartAsync();

        using var response = await host.PostAsync(WebhookTestHost.ApaleoDelivery("created", "R1", eventId: "evt-1"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var stored = Assert.Single(await StoredAsync(host));
        Assert.Equal(("muc", "evt-1", "ReservationCreatedEvent", PmsInboxStatus.Pending), (stored.Record.HotelId, stored.Record.EventId, stored.Record.EventType, stored.Status));
        Assert.Empty(host.Handled.Calls);
    }

    [Fact]
    public async Task The_answer_does_not_wait_for_a_handler_that_is_still_running()
    {
        await using var host = await WebhookTestHost.StartAsync(o => o.DispatchEnabled = true);
        host.Handled.Block();

        using var first = await host.PostAsync(WebhookTestHost.ApaleoDelivery("deleted", "R1", eventId: "evt-1"));
        await host.Handled.Entered.Task.WaitAsync(Ct);
        using var second = await host.PostAsync(WebhookTestHost.ApaleoDelivery("deleted", "R2", eventId: "evt-2"));
        var whileBlocked = host.Handled.Calls.Count;
        host.Handled.Release();

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (first.StatusCode, second.StatusCode));
        Assert.Equal(0, whileBlocked);
        Assert.Equal(2, (await host.Inbox.ListAsync(null, null, 10, Ct)).Count);
    }

    [Fact]
    public async Task The_same_delivery_twice_is_stored_once_and_handled_once()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var delivery = WebhookTestHost.ApaleoDelivery("changed", "R1", eventId: "evt-1");

        using var first = await host.PostAsync(delivery);
        using var second = await host.PostAsync(delivery);
        await host.DrainAsync();

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (first.StatusCode, second.StatusCode));
        Assert.Single(await StoredAsync(host));
        Assert.Equal("evt-1", Assert.Single(host.Handled.Calls).Event.EventId);
    }

    [Fact]
    public async Task A_delivery_whose_vendor_timestamp_is_outside_the_replay_window_is_a_401_and_nothing_is_stored()
    {
        await using var host = await WebhookTestHost.StartAsync(o => o.ReplayWindow = TimeSpan.FromMinutes(10));

        using var stale = await host.PostAsync(WebhookTestHost.ApaleoDelivery("created", "R1", at: host.Clock.GetUtcNow().AddMinutes(-11)));
        using var fresh = await host.PostAsync(WebhookTestHost.ApaleoDelivery("created", "R2", at: host.Clock.GetUtcNow().AddMinutes(-9)));

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.NoContent), (stale.StatusCode, fresh.StatusCode));
        Assert.Equal("ReservationCreatedEvent", Assert.Single(await StoredAsync(host)).Record.EventType);
    }

    [Fact]
    public async Task The_simulators_webhook_hub_delivers_to_the_endpoint_after_its_health_check()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var subscriptions = host.Connector.GetService<IApaleoSubscriptions>()!;

        await subscriptions.SubscribeAsync(host.EndpointWithSecret, ["reservation/*"], Ct);
        var raised = host.Simulator.RaiseEvent("Reservation", "changed", "R-HUB");
        await host.Simulator.FlushWebhooksAsync(Ct);

        var stored = Assert.Single(await StoredAsync(host));
        Assert.Equal(raised.Id, stored.Record.EventId);
    }
}
