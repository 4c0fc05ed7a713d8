using Microsoft.Extensions.Time.Testing;

namespace HotelPlatform.Connectors.InMemory.Tests;

/// <summary>A small Berlin hotel on a fake clock: two doubles, one suite, one rate plan with 7 % VAT and 5 % city tax.</summary>
internal sealed class TestHotel
{
    /// <summary>08:00 UTC on Monday 10 June 2030: 10:00 in Berlin (UTC+2).</summary>
    public static readonly DateTimeOffset Now = new(2030, 6, 10, 8, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Today = new(2030, 6, 10);

    private TestHotel(Action<InMemoryHotelBuilder>? configure, ConnectorCapabilities capabilities, int pageSize)
    {
        Clock = new FakeTimeProvider(Now);
        Pms = InMemoryPms.Create(
            hotel =>
            {
                hotel.WithProperty("BER", "Hotel Berlin", "Europe/Berlin", "EUR")
                    .AddRoomType("DBL", "Double room", rooms: 2, maxOccupancy: 2)
                    .AddRoomType("STE", "Suite", rooms: 1, maxOccupancy: 3)
                    .AddRatePlan("FLEX", "Flexible", plan => plan
                        .Price("DBL", 100m)
                        .Price("STE", 200m)
                        .VatIncluded(7m)
                        .Fee("City tax", 5m, InMemoryFeeBasis.PercentOfNetRoomRate))
                    .AddService("BRKF", "Breakfast", 20m, ServicePricingUnit.PerPersonPerNight)
                    .AddService("LATE", "Late check-out", 30m, ServicePricingUnit.PerStay);
                configure?.Invoke(hotel);
            },
            Clock);
        Connector = new InMemoryPmsConnector(Pms, capabilities, pageSize);
    }

    public FakeTimeProvider Clock { get; }

    public InMemoryPms Pms { get; }

    public InMemoryPmsConnector Connector { get; }

    public static TestHotel Create(Action<InMemoryHotelBuilder>? configure = null, ConnectorCapabilities capabilities = ConnectorCapabilities.All, int pageSize = InMemoryPmsConnector.DefaultPageSize) =>
        new(configure, capabilities, pageSize);

    public static ReservationDraft Draft(DateOnly arrival, int nights = 1, string roomTypeId = "DBL", string lastName = "Meyer") =>
        new(arrival, arrival.AddDays(nights), roomTypeId, "FLEX", new GuestProfile(lastName)) { ClientReference = Guid.NewGuid().ToString("N") };

    public Task<Reservation> BookAsync(DateOnly arrival, int nights = 1, string roomTypeId = "DBL", string lastName = "Meyer") =>
        Connector.CreateReservationAsync(Draft(arrival, nights, roomTypeId, lastName), TestContext.Current.CancellationToken);

    public async Task<List<Reservation>> ListAsync(ReservationQuery query)
    {
        var listed = new List<Reservation>();
        await foreach (var reservation in Connector.GetReservationsAsync(query, TestContext.Current.CancellationToken))
        {
            listed.Add(reservation);
        }

        return listed;
    }
}
