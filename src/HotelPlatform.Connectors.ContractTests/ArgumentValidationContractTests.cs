namespace HotelPlatform.Connectors.ContractTests;

/// <summary>
/// Bad input from the caller is an <see cref="ArgumentException"/> naming the parameter, thrown before any request
/// reaches the vendor (DESIGN §4, ADR 0002): the same rules for every connector, whether or not it derives from the
/// runtime's base class. Every connector runs this area. Each test marks its context with
/// <see cref="ContractTestContext.ExpectsNoVendorRequests"/>, so a fixture that records requests can prove none was sent.
/// </summary>
/// <typeparam name="TFixture">The connector author's fixture.</typeparam>
/// <param name="fixture">The fixture.</param>
[ContractTestArea("ArgumentValidation", ConnectorCapabilities.None)]
public abstract class ArgumentValidationContractTests<TFixture>(TFixture fixture) : PmsContractTestBase<TFixture>(fixture)
    where TFixture : PmsContractFixture
{
    /// <inheritdoc />
    protected override int BandOffset => 0;

    /// <summary>An availability request whose departure is not after its arrival is refused.</summary>
    /// <param name="nights">The nights between arrival and departure (0 or negative).</param>
    /// <returns>A task that completes when the test is done.</returns>
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public virtual async Task Availability_with_departure_not_after_arrival_is_refused(int nights)
    {
        RequireCapabilities(ConnectorCapabilities.Availability);

        await ExpectRefusedAsync(() => Connector.GetAvailabilityAsync(new AvailabilityRequest(Night(2), Night(2).AddDays(nights)), TestCancellation));
    }

    /// <summary>An availability grid longer than <see cref="PmsArguments.MaxAvailabilityNights"/> nights is refused.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Availability_longer_than_the_maximum_is_refused()
    {
        RequireCapabilities(ConnectorCapabilities.Availability);

        await ExpectRefusedAsync(() => Connector.GetAvailabilityAsync(new AvailabilityRequest(Night(0), Night(0).AddDays(PmsArguments.MaxAvailabilityNights + 1)), TestCancellation));
    }

    /// <summary>An availability request naming an empty room type is refused.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Availability_with_an_empty_room_type_id_is_refused()
    {
        RequireCapabilities(ConnectorCapabilities.Availability);

        await ExpectRefusedAsync(() => Connector.GetAvailabilityAsync(new AvailabilityRequest(Night(0), Night(1)) { RoomTypeIds = [" "] }, TestCancellation));
    }

    /// <summary>A quote for no adult is refused.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Quote_with_no_adults_is_refused()
    {
        RequireCapabilities(ConnectorCapabilities.Quotes);

        await ExpectRefusedAsync(() => Connector.QuoteAsync(new QuoteRequest(Night(0), Night(1), Adults: 0), TestCancellation));
    }

    /// <summary>A quote whose departure is before its arrival is refused.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Quote_with_departure_before_arrival_is_refused()
    {
        RequireCapabilities(ConnectorCapabilities.Quotes);

        await ExpectRefusedAsync(() => Connector.QuoteAsync(new QuoteRequest(Night(2), Night(1), Adults: 1), TestCancellation));
    }

    /// <summary>A quote for a "child" aged 18 is refused: children are 0 to 17.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Quote_with_a_child_older_than_17_is_refused()
    {
        RequireCapabilities(ConnectorCapabilities.Quotes);

        await ExpectRefusedAsync(() => Connector.QuoteAsync(new QuoteRequest(Night(0), Night(1), Adults: 1) { ChildrenAges = [18] }, TestCancellation));
    }

    /// <summary>A booking for no adult is refused.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Reservation_draft_with_no_adults_is_refused()
    {
        RequireCapabilities(ConnectorCapabilities.CreateReservation);

        await ExpectRefusedAsync(() => Connector.CreateReservationAsync(NewDraft(0) with { Adults = 0 }, TestCancellation));
    }

    /// <summary>A booking whose departure is before its arrival is refused.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Reservation_draft_with_departure_before_arrival_is_refused()
    {
        RequireCapabilities(ConnectorCapabilities.CreateReservation);

        await ExpectRefusedAsync(() => Connector.CreateReservationAsync(NewDraft(2) with { Departure = Night(1) }, TestCancellation));
    }

    /// <summary>A booking whose guest has no last name is refused.</summary>
    /// <param name="lastName">The empty last name.</param>
    /// <returns>A task that completes when the test is done.</returns>
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public virtual async Task Reservation_draft_without_a_guest_last_name_is_refused(string lastName)
    {
        RequireCapabilities(ConnectorCapabilities.CreateReservation);

        await ExpectRefusedAsync(() => Connector.CreateReservationAsync(NewDraft(0) with { PrimaryGuest = new GuestProfile(lastName) }, TestCancellation));
    }

    /// <summary>A booking without a room type or rate plan is refused.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Reservation_draft_with_an_empty_room_type_or_rate_plan_is_refused()
    {
        RequireCapabilities(ConnectorCapabilities.CreateReservation);

        await ExpectRefusedAsync(() => Connector.CreateReservationAsync(NewDraft(0) with { RoomTypeId = "" }, TestCancellation));
        await ExpectRefusedAsync(() => Connector.CreateReservationAsync(NewDraft(0) with { RatePlanId = " " }, TestCancellation));
    }

    /// <summary>A booking whose quoted total has no valid currency (a <c>default(Money)</c>) or is negative is refused.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Reservation_draft_with_a_quoted_total_without_a_valid_currency_or_negative_is_refused()
    {
        RequireCapabilities(ConnectorCapabilities.CreateReservation);

        await ExpectRefusedAsync(() => Connector.CreateReservationAsync(NewDraft(0) with { QuotedTotal = default(Money) }, TestCancellation));
        await ExpectRefusedAsync(() => Connector.CreateReservationAsync(NewDraft(0) with { QuotedTotal = new Money(-1m, "EUR") }, TestCancellation));
    }

    /// <summary>A client reference longer than <see cref="PmsArguments.MaxClientReferenceLength"/> characters is refused.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Reservation_draft_with_a_too_long_client_reference_is_refused()
    {
        RequireCapabilities(ConnectorCapabilities.CreateReservation);

        await ExpectRefusedAsync(() => Connector.CreateReservationAsync(NewDraft(0) with { ClientReference = new string('k', PmsArguments.MaxClientReferenceLength + 1) }, TestCancellation));
    }

    /// <summary>A booking whose guest e-mail address is malformed is refused.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Reservation_draft_with_a_malformed_guest_email_is_refused()
    {
        RequireCapabilities(ConnectorCapabilities.CreateReservation);

        await ExpectRefusedAsync(() => Connector.CreateReservationAsync(NewDraft(0) with { PrimaryGuest = NewGuest() with { Email = "no-at-sign.example.com" } }, TestCancellation));
    }

    /// <summary>Reading a reservation by an empty identifier is refused.</summary>
    /// <param name="id">The empty identifier.</param>
    /// <returns>A task that completes when the test is done.</returns>
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public virtual async Task Getting_or_finding_a_reservation_by_an_empty_id_is_refused(string id)
    {
        RequireCapabilities(ConnectorCapabilities.ReadReservations);

        await ExpectRefusedAsync(() => Connector.GetReservationAsync(id, TestCancellation));
        await ExpectRefusedAsync(() => Connector.FindReservationAsync(id, TestCancellation));
    }

    /// <summary>Cancelling a reservation by an empty identifier is refused.</summary>
    /// <param name="id">The empty identifier.</param>
    /// <returns>A task that completes when the test is done.</returns>
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public virtual async Task Cancelling_a_reservation_by_an_empty_id_is_refused(string id)
    {
        RequireCapabilities(ConnectorCapabilities.CancelReservation);

        await ExpectRefusedAsync(() => Connector.CancelReservationAsync(id, cancellationToken: TestCancellation));
    }

    /// <summary>Modifying a reservation by an empty identifier is refused.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Modifying_a_reservation_by_an_empty_id_is_refused()
    {
        RequireCapabilities(ConnectorCapabilities.ModifyReservation);

        await ExpectRefusedAsync(() => Connector.ModifyReservationAsync(" ", new ReservationChanges { Comment = "x" }, TestCancellation));
    }

    /// <summary>A modification that changes nothing is refused.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Modification_that_changes_nothing_is_refused()
    {
        RequireCapabilities(ConnectorCapabilities.ModifyReservation);

        await ExpectRefusedAsync(() => Connector.ModifyReservationAsync(Scenario.UnknownReservationId, new ReservationChanges(), TestCancellation));
    }

    /// <summary>A modification whose new departure is before its new arrival, or with no adult, is refused.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Modification_with_departure_before_arrival_or_no_adults_is_refused()
    {
        RequireCapabilities(ConnectorCapabilities.ModifyStay);

        await ExpectRefusedAsync(() => Connector.ModifyReservationAsync(Scenario.UnknownReservationId, new ReservationChanges { Arrival = Night(3), Departure = Night(2) }, TestCancellation));
        await ExpectRefusedAsync(() => Connector.ModifyReservationAsync(Scenario.UnknownReservationId, new ReservationChanges { Adults = 0 }, TestCancellation));
    }

    /// <summary>A guest search without e-mail, phone or last name is refused.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Guest_search_without_a_criterion_is_refused()
    {
        RequireCapabilities(ConnectorCapabilities.SearchGuests);

        await ExpectRefusedAsync(() => Connector.SearchGuestsAsync(new GuestSearch { FirstName = "Anna" }, TestCancellation));
    }

    /// <summary>A guest search by a malformed e-mail address, or for too many results, is refused.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Guest_search_with_a_malformed_email_or_too_many_results_is_refused()
    {
        RequireCapabilities(ConnectorCapabilities.SearchGuests);

        await ExpectRefusedAsync(() => Connector.SearchGuestsAsync(new GuestSearch { Email = "anna@@example.com" }, TestCancellation));
        await ExpectRefusedAsync(() => Connector.SearchGuestsAsync(new GuestSearch { LastName = "Schmidt", MaxResults = PmsArguments.MaxGuestSearchResults + 1 }, TestCancellation));
    }

    /// <summary>Reading a guest by an empty identifier is refused.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Getting_a_guest_by_an_empty_id_is_refused()
    {
        RequireCapabilities(ConnectorCapabilities.GuestProfiles);

        await ExpectRefusedAsync(() => Connector.GetGuestAsync("", TestCancellation));
    }

    /// <summary>Writing a guest without a last name is refused.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Upserting_a_guest_without_a_last_name_is_refused()
    {
        RequireCapabilities(ConnectorCapabilities.UpsertGuest);

        await ExpectRefusedAsync(() => Connector.UpsertGuestAsync(new GuestProfile(" ") { Email = "anna@example.com" }, TestCancellation));
    }

    /// <summary>Offers asked for neither a reservation nor a whole stay are refused.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Service_offers_without_a_reservation_or_stay_are_refused()
    {
        RequireCapabilities(ConnectorCapabilities.ServiceOffers);

        await ExpectRefusedAsync(() => Connector.GetServiceOffersAsync(new ServiceOfferRequest { Arrival = Night(0) }, TestCancellation));
    }

    /// <summary>An order of zero units of an extra is refused.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Service_order_of_zero_units_is_refused()
    {
        RequireCapabilities(ConnectorCapabilities.AddService);

        await ExpectRefusedAsync(() => Connector.AddServiceAsync(Scenario.UnknownReservationId, new ServiceOrder(Scenario.ServiceId ?? Scenario.UnknownServiceId) { Quantity = 0 }, TestCancellation));
    }

    /// <summary>A reservation list with a page size outside 1 to 1000 is refused, whether the connector checks when called or when enumerated.</summary>
    /// <param name="pageSize">The page size.</param>
    /// <returns>A task that completes when the test is done.</returns>
    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public virtual async Task Reservation_list_with_a_page_size_out_of_range_is_refused(int pageSize)
    {
        RequireCapabilities(ConnectorCapabilities.ListReservations);

        await ExpectRefusedAsync(async () =>
        {
            await foreach (var _ in Connector.GetReservationsAsync(ReservationQuery.Arrivals(Night(0)) with { PageSize = pageSize }, TestCancellation))
            {
            }
        });
    }

    /// <summary>Null requests are refused with <see cref="ArgumentNullException"/> by every member the connector declares.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Null_requests_are_refused()
    {
        var checks = new List<(ConnectorCapabilities Capability, Func<Task> Call)>
        {
            (ConnectorCapabilities.Availability, () => Connector.GetAvailabilityAsync(null!, TestCancellation)),
            (ConnectorCapabilities.Quotes, () => Connector.QuoteAsync(null!, TestCancellation)),
            (ConnectorCapabilities.CreateReservation, () => Connector.CreateReservationAsync(null!, TestCancellation)),
            (ConnectorCapabilities.ModifyReservation, () => Connector.ModifyReservationAsync(Scenario.UnknownReservationId, null!, TestCancellation)),
            (ConnectorCapabilities.SearchGuests, () => Connector.SearchGuestsAsync(null!, TestCancellation)),
            (ConnectorCapabilities.UpsertGuest, () => Connector.UpsertGuestAsync(null!, TestCancellation)),
            (ConnectorCapabilities.ServiceOffers, () => Connector.GetServiceOffersAsync(null!, TestCancellation)),
            (ConnectorCapabilities.AddService, () => Connector.AddServiceAsync(Scenario.UnknownReservationId, null!, TestCancellation)),
        };
        var declared = checks.Where(c => Connector.Supports(c.Capability)).ToList();
        SkipWhen(declared.Count == 0, $"The {Connector.Vendor} connector declares none of the members that take a request object.");

        foreach (var (capability, call) in declared)
        {
            var ex = await ExpectRefusedAsync(call, verify: false);
            Assert.True(ex is ArgumentNullException, $"A null request to the {capability} member throws ArgumentNullException, not {ex.GetType().Name}.");
        }

        await VerifyRequestsAsync();
    }

    /// <summary>Asserts that a call throws an <see cref="ArgumentException"/> naming the parameter, then lets the fixture check that no request was sent.</summary>
    /// <param name="call">The call.</param>
    /// <param name="verify">Whether to hand the context to the fixture afterwards.</param>
    /// <returns>The exception.</returns>
    protected async Task<ArgumentException> ExpectRefusedAsync(Func<Task> call, bool verify = true)
    {
        ArgumentNullException.ThrowIfNull(call);
        Context.ExpectNoVendorRequests();
        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(call);
        Assert.False(string.IsNullOrWhiteSpace(ex.ParamName), $"The {ex.GetType().Name} names the parameter at fault: {ex.Message}");
        if (verify)
        {
            await VerifyRequestsAsync();
        }

        return ex;
    }
}
