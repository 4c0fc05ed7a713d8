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
}
