using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace HotelPlatform.Samples.Host.Tests.Browser;

/// <summary>
/// The /ops management page in a real headless Chromium against the real sample host: sign-in and roles, live status,
/// an alert's lifecycle with its webhook notifications.
/// Set <see cref="AnalyticsDashboardBrowserTests.ScreenshotVariable"/> to a folder to save the screenshot docs/operations.md shows.
/// </summary>
public sealed class OpsDashboardBrowserTests : IDisposable
{
    // The demo users of appsettings.json (README): documented passwords, hashed in configuration.
    private const string ViewerPassword = "viewer-demo-2026";
    private const string AdminPassword = "admin-demo-2026";
    private const string Hotel = "munich-apaleo";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("sample-ops-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_and_the_apis_answer_401_without_data()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        using var host = await SampleHostProcess.StartAsync(Path.Combine(_folder.FullName, "inbox.db"));
        var (page, errors) = await chromium.OpenPageAsync(host.Client.BaseAddress!);

        await page.GotoAsync("/ops");
        using var status = await host.Client.GetAsync(new Uri("/ops/api/status", UriKind.Relative), Ct);
        using var live = await host.Client.GetAsync(new Uri("/ops/api/live", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, Ct);
        using var replay = await host.Client.PostAsync(new Uri("/ops/api/dead-letters/1/replay", UriKind.Relative), null, Ct);

        Assert.StartsWith("/ops/signin", new Uri(page.Url).PathAndQuery, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (status.StatusCode, live.StatusCode, replay.StatusCode));
        Assert.Empty(await status.Content.ReadAsStringAsync(Ct));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_a_viewer_sees_the_page_but_cannot_replay_a_dead_letter()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        using var host = await SampleHostProcess.StartAsync(Path.Combine(_folder.FullName, "inbox.db"));
        var (page, errors) = await chromium.OpenPageAsync(host.Client.BaseAddress!);

        var refused = await SignInAsync(page, "viewer", "not-the-password");
        var refusedMessage = await page.Locator("#error").InnerTextAsync();
        await SignInAsync(page, "viewer", ViewerPassword);
        var who = await page.Locator("#who").InnerTextAsync();
        var replay = await page.APIRequest.PostAsync("/ops/api/dead-letters/1/replay");
        var statusApi = await page.APIRequest.GetAsync("/ops/api/status");

        Assert.Equal(401, refused);
        Assert.Contains("Wrong user name or password", refusedMessage, StringComparison.Ordinal);
        Assert.Equal("viewer (viewer)", who);
        Assert.Equal(403, replay.Status);
        Assert.Equal(200, statusApi.Status);
        Assert.Equal(0, await page.Locator("#dead[data-admin='true']").CountAsync());
        Assert.DoesNotContain(errors, e => !e.Contains("401", StringComparison.Ordinal)); // the refused sign-in's own 401
    }

    [Fact]
    public async Task An_admin_sees_a_booking_appear_live_on_the_status_page_and_may_replay_dead_letters_and_metrics_carry_the_quota()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        using var host = await SampleHostProcess.StartAsync(Path.Combine(_folder.FullName, "inbox.db"));
        var (page, errors) = await chromium.OpenPageAsync(host.Client.BaseAddress!);
        await SignInAsync(page, "admin", AdminPassword);
        var row = page.Locator($"#hotels tr[data-hotel='{Hotel}']");
        await row.WaitForAsync();
        var before = long.Parse(await row.Locator("td").Nth(5).InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

        await BookAsync(host);
        await page.WaitForFunctionAsync(
            "([hotel, before]) => { const r = document.querySelector(`#hotels tr[data-hotel='${hotel}']`); return r && Number(r.children[5].textContent) > before && r.children[4].textContent !== '–'; }",
            new object[] { Hotel, before });
        var p50 = await row.Locator("td").Nth(6).InnerTextAsync();
        var unknownReplay = await page.APIRequest.PostAsync("/ops/api/dead-letters/999999/replay");
        var metrics = await host.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative), Ct);
        await SaveScreenshotAsync(page, "ops-dashboard.png");

