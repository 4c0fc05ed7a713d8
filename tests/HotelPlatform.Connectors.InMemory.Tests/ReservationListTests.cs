using Microsoft.Extensions.Time.Testing;

namespace HotelPlatform.Connectors.InMemory.Tests;

public sealed class ReservationListTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Day(int offset) => TestHotel.Today.AddDays(offset);

    [Theory]
    [InlineData("Pacific/Auckland", "2030-06-10T13:00:00Z", "2030-06-11")] // UTC+12: already tomorrow there
    [InlineData("America/Los_Angeles", "2030-06-11T05:00:00Z", "2030-06-10")] // UTC-7: still yesterday there
    [InlineData("Europe/Berlin", "2030-06-10T22:30:00Z", "2030-06-11")] // 00:30 in Berlin
    public async Task Today_is_the_property_local_date_not_the_UTC_date(string timeZone, string utcNow, string expectedLocalDay)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2030-06-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var pms = InMemoryPms.Create(
            h => h.WithProperty("P", "Property", timeZone, "EUR").AddRoomType("DBL", "Double", 5).AddRatePlan("FLEX", "Flex", p => p.Price("DBL", 100m))
                .AddReservation(TestHotel.Draft(new DateOnly(2030, 6, 10)) with { RatePlanId = "FLEX" })
                .AddReservation(TestHotel.Draft(new DateOnly(2030, 6, 11)) with { RatePlanId = "FLEX" }),
            clock);
        var connector = new InMemoryPmsConnector(pms);
        clock.SetUtcNow(DateTimeOffset.Parse(utcNow, System.Globalization.CultureInfo.InvariantCulture));

        var arrivals = new List<Reservation>();
        await foreach (var r in connector.GetReservationsAsync(ReservationQuery.ArrivalsToday(), Ct))
        {
            arrivals.Add(r);
        }

        Assert.Equal(DateOnly.Parse(expectedLocalDay, System.Globalization.CultureInfo.InvariantCulture), pms.Today);
        Assert.Equal(pms.Today, Assert.Single(arrivals).Arrival);
    }

    [Fact]
    public async Task Day_lists_select_by_arrival_departure_and_in_house_night()
    {
        var hotel = TestHotel.Create();
        var arriving = await hotel.BookAsync(Day(1), nights: 2);
        var staying = await hotel.BookAsync(Day(0), nights: 3, roomTypeId: "STE");
        var cancelled = await hotel.BookAsync(Day(1), nights: 1);
        await hotel.Connector.CancelReservationAsync(cancelled.VendorId, cancellationToken: Ct);
        hotel.Pms.CheckIn(staying.VendorId);

        Assert.Equal(new[] { arriving.VendorId }, (await hotel.ListAsync(ReservationQuery.Arrivals(Day(1)))).Select(r => r.VendorId));
        Assert.Equal(new[] { arriving.VendorId, cancelled.VendorId }, (await hotel.ListAsync(ReservationQuery.Arrivals(Day(1)) with { IncludeCancelled = true })).Select(r => r.VendorId));
        Assert.Equal(new[] { arriving.VendorId, staying.VendorId }, (await hotel.ListAsync(ReservationQuery.Departures(Day(3)))).Select(r => r.VendorId));
        Assert.Equal(new[] { staying.VendorId }, (await hotel.ListAsync(ReservationQuery.InHouse(Day(2)))).Select(r => r.VendorId));
        Assert.Equal(new[] { staying.VendorId }, (await hotel.ListAsync(ReservationQuery.InHouseToday())).Select(r => r.VendorId));

        // The night of the departure day is no longer in house.
        Assert.Empty(await hotel.ListAsync(ReservationQuery.InHouse(Day(3))));
    }

    [Fact]
    public async Task Lists_are_fetched_page_by_page_only_as_far_as_the_caller_reads()
    {
        var hotel = TestHotel.Create(h => h.AddRoomType("DORM", "Dorm bed", rooms: 20, maxOccupancy: 1).AddRatePlan("BED", "Bed", p => p.Price("DORM", 30m)));
        for (var i = 0; i < 7; i++)
        {
            await hotel.Connector.CreateReservationAsync(TestHotel.Draft(Day(1), roomTypeId: "DORM") with { RatePlanId = "BED" }, Ct);
        }

        hotel.Pms.ClearOperations();
        await foreach (var _ in hotel.Connector.GetReservationsAsync(ReservationQuery.Arrivals(Day(1)) with { PageSize = 3 }, Ct))
        {
            break;
        }

        var firstOnly = hotel.Pms.Operations.Where(o => o.Name == "GetReservationsPage").ToList();
        hotel.Pms.ClearOperations();
        var all = await hotel.ListAsync(ReservationQuery.Arrivals(Day(1)) with { PageSize = 3 });
        var pages = hotel.Pms.Operations.Where(o => o.Name == "GetReservationsPage").ToList();

        Assert.Equal(1, Assert.Single(firstOnly).PageNumber);
        Assert.Equal(7, all.Select(r => r.VendorId).Distinct().Count());
        Assert.Equal(new[] { 3, 3, 1 }, pages.Select(p => p.ResultCount!.Value));
        Assert.All(pages, p => Assert.Equal(3, p.PageSize));
    }

    [Fact]
    public async Task A_reservation_made_or_cancelled_while_paging_neither_shifts_nor_repeats_the_pages()
    {
        var hotel = TestHotel.Create(h => h.AddRoomType("DORM", "Dorm bed", rooms: 20, maxOccupancy: 1).AddRatePlan("BED", "Bed", p => p.Price("DORM", 30m)));
        var booked = new List<Reservation>();
        for (var i = 0; i < 6; i++)
        {
            booked.Add(await hotel.Connector.CreateReservationAsync(TestHotel.Draft(Day(1), roomTypeId: "DORM") with { RatePlanId = "BED" }, Ct));
        }

        var seen = new List<string>();
        await foreach (var reservation in hotel.Connector.GetReservationsAsync(ReservationQuery.Arrivals(Day(1)) with { PageSize = 2 }, Ct))
        {
            seen.Add(reservation.VendorId);
            if (seen.Count == 2)
            {
                // Offset paging would now skip booked[2]: the first page lost an item.
                await hotel.Connector.CancelReservationAsync(booked[0].VendorId, cancellationToken: Ct);
            }
        }

        Assert.Equal(booked.Select(r => r.VendorId), seen);
    }

    [Fact]
    public async Task Changed_since_lists_changes_in_the_order_they_happened_and_again_after_a_later_change()
    {
        var hotel = TestHotel.Create();
        var first = await hotel.BookAsync(Day(1));
        hotel.Clock.Advance(TimeSpan.FromHours(1));
        var second = await hotel.BookAsync(Day(2));
        hotel.Clock.Advance(TimeSpan.FromHours(1));
        await hotel.Connector.ModifyReservationAsync(first.VendorId, new ReservationChanges { Comment = "changed" }, Ct);

        var sinceStart = await hotel.ListAsync(ReservationQuery.ChangedSince(TestHotel.Now));
        var sinceSecond = await hotel.ListAsync(ReservationQuery.ChangedSince(TestHotel.Now.AddMinutes(30)));
        var sinceLast = await hotel.ListAsync(ReservationQuery.ChangedSince(TestHotel.Now.AddHours(2).AddTicks(1)));

        Assert.Equal(new[] { second.VendorId, first.VendorId }, sinceStart.Select(r => r.VendorId));
        Assert.Equal(new[] { second.VendorId, first.VendorId }, sinceSecond.Select(r => r.VendorId));
        Assert.Empty(sinceLast);
    }

    [Fact]
    public async Task Changed_since_includes_cancellations_unless_asked_not_to()
    {
        var hotel = TestHotel.Create();
        var booked = await hotel.BookAsync(Day(1));
        await hotel.Connector.CancelReservationAsync(booked.VendorId, cancellationToken: Ct);

        Assert.Equal(ReservationStatus.Cancelled, Assert.Single(await hotel.ListAsync(ReservationQuery.ChangedSince(TestHotel.Now))).Status);
        Assert.Empty(await hotel.ListAsync(ReservationQuery.ChangedSince(TestHotel.Now) with { IncludeCancelled = false }));
    }

    [Fact]
    public async Task The_connector_default_page_size_applies_when_the_query_sets_none()
    {
        var hotel = TestHotel.Create(h => h.AddRoomType("DORM", "Dorm bed", rooms: 20, maxOccupancy: 1).AddRatePlan("BED", "Bed", p => p.Price("DORM", 30m)), pageSize: 4);
        for (var i = 0; i < 5; i++)
        {
            await hotel.Connector.CreateReservationAsync(TestHotel.Draft(Day(1), roomTypeId: "DORM") with { RatePlanId = "BED" }, Ct);
        }

        hotel.Pms.ClearOperations();
        Assert.Equal(5, (await hotel.ListAsync(ReservationQuery.Arrivals(Day(1)))).Count);
        Assert.Equal(new[] { 4, 1 }, hotel.Pms.Operations.Where(o => o.Name == "GetReservationsPage").Select(o => o.ResultCount!.Value));
        Assert.Throws<ArgumentOutOfRangeException>(() => new InMemoryPmsConnector(hotel.Pms, pageSize: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new InMemoryPmsConnector(hotel.Pms, pageSize: 1001));
    }
}
