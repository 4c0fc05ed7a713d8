using System.Text.Json;
using HotelPlatform.Samples.Host.Operations;
using HotelPlatform.Samples.Host.Operations.Alerts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace HotelPlatform.Samples.Host.Tests.Operations;

/// <summary>
/// The alert lifecycle (firing → acknowledged → resolved) in the SQLite store, the evaluator on a fake clock over the
/// sample's own services (restart included), and webhook notification against a WireMock.Net receiver.
/// </summary>
public sealed class OpsAlertLifecycleTests : IDisposable
{
    private const string Hotel = "berlin";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ops-alerts-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
    private readonly List<IDisposable> _disposables = [];
    private readonly WireMockServer _receiver = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{SampleHostProcess.FreePort()}"] });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_alert_fires_once_per_condition_is_acknowledged_once_with_who_and_when_and_then_resolves()
    {
        var store = new OpsAlertStore(Path.Combine(_folder.FullName, "alerts.db"));
        var condition = new OpsAlertCondition(OpsAlertRuleNames.DeadLetters, Hotel, "2 dead-lettered webhook events");
        Uri[] notify = [new("http://127.0.0.1:9/hook")];

        var fired = await store.FireAsync(condition, _time.GetUtcNow(), notify, Ct);
        var again = await store.FireAsync(condition, _time.GetUtcNow(), notify, Ct);
        _time.Advance(TimeSpan.FromMinutes(1));
        var acknowledged = await store.AcknowledgeAsync(fired!.Id, "admin", _time.GetUtcNow(), notify, Ct);
        var acknowledgedAgain = await store.AcknowledgeAsync(fired.Id, "other-admin", _time.GetUtcNow(), notify, Ct);
        _time.Advance(TimeSpan.FromMinutes(1));
        var resolved = await store.ResolveAsync(fired.Id, _time.GetUtcNow(), notify, Ct);
        var acknowledgeResolved = await store.AcknowledgeAsync(fired.Id, "admin", _time.GetUtcNow(), notify, Ct);
        var refired = await store.FireAsync(condition, _time.GetUtcNow(), notify, Ct);

        Assert.Equal(OpsAlertStates.Firing, fired.State);
        Assert.Null(again);
        Assert.Equal((OpsAlertStates.Acknowledged, "admin", new DateTimeOffset(2026, 12, 3, 12, 1, 0, TimeSpan.Zero)), (acknowledged!.State, acknowledged.AcknowledgedBy, acknowledged.AcknowledgedAt!.Value));
        Assert.Null(acknowledgedAgain);
        Assert.Equal((OpsAlertStates.Resolved, "admin"), (resolved!.State, resolved.AcknowledgedBy));
        Assert.Null(acknowledgeResolved);
        Assert.NotEqual(fired.Id, refired!.Id); // the condition came back: a new alert
        Assert.Equal(["fired", "acknowledged", "resolved"], (await store.NotificationsAsync(fired.Id, Ct)).Select(n => n.Event));
    }

