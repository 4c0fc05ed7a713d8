using System.Net;

namespace HotelPlatform.Connectors.Simulators.Apaleo.Tests;

/// <summary>
/// A body in another media type than JSON is answered as Apaleo's Swagger lists it for operations with a body: 415
/// "Unsupported media type", without a body. The simulator still records it, since a connector that sends it has a bug.
/// </summary>
public sealed class ApaleoContentTypeTests : ApaleoTestBase
{
    [Theory]
    [InlineData("POST", "/booking/v1/bookings", "text/plain")]
    [InlineData("POST", "/booking/v1/bookings", "application/x-www-form-urlencoded")]
    [InlineData("POST", "/booking/v1/bookings", "application/json; charset=iso-8859-1")]
    [InlineData("POST", "/v1/subscriptions", "text/xml")]
    public async Task A_body_that_is_not_json_is_answered_415_and_recorded(string method, string path, string contentType)
    {
        int reservations = Apaleo.Reservations.Count;
        string body = BookingBody(Today.AddDays(7), Today.AddDays(8), Scenario.FlexibleRatePlanId).ToJsonString();

        using HttpResponseMessage response = await SendAsync(new HttpMethod(method), path, body, contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync(Ct));
        Assert.False(response.Headers.Contains(StrictRequestValidator.RefusalHeader), "Apaleo's own 415, not the simulator's strict refusal.");
        ValidationFailure failure = Assert.Single(Apaleo.ValidationFailures);
        Assert.Equal(StrictRequestValidator.ContentTypeMember, failure.Member);
        Assert.Equal(path, failure.Path);
        Assert.Equal(reservations, Apaleo.Reservations.Count);
    }

    [Fact]
    public async Task An_amendment_sent_as_text_is_answered_415_and_changes_nothing()
    {
        string known = Scenario.KnownGuest.ReservationId;
        string body = $$"""{"arrival":"{{D(Today.AddDays(20))}}","departure":"{{D(Today.AddDays(21))}}","adults":1,"timeSlices":[{"ratePlanId":"{{Scenario.FlexibleRatePlanId}}"}]}""";

        using HttpResponseMessage response = await SendAsync(HttpMethod.Put, $"/booking/v1/reservation-actions/{known}/amend", body, "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(Today, Apaleo.FindReservation(known)!.Arrival);
    }

    [Fact]
    public async Task A_json_body_with_a_json_media_type_is_not_a_415()
    {
        using HttpResponseMessage response = await SendAsync(HttpMethod.Post, "/booking/v1/bookings", BookingBody(Today.AddDays(7), Today.AddDays(8), Scenario.FlexibleRatePlanId).ToJsonString(), "application/json; charset=utf-8");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Empty(Apaleo.ValidationFailures);
    }
}
