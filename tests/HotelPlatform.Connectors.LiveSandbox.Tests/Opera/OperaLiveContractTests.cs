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
        "OHIP has no webhooks: business events are polled from int getBusinessEvents (see docs/connectors/opera.md)";

    /// <inheritdoc />
    protected override void AddVendor(IPmsConnectorsBuilder connectors) => connectors.AddOperaVendor();

    /// <summary>The kit's extra is the first package the hotel sells separately for a stay at the window's start (rtp getPackages): a live property's catalogue is its own.</summary>
    /// <inheritdoc />
    protected override async ValueTask<PmsContractScenario> CreateScenarioAsync(IPmsConnector connector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connector);
        var scenario = await base.CreateScenarioAsync(connector, cancellationToken);
        var offers = await connector.GetServiceOffersAsync(ServiceOfferRequest.ForStay(scenario.FirstNight, scenario.FirstNight.AddDays(2)), cancellationToken);
        return scenario with { ServiceId = offers.Count > 0 ? offers[0].ServiceId : null };
    }
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
