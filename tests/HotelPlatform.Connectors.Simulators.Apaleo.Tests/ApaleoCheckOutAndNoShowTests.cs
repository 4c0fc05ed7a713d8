using System.Net;
using System.Text.Json.Nodes;

namespace HotelPlatform.Connectors.Simulators.Apaleo.Tests;

/// <summary>
/// <c>PUT /booking/v1/reservation-actions/{id}/checkout</c> and <c>.../noshow</c>, with booking-v1's rules: check-out of an
/// <c>InHouse</c> reservation whose departure is not later than tomorrow; no-show of a <c>Confirmed</c> reservation whose
/// arrival date has passed. 204 on success, 404 for an unknown id, 422 <c>{"messages": [...]}</c> when a rule forbids it.
/// </summary>
public sealed class ApaleoCheckOutAndNoShowTests : ApaleoTestBase
{
    /// <summary>Moves the clock; the one-hour token has then expired, so a new one is taken.</summary>
    private void Advance(TimeSpan delta)
    {
        Clock.Advance(delta);
        Token = Apaleo.Tokens.IssueToken(ApaleoSimulatorOptions.DefaultClientId).AccessToken;
    }

    private Task<HttpResponseMessage> ActionAsync(string id, string action) =>
        SendAsync(HttpMethod.Put, $"/booking/v1/reservation-actions/{id}/{action}");

    [Fact]
    public async Task An_in_house_guest_departing_tomorrow_is_checked_out()
    {
        string inHouse = Scenario.InHouseGuest.ReservationId;

        using HttpResponseMessage response = await ActionAsync(inHouse, "checkout");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("CheckedOut", Apaleo.FindReservation(inHouse)!.Status);
        JsonNode reservation = await GetReservationAsync(inHouse);
        Assert.Equal("CheckedOut", reservation["status"]!.GetValue<string>());
        Assert.Equal(Start, reservation["checkOutTime"]!.GetValue<DateTimeOffset>());
        Assert.Equal(Start, reservation["modified"]!.GetValue<DateTimeOffset>());
        Assert.Contains(Apaleo.Events, e => e.Name == "reservation/checked-out" && e.EntityId == inHouse);
        Assert.Empty(Apaleo.ValidationFailures);
    }

    [Fact]
    public async Task Checking_out_a_stay_that_departs_after_tomorrow_is_refused_until_the_day_before_departure()
    {
        string known = Scenario.KnownGuest.ReservationId;
        Advance(TimeSpan.FromHours(9)); // 18:00 in Berlin on the arrival day: check-in is possible.
        Apaleo.CheckIn(known);

        using HttpResponseMessage early = await ActionAsync(known, "checkout");
        await AssertMessagesAsync(early, "not later than tomorrow");
        Assert.Equal("InHouse", Apaleo.FindReservation(known)!.Status);

        Advance(TimeSpan.FromDays(1));
        using HttpResponseMessage onTime = await ActionAsync(known, "checkout");
        Assert.Equal(HttpStatusCode.NoContent, onTime.StatusCode);
        Assert.Equal("CheckedOut", Apaleo.FindReservation(known)!.Status);
    }

    [Fact]
    public async Task Only_an_in_house_reservation_is_checked_out()
    {
        string known = Scenario.KnownGuest.ReservationId;

        using HttpResponseMessage confirmed = await ActionAsync(known, "checkout");
        using HttpResponseMessage unknown = await ActionAsync("NOSUCH-1", "checkout");

        await AssertMessagesAsync(confirmed, "only 'InHouse' reservations can be checked out");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Confirmed", Apaleo.FindReservation(known)!.Status);
    }

    [Fact]
    public async Task A_confirmed_reservation_whose_arrival_has_passed_is_set_to_no_show()
    {
        string known = Scenario.KnownGuest.ReservationId;

        using HttpResponseMessage onArrivalDay = await ActionAsync(known, "noshow");
        await AssertMessagesAsync(onArrivalDay, "arrival date is in the past");
        Assert.Equal("Confirmed", Apaleo.FindReservation(known)!.Status);

        Advance(TimeSpan.FromDays(1));
        using HttpResponseMessage nextDay = await ActionAsync(known, "noshow");

        Assert.Equal(HttpStatusCode.NoContent, nextDay.StatusCode);
        JsonNode reservation = await GetReservationAsync(known);
        Assert.Equal("NoShow", reservation["status"]!.GetValue<string>());
        Assert.Equal(Start.AddDays(1), reservation["noShowTime"]!.GetValue<DateTimeOffset>());
        Assert.Contains(Apaleo.Events, e => e.Name == "reservation/set-to-no-show" && e.EntityId == known);
    }

    [Fact]
    public async Task A_no_show_gives_its_room_back()
    {
        string id = await BookAsync(Today.AddDays(1), Today.AddDays(3));
        DateOnly secondNight = Today.AddDays(2);
        int sellable = Apaleo.GetSellableCount(Scenario.MainUnitGroupId, secondNight);
        Advance(TimeSpan.FromDays(2));

        using HttpResponseMessage response = await ActionAsync(id, "noshow");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(sellable + 1, Apaleo.GetSellableCount(Scenario.MainUnitGroupId, secondNight));
    }

    [Fact]
    public async Task Only_a_confirmed_reservation_is_set_to_no_show()
    {
        using HttpResponseMessage inHouse = await ActionAsync(Scenario.InHouseGuest.ReservationId, "noshow");
        using HttpResponseMessage unknown = await ActionAsync("NOSUCH-1", "noshow");

        await AssertMessagesAsync(inHouse, "only 'Confirmed' reservations can be set to no-show");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData("checkout")]
    [InlineData("noshow")]
    public async Task A_body_or_query_is_refused_because_the_action_documents_none(string action)
    {
        string inHouse = Scenario.InHouseGuest.ReservationId;

        using HttpResponseMessage withBody = await SendAsync(HttpMethod.Put, $"/booking/v1/reservation-actions/{inHouse}/{action}", "{}");
        using HttpResponseMessage withQuery = await ActionAsync($"{inHouse}", $"{action}?force=true");

        await AssertRefusedAsync(withBody, "$");
        await AssertRefusedAsync(withQuery, "query:force");
        Assert.Equal("InHouse", Apaleo.FindReservation(inHouse)!.Status);
    }

    [Fact]
    public async Task Both_actions_need_the_manage_scope()
    {
        Apaleo.Tokens.RegisterClient("reader", "secret", ["reservations.read"]);
        string token = Apaleo.Tokens.IssueToken("reader").AccessToken;

        using HttpResponseMessage checkout = await SendAsync(HttpMethod.Put, $"/booking/v1/reservation-actions/{Scenario.InHouseGuest.ReservationId}/checkout", token: token);
        using HttpResponseMessage noShow = await SendAsync(HttpMethod.Put, $"/booking/v1/reservation-actions/{Scenario.KnownGuest.ReservationId}/noshow", token: token);

        Assert.Equal(HttpStatusCode.Forbidden, checkout.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noShow.StatusCode);
        Assert.Equal("InHouse", Apaleo.FindReservation(Scenario.InHouseGuest.ReservationId)!.Status);
    }
}
