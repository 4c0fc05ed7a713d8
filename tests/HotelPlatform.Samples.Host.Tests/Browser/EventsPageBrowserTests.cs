namespace HotelPlatform.Samples.Host.Tests.Browser;

/// <summary>The sample host's pages in a real headless Chromium.</summary>
public sealed class EventsPageBrowserTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("sample-browser-");

    [Fact]
    public async Task The_events_page_loads_in_chromium_without_console_errors()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        using var host = await SampleHostProcess.StartAsync(Path.Combine(_folder.FullName, "inbox.db"));
        var (page, errors) = await chromium.OpenPageAsync(host.Client.BaseAddress!);

        var response = await page.GotoAsync("/events");
        var heading = await page.Locator("h1").First.InnerTextAsync();

        Assert.Equal(200, response?.Status);
        Assert.False(string.IsNullOrWhiteSpace(heading));
        Assert.Empty(errors);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
