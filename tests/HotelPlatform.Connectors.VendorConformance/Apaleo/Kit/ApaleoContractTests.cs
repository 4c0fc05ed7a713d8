using HotelPlatform.Connectors.ContractTests;

namespace HotelPlatform.Connectors.VendorConformance.Apaleo.Kit;

// The whole contract kit, one subclass per area, against the Apaleo connector talking to the Apaleo simulator. Tests of
// capabilities Apaleo lacks (guest profiles, guest upsert, per-room-type restrictions) skip with the reason.

public sealed class ApaleoInventoryContractTests(ApaleoKitFixture fixture) : InventoryContractTests<ApaleoKitFixture>(fixture);

public sealed class ApaleoAvailabilityContractTests(ApaleoKitFixture fixture) : AvailabilityContractTests<ApaleoKitFixture>(fixture);

public sealed class ApaleoQuoteContractTests(ApaleoKitFixture fixture) : QuoteContractTests<ApaleoKitFixture>(fixture);

public sealed class ApaleoReservationContractTests(ApaleoKitFixture fixture) : ReservationContractTests<ApaleoKitFixture>(fixture)
{
    // Stricter than the kit: both creates reached Apaleo with one Idempotency-Key, and Apaleo holds one reservation.
    public override async Task Creating_twice_with_the_same_client_reference_books_once()
    {
        await base.Creating_twice_with_the_same_client_reference_books_once();

        var reference = Context.Values[ContractTestContext.ClientReference];
        var creates = Fixture.Simulator.Requests.Where(r => r.Method == "POST" && r.Path == "/booking/v1/bookings" && r.Headers.TryGetValue("Idempotency-Key", out var key) && key == reference).ToList();
        Assert.NotEmpty(creates);
        Assert.Single(Fixture.Simulator.Reservations, r => r.ExternalCode == reference);
    }
}

public sealed class ApaleoReservationListContractTests(ApaleoKitFixture fixture) : ReservationListContractTests<ApaleoKitFixture>(fixture);

public sealed class ApaleoGuestContractTests(ApaleoKitFixture fixture) : GuestContractTests<ApaleoKitFixture>(fixture);

public sealed class ApaleoServiceContractTests(ApaleoKitFixture fixture) : ServiceContractTests<ApaleoKitFixture>(fixture);

public sealed class ApaleoArgumentValidationContractTests(ApaleoKitFixture fixture) : ArgumentValidationContractTests<ApaleoKitFixture>(fixture);

public sealed class ApaleoContractKitCompletenessTests(ApaleoKitFixture fixture) : ContractKitCompletenessTests<ApaleoKitFixture>(fixture);
