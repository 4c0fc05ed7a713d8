using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace HotelPlatform.Samples.Host.Tests.Browser;

/// <summary>
/// The analytics dashboard in a real headless Chromium against the real sample host, which replays calls on first run
/// (the SGD dialogues when they are beside the repository, else the seeded generator). Set
/// <see cref="ScreenshotVariable"/> to a folder to save the screenshots docs/analytics.md shows.
/// </summary>
public sealed class AnalyticsDashboardBrowserTests : IDisposable
{
    public const string ScreenshotVariable = "HOTELPLATFORM_SCREENSHOTS";

    private const int SeedCalls = 24;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("sample-analytics-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_dashboard_loads_without_console_errors_and_shows_the_first_run_replay_live_and_in_its_charts()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        using var host = await StartHostAsync();
        var (page, errors) = await chromium.OpenPageAsync(host.Client.BaseAddress!);
        await page.SetViewportSizeAsync(1400, 1000);

        await WaitForReplayAsync(host);
        var response = await page.GotoAsync("/analytics");
        await page.Locator("#live li").Nth(LiveCallsShown(SeedCalls) - 1).WaitForAsync();
        await page.WaitForFunctionAsync("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)");
        string calls = await page.Locator("#tile-calls b").InnerTextAsync();
        string source = await page.Locator("#data-source").InnerTextAsync();
        await SaveScreenshotAsync(page, "analytics-dashboard.png");

        Assert.Equal(200, response?.Status);
        Assert.Equal(SeedCalls.ToString(System.Globalization.CultureInfo.InvariantCulture), calls);
        Assert.Matches("SGD dev split|seeded generator", source);
        Assert.Equal(10, await page.Locator("img[src^='/analytics/charts/']").CountAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_booking_replayed_now_appears_in_the_live_view_and_in_the_figures()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        using var host = await StartHostAsync();
        var (page, errors) = await chromium.OpenPageAsync(host.Client.BaseAddress!);
        await WaitForReplayAsync(host);
        await page.GotoAsync("/analytics?hotel=berlin-mitte");
        await page.Locator("#live-status", new() { HasTextString = "live" }).WaitForAsync();
        string before = await page.Locator("#tile-calls b").InnerTextAsync();

        await page.ClickAsync("#replay");
        var booked = page.Locator("#live li[data-outcome='booked'][data-conversation*='/live-']");
        await booked.First.WaitForAsync();
        string text = await booked.First.InnerTextAsync();
        await page.ReloadAsync();
        string after = await page.Locator("#tile-calls b").InnerTextAsync();

        Assert.StartsWith("berlin-mitte", (await booked.First.GetAttributeAsync("data-conversation"))!, StringComparison.Ordinal);
        Assert.Contains("booked", text, StringComparison.Ordinal);
        Assert.Equal(int.Parse(before, System.Globalization.CultureInfo.InvariantCulture) + 1, int.Parse(after, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Every_report_downloads_from_its_export_button_in_every_format_and_opens()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        using var host = await StartHostAsync();
        var (page, errors) = await chromium.OpenPageAsync(host.Client.BaseAddress!);
        await WaitForReplayAsync(host);
        await page.GotoAsync("/analytics");

        var exports = new List<(string Report, string Format)>();
        foreach (var button in await page.Locator("a.export").AllAsync())
        {
            exports.Add(((await button.GetAttributeAsync("data-report"))!, (await button.GetAttributeAsync("data-format"))!));
        }

        var requested = new System.Collections.Concurrent.ConcurrentQueue<string>(); // filled on Playwright's thread
        page.Request += (_, request) => requested.Enqueue(request.Url);
        var opened = new List<string>();
        foreach (var (report, format) in exports)
        {
            // Each report's buttons from a freshly loaded page, as a user would after a while: one page that has sent
            // thirty downloads while its live feed stays open once stopped starting the next one in CI (the server
            // answered it at once), which is the browser's business, not the exports'.
            if (exports.First(e => e.Report == report).Format == format)
            {
                await page.GotoAsync("/analytics");
            }

            var button = page.Locator($"a.export[data-report='{report}'][data-format='{format}']");
            IDownload download;
            try
            {
                // Two minutes, not Playwright's 30 s: CI runs every test assembly at once on two cores.
                download = await page.RunAndWaitForDownloadAsync(() => button.ClickAsync(), new() { Timeout = (float)SampleHostProcess.WaitLimit.TotalMilliseconds });
            }
            catch (TimeoutException exception)
            {
                // Tell a server that does not answer from a browser that did not download what it was sent.
                string href = (await button.GetAttributeAsync("href"))!;
                using var direct = await host.Client.GetAsync(new Uri(href, UriKind.Relative), Ct);
                bool sent = requested.Any(url => url.Contains($"/analytics/reports/{report}.{format}", StringComparison.Ordinal));
                throw new TimeoutException($"The {report}.{format} export did not download (after {opened.Count} that did); the browser {(sent ? "requested" : "never requested")} it; fetched directly, {href} answers {(int)direct.StatusCode}.{Environment.NewLine}{host.LogTail}", exception);
            }

            string path = Path.Combine(_folder.FullName, download.SuggestedFilename);
            await download.SaveAsAsync(path);
            Assert.Equal($"{report}.{format}", download.SuggestedFilename);
            Assert.True(Opens(format, path), $"{download.SuggestedFilename} did not open.");
            opened.Add(download.SuggestedFilename);
        }

        Assert.Equal(19 * 4, opened.Distinct().Count());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Without_the_dataset_the_dashboard_replays_the_seeded_generator_and_says_so()
    {
        using var host = await StartHostAsync("--Analytics:SgdDataset", Path.Combine(_folder.FullName, "no-dataset-here"));

        await WaitForReplayAsync(host);
        string page = await host.Client.GetStringAsync(new Uri("/analytics", UriKind.Relative), Ct);

        Assert.Contains("seeded generator, not real conversations", page, StringComparison.Ordinal);
        Assert.Contains("class=\"source seeded\"", page, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    private static int LiveCallsShown(int calls) => Math.Min(calls, 20);

    private static bool Opens(string format, string path)
    {
        switch (format)
        {
            case "csv":
                return File.ReadLines(path).First().Length > 0;
            case "json":
                using (var json = JsonDocument.Parse(File.ReadAllBytes(path)))
                {
                    return json.RootElement.ValueKind == JsonValueKind.Array;
                }

            case "xlsx":
                using (var workbook = SpreadsheetDocument.Open(path, isEditable: false))
                {
                    var header = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().First();
                    return header.Elements<Cell>().Any(c => c.InnerText.Length > 0);
                }

            case "pdf":
                using (var pdf = PdfDocument.Open(path))
                {
                    return pdf.NumberOfPages > 0 && pdf.GetPage(1).GetWords().Any(w => w.Text == "rows." || w.Text == "all.");
                }

            default:
                return false;
        }
    }

    private async Task<SampleHostProcess> StartHostAsync(params string[] settings) =>
        await SampleHostProcess.StartAsync(
            Path.Combine(_folder.FullName, "inbox.db"),
            ["--Analytics:SeedCalls", SeedCalls.ToString(System.Globalization.CultureInfo.InvariantCulture), "--Analytics:ReplayHotels", "berlin-mitte,tokyo-ginza,munich-apaleo",
             "--Analytics:TrainingDialogues", "300", .. settings]);

    /// <summary>Waits until the first-run replay has stored every call (the JSON summary report counts them).</summary>
    private static async Task WaitForReplayAsync(SampleHostProcess host)
    {
        for (int i = 0; i < 1200; i++)
        {
            using var summary = JsonDocument.Parse(await host.Client.GetStringAsync(new Uri("/analytics/reports/summary.json", UriKind.Relative), Ct));
            if (summary.RootElement[0].GetProperty("value").GetDouble() >= SeedCalls)
            {
                return;
            }

            await Task.Delay(100, Ct);
        }

        throw new TimeoutException($"The sample host did not replay {SeedCalls} calls within two minutes.");
    }

    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable(ScreenshotVariable) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name), FullPage = true });
        }
    }
}
