namespace HotelPlatform.Connectors.ContractTests;

/// <summary>Property, room types, rate plans and the health check (<see cref="ConnectorCapabilities.Inventory"/>, <see cref="ConnectorCapabilities.RatePlans"/>).</summary>
/// <typeparam name="TFixture">The connector author's fixture.</typeparam>
/// <param name="fixture">The fixture.</param>
[ContractTestArea("Inventory", ConnectorCapabilities.Inventory | ConnectorCapabilities.RatePlans)]
public abstract class InventoryContractTests<TFixture>(TFixture fixture) : PmsContractTestBase<TFixture>(fixture)
    where TFixture : PmsContractFixture
{
    /// <inheritdoc />
    protected override int BandOffset => 0;

    /// <summary>The connector answers a health check, and it reports healthy against the fixture's PMS.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Health_check_reports_healthy()
    {
        var report = await Connector.CheckHealthAsync(TestCancellation);

        Assert.True(report.Status == PmsHealthStatus.Healthy, $"Health is {report.Status}: {report.Description}");
        Assert.Null(report.Exception);
        Assert.True(report.Duration >= TimeSpan.Zero, "The duration is not negative.");
        await VerifyRequestsAsync();
    }

    /// <summary>The property is the one the connector is bound to, with an IANA time zone and an ISO 4217 currency.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Property_is_the_bound_property_with_an_IANA_time_zone_and_a_known_currency()
    {
        RequireCapabilities(ConnectorCapabilities.Inventory);

        var property = await Connector.GetPropertyAsync(TestCancellation);

        Assert.Equal(Connector.PropertyId, property.VendorId);
        Assert.False(string.IsNullOrWhiteSpace(property.Name), "The property has a name.");
        Assert.True(
            TimeZoneInfo.TryFindSystemTimeZoneById(property.TimeZone, out var zone) && zone.HasIanaId,
            $"'{property.TimeZone}' is an IANA time zone identifier.");
        Assert.True(CurrencyCodes.IsKnown(property.Currency), $"'{property.Currency}' is an ISO 4217 currency code.");
        Assert.Equal(property.Currency.ToUpperInvariant(), property.Currency);
        await VerifyRequestsAsync();
    }

    /// <summary>Room types have distinct identifiers and names, and include the scenario's bookable room type.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Room_types_are_distinct_and_include_the_scenario_room_type()
    {
        RequireCapabilities(ConnectorCapabilities.Inventory);

        var roomTypes = await Connector.GetRoomTypesAsync(TestCancellation);

        Assert.NotEmpty(roomTypes);
        Assert.Equal(roomTypes.Count, roomTypes.Select(r => r.VendorId).Distinct(StringComparer.Ordinal).Count());
        Assert.All(roomTypes, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.VendorId), "A room type has an identifier.");
            Assert.False(string.IsNullOrWhiteSpace(r.Name), $"Room type {r.VendorId} has a name.");
            Assert.True(r.MaxOccupancy is null or >= 1, $"Room type {r.VendorId} sleeps at least one person when it says.");
            Assert.True(r.RoomCount is null or >= 0, $"Room type {r.VendorId} has no negative room count.");
        });
        Assert.Contains(roomTypes, r => r.VendorId == Scenario.RoomTypeId);
        await VerifyRequestsAsync();
    }

    /// <summary>Rate plans have distinct identifiers and names, and include the scenario's rate plan.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Rate_plans_are_distinct_and_include_the_scenario_rate_plan()
    {
        RequireCapabilities(ConnectorCapabilities.RatePlans);

        var ratePlans = await Connector.GetRatePlansAsync(TestCancellation);

        Assert.NotEmpty(ratePlans);
        Assert.Equal(ratePlans.Count, ratePlans.Select(r => r.VendorId).Distinct(StringComparer.Ordinal).Count());
        Assert.All(ratePlans, r => Assert.False(string.IsNullOrWhiteSpace(r.Name), $"Rate plan {r.VendorId} has a name."));
        var plan = Assert.Single(ratePlans, r => r.VendorId == Scenario.RatePlanId);
        Assert.True(plan.RoomTypeIds.Count == 0 || plan.RoomTypeIds.Contains(Scenario.RoomTypeId), $"Rate plan {plan.VendorId} sells room type {Scenario.RoomTypeId} when it lists what it sells.");
        await VerifyRequestsAsync();
    }

    /// <summary>What rate plans say they sell are room types of the property, and their currency is the property's.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Rate_plans_sell_room_types_of_the_property_in_its_currency()
    {
        RequireCapabilities(ConnectorCapabilities.RatePlans | ConnectorCapabilities.Inventory);

        var property = await Connector.GetPropertyAsync(TestCancellation);
        var roomTypeIds = (await Connector.GetRoomTypesAsync(TestCancellation)).Select(r => r.VendorId).ToHashSet(StringComparer.Ordinal);
        var ratePlans = await Connector.GetRatePlansAsync(TestCancellation);

        Assert.All(ratePlans, plan =>
        {
            Assert.All(plan.RoomTypeIds, id => Assert.True(roomTypeIds.Contains(id), $"Rate plan {plan.VendorId} sells room type {id}, which GetRoomTypesAsync returns."));
            Assert.True(plan.Currency is null || plan.Currency == property.Currency, $"Rate plan {plan.VendorId} is priced in {plan.Currency}, the property's currency is {property.Currency}.");
        });
        await VerifyRequestsAsync();
    }
}
