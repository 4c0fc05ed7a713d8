using HotelPlatform.Connectors.ContractTests;

namespace HotelPlatform.Connectors.Opera.Tests.Kit;

// The whole contract kit, one subclass per area, against the OPERA connector talking to the OHIP simulator.

public sealed class OperaInventoryContractTests(OperaKitFixture fixture) : InventoryContractTests<OperaKitFixture>(fixture);

public sealed class OperaAvailabilityContractTests(OperaKitFixture fixture) : AvailabilityContractTests<OperaKitFixture>(fixture);

public sealed class OperaQuoteContractTests(OperaKitFixture fixture) : QuoteContractTests<OperaKitFixture>(fixture);

public sealed class OperaReservationContractTests(OperaKitFixture fixture) : ReservationContractTests<OperaKitFixture>(fixture);

public sealed class OperaReservationListContractTests(OperaKitFixture fixture) : ReservationListContractTests<OperaKitFixture>(fixture);

public sealed class OperaGuestContractTests(OperaKitFixture fixture) : GuestContractTests<OperaKitFixture>(fixture);

public sealed class OperaServiceContractTests(OperaKitFixture fixture) : ServiceContractTests<OperaKitFixture>(fixture);

public sealed class OperaArgumentValidationContractTests(OperaKitFixture fixture) : ArgumentValidationContractTests<OperaKitFixture>(fixture);

public sealed class OperaEventContractTests(OperaKitFixture fixture) : EventContractTests<OperaKitFixture>(fixture);

public sealed class OperaResilienceContractTests(OperaKitFixture fixture) : ResilienceContractTests<OperaKitFixture>(fixture);

public sealed class OperaContractKitCompletenessTests(OperaKitFixture fixture) : ContractKitCompletenessTests<OperaKitFixture>(fixture);
