namespace HotelPlatform.Connectors.Opera.Tests.Connector;

/// <summary>
/// A chain hotel's in-house list of 10,000 reservations, past OHIP's cap on what one search pages through: the
/// connector splits the search by arrival date and streams every reservation once, holding one page at a time.
/// </summary>
public sealed class InHouseStreamTests
{
    private const int InHouse = 10_000;

    [Fact]
    public async Task Ten_thousand_guests_in_house_stream_completely_each_once_in_flat_memory()
    {
        // The simulator keeps a journal of every request; its bodies are not kept here, so the heap measures the connector.
        await using var host = await OperaTestHost.StartAsync(["BIG01"], new Simulators.SimulatorOptions { EnforceRateLimits = false, MaxCapturedBodyBytes = 256 }, o => o.RoomsPerType = 100_000);
        var ct = TestContext.Current.CancellationToken;
        var connector = host["BIG01"];
        var today = (await connector.GetPropertyAsync(ct)).LocalDate(DateTimeOffset.UtcNow);
        host.Simulator.SeedReservations("BIG01", InHouse, today.AddDays(-30), 30, today.AddDays(3));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var retained = new List<long>();

        await foreach (var reservation in connector.GetReservationsAsync(ReservationQuery.InHouse(today), ct))
        {
            Assert.True(seen.Add(reservation.VendorId), $"Reservation {reservation.VendorId} was listed twice.");
            if (seen.Count % 2_000 == 0)
            {
                // The ids kept for the duplicate check grow; subtract them by measuring before and after them is not
                // possible, so they are small strings and the bound below leaves room for them (about 1 MB).
                retained.Add(GC.GetTotalMemory(forceFullCollection: true));
            }
        }

        Assert.Equal(InHouse, seen.Count);
        TestContext.Current.TestOutputHelper?.WriteLine($"live heap after 2,000 / 10,000 reservations: {retained[0]:N0} / {retained[^1]:N0} bytes; searches: {host.Simulator.Requests.Count(r => r.Path == "/rsv/v1/hotels/BIG01/reservations"):N0}");
        var searches = host.Simulator.Requests.Where(r => r.Path == "/rsv/v1/hotels/BIG01/reservations").ToList();
        Assert.All(searches, r => Assert.Equal("InHouse", r.GetQueryValue("searchType")));
        Assert.All(searches.Where(r => r.Response?.StatusCode == 200), r => Assert.True(int.Parse(r.GetQueryValue("limit")!, System.Globalization.CultureInfo.InvariantCulture) <= OperaLimits.MaxReservationLimit));

        // Flat: from the first measurement to the last (8,000 more reservations read) the live heap grows by less
        // than 4 MB; holding the reservations would take far more (each mapped reservation is over 1 KB).
        Assert.True(retained[^1] - retained[0] < 4 * 1024 * 1024, $"Live memory grew from {retained[0]:N0} to {retained[^1]:N0} bytes while streaming.");
    }

    [Fact]
    public async Task A_search_under_the_cap_is_paged_to_its_end_without_splitting()
    {
        await using var host = await OperaTestHost.StartAsync(["SMALL01"], settings: [new("ReservationPageSize", "50")]);
        var ct = TestContext.Current.CancellationToken;
        var connector = host["SMALL01"];
        var today = (await connector.GetPropertyAsync(ct)).LocalDate(DateTimeOffset.UtcNow);
        host.Simulator.SeedReservations("SMALL01", 120, today.AddDays(-2), 2, today.AddDays(1));

        var listed = new List<Reservation>();
        await foreach (var reservation in connector.GetReservationsAsync(ReservationQuery.InHouse(today), ct))
        {
            listed.Add(reservation);
        }

        Assert.Equal(120, listed.Select(r => r.VendorId).Distinct().Count());
        var searches = host.Simulator.Requests.Where(r => r.Path == "/rsv/v1/hotels/SMALL01/reservations").ToList();
        Assert.Equal(["0", "50", "100"], searches.Select(r => r.GetQueryValue("offset")));
        Assert.Single(searches.Select(r => r.GetQueryValue("arrivalStartDate")).Distinct());
    }
}
