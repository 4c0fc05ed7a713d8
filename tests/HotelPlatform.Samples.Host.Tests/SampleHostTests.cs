using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HotelPlatform.Samples.Host.Tests;

/// <summary>
/// The README's "run it" command starts this host; these tests start the same host in memory with its own
/// appsettings.json and check what a newcomer sees: health, the status page and the JSON API over the registered hotels.
/// </summary>
public sealed class SampleHostTests(SampleHostTests.HostFactory factory) : IClassFixture<SampleHostTests.HostFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_reports_every_configured_hotel_healthy()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        var text = body.GetRawText();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.GetProperty("status").GetString() == "Healthy", text);
        Assert.Contains("berlin-mitte", text, StringComparison.Ordinal);
        Assert.Contains("tokyo-ginza", text, StringComparison.Ordinal);
        Assert.Contains("munich-apaleo", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_page_shows_each_hotel_with_its_local_time_zone()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative), Ct);

        Assert.Contains("berlin-mitte", html, StringComparison.Ordinal);
        Assert.Contains("Europe/Berlin", html, StringComparison.Ordinal);
        Assert.Contains("tokyo-ginza", html, StringComparison.Ordinal);
        Assert.Contains("Asia/Tokyo", html, StringComparison.Ordinal);
        Assert.Contains("Arrivals today:", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hotel_list_names_vendor_and_property()
    {
        using var client = factory.CreateClient();

        var hotels = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/hotels", UriKind.Relative), Ct);

        var berlin = Assert.Single(hotels.EnumerateArray(), h => h.GetProperty("hotelId").GetString() == "berlin-mitte");
        Assert.Equal("inmemory", berlin.GetProperty("vendor").GetString());
        Assert.Equal("BER", berlin.GetProperty("propertyId").GetString());
        Assert.Equal("Healthy", berlin.GetProperty("health").GetString());

        // The Apaleo hotel runs the real Apaleo connector against the embedded Apaleo simulator, over loopback HTTP.
        var munich = Assert.Single(hotels.EnumerateArray(), h => h.GetProperty("hotelId").GetString() == "munich-apaleo");
        Assert.Equal("apaleo", munich.GetProperty("vendor").GetString());
        Assert.Equal("MUC", munich.GetProperty("propertyId").GetString());
        Assert.Equal("Healthy", munich.GetProperty("health").GetString());

        // The SiteMinder hotel runs the SiteMinder connector against the embedded pmsXchange simulator (SOAP over loopback).
        var sydney = Assert.Single(hotels.EnumerateArray(), h => h.GetProperty("hotelId").GetString() == "sydney-siteminder");
        Assert.Equal("siteminder", sydney.GetProperty("vendor").GetString());
        Assert.Equal("SMHOTEL1", sydney.GetProperty("propertyId").GetString());
        Assert.Equal("Webhooks", sydney.GetProperty("capabilities").GetString());
        Assert.Equal("Healthy", sydney.GetProperty("health").GetString());
    }

    [Theory]
    [InlineData("tokyo-ginza")]
    [InlineData("munich-apaleo")]
    [InlineData("london-opera")]
    public async Task Retrying_a_booking_with_the_same_idempotency_key_books_one_room(string hotel)
    {
        using var client = factory.CreateClient();
        var arrival = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(45);
        var (roomTypeId, ratePlanId) = await FirstQuoteAsync(client, hotel, arrival);
        var before = await AvailableAsync(client, hotel, roomTypeId, arrival);
        var draft = new
        {
            arrival,
            departure = arrival.AddDays(2),
            roomTypeId,
            ratePlanId,
            primaryGuest = new { lastName = "Tanaka", firstName = "Yui", email = "yui.tanaka@example.com" },
            adults = 1,
        };
        var key = Guid.NewGuid().ToString("N");

        var first = await PostReservationAsync(client, hotel, draft, key);
        var second = await PostReservationAsync(client, hotel, draft, key);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.Created, second.Status);
        Assert.Equal(first.Body.GetProperty("vendorId").GetString(), second.Body.GetProperty("vendorId").GetString());
        Assert.Equal("Confirmed", first.Body.GetProperty("status").GetString());
        Assert.Equal(before - 1, await AvailableAsync(client, hotel, roomTypeId, arrival));

        var id = first.Body.GetProperty("vendorId").GetString()!;
        using var cancel = await client.PostAsync(new Uri($"/api/hotels/{hotel}/reservations/{Uri.EscapeDataString(id)}/cancel", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal(before, await AvailableAsync(client, hotel, roomTypeId, arrival));
    }

    [Fact]
    public async Task An_unknown_hotel_is_a_404_problem_naming_the_known_hotels()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/hotels/paris-opera/room-types", UriKind.Relative), Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var detail = problem.GetProperty("detail").GetString();
        Assert.Contains("paris-opera", detail, StringComparison.Ordinal);
        Assert.Contains("berlin-mitte", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stay_that_ends_before_it_starts_is_a_400_problem()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/hotels/berlin-mitte/availability?arrival=2030-05-10&departure=2030-05-08", UriKind.Relative), Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("eparture", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_reservation_is_a_404_problem()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/hotels/berlin-mitte/reservations/NO-SUCH-RES", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("PmsNotFoundException", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("title").GetString());
    }

    [Fact]
    public void A_hotel_without_a_vendor_stops_the_host_with_a_message_naming_it()
    {
        using var broken = factory.WithWebHostBuilder(b => b.UseSetting("Hotels:paris-opera:PropertyId", "PAR"));

        var error = Assert.ThrowsAny<Exception>(() => broken.CreateClient());

        Assert.Contains("paris-opera", Flatten(error), StringComparison.Ordinal);
        Assert.Contains("Vendor", Flatten(error), StringComparison.Ordinal);
    }

    private static string Flatten(Exception error) => error is AggregateException aggregate
        ? string.Join(" | ", aggregate.InnerExceptions.Select(Flatten))
        : error.Message + (error.InnerException is null ? string.Empty : " | " + Flatten(error.InnerException));

    private static async Task<(string RoomTypeId, string RatePlanId)> FirstQuoteAsync(HttpClient client, string hotel, DateOnly arrival)
    {
        var quotes = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/hotels/{hotel}/quotes?arrival={arrival:yyyy-MM-dd}&departure={arrival.AddDays(2):yyyy-MM-dd}&adults=1", UriKind.Relative), Ct);
        var quote = quotes.EnumerateArray().First();
        return (quote.GetProperty("roomTypeId").GetString()!, quote.GetProperty("ratePlanId").GetString()!);
    }

    private static async Task<int> AvailableAsync(HttpClient client, string hotel, string roomTypeId, DateOnly night)
    {
        var grid = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/hotels/{hotel}/availability?arrival={night:yyyy-MM-dd}&departure={night.AddDays(1):yyyy-MM-dd}", UriKind.Relative), Ct);
        var row = grid.GetProperty("roomTypes").EnumerateArray().Single(r => r.GetProperty("roomTypeId").GetString() == roomTypeId);
        return row.GetProperty("nights")[0].GetProperty("available").GetInt32();
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostReservationAsync(HttpClient client, string hotel, object draft, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/hotels/{hotel}/reservations", UriKind.Relative))
        {
            Content = JsonContent.Create(draft),
        };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(Ct));
    }

    /// <summary>Hosts the sample in memory with its own configuration (appsettings.json of the sample project).</summary>
    public sealed class HostFactory : WebApplicationFactory<Program>
    {
        // No analytics file in the sample's folder and no first-run replay through the simulators these tests watch. No
        // webhook subscriptions: in memory the host listens nowhere, though appsettings.json's Urls names an address.
        protected override void ConfigureWebHost(IWebHostBuilder builder) =>
            builder.UseSetting("Analytics:Store", ":memory:").UseSetting("Analytics:SeedCalls", "0").UseSetting(EmbeddedWebhookSubscriptions.EnabledSetting, "false");
    }
}
