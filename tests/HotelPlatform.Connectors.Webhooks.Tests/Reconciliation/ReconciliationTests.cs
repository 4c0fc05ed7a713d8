using HotelPlatform.Connectors.Webhooks.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.Webhooks.Tests.Reconciliation;

/// <summary>Gap detection against the Apaleo simulator: changed-since pages, deduped against the inbox, resumable.</summary>
public sealed class ReconciliationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reconciliation_raises_events_only_for_changes_no_webhook_reported_and_nothing_on_a_second_run()
    {
        // The simulator's seed reservations changed the evening before; the first run looks back one minute, past none of them.
        await using var host = await WebhookTestHost.StartAsync(o => (o.ReconciliationPageSize, o.InitialReconciliationLookback) = (1, TimeSpan.FromMinutes(1)));
        var reported = await host.BookAsync();
        var missedA = await host.BookAsync();
        var missedB = await host.BookAsync();
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        await host.PostAsync(WebhookTestHost.ApaleoDelivery("created", reported.VendorId));
        var reconciler = host.Services.GetRequiredService<PmsReconciler>();

        var first = await reconciler.ReconcileOnceAsync(WebhookTestHost.HotelId, Ct);
        host.Clock.Advance(TimeSpan.FromMinutes(15));
        var second = await reconciler.ReconcileOnceAsync(WebhookTestHost.HotelId, Ct);
        await host.DrainAsync();

        Assert.Equal((2, 0), (first, second));
        var raised = (await host.Inbox.ListAsync(null, null, 10, Ct)).Where(i => i.Record.Origin == PmsEventOrigin.Reconciliation).ToList();
        Assert.Equal(new[] { missedA.VendorId, missedB.VendorId }.Order(), raised.Select(i => host.Handled.Calls.Single(c => c.InboxId == i.Id).Reservation!.VendorId).Order());
        Assert.All(raised, i => Assert.StartsWith("sha256:", i.Record.EventId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_interrupted_reconciliation_resumes_from_its_committed_continuation_token()
    {
        await using var host = await WebhookTestHost.StartAsync(o => o.ReconciliationPageSize = 1);
        for (var i = 0; i < 3; i++)
        {
            await host.BookAsync();
        }

        var since = host.Clock.GetUtcNow().AddMinutes(-1);
        var query = ReservationQuery.ChangedSince(since) with { PageSize = 1 };
        var firstPage = await host.Connector.GetRequiredService<IPmsReservationPages>().GetReservationPagesAsync(query, null, Ct).FirstAsync(Ct);
        var interrupted = new PmsReconciler.RunState(since, host.Clock.GetUtcNow(), firstPage.ContinuationToken);
        await host.Inbox.AppendAsync([], new PmsInboxCheckpoint(PmsReconciler.CheckpointKey(WebhookTestHost.HotelId), interrupted.ToString()), Ct);

        var raised = await host.Services.GetRequiredService<PmsReconciler>().ReconcileOnceAsync(WebhookTestHost.HotelId, Ct);
        await host.DrainAsync();

        Assert.Equal(2, raised);
        Assert.DoesNotContain(host.Handled.Calls, c => c.Reservation!.VendorId == Assert.Single(firstPage.Items).VendorId);
        var finished = PmsReconciler.RunState.Parse(await host.Inbox.GetCheckpointAsync(PmsReconciler.CheckpointKey(WebhookTestHost.HotelId), Ct));
        Assert.Null(finished?.Token);
    }
}
