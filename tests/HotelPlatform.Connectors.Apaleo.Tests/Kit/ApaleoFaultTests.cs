using HotelPlatform.Connectors.ContractTests;
using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.Apaleo;

namespace HotelPlatform.Connectors.Apaleo.Tests.Kit;

/// <summary>
/// DESIGN §6 against the Apaleo simulator: the connector, resolved from DI with the runtime's whole pipeline, meets
/// faults the simulator injects on the wire (429 with <c>Retry-After</c>, 5xx, a booking committed whose answer is
/// lost, a token that expires) and comes out with the right result, the right number of requests and no duplicate.
/// Each test starts its own simulator and connector (<see cref="ApaleoKitFixture"/>), so faults never leak between tests.
/// </summary>
public sealed class ApaleoFaultTests : IAsyncLifetime
{
    private readonly ApaleoKitFixture _apaleo = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IPmsConnector Connector => _apaleo.Connector;

    private ApaleoSimulator Simulator => _apaleo.Simulator;

    public ValueTask InitializeAsync() => _apaleo.InitializeAsync();

    public ValueTask DisposeAsync() => _apaleo.DisposeAsync();

    [Fact]
    public async Task A_read_answered_429_is_retried_after_Retry_After_and_succeeds()
    {
        // A reservation, not reference data (room types are kept for a lifetime and would not reach Apaleo again).
        var id = Simulator.Reservations.First().Id;
        var path = $"/booking/v1/reservations/{id}";
        var expected = await Connector.GetReservationAsync(id, Ct);
        var rule = Simulator.Faults.Enqueue(SimulatedFault.TooManyRequests(TimeSpan.FromSeconds(1)), "GET", path);
        var before = Requests("GET", path);

        var reservation = await Connector.GetReservationAsync(id, Ct);

        Assert.Equal(expected.VendorId, reservation.VendorId);
        Assert.Equal(0, rule.Remaining);
        var attempts = Requests("GET", path).Skip(before.Count).ToList();
        // That the wait equals Retry-After is shown on a fake clock by the runtime's tests; here it would be a timing assertion.
        Assert.Equal([429, 200], attempts.Select(r => r.Response!.StatusCode));
    }

    [Fact]
    public async Task A_read_answered_503_is_retried_and_succeeds()
    {
        var stay = Stay();
        var rule = Simulator.Faults.Enqueue(SimulatedFault.ServerError(503), "GET", "/booking/v1/offers");

        var quotes = await Connector.QuoteAsync(new QuoteRequest(stay.Arrival, stay.Departure, 1), Ct);

        Assert.Contains(quotes, q => q.RoomTypeId == Simulator.Scenario.MainUnitGroupId);
        Assert.Equal(0, rule.Remaining);
        Assert.Equal([503, 200], Requests("GET", "/booking/v1/offers").Select(r => r.Response!.StatusCode));
    }

    [Fact]
    public async Task A_booking_committed_whose_answer_is_lost_is_made_exactly_once()
    {
        var stay = Stay();
        var sellable = Simulator.GetSellableCount(Simulator.Scenario.MainUnitGroupId, stay.Arrival);
        var draft = new ReservationDraft(stay.Arrival, stay.Departure, Simulator.Scenario.MainUnitGroupId, Simulator.Scenario.FlexibleRatePlanId, new GuestProfile("Lindqvist") { FirstName = "Maja", Email = "maja.lindqvist@example.com" })
        {
            ClientReference = "call-" + Guid.NewGuid().ToString("N"),
        };
        var rule = Simulator.Faults.Enqueue(SimulatedFault.CommitThenTimeout(), "POST", "/booking/v1/bookings");

        var reservation = await Connector.CreateReservationAsync(draft, Ct);
        var again = await Connector.CreateReservationAsync(draft, Ct);

        Assert.Equal(0, rule.Remaining);
        var booked = Assert.Single(Simulator.Reservations, r => r.ExternalCode == draft.ClientReference);
        Assert.Equal(booked.Id, reservation.VendorId);
        Assert.Equal(booked.Id, again.VendorId);
        Assert.Equal(sellable - 1, Simulator.GetSellableCount(Simulator.Scenario.MainUnitGroupId, stay.Arrival));
        var posts = Requests("POST", "/booking/v1/bookings");
        Assert.True(posts.Count >= 2, "The lost answer was recovered by asking again with the same key.");
        Assert.Single(posts.Select(p => p.Headers["Idempotency-Key"]).Distinct());
    }

