using HotelPlatform.Connectors.Mews.Tests.Kit;
using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.Mews;

namespace HotelPlatform.Connectors.Mews.Tests.Connector;

/// <summary>A fresh Mews simulator and connector per test (the kit fixture, used alone), so state and faults never leak between tests.</summary>
public abstract class MewsHarness : IAsyncLifetime
{
    private readonly MewsKitFixture _mews = new();

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected IPmsConnector Connector => _mews.Connector;

    protected MewsSimulator Simulator => _mews.Simulator;

    protected MewsKitFixture Mews => _mews;

    protected MewsScenario Seeded => Simulator.Scenario;

    public ValueTask InitializeAsync() => _mews.InitializeAsync();

    public ValueTask DisposeAsync() => _mews.DisposeAsync();

    protected ReservationDraft Draft(DateOnly arrival, int nights = 1, string lastName = "Kowalski") =>
        new(arrival, arrival.AddDays(nights), Seeded.DoubleCategoryId, Seeded.FlexibleRateId, new GuestProfile(lastName) { FirstName = "Ewa", Email = $"{lastName.ToLowerInvariant()}@example.com" })
        {
            ClientReference = "ref-" + Guid.NewGuid().ToString("N"),
        };

    protected List<RecordedRequest> Requests(string operation) =>
        [.. Simulator.Requests.Where(r => r.Method == "POST" && r.Path == MewsSimulator.ApiPrefix + operation)];

    protected static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items.WithCancellation(Ct))
        {
            list.Add(item);
        }

        return list;
    }
}
