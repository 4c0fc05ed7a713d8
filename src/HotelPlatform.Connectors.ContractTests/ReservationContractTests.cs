namespace HotelPlatform.Connectors.ContractTests;

/// <summary>
/// Booking, reading, finding, modifying and cancelling one reservation (<see cref="ConnectorCapabilities.CreateReservation"/>,
/// <see cref="ConnectorCapabilities.ReadReservations"/>, <see cref="ConnectorCapabilities.ModifyReservation"/>,
/// <see cref="ConnectorCapabilities.ModifyStay"/>, <see cref="ConnectorCapabilities.CancelReservation"/>,
/// <see cref="ConnectorCapabilities.IdempotentCreate"/>); books in nights 7 to 20 of the window.
/// </summary>
/// <typeparam name="TFixture">The connector author's fixture.</typeparam>
/// <param name="fixture">The fixture.</param>
[ContractTestArea(
    "Reservation",
    ConnectorCapabilities.CreateReservation | ConnectorCapabilities.ReadReservations | ConnectorCapabilities.ModifyReservation
    | ConnectorCapabilities.ModifyStay | ConnectorCapabilities.CancelReservation | ConnectorCapabilities.IdempotentCreate)]
public abstract class ReservationContractTests<TFixture>(TFixture fixture) : PmsContractTestBase<TFixture>(fixture)
    where TFixture : PmsContractFixture
{
    /// <inheritdoc />
    protected override int BandOffset => 7;

    /// <summary>A booking comes back confirmed, for the property, with the stay, room type, rate plan, occupancy and guest asked for.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Created_reservation_is_confirmed_with_the_requested_stay()
    {
        RequireCapabilities(ConnectorCapabilities.CreateReservation);
        var draft = NewDraft(nightOffset: 0, nights: 2);

        var reservation = await BookAsync(draft);

        AssertMatches(draft, reservation);
        Assert.Equal(ReservationStatus.Confirmed, reservation.Status);
        Assert.True(reservation.ClientReference is null || reservation.ClientReference == draft.ClientReference, "The reservation keeps the client reference it was created with, where the vendor stores it.");
        Assert.True(reservation.Total is null || reservation.Total.Value.Amount > 0, "A booked stay costs something, where the total is known.");
        await VerifyRequestsAsync();
    }

    /// <summary>A booking can be read back by its identifier, unchanged.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Created_reservation_can_be_read_back_by_its_id()
    {
        RequireCapabilities(ConnectorCapabilities.CreateReservation | ConnectorCapabilities.ReadReservations);
        var draft = NewDraft(nightOffset: 0, nights: 2);
        var created = await BookAsync(draft);

        var read = await Connector.GetReservationAsync(created.VendorId, TestCancellation);

        Assert.Equal(created.VendorId, read.VendorId);
        Assert.Equal(created.ConfirmationNumber, read.ConfirmationNumber);
        Assert.Equal(ReservationStatus.Confirmed, read.Status);
        AssertMatches(draft, read);
        await VerifyRequestsAsync();
    }

    /// <summary>
    /// A booked stay says what each night costs: one nightly rate per night of the stay, in date order, in the reservation's
    /// currency, and the nights, the included fees and the extras add up to the total. Skipped only where the vendor's
    /// reservation carries no nightly breakdown at all.
    /// </summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Booked_reservation_prices_each_night_of_its_stay_and_the_nights_add_up_to_the_total()
    {
        RequireCapabilities(ConnectorCapabilities.CreateReservation);
        var draft = NewDraft(nightOffset: 0, nights: 3);
        var created = await BookAsync(draft);
        var reservation = Connector.Supports(ConnectorCapabilities.ReadReservations)
            ? await Connector.GetReservationAsync(created.VendorId, TestCancellation)
            : created;
        SkipWhen(reservation.NightlyRates.Count == 0, $"The {Connector.Vendor} connector's reservation {reservation.VendorId} carries no nightly breakdown (NightlyRates is empty).");

        AssertNightlyRates(reservation);
        await VerifyRequestsAsync();
    }

    /// <summary>A booking can be found by the number the guest would quote: its confirmation number.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Created_reservation_can_be_found_by_its_confirmation_number()
    {
        RequireCapabilities(ConnectorCapabilities.CreateReservation | ConnectorCapabilities.ReadReservations);
        var created = await BookAsync(NewDraft(nightOffset: 0, nights: 2));
        var number = created.ConfirmationNumber ?? created.VendorId;

        var found = await Connector.FindReservationAsync(number, TestCancellation);
        var foundPadded = await Connector.FindReservationAsync($"  {number} ", TestCancellation);

        Assert.NotNull(found);
        Assert.Equal(created.VendorId, found.VendorId);
        Assert.Equal(created.VendorId, foundPadded?.VendorId);
        await VerifyRequestsAsync();
    }

    /// <summary>The same client reference twice books once: the second call returns the first reservation, and one room is taken.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Creating_twice_with_the_same_client_reference_books_once()
    {
        RequireCapabilities(ConnectorCapabilities.CreateReservation);
        var draft = NewDraft(nightOffset: 2, nights: 1);
        var countRooms = Connector.Supports(ConnectorCapabilities.Availability);
        var before = countRooms ? await AvailablePerNightAsync(Scenario.RoomTypeId, draft.Arrival, draft.Departure) : [];

        var first = await BookAsync(draft);
        var second = await BookAsync(draft);

        Assert.Equal(first.VendorId, second.VendorId);
        Assert.Equal(first.ConfirmationNumber, second.ConfirmationNumber);
        if (countRooms)
        {
            Assert.Equal(before.Select(n => n - 1), await AvailablePerNightAsync(Scenario.RoomTypeId, draft.Arrival, draft.Departure));
        }

        if (Connector.Supports(ConnectorCapabilities.ListReservations))
        {
            var arrivals = await ListAsync(ReservationQuery.Arrivals(draft.Arrival));
            Assert.Single(arrivals, r => r.PrimaryGuest.LastName == draft.PrimaryGuest.LastName);
        }

        await VerifyRequestsAsync();
    }

    /// <summary>A client reference reused for a different booking is refused (<see cref="PmsConflictReason.IdempotencyKeyReused"/>) and books nothing.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Reusing_a_client_reference_for_a_different_booking_is_refused()
    {
        RequireCapabilities(ConnectorCapabilities.CreateReservation | ConnectorCapabilities.IdempotentCreate);
        var draft = NewDraft(nightOffset: 3, nights: 1);
        var first = await BookAsync(draft);
        var different = draft with { Departure = draft.Departure.AddDays(1) };

        var ex = await ExpectRefusedAsync<PmsConflictException>(different);

        Assert.Equal(PmsConflictReason.IdempotencyKeyReused, ex.Reason);
        if (Connector.Supports(ConnectorCapabilities.ReadReservations))
        {
            var unchanged = await Connector.GetReservationAsync(first.VendorId, TestCancellation);
            Assert.Equal(draft.Departure, unchanged.Departure);
        }

        await VerifyRequestsAsync();
    }

    /// <summary>Booking a stay with no room left is refused with <see cref="PmsConflictReason.NoAvailability"/>.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Booking_a_sold_out_stay_is_refused_with_NoAvailability()
    {
        RequireCapabilities(ConnectorCapabilities.CreateReservation);
        var stay = RequireScenario(Scenario.SoldOutStay, nameof(PmsContractScenario.SoldOutStay));
        var draft = new ReservationDraft(stay.Arrival, stay.Departure, stay.RoomTypeId, stay.RatePlanId, NewGuest()) { ClientReference = NewClientReference() };

        var ex = await ExpectRefusedAsync<PmsConflictException>(draft);

        Assert.Equal(PmsConflictReason.NoAvailability, ex.Reason);
        await VerifyRequestsAsync();
    }

    /// <summary>
    /// Booking a stay its restrictions forbid is refused with <see cref="PmsConflictReason.NoAvailability"/>. Needs the
    /// scenario's restriction, not <see cref="ConnectorCapabilities.Restrictions"/> (the grid showing them): see
    /// <c>QuoteContractTests.Stay_forbidden_by_a_restriction_is_not_offered</c>.
    /// </summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Booking_a_stay_forbidden_by_a_restriction_is_refused_with_NoAvailability()
    {
        RequireCapabilities(ConnectorCapabilities.CreateReservation);
        var restriction = RequireScenario(Scenario.Restriction, nameof(PmsContractScenario.Restriction));
        var stay = restriction.ForbiddenStay()!;
        var draft = new ReservationDraft(stay.Arrival, stay.Departure, stay.RoomTypeId, stay.RatePlanId, NewGuest()) { ClientReference = NewClientReference() };

        var ex = await ExpectRefusedAsync<PmsConflictException>(draft);

        Assert.Equal(PmsConflictReason.NoAvailability, ex.Reason);
        await VerifyRequestsAsync();
    }

    /// <summary>Getting a reservation that does not exist throws <see cref="PmsNotFoundException"/>.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Getting_an_unknown_reservation_throws_PmsNotFoundException()
    {
        RequireCapabilities(ConnectorCapabilities.ReadReservations);

        var ex = await Assert.ThrowsAnyAsync<PmsNotFoundException>(() => Connector.GetReservationAsync(Scenario.UnknownReservationId, TestCancellation));

        Assert.Equal(Connector.Vendor, ex.Vendor);
        await VerifyRequestsAsync();
    }

    /// <summary>Finding a confirmation number nobody has returns <see langword="null"/>, not an exception.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Finding_an_unknown_confirmation_number_returns_null()
    {
        RequireCapabilities(ConnectorCapabilities.ReadReservations);

        var found = await Connector.FindReservationAsync(Scenario.UnknownConfirmationNumber, TestCancellation);

        Assert.Null(found);
        await VerifyRequestsAsync();
    }

    /// <summary>Changing the guest's details and the comment keeps the stay as it was.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Modifying_guest_details_and_comment_keeps_the_stay()
    {
        RequireCapabilities(ConnectorCapabilities.CreateReservation | ConnectorCapabilities.ModifyReservation);
        var draft = NewDraft(nightOffset: 4, nights: 1);
        var created = await BookAsync(draft);
        var guest = created.PrimaryGuest with { FirstName = "Changed", Email = "changed." + draft.PrimaryGuest.Email };

        var modified = await Connector.ModifyReservationAsync(created.VendorId, new ReservationChanges { PrimaryGuest = guest, Comment = "Contract kit: quiet room" }, TestCancellation);

        Assert.Equal(created.VendorId, modified.VendorId);
        Assert.Equal("Changed", modified.PrimaryGuest.FirstName);
        Assert.Equal(draft.PrimaryGuest.LastName, modified.PrimaryGuest.LastName);
        Assert.True(modified.Comment is null || modified.Comment == "Contract kit: quiet room", "The comment is the one set, where the vendor returns it.");
        AssertMatches(draft, modified);
        if (Connector.Supports(ConnectorCapabilities.ReadReservations))
        {
            var read = await Connector.GetReservationAsync(created.VendorId, TestCancellation);
            Assert.Equal("Changed", read.PrimaryGuest.FirstName);
            AssertMatches(draft, read);
        }

        await VerifyRequestsAsync();
    }

    /// <summary>Moving a stay by one night gives back the night it leaves and takes the night it enters, atomically.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Modifying_the_stay_dates_moves_the_rooms_taken()
    {
        RequireCapabilities(ConnectorCapabilities.CreateReservation | ConnectorCapabilities.ModifyStay | ConnectorCapabilities.Availability);
        var draft = NewDraft(nightOffset: 5, nights: 2);
        var created = await BookAsync(draft);
        var before = await AvailablePerNightAsync(Scenario.RoomTypeId, Night(5), Night(8));

        var modified = await Connector.ModifyReservationAsync(created.VendorId, new ReservationChanges { Arrival = Night(6), Departure = Night(8) }, TestCancellation);
        var after = await AvailablePerNightAsync(Scenario.RoomTypeId, Night(5), Night(8));

        Assert.Equal(created.VendorId, modified.VendorId);
        Assert.Equal(Night(6), modified.Arrival);
        Assert.Equal(Night(8), modified.Departure);
        int[] expected = [before[0] + 1, before[1], before[2] - 1];
        Assert.Equal(expected, after);
        await VerifyRequestsAsync();
    }

    /// <summary>Changing the number of adults is kept.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Modifying_the_number_of_adults_is_kept()
    {
        RequireCapabilities(ConnectorCapabilities.CreateReservation | ConnectorCapabilities.ModifyStay);
        if (Connector.Supports(ConnectorCapabilities.Inventory))
        {
            var roomType = (await Connector.GetRoomTypesAsync(TestCancellation)).Single(r => r.VendorId == Scenario.RoomTypeId);
            SkipWhen(roomType.MaxOccupancy < 2, $"Room type {Scenario.RoomTypeId} sleeps one person: the kit cannot add an adult.");
        }

        var created = await BookAsync(NewDraft(nightOffset: 9, nights: 1));

        var modified = await Connector.ModifyReservationAsync(created.VendorId, new ReservationChanges { Adults = 2 }, TestCancellation);

        Assert.Equal(2, modified.Adults);
        if (Connector.Supports(ConnectorCapabilities.ReadReservations))
        {
            Assert.Equal(2, (await Connector.GetReservationAsync(created.VendorId, TestCancellation)).Adults);
        }

        await VerifyRequestsAsync();
    }

    /// <summary>Modifying a reservation that does not exist throws <see cref="PmsNotFoundException"/>.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Modifying_an_unknown_reservation_throws_PmsNotFoundException()
    {
        RequireCapabilities(ConnectorCapabilities.ModifyReservation);

        await Assert.ThrowsAnyAsync<PmsNotFoundException>(() => Connector.ModifyReservationAsync(Scenario.UnknownReservationId, new ReservationChanges { Comment = "none" }, TestCancellation));
        await VerifyRequestsAsync();
    }

    /// <summary>Cancelling marks the reservation cancelled, and it reads back cancelled.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Cancelling_a_reservation_marks_it_cancelled()
    {
        RequireCapabilities(ConnectorCapabilities.CreateReservation | ConnectorCapabilities.CancelReservation);
        var created = await BookAsync(NewDraft(nightOffset: 10, nights: 1));

        var cancelled = await Connector.CancelReservationAsync(created.VendorId, "Contract kit", TestCancellation);

        Assert.Equal(created.VendorId, cancelled.VendorId);
        Assert.Equal(ReservationStatus.Cancelled, cancelled.Status);
        Assert.True(cancelled.CancelledAt is null || created.CreatedAt is null || cancelled.CancelledAt >= created.CreatedAt, "A reservation is cancelled after it was created.");
        if (Connector.Supports(ConnectorCapabilities.ReadReservations))
        {
            Assert.Equal(ReservationStatus.Cancelled, (await Connector.GetReservationAsync(created.VendorId, TestCancellation)).Status);
        }

        await VerifyRequestsAsync();
    }

    /// <summary>Cancelling a cancelled reservation returns it unchanged, without error, and gives no room back twice.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Cancelling_a_cancelled_reservation_returns_it_unchanged()
    {
        RequireCapabilities(ConnectorCapabilities.CreateReservation | ConnectorCapabilities.CancelReservation);
        var created = await BookAsync(NewDraft(nightOffset: 10, nights: 1));
        var countRooms = Connector.Supports(ConnectorCapabilities.Availability);

        var first = await Connector.CancelReservationAsync(created.VendorId, cancellationToken: TestCancellation);
        var afterFirst = countRooms ? await AvailablePerNightAsync(Scenario.RoomTypeId, created.Arrival, created.Departure) : [];
        var second = await Connector.CancelReservationAsync(created.VendorId, cancellationToken: TestCancellation);

        Assert.Equal(ReservationStatus.Cancelled, second.Status);
        Assert.Equal(first.VendorId, second.VendorId);
        Assert.Equal(first.Arrival, second.Arrival);
        Assert.Equal(first.Departure, second.Departure);
        Assert.Equal(first.CancelledAt, second.CancelledAt);
        if (countRooms)
        {
            Assert.Equal(afterFirst, await AvailablePerNightAsync(Scenario.RoomTypeId, created.Arrival, created.Departure));
        }

        await VerifyRequestsAsync();
    }

    /// <summary>Cancelling a reservation that does not exist throws <see cref="PmsNotFoundException"/>.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Cancelling_an_unknown_reservation_throws_PmsNotFoundException()
    {
        RequireCapabilities(ConnectorCapabilities.CancelReservation);

        await Assert.ThrowsAnyAsync<PmsNotFoundException>(() => Connector.CancelReservationAsync(Scenario.UnknownReservationId, cancellationToken: TestCancellation));
        await VerifyRequestsAsync();
    }

    /// <summary>Cancelling a stay whose guest is in house is refused with <see cref="PmsConflictReason.InvalidState"/>, and the stay stays in house.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Cancelling_an_in_house_reservation_is_refused_with_InvalidState()
    {
        RequireCapabilities(ConnectorCapabilities.CreateReservation | ConnectorCapabilities.CancelReservation);
        RequireCheckIn();
        var created = await BookAsync(NewDraft(nightOffset: 12, nights: 1));
        await Fixture.CheckInAsync(created, TestCancellation);

        var ex = await Assert.ThrowsAnyAsync<PmsConflictException>(() => Connector.CancelReservationAsync(created.VendorId, cancellationToken: TestCancellation));

        Assert.Equal(PmsConflictReason.InvalidState, ex.Reason);
        if (Connector.Supports(ConnectorCapabilities.ReadReservations))
        {
            Assert.Equal(ReservationStatus.InHouse, (await Connector.GetReservationAsync(created.VendorId, TestCancellation)).Status);
        }

        await VerifyRequestsAsync();
    }

    /// <summary>
    /// Asserts that <paramref name="reservation"/>'s nightly rates cover its stay, one per night in date order, are not
    /// negative and share one currency (the total's, where known); and, where the vendor gives the total and the price of
    /// every extra, that the nights plus the included fees plus the extras make the total, within a minor unit per line.
    /// </summary>
    /// <param name="reservation">A reservation with a nightly breakdown.</param>
    protected virtual void AssertNightlyRates(Reservation reservation)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        var nights = Enumerable.Range(0, reservation.Nights).Select(i => reservation.Arrival.AddDays(i)).ToList();
        Assert.Equal(nights, reservation.NightlyRates.Select(n => n.Date));
        Assert.All(reservation.NightlyRates, n => Assert.True(n.Amount.Amount >= 0, $"The night of {Iso(n.Date)} has no negative price."));
        var currency = reservation.Total?.Currency ?? reservation.NightlyRates[0].Amount.Currency;
        Assert.All(reservation.NightlyRates, n => Assert.Equal(currency, n.Amount.Currency));

        if (reservation.Total is not { } total || reservation.Services.Any(s => s.Total is null))
        {
            return;
        }

        var expected = reservation.NightlyRates.Sum(n => n.Amount.Amount)
                       + reservation.Fees.Where(f => f.IncludedInTotal).Sum(f => f.Amount.Amount)
                       + reservation.Services.Sum(s => s.Total!.Value.Amount);
        var tolerance = 0.01m * (reservation.NightlyRates.Count + reservation.Fees.Count + reservation.Services.Count);
        Assert.True(
            total.Amount >= expected - tolerance && total.Amount <= expected + tolerance,
            $"Reservation {reservation.VendorId}: the nights, included fees and extras make {expected}, the total says {total.Amount}.");
    }


    /// <summary>Asserts a reservation holds what the draft asked for.</summary>
    /// <param name="draft">The draft.</param>
    /// <param name="reservation">The reservation.</param>
    protected virtual void AssertMatches(ReservationDraft draft, Reservation reservation)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(reservation);
        Assert.Equal(Connector.PropertyId, reservation.PropertyId);
        Assert.Equal(draft.Arrival, reservation.Arrival);
        Assert.Equal(draft.Departure, reservation.Departure);
        Assert.Equal(draft.Adults, reservation.Adults);
        Assert.Equal(draft.PrimaryGuest.LastName, reservation.PrimaryGuest.LastName);
        Assert.True(reservation.RoomTypeId is null || reservation.RoomTypeId == draft.RoomTypeId, $"Room type {reservation.RoomTypeId} is the one booked, {draft.RoomTypeId}.");
        Assert.True(reservation.RatePlanId is null || reservation.RatePlanId == draft.RatePlanId, $"Rate plan {reservation.RatePlanId} is the one booked, {draft.RatePlanId}.");
    }

    /// <summary>Books a draft that must be refused; a booking made anyway is cancelled after the test, and fails it.</summary>
    /// <typeparam name="TException">The exception expected.</typeparam>
    /// <param name="draft">The draft.</param>
    /// <returns>The exception.</returns>
    protected async Task<TException> ExpectRefusedAsync<TException>(ReservationDraft draft)
        where TException : Exception
    {
        ArgumentNullException.ThrowIfNull(draft);
        try
        {
            var booked = await Connector.CreateReservationAsync(draft, TestCancellation);
            CleanUpLater(booked.VendorId);
            Assert.Fail($"Booking {Iso(draft.Arrival)} to {Iso(draft.Departure)} in {draft.RoomTypeId} should have been refused with {typeof(TException).Name}, but reservation {booked.VendorId} was made.");
            throw new InvalidOperationException("Unreachable: Assert.Fail throws.");
        }
        catch (TException ex)
        {
            return ex;
        }
    }
}
