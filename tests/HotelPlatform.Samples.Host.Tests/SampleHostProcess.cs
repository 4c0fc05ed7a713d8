using System.Diagnostics;
using System.Net.Http.Json;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace HotelPlatform.Samples.Host.Tests;

/// <summary>
/// The built sample host (copied next to this assembly) run with <c>dotnet exec</c> on a free loopback port; shared by
/// the process and browser tests. Waits are bounded by <see cref="WaitLimit"/> of wall-clock time (CI runs many test
/// assemblies at once on two cores), and a wait that runs out throws with what the host showed and logged.
/// </summary>
internal sealed class SampleHostProcess : IDisposable
{
    /// <summary>The longest any wait on the host lasts.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromMinutes(2);

    private const int LogLinesKept = 200;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly Process _process;
    private readonly Queue<string> _log = new();

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
        var host = new SampleHostProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, line) => host.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => host.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilReadyAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return host;
    }

    /// <summary>Gets the host's last log lines (standard output and error), oldest first.</summary>
    public string LogTail
    {
        get
        {
            lock (_log)
            {
                return string.Join(Environment.NewLine, _log);
            }
        }
    }

    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Waits until the event reaches the status; returns the status.</summary>
    public async Task<string> WaitForStatusAsync(string hotelId, string eventId, string status)
    {
        var found = await WaitForAsync(hotelId, e => e.GetProperty("eventId").GetString() == eventId && e.GetProperty("status").GetString() == status, $"event {eventId} {status}");
        return found.GetProperty("status").GetString()!;
    }

    /// <summary>Waits until an event of the type reaches the status; returns its event id.</summary>
    public async Task<string> WaitForEventAsync(string hotelId, string eventType, string status)
    {
        var found = await WaitForAsync(hotelId, e => e.GetProperty("eventType").GetString() == eventType && e.GetProperty("status").GetString() == status, $"a {eventType} {status}");
        return found.GetProperty("eventId").GetString()!;
    }

    private async Task<JsonElement> WaitForAsync(string hotelId, Func<JsonElement, bool> match, string what)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var events = await Client.GetFromJsonAsync<JsonElement>(new Uri($"/api/events?hotelId={hotelId}", UriKind.Relative), Ct);
            var found = events.EnumerateArray().FirstOrDefault(match);
            if (found.ValueKind == JsonValueKind.Object)
            {
                return found;
            }

            if (waited.Elapsed > WaitLimit)
            {
                throw new TimeoutException($"Hotel {hotelId} had no {what} after {waited.Elapsed}. Its events: {events.GetRawText()}{Environment.NewLine}The host's last log lines:{Environment.NewLine}{LogTail}");
            }

            await Task.Delay(100, Ct);
        }
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

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.Enqueue(line);
            if (_log.Count > LogLinesKept)
            {
                _log.Dequeue();
            }
        }
    }

    /// <summary>
    /// Waits until the host answers /health and its embedded simulators deliver webhooks to it (the host's
    /// <c>embedded-webhook-subscriptions</c> check is Healthy): a booking made before that would raise no webhook here.
    /// </summary>
    private async Task WaitUntilReadyAsync()
    {
        var waited = Stopwatch.StartNew();
        string? last = null;
        while (waited.Elapsed < WaitLimit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The sample host exited with code {_process.ExitCode} before it was ready.{Environment.NewLine}{LogTail}");
            }

            try
            {
                using var response = await Client.GetAsync(new Uri("/health", UriKind.Relative), Ct);
                last = await response.Content.ReadAsStringAsync(Ct);
                var subscriptions = SubscriptionsCheck(last)?.GetProperty("status").GetString();
                if (subscriptions == "Healthy")
                {
                    return;
                }

                if (subscriptions == "Unhealthy")
                {
                    throw new InvalidOperationException($"The sample host could not subscribe itself at its embedded simulators: {last}{Environment.NewLine}{LogTail}");
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250, Ct); // each /health runs every hotel's check: poll gently
        }

        throw new TimeoutException($"The sample host was not ready after {waited.Elapsed}; its last health report: {last ?? "(none)"}{Environment.NewLine}{LogTail}");
    }

    /// <summary>The host's <see cref="EmbeddedWebhookSubscriptions.HealthCheckName"/> entry of a /health report, if it has one.</summary>
    public static JsonElement? SubscriptionsCheck(string healthReport)
    {
        using var report = JsonDocument.Parse(healthReport);
        return report.RootElement.GetProperty("checks").EnumerateArray()
            .Where(c => c.GetProperty("name").GetString() == EmbeddedWebhookSubscriptions.HealthCheckName)
            .Select(c => (JsonElement?)c.Clone())
            .FirstOrDefault();
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
