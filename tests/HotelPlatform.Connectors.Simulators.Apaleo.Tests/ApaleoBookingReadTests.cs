using System.Net;
using System.Text.Json.Nodes;

namespace HotelPlatform.Connectors.Simulators.Apaleo.Tests;

/// <summary><c>GET /booking/v1/bookings/{id}</c>: booking-v1 <c>BookingModel</c>, "a booking with all its reservations".</summary>
public sealed class ApaleoBookingReadTests : ApaleoTestBase
{
    private async Task<string> CreateBookingAsync(JsonObject body)
    {
        using HttpResponseMessage response = await PostBookingAsync(body);
        return (await ReadJsonAsync(response, HttpStatusCode.Created))["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task A_booking_is_read_with_its_booker_comments_and_every_reservation()
    {
        JsonObject body = BookingBody(Today.AddDays(7), Today.AddDays(9), Scenario.FlexibleRatePlanId, lastName: "Lindqvist", externalCode: "EXT-1");
        body["comment"] = "Front desk note";
        body["bookerComment"] = "Quiet room please";
        var second = body["reservations"]![0]!.DeepClone().AsObject();
        second["externalCode"] = "EXT-2";
        body["reservations"]!.AsArray().Add(second);
        string id = await CreateBookingAsync(body);

        JsonNode booking = await ReadJsonAsync(await GetAsync($"/booking/v1/bookings/{id}"));

        Assert.Equal(id, booking["id"]!.GetValue<string>());
        Assert.Equal("Lindqvist", booking["booker"]!["lastName"]!.GetValue<string>());
        Assert.Equal("Front desk note", booking["comment"]!.GetValue<string>());
        Assert.Equal("Quiet room please", booking["bookerComment"]!.GetValue<string>());
        Assert.Equal(Start, booking["created"]!.GetValue<DateTimeOffset>());
        JsonArray reservations = booking["reservations"]!.AsArray();
        Assert.Equal([$"{id}-1", $"{id}-2"], reservations.Select(r => r!["id"]!.GetValue<string>()));
        Assert.Equal(["EXT-1", "EXT-2"], reservations.Select(r => r!["externalCode"]!.GetValue<string>()));
        JsonNode first = reservations[0]!;
        Assert.Equal("Confirmed", first["status"]!.GetValue<string>());
        Assert.Equal(Scenario.FlexibleRatePlanId, first["ratePlan"]!["id"]!.GetValue<string>());
        Assert.Equal(Scenario.PropertyId, first["property"]!["id"]!.GetValue<string>());
        Assert.NotNull(first["cancellationFee"]);
        Assert.NotNull(first["noShowFee"]);
        Assert.Equal(first["totalGrossAmount"]!.ToJsonString(), (await GetReservationAsync($"{id}-1"))["totalGrossAmount"]!.ToJsonString());
        Assert.Null(booking["propertyValues"]);
        Assert.Null(first["services"]);
        Assert.Empty(Apaleo.ValidationFailures);
    }

    [Fact]
    public async Task Property_values_and_services_are_expanded_on_request()
    {
        JsonObject body = BookingBody(Today.AddDays(7), Today.AddDays(9), Scenario.FlexibleRatePlanId);
        body["reservations"]![0]!["services"] = new JsonArray(new JsonObject { ["serviceId"] = Scenario.BreakfastServiceId });
        string id = await CreateBookingAsync(body);
        JsonNode reservation = await GetReservationAsync($"{id}-1");

        JsonNode booking = await ReadJsonAsync(await GetAsync($"/booking/v1/bookings/{id}?expand=propertyValues,services,reservations"));

        JsonNode values = Assert.Single(booking["propertyValues"]!.AsArray())!;
        Assert.Equal(Scenario.PropertyId, values["property"]!["id"]!.GetValue<string>());
        Assert.Equal(reservation["totalGrossAmount"]!["amount"]!.GetValue<decimal>(), values["totalGrossAmount"]!["amount"]!.GetValue<decimal>());
        Assert.Equal(0m, values["balance"]!["amount"]!.GetValue<decimal>());
        JsonNode service = Assert.Single(booking["reservations"]![0]!["services"]!.AsArray())!;
        Assert.Equal(Scenario.BreakfastServiceId, service["service"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_seeded_booking_is_read_from_its_reservations()
    {
        ApaleoReservationInfo known = Apaleo.FindReservation(Scenario.KnownGuest.ReservationId)!;

        JsonNode booking = await ReadJsonAsync(await GetAsync($"/booking/v1/bookings/{known.BookingId}"));

        Assert.Equal(known.Id, Assert.Single(booking["reservations"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Equal(Scenario.KnownGuest.LastName, booking["booker"]!["lastName"]!.GetValue<string>());
        Assert.Null(booking["comment"]);
    }

    [Fact]
    public async Task An_unknown_booking_is_404_without_a_body()
    {
        using HttpResponseMessage response = await GetAsync("/booking/v1/bookings/NOSUCHID");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("?expand=folios", "query:expand")]
    [InlineData("?pageSize=10", "query:pageSize")]
    public async Task An_undocumented_query_is_refused(string query, string member)
    {
        ApaleoReservationInfo known = Apaleo.FindReservation(Scenario.KnownGuest.ReservationId)!;

        using HttpResponseMessage response = await GetAsync($"/booking/v1/bookings/{known.BookingId}{query}");

        await AssertRefusedAsync(response, member);
    }

    [Fact]
    public async Task A_booking_is_read_with_a_read_scope_only()
    {
        ApaleoReservationInfo known = Apaleo.FindReservation(Scenario.KnownGuest.ReservationId)!;
        Apaleo.Tokens.RegisterClient("reader", "secret", ["reservations.read"]);
        Apaleo.Tokens.RegisterClient("stranger", "secret", ["setup.read"]);

        using HttpResponseMessage reader = await SendAsync(HttpMethod.Get, $"/booking/v1/bookings/{known.BookingId}", token: Apaleo.Tokens.IssueToken("reader").AccessToken);
        using HttpResponseMessage stranger = await SendAsync(HttpMethod.Get, $"/booking/v1/bookings/{known.BookingId}", token: Apaleo.Tokens.IssueToken("stranger").AccessToken);
        using HttpResponseMessage anonymous = await SendAsync(HttpMethod.Get, $"/booking/v1/bookings/{known.BookingId}", token: "not-a-token");

        Assert.Equal(HttpStatusCode.OK, reader.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
