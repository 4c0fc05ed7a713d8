using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using HotelPlatform.Connectors.Webhooks;
using HotelPlatform.Connectors.Webhooks.Sqlite;

namespace HotelPlatform.Samples.Host.Tests;

/// <summary>
/// The sample host as a real child process: the embedded simulator delivers its webhooks to it, and a delivery committed to its inbox survives the process being
/// killed before any handler ran, and is handled after a restart on the same inbox file.
/// </summary>
public sealed class SampleHostProcessWebhookTests : IDisposable
{
    private const string Hotel = "munich-apaleo";
    private const string Secret = "sample-embedded-webhook-secret-4711";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("sample-inbox-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_event_committed_before_the_host_was_killed_is_handled_after_restart()
    {
        var inboxPath = Path.Combine(_folder.FullName, "inbox.db");
        var delivery = $$$"""{"topic":"Reservation","type":"changed","id":"crash-evt-1","accountId":"DEMO","propertyId":"MUC","timestamp":{{{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}}},"data":{"entityId":"XPGMSXGF-404"}}""";

        // First life: receives and commits, but its dispatcher is off, so the kill comes between commit and handler.
        using (var first = await SampleHostProcess.StartAsync(inboxPath, "--Webhooks:DispatchEnabled", "false"))
        {
            using var content = new StringContent(delivery, Encoding.UTF8, "application/json");
            using var response = await first.Client.PostAsync(new Uri($"/webhooks/{Hotel}?token={Secret}", UriKind.Relative), content, Ct);
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            first.Kill();
        }

        var afterKill = Assert.Single(await new SqlitePmsEventInbox(inboxPath).ListAsync(Hotel, null, 10, Ct));
        Assert.Equal(("crash-evt-1", PmsInboxStatus.Pending), (afterKill.Record.EventId, afterKill.Status));

        // Second life on the same file: the event is dispatched and handled.
        using var second = await SampleHostProcess.StartAsync(inboxPath);
        var status = await second.WaitForStatusAsync(Hotel, "crash-evt-1", "Handled");
        Assert.Equal("Handled", status);
    }

    [Theory]
    [InlineData("munich-apaleo", "ReservationCreatedEvent")]
    [InlineData("lisbon-cloudbeds", "ReservationCreatedEvent")]
    [InlineData("prague-mews", "ReservationModifiedEvent")]
    public async Task A_booking_in_the_embedded_simulator_arrives_as_a_webhook_and_shows_on_the_events_page(string hotel, string eventType)
    {
        using var host = await SampleHostProcess.StartAsync(Path.Combine(_folder.FullName, "inbox.db"));
        var arrival = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        var departure = arrival.AddDays(2);
        var quotes = await host.Client.GetFromJsonAsync<JsonElement>(new Uri($"/api/hotels/{hotel}/quotes?arrival={arrival:yyyy-MM-dd}&departure={departure:yyyy-MM-dd}", UriKind.Relative), Ct);
        var quote = quotes.EnumerateArray().First();
        var draft = new { arrival, departure, roomTypeId = quote.GetProperty("roomTypeId").GetString(), ratePlanId = quote.GetProperty("ratePlanId").GetString(), primaryGuest = new { firstName = "Ada", lastName = "Lovelace", email = "ada.lovelace@example.com" } };

        using var booked = await host.Client.PostAsJsonAsync(new Uri($"/api/hotels/{hotel}/reservations", UriKind.Relative), draft, Ct);
        var reservationId = (await booked.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("vendorId").GetString();
        var received = await host.WaitForEventAsync(hotel, eventType, "Handled");
        var page = await host.Client.GetStringAsync(new Uri("/events", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        Assert.False(string.IsNullOrEmpty(reservationId));
        Assert.NotNull(received);
        Assert.Contains(received, page, StringComparison.Ordinal);
        Assert.Contains(eventType, page, StringComparison.Ordinal);
        Assert.DoesNotContain("Lovelace", page, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    /// <summary>The built sample host (copied next to this assembly) run with <c>dotnet exec</c> on a free loopback port.</summary>
    private sealed class SampleHostProcess : IDisposable
    {
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
                "--urls", $"http://127.0.0.1:{port}", "--Webhooks:Inbox", inboxPath, "--Webhooks:ReconciliationInterval", "", .. settings])
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

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
