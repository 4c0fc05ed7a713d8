using HotelPlatform.Connectors.ContractTests;

namespace HotelPlatform.Connectors.Mews.Tests.Kit;

// The whole contract kit, one subclass per area, against the Mews connector talking to the Mews simulator. Tests of
// what Mews lacks skip with the Mews fact (MewsKitFixture.ExplainMissingCapabilities and friends).

public sealed class MewsInventoryContractTests(MewsKitFixture fixture) : InventoryContractTests<MewsKitFixture>(fixture);

public sealed class MewsAvailabilityContractTests(MewsKitFixture fixture) : AvailabilityContractTests<MewsKitFixture>(fixture);

public sealed class MewsQuoteContractTests(MewsKitFixture fixture) : QuoteContractTests<MewsKitFixture>(fixture);

public sealed class MewsReservationContractTests(MewsKitFixture fixture) : ReservationContractTests<MewsKitFixture>(fixture);

public sealed class MewsReservationListContractTests(MewsKitFixture fixture) : ReservationListContractTests<MewsKitFixture>(fixture);

public sealed class MewsGuestContractTests(MewsKitFixture fixture) : GuestContractTests<MewsKitFixture>(fixture);

public sealed class MewsServiceContractTests(MewsKitFixture fixture) : ServiceContractTests<MewsKitFixture>(fixture);

public sealed class MewsArgumentValidationContractTests(MewsKitFixture fixture) : ArgumentValidationContractTests<MewsKitFixture>(fixture);

public sealed class MewsEventContractTests(MewsKitFixture fixture) : EventContractTests<MewsKitFixture>(fixture);

public sealed class MewsResilienceContractTests(MewsKitFixture fixture) : ResilienceContractTests<MewsKitFixture>(fixture);

public sealed class MewsContractKitCompletenessTests(MewsKitFixture fixture) : ContractKitCompletenessTests<MewsKitFixture>(fixture);
