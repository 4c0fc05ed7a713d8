using HotelPlatform.Connectors.ContractTests;
using HotelPlatform.Connectors.ContractTests.Live;
using Xunit.Sdk;

namespace HotelPlatform.Connectors.LiveSandbox.Tests.Mews;

/// <summary>
/// The kit against a live Mews enterprise: HOTELPLATFORM_LIVE_MEWS_PROPERTYID (the enterprise id), _CLIENTTOKEN,
/// _ACCESSTOKEN, _BASEADDRESS (Mews' demo environment for a sandbox), _ROOMTYPE (a resource category id) and _RATEPLAN
/// (a rate id). `.ci/run` points them at the Mews simulator run out of process; without them every test is skipped
/// with the variables named.
/// </summary>
public class MewsLiveFixture : LivePmsContractFixture
{
    /// <inheritdoc />
    protected override string Vendor => PmsVendors.Mews;

    /// <inheritdoc />
    protected override IReadOnlyList<string> RequiredHotelSettings { get; } = ["PropertyId", "ClientToken", "AccessToken"];

    /// <inheritdoc />
    public override string? ExplainMissingCapabilities(ConnectorCapabilities missing) =>
        "Mews has no idempotency key, no note changes after booking and no phone search (see docs/connectors/mews.md)";

    /// <inheritdoc />
    protected override void AddVendor(IPmsConnectorsBuilder connectors) => connectors.AddMewsVendor();
}

public sealed class MewsLiveInventory(MewsLiveFixture fixture) : InventoryContractTests<MewsLiveFixture>(fixture);

public sealed class MewsLiveAvailability(MewsLiveFixture fixture) : AvailabilityContractTests<MewsLiveFixture>(fixture);

public sealed class MewsLiveQuotes(MewsLiveFixture fixture) : QuoteContractTests<MewsLiveFixture>(fixture);

public sealed class MewsLiveReservations(MewsLiveFixture fixture) : ReservationContractTests<MewsLiveFixture>(fixture)
{
    // The Mews facts the kit cannot see, as in the simulator run (tests/HotelPlatform.Connectors.Mews.Tests/Kit).
    public override Task Modifying_guest_details_and_comment_keeps_the_stay() =>
        throw SkipException.ForSkip("Mews cannot change a reservation's notes after it is added: reservations/update has no Notes member (docs/connectors/mews.md).");
}

public sealed class MewsLiveReservationLists(MewsLiveFixture fixture) : ReservationListContractTests<MewsLiveFixture>(fixture);

public sealed class MewsLiveGuests(MewsLiveFixture fixture) : GuestContractTests<MewsLiveFixture>(fixture)
{
    public override Task Consents_are_stored_with_the_profile() =>
        throw SkipException.ForSkip("The test stores GuestConsents.Newsletter, and Mews' customer options have no newsletter consent (only SendMarketingEmails, mapped to MarketingEmail; docs/connectors/mews.md).");
}

public sealed class MewsLiveServices(MewsLiveFixture fixture) : ServiceContractTests<MewsLiveFixture>(fixture);

public sealed class MewsLiveEvents(MewsLiveFixture fixture) : EventContractTests<MewsLiveFixture>(fixture);

public sealed class MewsLiveResilience(MewsLiveFixture fixture) : ResilienceContractTests<MewsLiveFixture>(fixture);

public sealed class MewsLiveArgumentValidation(MewsLiveFixture fixture) : ArgumentValidationContractTests<MewsLiveFixture>(fixture);

public sealed class MewsLiveKitCompleteness(MewsLiveFixture fixture) : ContractKitCompletenessTests<MewsLiveFixture>(fixture);
