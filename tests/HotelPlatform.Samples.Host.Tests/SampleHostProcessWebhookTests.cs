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
        var subscriptions = SampleHostProcess.SubscriptionsCheck(await host.Client.GetStringAsync(new Uri("/health", UriKind.Relative), Ct))
            ?? throw new InvalidOperationException($"/health has no {EmbeddedWebhookSubscriptions.HealthCheckName} check.");
        var arrival = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        var departure = arrival.AddDays(2);
        var quotes = await host.Client.GetFromJsonAsync<JsonElement>(new Uri($"/api/hotels/{hotel}/quotes?arrival={arrival:yyyy-MM-dd}&departure={departure:yyyy-MM-dd}", UriKind.Relative), Ct);
        var quote = quotes.EnumerateArray().First();
        var draft = new { arrival, departure, roomTypeId = quote.GetProperty("roomTypeId").GetString(), ratePlanId = quote.GetProperty("ratePlanId").GetString(), primaryGuest = new { firstName = "Ada", lastName = "Lovelace", email = "ada.lovelace@example.com" } };

        using var booked = await host.Client.PostAsJsonAsync(new Uri($"/api/hotels/{hotel}/reservations", UriKind.Relative), draft, Ct);
        var reservationId = (await booked.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("vendorId").GetString();
        var received = await host.WaitForEventAsync(hotel, eventType, "Handled");
        var page = await host.Client.GetStringAsync(new Uri("/events", UriKind.Relative), Ct);

        Assert.Equal("Healthy", subscriptions.GetProperty("status").GetString());
        Assert.Equal("Delivering to this host: lisbon-cloudbeds, munich-apaleo, prague-mews.", subscriptions.GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        Assert.False(string.IsNullOrEmpty(reservationId));
        Assert.NotNull(received);
        Assert.Contains(received, page, StringComparison.Ordinal);
        Assert.Contains(eventType, page, StringComparison.Ordinal);
        Assert.DoesNotContain("Lovelace", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_simulator_that_refuses_the_subscription_makes_the_host_unhealthy_naming_the_hotel()
    {
        // Apaleo creates a subscription only after a health check delivery to the endpoint succeeds; a body limit
        // smaller than that delivery makes the host answer 413, so every attempt is refused.
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => SampleHostProcess.StartAsync(Path.Combine(_folder.FullName, "inbox.db"), "--Webhooks:MaxBodyBytes", "16"));

        Assert.Contains("could not subscribe", refused.Message, StringComparison.Ordinal);
        Assert.Contains("\"Unhealthy\"", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Subscribing failed for munich-apaleo (", refused.Message, StringComparison.Ordinal);
        Assert.Contains("failed 5 times", refused.Message, StringComparison.Ordinal); // the host's log, kept for the message
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
