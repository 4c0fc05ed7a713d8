using HotelPlatform.Connectors.Analytics.Forecasting;
using HotelPlatform.Connectors.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HotelPlatform.Connectors.Analytics.Tests;

public sealed class PmsForecastingTests
{
    private const int Capacity = 12;
    private static readonly DateOnly Start = new(2027, 1, 1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_seeded_history_booked_through_a_pms_reads_back_as_the_same_books_and_gives_the_same_forecast_and_backtest()
    {
        // Three years and a quarter of nights, booked into an in-memory hotel on the day each booking was made.
        var history = SyntheticDemandHistory.Generate(2027, Start, 3 * 365 + 100, Capacity);
        var clock = new FakeTimeProvider(new DateTimeOffset(Start.AddDays(-400).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddPmsConnectors().AddInMemory("forecast-hotel", options =>
        {
            options.SeedDemoData = false;
            options.Seed(hotel => hotel.AddRoomType("STD", "Standard", rooms: Capacity).AddRatePlan("FLEX", "Flexible", plan => plan.Price("STD", 100m)));
        });
        await using var provider = services.BuildServiceProvider();
        var connector = provider.GetRequiredService<IPmsConnectorRegistry>().Get("forecast-hotel");
        var asOf = Start.AddDays(3 * 365);
        var n = 0;
        foreach (var booking in history.Where(b => b.BookedOn <= asOf).OrderBy(b => b.BookedOn))
        {
            clock.SetUtcNow(new DateTimeOffset(booking.BookedOn.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
            for (int room = 0; room < booking.Rooms; room++)
            {
                await connector.CreateReservationAsync(new ReservationDraft(booking.Arrival, booking.Departure, "STD", "FLEX", new GuestProfile("Guest " + n)) { ClientReference = $"b{n++}" }, Ct);
            }
        }

        var asOfInstant = new DateTimeOffset(asOf.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        var read = await PmsDemandForecaster.ReadHistoryAsync(connector, asOfInstant.AddDays(-2000), Ct);
        var fromPms = await PmsDemandForecaster.ForecastAsync(connector, Capacity, asOfInstant, cancellationToken: Ct);

        var expectedBooks = history.Where(b => b.BookedOn <= asOf).SelectMany(b => Enumerable.Repeat(b with { Rooms = 1 }, b.Rooms)).OrderBy(b => (b.BookedOn, b.Arrival, b.Departure));
        Assert.Equal(expectedBooks, read.Bookings.OrderBy(b => (b.BookedOn, b.Arrival, b.Departure)));
        Assert.Equal((0, 0), (read.Cancelled, read.WithoutCreationTime));
        var direct = new PickupForecaster(new BookingCurves(history, asOf, 90), Capacity).Forecast(90);
        Assert.Equal(direct, fromPms);
        Assert.Equal(90, fromPms.Count);
    }
}
