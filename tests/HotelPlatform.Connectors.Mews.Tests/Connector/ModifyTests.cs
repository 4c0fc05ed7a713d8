namespace HotelPlatform.Connectors.Mews.Tests.Connector;

/// <summary>Modify through Mews' update values; what Mews cannot change is refused naming the field.</summary>
public sealed class ModifyTests : MewsHarness
{
    [Fact]
    public async Task Changing_the_comment_throws_PmsNotSupportedException_naming_it_and_changes_nothing()
    {
        var created = await Connector.CreateReservationAsync(Draft(Seeded.Today.AddDays(25)), Ct);
        var updatesBefore = Requests("reservations/update").Count;

        var refused = await Assert.ThrowsAsync<PmsNotSupportedException>(() => Connector.ModifyReservationAsync(created.VendorId, new ReservationChanges { Comment = "quiet room", Departure = created.Departure.AddDays(1) }, Ct));

        Assert.Equal(nameof(ReservationChanges.Comment), refused.Feature);
        Assert.Equal(updatesBefore, Requests("reservations/update").Count);
        Assert.Equal(created.Departure, (await Connector.GetReservationAsync(created.VendorId, Ct)).Departure);
    }

    [Fact]
    public async Task Changing_the_departure_sends_only_that_update_value()
    {
        var created = await Connector.CreateReservationAsync(Draft(Seeded.Today.AddDays(26)), Ct);

        var modified = await Connector.ModifyReservationAsync(created.VendorId, new ReservationChanges { Departure = created.Departure.AddDays(2) }, Ct);

        Assert.Equal(created.Departure.AddDays(2), modified.Departure);
        Assert.Equal(created.Arrival, modified.Arrival);
        var update = Assert.Single(Requests("reservations/update")).ReadBodyAsJson()!["ReservationUpdates"]![0]!.AsObject();
        Assert.Equal(["ReservationId", "EndUtc"], update.Select(p => p.Key));
        Assert.NotNull(update["EndUtc"]!["Value"]);
    }

    [Fact]
    public async Task Changing_the_guest_updates_the_reservation_owner()
    {
        var created = await Connector.CreateReservationAsync(Draft(Seeded.Today.AddDays(27)), Ct);

        var modified = await Connector.ModifyReservationAsync(created.VendorId, new ReservationChanges { PrimaryGuest = created.PrimaryGuest with { FirstName = "Zofia" } }, Ct);

        Assert.Equal("Zofia", modified.PrimaryGuest.FirstName);
        Assert.Equal("Zofia", Simulator.Customers.Single(c => c.Id == created.PrimaryGuest.VendorId).FirstName);
    }

    [Fact]
    public async Task Cancelling_without_a_reason_sends_the_default_note()
    {
        var created = await Connector.CreateReservationAsync(Draft(Seeded.Today.AddDays(28)), Ct);

        var cancelled = await Connector.CancelReservationAsync(created.VendorId, cancellationToken: Ct);

        Assert.Equal(ReservationStatus.Cancelled, cancelled.Status);
        var notes = (string?)Assert.Single(Requests("reservations/cancel")).ReadBodyAsJson()!["Notes"];
        Assert.Equal(new MewsOptions().DefaultCancellationNote, notes);
    }
}
