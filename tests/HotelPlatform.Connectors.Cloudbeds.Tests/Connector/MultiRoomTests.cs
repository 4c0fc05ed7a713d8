using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;
using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.Cloudbeds;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.Cloudbeds.Tests.Connector;

/// <summary>
/// A Cloudbeds reservation may hold several rooms (postReservation's rooms[] with a quantity per room type). The model's
/// reservation is the whole booking: read precisely, its dates changed for every room, per-room changes refused by name.
/// </summary>
public sealed class MultiRoomTests : IAsyncLifetime
{
    private const string HotelId = "lisbon";

    private readonly TestClock _clock = new();
    private CloudbedsSimulator _simulator = null!;
    private HttpClient _http = null!;
    private ServiceProvider _services = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IPmsConnector Pms => _services.GetRequiredKeyedService<IPmsConnector>(HotelId);

    private DateOnly Arrival => _simulator.Scenario.FirstFreeNight;

    public async ValueTask InitializeAsync()
    {
        _simulator = new CloudbedsSimulator(new SimulatorOptions { TimeProvider = _clock }, new CloudbedsSimulatorOptions { RequestsPerSecond = 1000 });
        await _simulator.StartAsync(Ct);
        _http = _simulator.CreateClient();
        _http.DefaultRequestHeaders.Add("x-api-key", CloudbedsSimulatorOptions.DefaultApiKey);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddLogging();
        services.AddPmsConnectors().AddCloudbeds(HotelId, o =>
        {
            o.PropertyId = _simulator.CloudbedsOptions.PropertyId;
            o.ApiKey = CloudbedsSimulatorOptions.DefaultApiKey;
            o.BaseAddress = new Uri(_simulator.BaseAddress, "api/v1.3/");
            o.RequestsPerSecond = 0;
        });
        _services = services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _http.Dispose();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task A_reservation_of_rooms_of_two_types_reads_as_the_whole_booking_without_one_room_type()
    {
        var id = await BookAsync(("501", 2, 3), ("502", 1, 1));

        var reservation = await Pms.GetReservationAsync(id, Ct);

        Assert.Null(reservation.RoomTypeId);
        Assert.Equal(4, reservation.Adults);
        Assert.Equal([(2 * 120m) + 80m, (2 * 120m) + 80m], reservation.NightlyRates.Select(n => n.Amount.Amount));
        Assert.Equal(640m, reservation.Total!.Value.Amount);
        Assert.Equal((Arrival, Arrival.AddDays(2)), (reservation.Arrival, reservation.Departure));
    }

    [Fact]
    public async Task A_reservation_of_two_rooms_of_one_type_keeps_its_room_type()
    {
        var id = await BookAsync(("501", 2, 4));

        var reservation = await Pms.GetReservationAsync(id, Ct);

        Assert.Equal(("501", 4), (reservation.RoomTypeId, reservation.Adults));
        Assert.Equal(_simulator.Scenario.RoomsPerNight - 2, _simulator.FreeRooms("501", Arrival));
    }

    [Fact]
    public async Task New_dates_move_every_room_of_the_reservation()
    {
        var id = await BookAsync(("501", 1, 1), ("502", 1, 1));

        var changed = await Pms.ModifyReservationAsync(id, new ReservationChanges { Departure = Arrival.AddDays(3) }, Ct);

        Assert.Equal(Arrival.AddDays(3), changed.Departure);
        Assert.Equal(3, changed.NightlyRates.Count);
        Assert.Equal(_simulator.Scenario.RoomsPerNight - 1, _simulator.FreeRooms("501", Arrival.AddDays(2)));
        var put = Assert.Single(_simulator.Requests.Snapshot(), r => r.Path.EndsWith("/putReservation", StringComparison.Ordinal));
        Assert.Contains(Uri.EscapeDataString("rooms[1][subReservationID]"), put.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(ReservationChanges.Adults))]
    [InlineData(nameof(ReservationChanges.RoomTypeId))]
    [InlineData(nameof(ReservationChanges.RatePlanId))]
    public async Task A_per_room_change_of_a_reservation_of_several_rooms_is_refused_naming_the_field_and_nothing_is_written(string field)
    {
        var id = await BookAsync(("501", 2, 2));
        var changes = field switch
        {
            nameof(ReservationChanges.Adults) => new ReservationChanges { Adults = 1 },
            nameof(ReservationChanges.RoomTypeId) => new ReservationChanges { RoomTypeId = "503" },
            _ => new ReservationChanges { RatePlanId = "7002" },
        };

        var refused = await Assert.ThrowsAsync<PmsNotSupportedException>(() => Pms.ModifyReservationAsync(id, changes, Ct));

        Assert.Equal((field, ConnectorCapabilities.ModifyStay), (refused.Feature, refused.Capability));
        Assert.Contains("2 rooms", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_simulator.Requests.Snapshot(), r => r.Path.EndsWith("/putReservation", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancelling_a_reservation_of_several_rooms_frees_every_room()
    {
        var id = await BookAsync(("501", 3, 3));

        var cancelled = await Pms.CancelReservationAsync(id, null, Ct);

        Assert.Equal(ReservationStatus.Cancelled, cancelled.Status);
        Assert.Equal(_simulator.Scenario.RoomsPerNight, _simulator.FreeRooms("501", Arrival));
    }

    /// <summary>Books at the simulator, as another Cloudbeds client would: rooms[i] with a quantity, adults[i] per room type.</summary>
    private async Task<string> BookAsync(params (string RoomType, int Rooms, int Adults)[] rooms)
    {
        var form = new Dictionary<string, string>
        {
            ["startDate"] = Arrival.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["endDate"] = Arrival.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["guestFirstName"] = "Grace",
            ["guestLastName"] = "Hopper",
            ["paymentMethod"] = "cash",
        };
        for (var i = 0; i < rooms.Length; i++)
        {
            form[$"rooms[{i}][roomTypeID]"] = rooms[i].RoomType;
            form[$"rooms[{i}][quantity]"] = rooms[i].Rooms.ToString(CultureInfo.InvariantCulture);
            form[$"adults[{i}][roomTypeID]"] = rooms[i].RoomType;
            form[$"adults[{i}][quantity]"] = rooms[i].Adults.ToString(CultureInfo.InvariantCulture);
        }

        using var content = new FormUrlEncodedContent(form);
        using var answer = await _http.PostAsync("api/v1.3/postReservation", content, Ct);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var created = JsonNode.Parse(await answer.Content.ReadAsStringAsync(Ct))!;
        Assert.True((bool)created["success"]!, created.ToJsonString());
        Assert.Equal(rooms.Sum(r => r.Rooms), created["unassigned"]!.AsArray().Count);
        return (string)created["reservationID"]!;
    }
}
