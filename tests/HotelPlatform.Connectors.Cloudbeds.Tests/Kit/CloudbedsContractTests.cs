using HotelPlatform.Connectors.ContractTests;

namespace HotelPlatform.Connectors.Cloudbeds.Tests.Kit;

// The whole contract kit, one subclass per area, against the Cloudbeds connector talking to the Cloudbeds simulator.
// Tests of capabilities Cloudbeds lacks skip with the Cloudbeds fact that causes it (CloudbedsKitFixture).

public sealed class CloudbedsInventoryContractTests(CloudbedsKitFixture fixture) : InventoryContractTests<CloudbedsKitFixture>(fixture);

public sealed class CloudbedsAvailabilityContractTests(CloudbedsKitFixture fixture) : AvailabilityContractTests<CloudbedsKitFixture>(fixture);

public sealed class CloudbedsQuoteContractTests(CloudbedsKitFixture fixture) : QuoteContractTests<CloudbedsKitFixture>(fixture);

public sealed class CloudbedsReservationContractTests(CloudbedsKitFixture fixture) : ReservationContractTests<CloudbedsKitFixture>(fixture)
{
    /// <summary>Stricter than the kit: the comment reached Cloudbeds as a reservation note (getReservation returns no notes).</summary>
    public override async Task Modifying_guest_details_and_comment_keeps_the_stay()
    {
        await base.Modifying_guest_details_and_comment_keeps_the_stay();

        Assert.Contains(Fixture.Simulator.Requests, r => r.Method == "POST" && r.Path == "/api/v1.3/postReservationNote" && r.Body.Contains("reservationNote=Contract+kit", StringComparison.Ordinal));
    }

    /// <summary>A guest comment has no place in Cloudbeds: refused by name before anything is sent.</summary>
    [Fact]
    public async Task Modifying_the_guest_comment_is_refused_naming_the_field_before_anything_is_sent()
    {
        var sent = Fixture.Simulator.Requests.Count;

        var refused = await Assert.ThrowsAsync<PmsNotSupportedException>(() => Connector.ModifyReservationAsync("123", new ReservationChanges { GuestComment = "Late" }, TestCancellation));

        Assert.Equal(nameof(ReservationChanges.GuestComment), refused.Feature);
        Assert.Equal(sent, Fixture.Simulator.Requests.Count);
    }
}

public sealed class CloudbedsReservationListContractTests(CloudbedsKitFixture fixture) : ReservationListContractTests<CloudbedsKitFixture>(fixture);

public sealed class CloudbedsGuestContractTests(CloudbedsKitFixture fixture) : GuestContractTests<CloudbedsKitFixture>(fixture);

public sealed class CloudbedsServiceContractTests(CloudbedsKitFixture fixture) : ServiceContractTests<CloudbedsKitFixture>(fixture);

public sealed class CloudbedsArgumentValidationContractTests(CloudbedsKitFixture fixture) : ArgumentValidationContractTests<CloudbedsKitFixture>(fixture);

public sealed class CloudbedsEventContractTests(CloudbedsKitFixture fixture) : EventContractTests<CloudbedsKitFixture>(fixture);

public sealed class CloudbedsResilienceContractTests(CloudbedsKitFixture fixture) : ResilienceContractTests<CloudbedsKitFixture>(fixture);

public sealed class CloudbedsContractKitCompletenessTests(CloudbedsKitFixture fixture) : ContractKitCompletenessTests<CloudbedsKitFixture>(fixture);
