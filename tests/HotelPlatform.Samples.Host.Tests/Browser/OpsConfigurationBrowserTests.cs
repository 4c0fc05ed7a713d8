using System.Net;
using Microsoft.Playwright;

namespace HotelPlatform.Samples.Host.Tests.Browser;

/// <summary>
/// Configuration management (/ops/configuration) in a real headless Chromium against the real sample host: an admin's
/// invalid value is refused with the start-up message, a valid change is applied to the hotel's next call without a
/// restart and audited, secrets never reach the page, a viewer cannot change anything.
/// Set <see cref="AnalyticsDashboardBrowserTests.ScreenshotVariable"/> to a folder to save the screenshot docs/operations.md shows.
/// </summary>
public sealed class OpsConfigurationBrowserTests : IDisposable
{
    private const string ViewerPassword = "viewer-demo-2026";
    private const string AdminPassword = "admin-demo-2026";
    private const string Hotel = "lisbon-cloudbeds";

    // The embedded Cloudbeds simulator was seeded with this key (appsettings.json); any other key is refused by it.
    private const string ApiKey = "cbat_simulator_key_0000000000000000";
    private const string WrongApiKey = "cbat_operator_typo_4f1e2d3c4b5a6978";

    // Every secret of the sample's appsettings.json: none may reach a page or an API answer.
    private static readonly string[] Secrets =
    [
        ApiKey, "apaleo-simulator-secret", "sample-embedded-webhook-secret-4711", "Simulated-Pa55word!", "sample-cloudbeds-webhook-secret",
        "sim-secret", "3f2a6c1e-9b7d-4e21-8a3c-5d6e7f809a1b", "sample-mews-webhook-token", "SIMULATOR-CLIENT-TOKEN-0000000000000000", "SIMULATOR-ACCESS-TOKEN-0000000000000000",
    ];

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("sample-ops-config-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Form => $"form[data-hotel='{Hotel}']";

    [Fact]
    public async Task An_admin_is_refused_an_invalid_value_then_a_replaced_key_is_used_by_the_next_call_and_audited_without_its_value()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        using var host = await SampleHostProcess.StartAsync(Path.Combine(_folder.FullName, "inbox.db"));
        var (page, errors) = await chromium.OpenPageAsync(host.Client.BaseAddress!);
        await SignInAsync(page, "admin", AdminPassword);
        await page.GotoAsync("/ops/configuration");
        await page.Locator(Form).WaitForAsync();
        var withoutToken = await page.APIRequest.PutAsync($"/ops/api/configuration/hotels/{Hotel}", new() { DataObject = new { version = "x", settings = new { PropertyId = "1" } } });
        var before = await RoomTypesStatusAsync(host);

        await page.FillAsync($"{Form} input[name='setting:PropertyId']", "");
        await page.ClickAsync($"{Form} button[type=submit]");
        var refusal = page.Locator($"{Form} [data-error-for='PropertyId']");
        await refusal.Filter(new() { HasTextString = "PropertyId is required" }).WaitForAsync();
        var refusalText = await refusal.InnerTextAsync();
        var unchanged = await RoomTypesStatusAsync(host);

        await page.FillAsync($"{Form} input[name='setting:PropertyId']", "172982");
        await ReplaceApiKeyAsync(page, WrongApiKey, auditedChanges: 1);
        var withWrongKey = await RoomTypesStatusAsync(host);
        await ReplaceApiKeyAsync(page, ApiKey, auditedChanges: 2);
        var withRightKey = await RoomTypesStatusAsync(host);
        var newest = await page.Locator("#audit tbody tr").First.InnerTextAsync();
        var content = await page.ContentAsync();
        await SaveScreenshotAsync(page);

        Assert.Equal(400, withoutToken.Status); // signed in as admin, but not from the page: no antiforgery token
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (before, unchanged));
        Assert.Equal("Hotel 'lisbon-cloudbeds' (cloudbeds): PropertyId is required (Hotels:lisbon-cloudbeds:PropertyId).", refusalText);
        Assert.NotEqual(HttpStatusCode.OK, withWrongKey); // the simulator refused the new key: the next call used it, no restart
        Assert.Equal(HttpStatusCode.OK, withRightKey);
        Assert.Contains("admin", newest, StringComparison.Ordinal);
        Assert.Contains(Hotel, newest, StringComparison.Ordinal);
        Assert.Contains("ApiKey: secret replaced", newest, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongApiKey, content, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, content, StringComparison.Ordinal);
        Assert.DoesNotContain(errors, e => !e.Contains("400", StringComparison.Ordinal)); // the refused edits' own 400s
    }

    [Fact]
    public async Task A_viewer_sees_every_hotel_without_secrets_or_edit_controls_and_a_change_is_refused_with_403()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        using var host = await SampleHostProcess.StartAsync(Path.Combine(_folder.FullName, "inbox.db"));
        using var anonymous = await host.Client.GetAsync(new Uri("/ops/api/configuration/hotels", UriKind.Relative), Ct);
        var (page, errors) = await chromium.OpenPageAsync(host.Client.BaseAddress!);
        await SignInAsync(page, "viewer", ViewerPassword);

        await page.GotoAsync("/ops/configuration");
        await page.Locator(Form).WaitForAsync();
        var hotels = await page.Locator("form.hotel").CountAsync();
        var inputs = await page.Locator("form.hotel input, form.hotel button").CountAsync();
        var keyState = await page.Locator($"{Form} tr[data-secret='ApiKey'] td").First.InnerTextAsync();
        var change = await page.APIRequest.PutAsync($"/ops/api/configuration/hotels/{Hotel}", new() { DataObject = new { version = "x", settings = new { PropertyId = "1" } } });
        var listed = await (await page.APIRequest.GetAsync("/ops/api/configuration/hotels")).TextAsync();
        var content = await page.ContentAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(7, hotels);
        Assert.Equal(0, inputs);
        Assert.Equal("set", keyState);
        Assert.Equal(403, change.Status);
        Assert.All(Secrets, secret =>
        {
            Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, content, StringComparison.Ordinal);
        });
        Assert.Empty(errors);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    /// <summary>Replaces the key from the page and waits until the audit lists the change (the page reloads it after each save).</summary>
    private static async Task ReplaceApiKeyAsync(IPage page, string key, int auditedChanges)
    {
        await page.FillAsync($"{Form} input[name='secret:ApiKey']", key);
        await page.ClickAsync($"{Form} button[type=submit]");
        await page.WaitForFunctionAsync("n => document.querySelectorAll('#audit tbody tr').length === n", auditedChanges);
        await page.Locator($"{Form} .saved").Filter(new() { HasTextString = "Saved and applied: ApiKey" }).WaitForAsync();
    }

    private static async Task<HttpStatusCode> RoomTypesStatusAsync(SampleHostProcess host)
    {
        using var response = await host.Client.GetAsync(new Uri($"/api/hotels/{Hotel}/room-types", UriKind.Relative), Ct);
        return response.StatusCode;
    }

    private static async Task SignInAsync(IPage page, string user, string password)
    {
        await page.GotoAsync("/ops/signin");
        await page.FillAsync("input[name=user]", user);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("button[type=submit]");
        await page.Locator("#who").WaitForAsync();
    }

    private static async Task SaveScreenshotAsync(IPage page)
    {
        if (Environment.GetEnvironmentVariable(AnalyticsDashboardBrowserTests.ScreenshotVariable) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "ops-configuration.png"), FullPage = true });
        }
    }
}
