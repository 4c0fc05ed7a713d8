using HotelPlatform.Connectors.ContractTests;
using HotelPlatform.Connectors.ContractTests.Live;

namespace HotelPlatform.Connectors.LiveSandbox.Tests.Opera;

/// <summary>
/// The kit against a live OPERA Cloud property through OHIP: HOTELPLATFORM_LIVE_OPERA_PROPERTYID (the hotel code),
/// _BASEADDRESS (the environment's gateway), _CLIENTID, _CLIENTSECRET, _APPKEY, _EXTERNALSYSTEMCODE, _TIMEZONE,
/// _CURRENCY (and _SCOPE/_ENTERPRISEID or _GRANT=Password with _USERNAME/_PASSWORD as the environment needs),
/// _ROOMTYPE and _RATEPLAN. `.ci/run` points them at the OHIP simulator run out of process.
/// </summary>
public class OperaLiveFixture : LivePmsContractFixture
{
    /// <inheritdoc />
    protected override string Vendor => PmsVendors.Opera;

    /// <inheritdoc />
    protected override IReadOnlyList<string> RequiredHotelSettings { get; } = ["PropertyId", "BaseAddress", "ClientId", "ClientSecret", "AppKey", "ExternalSystemCode", "TimeZone", "Currency"];

    /// <inheritdoc />
    public override string? ExplainMissingCapabilities(ConnectorCapabilities missing) =>
        "OHIP has no webhooks (business events are polled), and the connector does not map OHIP packages to extras yet (see docs/connectors/opera.md)";

    /// <inheritdoc />
    protected override void AddVendor(IPmsConnectorsBuilder connectors) => connectors.AddOperaVendor();
}

public sealed class OperaLiveInventory(OperaLiveFixture fixture) : InventoryContractTests<OperaLiveFixture>(fixture);

public sealed class OperaLiveAvailability(OperaLiveFixture fixture) : AvailabilityContractTests<OperaLiveFixture>(fixture);

public sealed class OperaLiveQuotes(OperaLiveFixture fixture) : QuoteContractTests<OperaLiveFixture>(fixture);

public sealed class OperaLiveReservations(OperaLiveFixture fixture) : ReservationContractTests<OperaLiveFixture>(fixture);

public sealed class OperaLiveReservationLists(OperaLiveFixture fixture) : ReservationListContractTests<OperaLiveFixture>(fixture);

public sealed class OperaLiveGuests(OperaLiveFixture fixture) : GuestContractTests<OperaLiveFixture>(fixture);

public sealed class OperaLiveServices(OperaLiveFixture fixture) : ServiceContractTests<OperaLiveFixture>(fixture);

public sealed class OperaLiveEvents(OperaLiveFixture fixture) : EventContractTests<OperaLiveFixture>(fixture);

public sealed class OperaLiveResilience(OperaLiveFixture fixture) : ResilienceContractTests<OperaLiveFixture>(fixture);

public sealed class OperaLiveArgumentValidation(OperaLiveFixture fixture) : ArgumentValidationContractTests<OperaLiveFixture>(fixture);

public sealed class OperaLiveKitCompleteness(OperaLiveFixture fixture) : ContractKitCompletenessTests<OperaLiveFixture>(fixture);
