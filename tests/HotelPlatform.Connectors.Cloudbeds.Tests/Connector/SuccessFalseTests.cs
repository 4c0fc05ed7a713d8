using System.Net;
using HotelPlatform.Connectors.Cloudbeds.Tests.Infrastructure;
using static HotelPlatform.Connectors.Cloudbeds.Tests.Infrastructure.CloudbedsHarness;

namespace HotelPlatform.Connectors.Cloudbeds.Tests.Connector;

/// <summary>Cloudbeds answers many errors as HTTP 200 with <c>{"success": false, "message": ...}</c>: each becomes the matching exception, never data.</summary>
public sealed class SuccessFalseTests
{
    private static readonly DateOnly Arrival = new(2025, 4, 1);

    public static TheoryData<string, Type> ReadRefusals => new()
    {
        { "Reservation 99 not found.", typeof(PmsNotFoundException) },
        { "Reservation does not exist", typeof(PmsNotFoundException) },
        { "Invalid reservationID parameter", typeof(PmsValidationException) },
        { "Access denied: property ID 1 is not covered by this API key.", typeof(PmsAuthenticationException) },
        { "Inactive property", typeof(PmsAuthenticationException) },
        { "Reservation 99 is canceled and cannot be modified.", typeof(PmsConflictException) },
    };

    [Theory]
    [MemberData(nameof(ReadRefusals))]
    public async Task A_success_false_read_becomes_the_exception_its_message_means_and_is_sent_once(string message, Type expected)
    {
        await using var harness = Start();
        harness.Stub("GET", "getReservation", Refusal(message));

        var refused = await Assert.ThrowsAnyAsync<PmsException>(() => harness.Connector.GetReservationAsync("99", Ct));

        Assert.IsType(expected, refused);
        Assert.Contains(message.TrimEnd('.'), refused.Message, StringComparison.Ordinal);
        Assert.Equal(("cloudbeds", "GetReservation", "req-42"), (refused.Vendor, refused.Operation, refused.VendorRequestId));
        Assert.Equal(1, harness.Received("getReservation"));
    }

    [Fact]
    public async Task A_success_false_answer_carrying_data_is_an_error_not_data()
    {
        await using var harness = Start();
        harness.Stub("GET", "getReservation", Json("""{"success":false,"message":"Reservation not found","data":{"reservationID":"99","status":"confirmed","startDate":"2025-04-01","endDate":"2025-04-02"}}"""));

        var refused = await Assert.ThrowsAsync<PmsNotFoundException>(() => harness.Connector.GetReservationAsync("99", Ct));

        Assert.Equal(("Reservation", "99"), (refused.EntityType, refused.EntityId));
    }

    [Fact]
    public async Task A_booking_refused_for_availability_is_a_conflict_of_availability_and_is_not_posted_again()
    {
        await using var harness = Start();
        harness.Stub("GET", "getReservations", Json("""{"success":true,"data":[],"count":0,"total":0}"""));
        harness.Stub("POST", "postReservation", Refusal("Room type 501 is not available on 2025-04-01."));

        var refused = await Assert.ThrowsAsync<PmsConflictException>(() => harness.Connector.CreateReservationAsync(Draft(), Ct));

        Assert.Equal(PmsConflictReason.NoAvailability, refused.Reason);
        Assert.Equal(1, harness.Received("postReservation"));
    }

    [Fact]
    public async Task A_booking_refused_as_invalid_is_a_validation_error_and_is_not_posted_again()
    {
        await using var harness = Start();
        harness.Stub("GET", "getReservations", Json("""{"success":true,"data":[],"count":0,"total":0}"""));
        harness.Stub("POST", "postReservation", Refusal("Invalid dates: endDate must be after startDate."));

        var refused = await Assert.ThrowsAsync<PmsValidationException>(() => harness.Connector.CreateReservationAsync(Draft(), Ct));

        Assert.Equal(["Invalid dates: endDate must be after startDate"], refused.Messages.Select(m => m.TrimEnd('.')));
        Assert.Equal(1, harness.Received("postReservation"));
    }

    [Fact]
    public async Task A_success_false_rate_limit_is_retried_like_a_429_and_then_answers()
    {
        await using var harness = Start();
        harness.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath($"{Api}/getRoomTypes").UsingGet())
            .InScenario("limited").WillSetStateTo("answered").RespondWith(Refusal("API rate limit exceeded"));
        harness.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath($"{Api}/getRoomTypes").UsingGet())
            .InScenario("limited").WhenStateIs("answered").RespondWith(Json("""{"success":true,"data":[{"roomTypeID":"501","roomTypeName":"Double","maxGuests":2}],"count":1,"total":1}"""));

        var roomTypes = await harness.Clock.CompleteAsync(harness.Connector.GetRoomTypesAsync(Ct));

        Assert.Equal("501", Assert.Single(roomTypes).VendorId);
        Assert.Equal(2, harness.Received("getRoomTypes"));
    }

    [Fact]
    public async Task A_success_false_rate_limit_that_persists_is_a_rate_limited_exception()
    {
        await using var harness = Start();
        harness.Stub("GET", "getRoomTypes", Refusal("Too many requests"));

        var limited = await Assert.ThrowsAsync<PmsRateLimitedException>(() => harness.Clock.CompleteAsync(harness.Connector.GetRoomTypesAsync(Ct)));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(harness.Received("getRoomTypes") > 1, "A rate-limit refusal is transient and retried.");
    }

    [Fact]
    public async Task A_401_with_an_oauth_style_body_is_an_authentication_error_with_cloudbeds_message()
    {
        await using var harness = Start();
        harness.Stub("GET", "getReservation", Json("""{"error":"access_denied","message":"Invalid API key"}""", 401));

        var refused = await Assert.ThrowsAsync<PmsAuthenticationException>(() => harness.Connector.GetReservationAsync("99", Ct));

        Assert.Equal("access_denied", refused.VendorErrorCode);
        Assert.Contains("Invalid API key", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_request_carries_the_api_key_header()
    {
        await using var harness = Start();

        await harness.Connector.GetPropertyAsync(Ct);

        Assert.Equal(2, harness.Server.LogEntries.Count());
        Assert.All(harness.Server.LogEntries, e => Assert.Equal(ApiKey, e.RequestMessage.Headers!["x-api-key"].Single()));
        var hotels = Assert.Single(harness.Server.LogEntries, e => e.RequestMessage.Path == $"{Api}/getHotels").RequestMessage;
        Assert.Equal("propertyIDs=172982", hotels.RawQuery?.TrimStart('?'));
    }

    private static ReservationDraft Draft() =>
        new(Arrival, Arrival.AddDays(1), "501", "7001", new GuestProfile("Lovelace") { FirstName = "Ada", Email = "ada@example.com" }) { ClientReference = "ref-1" };
}
