using System.Diagnostics;
using System.Net.Http.Json;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace HotelPlatform.Samples.Host.Tests;

/// <summary>The built sample host (copied next to this assembly) run with <c>dotnet exec</c> on a free loopback port; shared by the process and browser tests.</summary>
internal sealed class SampleHostProcess : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly Process _process;

    private SampleHostProcess(Process process, Uri address)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = address };
    }

    public HttpClient Client { get; }

    public static async Task<SampleHostProcess> StartAsync(string inboxPath, params string[] settings)
    {
        var port = FreePort();
        var directory = AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["exec", Path.Combine(directory, "HotelPlatform.Samples.Host.dll"), "--contentRoot", directory,
            "--urls", $"http://127.0.0.1:{port}", "--Webhooks:Inbox", inboxPath, "--Webhooks:ReconciliationInterval", "",
            // The analytics store beside the inbox; no first-run replay unless a test asks (later settings win).
            "--Analytics:Store", Path.Combine(Path.GetDirectoryName(inboxPath)!, "analytics.duckdb"), "--Analytics:SeedCalls", "0", .. settings])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new SampleHostProcess(process, new Uri($"http://127.0.0.1:{port}"));
        await host.WaitUntilHealthyAsync();
        return host;
    }

    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async Task<string?> WaitForStatusAsync(string hotelId, string eventId, string status)
    {
        string? last = null;
        for (var i = 0; i < 600 && last != status; i++)
        {
            var events = await Client.GetFromJsonAsync<JsonElement>(new Uri($"/api/events?hotelId={hotelId}", UriKind.Relative), Ct);
            last = events.EnumerateArray().Where(e => e.GetProperty("eventId").GetString() == eventId).Select(e => e.GetProperty("status").GetString()).FirstOrDefault();
            if (last != status)
            {
                await Task.Delay(100, Ct);
            }
        }

        return last;
    }

    /// <summary>Waits until an event of the type reaches the status; returns its event id.</summary>
    public async Task<string?> WaitForEventAsync(string hotelId, string eventType, string status)
    {
        for (var i = 0; i < 600; i++)
        {
            var events = await Client.GetFromJsonAsync<JsonElement>(new Uri($"/api/events?hotelId={hotelId}", UriKind.Relative), Ct);
            var found = events.EnumerateArray().FirstOrDefault(e => e.GetProperty("eventType").GetString() == eventType && e.GetProperty("status").GetString() == status);
            if (found.ValueKind == JsonValueKind.Object)
            {
                return found.GetProperty("eventId").GetString();
            }

            await Task.Delay(100, Ct);
        }

        return null;
    }

    public void Dispose()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync()
    {
        for (var i = 0; i < 600; i++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The sample host exited with code {_process.ExitCode} before it was healthy.");
            }

            try
            {
                using var response = await Client.GetAsync(new Uri("/health", UriKind.Relative), Ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, Ct);
        }

        throw new InvalidOperationException("The sample host did not become healthy within a minute.");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
