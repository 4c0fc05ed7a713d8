using System.Globalization;

namespace HotelPlatform.Connectors.ContractTests;

/// <summary>
/// The events a PMS emits about the reservations the connector books, modifies and cancels, as the fixture observes them
/// (<see cref="ConnectorCapabilities.Webhooks"/>): each arrives as the right normalised <see cref="PmsEvent"/>, for the
/// right reservation, vendor and property. Needs a fixture that observes events (<see cref="PmsContractFixture.CanObserveEvents"/>:
/// through a webhook subscription on its simulator, parsed by the connector's webhook parser); books in night 38 of the window.
/// </summary>
/// <remarks>
/// Each test takes a position in <see cref="PmsContractFixture.Events"/> before it acts and matches events by reservation
/// identifier from there, so events of other tests, redeliveries and events about other entities are ignored, never
/// confused. A wait ends after <see cref="PmsContractFixture.EventWaitLimit"/>: a hang guard, not a speed requirement.
/// </remarks>
/// <typeparam name="TFixture">The connector author's fixture.</typeparam>
/// <param name="fixture">The fixture.</param>
[ContractTestArea("Event", ConnectorCapabilities.Webhooks)]
public abstract class EventContractTests<TFixture>(TFixture fixture) : PmsContractTestBase<TFixture>(fixture)
    where TFixture : PmsContractFixture
{
    /// <inheritdoc />
    protected override int BandOffset => 38;

    /// <summary>A booking is followed by a <see cref="ReservationCreatedEvent"/> for that reservation, from this vendor and property.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Booking_raises_ReservationCreatedEvent_for_the_reservation()
    {
        RequireCapabilities(ConnectorCapabilities.Webhooks | ConnectorCapabilities.CreateReservation);
        RequireEvents();

        var raised = await ActAndWaitForEventAsync<ReservationCreatedEvent>(
            async () => (await BookAsync(NewDraft(nightOffset: 0, nights: 1))).VendorId,
            e => e.ReservationId,
            "booked");

        AssertFromThisProperty(raised);
        await VerifyRequestsAsync();
    }

    /// <summary>Changing a reservation's guest details and comment is followed by a <see cref="ReservationModifiedEvent"/> for it.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Modifying_raises_ReservationModifiedEvent_for_the_reservation()
    {
        RequireCapabilities(ConnectorCapabilities.Webhooks | ConnectorCapabilities.CreateReservation | ConnectorCapabilities.ModifyReservation);
        RequireEvents();
        var created = await BookCreatedAsync(NewDraft(nightOffset: 0, nights: 1));
        var changes = new ReservationChanges { PrimaryGuest = created.PrimaryGuest with { FirstName = "Changed" }, Comment = "Contract kit: event" };

        var raised = await ActAndWaitForEventAsync<ReservationModifiedEvent>(
            async () => (await Connector.ModifyReservationAsync(created.VendorId, changes, TestCancellation)).VendorId,
            e => e.ReservationId,
            "modified");

        AssertFromThisProperty(raised);
        await VerifyRequestsAsync();
    }

    /// <summary>Cancelling a reservation is followed by a <see cref="ReservationCancelledEvent"/> for it.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Cancelling_raises_ReservationCancelledEvent_for_the_reservation()
    {
        RequireCapabilities(ConnectorCapabilities.Webhooks | ConnectorCapabilities.CreateReservation | ConnectorCapabilities.CancelReservation);
        RequireEvents();
        var created = await BookCreatedAsync(NewDraft(nightOffset: 0, nights: 1));

        var raised = await ActAndWaitForEventAsync<ReservationCancelledEvent>(
            async () => (await Connector.CancelReservationAsync(created.VendorId, "Contract kit: event", TestCancellation)).VendorId,
            e => e.ReservationId,
            "cancelled");

        AssertFromThisProperty(raised);
        await VerifyRequestsAsync();
    }

    /// <summary>
    /// Two bookings raise two distinct creation events, each naming its own reservation; cancelling one raises a
    /// cancellation event for that one, and none names the other.
    /// </summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Events_name_the_reservation_they_are_about()
    {
        RequireCapabilities(ConnectorCapabilities.Webhooks | ConnectorCapabilities.CreateReservation | ConnectorCapabilities.CancelReservation);
        RequireEvents();
        var from = Fixture.Events.Count;
        var kept = await BookAsync(NewDraft(nightOffset: 0, nights: 1));
        var cancelled = await BookAsync(NewDraft(nightOffset: 0, nights: 1));

        var keptCreated = await WaitForEventAsync<ReservationCreatedEvent>(from, e => e.ReservationId == kept.VendorId, $"for reservation {kept.VendorId}");
        var cancelledCreated = await WaitForEventAsync<ReservationCreatedEvent>(from, e => e.ReservationId == cancelled.VendorId, $"for reservation {cancelled.VendorId}");
        var beforeCancel = Fixture.Events.Count;
        await Connector.CancelReservationAsync(cancelled.VendorId, "Contract kit: event", TestCancellation);
        var cancellation = await WaitForEventAsync<ReservationCancelledEvent>(beforeCancel, e => e.ReservationId == cancelled.VendorId, $"for reservation {cancelled.VendorId} after it was cancelled");

        Assert.NotEqual(keptCreated.EventId, cancelledCreated.EventId);
        AssertFromThisProperty(keptCreated);
        AssertFromThisProperty(cancelledCreated);
        AssertFromThisProperty(cancellation);
        var wrong = Fixture.Events.GetEvents(from).OfType<ReservationCancelledEvent>().Where(e => e.ReservationId == kept.VendorId).ToList();
        Assert.True(wrong.Count == 0, $"Reservation {kept.VendorId} was never cancelled, yet {wrong.Count} ReservationCancelledEvent(s) name it (event {wrong.FirstOrDefault()?.EventId}).");
        await VerifyRequestsAsync();
    }

    /// <summary>Skips the test, with the reason, unless the fixture observes the PMS's events.</summary>
    protected void RequireEvents() =>
        SkipWhen(
            !Fixture.CanObserveEvents,
            $"{Fixture.GetType().Name} does not observe the PMS's events (CanObserveEvents is false): subscribe to the vendor's webhooks in the fixture and add the parsed events to Events.");

    /// <summary>Books a draft and waits for its <see cref="ReservationCreatedEvent"/>, so that what the test does next is observed after the creation's events.</summary>
    /// <param name="draft">The draft.</param>
    /// <returns>The reservation.</returns>
    protected async Task<Reservation> BookCreatedAsync(ReservationDraft draft)
    {
        Reservation? created = null;
        await ActAndWaitForEventAsync<ReservationCreatedEvent>(async () => (created = await BookAsync(draft)).VendorId, e => e.ReservationId, "booked");
        return created!;
    }

    /// <summary>
    /// Takes a position in <see cref="PmsContractFixture.Events"/>, acts on a reservation, and waits for the first event of
    /// type <typeparamref name="TEvent"/> about that reservation observed from the position on.
    /// </summary>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <param name="act">The action; returns the identifier of the reservation it acted on.</param>
    /// <param name="reservationIdOf">The reservation an event of the type is about.</param>
    /// <param name="done">What the action did to the reservation (<c>booked</c>, <c>modified</c>, ...), for the failure message.</param>
    /// <returns>The event.</returns>
    protected async Task<TEvent> ActAndWaitForEventAsync<TEvent>(Func<Task<string>> act, Func<TEvent, string> reservationIdOf, string done)
        where TEvent : PmsEvent
    {
        ArgumentNullException.ThrowIfNull(act);
        ArgumentNullException.ThrowIfNull(reservationIdOf);
        var from = Fixture.Events.Count;
        var reservationId = await act();
        return await WaitForEventAsync<TEvent>(from, e => reservationIdOf(e) == reservationId, $"for reservation {reservationId} after it was {done}");
    }

    /// <summary>
    /// Waits for the first event of type <typeparamref name="TEvent"/> observed from position <paramref name="from"/> on
    /// that <paramref name="match"/> accepts, failing the test (not hanging it) when none comes within
    /// <see cref="PmsContractFixture.EventWaitLimit"/>.
    /// </summary>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <param name="from">A position in <see cref="PmsContractFixture.Events"/> taken before the action.</param>
    /// <param name="match">Which event of the type to accept, typically by reservation identifier.</param>
    /// <param name="what">What the event is about, for the failure message.</param>
    /// <returns>The event.</returns>
    protected async Task<TEvent> WaitForEventAsync<TEvent>(int from, Func<TEvent, bool> match, string what)
        where TEvent : PmsEvent
    {
        ArgumentNullException.ThrowIfNull(match);
        var limit = Fixture.EventWaitLimit;
        using var hangGuard = CancellationTokenSource.CreateLinkedTokenSource(TestCancellation);
        hangGuard.CancelAfter(limit);
        try
        {
            return (TEvent)await Fixture.Events.WaitForAsync(e => e is TEvent typed && match(typed), from, hangGuard.Token);
        }
        catch (OperationCanceledException) when (!TestCancellation.IsCancellationRequested)
        {
            var observed = Fixture.Events.GetEvents(from);
            var seen = observed.Count == 0
                ? "none"
                : string.Join(", ", observed.Take(10).Select(Describe)) + (observed.Count > 10 ? ", ..." : string.Empty);
            Assert.Fail(
                $"No {typeof(TEvent).Name} {what} was observed within {limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s " +
                $"(EventWaitLimit, a hang guard, not a speed requirement). Events observed meanwhile: {seen}.");
            throw new InvalidOperationException("Unreachable: Assert.Fail throws.");
        }
    }

    /// <summary>Asserts an event comes from the connector's vendor and property, with an identifier and a time.</summary>
    /// <param name="pmsEvent">The event.</param>
    protected virtual void AssertFromThisProperty(PmsEvent pmsEvent)
    {
        ArgumentNullException.ThrowIfNull(pmsEvent);
        Assert.Equal(Connector.Vendor, pmsEvent.Vendor);
        Assert.Equal(Connector.PropertyId, pmsEvent.PropertyId);
        Assert.False(string.IsNullOrWhiteSpace(pmsEvent.EventId), $"The {pmsEvent.GetType().Name} has an EventId, to drop redeliveries by.");
        Assert.True(pmsEvent.OccurredAt != default, $"The {pmsEvent.GetType().Name} {pmsEvent.EventId} says when it happened.");
    }

    private static string Describe(PmsEvent pmsEvent) => pmsEvent switch
    {
        ReservationCreatedEvent e => $"{nameof(ReservationCreatedEvent)}({e.ReservationId})",
        ReservationModifiedEvent e => $"{nameof(ReservationModifiedEvent)}({e.ReservationId})",
        ReservationCancelledEvent e => $"{nameof(ReservationCancelledEvent)}({e.ReservationId})",
        _ => pmsEvent.GetType().Name,
    };
}
