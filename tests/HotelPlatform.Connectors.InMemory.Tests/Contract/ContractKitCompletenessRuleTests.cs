using HotelPlatform.Connectors.ContractTests;

namespace HotelPlatform.Connectors.InMemory.Tests.Contract;

public sealed class ContractKitCompletenessRuleTests
{
    private static readonly Type[] AllAreas =
    [
        typeof(InMemoryInventoryContractTests), typeof(InMemoryAvailabilityContractTests), typeof(InMemoryQuoteContractTests),
        typeof(InMemoryReservationContractTests), typeof(InMemoryReservationListContractTests), typeof(InMemoryGuestContractTests),
        typeof(InMemoryServiceContractTests), typeof(InMemoryArgumentValidationContractTests), typeof(InMemoryEventContractTests),
        typeof(InMemoryResilienceContractTests),
    ];

    [Fact]
    public void The_kit_has_the_areas_a_connector_author_expects()
    {
        Assert.Equal(
            new[] { "ArgumentValidation", "Availability", "Event", "Guest", "Inventory", "Quote", "Reservation", "ReservationList", "Resilience", "Service" },
            ContractKit.Areas.Select(a => a.Name));
        Assert.All(ContractKit.Areas, a => Assert.True(a.TestClass.IsAbstract && a.TestClass.IsGenericTypeDefinition, $"{a.ClassName} is an abstract generic base."));
    }

    [Fact]
    public void Every_test_of_the_kit_is_virtual_so_a_vendor_can_override_it()
    {
        var tests = ContractKit.Areas
            .SelectMany(a => a.TestClass.GetMethods())
            .Where(m => m.GetCustomAttributes(typeof(FactAttribute), inherit: true).Length > 0)
            .ToList();

        Assert.True(tests.Count > 80, $"The kit has {tests.Count} tests.");
        Assert.All(tests, m => Assert.True(m.IsVirtual && !m.IsFinal, $"{m.DeclaringType?.Name}.{m.Name} is virtual."));
    }

    [Fact]
    public void A_run_with_every_area_is_complete()
    {
        Assert.Empty(ContractKit.FindGaps(AllAreas, ConnectorCapabilities.All, [], "F"));
    }

