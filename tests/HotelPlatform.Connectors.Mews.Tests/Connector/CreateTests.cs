using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.Mews;

namespace HotelPlatform.Connectors.Mews.Tests.Connector;

/// <summary>Exactly-once creates without an idempotency key: the client reference in ChannelNumber, looked up before any repeat.</summary>
public sealed class CreateTests : MewsHarness
{
    [Fact]
    public async Task A_create_committed_whose_answer_is_lost_makes_one_reservation()
    {
        var draft = Draft(Seeded.Today.AddDays(20), nights: 2);
        var available = Simulator.GetAvailableCount(Seeded.DoubleCategoryId, draft.Arrival);
        var rule = Simulator.Faults.Enqueue(SimulatedFault.CommitThenTimeout(), "POST", MewsSimulator.ApiPrefix + "reservations/add");

        var created = await Connector.CreateReservationAsync(draft, Ct);
        var again = await Connector.CreateReservationAsync(draft, Ct);

        Assert.Equal(0, rule.Remaining);
        var stored = Assert.Single(Simulator.Reservations, r => r.ChannelNumber == draft.ClientReference);
        Assert.Equal(stored.Id, created.VendorId);
        Assert.Equal(stored.Id, again.VendorId);
        Assert.Equal(draft.ClientReference, created.ClientReference);
        Assert.Equal(available - 1, Simulator.GetAvailableCount(Seeded.DoubleCategoryId, draft.Arrival));

        // One add reached Mews; the lost answer was recovered by a ChannelNumbers lookup after it, not by adding again.
        var add = Assert.Single(Requests("reservations/add"));
        Assert.Contains(Requests("reservations/getAll/2023-06-06"), r => r.Sequence > add.Sequence && r.ReadBodyAsJson()?["ChannelNumbers"]?[0]?.ToString() == draft.ClientReference);
    }

    [Fact]
    public async Task A_create_puts_the_client_reference_into_ChannelNumber_and_the_guest_first()
    {
        var draft = Draft(Seeded.Today.AddDays(21)) with { Comment = "Late arrival" };

        var created = await Connector.CreateReservationAsync(draft, Ct);

        var add = Assert.Single(Requests("reservations/add")).ReadBodyAsJson()!;
        var parameters = add["Reservations"]![0]!;
        Assert.Equal(draft.ClientReference, (string?)parameters["ChannelNumber"]);
        Assert.Equal("Late arrival", (string?)parameters["Notes"]);
        var customer = Assert.Single(Simulator.Customers, c => c.Email == draft.PrimaryGuest.Email);
        Assert.Equal(customer.Id, (string?)parameters["CustomerId"]);
        Assert.Equal(customer.Id, created.PrimaryGuest.VendorId);
        Assert.Equal(draft.Arrival, created.Arrival);
        Assert.Equal(draft.Departure, created.Departure);
        Assert.Equal(ReservationStatus.Confirmed, created.Status);
    }

    [Fact]
    public async Task Booking_a_sold_out_category_is_a_conflict_of_availability()
    {
        var draft = Draft(Seeded.SoldOutNight) with { RoomTypeId = Seeded.SuiteCategoryId };

        var refused = await Assert.ThrowsAsync<PmsConflictException>(() => Connector.CreateReservationAsync(draft, Ct));

        Assert.Equal(PmsConflictReason.NoAvailability, refused.Reason);
        Assert.DoesNotContain(Simulator.Reservations, r => r.ChannelNumber == draft.ClientReference);
    }
}
