namespace HotelPlatform.Connectors.ContractTests;

/// <summary>
/// Arrivals, departures and in-house lists of a property-local day, changed-since lists and paging
/// (<see cref="ConnectorCapabilities.ListReservations"/>, <see cref="ConnectorCapabilities.ChangedReservations"/>);
/// books in nights 21 to 34 of the window.
/// </summary>
/// <typeparam name="TFixture">The connector author's fixture.</typeparam>
/// <param name="fixture">The fixture.</param>
[ContractTestArea("ReservationList", ConnectorCapabilities.ListReservations | ConnectorCapabilities.ChangedReservations)]
public abstract class ReservationListContractTests<TFixture>(TFixture fixture) : PmsContractTestBase<TFixture>(fixture)
    where TFixture : PmsContractFixture
{
    /// <summary>The page size the paging test asks for: smaller than the number of reservations it books.</summary>
    protected const int SmallPageSize = 2;

    /// <inheritdoc />
    protected override int BandOffset => 21;

    /// <summary>Arrivals of a day list the reservations arriving that day and no others.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Arrivals_of_a_day_list_the_reservations_arriving_that_day()
    {
        RequireCapabilities(ConnectorCapabilities.CreateReservation | ConnectorCapabilities.ListReservations);
        var first = await BookAsync(NewDraft(nightOffset: 1, nights: 2));
        var second = await BookAsync(NewDraft(nightOffset: 2, nights: 1));
        Context.Set(ContractTestContext.Date, Iso(Night(1)));

        var arrivals = await ListAsync(ReservationQuery.Arrivals(Night(1)));

        Assert.Contains(arrivals, r => r.VendorId == first.VendorId);
        Assert.DoesNotContain(arrivals, r => r.VendorId == second.VendorId);
        Assert.All(arrivals, r => Assert.Equal(Night(1), r.Arrival));
        Assert.All(arrivals, r => Assert.NotEqual(ReservationStatus.Cancelled, r.Status));
        await VerifyRequestsAsync();
    }

    /// <summary>Departures of a day list the reservations departing that day and no others.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Departures_of_a_day_list_the_reservations_departing_that_day()
    {
        RequireCapabilities(ConnectorCapabilities.CreateReservation | ConnectorCapabilities.ListReservations);
        var leavingLater = await BookAsync(NewDraft(nightOffset: 1, nights: 2));
        var leavingEarlier = await BookAsync(NewDraft(nightOffset: 1, nights: 1));
        Context.Set(ContractTestContext.Date, Iso(Night(3)));

        var departures = await ListAsync(ReservationQuery.Departures(Night(3)));

        Assert.Contains(departures, r => r.VendorId == leavingLater.VendorId);
        Assert.DoesNotContain(departures, r => r.VendorId == leavingEarlier.VendorId);
        Assert.All(departures, r => Assert.Equal(Night(3), r.Departure));
        await VerifyRequestsAsync();
    }

    /// <summary>Cancelled arrivals are left out, unless the query asks for them.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Cancelled_arrivals_are_listed_only_when_asked_for()
    {
        RequireCapabilities(ConnectorCapabilities.CreateReservation | ConnectorCapabilities.CancelReservation | ConnectorCapabilities.ListReservations);
        var reservation = await BookAsync(NewDraft(nightOffset: 4, nights: 1));
        await Connector.CancelReservationAsync(reservation.VendorId, cancellationToken: TestCancellation);

        var withoutCancelled = await ListAsync(ReservationQuery.Arrivals(Night(4)));
        var withCancelled = await ListAsync(ReservationQuery.Arrivals(Night(4)) with { IncludeCancelled = true });

        Assert.DoesNotContain(withoutCancelled, r => r.VendorId == reservation.VendorId);
        var listed = Assert.Single(withCancelled, r => r.VendorId == reservation.VendorId);
        Assert.Equal(ReservationStatus.Cancelled, listed.Status);
        await VerifyRequestsAsync();
    }

    /// <summary>Listing with a page size smaller than the list pages through all of it: every reservation once, none lost.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Paging_through_more_than_one_page_returns_every_reservation_once()
    {
        RequireCapabilities(ConnectorCapabilities.CreateReservation | ConnectorCapabilities.ListReservations);
        var count = Math.Min(5, Scenario.RoomsPerNight);
        var booked = new List<Reservation>();
        for (var i = 0; i < count; i++)
        {
            booked.Add(await BookAsync(NewDraft(nightOffset: 5, nights: 1)));
        }

        Context.Set(ContractTestContext.PageSize, SmallPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Context.Set(ContractTestContext.Date, Iso(Night(5)));

        var listed = await ListAsync(ReservationQuery.Arrivals(Night(5)) with { PageSize = SmallPageSize });

        Assert.True(listed.Count > SmallPageSize, $"{listed.Count} reservations fit on one page of {SmallPageSize}; the test books {count} to need several.");
        Assert.Equal(listed.Count, listed.Select(r => r.VendorId).Distinct(StringComparer.Ordinal).Count());
        Assert.All(booked, b => Assert.Single(listed, r => r.VendorId == b.VendorId));
        await VerifyRequestsAsync();
    }

    /// <summary>Stopping after the first reservation of a paged list is allowed (the rest is never fetched) and yields what a full listing starts with.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task A_paged_list_can_be_abandoned_after_its_first_reservation()
    {
        RequireCapabilities(ConnectorCapabilities.CreateReservation | ConnectorCapabilities.ListReservations);
        for (var i = 0; i < SmallPageSize + 1; i++)
        {
            await BookAsync(NewDraft(nightOffset: 5, nights: 1));
        }

        var query = ReservationQuery.Arrivals(Night(5)) with { PageSize = SmallPageSize };
        Reservation? first = null;
        await foreach (var reservation in Connector.GetReservationsAsync(query, TestCancellation))
        {
            first = reservation;
            break;
        }

        Assert.NotNull(first);
        Assert.Equal((await ListAsync(query))[0].VendorId, first.VendorId);
        await VerifyRequestsAsync();
    }

    /// <summary>
    /// "Today's arrivals" are those of today in the property's time zone, not of today in UTC: with the clock at an
    /// instant where the two dates differ, the property-local day's arrivals are listed and the UTC day's are not.
    /// </summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Arrivals_today_are_those_of_the_property_local_day()
    {
        RequireCapabilities(ConnectorCapabilities.Inventory | ConnectorCapabilities.CreateReservation | ConnectorCapabilities.ListReservations);
        RequireClock();
        var property = await Connector.GetPropertyAsync(TestCancellation);
        var zone = property.GetTimeZoneInfo();
        var pick = Enumerable.Range(11, 2).Select(offset => LocalDayAwayFromUtcDay(zone, Night(offset))).FirstOrDefault(p => p is not null);
        SkipWhen(pick is null, $"The property's time zone {property.TimeZone} is at UTC on the nights tried: its local date never differs from the UTC date, so the test cannot tell them apart.");
        var (localDay, instant, utcDay) = pick!.Value;

        var arrivingLocalDay = await BookAsync(NewDraft(nightOffset: localDay.DayNumber - Night(0).DayNumber, nights: 1));
        var arrivingUtcDay = await BookAsync(NewDraft(nightOffset: utcDay.DayNumber - Night(0).DayNumber, nights: 1));
        Context.Set(ContractTestContext.Date, Iso(localDay));

        var restore = Fixture.GetUtcNow();
        IReadOnlyList<Reservation> arrivals;
        try
        {
            Fixture.SetUtcNow(instant);
            arrivals = await ListAsync(ReservationQuery.ArrivalsToday());
        }
        finally
        {
            Fixture.SetUtcNow(restore);
        }

        Assert.Contains(arrivals, r => r.VendorId == arrivingLocalDay.VendorId);
        Assert.DoesNotContain(arrivals, r => r.VendorId == arrivingUtcDay.VendorId);
        Assert.All(arrivals, r => Assert.Equal(localDay, r.Arrival));
        await VerifyRequestsAsync();
    }

    /// <summary>In-house lists hold a checked-in guest on the nights of the stay.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task In_house_lists_a_checked_in_guest()
    {
        RequireCapabilities(ConnectorCapabilities.CreateReservation | ConnectorCapabilities.ListReservations);
        RequireCheckIn();
        var reservation = await BookAsync(NewDraft(nightOffset: 6, nights: 1));
        await Fixture.CheckInAsync(reservation, TestCancellation);
        Context.Set(ContractTestContext.Date, Iso(Night(6)));

        var inHouse = await ListAsync(ReservationQuery.InHouse(Night(6)));

        var listed = Assert.Single(inHouse, r => r.VendorId == reservation.VendorId);
        Assert.Equal(ReservationStatus.InHouse, listed.Status);
        Assert.All(inHouse, r => Assert.True(r.Arrival <= Night(6) && Night(6) < r.Departure, $"Reservation {r.VendorId} ({Iso(r.Arrival)} to {Iso(r.Departure)}) is not in house on the night of {Iso(Night(6))}."));
        await VerifyRequestsAsync();
    }

    /// <summary>A reservation created after an instant is listed as changed since it.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Changed_since_lists_a_reservation_created_after_the_instant()
    {
        RequireCapabilities(ConnectorCapabilities.CreateReservation | ConnectorCapabilities.ChangedReservations);

        // A margin for the clocks of the test machine and the vendor to disagree a little.
        var since = Fixture.GetUtcNow().AddMinutes(-5);
        var reservation = await BookAsync(NewDraft(nightOffset: 7, nights: 1));

        var changed = await ListAsync(ReservationQuery.ChangedSince(since));

        Assert.Single(changed, r => r.VendorId == reservation.VendorId);
        Assert.All(changed, r => Assert.True(r.ModifiedAt is null || r.ModifiedAt >= since, $"Reservation {r.VendorId} last changed at {r.ModifiedAt:O}, before {since:O}."));
        await VerifyRequestsAsync();
    }

    /// <summary>A reservation not changed since the instant is left out of a changed-since list.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Changed_since_leaves_out_reservations_unchanged_since_the_instant()
    {
        RequireCapabilities(ConnectorCapabilities.CreateReservation | ConnectorCapabilities.ChangedReservations);
        RequireClock();
        var start = Fixture.GetUtcNow();
        IReadOnlyList<Reservation> changed;
        Reservation earlier, later;
        try
        {
            earlier = await BookAsync(NewDraft(nightOffset: 8, nights: 1));
            Fixture.SetUtcNow(start.AddHours(2));
            later = await BookAsync(NewDraft(nightOffset: 8, nights: 1));
            changed = await ListAsync(ReservationQuery.ChangedSince(start.AddHours(1)));
        }
        finally
        {
            Fixture.SetUtcNow(start);
        }

        Assert.Contains(changed, r => r.VendorId == later.VendorId);
        Assert.DoesNotContain(changed, r => r.VendorId == earlier.VendorId);
        await VerifyRequestsAsync();
    }

    /// <summary>A cancellation is a change: the cancelled reservation is listed as changed, with its new status, unless cancelled ones are excluded.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Changed_since_lists_a_cancellation()
    {
        RequireCapabilities(ConnectorCapabilities.CreateReservation | ConnectorCapabilities.CancelReservation | ConnectorCapabilities.ChangedReservations);
        var since = Fixture.GetUtcNow().AddMinutes(-5);
        var reservation = await BookAsync(NewDraft(nightOffset: 9, nights: 1));
        await Connector.CancelReservationAsync(reservation.VendorId, cancellationToken: TestCancellation);

        var changed = await ListAsync(ReservationQuery.ChangedSince(since));
        var withoutCancelled = await ListAsync(ReservationQuery.ChangedSince(since) with { IncludeCancelled = false });

        Assert.Equal(ReservationStatus.Cancelled, Assert.Single(changed, r => r.VendorId == reservation.VendorId).Status);
        Assert.DoesNotContain(withoutCancelled, r => r.VendorId == reservation.VendorId);
        await VerifyRequestsAsync();
    }

    /// <summary>
    /// Finds an instant at which the property's local date is <paramref name="localDay"/> while the UTC date is the day
    /// before (zones east of UTC) or after (zones west of it); <see langword="null"/> when the zone is at UTC that day.
    /// </summary>
    private static (DateOnly LocalDay, DateTimeOffset Instant, DateOnly UtcDay)? LocalDayAwayFromUtcDay(TimeZoneInfo zone, DateOnly localDay)
    {
        var offset = zone.GetUtcOffset(localDay.ToDateTime(new TimeOnly(12, 0)));
        if (offset == TimeSpan.Zero)
        {
            return null;
        }

        // Half the offset into the local day (east) or before its end (west) lands on the neighbouring UTC date.
        var local = offset > TimeSpan.Zero
            ? localDay.ToDateTime(TimeOnly.MinValue) + (offset / 2)
            : localDay.AddDays(1).ToDateTime(TimeOnly.MinValue) + (offset / 2);
        var instant = new DateTimeOffset(local, zone.GetUtcOffset(local));
        var utcDay = DateOnly.FromDateTime(instant.UtcDateTime);
        var backToLocal = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
        return backToLocal == localDay && utcDay != localDay ? (localDay, instant, utcDay) : null;
    }
}
