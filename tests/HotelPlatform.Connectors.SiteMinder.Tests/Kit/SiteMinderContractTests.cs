using HotelPlatform.Connectors.ContractTests;
using HotelPlatform.Connectors.Simulators.SiteMinder;

namespace HotelPlatform.Connectors.SiteMinder.Tests.Kit;

// The whole contract kit against the SiteMinder connector on the SiteMinder simulator. pmsXchange only delivers the
// bookings channels made and takes ARI pushes, so every test of booking, reading, listing, quoting, guests, extras and
// the faults of those calls skips with the reason (SiteMinderCapabilities.Explain); the health check, argument checks
// and the events run.

public sealed class SiteMinderInventoryContractTests(SiteMinderKitFixture fixture) : InventoryContractTests<SiteMinderKitFixture>(fixture);

public sealed class SiteMinderAvailabilityContractTests(SiteMinderKitFixture fixture) : AvailabilityContractTests<SiteMinderKitFixture>(fixture);

public sealed class SiteMinderQuoteContractTests(SiteMinderKitFixture fixture) : QuoteContractTests<SiteMinderKitFixture>(fixture);

public sealed class SiteMinderReservationContractTests(SiteMinderKitFixture fixture) : ReservationContractTests<SiteMinderKitFixture>(fixture);

public sealed class SiteMinderReservationListContractTests(SiteMinderKitFixture fixture) : ReservationListContractTests<SiteMinderKitFixture>(fixture);

public sealed class SiteMinderGuestContractTests(SiteMinderKitFixture fixture) : GuestContractTests<SiteMinderKitFixture>(fixture);

public sealed class SiteMinderServiceContractTests(SiteMinderKitFixture fixture) : ServiceContractTests<SiteMinderKitFixture>(fixture);

public sealed class SiteMinderArgumentValidationContractTests(SiteMinderKitFixture fixture) : ArgumentValidationContractTests<SiteMinderKitFixture>(fixture);

public sealed class SiteMinderResilienceContractTests(SiteMinderKitFixture fixture) : ResilienceContractTests<SiteMinderKitFixture>(fixture);

public sealed class SiteMinderContractKitCompletenessTests(SiteMinderKitFixture fixture) : ContractKitCompletenessTests<SiteMinderKitFixture>(fixture);

/// <summary>
/// The kit's event area. Its own tests book through the connector and so skip (pmsXchange does not book); the tests
/// below are the same contract — each change raises the right event for the right reservation, vendor and property, and
/// events name the reservation they are about — with the change made where SiteMinder's changes happen: at a channel.
/// </summary>
public sealed class SiteMinderEventContractTests(SiteMinderKitFixture fixture) : EventContractTests<SiteMinderKitFixture>(fixture)
{
    [Fact]
    public async Task A_channel_booking_raises_ReservationCreatedEvent_for_the_reservation()
    {
        RequireEvents();
        var raised = await ActAndWaitForEventAsync<ReservationCreatedEvent>(() => ChannelAsync(s => s.QueueBooking(Booking("KIT-B1"))), e => e.ReservationId, "booked at a channel");
        AssertFromThisProperty(raised);
        Assert.All(Fixture.Simulator.Messages, m => Assert.False(m.IsUndelivered, $"{m.MessageId} was confirmed after the kit's log took it."));
        await VerifyRequestsAsync();
    }

    [Fact]
    public async Task A_channel_modification_raises_ReservationModifiedEvent_for_the_reservation()
    {
        RequireEvents();
        await ChannelAsync(s => s.QueueBooking(Booking("KIT-M1")));
        var raised = await ActAndWaitForEventAsync<ReservationModifiedEvent>(() => ChannelAsync(s => s.QueueModification(Booking("KIT-M1") with { Adults = 2 })), e => e.ReservationId, "modified at a channel");
        AssertFromThisProperty(raised);
        await VerifyRequestsAsync();
    }

    [Fact]
    public async Task A_channel_cancellation_raises_ReservationCancelledEvent_for_the_reservation()
    {
        RequireEvents();
        await ChannelAsync(s => s.QueueBooking(Booking("KIT-C1")));
        var raised = await ActAndWaitForEventAsync<ReservationCancelledEvent>(() => ChannelAsync(s => s.QueueCancellation("KIT-C1")), e => e.ReservationId, "cancelled at a channel");
        AssertFromThisProperty(raised);
        await VerifyRequestsAsync();
    }

    [Fact]
    public async Task Channel_events_name_the_reservation_they_are_about()
    {
        RequireEvents();
        int from = Fixture.Events.Count;
        await ChannelAsync(s =>
        {
            s.QueueBooking(Booking("KIT-N1"));
            s.QueueBooking(Booking("KIT-N2"));
            return s.QueueCancellation("KIT-N2");
        });

        var kept = await WaitForEventAsync<ReservationCreatedEvent>(from, e => e.ReservationId == "KIT-N1", "for KIT-N1");
        var other = await WaitForEventAsync<ReservationCreatedEvent>(from, e => e.ReservationId == "KIT-N2", "for KIT-N2");
        var cancellation = await WaitForEventAsync<ReservationCancelledEvent>(from, e => e.ReservationId == "KIT-N2", "for KIT-N2 after it was cancelled");
        Assert.NotEqual(kept.EventId, other.EventId);
        Assert.DoesNotContain(Fixture.Events.GetEvents(from), e => e is ReservationCancelledEvent c && c.ReservationId == "KIT-N1");
        AssertFromThisProperty(cancellation);
        await VerifyRequestsAsync();
    }

    private SiteMinderChannelReservation Booking(string reference) =>
        new(reference, Fixture.Scenario.RoomTypeId, Fixture.Scenario.RatePlanId, Fixture.Scenario.FirstNight.AddDays(38), Fixture.Scenario.FirstNight.AddDays(39), "Kit") { GuestEmail = "kit@example.com" };

    /// <summary>Makes a change at the channel, then polls as a consumer would; returns the channel reference the change is about.</summary>
    private async Task<string> ChannelAsync(Func<SiteMinderSimulator, string> change)
    {
        string messageId = change(Fixture.Simulator);
        await Fixture.PollAsync(TestCancellation);
        return Fixture.Simulator.Messages.Single(m => m.MessageId == messageId).Reservation.ChannelReference;
    }
}
