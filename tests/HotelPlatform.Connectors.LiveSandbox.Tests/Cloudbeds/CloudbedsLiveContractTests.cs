using HotelPlatform.Connectors.ContractTests;
using HotelPlatform.Connectors.ContractTests.Live;

namespace HotelPlatform.Connectors.LiveSandbox.Tests.Cloudbeds;

/// <summary>
/// The kit against a live Cloudbeds property: HOTELPLATFORM_LIVE_CLOUDBEDS_PROPERTYID and _APIKEY (or, for an OAuth
/// app, _CLIENTID, _CLIENTSECRET and _REFRESHTOKEN instead of the key), _ROOMTYPE (a roomTypeID) and _RATEPLAN (a
/// rateID), and _BASEADDRESS where not Cloudbeds' default (the property's own API address is looked up there with
/// oauth/metadata). `.ci/run` points them at the
/// Cloudbeds simulator run out of process; without them every test is skipped with the variables named.
/// </summary>
public class CloudbedsLiveFixture : LivePmsContractFixture
{
    /// <inheritdoc />
    protected override string Vendor => PmsVendors.Cloudbeds;

    /// <inheritdoc />
    protected override IReadOnlyList<string> RequiredHotelSettings { get; } = ["PropertyId"];

    /// <inheritdoc />
    public override string? ExplainMissingCapabilities(ConnectorCapabilities missing) =>
        "Cloudbeds keeps restrictions per rate, creates guests only with a reservation, does not return extras sold to a reservation and has no idempotency key (see docs/connectors/cloudbeds.md)";

    /// <inheritdoc />
    protected override void AddVendor(IPmsConnectorsBuilder connectors) => connectors.AddCloudbedsVendor();
}

public sealed class CloudbedsLiveInventory(CloudbedsLiveFixture fixture) : InventoryContractTests<CloudbedsLiveFixture>(fixture);

public sealed class CloudbedsLiveAvailability(CloudbedsLiveFixture fixture) : AvailabilityContractTests<CloudbedsLiveFixture>(fixture);

public sealed class CloudbedsLiveQuotes(CloudbedsLiveFixture fixture) : QuoteContractTests<CloudbedsLiveFixture>(fixture);

public sealed class CloudbedsLiveReservations(CloudbedsLiveFixture fixture) : ReservationContractTests<CloudbedsLiveFixture>(fixture);

public sealed class CloudbedsLiveReservationLists(CloudbedsLiveFixture fixture) : ReservationListContractTests<CloudbedsLiveFixture>(fixture);

public sealed class CloudbedsLiveGuests(CloudbedsLiveFixture fixture) : GuestContractTests<CloudbedsLiveFixture>(fixture);

public sealed class CloudbedsLiveServices(CloudbedsLiveFixture fixture) : ServiceContractTests<CloudbedsLiveFixture>(fixture);

public sealed class CloudbedsLiveEvents(CloudbedsLiveFixture fixture) : EventContractTests<CloudbedsLiveFixture>(fixture);

public sealed class CloudbedsLiveResilience(CloudbedsLiveFixture fixture) : ResilienceContractTests<CloudbedsLiveFixture>(fixture);

public sealed class CloudbedsLiveArgumentValidation(CloudbedsLiveFixture fixture) : ArgumentValidationContractTests<CloudbedsLiveFixture>(fixture);

public sealed class CloudbedsLiveKitCompleteness(CloudbedsLiveFixture fixture) : ContractKitCompletenessTests<CloudbedsLiveFixture>(fixture);