        Assert.NotEqual("–", p50);
        Assert.Equal(404, unknownReplay.Status); // allowed for an admin; there is no such dead letter
        Assert.Contains("pms_operation_duration", metrics, StringComparison.Ordinal);
        Assert.Contains($"pms_hotel=\"{Hotel}\"", metrics, StringComparison.Ordinal);
        Assert.Contains(metrics.Split('\n'), line => line.StartsWith("pms_rate_limit_available_permits", StringComparison.Ordinal) && line.Contains("pms_account=\"apaleo:apaleo-simulator-client\"", StringComparison.Ordinal));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_dead_letter_fires_an_alert_that_an_admin_acknowledges_a_viewer_cannot_and_that_resolves_when_the_letter_is_replayed()
    {
        using var receiver = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{SampleHostProcess.FreePort()}"] });
        receiver.Given(Request.Create().WithPath("/alerts").UsingPost()).RespondWith(Response.Create().WithStatusCode(200));
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var inbox = Path.Combine(_folder.FullName, "inbox.db");
        using var host = await SampleHostProcess.StartAsync(inbox,
            "--Ops:Alerts:EvaluationInterval", "00:00:00.5", "--Ops:Alerts:Notify:PollInterval", "00:00:00.2", "--Ops:Alerts:Notify:Urls:0", $"{receiver.Url}/alerts");
        var (admin, errors) = await chromium.OpenPageAsync(host.Client.BaseAddress!);
        var (viewer, viewerErrors) = await chromium.OpenPageAsync(host.Client.BaseAddress!);
        await SignInAsync(admin, "admin", AdminPassword);
        await SignInAsync(viewer, "viewer", ViewerPassword);

        // A real event of the hotel, handled, then marked dead-lettered in the inbox file as the dispatcher does after its last attempt.
        await BookAsync(host);
        var eventId = await host.WaitForEventAsync(Hotel, "ReservationCreatedEvent", "Handled");
        await DeadLetterAsync(inbox, eventId!);
        var alertRow = $"#alerts tr[data-rule='dead-letters'][data-subject='{Hotel}']";
        await admin.Locator($"{alertRow}[data-state='firing']").WaitForAsync();
        await viewer.Locator($"{alertRow}[data-state='firing']").WaitForAsync();
        var viewerButtons = await viewer.Locator($"{alertRow} button").CountAsync();
        var alertId = (await (await admin.APIRequest.GetAsync("/ops/api/alerts")).JsonAsync())!.Value.EnumerateArray()
            .Single(a => a.GetProperty("rule").GetString() == "dead-letters").GetProperty("id").GetInt64();
        var viewerAcknowledge = await viewer.APIRequest.PostAsync($"/ops/api/alerts/{alertId}/acknowledge");

        await admin.Locator($"{alertRow} button").ClickAsync();
        await admin.Locator($"{alertRow}[data-state='acknowledged']").WaitForAsync();
        var acknowledgedBy = await admin.Locator(alertRow).Locator("td").Nth(5).InnerTextAsync();
        await admin.Locator("#quota tbody tr").First.WaitForAsync();
        await admin.Locator("#sla tbody tr").First.WaitForAsync();
        await SaveScreenshotAsync(admin, "ops-alerts.png");
        await admin.Locator("#dead tbody tr button").ClickAsync();
        await admin.Locator($"{alertRow}[data-state='resolved']").WaitForAsync();
        await viewer.Locator($"{alertRow}[data-state='resolved']").WaitForAsync();
        var quotaAccount = await admin.Locator("#quota tbody tr").First.GetAttributeAsync("data-account");
        var notices = await WaitForNoticesAsync(receiver, ["fired", "acknowledged", "resolved"]);
        var deadLetterAlerts = (await (await admin.APIRequest.GetAsync("/ops/api/alerts")).JsonAsync())!.Value.EnumerateArray()
            .Count(a => a.GetProperty("rule").GetString() == "dead-letters");

        Assert.Equal(0, viewerButtons);
        Assert.Equal(403, viewerAcknowledge.Status);
        Assert.StartsWith("admin ", acknowledgedBy, StringComparison.Ordinal);
        Assert.Equal("apaleo:apaleo-simulator-client", quotaAccount);
        Assert.Equal(1, deadLetterAlerts); // fired once, never again
        Assert.Equal(["acknowledged", "fired", "resolved"], notices.Distinct().Order(StringComparer.Ordinal));
        Assert.Empty(errors);
        Assert.Empty(viewerErrors);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    private static async Task<int> SignInAsync(IPage page, string user, string password)
    {
        await page.GotoAsync("/ops/signin");
        await page.FillAsync("input[name=user]", user);
        await page.FillAsync("input[name=password]", password);
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button[type=submit]"), r => r.Request.Method == "POST");

        // Wait for what the answer shows, not for a load state: after the POST's redirect the "load" of the page that
        // follows can fire before the wait starts (a loaded CI machine saw the wait time out at 30 s).
        await page.Locator(response.Status == 401 ? "#error" : "#who").WaitForAsync();
        return response.Status;
    }

    private static async Task DeadLetterAsync(string inbox, string eventId)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={inbox}");
        await connection.OpenAsync(Ct);
        var update = connection.CreateCommand();
        update.CommandText = "UPDATE pms_inbox SET status = 2, failed_attempts = 8, last_error = 'InvalidOperationException: handler failed (set by the test)' WHERE hotel_id = $hotel AND event_id = $event";
        update.Parameters.AddWithValue("$hotel", Hotel);
        update.Parameters.AddWithValue("$event", eventId);
        Assert.Equal(1, await update.ExecuteNonQueryAsync(Ct));
    }

