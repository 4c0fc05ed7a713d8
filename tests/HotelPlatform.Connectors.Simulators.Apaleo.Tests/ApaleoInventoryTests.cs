using System.Net;
using System.Text.Json.Nodes;

namespace HotelPlatform.Connectors.Simulators.Apaleo.Tests;

public sealed class ApaleoInventoryTests : ApaleoTestBase
{
    [Fact]
    public async Task The_property_list_and_the_property_carry_every_required_member_with_texts_as_string_and_as_language_object()
    {
        using HttpResponseMessage listResponse = await GetAsync("/inventory/v1/properties?status=Test&countryCode=DE&pageSize=10");
        using HttpResponseMessage oneResponse = await GetAsync($"/inventory/v1/properties/{Scenario.PropertyId}?languages=en");

        JsonNode list = await ReadJsonAsync(listResponse);
        JsonNode item = Assert.Single(list["properties"]!.AsArray())!;
        Assert.Equal(1, list["count"]!.GetValue<int>());
        Assert.Equal("BER", item["id"]!.GetValue<string>());
        Assert.Equal("Simulator Hotel Berlin", item["name"]!.GetValue<string>());
        Assert.Equal("Europe/Berlin", item["timeZone"]!.GetValue<string>());
        Assert.Equal("EUR", item["currencyCode"]!.GetValue<string>());
        foreach (string member in new[] { "code", "companyName", "commercialRegisterEntry", "taxId", "location", "paymentTerms", "created", "status", "isArchived", "isTemplate" })
        {
            Assert.NotNull(item[member]);
        }

        JsonNode property = await ReadJsonAsync(oneResponse);
        Assert.Equal("Simulator Hotel Berlin", property["name"]!["en"]!.GetValue<string>());
        Assert.Null(property["paymentTerms"]!["de"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$", property["created"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_property_is_404_without_a_body_and_a_filter_that_matches_nothing_is_204()
    {
        using HttpResponseMessage unknown = await GetAsync("/inventory/v1/properties/MUC");
        using HttpResponseMessage none = await GetAsync("/inventory/v1/properties?status=Live");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Empty(await unknown.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.NoContent, none.StatusCode);
        Assert.Empty(Apaleo.ValidationFailures);
    }

    [Fact]
    public async Task Unit_groups_are_listed_with_unit_counts_and_paged_with_204_past_the_last_page()
    {
        using HttpResponseMessage first = await GetAsync($"/inventory/v1/unit-groups?propertyId={Scenario.PropertyId}&pageNumber=1&pageSize=2");
        using HttpResponseMessage second = await GetAsync($"/inventory/v1/unit-groups?propertyId={Scenario.PropertyId}&pageNumber=2&pageSize=2");
        using HttpResponseMessage third = await GetAsync($"/inventory/v1/unit-groups?propertyId={Scenario.PropertyId}&pageNumber=3&pageSize=2");

        JsonNode page1 = await ReadJsonAsync(first);
        JsonNode page2 = await ReadJsonAsync(second);
        Assert.Equal(["BER-SGL", "BER-DBL"], page1["unitGroups"]!.AsArray().Select(g => g!["id"]!.GetValue<string>()));
        Assert.Equal(["BER-STE"], page2["unitGroups"]!.AsArray().Select(g => g!["id"]!.GetValue<string>()));
        Assert.Equal(3, page1["count"]!.GetValue<int>());
        Assert.Equal(3, page1["unitGroups"]![0]!["memberCount"]!.GetValue<int>());
        Assert.Equal("BedRoom", page1["unitGroups"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("BER", page1["unitGroups"]![0]!["property"]!["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, third.StatusCode);
    }

    [Fact]
    public async Task A_unit_group_is_read_by_id_and_an_unknown_one_is_404()
    {
        using HttpResponseMessage found = await GetAsync($"/inventory/v1/unit-groups/{Scenario.MainUnitGroupId}");
        using HttpResponseMessage missing = await GetAsync("/inventory/v1/unit-groups/BER-XXL");

        JsonNode group = await ReadJsonAsync(found);
        Assert.Equal("Double Room", group["name"]!["en"]!.GetValue<string>());
        Assert.Equal(2, group["maxPersons"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData("/inventory/v1/unit-groups?propertyId=BER&pageSize=201", "query:pageSize")]
    [InlineData("/inventory/v1/unit-groups?propertyId=BER&pageNumber=0", "query:pageNumber")]
    [InlineData("/inventory/v1/unit-groups?propertyId=BER&unitGroupTypes=BedRoom,Castle", "query:unitGroupTypes")]
    [InlineData("/inventory/v1/unit-groups?property=BER", "query:property")]
    [InlineData("/inventory/v1/unit-groups?propertyId=BER&expand=rooms", "query:expand")]
    [InlineData("/inventory/v1/properties?includeArchived=True", "query:includeArchived")]
    public async Task Undocumented_parameters_and_values_are_refused_loudly(string pathAndQuery, string member)
    {
        using HttpResponseMessage response = await GetAsync(pathAndQuery);

        await AssertRefusedAsync(response, member);
    }

    [Fact]
    public async Task Rate_plans_come_one_flexible_and_one_non_refundable_per_unit_group_with_policies_and_every_required_member()
    {
        using HttpResponseMessage response = await GetAsync($"/rateplan/v1/rate-plans?propertyId={Scenario.PropertyId}&unitGroupIds={Scenario.MainUnitGroupId}&expand=cancellationPolicy,unitGroup");

        JsonNode body = await ReadJsonAsync(response);
        JsonArray plans = body["ratePlans"]!.AsArray();
        Assert.Equal([Scenario.FlexibleRatePlanId, Scenario.NonRefundableRatePlanId], plans.Select(p => p!["id"]!.GetValue<string>()));
        JsonNode flexible = plans[0]!;
        Assert.Equal("PM6Hold", flexible["minGuaranteeType"]!.GetValue<string>());
        Assert.Equal("BER-FLEX", flexible["cancellationPolicy"]!["id"]!.GetValue<string>());
        Assert.Equal("Prepayment", plans[1]!["minGuaranteeType"]!.GetValue<string>());
        Assert.Equal("BER-NONREF", plans[1]!["cancellationPolicy"]!["id"]!.GetValue<string>());
        Assert.Equal("OverNight", flexible["timeSliceDefinition"]!["template"]!.GetValue<string>());
        Assert.Equal("17:00:00", flexible["timeSliceDefinition"]!["checkInTime"]!.GetValue<string>());
        foreach (string member in new[] { "accountingConfigs", "channelCodes", "code", "derivationLevel", "description", "isBookable", "isDerived", "isSubjectToCityTax", "name", "noShowPolicy", "property", "unitGroup" })
        {
            Assert.NotNull(flexible[member]);
        }

        Assert.Equal(6, (await ReadJsonAsync(await GetAsync("/rateplan/v1/rate-plans")))["count"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NoContent, (await GetAsync("/rateplan/v1/rate-plans?isDerived=true")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await GetAsync("/rateplan/v1/rate-plans?channelCodes=Expedia")).StatusCode);
        Assert.Equal(3, (await ReadJsonAsync(await GetAsync("/rateplan/v1/rate-plans?minGuaranteeTypes=Prepayment")))["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_services_catalogue_lists_breakfast_per_person_and_parking_per_room()
    {
        using HttpResponseMessage response = await GetAsync($"/rateplan/v1/services?propertyId={Scenario.PropertyId}&onlySoldAsExtras=true&channelCodes=Direct");
        using HttpResponseMessage food = await GetAsync("/rateplan/v1/services?serviceTypes=FoodAndBeverages");

        JsonNode body = await ReadJsonAsync(response);
        JsonNode breakfast = body["services"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == Scenario.BreakfastServiceId)!;
        Assert.Equal("Person", breakfast["pricingUnit"]!.GetValue<string>());
        Assert.True(breakfast["postNextDay"]!.GetValue<bool>());
        Assert.Equal(19.5m, breakfast["defaultGrossPrice"]!["amount"]!.GetValue<decimal>());
        Assert.Equal("Normal", breakfast["vatType"]!.GetValue<string>());
        Assert.Equal("Daily", breakfast["availability"]!["mode"]!.GetValue<string>());
        Assert.Equal([Scenario.BreakfastServiceId], (await ReadJsonAsync(food))["services"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));
    }
}
