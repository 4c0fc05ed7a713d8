using System.Net;
using System.Text.Json.Nodes;

namespace HotelPlatform.Connectors.Simulators.Apaleo.Tests;

public sealed class ApaleoReservationQueryTests : ApaleoTestBase
{
    /// <summary>A day at the property as Apaleo's date filters take it: local midnight to the next, with the offset.</summary>
    private static string Day(DateOnly date) => $"from={D(date)}T00:00:00%2B01:00&to={D(date.AddDays(1))}T00:00:00%2B01:00";

    private async Task<List<string>> IdsAsync(string query)
    {
        using HttpResponseMessage response = await GetAsync("/booking/v1/reservations?" + query);
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return [];
        }

        return [.. (await ReadJsonAsync(response))["reservations"]!.AsArray().Select(r => r!["id"]!.GetValue<string>())];
    }

    [Fact]
    public async Task A_reservation_read_by_id_has_every_required_member_and_expands_on_request()
    {
        JsonNode plain = await GetReservationAsync(Scenario.KnownGuest.ReservationId);
        JsonNode expanded = await GetReservationAsync(Scenario.KnownGuest.ReservationId, "timeSlices,services,booker,assignedUnits");

        foreach (string member in new[] { "adults", "arrival", "balance", "bookingId", "cancellationFee", "channelCode", "created", "departure", "guaranteeType", "hasCityTax", "id", "modified", "noShowFee", "payableAmount", "property", "ratePlan", "status", "taxDetails", "totalGrossAmount", "unitGroup" })
        {
            Assert.True(plain[member] is not null, $"'{member}' is missing");
        }

        Assert.Null(plain["timeSlices"]);
        Assert.Null(plain["booker"]);
        Assert.Equal("Lovelace", plain["primaryGuest"]!["lastName"]!.GetValue<string>());
        Assert.Equal(Scenario.KnownGuest.Email, plain["primaryGuest"]!["email"]!.GetValue<string>());
        Assert.Equal("2025-03-03T17:00:00+01:00", plain["arrival"]!.GetValue<string>());
        Assert.Equal("2025-03-05T11:00:00+01:00", plain["departure"]!.GetValue<string>());
        Assert.Equal(2, expanded["timeSlices"]!.AsArray().Count);
        Assert.Equal(D(Today), expanded["timeSlices"]![0]!["serviceDate"]!.GetValue<string>());
        Assert.Equal(Scenario.BreakfastServiceId, expanded["services"]![0]!["service"]!["id"]!.GetValue<string>());
        Assert.Equal("Lovelace", expanded["booker"]!["lastName"]!.GetValue<string>());
        Assert.Null(expanded["assignedUnits"]);
    }

    [Fact]
    public async Task An_unknown_reservation_is_404_and_an_unknown_expansion_is_refused()
    {
        using HttpResponseMessage missing = await GetAsync("/booking/v1/reservations/NOPE-1");
        using HttpResponseMessage badExpand = await GetAsync($"/booking/v1/reservations/{Scenario.KnownGuest.ReservationId}?expand=folios");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Empty(await missing.Content.ReadAsStringAsync(Ct));
        await AssertRefusedAsync(badExpand, "query:expand");
    }

    [Fact]
    public async Task Arrivals_departures_and_in_house_are_found_by_date_filter_and_status_in_the_property_day()
    {
        List<string> arrivals = await IdsAsync($"propertyIds=BER&dateFilter=Arrival&{Day(Today)}&status=Confirmed,InHouse,CheckedOut,NoShow");
        List<string> departuresTomorrow = await IdsAsync($"propertyIds=BER&dateFilter=Departure&{Day(Today.AddDays(1))}");
        List<string> inHouse = await IdsAsync($"propertyIds=BER&status=InHouse");
        List<string> staying = await IdsAsync($"propertyIds=BER&dateFilter=Stay&from={D(Today.AddDays(1))}T00:00:00%2B01:00&to={D(Today.AddDays(1))}T00:00:01%2B01:00&status=Confirmed,InHouse,CheckedOut");

        Assert.Equal([Scenario.KnownGuest.ReservationId], arrivals);
        Assert.Equal([Scenario.InHouseGuest.ReservationId], departuresTomorrow);
        Assert.Equal([Scenario.InHouseGuest.ReservationId], inHouse);
        Assert.Equal([Scenario.KnownGuest.ReservationId, Scenario.InHouseGuest.ReservationId], staying);
    }

    [Fact]
    public async Task Changed_since_lists_what_was_modified_at_or_after_the_instant_on_the_simulator_clock()
    {
        DateTimeOffset since = Clock.GetUtcNow();
        string booked = await BookAsync(Today.AddDays(5), Today.AddDays(6));
        Clock.Advance(TimeSpan.FromMinutes(10));
        DateTimeOffset later = Clock.GetUtcNow();
        using HttpResponseMessage patch = await SendAsync(HttpMethod.Patch, $"/booking/v1/reservations/{Scenario.KnownGuest.ReservationId}", """[{"op":"add","path":"/comment","value":"VIP"}]""");

        List<string> changedSince = await IdsAsync($"dateFilter=Modification&from={since:yyyy-MM-ddTHH:mm:ss}Z");
        List<string> changedLater = await IdsAsync($"dateFilter=Modification&from={later:yyyy-MM-ddTHH:mm:ss}Z");

        Assert.Equal(HttpStatusCode.NoContent, patch.StatusCode);
        Assert.Equal(2, changedSince.Count);
        Assert.Contains(booked, changedSince);
        Assert.Contains(Scenario.KnownGuest.ReservationId, changedSince);
        Assert.Equal([Scenario.KnownGuest.ReservationId], changedLater);
    }

    [Fact]
    public async Task The_known_guest_is_found_by_text_search_and_external_codes_by_prefix()
    {
        Assert.Equal([Scenario.KnownGuest.ReservationId], await IdsAsync("textSearch=lovelace"));
        Assert.Equal([Scenario.KnownGuest.ReservationId], await IdsAsync($"textSearch={Uri.EscapeDataString(Scenario.KnownGuest.Email.ToUpperInvariant())}"));
        Assert.Equal(Scenario.SoldOutReservationIds, await IdsAsync("externalCode=BDC-"));
        Assert.Equal([Scenario.SoldOutReservationIds[0]], await IdsAsync("externalCode=BDC-4711"));
        Assert.Empty(await IdsAsync("textSearch=nobody"));
    }

    [Fact]
    public async Task The_list_pages_with_page_size_and_answers_204_on_an_empty_page_and_sorts_on_request()
    {
        List<string> all = await IdsAsync("sort=id:asc");
        using HttpResponseMessage page1 = await GetAsync("/booking/v1/reservations?sort=id:asc&pageNumber=1&pageSize=2");
        using HttpResponseMessage page3 = await GetAsync("/booking/v1/reservations?sort=id:asc&pageNumber=3&pageSize=2");
        using HttpResponseMessage page4 = await GetAsync("/booking/v1/reservations?sort=id:asc&pageNumber=4&pageSize=2");
        List<string> byLastName = await IdsAsync("sort=lastname:desc");

        Assert.Equal(all.Order(StringComparer.Ordinal), all);
        JsonNode first = await ReadJsonAsync(page1);
        Assert.Equal(all.Take(2), first["reservations"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
        Assert.Equal(5, first["count"]!.GetValue<int>());
        Assert.Null(first["reservations"]![0]!["taxDetails"]);
        Assert.Equal(all.Skip(4), (await ReadJsonAsync(page3))["reservations"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NoContent, page4.StatusCode);
        Assert.Equal("Turing", Apaleo.FindReservation(byLastName[0])!.LastName);
    }

    [Fact]
    public async Task Date_filters_need_from_or_to_and_an_interval_that_is_not_reversed()
    {
        using HttpResponseMessage noBounds = await GetAsync("/booking/v1/reservations?dateFilter=Arrival");
        using HttpResponseMessage noFilter = await GetAsync($"/booking/v1/reservations?{Day(Today)}");
        using HttpResponseMessage reversed = await GetAsync($"/booking/v1/reservations?dateFilter=Arrival&from={D(Today)}T10:00:00Z&to={D(Today)}T09:00:00Z");
        using HttpResponseMessage fraction = await GetAsync($"/booking/v1/reservations?dateFilter=Arrival&from={D(Today)}T10:00:00.123Z");
        using HttpResponseMessage noOffset = await GetAsync($"/booking/v1/reservations?dateFilter=Arrival&from={D(Today)}T10:00:00");
        using HttpResponseMessage badStatus = await GetAsync("/booking/v1/reservations?status=Cancelled");
        using HttpResponseMessage tooLarge = await GetAsync("/booking/v1/reservations?pageSize=500");

        await AssertMessagesAsync(noBounds, "at least one of 'from' and 'to'");
        await AssertMessagesAsync(noFilter, "'dateFilter'");
        await AssertMessagesAsync(reversed, "'to' must be larger than 'from'");
        await AssertRefusedAsync(fraction, "query:from");
        await AssertRefusedAsync(noOffset, "query:from");
        await AssertRefusedAsync(badStatus, "query:status");
        await AssertRefusedAsync(tooLarge, "query:pageSize");
    }
}