    /// <summary>
    /// The events of the dead-letter alert the receiver got, once it has got each expected one. Delivery runs on its own
    /// loop and is at least once: on a loaded machine a timed-out attempt is sent again, and a retried notification may
    /// arrive after a later one, so neither order nor count is part of the contract.
    /// </summary>
    private static async Task<string?[]> WaitForNoticesAsync(WireMockServer receiver, string[] expected)
    {
        string?[] events = [];
        for (var i = 0; i < 600 && !expected.All(events.Contains); i++)
        {
            events = [.. receiver.LogEntries
                .Select(e => JsonDocument.Parse(e.RequestMessage.Body!).RootElement)
                .Where(b => b.GetProperty("alert").GetProperty("rule").GetString() == "dead-letters")
                .Select(b => b.GetProperty("event").GetString())];
            if (!expected.All(events.Contains))
            {
                await Task.Delay(100, Ct);
            }
        }

        return events;
    }

    private static async Task BookAsync(SampleHostProcess host)
    {
        var arrival = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        var departure = arrival.AddDays(2);
        var quote = (await host.Client.GetFromJsonAsync<JsonElement>(new Uri($"/api/hotels/{Hotel}/quotes?arrival={arrival:yyyy-MM-dd}&departure={departure:yyyy-MM-dd}", UriKind.Relative), Ct)).EnumerateArray().First();
        var draft = new { arrival, departure, roomTypeId = quote.GetProperty("roomTypeId").GetString(), ratePlanId = quote.GetProperty("ratePlanId").GetString(), primaryGuest = new { firstName = "Ada", lastName = "Lovelace", email = "ada.lovelace@example.com" } };
        using var booked = await host.Client.PostAsJsonAsync(new Uri($"/api/hotels/{Hotel}/reservations", UriKind.Relative), draft, Ct);
        booked.EnsureSuccessStatusCode();
    }

    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable(AnalyticsDashboardBrowserTests.ScreenshotVariable) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name), FullPage = true });
        }
    }
}
