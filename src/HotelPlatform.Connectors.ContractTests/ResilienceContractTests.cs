namespace HotelPlatform.Connectors.ContractTests;

/// <summary>
/// Behaviour under faults of the vendor transport (DESIGN §6), with faults the fixture injects
/// (<see cref="PmsContractFixture.InjectFaultAsync"/>) into the first request of one operation. Every connector runs
/// this area; a fixture that cannot fault its connector's transport (an in-process PMS, a real sandbox) is skipped
/// with the reason. Books in night 39 of the window.
/// </summary>
/// <remarks>
/// <para>What a connector must guarantee, and what the tests hold it to:</para>
/// <list type="bullet">
/// <item><description>
/// A read refused with 429 and <c>Retry-After</c>, or answered 5xx, is retried (after the <c>Retry-After</c>) and returns
/// what an unfaulted read returns; the caller never sees the fault. The same holds when the access token stopped being
/// accepted: the connector obtains a new one and repeats the request.
/// </description></item>
/// <item><description>
/// A create is exactly-once: when the vendor's answer is lost or is a 5xx, the call either returns the reservation
/// (the connector resolved the outcome by the vendor's idempotency key or the client reference) or throws a transient
/// <see cref="PmsException"/> (<see cref="PmsException.IsTransient"/>; for a lost answer a
/// <see cref="PmsUnavailableException"/> with <see cref="PmsUnavailableException.OutcomeUnknown"/>). Calling
/// <see cref="IPmsConnector.CreateReservationAsync"/> again with the same <see cref="ReservationDraft.ClientReference"/>
/// then yields the one reservation: one room taken, one reservation listed.
/// </description></item>
/// <item><description>
/// A write the vendor cannot deduplicate (adding an extra) is never repeated blindly: after a 5xx or a lost answer the
/// call returns the reservation with the extra added once, or throws a transient <see cref="PmsException"/> (for a lost
/// answer with <see cref="PmsUnavailableException.OutcomeUnknown"/>) having added it at most once. Never two effects.
/// </description></item>
/// <item><description>
/// Every injected fault must have been applied, or the test fails: a test that never met its fault proves nothing.
/// </description></item>
/// </list>
/// <para>
/// The kit sees effects, not requests: a blind retry of a write the vendor did not apply leaves one effect, as a
/// correct connector does. Each test records <see cref="ContractTestContext.Fault"/> and
/// <see cref="ContractTestContext.FaultedOperation"/>, so that <see cref="PmsContractFixture.VerifyRequestsAsync"/> can
/// assert the requests themselves (a create repeated with the same idempotency key, an extra's POST sent once).
/// </para>
/// </remarks>
/// <typeparam name="TFixture">The connector author's fixture.</typeparam>
/// <param name="fixture">The fixture.</param>
[ContractTestArea("Resilience", ConnectorCapabilities.None)]
public abstract class ResilienceContractTests<TFixture>(TFixture fixture) : PmsContractTestBase<TFixture>(fixture)
    where TFixture : PmsContractFixture
{
    /// <summary>The units of an extra one order adds to the kit's one-night, one-adult stay (<see cref="ServiceOrder.Quantity"/> 1).</summary>
    private const int OneEffect = 1;

    /// <inheritdoc />
    protected override int BandOffset => 39;

    /// <summary>An availability read refused once with 429 and <c>Retry-After</c> is retried and returns what the unfaulted read returned.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual Task Read_answered_429_once_is_retried_after_Retry_After_and_returns_the_unfaulted_result() =>
        AvailabilityReadRecoversFromAsync(PmsContractFault.RateLimited);

    /// <summary>Reading a reservation answered once with 5xx is retried and returns the reservation.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Read_answered_5xx_once_is_retried_and_succeeds()
    {
        RequireCapabilities(ConnectorCapabilities.CreateReservation | ConnectorCapabilities.ReadReservations);
        RequireFault(PmsContractFault.ServerError);
        var created = await BookAsync(NewDraft(nightOffset: 0, nights: 1));
        var unfaulted = await Connector.GetReservationAsync(created.VendorId, TestCancellation);

        Reservation faulted;
        await using (var fault = await InjectFaultAsync(PmsContractFault.ServerError, nameof(IPmsConnector.GetReservationAsync)))
        {
            faulted = await ExpectRecoveryAsync(fault, () => Connector.GetReservationAsync(created.VendorId, TestCancellation));
            AssertApplied(fault);
        }

        Assert.Equal(Summary(unfaulted), Summary(faulted));
        await VerifyRequestsAsync();
    }

    /// <summary>When the access token stops being accepted, the next read still succeeds: the connector obtains new credentials and repeats it.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual Task Read_after_the_credentials_expired_renews_them_and_succeeds() =>
        AvailabilityReadRecoversFromAsync(PmsContractFault.CredentialsExpired);

    /// <summary>
    /// A create whose answer was lost (the vendor committed it) returns the reservation or throws a transient error with
    /// the outcome unknown; creating again with the same client reference yields one reservation, one room taken.
    /// </summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual Task Create_whose_response_was_lost_books_once_when_repeated_with_the_same_client_reference() =>
        CreateUnderFaultBooksOnceAsync(PmsContractFault.ResponseLost);

    /// <summary>
    /// A create answered once with 5xx returns the reservation or throws a transient error; creating again with the same
    /// client reference yields one reservation, one room taken.
    /// </summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual Task Create_answered_5xx_once_books_once_when_repeated_with_the_same_client_reference() =>
        CreateUnderFaultBooksOnceAsync(PmsContractFault.ServerError);

    /// <summary>Adding an extra answered once with 5xx is not repeated blindly: it returns with the extra added once, or throws a transient error having added it at most once.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual Task Adding_a_service_answered_5xx_once_adds_it_at_most_once() =>
        AddServiceUnderFaultAddsAtMostOnceAsync(PmsContractFault.ServerError);

    /// <summary>
    /// Adding an extra whose answer was lost (the vendor added it) is not repeated blindly: it returns with the extra added
    /// once, or throws a transient error with the outcome unknown; the reservation holds the extra once, not twice.
    /// </summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual Task Adding_a_service_whose_response_was_lost_adds_it_at_most_once() =>
        AddServiceUnderFaultAddsAtMostOnceAsync(PmsContractFault.ResponseLost);

    /// <summary>Skips the test, with the reason, unless the fixture can inject <paramref name="fault"/>.</summary>
    /// <param name="fault">The fault the test needs.</param>
    protected void RequireFault(PmsContractFault fault)
    {
        if (Fixture.CanInjectFault(fault))
        {
            return;
        }

        var why = Fixture.ExplainMissingFaultInjection(fault)
                  ?? "override CanInjectFault and InjectFaultCoreAsync to fault the connector's vendor transport (for example through a simulator's fault injector)";
        SkipWhen(true, $"{Fixture.GetType().Name} cannot inject {fault} (CanInjectFault({fault}) is false): {why}.");
    }

    /// <summary>Injects a fault through the fixture into the first request of <paramref name="operation"/> and records it in <see cref="PmsContractTestBase{TFixture}.Context"/>.</summary>
    /// <param name="fault">The fault.</param>
    /// <param name="operation">The <see cref="IPmsConnector"/> method, as <c>nameof(IPmsConnector.X)</c>.</param>
    /// <returns>The injected fault; dispose of it when the faulted call is done.</returns>
    protected async Task<PmsContractInjectedFault> InjectFaultAsync(PmsContractFault fault, string operation)
    {
        var injected = await Fixture.InjectFaultAsync(fault, operation, TestCancellation);
        Context.Set(ContractTestContext.Fault, fault.ToString());
        Context.Set(ContractTestContext.FaultedOperation, operation);
        return injected;
    }

    /// <summary>Fails the test when the fault never reached the connector: the test would otherwise have proved nothing.</summary>
    /// <param name="fault">The injected fault.</param>
    protected void AssertApplied(PmsContractInjectedFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        Assert.True(
            fault.WasApplied,
            $"{Fixture.GetType().Name} injected {fault}, but it was never applied: no request of the {Connector.Vendor} connector met it, so this test proved nothing. " +
            "Check which vendor request the fixture maps the operation to.");
    }

    /// <summary>Runs a call that the connector must recover from without the caller seeing the fault; a <see cref="PmsException"/> fails the test with the reason.</summary>
    /// <typeparam name="T">The call's result.</typeparam>
    /// <param name="fault">The fault injected for the call.</param>
    /// <param name="call">The call.</param>
    /// <returns>The call's result.</returns>
    protected async Task<T> ExpectRecoveryAsync<T>(PmsContractInjectedFault fault, Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call();
        }
        catch (PmsException ex)
        {
            Assert.Fail(
                $"{fault.Operation} threw {ex.GetType().Name} ({ex.Message}) after the fixture injected {fault.Fault} once: a read must recover " +
                "(retry after Retry-After or a 5xx, renew expired credentials) without the caller seeing the fault (DESIGN §6).");
            throw new InvalidOperationException("Unreachable: Assert.Fail throws.");
        }
    }

    /// <summary>The body of the availability read tests: reads the band's availability, then again under <paramref name="kind"/>, and expects the same grid.</summary>
    /// <param name="kind">The fault the second read meets.</param>
    /// <returns>A task that completes when the test is done.</returns>
    protected async Task AvailabilityReadRecoversFromAsync(PmsContractFault kind)
    {
        RequireCapabilities(ConnectorCapabilities.Availability);
        RequireFault(kind);
        var request = new AvailabilityRequest(Night(0), Night(1)) { RoomTypeIds = [Scenario.RoomTypeId] };
        var unfaulted = await Connector.GetAvailabilityAsync(request, TestCancellation);

        AvailabilityGrid faulted;
        await using (var fault = await InjectFaultAsync(kind, nameof(IPmsConnector.GetAvailabilityAsync)))
        {
            faulted = await ExpectRecoveryAsync(fault, () => Connector.GetAvailabilityAsync(request, TestCancellation));
            AssertApplied(fault);
        }

        Assert.Equal(Cells(unfaulted), Cells(faulted));
        await VerifyRequestsAsync();
    }

    /// <summary>
    /// The body of the create tests: books under <paramref name="kind"/>, then again with the same client reference, and
    /// counts the bookings made (rooms taken, when the connector reads availability; reservations listed for the test's
    /// unique guest, when it lists arrivals). A duplicate found is cancelled too.
    /// </summary>
    /// <param name="kind">The fault the first create meets.</param>
    /// <returns>A task that completes when the test is done.</returns>
    protected async Task CreateUnderFaultBooksOnceAsync(PmsContractFault kind)
    {
        RequireCapabilities(ConnectorCapabilities.CreateReservation);
        var countRooms = Connector.Supports(ConnectorCapabilities.Availability);
        var listArrivals = Connector.Supports(ConnectorCapabilities.ListReservations);
        SkipWhen(
            !countRooms && !listArrivals,
            $"The {Connector.Vendor} connector declares neither Availability nor ListReservations: the kit cannot count the bookings a faulted create made.");
        RequireFault(kind);
        var draft = NewDraft(nightOffset: 0, nights: 1);
        var before = countRooms ? await AvailablePerNightAsync(Scenario.RoomTypeId, draft.Arrival, draft.Departure) : [];

        Reservation? first = null;
        Exception? firstFailure = null;
        await using (var fault = await InjectFaultAsync(kind, nameof(IPmsConnector.CreateReservationAsync)))
        {
            try
            {
                first = await BookAsync(draft);
            }
            catch (Exception ex) when (!TestCancellation.IsCancellationRequested)
            {
                // Judged after the bookings are counted (and cancelled): the vendor may have committed this one.
                firstFailure = ex;
            }

            AssertApplied(fault);
        }

        var repeated = await BookAsync(draft);
        var booked = listArrivals
            ? (await ListAsync(ReservationQuery.Arrivals(draft.Arrival))).Where(r => r.PrimaryGuest.LastName == draft.PrimaryGuest.LastName).ToList()
            : [];
        booked.ForEach(r => CleanUpLater(r.VendorId));

        if (listArrivals)
        {
            Assert.True(booked.Count == 1, $"A create that met {kind}, repeated with client reference {draft.ClientReference}, made {booked.Count} reservations ({string.Join(", ", booked.Select(r => r.VendorId))}); exactly one is allowed.");
            Assert.Equal(repeated.VendorId, booked[0].VendorId);
            Assert.True(booked[0].ClientReference is null || booked[0].ClientReference == draft.ClientReference, "The reservation keeps the client reference it was created with, where the vendor stores it.");
        }

        if (countRooms)
        {
            var after = await AvailablePerNightAsync(Scenario.RoomTypeId, draft.Arrival, draft.Departure);
            Assert.True(after.SequenceEqual(before.Select(n => n - 1)), $"A create that met {kind}, repeated with client reference {draft.ClientReference}, took {before[0] - after[0]} rooms on {Iso(draft.Arrival)}; exactly one is allowed.");
        }

        AssertOutcomeReported(firstFailure, kind);
        if (first is not null)
        {
            Assert.True(first.VendorId == repeated.VendorId, $"The create that met {kind} returned reservation {first.VendorId}, the repeated create {repeated.VendorId}: one client reference, one reservation.");
        }

        await VerifyRequestsAsync();
    }

    /// <summary>
    /// The body of the add-extra tests: adds the scenario's extra under <paramref name="kind"/> and reads the reservation
    /// back. The kit's stay is one night for one adult and the order is for one unit, so one effect is one unit of the
    /// extra (the sum of <see cref="ReservationService.Quantity"/> of its lines).
    /// </summary>
    /// <param name="kind">The fault the call meets.</param>
    /// <returns>A task that completes when the test is done.</returns>
    protected async Task AddServiceUnderFaultAddsAtMostOnceAsync(PmsContractFault kind)
    {
        RequireCapabilities(ConnectorCapabilities.CreateReservation | ConnectorCapabilities.AddService | ConnectorCapabilities.ReadReservations);
        var serviceId = RequireScenario(Scenario.ServiceId, nameof(PmsContractScenario.ServiceId));
        RequireFault(kind);
        var reservation = await BookAsync(NewDraft(nightOffset: 0, nights: 1));
        var unitsBefore = UnitsOf(reservation, serviceId);

        Reservation? returned = null;
        await using (var fault = await InjectFaultAsync(kind, nameof(IPmsConnector.AddServiceAsync)))
        {
            try
            {
                returned = await Connector.AddServiceAsync(reservation.VendorId, new ServiceOrder(serviceId) { Quantity = 1 }, TestCancellation);
            }
            catch (Exception ex) when (!TestCancellation.IsCancellationRequested)
            {
                AssertOutcomeReported(ex, kind);
            }

            AssertApplied(fault);
        }

        var added = UnitsOf(await Connector.GetReservationAsync(reservation.VendorId, TestCancellation), serviceId) - unitsBefore;

        Assert.True(added <= OneEffect, $"Adding extra {serviceId} once, under {kind}, added {added} units to reservation {reservation.VendorId}: the write was repeated blindly (DESIGN §6: never two effects).");
        if (returned is not null)
        {
            Assert.True(added == OneEffect, $"AddServiceAsync returned, yet reservation {reservation.VendorId} holds {added} added units of extra {serviceId}; the one ordered must be there.");
            Assert.Equal(unitsBefore + added, UnitsOf(returned, serviceId));
        }

        await VerifyRequestsAsync();
    }

    /// <summary>
    /// Asserts what a write must throw when it could not establish its outcome: a transient <see cref="PmsException"/> of
    /// the connector's vendor and, when the answer was lost, a <see cref="PmsUnavailableException"/> that says the outcome is unknown.
    /// </summary>
    /// <param name="exception">What the write threw; <see langword="null"/> when it returned, which needs no report.</param>
    /// <param name="kind">The fault it met.</param>
    protected void AssertOutcomeReported(Exception? exception, PmsContractFault kind)
    {
        if (exception is null)
        {
            return;
        }

        var pms = exception as PmsException;
        Assert.True(
            pms is { IsTransient: true },
            $"A write that met {kind} may throw only a transient PmsException (the caller may repeat it), not {exception.GetType().Name}: {exception.Message}");
        Assert.Equal(Connector.Vendor, pms.Vendor);
        if (kind == PmsContractFault.ResponseLost)
        {
            Assert.True(
                pms is PmsUnavailableException { OutcomeUnknown: true },
                $"A write whose answer was lost throws PmsUnavailableException with OutcomeUnknown, since it may have been applied; got {exception.GetType().Name}: {exception.Message}");
        }
    }

    private static int UnitsOf(Reservation reservation, string serviceId) =>
        reservation.Services.Where(s => s.ServiceId == serviceId).Sum(s => s.Quantity);

    private static List<(string RoomTypeId, DateOnly Date, int Available, StayRestrictions Restrictions)> Cells(AvailabilityGrid grid) =>
        [.. grid.RoomTypes.SelectMany(row => row.Nights.Select(n => (row.RoomTypeId, n.Date, n.Available, n.Restrictions)))];

    private static (string VendorId, string? ConfirmationNumber, ReservationStatus Status, DateOnly Arrival, DateOnly Departure, string? RoomTypeId, int Adults, string LastName) Summary(Reservation r) =>
        (r.VendorId, r.ConfirmationNumber, r.Status, r.Arrival, r.Departure, r.RoomTypeId, r.Adults, r.PrimaryGuest.LastName);
}
