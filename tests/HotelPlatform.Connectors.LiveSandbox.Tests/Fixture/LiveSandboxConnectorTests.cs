using HotelPlatform.Connectors.ContractTests.Live;
using HotelPlatform.Connectors.InMemory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace HotelPlatform.Connectors.LiveSandbox.Tests.Fixture;

public sealed class LiveSandboxConnectorTests : IAsyncDisposable
{
    private readonly InMemoryPms _pms = InMemoryPms.CreateDemo();
    private readonly LiveSandboxLedger _ledger = new();
    private readonly List<string> _skips = [];
    private LiveSandboxConnector? _connector;

    [Fact]
    public async Task A_read_only_run_skips_the_test_that_would_book_and_books_nothing()
    {
        var connector = Connect("readonly", new InMemoryPmsConnector(_pms));
        var draft = await DraftAsync();

        await Assert.ThrowsAsync<SkippedBySandbox>(() => connector.CreateReservationAsync(draft, TestContext.Current.CancellationToken));

        var skip = Assert.Single(_skips);
        Assert.Contains("HOTELPLATFORM_LIVE_INMEMORY_MODE is not 'full'", skip, StringComparison.Ordinal);
        Assert.Contains("CreateReservationAsync would change the inmemory sandbox", skip, StringComparison.Ordinal);
        Assert.Equal(0, _ledger.CreatedCount);
        var arrivals = new InMemoryPmsConnector(_pms).GetReservationsAsync(ReservationQuery.Arrivals(draft.Arrival), TestContext.Current.CancellationToken);
        Assert.False(await arrivals.AnyAsync(r => r.ClientReference == draft.ClientReference, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_read_only_run_skips_every_other_write()
    {
        var connector = Connect("readonly", new InMemoryPmsConnector(_pms));
        var token = TestContext.Current.CancellationToken;

        await Assert.ThrowsAsync<SkippedBySandbox>(() => connector.ModifyReservationAsync("R1", new ReservationChanges { Comment = "x" }, token));
        await Assert.ThrowsAsync<SkippedBySandbox>(() => connector.CancelReservationAsync("R1", cancellationToken: token));
        await Assert.ThrowsAsync<SkippedBySandbox>(() => connector.UpsertGuestAsync(new GuestProfile("Doe"), token));
        await Assert.ThrowsAsync<SkippedBySandbox>(() => connector.AddServiceAsync("R1", new ServiceOrder("BRK"), token));

        Assert.Equal(4, _skips.Count);
    }

    [Fact]
    public async Task A_read_only_run_lets_writes_aimed_at_identifiers_known_not_to_exist_reach_the_vendor()
    {
        var connector = Connect("readonly", new InMemoryPmsConnector(_pms));
        connector.KnownAbsentIds = new HashSet<string>(["NOSUCHRES"], StringComparer.Ordinal);

        await Assert.ThrowsAnyAsync<PmsNotFoundException>(() => connector.CancelReservationAsync("NOSUCHRES", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Empty(_skips);
    }

    [Fact]
    public async Task A_full_run_records_what_it_books_and_what_it_cancels()
    {
        var connector = Connect("full", new InMemoryPmsConnector(_pms));
        var token = TestContext.Current.CancellationToken;

        var kept = await connector.CreateReservationAsync(await DraftAsync(), token);
        var cancelled = await connector.CreateReservationAsync(await DraftAsync(), token);
        await connector.CancelReservationAsync(cancelled.VendorId, "done", token);

        Assert.Equal(2, _ledger.CreatedCount);
        Assert.Equal([kept.VendorId], _ledger.NotCancelled);
        Assert.True(_ledger.IsCreatedByRun(kept.VendorId));
        Assert.True(_ledger.IsConfirmationOfRun(kept.ConfirmationNumber!));
        Assert.Equal(3, connector.Calls);
    }

    [Fact]
    public async Task A_reservation_the_run_created_is_read_again_until_the_sandbox_has_indexed_it()
    {
        var notIndexed = new NotIndexedYet(new InMemoryPmsConnector(_pms), misses: 2);
        var connector = Connect("full", notIndexed, visibilityWait: "30");
        var token = TestContext.Current.CancellationToken;
        var created = await connector.CreateReservationAsync(await DraftAsync(), token);

        var read = await connector.GetReservationAsync(created.VendorId, token);
        var found = await connector.FindReservationAsync(created.ConfirmationNumber!, token);

        Assert.Equal(created.VendorId, read.VendorId);
        Assert.Equal(created.VendorId, found?.VendorId);
        Assert.Equal(3, notIndexed.Gets);
        Assert.Equal(3, notIndexed.Finds);
    }

    [Fact]
    public async Task A_reservation_the_run_did_not_create_is_not_waited_for()
    {
        var notIndexed = new NotIndexedYet(new InMemoryPmsConnector(_pms), misses: 5);
        var connector = Connect("full", notIndexed, visibilityWait: "30");
        var token = TestContext.Current.CancellationToken;

        await Assert.ThrowsAnyAsync<PmsNotFoundException>(() => connector.GetReservationAsync("SOMEONE-ELSES", token));
        Assert.Null(await connector.FindReservationAsync("SOMEONE-ELSES", token));

        Assert.Equal(1, notIndexed.Gets);
        Assert.Equal(1, notIndexed.Finds);
    }

    [Fact]
    public async Task The_wait_gives_up_at_the_visibility_wait_and_reports_not_found()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var notIndexed = new NotIndexedYet(new InMemoryPmsConnector(_pms), misses: int.MaxValue);
        var connector = Connect("full", notIndexed, visibilityWait: "30", clock);
        var token = TestContext.Current.CancellationToken;
        var created = await connector.CreateReservationAsync(await DraftAsync(), token);
        var start = clock.GetUtcNow();

        var read = connector.GetReservationAsync(created.VendorId, token);
        while (!read.IsCompleted && clock.GetUtcNow() - start < TimeSpan.FromMinutes(1))
        {
            // Let the connector reach its next wait, then move the clock past it.
            await Task.Delay(5, token);
            clock.Advance(TimeSpan.FromMilliseconds(500));
        }

        await Assert.ThrowsAnyAsync<PmsNotFoundException>(() => read);
        Assert.InRange(clock.GetUtcNow() - start, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(31));
        Assert.True(notIndexed.Gets > 2, $"read {notIndexed.Gets} times");
    }

    public async ValueTask DisposeAsync()
    {
        if (_connector is not null)
        {
            await _connector.DisposeAsync();
        }
    }

    private LiveSandboxConnector Connect(string mode, IPmsConnector inner, string visibilityWait = "0", TimeProvider? clock = null)
    {
        var variables = new Dictionary<string, string?>
        {
            ["HOTELPLATFORM_LIVE_INMEMORY_ROOMTYPE"] = "any",
            ["HOTELPLATFORM_LIVE_INMEMORY_RATEPLAN"] = "any",
            ["HOTELPLATFORM_LIVE_INMEMORY_MODE"] = mode,
            ["HOTELPLATFORM_LIVE_INMEMORY_CALLSPERSECOND"] = "1000",
            ["HOTELPLATFORM_LIVE_INMEMORY_VISIBILITYWAIT"] = visibilityWait,
        };
        var settings = LiveSandboxSettings.From(PmsVendors.InMemory, [], new ConfigurationBuilder().AddInMemoryCollection(variables).Build(), DateOnly.FromDateTime(DateTime.UtcNow));
        _connector = new LiveSandboxConnector(inner, settings, _ledger, reason =>
        {
            _skips.Add(reason);
            throw new SkippedBySandbox(reason);
        }, clock ?? TimeProvider.System);
        return _connector;
    }

    private async Task<ReservationDraft> DraftAsync()
    {
        var connector = new InMemoryPmsConnector(_pms);
        var ratePlan = (await connector.GetRatePlansAsync(TestContext.Current.CancellationToken))[0];
        var roomType = ratePlan.RoomTypeIds.Count > 0 ? ratePlan.RoomTypeIds[0] : (await connector.GetRoomTypesAsync(TestContext.Current.CancellationToken))[0].VendorId;
        var arrival = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20);
        return new ReservationDraft(arrival, arrival.AddDays(1), roomType, ratePlan.VendorId, new GuestProfile("Kitabcdefgh") { FirstName = "Contract" })
        {
            ClientReference = "kit-" + Guid.NewGuid().ToString("N"),
        };
    }

    private sealed class SkippedBySandbox(string reason) : Exception(reason);

    /// <summary>A sandbox that indexes asynchronously: the first reads of any reservation miss.</summary>
    private sealed class NotIndexedYet(IPmsConnector inner, int misses) : DelegatingPmsConnector(inner)
    {
        public int Gets { get; private set; }

        public int Finds { get; private set; }

        public override Task<Reservation> GetReservationAsync(string reservationId, CancellationToken cancellationToken = default) =>
            ++Gets <= misses ? throw new PmsNotFoundException($"Reservation {reservationId} not found.") : base.GetReservationAsync(reservationId, cancellationToken);

        public override Task<Reservation?> FindReservationAsync(string confirmationNumber, CancellationToken cancellationToken = default) =>
            ++Finds <= misses ? Task.FromResult<Reservation?>(null) : base.FindReservationAsync(confirmationNumber, cancellationToken);
    }
}
