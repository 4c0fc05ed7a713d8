using HotelPlatform.Connectors.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HotelPlatform.Connectors.Analytics.Tests;

/// <summary>
/// An in-memory hotel registered through the SDK (so its connector carries the SDK's telemetry) with room for every
/// replayed booking: 2,000 standard rooms, and a room type closed for sale that failed bookings ask for.
/// </summary>
internal sealed class ReplayHotel : IAsyncDisposable
{
    public const string HotelId = "replay-hotel";

    public static readonly DateTimeOffset Now = new(2030, 6, 10, 8, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    public ReplayHotel()
        : this(Now, closedYears: 2)
    {
    }

    /// <summary>A hotel whose clock starts at <paramref name="now"/> and whose closed room type stays closed <paramref name="closedYears"/> years.</summary>
    public ReplayHotel(DateTimeOffset now, int closedYears)
    {
        Clock = new FakeTimeProvider(now);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddPmsConnectors().AddInMemory(HotelId, options =>
        {
            options.SeedDemoData = false;
            options.Seed(hotel => hotel
                .AddRoomType("STD", "Standard double room", rooms: 2000)
                .AddRoomType("SOLDOUT", "Sold-out room", rooms: 1)
                .AddRatePlan("FLEX", "Flexible", plan => plan.Price("STD", 120m).Price("SOLDOUT", 120m))
                .Restrict("SOLDOUT", DateOnly.FromDateTime(now.UtcDateTime), DateOnly.FromDateTime(now.UtcDateTime).AddYears(closedYears), new StayRestrictions { Closed = true }));
        });
        _services = services.BuildServiceProvider();
        Connector = _services.GetRequiredService<IPmsConnectorRegistry>().Get(HotelId);
        Pms = _services.GetRequiredKeyedService<InMemoryPms>(HotelId);
    }

    public FakeTimeProvider Clock { get; }

    public IPmsConnector Connector { get; }

    public InMemoryPms Pms { get; }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
