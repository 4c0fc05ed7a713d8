using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Webhooks.Tests.Infrastructure;

namespace HotelPlatform.Connectors.Webhooks.Tests.Dispatch;

/// <summary>Dispatch from the inbox to the application's handlers: hydration, retries with backoff, dead letters, replay, order.</summary>
public sealed class DispatchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_id_only_event_is_hydrated_through_the_hotels_connector_before_handlers_run()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var created = await host.BookAsync();

        await host.PostAsync(WebhookTestHost.ApaleoDelivery("created", created.VendorId));
        await host.DrainAsync();

        var call = Assert.Single(host.Handled.Calls);
        Assert.Equal(created.VendorId, call.Reservation?.VendorId);
        Assert.Equal("Lovelace", call.Reservation?.PrimaryGuest.LastName);
        Assert.False(call.ReservationNotFound);
    }

    [Fact]
    public async Task An_event_about_a_reservation_the_connector_no_longer_finds_reaches_handlers_saying_so()
    {
        await using var host = await WebhookTestHost.StartAsync();

        await host.PostAsync(WebhookTestHost.ApaleoDelivery("deleted", "GONE-1"));
        await host.DrainAsync();

        var call = Assert.Single(host.Handled.Calls);
        Assert.True(call.ReservationNotFound);
        Assert.Null(call.Reservation);
    }

    [Fact]
    public async Task A_failed_hydration_is_retried_like_a_failed_handler()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var created = await host.BookAsync();
        host.Simulator.Faults.Enqueue(SimulatedFault.MalformedBody(), "GET", "/booking/v1/reservations/*");

        await host.PostAsync(WebhookTestHost.ApaleoDelivery("changed", created.VendorId));
        await host.DrainAsync();
        var failed = Assert.Single(await host.Inbox.ListAsync(null, null, 10, Ct));
        host.Clock.Advance(TimeSpan.FromSeconds(5));
        await host.DrainAsync();

        Assert.Equal((PmsInboxStatus.Pending, 1), (failed.Status, failed.FailedAttempts));
        Assert.NotNull(failed.LastError);
        var call = Assert.Single(host.Handled.Calls);
        Assert.Equal((2, created.VendorId), (call.Attempt, call.Reservation?.VendorId));
    }

    [Fact]
    public async Task A_throwing_handler_is_retried_with_backoff_then_dead_lettered_with_its_error_and_handled_after_replay()
    {
        await using var host = await WebhookTestHost.StartAsync(o => (o.MaxAttempts, o.FirstRetryDelay) = (3, TimeSpan.FromSeconds(10)));
        host.Handled.FailNext(3);

        await host.PostAsync(WebhookTestHost.ApaleoDelivery("deleted", "R1", eventId: "evt-1"));
        await host.DrainAsync();
        host.Clock.Advance(TimeSpan.FromSeconds(9));
        await host.DrainAsync();
        var beforeBackoff = host.Handled.Calls.Count;
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        await host.DrainAsync();
        host.Clock.Advance(TimeSpan.FromSeconds(19));
        await host.DrainAsync();
        var beforeSecondBackoff = host.Handled.Calls.Count;
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        await host.DrainAsync();
        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.DrainAsync();
        var dead = Assert.Single(await host.Inbox.ListAsync("muc", PmsInboxStatus.DeadLettered, 10, Ct));
        var attemptsBeforeReplay = host.Handled.Calls.Count;

        Assert.True(await host.Inbox.ReplayAsync(dead.Id, host.Clock.GetUtcNow(), Ct));
        await host.DrainAsync();

        Assert.Equal((1, 2, 3), (beforeBackoff, beforeSecondBackoff, attemptsBeforeReplay));
        Assert.Equal(3, dead.FailedAttempts);
        Assert.Contains("InvalidOperationException", dead.LastError, StringComparison.Ordinal);
        Assert.Equal(4, host.Handled.Calls.Count);
        Assert.Equal(PmsInboxStatus.Handled, Assert.Single(await host.Inbox.ListAsync("muc", null, 10, Ct)).Status);
    }

    [Fact]
    public async Task Events_of_one_reservation_are_handled_in_the_order_received_even_when_the_first_fails()
    {
        await using var host = await WebhookTestHost.StartAsync();
        host.Handled.FailNext("r1-created", 1);

        await host.PostAsync(WebhookTestHost.ApaleoDelivery("created", "R1", eventId: "r1-created"));
        await host.PostAsync(WebhookTestHost.ApaleoDelivery("changed", "R1", eventId: "r1-changed"));
        await host.PostAsync(WebhookTestHost.ApaleoDelivery("created", "R2", eventId: "r2-created"));
        await host.DrainAsync();
        var firstRound = host.Handled.Calls.Select(c => c.Event.EventId).ToList();
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.DrainAsync();

        Assert.DoesNotContain("r1-changed", firstRound);
        Assert.Contains("r2-created", firstRound);
        var r1 = host.Handled.Calls.Select(c => c.Event.EventId).Where(id => id.StartsWith("r1-", StringComparison.Ordinal));
        Assert.Equal(["r1-created", "r1-created", "r1-changed"], r1);
    }
}
