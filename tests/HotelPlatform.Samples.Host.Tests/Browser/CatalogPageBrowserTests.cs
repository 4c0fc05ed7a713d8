using System.Net.Http.Json;
using System.Text.Json;

namespace HotelPlatform.Samples.Host.Tests.Browser;

/// <summary>The "choose your PMS" page in a real headless Chromium: it loads cleanly and its capability filter works.</summary>
public sealed class CatalogPageBrowserTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("sample-catalog-browser-");

    [Fact]
    public async Task Ticking_capabilities_hides_the_connectors_that_lack_them_without_console_errors()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        using var host = await SampleHostProcess.StartAsync(Path.Combine(_folder.FullName, "inbox.db"));
        var catalog = await host.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/catalog", UriKind.Relative), Ct);
        var (page, errors) = await chromium.OpenPageAsync(host.Client.BaseAddress!);

        var response = await page.GotoAsync("/catalog");
        var total = catalog.GetArrayLength();
        var rows = page.Locator("#connectors tbody tr");
        Assert.Equal(200, response?.Status);
        Assert.Equal(total, await rows.CountAsync());
        Assert.Equal($"{total} of {total} connectors match", await page.Locator("#matches").InnerTextAsync());

        await page.Locator("input[value=CreateReservation]").CheckAsync();
        await page.Locator("input[value=UpsertGuest]").CheckAsync();

        var expected = catalog.EnumerateArray()
            .Where(e => e.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()).ToHashSet().IsSupersetOf(["CreateReservation", "UpsertGuest"]))
            .Select(e => e.GetProperty("vendor").GetString()!)
            .Order()
            .ToList();
        var visible = (await page.Locator("#connectors tbody tr:visible").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.vendor)")).Order().ToList();
        Assert.Equal(expected, visible);
        Assert.InRange(expected.Count, 1, total - 1);
        Assert.Equal($"{expected.Count} of {total} connectors match", await page.Locator("#matches").InnerTextAsync());

        await page.Locator("input[value=UpsertGuest]").UncheckAsync();
        await page.Locator("input[value=CreateReservation]").UncheckAsync();
        Assert.Equal(total, await page.Locator("#connectors tbody tr:visible").CountAsync());
        Assert.Empty(errors);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