    [Fact]
    public void A_missing_area_whose_capability_is_declared_is_a_gap_with_the_fix()
    {
        var gaps = ContractKit.FindGaps(AllAreas.Where(t => t != typeof(InMemoryGuestContractTests)), ConnectorCapabilities.All, [], "MyFixture");

        var gap = Assert.Single(gaps);
        Assert.Contains("GuestContractTests<>", gap, StringComparison.Ordinal);
        Assert.Contains("SearchGuests, GuestProfiles, UpsertGuest", gap, StringComparison.Ordinal);
        Assert.Contains("GuestContractTests<MyFixture>(fixture)", gap, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_area_whose_capabilities_are_not_declared_is_not_a_gap()
    {
        var gaps = ContractKit.FindGaps(AllAreas.Where(t => t != typeof(InMemoryGuestContractTests)), ConnectorCapabilities.All & ~(ConnectorCapabilities.SearchGuests | ConnectorCapabilities.GuestProfiles | ConnectorCapabilities.UpsertGuest), [], "F");

        Assert.Empty(gaps);
    }

    [Fact]
    public void Argument_validation_and_resilience_are_required_of_every_connector()
    {
        var gaps = ContractKit.FindGaps([], ConnectorCapabilities.None, [], "F");

        Assert.Equal(2, gaps.Count);
        Assert.Contains(gaps, g => g.Contains("ArgumentValidationContractTests<>", StringComparison.Ordinal));
        Assert.Contains(gaps, g => g.Contains("ResilienceContractTests<>", StringComparison.Ordinal) && g.Contains("every connector runs it", StringComparison.Ordinal));
    }

    [Fact]
    public void Events_are_required_of_a_connector_that_declares_webhooks()
    {
        var gaps = ContractKit.FindGaps(AllAreas.Where(t => t != typeof(InMemoryEventContractTests)), ConnectorCapabilities.All, [], "MyFixture");
        var withoutWebhooks = ContractKit.FindGaps(AllAreas.Where(t => t != typeof(InMemoryEventContractTests)), ConnectorCapabilities.All & ~ConnectorCapabilities.Webhooks, [], "MyFixture");

        var gap = Assert.Single(gaps);
        Assert.Contains("declares Webhooks", gap, StringComparison.Ordinal);
        Assert.Contains("EventContractTests<MyFixture>(fixture)", gap, StringComparison.Ordinal);
        Assert.Empty(withoutWebhooks);
    }

    [Fact]
    public void An_opt_out_with_a_reason_closes_the_gap()
    {
        var gaps = ContractKit.FindGaps(
            AllAreas.Where(t => t != typeof(InMemoryServiceContractTests)),
            ConnectorCapabilities.All,
            [new ContractKitOptOutAttribute(typeof(ServiceContractTests<>), "The sandbox has no extras configured.")],
            "F");

        Assert.Empty(gaps);
    }

    [Fact]
    public void Unsound_opt_outs_are_gaps()
    {
        var gaps = ContractKit.FindGaps(
            AllAreas.Where(t => t != typeof(InMemoryServiceContractTests)),
            ConnectorCapabilities.All,
            [
                new ContractKitOptOutAttribute(typeof(ServiceContractTests<>), " "),
                new ContractKitOptOutAttribute(typeof(GuestContractTests<>), "Implemented anyway."),
                new ContractKitOptOutAttribute(typeof(string), "Not an area."),
            ],
            "F");

        Assert.Equal(3, gaps.Count);
        Assert.Contains(gaps, g => g.Contains("gives no reason", StringComparison.Ordinal));
        Assert.Contains(gaps, g => g.Contains("also implemented", StringComparison.Ordinal));
        Assert.Contains(gaps, g => g.Contains("names no kit area", StringComparison.Ordinal));
    }

    [Fact]
    public void Abstract_intermediate_classes_do_not_count_as_implementations()
    {
        Assert.NotEmpty(ContractKit.FindGaps(
            [typeof(IntermediateGuestTests), typeof(InMemoryResilienceContractTests)],
            ConnectorCapabilities.SearchGuests,
            [new ContractKitOptOutAttribute(typeof(ArgumentValidationContractTests<>), "n/a")],
            "F"));
    }

    public abstract class IntermediateGuestTests(InMemoryContractFixture fixture) : GuestContractTests<InMemoryContractFixture>(fixture);

    private static readonly ContractKitArea FolioArea = new(typeof(FolioContractTests<>), "Folio", ConnectorCapabilities.None) { Feature = typeof(IFolios) };

    [Fact]
    public void A_feature_the_connector_offers_through_GetService_requires_its_area_with_the_fix()
    {
        var connector = new FeatureConnector(TestHotel.Create().Connector, new Folios());

        var gap = Assert.Single(ContractKit.FindGaps([.. ContractKit.Areas, FolioArea], AllAreas, connector, [], "MyFixture"));

        Assert.Contains("No test class derives from FolioContractTests<>", gap, StringComparison.Ordinal);
        Assert.Contains("the connector offers folios (GetService returns its IFolios)", gap, StringComparison.Ordinal);
        Assert.Contains("FolioContractTests<MyFixture>(fixture)", gap, StringComparison.Ordinal);
    }

    [Fact]
    public void A_feature_area_is_satisfied_by_a_subclass_and_not_required_of_a_connector_without_the_feature()
    {
        var withFeature = new FeatureConnector(TestHotel.Create().Connector, new Folios());
        var withoutFeature = TestHotel.Create().Connector;

        Assert.Empty(ContractKit.FindGaps([.. ContractKit.Areas, FolioArea], [.. AllAreas, typeof(InMemoryFolioTests)], withFeature, [], "F"));
        Assert.Empty(ContractKit.FindGaps([.. ContractKit.Areas, FolioArea], AllAreas, withoutFeature, [], "F"));
        Assert.False(FolioArea.IsRequiredFor(ConnectorCapabilities.All), "Capabilities alone cannot require a feature area.");
    }

    [Fact]
    public void The_connector_overload_still_requires_the_areas_of_declared_capabilities()
    {
        var gaps = ContractKit.FindGaps(AllAreas.Where(t => t != typeof(InMemoryGuestContractTests)), TestHotel.Create().Connector, [], "F");

        Assert.Contains("GuestContractTests<>", Assert.Single(gaps), StringComparison.Ordinal);
    }

    [PmsFeature("folios")]
    public interface IFolios;

    private sealed class Folios : IFolios;

    /// <summary>A feature area as a vendor package (or a later kit) would declare it.</summary>
    [ContractTestArea("Folio", ConnectorCapabilities.None, Feature = typeof(IFolios))]
    public abstract class FolioContractTests<TFixture>
        where TFixture : PmsContractFixture;

    public sealed class InMemoryFolioTests : FolioContractTests<InMemoryContractFixture>;

    private sealed class FeatureConnector(IPmsConnector inner, object feature) : DelegatingPmsConnector(inner)
    {
        public override object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceKey is null && serviceType.IsInstanceOfType(feature) ? feature : base.GetService(serviceType, serviceKey);
    }
}
