namespace HotelPlatform.Connectors.InMemory.Tests;

public sealed class ReservationLifecycleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Day(int offset) => TestHotel.Today.AddDays(offset);

    [Fact]
    public async Task Booking_takes_a_room_on_every_night_and_overbooking_is_refused_naming_the_night()
    {
        var hotel = TestHotel.Create();
        await hotel.BookAsync(Day(1), nights: 3, roomTypeId: "STE");

        var ex = await Assert.ThrowsAsync<PmsConflictException>(() => hotel.BookAsync(Day(3), nights: 2, roomTypeId: "STE"));

        Assert.Equal(PmsConflictReason.NoAvailability, ex.Reason);
        Assert.Contains(Day(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { 1, 0, 0, 0, 1 }, Enumerable.Range(0, 5).Select(i => hotel.Pms.GetAvailable("STE", Day(i))));
        Assert.Single(hotel.Pms.Reservations);
    }

    [Fact]
    public async Task A_stay_departing_on_the_day_another_arrives_does_not_clash()
    {
        var hotel = TestHotel.Create();
        await hotel.BookAsync(Day(1), nights: 2, roomTypeId: "STE");

        var next = await hotel.BookAsync(Day(3), nights: 1, roomTypeId: "STE");

        Assert.Equal(ReservationStatus.Confirmed, next.Status);
    }

    [Fact]
    public async Task Cancelling_gives_the_rooms_back_and_a_second_cancel_returns_it_unchanged()
    {
        var hotel = TestHotel.Create();
        var booked = await hotel.BookAsync(Day(1), nights: 2, roomTypeId: "STE");
        hotel.Clock.Advance(TimeSpan.FromMinutes(5));

        var cancelled = await hotel.Connector.CancelReservationAsync(booked.VendorId, "guest called", Ct);
        hotel.Clock.Advance(TimeSpan.FromMinutes(5));
        var again = await hotel.Connector.CancelReservationAsync(booked.VendorId, cancellationToken: Ct);

        Assert.Equal(ReservationStatus.Cancelled, cancelled.Status);
        Assert.Equal(TestHotel.Now.AddMinutes(5), cancelled.CancelledAt);
        AssertSame(cancelled, again);
        Assert.Equal(1, hotel.Pms.GetAvailable("STE", Day(1)));
        Assert.Equal(1, hotel.Pms.GetAvailable("STE", Day(2)));
    }

    [Theory]
    [InlineData(ReservationStatus.InHouse)]
    [InlineData(ReservationStatus.CheckedOut)]
    [InlineData(ReservationStatus.NoShow)]
    public async Task Cancelling_a_stay_that_began_or_was_missed_is_refused_as_InvalidState(ReservationStatus status)
    {
        var hotel = TestHotel.Create();
        var booked = await hotel.BookAsync(Day(0));
        if (status == ReservationStatus.NoShow)
        {
            hotel.Pms.MarkNoShow(booked.VendorId);
        }
        else
        {
            hotel.Pms.CheckIn(booked.VendorId);
            if (status == ReservationStatus.CheckedOut)
            {
                hotel.Pms.CheckOut(booked.VendorId);
            }
        }

        var ex = await Assert.ThrowsAsync<PmsConflictException>(() => hotel.Connector.CancelReservationAsync(booked.VendorId, cancellationToken: Ct));

        Assert.Equal(PmsConflictReason.InvalidState, ex.Reason);
        Assert.Equal(status, (await hotel.Connector.GetReservationAsync(booked.VendorId, Ct)).Status);
    }

    [Fact]
    public async Task Stay_helpers_move_a_reservation_through_its_stay_and_refuse_impossible_moves()
    {
        var hotel = TestHotel.Create();
        var booked = await hotel.BookAsync(Day(0));

        Assert.Throws<PmsConflictException>(() => hotel.Pms.CheckOut(booked.VendorId));
        Assert.Equal(ReservationStatus.InHouse, hotel.Pms.CheckIn(booked.VendorId).Status);
        Assert.Throws<PmsConflictException>(() => hotel.Pms.CheckIn(booked.VendorId));
        Assert.Throws<PmsConflictException>(() => hotel.Pms.MarkNoShow(booked.VendorId));
        Assert.Equal(ReservationStatus.CheckedOut, hotel.Pms.CheckOut(booked.VendorId).Status);
        Assert.Throws<PmsNotFoundException>(() => hotel.Pms.CheckIn("R999999"));

        // A checked-out stay still occupied its room that night.
        Assert.Equal(1, hotel.Pms.GetAvailable("DBL", Day(0)));
    }

    [Fact]
    public async Task A_no_show_gives_its_room_back()
    {
        var hotel = TestHotel.Create();
        var booked = await hotel.BookAsync(Day(0), nights: 2, roomTypeId: "STE");

        hotel.Pms.MarkNoShow(booked.VendorId);

        Assert.Equal(1, hotel.Pms.GetAvailable("STE", Day(0)));
        Assert.Equal(1, hotel.Pms.GetAvailable("STE", Day(1)));
    }

    [Fact]
    public async Task Moving_a_stay_gives_back_the_old_nights_and_takes_the_new_ones()
    {
        var hotel = TestHotel.Create();
        var booked = await hotel.BookAsync(Day(1), nights: 2, roomTypeId: "STE");

        var moved = await hotel.Connector.ModifyReservationAsync(booked.VendorId, new ReservationChanges { Arrival = Day(2), Departure = Day(5) }, Ct);

        Assert.Equal((Day(2), Day(5)), (moved.Arrival, moved.Departure));
        Assert.Equal(new[] { 1, 0, 0, 0, 1 }, Enumerable.Range(1, 5).Select(i => hotel.Pms.GetAvailable("STE", Day(i))));
        // 3 x 200 gross, VAT 39.25, city tax 5 % of 560.75 = 28.04.
        Assert.Equal(new Money(628.04m, "EUR"), moved.Total);
    }

    [Fact]
    public async Task A_move_into_sold_out_nights_is_refused_and_leaves_the_stay_and_inventory_as_they_were()
    {
        var hotel = TestHotel.Create();
        var mine = await hotel.BookAsync(Day(1), nights: 2, roomTypeId: "STE");
        await hotel.BookAsync(Day(4), nights: 1, roomTypeId: "STE");

        var ex = await Assert.ThrowsAsync<PmsConflictException>(() =>
            hotel.Connector.ModifyReservationAsync(mine.VendorId, new ReservationChanges { Departure = Day(5) }, Ct));

        Assert.Equal(PmsConflictReason.NoAvailability, ex.Reason);
        var unchanged = await hotel.Connector.GetReservationAsync(mine.VendorId, Ct);
        Assert.Equal((Day(1), Day(3)), (unchanged.Arrival, unchanged.Departure));
        Assert.Equal(new[] { 0, 0, 1, 0 }, Enumerable.Range(1, 4).Select(i => hotel.Pms.GetAvailable("STE", Day(i))));
    }

    [Fact]
    public async Task Changing_the_room_type_moves_the_room_taken_and_reprices_the_stay()
    {
        var hotel = TestHotel.Create();
        var booked = await hotel.BookAsync(Day(1), nights: 1, roomTypeId: "DBL");

        var upgraded = await hotel.Connector.ModifyReservationAsync(booked.VendorId, new ReservationChanges { RoomTypeId = "STE", Adults = 3 }, Ct);

        Assert.Equal("STE", upgraded.RoomTypeId);
        Assert.Equal(3, upgraded.Adults);
        Assert.Equal(2, hotel.Pms.GetAvailable("DBL", Day(1)));
        Assert.Equal(0, hotel.Pms.GetAvailable("STE", Day(1)));
        Assert.True(upgraded.Total!.Value.Amount > booked.Total!.Value.Amount);
    }

    [Fact]
    public async Task Modifications_are_refused_for_occupancy_the_room_cannot_take_and_for_unknown_types()
    {
        var hotel = TestHotel.Create();
        var booked = await hotel.BookAsync(Day(1));

        var tooMany = await Assert.ThrowsAsync<PmsValidationException>(() => hotel.Connector.ModifyReservationAsync(booked.VendorId, new ReservationChanges { Adults = 3 }, Ct));
        var unknownType = await Assert.ThrowsAsync<PmsValidationException>(() => hotel.Connector.ModifyReservationAsync(booked.VendorId, new ReservationChanges { RoomTypeId = "XXL" }, Ct));
        var reversed = await Assert.ThrowsAsync<PmsValidationException>(() => hotel.Connector.ModifyReservationAsync(booked.VendorId, new ReservationChanges { Arrival = Day(2) }, Ct));

        Assert.Equal("changes.Adults", tooMany.Field);
        Assert.Equal("changes.RoomTypeId", unknownType.Field);
        Assert.Equal("changes.Arrival", reversed.Field);
        Assert.Equal(1, (await hotel.Connector.GetReservationAsync(booked.VendorId, Ct)).Adults);
    }

    [Fact]
    public async Task An_in_house_stay_can_be_extended_but_its_arrival_cannot_move()
    {
        var hotel = TestHotel.Create();
        var booked = await hotel.BookAsync(Day(0), nights: 1);
        hotel.Pms.CheckIn(booked.VendorId);

        var extended = await hotel.Connector.ModifyReservationAsync(booked.VendorId, new ReservationChanges { Departure = Day(2) }, Ct);
        var ex = await Assert.ThrowsAsync<PmsConflictException>(() => hotel.Connector.ModifyReservationAsync(booked.VendorId, new ReservationChanges { Arrival = Day(1) }, Ct));

        Assert.Equal(Day(2), extended.Departure);
        Assert.Equal(ReservationStatus.InHouse, extended.Status);
        Assert.Equal(PmsConflictReason.InvalidState, ex.Reason);
    }

    [Fact]
    public async Task A_cancelled_reservation_can_no_longer_be_changed_or_given_extras()
    {
        var hotel = TestHotel.Create();
        var booked = await hotel.BookAsync(Day(1));
        await hotel.Connector.CancelReservationAsync(booked.VendorId, cancellationToken: Ct);

        var modify = await Assert.ThrowsAsync<PmsConflictException>(() => hotel.Connector.ModifyReservationAsync(booked.VendorId, new ReservationChanges { Comment = "too late" }, Ct));
        var extra = await Assert.ThrowsAsync<PmsConflictException>(() => hotel.Connector.AddServiceAsync(booked.VendorId, new ServiceOrder("BRKF"), Ct));

        Assert.Equal(PmsConflictReason.InvalidState, modify.Reason);
        Assert.Equal(PmsConflictReason.InvalidState, extra.Reason);
    }

    [Fact]
    public async Task Guest_details_change_without_losing_the_guest_profile_link()
    {
        var hotel = TestHotel.Create();
        var booked = await hotel.BookAsync(Day(1), lastName: "Meyer");

        var modified = await hotel.Connector.ModifyReservationAsync(booked.VendorId, new ReservationChanges { PrimaryGuest = new GuestProfile("Meier") { FirstName = "Jo" }, GuestComment = "Late arrival" }, Ct);

        Assert.Equal("Meier", modified.PrimaryGuest.LastName);
        Assert.Equal(booked.PrimaryGuest.VendorId, modified.PrimaryGuest.VendorId);
        Assert.Equal("Late arrival", modified.GuestComment);
        Assert.Equal((booked.Arrival, booked.Departure, booked.Total), (modified.Arrival, modified.Departure, modified.Total));
    }

    [Fact]
    public async Task Nightly_extras_follow_a_moved_stay_and_dated_extras_outside_it_are_dropped()
    {
        var hotel = TestHotel.Create();
        var booked = await hotel.BookAsync(Day(1), nights: 3);
        await hotel.Connector.AddServiceAsync(booked.VendorId, new ServiceOrder("BRKF"), Ct);
        await hotel.Connector.AddServiceAsync(booked.VendorId, new ServiceOrder("LATE") { Dates = [Day(3)] }, Ct);

        var shortened = await hotel.Connector.ModifyReservationAsync(booked.VendorId, new ReservationChanges { Departure = Day(3) }, Ct);

        var breakfast = Assert.Single(shortened.Services);
        Assert.Equal("BRKF", breakfast.ServiceId);
        Assert.Equal(new[] { Day(1), Day(2) }, breakfast.Dates);
        Assert.Equal(new Money(40m, "EUR"), breakfast.Total);
    }

    [Fact]
    public async Task Extras_on_dates_outside_the_stay_or_unknown_extras_are_refused()
    {
        var hotel = TestHotel.Create();
        var booked = await hotel.BookAsync(Day(1), nights: 1);

        var outside = await Assert.ThrowsAsync<PmsValidationException>(() => hotel.Connector.AddServiceAsync(booked.VendorId, new ServiceOrder("BRKF") { Dates = [Day(2)] }, Ct));
        var unknown = await Assert.ThrowsAsync<PmsValidationException>(() => hotel.Connector.AddServiceAsync(booked.VendorId, new ServiceOrder("SPA"), Ct));

        Assert.Equal("order.Dates", outside.Field);
        Assert.Equal("order.ServiceId", unknown.Field);
        Assert.Empty((await hotel.Connector.GetReservationAsync(booked.VendorId, Ct)).Services);
    }

    [Fact]
    public async Task The_same_client_reference_books_once_and_a_different_booking_under_it_is_refused()
    {
        var hotel = TestHotel.Create();
        var draft = TestHotel.Draft(Day(1), roomTypeId: "STE");

        var first = await hotel.Connector.CreateReservationAsync(draft, Ct);
        var retry = await hotel.Connector.CreateReservationAsync(draft with { PrimaryGuest = new GuestProfile("Meyer") }, Ct);
        var ex = await Assert.ThrowsAsync<PmsConflictException>(() => hotel.Connector.CreateReservationAsync(draft with { Adults = 2 }, Ct));

        AssertSame(first, retry);
        Assert.Equal(PmsConflictReason.IdempotencyKeyReused, ex.Reason);
        Assert.Single(hotel.Pms.Reservations);
        Assert.Single(hotel.Pms.Guests);
    }

    [Fact]
    public async Task A_retried_booking_returns_the_reservation_as_it_is_now()
    {
        var hotel = TestHotel.Create();
        var draft = TestHotel.Draft(Day(1));
        var first = await hotel.Connector.CreateReservationAsync(draft, Ct);
        await hotel.Connector.CancelReservationAsync(first.VendorId, cancellationToken: Ct);

        var retry = await hotel.Connector.CreateReservationAsync(draft, Ct);

        Assert.Equal(first.VendorId, retry.VendorId);
        Assert.Equal(ReservationStatus.Cancelled, retry.Status);
    }

    [Fact]
    public async Task A_booking_without_a_client_reference_gets_one_so_its_own_retries_are_safe()
    {
        var hotel = TestHotel.Create();

        var booked = await hotel.Connector.CreateReservationAsync(TestHotel.Draft(Day(1)) with { ClientReference = null }, Ct);

        Assert.Matches("^[0-9a-f]{32}$", booked.ClientReference);
    }

    [Fact]
    public async Task A_quoted_total_that_no_longer_matches_is_refused_as_stale()
    {
        var hotel = TestHotel.Create();
        var draft = TestHotel.Draft(Day(1));

        var stale = await Assert.ThrowsAsync<PmsConflictException>(() => hotel.Connector.CreateReservationAsync(draft with { QuotedTotal = new Money(99m, "EUR") }, Ct));
        var currency = await Assert.ThrowsAsync<PmsValidationException>(() => hotel.Connector.CreateReservationAsync(draft with { QuotedTotal = new Money(104.67m, "USD") }, Ct));
        var exact = await hotel.Connector.CreateReservationAsync(draft with { QuotedTotal = new Money(104.67m, "EUR") }, Ct);

        Assert.Equal(PmsConflictReason.StaleData, stale.Reason);
        Assert.Equal("draft.QuotedTotal", currency.Field);
        Assert.Equal(new Money(104.67m, "EUR"), exact.Total);
    }

    [Fact]
    public async Task Booking_refuses_unknown_types_plans_guests_and_more_guests_than_the_room_sleeps()
    {
        var hotel = TestHotel.Create(h => h.AddRatePlan("SUITE-ONLY", "Suite deal", p => p.Price("STE", 180m)));
        var draft = TestHotel.Draft(Day(1));

        async Task<string?> FieldOf(ReservationDraft bad) =>
            (await Assert.ThrowsAsync<PmsValidationException>(() => hotel.Connector.CreateReservationAsync(bad, Ct))).Field;

        Assert.Equal("draft.RoomTypeId", await FieldOf(draft with { RoomTypeId = "XXL" }));
        Assert.Equal("draft.RatePlanId", await FieldOf(draft with { RatePlanId = "NOPE" }));
        Assert.Equal("draft.RatePlanId", await FieldOf(draft with { RatePlanId = "SUITE-ONLY" }));
        Assert.Equal("draft.Adults", await FieldOf(draft with { Adults = 2, ChildrenAges = [3] }));
        Assert.Equal("draft.PrimaryGuest.VendorId", await FieldOf(draft with { PrimaryGuest = new GuestProfile("Ghost") { VendorId = "G404" } }));
        Assert.Equal("draft.Services[0].ServiceId", await FieldOf(draft with { Services = [new ServiceOrder("SPA")] }));
        Assert.Empty(hotel.Pms.Reservations);
        Assert.Equal(2, hotel.Pms.GetAvailable("DBL", Day(1)));
    }

    [Fact]
    public async Task Arrivals_before_today_are_refused_unless_allowed()
    {
        var strict = TestHotel.Create();
        var lenient = TestHotel.Create(h => h.AllowArrivalsInThePast());

        var ex = await Assert.ThrowsAsync<PmsValidationException>(() => strict.BookAsync(Day(-1), nights: 2));
        var booked = await lenient.BookAsync(Day(-1), nights: 2);

        Assert.Equal("draft.Arrival", ex.Field);
        Assert.Equal(Day(-1), booked.Arrival);
    }

    [Fact]
    public async Task Reservations_are_found_by_confirmation_number_channel_reference_or_id_whatever_the_case()
    {
        var hotel = TestHotel.Create();
        var direct = await hotel.BookAsync(Day(1));
        var channel = hotel.Pms.AddReservation(TestHotel.Draft(Day(2)), externalReference: "BDC-4711");

        Assert.Equal(direct.VendorId, (await hotel.Connector.FindReservationAsync(direct.ConfirmationNumber!.ToLowerInvariant(), Ct))?.VendorId);
        Assert.Equal(channel.VendorId, (await hotel.Connector.FindReservationAsync(" bdc-4711 ", Ct))?.VendorId);
        Assert.Equal(direct.VendorId, (await hotel.Connector.FindReservationAsync(direct.VendorId, Ct))?.VendorId);
        Assert.Null(await hotel.Connector.FindReservationAsync("BDC-4712", Ct));
        Assert.Matches("^[0-9A-Z]{8}$", direct.ConfirmationNumber);
        Assert.NotEqual(direct.ConfirmationNumber, channel.ConfirmationNumber);
    }

    [Fact]
    public void A_reservation_added_like_a_channel_booking_honours_inventory_and_references()
    {
        var hotel = TestHotel.Create();
        var draft = TestHotel.Draft(Day(1), roomTypeId: "STE");
        hotel.Pms.AddReservation(draft, externalReference: "EXP-1");

        Assert.Throws<PmsConflictException>(() => hotel.Pms.AddReservation(TestHotel.Draft(Day(1), roomTypeId: "STE")));
        var reused = Assert.Throws<PmsConflictException>(() => hotel.Pms.AddReservation(draft with { RoomTypeId = "DBL" }));
        Assert.Equal(PmsConflictReason.IdempotencyKeyReused, reused.Reason);
        Assert.Throws<ArgumentOutOfRangeException>(() => hotel.Pms.AddReservation(TestHotel.Draft(Day(1)), ReservationStatus.Unknown));
        Assert.ThrowsAny<ArgumentException>(() => hotel.Pms.AddReservation(TestHotel.Draft(Day(1)) with { Adults = 0 }));
    }

    [Fact]
    public async Task Getting_unknown_reservations_is_PmsNotFoundException_naming_the_entity()
    {
        var hotel = TestHotel.Create();

        var ex = await Assert.ThrowsAsync<PmsNotFoundException>(() => hotel.Connector.GetReservationAsync("R123456", Ct));

        Assert.Equal("Reservation", ex.EntityType);
        Assert.Equal("R123456", ex.EntityId);
        Assert.Equal(PmsVendors.InMemory, ex.Vendor);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task Changes_raise_the_events_a_vendor_webhook_would_deliver()
    {
        var hotel = TestHotel.Create();
        var raised = new List<PmsEvent>();
        hotel.Pms.EventRaised += (_, e) => raised.Add(e);

        var booked = await hotel.BookAsync(Day(1), nights: 2, roomTypeId: "STE");
        await hotel.Connector.ModifyReservationAsync(booked.VendorId, new ReservationChanges { Comment = "quiet" }, Ct);
        await hotel.Connector.CancelReservationAsync(booked.VendorId, cancellationToken: Ct);

        Assert.Collection(
            raised,
            e => Assert.IsType<GuestUpdatedEvent>(e),
            e => Assert.Equal(booked.VendorId, Assert.IsType<ReservationCreatedEvent>(e).ReservationId),
            e => Assert.Equal((Day(1), Day(2)), (Assert.IsType<AvailabilityChangedEvent>(e).From, ((AvailabilityChangedEvent)e).To)),
            e => Assert.IsType<ReservationModifiedEvent>(e),
            e => Assert.IsType<ReservationCancelledEvent>(e),
            e => Assert.Equal(new[] { "STE" }, Assert.IsType<AvailabilityChangedEvent>(e).RoomTypeIds));
        Assert.Equal(raised, hotel.Pms.Events);
        Assert.Equal(raised.Count, raised.Select(e => e.EventId).Distinct().Count());
        Assert.All(raised, e => Assert.Equal(("BER", PmsVendors.InMemory), (e.PropertyId, e.Vendor)));
    }

    [Fact]
    public async Task An_event_handler_may_call_back_into_the_PMS()
    {
        var hotel = TestHotel.Create();
        var seen = new List<ReservationStatus>();
        hotel.Pms.EventRaised += (_, e) =>
        {
            // Raised outside the lock: reading the PMS from a handler must not deadlock.
            if (e is ReservationCreatedEvent created)
            {
                seen.Add(hotel.Pms.Reservations.Single(r => r.VendorId == created.ReservationId).Status);
            }
        };

        await hotel.BookAsync(Day(1));

        Assert.Equal(new[] { ReservationStatus.Confirmed }, seen);
    }

    [Fact]
    public async Task Operations_record_what_was_asked_without_guest_data()
    {
        var hotel = TestHotel.Create();
        var draft = TestHotel.Draft(Day(1), lastName: "Secretname");

        var booked = await hotel.Connector.CreateReservationAsync(draft, Ct);
        await hotel.Connector.CreateReservationAsync(draft, Ct);
        await Assert.ThrowsAsync<PmsNotFoundException>(() => hotel.Connector.GetReservationAsync("R999999", Ct));

        Assert.Collection(
            hotel.Pms.Operations,
            o => Assert.Equal(("CreateReservation", booked.VendorId, draft.ClientReference), (o.Name, o.EntityId, o.ClientReference)),
            o => Assert.Equal(("CreateReservation", booked.VendorId, draft.ClientReference), (o.Name, o.EntityId, o.ClientReference)),
            o => Assert.Equal(("GetReservation", "R999999"), (o.Name, o.EntityId)));
        Assert.DoesNotContain(hotel.Pms.Operations, o => o.ToString().Contains("Secretname", StringComparison.Ordinal));
        hotel.Pms.ClearOperations();
        Assert.Empty(hotel.Pms.Operations);
    }

    [Fact]
    public async Task A_connector_declaring_fewer_capabilities_refuses_the_rest_before_touching_the_PMS()
    {
        var hotel = TestHotel.Create(capabilities: ConnectorCapabilities.Inventory | ConnectorCapabilities.Availability);

        var ex = await Assert.ThrowsAsync<PmsNotSupportedException>(() => hotel.BookAsync(Day(1)));

        Assert.Equal(ConnectorCapabilities.CreateReservation, ex.Capability);
        Assert.Empty(hotel.Pms.Operations);
        Assert.Same(hotel.Pms, hotel.Connector.GetService<InMemoryPms>());
        Assert.Same(hotel.Connector, hotel.Connector.GetService<IPmsConnector>());
        Assert.Null(hotel.Connector.GetService<InMemoryPms>("keyed"));
    }

    [Fact]
    public async Task A_cancelled_token_cancels_the_call()
    {
        var hotel = TestHotel.Create();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hotel.Connector.GetRoomTypesAsync(cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in hotel.Connector.GetReservationsAsync(ReservationQuery.Arrivals(Day(1)), cancelled.Token))
            {
            }
        });
    }

    /// <summary>Reservation records hold lists, which records compare by reference: compare what a caller sees.</summary>
    private static void AssertSame(Reservation expected, Reservation actual)
    {
        Assert.Equal(
            (expected.VendorId, expected.ConfirmationNumber, expected.Status, expected.Arrival, expected.Departure, expected.RoomTypeId, expected.RatePlanId, expected.Adults, expected.Total, expected.ClientReference),
            (actual.VendorId, actual.ConfirmationNumber, actual.Status, actual.Arrival, actual.Departure, actual.RoomTypeId, actual.RatePlanId, actual.Adults, actual.Total, actual.ClientReference));
        Assert.Equal((expected.PrimaryGuest, expected.CreatedAt, expected.ModifiedAt, expected.CancelledAt), (actual.PrimaryGuest, actual.CreatedAt, actual.ModifiedAt, actual.CancelledAt));
        Assert.Equal(expected.Services.Select(s => (s.ServiceId, s.Quantity, s.Total)), actual.Services.Select(s => (s.ServiceId, s.Quantity, s.Total)));
    }
}