    [Fact]
    public async Task The_evaluator_fires_an_unhealthy_hotel_after_the_configured_time_does_not_fire_it_again_after_a_restart_and_resolves_it()
    {
        var alertsAfterFirstRun = await RunHostAsync(async (evaluator, health, store) =>
        {
            await health.PublishAsync(Report(HealthStatus.Unhealthy), Ct);
            var tooEarly = await evaluator.EvaluateOnceAsync(Ct);
            _time.Advance(TimeSpan.FromMinutes(2));
            var due = await evaluator.EvaluateOnceAsync(Ct);
            Assert.Empty(tooEarly);
            Assert.Equal(OpsAlertRuleNames.Unhealthy, Assert.Single(due).Rule);
            return await store.RecentAsync(10, Ct);
        });

        // A restart: new services over the same files; the hotel is still unhealthy (for two minutes again by now).
        var alertsAfterRestart = await RunHostAsync(async (evaluator, health, store) =>
        {
            await evaluator.EvaluateOnceAsync(Ct); // not checked yet since the restart: kept open
            await health.PublishAsync(Report(HealthStatus.Unhealthy), Ct);
            await evaluator.EvaluateOnceAsync(Ct); // unhealthy for less than the rule's time since the restart: still the same alert
            _time.Advance(TimeSpan.FromMinutes(2));
            await evaluator.EvaluateOnceAsync(Ct);
            var stillOpen = await store.RecentAsync(10, Ct);
            await health.PublishAsync(Report(HealthStatus.Healthy), Ct);
            await evaluator.EvaluateOnceAsync(Ct);
            return (stillOpen, await store.RecentAsync(10, Ct));
        });

        var alert = Assert.Single(alertsAfterFirstRun);
        Assert.Equal((OpsAlertRuleNames.Unhealthy, Hotel, OpsAlertStates.Firing), (alert.Rule, alert.Subject, alert.State));
        Assert.Equal(alert.Id, Assert.Single(alertsAfterRestart.stillOpen).Id);
        var resolved = Assert.Single(alertsAfterRestart.Item2);
        Assert.Equal((alert.Id, OpsAlertStates.Resolved), (resolved.Id, resolved.State));
    }

    [Fact]
    public async Task Each_alert_change_is_posted_as_json_to_every_configured_address()
    {
        _receiver.Given(Request.Create().WithPath("/hook").UsingPost()).RespondWith(Response.Create().WithStatusCode(204));
        var (store, notifier, options) = Notifier(maxAttempts: 3, "/hook", "/hook?second=1");
        var alert = await store.FireAsync(new(OpsAlertRuleNames.QuotaInUse, "apaleo:client-1", "95 % in use"), _time.GetUtcNow(), options.Notify.Urls, Ct);
        await store.AcknowledgeAsync(alert!.Id, "admin", _time.GetUtcNow(), options.Notify.Urls, Ct);

        var delivered = await notifier.DeliverDueAsync(Ct);
        var deliveredAgain = await notifier.DeliverDueAsync(Ct);

        Assert.Equal((4, 0), (delivered, deliveredAgain));
        var bodies = _receiver.LogEntries.Select(e => JsonDocument.Parse(e.RequestMessage.Body!).RootElement).ToArray();
        Assert.Equal(["fired", "fired", "acknowledged", "acknowledged"], bodies.Select(b => b.GetProperty("event").GetString()));
        Assert.All(bodies, b => Assert.Equal("apaleo:client-1", b.GetProperty("alert").GetProperty("subject").GetString()));
        Assert.Equal("admin", bodies[3].GetProperty("alert").GetProperty("acknowledgedBy").GetString());
        Assert.All(_receiver.LogEntries, e => Assert.StartsWith("application/json", e.RequestMessage.Headers!["Content-Type"].Single(), StringComparison.Ordinal));
        Assert.All(await store.NotificationsAsync(alert.Id, Ct), n => Assert.Equal((1, (string?)null), (n.Attempts, n.LastError)));
    }

    [Fact]
    public async Task A_receiver_answering_500_is_recorded_retried_after_the_delay_and_given_up_after_the_last_attempt()
    {
        _receiver.Given(Request.Create().WithPath("/hook").UsingPost()).RespondWith(Response.Create().WithStatusCode(500));
        var (store, notifier, options) = Notifier(maxAttempts: 2, "/hook");
        var alert = await store.FireAsync(new(OpsAlertRuleNames.DeadLetters, Hotel, "1 dead letter"), _time.GetUtcNow(), options.Notify.Urls, Ct);

        await notifier.DeliverDueAsync(Ct);
        var afterFirst = Assert.Single(await store.NotificationsAsync(alert!.Id, Ct));
        await notifier.DeliverDueAsync(Ct); // not due yet: nothing is sent
        var requestsBeforeDelay = _receiver.LogEntries.Count();
        _time.Advance(options.Notify.RetryDelay);
        await notifier.DeliverDueAsync(Ct);
        var afterSecond = Assert.Single(await store.NotificationsAsync(alert.Id, Ct));

        Assert.Equal((1, "HTTP 500 Internal Server Error", (DateTimeOffset?)null), (afterFirst.Attempts, afterFirst.LastError, afterFirst.FailedAt));
        Assert.Equal(_time.GetUtcNow(), afterFirst.NextAttemptAt);
        Assert.True(requestsBeforeDelay >= 1);
        Assert.Equal((2, (DateTimeOffset?)null), (afterSecond.Attempts, afterSecond.DeliveredAt));
        Assert.Equal(_time.GetUtcNow(), afterSecond.FailedAt);
        Assert.Empty(await store.DueNotificationsAsync(_time.GetUtcNow().AddDays(1), 10, Ct));
    }

