using Microsoft.Playwright;

namespace HotelPlatform.Samples.Host.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Microsoft.Playwright through its executable path (Playwright's own browser download
/// cannot work here). Installed by <c>.ci/run</c>; elsewhere the browser tests skip and say why.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    /// <summary>Overrides where Chromium is looked for.</summary>
    public const string ExecutableVariable = "HOTELPLATFORM_CHROMIUM";

    private readonly IPlaywright _playwright;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    /// <summary>The Chromium executable to drive, or <see langword="null"/> when none is installed.</summary>
    public static string? ExecutablePath
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(ExecutableVariable);
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return configured;
            }

            return new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
        }
    }

    /// <summary>Launches headless Chromium, or skips the calling test when it is not installed.</summary>
    public static async Task<HeadlessChromium> LaunchAsync()
    {
        var executable = ExecutablePath;
        if (executable is null)
        {
            Assert.Skip($"Chromium is not installed (apt-get install -y chromium, as .ci/run does, or set {ExecutableVariable}).");
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executable,
                Headless = true,
                Args = ["--no-sandbox"],
            });
            return new HeadlessChromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>Opens a page that records every console error and uncaught page error, so a test can assert there were none.</summary>
    public async Task<(IPage Page, IReadOnlyList<string> Errors)> OpenPageAsync(Uri baseAddress)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), AcceptDownloads = true });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (errors)
                {
                    errors.Add($"{message.Text} ({message.Location})");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (errors)
            {
                errors.Add(error);
            }
        };
        return (page, errors);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
