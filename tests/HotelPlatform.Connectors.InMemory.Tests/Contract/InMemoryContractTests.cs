using HotelPlatform.Connectors.ContractTests;

namespace HotelPlatform.Connectors.InMemory.Tests.Contract;

// The whole kit, one subclass per area, against the in-memory PMS. It declares every capability; only the resilience
// tests are skipped, with the reason: the in-memory PMS has no vendor transport to fault.

public sealed class InMemoryInventoryContractTests(InMemoryContractFixture fixture) : InventoryContractTests<InMemoryContractFixture>(fixture);

public sealed class InMemoryAvailabilityContractTests(InMemoryContractFixture fixture) : AvailabilityContractTests<InMemoryContractFixture>(fixture);

public sealed class InMemoryQuoteContractTests(InMemoryContractFixture fixture) : QuoteContractTests<InMemoryContractFixture>(fixture);

public sealed class InMemoryReservationContractTests(InMemoryContractFixture fixture) : ReservationContractTests<InMemoryContractFixture>(fixture)
{
    // A stricter version of a kit test, as a vendor would write one: on top of the kit's assertions, the PMS saw the
    // create twice and answered both with the same reservation, and holds exactly one booking for the reference.
    public override async Task Creating_twice_with_the_same_client_reference_books_once()
    {
        await base.Creating_twice_with_the_same_client_reference_books_once();

        var reference = Context.Values[ContractTestContext.ClientReference];
        var creates = Fixture.Pms.Operations.Where(o => o.Name == "CreateReservation" && o.ClientReference == reference).ToList();
        Assert.Equal(2, creates.Count);
        Assert.Single(creates.Select(o => o.EntityId).Distinct());
        Assert.Single(Fixture.Pms.Reservations, r => r.ClientReference == reference);
    }
}

public sealed class InMemoryReservationListContractTests(InMemoryContractFixture fixture) : ReservationListContractTests<InMemoryContractFixture>(fixture);

public sealed class InMemoryGuestContractTests(InMemoryContractFixture fixture) : GuestContractTests<InMemoryContractFixture>(fixture);

public sealed class InMemoryServiceContractTests(InMemoryContractFixture fixture) : ServiceContractTests<InMemoryContractFixture>(fixture);

public sealed class InMemoryEventContractTests(InMemoryContractFixture fixture) : EventContractTests<InMemoryContractFixture>(fixture);

public sealed class InMemoryResilienceContractTests(InMemoryContractFixture fixture) : ResilienceContractTests<InMemoryContractFixture>(fixture);

public sealed class InMemoryArgumentValidationContractTests(InMemoryContractFixture fixture) : ArgumentValidationContractTests<InMemoryContractFixture>(fixture);

public sealed class InMemoryContractKitCompletenessTests(InMemoryContractFixture fixture) : ContractKitCompletenessTests<InMemoryContractFixture>(fixture);