    [Fact]
    public async Task A_receiver_that_is_down_is_recorded_with_the_connection_error_and_tried_again_later()
    {
        var down = _receiver.Url!;
        _receiver.Stop();
        var (store, notifier, options) = Notifier(maxAttempts: 5, new Uri(new Uri(down), "/hook"));
        var alert = await store.FireAsync(new(OpsAlertRuleNames.DeadLetters, Hotel, "1 dead letter"), _time.GetUtcNow(), options.Notify.Urls, Ct);

        var delivered = await notifier.DeliverDueAsync(Ct);
        var notification = Assert.Single(await store.NotificationsAsync(alert!.Id, Ct));

        Assert.Equal(0, delivered);
        Assert.Equal((1, (DateTimeOffset?)null), (notification.Attempts, notification.FailedAt));
        Assert.Contains("HttpRequestException", notification.LastError, StringComparison.Ordinal);
        Assert.Equal(_time.GetUtcNow() + options.Notify.RetryDelay, notification.NextAttemptAt);
    }

    public void Dispose()
    {
        _disposables.ForEach(d => d.Dispose());
        _receiver.Stop();
        _receiver.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    private (OpsAlertStore Store, OpsAlertNotifier Notifier, OpsAlertOptions Options) Notifier(int maxAttempts, params string[] paths) =>
        Notifier(maxAttempts, [.. paths.Select(p => new Uri(new Uri(_receiver.Url!), p))]);

    private (OpsAlertStore Store, OpsAlertNotifier Notifier, OpsAlertOptions Options) Notifier(int maxAttempts, params Uri[] urls)
    {
        var options = new OpsAlertOptions();
        options.Notify.MaxAttempts = maxAttempts;
        options.Notify.RetryDelay = TimeSpan.FromSeconds(30);
        options.Notify.Urls.AddRange(urls);

        // The sample's own client registration; the in-delivery retries wait zero so the fake clock never holds them.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ops:Alerts:Notify:Resilience:Retry:Delay"] = "00:00:00",
            ["Ops:Alerts:Notify:Resilience:Retry:MaxRetryAttempts"] = "1",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(_time);
        services.AddOpsAlertNotificationClient(configuration);
        var provider = services.BuildServiceProvider();
        _disposables.Add(provider);
        var store = new OpsAlertStore(Path.Combine(_folder.FullName, "alerts.db"));
        return (store, new OpsAlertNotifier(store, provider.GetRequiredService<IHttpClientFactory>(), Options.Create(options), _time, NullLogger<OpsAlertNotifier>.Instance), options);
    }

    private async Task<T> RunHostAsync<T>(Func<OpsAlertEvaluator, OpsHealthPublisher, OpsAlertStore, Task<T>> run)
    {
        await using var provider = OpsTestServices.Build(_folder.FullName, _time, [Hotel], new() { ["Ops:Alerts:Rules:Unhealthy:For"] = "00:02:00" });
        return await run(provider.GetRequiredService<OpsAlertEvaluator>(), provider.GetRequiredService<OpsHealthPublisher>(), provider.GetRequiredService<OpsAlertStore>());
    }

    private static HealthReport Report(HealthStatus status) =>
        new(new Dictionary<string, HealthReportEntry> { [$"pms:{Hotel}"] = new(status, status == HealthStatus.Healthy ? null : "connection refused", TimeSpan.Zero, null, null) }, TimeSpan.Zero);
}
