using HotelPlatform.Connectors.ContractTests.Live;
using HotelPlatform.Connectors.InMemory;
using Microsoft.Extensions.Configuration;

namespace HotelPlatform.Connectors.LiveSandbox.Tests.Fixture;

public sealed class LiveSandboxRunTests : IDisposable
{
    private readonly InMemoryPms _pms = InMemoryPms.CreateDemo();
    private readonly string _results = Path.Combine(Path.GetTempPath(), "kit-run-" + Guid.NewGuid().ToString("N"), "inmemory.json");
    private readonly DateOnly _firstNight = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20);

    [Fact]
    public async Task A_full_run_cancels_the_leftovers_of_a_crashed_run_before_any_test_books_and_nothing_else()
    {
        var connector = new InMemoryPmsConnector(_pms);
        var token = TestContext.Current.CancellationToken;
        var leftover = await connector.CreateReservationAsync(await DraftAsync(connector, "kit-" + Guid.NewGuid().ToString("N"), "Kitabcdefgh"), token);
        var guests = await connector.CreateReservationAsync(await DraftAsync(connector, "booking-42", "Smith"), token);
        var run = LiveSandboxRun.For(Settings("full"));

        await run.SweepAtStartAsync(connector, token);
        await run.SweepAtStartAsync(connector, token);

        Assert.Equal(ReservationStatus.Cancelled, (await connector.GetReservationAsync(leftover.VendorId, token)).Status);
        Assert.Equal(ReservationStatus.Confirmed, (await connector.GetReservationAsync(guests.VendorId, token)).Status);
    }

    [Fact]
    public async Task A_read_only_run_leaves_even_the_kits_leftovers_alone()
    {
        var connector = new InMemoryPmsConnector(_pms);
        var token = TestContext.Current.CancellationToken;
        var leftover = await connector.CreateReservationAsync(await DraftAsync(connector, "kit-" + Guid.NewGuid().ToString("N"), "Kitabcdefgh"), token);

        await LiveSandboxRun.For(Settings("readonly")).SweepAtStartAsync(connector, token);

        Assert.Equal(ReservationStatus.Confirmed, (await connector.GetReservationAsync(leftover.VendorId, token)).Status);
    }

    [Fact]
    public async Task The_last_fixture_out_writes_the_certification_with_what_the_run_did()
    {
        var connector = new InMemoryPmsConnector(_pms);
        var token = TestContext.Current.CancellationToken;
        var run = LiveSandboxRun.For(Settings("full"));
        var (first, second) = (new LiveSandboxLedger(), new LiveSandboxLedger());
        var booked = await connector.CreateReservationAsync(await DraftAsync(connector, "kit-" + Guid.NewGuid().ToString("N"), "Kitabcdefgh"), token);
        second.Created(booked, booked.ClientReference);
        run.FixtureStarted();
        run.FixtureStarted();
        run.Record("Inventory", "Lists", new ContractKitTestResult("Lists", "Passed", null));

        await run.FixtureEndedAsync(connector, first, token);
        Assert.False(File.Exists(_results), "written before the last fixture ended");
        await run.FixtureEndedAsync(connector, second, token);

        var certification = ContractKitCertification.Load(_results);
        Assert.Equal(1, certification.ReservationsCreated);
        Assert.Equal(0, certification.LeftoverReservations);
        Assert.True(certification.Certified);
        Assert.Equal(ReservationStatus.Cancelled, (await connector.GetReservationAsync(booked.VendorId, token)).Status);
    }

    public void Dispose()
    {
        if (Directory.Exists(Path.GetDirectoryName(_results)))
        {
            Directory.Delete(Path.GetDirectoryName(_results)!, recursive: true);
        }
    }

    private LiveSandboxSettings Settings(string mode) => LiveSandboxSettings.From(
        PmsVendors.InMemory,
        [],
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HOTELPLATFORM_LIVE_INMEMORY_ROOMTYPE"] = "any",
            ["HOTELPLATFORM_LIVE_INMEMORY_RATEPLAN"] = "any",
            ["HOTELPLATFORM_LIVE_INMEMORY_MODE"] = mode,
            ["HOTELPLATFORM_LIVE_INMEMORY_FIRSTNIGHT"] = _firstNight.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["HOTELPLATFORM_LIVE_INMEMORY_RESULTS"] = _results,
        }).Build(),
        DateOnly.FromDateTime(DateTime.UtcNow));

    private async Task<ReservationDraft> DraftAsync(IPmsConnector connector, string clientReference, string lastName)
    {
        var ratePlan = (await connector.GetRatePlansAsync(TestContext.Current.CancellationToken))[0];
        var roomType = ratePlan.RoomTypeIds.Count > 0 ? ratePlan.RoomTypeIds[0] : (await connector.GetRoomTypesAsync(TestContext.Current.CancellationToken))[0].VendorId;
        return new ReservationDraft(_firstNight.AddDays(3), _firstNight.AddDays(4), roomType, ratePlan.VendorId, new GuestProfile(lastName) { FirstName = "Contract" })
        {
            ClientReference = clientReference,
        };
    }
}
