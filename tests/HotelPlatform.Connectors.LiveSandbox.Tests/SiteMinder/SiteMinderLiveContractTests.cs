using HotelPlatform.Connectors.ContractTests;
using HotelPlatform.Connectors.ContractTests.Live;

namespace HotelPlatform.Connectors.LiveSandbox.Tests.SiteMinder;

/// <summary>
/// The kit against a live pmsXchange account: HOTELPLATFORM_LIVE_SITEMINDER_PROPERTYID (the hotel code),
/// _REQUESTORID, _USERNAME, _PASSWORD and _BASEADDRESS (SiteMinder's pre-production endpoint by default). pmsXchange
/// cannot book, read or list reservations, so no room type or rate plan is asked for and only the health check and
/// completeness run; `.ci/run` points the variables at the SiteMinder simulator run out of process.
/// </summary>
public class SiteMinderLiveFixture : LivePmsContractFixture
{
    /// <inheritdoc />
    protected override string Vendor => PmsVendors.SiteMinder;

    /// <inheritdoc />
    protected override IReadOnlyList<string> RequiredHotelSettings { get; } = ["PropertyId", "RequestorId", "Username", "Password"];

    /// <inheritdoc />
    protected override bool BooksReservations => false;

    /// <inheritdoc />
    public override string? ExplainMissingCapabilities(ConnectorCapabilities missing) =>
        "pmsXchange is a channel manager's PMS interface: reservations arrive as events (pulled or pushed), and booking, reading, listing, quoting and guest profiles are not part of it (see docs/connectors/siteminder.md)";

    /// <inheritdoc />
    protected override void AddVendor(IPmsConnectorsBuilder connectors) => connectors.AddSiteMinderVendor();
}

public sealed class SiteMinderLiveInventory(SiteMinderLiveFixture fixture) : InventoryContractTests<SiteMinderLiveFixture>(fixture);

public sealed class SiteMinderLiveAvailability(SiteMinderLiveFixture fixture) : AvailabilityContractTests<SiteMinderLiveFixture>(fixture);

public sealed class SiteMinderLiveQuotes(SiteMinderLiveFixture fixture) : QuoteContractTests<SiteMinderLiveFixture>(fixture);

public sealed class SiteMinderLiveReservations(SiteMinderLiveFixture fixture) : ReservationContractTests<SiteMinderLiveFixture>(fixture);

public sealed class SiteMinderLiveReservationLists(SiteMinderLiveFixture fixture) : ReservationListContractTests<SiteMinderLiveFixture>(fixture);

public sealed class SiteMinderLiveGuests(SiteMinderLiveFixture fixture) : GuestContractTests<SiteMinderLiveFixture>(fixture);

public sealed class SiteMinderLiveServices(SiteMinderLiveFixture fixture) : ServiceContractTests<SiteMinderLiveFixture>(fixture);

public sealed class SiteMinderLiveEvents(SiteMinderLiveFixture fixture) : EventContractTests<SiteMinderLiveFixture>(fixture);

public sealed class SiteMinderLiveResilience(SiteMinderLiveFixture fixture) : ResilienceContractTests<SiteMinderLiveFixture>(fixture);

public sealed class SiteMinderLiveArgumentValidation(SiteMinderLiveFixture fixture) : ArgumentValidationContractTests<SiteMinderLiveFixture>(fixture);

public sealed class SiteMinderLiveKitCompleteness(SiteMinderLiveFixture fixture) : ContractKitCompletenessTests<SiteMinderLiveFixture>(fixture);
