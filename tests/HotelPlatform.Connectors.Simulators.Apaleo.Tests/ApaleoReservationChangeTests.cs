using System.Net;
using System.Text.Json.Nodes;

namespace HotelPlatform.Connectors.Simulators.Apaleo.Tests;

public sealed class ApaleoReservationChangeTests : ApaleoTestBase
{
    private string Known => Scenario.KnownGuest.ReservationId;

    private Task<HttpResponseMessage> PatchAsync(string id, string json, string contentType = "application/json") =>
        SendAsync(HttpMethod.Patch, $"/booking/v1/reservations/{id}", json, contentType);

    private Task<HttpResponseMessage> ActionAsync(string id, string action, string? json = null) =>
        SendAsync(HttpMethod.Put, $"/booking/v1/reservation-actions/{id}/{action}", json);

    private static string Amendment(DateOnly arrival, DateOnly departure, string ratePlanId, int adults = 1)
    {
        var slices = new JsonArray();
        for (DateOnly night = arrival; night < departure; night = night.AddDays(1))
        {
            slices.Add(new JsonObject { ["ratePlanId"] = ratePlanId });
        }

        return new JsonObject { ["arrival"] = D(arrival), ["departure"] = D(departure), ["adults"] = adults, ["timeSlices"] = slices }.ToJsonString();
    }

    [Fact]
    public async Task A_patch_adds_replaces_and_removes_the_allowed_members_and_updates_modified()
    {
        Clock.Advance(TimeSpan.FromMinutes(5));
        using HttpResponseMessage first = await PatchAsync(Known, """
            [
              {"op":"add","path":"/comment","value":"Quiet room"},
              {"op":"add","path":"/guestComment","value":"Arrives by train"},
              {"op":"replace","path":"/primaryGuest","value":{"firstName":"Ada","lastName":"King","email":"ada.king@example.com","title":"Dr"}},
              {"op":"add","path":"/travelPurpose","value":"Business"},
              {"op":"add","path":"/additionalGuests","value":[{"firstName":"Charles","lastName":"Babbage"}]}
            ]
            """, "application/json-patch+json");
        using HttpResponseMessage second = await PatchAsync(Known, """[{"op":"remove","path":"/guestComment"},{"op":"remove","path":"/validationMessages"}]""");

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        JsonNode reservation = await GetReservationAsync(Known);
        Assert.Equal("Quiet room", reservation["comment"]!.GetValue<string>());
        Assert.Null(reservation["guestComment"]);
        Assert.Equal("King", reservation["primaryGuest"]!["lastName"]!.GetValue<string>());
        Assert.Equal("Dr", reservation["primaryGuest"]!["title"]!.GetValue<string>());
        Assert.Equal("Business", reservation["travelPurpose"]!.GetValue<string>());
        Assert.Equal("Babbage", reservation["additionalGuests"]![0]!["lastName"]!.GetValue<string>());
        Assert.Equal("2025-03-03T08:05:00+00:00", reservation["modified"]!.GetValue<string>());
        Assert.Equal(["reservation/changed", "reservation/changed"], Apaleo.Events.Select(e => e.Name));
        Assert.Empty(Apaleo.ValidationFailures);
    }

    [Theory]
    [InlineData("""{"op":"replace","path":"/status","value":"Canceled"}""", "'replace' on '/status' is not allowed")]
    [InlineData("""{"op":"add","path":"/primaryGuest","value":{"lastName":"X"}}""", "'add' on '/primaryGuest' is not allowed")]
    [InlineData("""{"op":"move","from":"/comment","path":"/guestComment"}""", "'move' on '/guestComment' is not allowed")]
    [InlineData("""{"op":"add","path":"/company/id","value":"ACME"}""", "Company 'ACME' not found.")]
    public async Task A_patch_outside_apaleos_list_is_refused_with_422_and_changes_nothing(string badOperation, string message)
    {
        using HttpResponseMessage response = await PatchAsync(Known, $$"""[{"op":"add","path":"/comment","value":"should not stick"},{{badOperation}}]""");

        await AssertMessagesAsync(response, message);
        Assert.Null((await GetReservationAsync(Known))["comment"]);
        Assert.Empty(Apaleo.Events);
    }

