namespace HotelPlatform.Connectors.ContractTests;

/// <summary>The availability grid and its restrictions (<see cref="ConnectorCapabilities.Availability"/>, <see cref="ConnectorCapabilities.Restrictions"/>); books in nights 0 to 6 of the window.</summary>
/// <typeparam name="TFixture">The connector author's fixture.</typeparam>
/// <param name="fixture">The fixture.</param>
[ContractTestArea("Availability", ConnectorCapabilities.Availability | ConnectorCapabilities.Restrictions)]
public abstract class AvailabilityContractTests<TFixture>(TFixture fixture) : PmsContractTestBase<TFixture>(fixture)
    where TFixture : PmsContractFixture
{
    /// <inheritdoc />
    protected override int BandOffset => 0;

    /// <summary>The grid has one cell per night from arrival to the night before departure, in order, for the property.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Grid_has_one_cell_per_night_in_date_order()
    {
        RequireCapabilities(ConnectorCapabilities.Availability);
        var (arrival, departure) = (Night(0), Night(7));

        var grid = await Connector.GetAvailabilityAsync(new AvailabilityRequest(arrival, departure), TestCancellation);

        Assert.Equal(Connector.PropertyId, grid.PropertyId);
        Assert.Equal(arrival, grid.Arrival);
        Assert.Equal(departure, grid.Departure);
        var row = grid[Scenario.RoomTypeId];
        Assert.True(row is not null, $"The grid has a row for room type {Scenario.RoomTypeId}.");
        Assert.Equal(Enumerable.Range(0, 7).Select(arrival.AddDays), row.Nights.Select(n => n.Date));
        Assert.All(grid.RoomTypes, r => Assert.All(r.Nights, n => Assert.True(n.Available >= 0, $"Room type {r.RoomTypeId} on {Iso(n.Date)}: availability is never negative.")));
        Assert.All(row.Nights, n => Assert.True(n.Available >= 1, $"The scenario promises a free room of {Scenario.RoomTypeId} on {Iso(n.Date)}."));
        Assert.Equal(grid.RoomTypes.Count, grid.RoomTypes.Select(r => r.RoomTypeId).Distinct(StringComparer.Ordinal).Count());
        await VerifyRequestsAsync();
    }

    /// <summary>A grid asked for one room type has that row only.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Grid_filtered_by_room_type_has_only_that_row()
    {
        RequireCapabilities(ConnectorCapabilities.Availability);

        var grid = await Connector.GetAvailabilityAsync(new AvailabilityRequest(Night(0), Night(3)) { RoomTypeIds = [Scenario.RoomTypeId] }, TestCancellation);

        var row = Assert.Single(grid.RoomTypes);
        Assert.Equal(Scenario.RoomTypeId, row.RoomTypeId);
        Assert.Equal(3, row.Nights.Count);
        await VerifyRequestsAsync();
    }

    /// <summary>An unfiltered grid covers only room types of the property, the scenario's among them.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Unfiltered_grid_rows_are_room_types_of_the_property()
    {
        RequireCapabilities(ConnectorCapabilities.Availability | ConnectorCapabilities.Inventory);
        var roomTypeIds = (await Connector.GetRoomTypesAsync(TestCancellation)).Select(r => r.VendorId).ToHashSet(StringComparer.Ordinal);

        var grid = await Connector.GetAvailabilityAsync(new AvailabilityRequest(Night(0), Night(2)), TestCancellation);

        Assert.All(grid.RoomTypes, r => Assert.True(roomTypeIds.Contains(r.RoomTypeId), $"Grid row {r.RoomTypeId} is a room type of the property."));
        Assert.Contains(grid.RoomTypes, r => r.RoomTypeId == Scenario.RoomTypeId);
        await VerifyRequestsAsync();
    }

    /// <summary>Booking takes exactly one room on every night of the stay, and cancelling gives exactly those back.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Booking_takes_one_room_per_night_and_cancelling_gives_it_back()
    {
        RequireCapabilities(ConnectorCapabilities.Availability | ConnectorCapabilities.CreateReservation | ConnectorCapabilities.CancelReservation);
        var draft = NewDraft(nightOffset: 2, nights: 2);

        // The night before and the departure night are not part of the stay and must not move.
        var before = await AvailablePerNightAsync(Scenario.RoomTypeId, Night(1), Night(5));
        var reservation = await BookAsync(draft);
        var booked = await AvailablePerNightAsync(Scenario.RoomTypeId, Night(1), Night(5));
        await Connector.CancelReservationAsync(reservation.VendorId, cancellationToken: TestCancellation);
        var cancelled = await AvailablePerNightAsync(Scenario.RoomTypeId, Night(1), Night(5));

        int[] expected = [before[0], before[1] - 1, before[2] - 1, before[3]];
        Assert.Equal(expected, booked);
        Assert.Equal(before, cancelled);
        await VerifyRequestsAsync();
    }

    /// <summary>The scenario's restriction shows in the grid on its date.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Restrictions_show_in_the_grid()
    {
        RequireCapabilities(ConnectorCapabilities.Availability | ConnectorCapabilities.Restrictions);
        var restriction = RequireScenario(Scenario.Restriction, nameof(PmsContractScenario.Restriction));

        var grid = await Connector.GetAvailabilityAsync(new AvailabilityRequest(restriction.Date, restriction.Date.AddDays(1)) { RoomTypeIds = [restriction.RoomTypeId] }, TestCancellation);

        var night = Assert.Single(Assert.Single(grid.RoomTypes).Nights);
        Assert.Equal(restriction.Date, night.Date);
        var expected = restriction.Restrictions;
        Assert.Equal(expected.MinStay, night.Restrictions.MinStay);
        Assert.Equal(expected.MaxStay, night.Restrictions.MaxStay);
        Assert.Equal(expected.ClosedToArrival, night.Restrictions.ClosedToArrival);
        Assert.Equal(expected.ClosedToDeparture, night.Restrictions.ClosedToDeparture);
        Assert.Equal(expected.Closed, night.Restrictions.Closed);
        await VerifyRequestsAsync();
    }

    /// <summary>Unrestricted nights of the window report no restriction.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Nights_of_the_window_are_unrestricted()
    {
        RequireCapabilities(ConnectorCapabilities.Availability | ConnectorCapabilities.Restrictions);

        var grid = await Connector.GetAvailabilityAsync(new AvailabilityRequest(Night(0), Night(7)) { RoomTypeIds = [Scenario.RoomTypeId] }, TestCancellation);

        Assert.All(Assert.Single(grid.RoomTypes).Nights, n => Assert.False(n.Restrictions.IsRestricted, $"The scenario's window is free of restrictions, but {Iso(n.Date)} is restricted."));
        await VerifyRequestsAsync();
    }

    /// <summary>A sold-out stay shows no room on at least one of its nights.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Sold_out_stay_shows_no_room_left()
    {
        RequireCapabilities(ConnectorCapabilities.Availability);
        var stay = RequireScenario(Scenario.SoldOutStay, nameof(PmsContractScenario.SoldOutStay));

        var available = await AvailablePerNightAsync(stay.RoomTypeId, stay.Arrival, stay.Departure);

        Assert.Contains(0, available);
        await VerifyRequestsAsync();
    }
}
