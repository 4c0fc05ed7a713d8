using System.Globalization;
using System.Net;
using System.Text.Json;
using HotelPlatform.Connectors.Mirror;
using HotelPlatform.Connectors.Webhooks.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HotelPlatform.Connectors.Webhooks.Tests.Mirror;

/// <summary>
/// The mirror fed by the real inbox against the Apaleo simulator: webhooks and reconciliation reach it, reads cost no
/// vendor request, and freshness (API, health check, JSON endpoint) tells lag, dead letters and old reconciliations.
/// </summary>
public sealed class MirrorFeedTests : IAsyncDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pms-mirror-feed-");
    private WebhookTestHost? _host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IPmsReservationMirror Mirror => _host!.Services.GetRequiredService<IPmsReservationMirror>();

    private PmsMirrorFreshnessReader Freshness => _host!.Services.GetRequiredService<PmsMirrorFreshnessReader>();

    [Fact]
    public async Task A_booking_reported_by_webhook_is_mirrored_and_read_by_id_guest_and_dates_without_a_vendor_request()
    {
        var host = await StartAsync();
        var booked = await host.BookAsync();
        await host.PostAsync(WebhookTestHost.ApaleoDelivery("created", booked.VendorId));
        await host.DrainAsync();
        var requestsBefore = host.Simulator.Requests.Count;

        var byId = await Mirror.GetReservationAsync(WebhookTestHost.HotelId, booked.VendorId, Ct);
        var byGuest = await Mirror.FindByGuestAsync(new GuestSearch { Email = "ADA@example.com" }, null, Ct);
        var byDates = await Mirror.GetStaysAsync(WebhookTestHost.HotelId, booked.Arrival, booked.Arrival, includeCancelled: false, 50, Ct);

        Assert.Equal(requestsBefore, host.Simulator.Requests.Count);
        Assert.Equal((booked.VendorId, booked.Arrival, booked.Departure, PmsMirrorSource.Webhook), (byId!.Reservation.VendorId, byId.Reservation.Arrival, byId.Reservation.Departure, byId.Source));
        Assert.Contains(byGuest, r => r.Reservation.VendorId == booked.VendorId);
        Assert.Contains(byDates, r => r.Reservation.VendorId == booked.VendorId);
    }

    [Fact]
    public async Task A_modification_and_a_cancellation_replace_the_mirrored_copy_and_a_replayed_older_copy_does_not()
    {
        var host = await StartAsync();
        var booked = await host.BookAsync();
        await host.PostAsync(WebhookTestHost.ApaleoDelivery("created", booked.VendorId));
        await host.DrainAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.Connector.ModifyReservationAsync(booked.VendorId, new ReservationChanges { Comment = "late arrival" }, Ct);
        await host.PostAsync(WebhookTestHost.ApaleoDelivery("changed", booked.VendorId));
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.Connector.CancelReservationAsync(booked.VendorId, cancellationToken: Ct);
        await host.PostAsync(WebhookTestHost.ApaleoDelivery("canceled", booked.VendorId));
        await host.DrainAsync();

        var replayedOld = await Mirror.ApplyAsync(new PmsMirrorUpdate(WebhookTestHost.HotelId, PmsMirrorSource.Reconciliation, host.Clock.GetUtcNow()) { Reservation = booked }, Ct);

        Assert.False(replayedOld);
        var copy = (await Mirror.GetReservationAsync(WebhookTestHost.HotelId, booked.VendorId, Ct))!.Reservation;
        Assert.Equal((ReservationStatus.Cancelled, "late arrival"), (copy.Status, copy.Comment));
    }

    [Fact]
    public async Task A_cancellation_whose_reservation_the_pms_no_longer_finds_keeps_the_copy_cancelled_and_removed_and_an_older_copy_does_not_bring_it_back()
    {
        var host = await StartAsync();
        // A booking the mirror holds but the PMS has since deleted: the simulator answers 404 when it is read.
        var deleted = (await host.BookAsync()) with { VendorId = "DELETED-AT-PMS" };
        Assert.True(await Mirror.ApplyAsync(new PmsMirrorUpdate(WebhookTestHost.HotelId, PmsMirrorSource.Backfill, host.Clock.GetUtcNow()) { Reservation = deleted }, Ct));
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var cancelledAt = host.Clock.GetUtcNow();

        await host.PostAsync(WebhookTestHost.ApaleoDelivery("canceled", deleted.VendorId, at: cancelledAt));
        await host.DrainAsync();
        var replayedOld = await Mirror.ApplyAsync(new PmsMirrorUpdate(WebhookTestHost.HotelId, PmsMirrorSource.Reconciliation, host.Clock.GetUtcNow()) { Reservation = deleted }, Ct);

        Assert.False(replayedOld);
        var copy = (await Mirror.GetReservationAsync(WebhookTestHost.HotelId, deleted.VendorId, Ct))!;
        Assert.Equal((ReservationStatus.Cancelled, cancelledAt, PmsMirrorSource.Webhook), (copy.Reservation.Status, copy.RemovedAt, copy.Source));
        Assert.Contains(host.Simulator.Requests, r => r.Path.EndsWith("/" + deleted.VendorId, StringComparison.Ordinal) && r.Response is { StatusCode: 404 });
        Assert.DoesNotContain(
            await Mirror.GetStaysAsync(WebhookTestHost.HotelId, deleted.Arrival, deleted.Arrival, includeCancelled: false, 50, Ct),
            r => r.Reservation.VendorId == deleted.VendorId);
    }

    [Fact]
    public async Task A_change_no_webhook_reported_reaches_the_mirror_through_reconciliation_and_freshness_shows_the_run()
    {
        var host = await StartAsync(o => o.InitialReconciliationLookback = TimeSpan.FromMinutes(1));
        var missed = await host.BookAsync();
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        var runStartedAt = host.Clock.GetUtcNow();

        await host.Services.GetRequiredService<PmsReconciler>().ReconcileOnceAsync(WebhookTestHost.HotelId, Ct);
        await host.DrainAsync();

        var copy = await Mirror.GetReservationAsync(WebhookTestHost.HotelId, missed.VendorId, Ct);
        Assert.Equal(PmsMirrorSource.Reconciliation, copy!.Source);
        var freshness = await Freshness.GetAsync(WebhookTestHost.HotelId, Ct);
        Assert.Equal((runStartedAt, (DateTimeOffset?)runStartedAt, (DateTimeOffset?)null), (freshness.LastReconciliationAt, freshness.LastReconciledChangeAt, freshness.LastEventAt));
        Assert.Equal((0, TimeSpan.Zero, true, false), (freshness.PendingEvents, freshness.Lag, freshness.IsFresh, freshness.ReconciliationInProgress));
    }

    [Fact]
    public async Task Waiting_events_show_as_lag_and_degrade_the_health_check_past_the_limit_until_they_are_applied()
    {
        var host = await StartAsync();
        var booked = await host.BookAsync();
        await host.PostAsync(WebhookTestHost.ApaleoDelivery("created", booked.VendorId));
        host.Clock.Advance(TimeSpan.FromMinutes(6));

        var waiting = await Freshness.GetAsync(WebhookTestHost.HotelId, Ct);
        var degraded = await MirrorHealthAsync(host);
        await host.DrainAsync();
        var applied = await Freshness.GetAsync(WebhookTestHost.HotelId, Ct);
        var healthy = await MirrorHealthAsync(host);

        Assert.Equal((1, TimeSpan.FromMinutes(6), false), (waiting.PendingEvents, waiting.Lag, waiting.IsFresh));
        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        Assert.Contains(WebhookTestHost.HotelId, degraded.Description, StringComparison.Ordinal);
        Assert.Equal((0, TimeSpan.Zero, true, (DateTimeOffset?)host.Clock.GetUtcNow()), (applied.PendingEvents, applied.Lag, applied.IsFresh, applied.LastEventAt));
        Assert.Equal(HealthStatus.Healthy, healthy.Status);
    }

    [Fact]
    public async Task A_dead_lettered_event_and_an_old_reconciliation_each_make_the_hotel_stale()
    {
        var host = await StartAsync();
        var booked = await host.BookAsync();
        await host.PostAsync(WebhookTestHost.ApaleoDelivery("created", booked.VendorId));
        var now = host.Clock.GetUtcNow();
        var leased = Assert.Single(await host.Inbox.LeaseAsync("test", 10, now, now.AddMinutes(1), Ct));
        await host.Inbox.FailAsync(leased.Id, "test", "handler failed", retryAt: null, Ct);
        var twoHoursAgo = now.AddHours(-2).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        await host.Inbox.AppendAsync([], new PmsInboxCheckpoint(PmsReconciler.CheckpointKey(WebhookTestHost.HotelId), $"{twoHoursAgo}|{twoHoursAgo}|"), Ct);

        var freshness = await Freshness.GetAsync(WebhookTestHost.HotelId, Ct);

        Assert.Equal((1, 0, now.AddHours(-2)), (freshness.DeadLetteredEvents, freshness.PendingEvents, freshness.LastReconciliationAt!.Value));
        Assert.Equal(2, freshness.Warnings.Count);
        Assert.Contains(freshness.Warnings, w => w.Contains("dead-lettered", StringComparison.Ordinal));
        Assert.Contains(freshness.Warnings, w => w.Contains("reconciliation", StringComparison.Ordinal));
        Assert.Equal(HealthStatus.Degraded, (await MirrorHealthAsync(host)).Status);
    }

    [Fact]
    public async Task A_backfill_fills_the_mirror_from_the_pms_once_and_repeating_it_stores_nothing()
    {
        var host = await StartAsync();
        var since = host.Clock.GetUtcNow().AddMinutes(-1);
        var booked = new[] { await host.BookAsync(), await host.BookAsync() };
        var backfill = host.Services.GetRequiredService<PmsMirrorBackfill>();

        var first = await backfill.BackfillAsync(WebhookTestHost.HotelId, since, Ct);
        var again = await backfill.BackfillAsync(WebhookTestHost.HotelId, since, Ct);

        Assert.Equal((2, 0), (first, again));
        foreach (var reservation in booked)
        {
            Assert.Equal(PmsMirrorSource.Backfill, (await Mirror.GetReservationAsync(WebhookTestHost.HotelId, reservation.VendorId, Ct))!.Source);
        }
    }

    [Fact]
    public async Task The_freshness_endpoint_answers_every_hotel_one_hotel_and_404_for_an_unknown_one()
    {
        var host = await StartAsync(map: app => app.MapPmsMirrorFreshness("/mirror"));
        await host.BookAsync();

        using var all = JsonDocument.Parse(await host.Client.GetStringAsync("/mirror/freshness", Ct));
        using var one = JsonDocument.Parse(await host.Client.GetStringAsync($"/mirror/freshness/{WebhookTestHost.HotelId}", Ct));
        using var unknown = await host.Client.GetAsync("/mirror/freshness/nowhere", Ct);

        Assert.Equal(WebhookTestHost.HotelId, Assert.Single(all.RootElement.EnumerateArray()).GetProperty("hotelId").GetString());
        Assert.Equal((0, true), (one.RootElement.GetProperty("pendingEvents").GetInt32(), one.RootElement.GetProperty("isFresh").GetBoolean()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    private static async Task<HealthReportEntry> MirrorHealthAsync(WebhookTestHost host) =>
        (await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == PmsMirrorWebhooksBuilderExtensions.HealthCheckName, Ct))
        .Entries[PmsMirrorWebhooksBuilderExtensions.HealthCheckName];

    private async Task<WebhookTestHost> StartAsync(Action<PmsWebhooksOptions>? configure = null, Action<Microsoft.AspNetCore.Builder.WebApplication>? map = null)
    {
        _host = await WebhookTestHost.StartAsync(
            configure,
            webhooks => webhooks.UseSqlite(Path.Combine(_folder.FullName, "inbox.db"))
                .AddReservationMirror(o => o.MaxLag = TimeSpan.FromMinutes(5))
                .UseSqlite(Path.Combine(_folder.FullName, "mirror.db")),
            map);
        return _host;
    }
}