    [Fact]
    public async Task An_empty_patch_is_refused_with_422()
    {
        using HttpResponseMessage response = await PatchAsync(Known, "[]");

        await AssertMessagesAsync(response, "The patch has no operations.");
    }

    [Theory]
    [InlineData("""[{"op":"add","path":"/comment","value":42}]""", "$[0].value")]
    [InlineData("""[{"op":"add","path":"/comment"}]""", "$[0].value")]
    [InlineData("""[{"op":"replace","path":"/primaryGuest","value":{"firstName":"No last name"}}]""", "$[0].value.lastName")]
    [InlineData("""[{"op":"replace","path":"/primaryGuest","value":{"lastName":"X","shoeSize":44}}]""", "$[0].value.shoeSize")]
    [InlineData("""[{"op":"add","path":"/travelPurpose","value":"Pleasure"}]""", "$[0].value")]
    [InlineData("""[{"op":"upsert","path":"/comment","value":"x"}]""", "$[0].op")]
    [InlineData("""[{"path":"/comment","value":"x"}]""", "$[0].op")]
    [InlineData("""[{"op":"add","path":"comment","value":"x"}]""", "$[0].path")]
    [InlineData("""{"op":"add","path":"/comment","value":"x"}""", "$")]
    public async Task A_malformed_patch_is_refused_strictly(string patch, string member)
    {
        using HttpResponseMessage response = await PatchAsync(Known, patch);

        await AssertRefusedAsync(response, member);
    }

    [Fact]
    public async Task Patching_an_unknown_reservation_is_404_and_a_cancelled_one_is_422()
    {
        string id = await BookAsync(Today.AddDays(4), Today.AddDays(5));
        using HttpResponseMessage cancel = await ActionAsync(id, "cancel");

        using HttpResponseMessage unknown = await PatchAsync("NOPE-1", """[{"op":"add","path":"/comment","value":"x"}]""");
        using HttpResponseMessage cancelled = await PatchAsync(id, """[{"op":"add","path":"/comment","value":"x"}]""");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await AssertMessagesAsync(cancelled, "can no longer be modified");
    }

    [Fact]
    public async Task Amend_moves_the_stay_changes_the_rate_plan_and_re_checks_availability()
    {
        string id = await BookAsync(Today.AddDays(4), Today.AddDays(6));
        DateOnly newArrival = Today.AddDays(20);

        using HttpResponseMessage amended = await ActionAsync(id, "amend", Amendment(newArrival, newArrival.AddDays(3), Scenario.NonRefundableRatePlanId, adults: 2));

        Assert.Equal(HttpStatusCode.NoContent, amended.StatusCode);
        JsonNode reservation = await GetReservationAsync(id, "timeSlices");
        Assert.Equal($"{D(newArrival)}T17:00:00+01:00", reservation["arrival"]!.GetValue<string>());
        Assert.Equal(3, reservation["timeSlices"]!.AsArray().Count);
        Assert.Equal(Scenario.NonRefundableRatePlanId, reservation["ratePlan"]!["id"]!.GetValue<string>());
        Assert.Equal(2, reservation["adults"]!.GetValue<int>());
        Assert.Equal(5, Apaleo.GetSellableCount(Scenario.MainUnitGroupId, Today.AddDays(4)));
        Assert.Equal(4, Apaleo.GetSellableCount(Scenario.MainUnitGroupId, newArrival));
        Assert.Contains(Apaleo.Events, e => e.Name == "reservation/amended" && e.EntityId == id);
    }