    [Fact]
    public async Task A_token_that_expires_mid_run_is_renewed_once()
    {
        await Connector.GetRoomTypesAsync(Ct);
        var tokensBefore = Simulator.Tokens.TokensIssued;

        // An hour and a minute later the one-hour token has expired for both sides; three calls need one new token.
        _apaleo.Clock.Advance(TimeSpan.FromMinutes(61));
        await Connector.GetRoomTypesAsync(Ct);
        await Connector.GetRatePlansAsync(Ct);
        await Connector.GetPropertyAsync(Ct);

        Assert.Equal(tokensBefore + 1, Simulator.Tokens.TokensIssued);
        Assert.DoesNotContain(Simulator.Requests, r => r.Response?.StatusCode == 401);
    }

    [Fact]
    public async Task A_token_the_vendor_revokes_is_replaced_once_and_the_read_succeeds()
    {
        var id = Simulator.Reservations.First().Id;
        var path = $"/booking/v1/reservations/{id}";
        await Connector.GetReservationAsync(id, Ct);
        var tokensBefore = Simulator.Tokens.TokensIssued;
        Assert.Equal(1, Simulator.Tokens.RevokeAll());

        var reservation = await Connector.GetReservationAsync(id, Ct);

        Assert.Equal(id, reservation.VendorId);
        Assert.Equal(tokensBefore + 1, Simulator.Tokens.TokensIssued);
        Assert.Equal([401, 200], Requests("GET", path).Skip(1).Select(r => r.Response!.StatusCode));
    }

    [Fact]
    public async Task A_cancellation_answered_500_is_not_sent_blindly_again()
    {
        var stay = Stay();
        var draft = new ReservationDraft(stay.Arrival, stay.Departure, Simulator.Scenario.MainUnitGroupId, Simulator.Scenario.FlexibleRatePlanId, new GuestProfile("Okafor"))
        {
            ClientReference = "call-" + Guid.NewGuid().ToString("N"),
        };
        var booked = await Connector.CreateReservationAsync(draft, Ct);
        Simulator.Faults.Enqueue(SimulatedFault.ServerError(500), "PUT", $"/booking/v1/reservation-actions/{booked.VendorId}/cancel");

        var outcome = await Record.ExceptionAsync(() => Connector.CancelReservationAsync(booked.VendorId, cancellationToken: Ct));

        // Either the connector reports the failure, or it read the reservation back, found it not cancelled and sent the
        // cancel once more; never two cancels without a read in between.
        var cancels = Requests("PUT", $"/booking/v1/reservation-actions/{booked.VendorId}/cancel");
        if (outcome is null)
        {
            Assert.Equal("Canceled", Simulator.FindReservation(booked.VendorId)!.Status);
            Assert.Equal([500, 204], cancels.Select(r => r.Response!.StatusCode));
            var between = Simulator.Requests.Where(r => r.Sequence > cancels[0].Sequence && r.Sequence < cancels[1].Sequence);
            Assert.Contains(between, r => r.Method == "GET" && r.Path == $"/booking/v1/reservations/{booked.VendorId}");
        }
        else
        {
            var failure = Assert.IsAssignableFrom<PmsException>(outcome);
            Assert.True(failure.IsTransient, "A 500 is reported as transient.");
            Assert.Single(cancels);
        }
    }

    private PmsContractStay Stay()
    {
        var night = _apaleo.Scenario.FirstNight.AddDays(3);
        return new PmsContractStay(Simulator.Scenario.MainUnitGroupId, Simulator.Scenario.FlexibleRatePlanId, night, night.AddDays(2));
    }

    private List<RecordedRequest> Requests(string method, string path) =>
        [.. Simulator.Requests.Where(r => r.Method == method && r.Path == path)];
}
