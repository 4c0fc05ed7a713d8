using System.Net.Http.Json;
using System.Text.Json;

namespace HotelPlatform.Samples.Host.Tests;

/// <summary>The sample host as a real process: a booking's webhook reaches the reservation mirror, which then answers by guest and reports the hotel fresh.</summary>
public sealed class SampleHostMirrorTests : IDisposable
{
    private const string Hotel = "munich-apaleo";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("sample-mirror-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_booking_reported_by_webhook_is_found_in_the_mirror_by_guest_email_and_the_hotel_is_fresh()
    {
        using var host = await SampleHostProcess.StartAsync(Path.Combine(_folder.FullName, "inbox.db"));
        var arrival = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        var departure = arrival.AddDays(2);
        var quote = (await host.Client.GetFromJsonAsync<JsonElement>(new Uri($"/api/hotels/{Hotel}/quotes?arrival={arrival:yyyy-MM-dd}&departure={departure:yyyy-MM-dd}", UriKind.Relative), Ct)).EnumerateArray().First();
        var draft = new { arrival, departure, roomTypeId = quote.GetProperty("roomTypeId").GetString(), ratePlanId = quote.GetProperty("ratePlanId").GetString(), primaryGuest = new { firstName = "Grace", lastName = "Hopper", email = "grace.hopper@example.com" } };
        using var booked = await host.Client.PostAsJsonAsync(new Uri($"/api/hotels/{Hotel}/reservations", UriKind.Relative), draft, Ct);
        var reservationId = (await booked.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("vendorId").GetString();
        Assert.NotNull(await host.WaitForEventAsync(Hotel, "ReservationCreatedEvent", "Handled"));

        var found = await host.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/mirror/reservations?email=GRACE.HOPPER@example.com", UriKind.Relative), Ct);
        var freshness = await host.Client.GetFromJsonAsync<JsonElement>(new Uri($"/api/mirror/freshness/{Hotel}", UriKind.Relative), Ct);

        var copy = Assert.Single(found.EnumerateArray());
        Assert.Equal((Hotel, reservationId), (copy.GetProperty("hotelId").GetString(), copy.GetProperty("reservation").GetProperty("vendorId").GetString()));
        Assert.True(freshness.GetProperty("isFresh").GetBoolean());
        Assert.Equal(1, freshness.GetProperty("reservations").GetInt64());
        Assert.Equal(JsonValueKind.String, freshness.GetProperty("lastEventAt").ValueKind);
        Assert.True(File.Exists(Path.Combine(_folder.FullName, "pms-mirror.db")));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