    [Fact]
    public async Task Amend_into_a_sold_out_night_or_a_restriction_is_refused_with_422_and_the_stay_is_unchanged()
    {
        string soldOutPlan = Scenario.RatePlanIds.First(p => p.EndsWith("FLEX-SGL", StringComparison.Ordinal));
        string id = await BookAsync(Today.AddDays(4), Today.AddDays(5), soldOutPlan);
        DateOnly night = Scenario.SoldOut.Night;

        using HttpResponseMessage soldOut = await ActionAsync(id, "amend", Amendment(night, night.AddDays(1), soldOutPlan));
        using HttpResponseMessage restricted = await ActionAsync(Known, "amend", Amendment(Scenario.RestrictedArrival.Arrival, Scenario.RestrictedArrival.Arrival.AddDays(1), Scenario.FlexibleRatePlanId));
        using HttpResponseMessage unknownPlan = await ActionAsync(Known, "amend", Amendment(Today, Today.AddDays(1), "BER-NOPE"));
        using HttpResponseMessage unknown = await ActionAsync("NOPE-1", "amend", Amendment(Today, Today.AddDays(1), Scenario.FlexibleRatePlanId));
        using HttpResponseMessage malformed = await ActionAsync(Known, "amend", """{"arrival":"2025-03-10","departure":"2025-03-11","timeSlices":[]}""");

        await AssertMessagesAsync(soldOut, "fully booked");
        await AssertMessagesAsync(restricted, "minimum stay of 2 nights");
        await AssertMessagesAsync(unknownPlan, "Rate plan 'BER-NOPE' not found.");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await AssertRefusedAsync(malformed, "$.adults");
        Assert.Equal(Today.AddDays(4), Apaleo.FindReservation(id)!.Arrival);
        Assert.Equal(Today, Apaleo.FindReservation(Known)!.Arrival);
    }

    [Fact]
    public async Task Amending_a_cancelled_reservation_is_refused_and_an_in_house_one_cannot_move_its_arrival()
    {
        string id = await BookAsync(Today.AddDays(4), Today.AddDays(5));
        await ActionAsync(id, "cancel");
        string inHouse = Scenario.InHouseGuest.ReservationId;

        using HttpResponseMessage cancelled = await ActionAsync(id, "amend", Amendment(Today.AddDays(4), Today.AddDays(6), Scenario.FlexibleRatePlanId));
        using HttpResponseMessage moved = await ActionAsync(inHouse, "amend", Amendment(Today, Today.AddDays(2), Scenario.NonRefundableRatePlanId));
        using HttpResponseMessage extended = await ActionAsync(inHouse, "amend", Amendment(Today.AddDays(-1), Today.AddDays(3), Scenario.NonRefundableRatePlanId));

        await AssertMessagesAsync(cancelled, "only 'Confirmed' and 'InHouse' reservations can be amended");
        await AssertMessagesAsync(moved, "its arrival cannot change");
        Assert.Equal(HttpStatusCode.NoContent, extended.StatusCode);
        Assert.Equal(Today.AddDays(3), Apaleo.FindReservation(inHouse)!.Departure);
    }

    [Fact]
    public async Task Cancel_sets_canceled_with_its_time_and_a_second_cancel_is_refused_with_422()
    {
        string id = await BookAsync(Today.AddDays(4), Today.AddDays(5));
        Clock.Advance(TimeSpan.FromMinutes(1));

        using HttpResponseMessage first = await ActionAsync(id, "cancel");
        using HttpResponseMessage second = await ActionAsync(id, "cancel");
        using HttpResponseMessage unknown = await ActionAsync("NOPE-1", "cancel");
        using HttpResponseMessage withBody = await ActionAsync(Known, "cancel", "{}");

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        JsonNode reservation = await GetReservationAsync(id);
        Assert.Equal("Canceled", reservation["status"]!.GetValue<string>());
        Assert.Equal("2025-03-03T08:01:00+00:00", reservation["cancellationTime"]!.GetValue<string>());
        await AssertMessagesAsync(second, "only 'Confirmed' reservations can be canceled");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await AssertRefusedAsync(withBody, "$");
        Assert.Single(Apaleo.Events, e => e.Name == "reservation/canceled");
    }

