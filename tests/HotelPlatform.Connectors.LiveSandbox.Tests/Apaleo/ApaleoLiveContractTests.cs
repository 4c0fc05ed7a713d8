using HotelPlatform.Connectors.ContractTests;
using HotelPlatform.Connectors.ContractTests.Live;

namespace HotelPlatform.Connectors.LiveSandbox.Tests.Apaleo;

/// <summary>
/// The kit against a live Apaleo account: HOTELPLATFORM_LIVE_APALEO_PROPERTYID, _CLIENTID, _CLIENTSECRET, _ROOMTYPE
/// and _RATEPLAN (and _BASEADDRESS, _TOKENENDPOINT for anything but Apaleo's production addresses). `.ci/run` points
/// them at the Apaleo simulator run out of process; without them every test is skipped with the variables named.
/// </summary>
public class ApaleoLiveFixture : LivePmsContractFixture
{
    /// <inheritdoc />
    protected override string Vendor => PmsVendors.Apaleo;

    /// <inheritdoc />
    protected override IReadOnlyList<string> RequiredHotelSettings { get; } = ["PropertyId", "ClientId", "ClientSecret"];

    /// <inheritdoc />
    public override string? ExplainMissingCapabilities(ConnectorCapabilities missing) =>
        "Apaleo has no guest-profile API and keeps stay restrictions on each rate plan's rates (see docs/connectors/apaleo.md)";

    /// <inheritdoc />
    protected override void AddVendor(IPmsConnectorsBuilder connectors) => connectors.AddApaleoVendor();
}

public sealed class ApaleoLiveInventory(ApaleoLiveFixture fixture) : InventoryContractTests<ApaleoLiveFixture>(fixture);

public sealed class ApaleoLiveAvailability(ApaleoLiveFixture fixture) : AvailabilityContractTests<ApaleoLiveFixture>(fixture);

public sealed class ApaleoLiveQuotes(ApaleoLiveFixture fixture) : QuoteContractTests<ApaleoLiveFixture>(fixture);

public sealed class ApaleoLiveReservations(ApaleoLiveFixture fixture) : ReservationContractTests<ApaleoLiveFixture>(fixture);

public sealed class ApaleoLiveReservationLists(ApaleoLiveFixture fixture) : ReservationListContractTests<ApaleoLiveFixture>(fixture);

public sealed class ApaleoLiveGuests(ApaleoLiveFixture fixture) : GuestContractTests<ApaleoLiveFixture>(fixture);

public sealed class ApaleoLiveServices(ApaleoLiveFixture fixture) : ServiceContractTests<ApaleoLiveFixture>(fixture);

public sealed class ApaleoLiveEvents(ApaleoLiveFixture fixture) : EventContractTests<ApaleoLiveFixture>(fixture);

public sealed class ApaleoLiveResilience(ApaleoLiveFixture fixture) : ResilienceContractTests<ApaleoLiveFixture>(fixture);

public sealed class ApaleoLiveArgumentValidation(ApaleoLiveFixture fixture) : ArgumentValidationContractTests<ApaleoLiveFixture>(fixture);

public sealed class ApaleoLiveKitCompleteness(ApaleoLiveFixture fixture) : ContractKitCompletenessTests<ApaleoLiveFixture>(fixture);
