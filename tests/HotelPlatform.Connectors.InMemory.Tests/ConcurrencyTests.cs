namespace HotelPlatform.Connectors.InMemory.Tests;

public sealed class ConcurrencyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Of_concurrent_bookings_for_the_last_room_exactly_one_wins()
    {
        const int Rounds = 150;
        const int Contenders = 8;
        var hotel = TestHotel.Create();

        // Each round races for the one suite of its own night; a barrier releases the contenders together so that the
        // check-then-take of a booking is contended in every round.
        for (var round = 0; round < Rounds; round++)
        {
            var arrival = TestHotel.Today.AddDays(1 + round);
            using var barrier = new Barrier(Contenders);
            var attempts = Enumerable.Range(0, Contenders)
                .Select(_ => Task.Run(
                    () =>
                    {
                        barrier.SignalAndWait(Ct);
                        return hotel.Connector.CreateReservationAsync(TestHotel.Draft(arrival, nights: 1, roomTypeId: "STE"), Ct);
                    },
                    Ct))
                .ToList();
            var outcomes = await Task.WhenAll(attempts.Select(a => Record.ExceptionAsync(() => a).AsTask()));

            Assert.Single(outcomes, o => o is null);
            Assert.All(outcomes.Where(o => o is not null), o => Assert.Equal(PmsConflictReason.NoAvailability, Assert.IsType<PmsConflictException>(o).Reason));
            Assert.Equal(0, hotel.Pms.GetAvailable("STE", arrival));
        }

        Assert.Equal(Rounds, hotel.Pms.Reservations.Count);
        Assert.Equal(Rounds, hotel.Pms.Reservations.Select(r => r.VendorId).Distinct().Count());
    }

    [Fact]
    public async Task Concurrent_retries_of_one_booking_make_one_reservation()
    {
        var hotel = TestHotel.Create();
        var draft = TestHotel.Draft(TestHotel.Today.AddDays(3));

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => hotel.Connector.CreateReservationAsync(draft, Ct), Ct)));

        Assert.Single(results.Select(r => r.VendorId).Distinct());
        Assert.Single(hotel.Pms.Reservations);
        Assert.Equal(1, hotel.Pms.GetAvailable("DBL", draft.Arrival));
    }

    [Fact]
    public async Task Inventory_stays_consistent_under_concurrent_bookings_moves_and_cancellations()
    {
        var hotel = TestHotel.Create(h => h.AddRoomType("DORM", "Dorm bed", rooms: 6, maxOccupancy: 1).AddRatePlan("BED", "Bed", p => p.Price("DORM", 30m)));
        var first = TestHotel.Today.AddDays(1);

        async Task Worker(int seed)
        {
            var random = new Random(seed);
            for (var i = 0; i < 40; i++)
            {
                var arrival = first.AddDays(random.Next(5));
                try
                {
                    var booked = await hotel.Connector.CreateReservationAsync(TestHotel.Draft(arrival, 1 + random.Next(3), "DORM") with { RatePlanId = "BED" }, Ct);
                    switch (random.Next(3))
                    {
                        case 0:
                            await hotel.Connector.CancelReservationAsync(booked.VendorId, cancellationToken: Ct);
                            break;
                        case 1:
                            await hotel.Connector.ModifyReservationAsync(booked.VendorId, new ReservationChanges { Arrival = arrival.AddDays(1), Departure = arrival.AddDays(2 + random.Next(2)) }, Ct);
                            break;
                    }
                }
                catch (PmsConflictException ex) when (ex.Reason == PmsConflictReason.NoAvailability)
                {
                    // Sold out for this attempt: expected under contention.
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(seed => Task.Run(() => Worker(seed), Ct)));

        // What the PMS says is available equals rooms minus the nights held by the reservations it says exist.
        var holding = hotel.Pms.Reservations.Where(r => r.Status == ReservationStatus.Confirmed).ToList();
        for (var night = first; night < first.AddDays(10); night = night.AddDays(1))
        {
            var held = holding.Count(r => r.Arrival <= night && night < r.Departure);
            Assert.InRange(held, 0, 6);
            Assert.Equal(6 - held, hotel.Pms.GetAvailable("DORM", night));
        }
    }
}