    [Fact]
    public async Task A_reservation_whose_arrival_time_has_passed_cannot_be_cancelled()
    {
        Clock.Advance(TimeSpan.FromHours(9)); // 18:00 in Berlin: the known guest's arrival (17:00) has passed.

        Token = Apaleo.Tokens.IssueToken(Apaleo.ApaleoOptions.ClientId).AccessToken;
        using HttpResponseMessage response = await ActionAsync(Known, "cancel");

        await AssertMessagesAsync(response, "its arrival time has passed");
    }

    [Fact]
    public async Task Check_in_needs_a_unit_then_sets_in_house_with_the_check_in_time()
    {
        using HttpResponseMessage withoutUnit = await ActionAsync(Known, "checkin");
        using HttpResponseMessage assign = await ActionAsync(Known, "assign-unit");
        using HttpResponseMessage checkIn = await ActionAsync(Known, "checkin?withCityTax=false");
        using HttpResponseMessage again = await ActionAsync(Known, "checkin");

        await AssertMessagesAsync(withoutUnit, "has no unit assigned");
        JsonNode assigned = await ReadJsonAsync(assign);
        Assert.Equal(2, assigned["timeSlices"]!.AsArray().Count);
        string unitId = assigned["timeSlices"]![0]!["unit"]!["id"]!.GetValue<string>();
        Assert.NotEqual("BER-DBL-01", unitId); // the in-house guest has the first double room
        Assert.Equal(HttpStatusCode.NoContent, checkIn.StatusCode);
        await AssertMessagesAsync(again, "only 'Confirmed' reservations can be checked in");

        JsonNode reservation = await GetReservationAsync(Known, "assignedUnits");
        Assert.Equal("InHouse", reservation["status"]!.GetValue<string>());
        Assert.Equal("2025-03-03T08:00:00+00:00", reservation["checkInTime"]!.GetValue<string>());
        Assert.False(reservation["hasCityTax"]!.GetValue<bool>());
        Assert.Equal(unitId, reservation["unit"]!["id"]!.GetValue<string>());
        Assert.Equal(unitId, reservation["assignedUnits"]![0]!["unit"]!["id"]!.GetValue<string>());
        Assert.Equal(["reservation/unit-assigned", "reservation/checked-in"], Apaleo.Events.Select(e => e.Name));
    }

