namespace HotelPlatform.Connectors.InMemory.Tests;

public sealed class RestrictionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Day(int offset) => TestHotel.Today.AddDays(offset);

    public static TheoryData<string, int, int, bool> Stays => new()
    {
        // restriction on Day(5), arrival offset, nights, sellable
        { "min2", 5, 1, false },
        { "min2", 5, 2, true },
        { "min2", 4, 1, true },     // the minimum applies to arrivals on its date only
        { "min2", 4, 3, true },     // staying through it is fine
        { "max2", 5, 3, false },
        { "max2", 5, 2, true },
        { "cta", 5, 2, false },
        { "cta", 4, 2, true },
        { "ctd", 4, 1, false },     // departing on Day(5)
        { "ctd", 4, 2, true },
        { "closed", 4, 2, false },  // a stop-sell night inside the stay
        { "closed", 6, 1, true },
    };

    [Theory]
    [MemberData(nameof(Stays))]
    public async Task Quotes_and_bookings_honour_restrictions(string restriction, int arrivalOffset, int nights, bool sellable)
    {
        var hotel = TestHotel.Create(h => h.Restrict("DBL", Day(5), Day(5), Restriction(restriction)));
        var arrival = Day(arrivalOffset);

        var quotes = await hotel.Connector.QuoteAsync(new QuoteRequest(arrival, arrival.AddDays(nights), 1) { RoomTypeIds = ["DBL"] }, Ct);
        var booking = await Record.ExceptionAsync(() => hotel.BookAsync(arrival, nights));

        Assert.Equal(sellable, quotes.Count == 1);
        if (sellable)
        {
            Assert.Null(booking);
        }
        else
        {
            Assert.Equal(PmsConflictReason.NoAvailability, Assert.IsType<PmsConflictException>(booking).Reason);
            Assert.Empty(hotel.Pms.Reservations);
        }
    }

    [Fact]
    public async Task The_grid_shows_restrictions_per_night_and_room_type()
    {
        var hotel = TestHotel.Create(h => h.Restrict("DBL", Day(2), Day(3), new StayRestrictions { MinStay = 2, ClosedToDeparture = true }));

        var grid = await hotel.Connector.GetAvailabilityAsync(new AvailabilityRequest(Day(1), Day(5)), Ct);

        var dbl = grid["DBL"]!.Nights.Select(n => n.Restrictions.MinStay);
        Assert.Equal(new int?[] { null, 2, 2, null }, dbl);
        Assert.All(grid["STE"]!.Nights, n => Assert.False(n.Restrictions.IsRestricted));
        Assert.Equal(new[] { 2, 2, 2, 2 }, grid["DBL"]!.Nights.Select(n => n.Available));
    }

    [Fact]
    public async Task Restrictions_set_at_run_time_apply_to_later_quotes_and_can_be_lifted()
    {
        var hotel = TestHotel.Create();
        hotel.Pms.SetRestrictions("STE", Day(1), Day(3), new StayRestrictions { Closed = true });

        var closed = await hotel.Connector.QuoteAsync(new QuoteRequest(Day(2), Day(3), 1) { RoomTypeIds = ["STE"] }, Ct);
        hotel.Pms.SetRestrictions("STE", Day(2), Day(2), StayRestrictions.None);
        var reopened = await hotel.Connector.QuoteAsync(new QuoteRequest(Day(2), Day(3), 1) { RoomTypeIds = ["STE"] }, Ct);

        Assert.Empty(closed);
        Assert.Single(reopened);
        Assert.True(hotel.Pms.GetRestrictions("STE", Day(1)).Closed);
        Assert.False(hotel.Pms.GetRestrictions("STE", Day(2)).IsRestricted);
        Assert.IsType<AvailabilityChangedEvent>(hotel.Pms.Events[^1]);
        Assert.Throws<ArgumentException>(() => hotel.Pms.SetRestrictions("XXL", Day(1), Day(1), StayRestrictions.None));
        Assert.Throws<ArgumentException>(() => hotel.Pms.SetRestrictions("STE", Day(2), Day(1), StayRestrictions.None));
    }

    [Fact]
    public async Task A_move_into_restricted_dates_is_refused_but_other_changes_are_not_blocked_by_restrictions()
    {
        var hotel = TestHotel.Create();
        var booked = await hotel.BookAsync(Day(1), nights: 1);
        hotel.Pms.SetRestrictions("DBL", Day(1), Day(3), new StayRestrictions { MinStay = 3 });

        var move = await Assert.ThrowsAsync<PmsConflictException>(() => hotel.Connector.ModifyReservationAsync(booked.VendorId, new ReservationChanges { Arrival = Day(2), Departure = Day(3) }, Ct));
        var occupancy = await hotel.Connector.ModifyReservationAsync(booked.VendorId, new ReservationChanges { Adults = 2 }, Ct);

        Assert.Equal(PmsConflictReason.NoAvailability, move.Reason);
        Assert.Equal(2, occupancy.Adults);
    }

    [Fact]
    public async Task Reservations_seeded_into_restricted_dates_are_kept()
    {
        var hotel = TestHotel.Create(h => h
            .Restrict("DBL", Day(1), Day(1), new StayRestrictions { ClosedToArrival = true })
            .AddReservation(TestHotel.Draft(Day(1))));

        Assert.Single(hotel.Pms.Reservations);
        Assert.Equal(1, hotel.Pms.GetAvailable("DBL", Day(1)));
        await Assert.ThrowsAsync<PmsConflictException>(() => hotel.BookAsync(Day(1)));
    }

    private static StayRestrictions Restriction(string name) => name switch
    {
        "min2" => new StayRestrictions { MinStay = 2 },
        "max2" => new StayRestrictions { MaxStay = 2 },
        "cta" => new StayRestrictions { ClosedToArrival = true },
        "ctd" => new StayRestrictions { ClosedToDeparture = true },
        "closed" => new StayRestrictions { Closed = true },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