    [Fact]
    public async Task A_future_arrival_cannot_be_checked_in_and_the_public_check_in_says_why()
    {
        string id = await BookAsync(Today.AddDays(4), Today.AddDays(5));
        await ActionAsync(id, "assign-unit");

        using HttpResponseMessage early = await ActionAsync(id, "checkin");

        await AssertMessagesAsync(early, "check-in is possible from the arrival day on");
        InvalidOperationException refused = Assert.Throws<InvalidOperationException>(() => Apaleo.CheckIn(id));
        Assert.Contains("arrival day", refused.Message, StringComparison.Ordinal);
        Assert.Throws<KeyNotFoundException>(() => Apaleo.CheckIn("NOPE-1"));
        string unassigned = await BookAsync(Today.AddDays(4), Today.AddDays(5));
        Assert.Throws<InvalidOperationException>(() => Apaleo.CheckIn(unassigned));
        Assert.Null(Apaleo.FindReservation(unassigned)!.UnitId);
        Apaleo.CheckIn(Known);
        Assert.Equal("InHouse", Apaleo.FindReservation(Known)!.Status);
        Assert.Equal(2, (await ReadJsonAsync(await GetAsync("/booking/v1/reservations?status=InHouse&propertyIds=BER")))["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Services_are_listed_booked_replaced_and_removed_and_an_empty_list_is_204()
    {
        // Tuesday and Wednesday nights: no weekend surcharge.
        string id = await BookAsync(Today.AddDays(1), Today.AddDays(3), adults: 2);
        using HttpResponseMessage none = await GetAsync($"/booking/v1/reservations/{id}/services");

        using HttpResponseMessage book = await ActionAsync(id, "book-service", $$"""{"serviceId":"{{Scenario.ParkingServiceId}}"}""");
        using HttpResponseMessage breakfast = await ActionAsync(id, "book-service", $$"""{"serviceId":"{{Scenario.BreakfastServiceId}}","dates":[{"serviceDate":"{{D(Today.AddDays(2))}}","count":1}]}""");
        JsonNode list = await ReadJsonAsync(await GetAsync($"/booking/v1/reservations/{id}/services"));
        using HttpResponseMessage remove = await SendAsync(HttpMethod.Delete, $"/booking/v1/reservations/{id}/services?serviceId={Scenario.ParkingServiceId}");
        JsonNode after = await ReadJsonAsync(await GetAsync($"/booking/v1/reservations/{id}/services"));

        Assert.Equal(HttpStatusCode.NoContent, none.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, book.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, breakfast.StatusCode);
        Assert.Equal(2, list["count"]!.GetValue<int>());
        JsonNode parking = list["services"]!.AsArray().Single(s => s!["service"]!["id"]!.GetValue<string>() == Scenario.ParkingServiceId)!;
        Assert.Equal([D(Today.AddDays(1)), D(Today.AddDays(2))], parking["dates"]!.AsArray().Select(d => d!["serviceDate"]!.GetValue<string>()));
        Assert.Equal(30m, parking["totalAmount"]!["grossAmount"]!.GetValue<decimal>());
        Assert.Equal(HttpStatusCode.NoContent, remove.StatusCode);
        JsonNode onlyBreakfast = Assert.Single(after["services"]!.AsArray())!;
        Assert.Equal(19.5m, onlyBreakfast["totalAmount"]!["grossAmount"]!.GetValue<decimal>());
        Assert.Equal(2 * 119m + 19.5m, (await GetReservationAsync(id))["totalGrossAmount"]!["amount"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Booking_a_service_outside_the_stay_or_an_unknown_one_is_422_and_a_malformed_one_is_refused()
    {
        using HttpResponseMessage outside = await ActionAsync(Known, "book-service", $$"""{"serviceId":"{{Scenario.ParkingServiceId}}","dates":[{"serviceDate":"{{D(Today.AddDays(9))}}"}]}""");
        using HttpResponseMessage unknown = await ActionAsync(Known, "book-service", """{"serviceId":"BER-SPA"}""");
        using HttpResponseMessage notBooked = await SendAsync(HttpMethod.Delete, $"/booking/v1/reservations/{Known}/services?serviceId={Scenario.ParkingServiceId}");
        using HttpResponseMessage missingId = await SendAsync(HttpMethod.Delete, $"/booking/v1/reservations/{Known}/services");
        using HttpResponseMessage malformed = await ActionAsync(Known, "book-service", """{"service":"BER-PARK"}""");
        using HttpResponseMessage unknownReservation = await GetAsync("/booking/v1/reservations/NOPE-1/services");

        await AssertMessagesAsync(outside, "cannot be delivered on");
        await AssertMessagesAsync(unknown, "Service 'BER-SPA' not found.");
        await AssertMessagesAsync(notBooked, "is not booked on reservation");
        await AssertRefusedAsync(missingId, "query:serviceId");
        await AssertRefusedAsync(malformed, "$.service");
        Assert.Equal(HttpStatusCode.NotFound, unknownReservation.StatusCode);
    }

    [Fact]
    public async Task Service_offers_for_a_reservation_follow_its_stay_and_an_unknown_reservation_is_404()
    {
        JsonNode offers = await ReadJsonAsync(await GetAsync($"/booking/v1/reservations/{Known}/service-offers"));
        using HttpResponseMessage unknown = await GetAsync("/booking/v1/reservations/NOPE-1/service-offers");

        JsonNode breakfast = offers["services"]!.AsArray().Single(s => s!["service"]!["id"]!.GetValue<string>() == Scenario.BreakfastServiceId)!;
        Assert.Equal([D(Today.AddDays(1)), D(Today.AddDays(2))], breakfast["dates"]!.AsArray().Select(d => d!["serviceDate"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
