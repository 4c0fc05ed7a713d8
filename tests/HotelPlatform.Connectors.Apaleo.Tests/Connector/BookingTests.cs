using System.Text.Json.Nodes;
using HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static HotelPlatform.Connectors.Apaleo.Tests.Infrastructure.ApaleoHarness;

namespace HotelPlatform.Connectors.Apaleo.Tests.Connector;

/// <summary>Creating a reservation exactly once: the idempotency key, lost answers, refusals.</summary>
public sealed class BookingTests
{
    private const string BookingsPath = "/booking/v1/bookings";

    private static ReservationDraft Draft(string? reference = "voice-7Q2K") =>
        new(new DateOnly(2025, 3, 12), new DateOnly(2025, 3, 14), "MUC-DBL", "MUC-FLEX-DBL", new GuestProfile("Musterfrau") { FirstName = "Erika", Email = "erika@example.com" })
        {
            Adults = 2,
            ClientReference = reference,
            Comment = "Booked by phone",
        };

    private static IRequestBuilder Post() => Request.Create().WithPath(BookingsPath).UsingPost();

    private static IResponseBuilder Created(string bookingId = "XPGMSXGF") =>
        Responses.Json($$"""{"id":"{{bookingId}}","reservationIds":[{"id":"{{bookingId}}-1"}]}""", 201).WithHeader("Location", $"/booking/v1/bookings/{bookingId}");

    private static void StubCreatedReservation(ApaleoHarness harness) =>
        harness.Stub(Request.Create().WithPath("/booking/v1/reservations/XPGMSXGF-1").UsingGet(), Responses.Json(ApaleoJson.Reservation("XPGMSXGF-1", externalCode: "voice-7Q2K").ToJsonString()));

    [Fact]
    public async Task A_booking_is_posted_once_with_the_client_reference_as_idempotency_key_and_external_code_then_read_back()
    {
        await using var harness = Start();
        harness.Stub(Post(), Created());
        StubCreatedReservation(harness);

        var reservation = await harness.Connector.CreateReservationAsync(Draft(), Ct);

        Assert.Equal(("XPGMSXGF-1", "voice-7Q2K", ReservationStatus.Confirmed), (reservation.VendorId, reservation.ClientReference, reservation.Status));
        var post = Assert.Single(harness.Received(BookingsPath));
        Assert.Equal(("voice-7Q2K", "application/json"), (post.Headers["Idempotency-Key"], post.ContentType));
        var sent = JsonNode.Parse(post.Body!)!["reservations"]![0]!;
        Assert.Equal(("voice-7Q2K", "Direct", "2025-03-12", "2025-03-14", 2), ((string?)sent["externalCode"], (string?)sent["channelCode"], (string?)sent["arrival"], (string?)sent["departure"], (int?)sent["adults"]));
        Assert.Equal(["MUC-FLEX-DBL", "MUC-FLEX-DBL"], sent["timeSlices"]!.AsArray().Select(s => (string?)s!["ratePlanId"]));
        Assert.Equal("Musterfrau", (string?)JsonNode.Parse(post.Body!)!["booker"]!["lastName"]);
    }

    [Fact]
    public async Task Without_a_client_reference_the_connector_makes_one_and_uses_it_for_key_and_external_code()
    {
        await using var harness = Start();
        harness.Stub(Post(), Created());
        StubCreatedReservation(harness);

        await harness.Connector.CreateReservationAsync(Draft(reference: null), Ct);

        var post = Assert.Single(harness.Received(BookingsPath));
        Assert.Matches("^[0-9a-f]{32}$", post.Headers["Idempotency-Key"]);
        Assert.Equal(post.Headers["Idempotency-Key"], (string?)JsonNode.Parse(post.Body!)!["reservations"]![0]!["externalCode"]);
    }

    [Fact]
    public async Task An_answer_lost_after_Apaleo_committed_is_retried_with_the_same_key_and_body_and_books_once()
    {
        await using var harness = Start();
        using var held = new ManualResetEventSlim();
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var posts = new System.Collections.Concurrent.ConcurrentQueue<(string Key, string? Body)>();
        harness.Stub(Post(), Response.Create().WithCallback(request =>
        {
            posts.Enqueue((string.Join(",", request.Headers!["Idempotency-Key"]), request.Body));
            if (posts.Count == 1)
            {
                // Apaleo has the booking; its answer never arrives (held until the test ends).
                committed.TrySetResult();
                held.Wait(TimeSpan.FromSeconds(30));
            }

            // Apaleo's answer to a repeated Idempotency-Key: the first answer.
            var answer = new WireMock.ResponseMessage
            {
                StatusCode = 201,
                BodyData = new WireMock.Util.BodyData { BodyAsString = """{"id":"XPGMSXGF","reservationIds":[{"id":"XPGMSXGF-1"}]}""", DetectedBodyType = WireMock.Types.BodyType.String },
            };
            answer.AddHeader("Content-Type", "application/json");
            return answer;
        }));
        StubCreatedReservation(harness);

        var call = harness.Connector.CreateReservationAsync(Draft(), Ct);
        await committed.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        harness.Clock.Advance(TimeSpan.FromSeconds(10)); // the attempt times out: the answer is lost
        var reservation = await harness.Clock.CompleteAsync(call);
        held.Set();

        Assert.Equal("XPGMSXGF-1", reservation.VendorId);
        Assert.Equal(2, posts.Count);
        Assert.All(posts, p => Assert.Equal("voice-7Q2K", p.Key));
        Assert.Single(posts.Select(p => p.Body).Distinct());
    }

    [Fact]
    public async Task When_no_attempt_is_answered_the_external_code_is_looked_up_and_the_booking_found_is_returned()
    {
        await using var harness = Start();
        harness.Stub(Post(), Responses.Status(500));
        harness.Stub(
            Request.Create().WithPath("/booking/v1/reservations").UsingGet().WithParam("externalCode", "voice-7Q2K"),
            Responses.Json(ApaleoJson.ReservationPage(ApaleoJson.Reservation("XPGMSXGF-1", externalCode: "voice-7Q2K"))));

        var reservation = await harness.Clock.CompleteAsync(harness.Connector.CreateReservationAsync(Draft(), Ct));

        Assert.Equal(("XPGMSXGF-1", "voice-7Q2K"), (reservation.VendorId, reservation.ClientReference));
        Assert.Equal(["POST", "POST", "POST", "POST", "GET"], BookingCalls(harness)); // the pipeline's 4 attempts, then the lookup
        Assert.All(harness.Received(BookingsPath), r => Assert.Equal("voice-7Q2K", r.Headers["Idempotency-Key"]));
    }

    [Fact]
    public async Task A_booking_not_found_by_its_external_code_is_posted_again_with_the_same_key()
    {
        await using var harness = Start();
        harness.Sequence(Post, Responses.Status(502), Responses.Status(502), Responses.Status(502), Responses.Status(502), Created());
        harness.Stub(Request.Create().WithPath("/booking/v1/reservations").UsingGet().WithParam("externalCode", "voice-7Q2K"), Responses.Status(204));
        StubCreatedReservation(harness);

        var reservation = await harness.Clock.CompleteAsync(harness.Connector.CreateReservationAsync(Draft(), Ct));

        Assert.Equal("XPGMSXGF-1", reservation.VendorId);
        Assert.Equal(["POST", "POST", "POST", "POST", "GET", "POST", "GET"], BookingCalls(harness));
        Assert.All(harness.Received(BookingsPath), r => Assert.Equal("voice-7Q2K", r.Headers["Idempotency-Key"]));
    }

    [Fact]
    public async Task A_201_whose_body_cannot_be_read_is_settled_by_the_lookup_not_by_posting_again()
    {
        await using var harness = Start();
        harness.Stub(Post(), Responses.Json("{\"id\":", 201));
        harness.Stub(
            Request.Create().WithPath("/booking/v1/reservations").UsingGet().WithParam("externalCode", "voice-7Q2K"),
            Responses.Json(ApaleoJson.ReservationPage(ApaleoJson.Reservation("XPGMSXGF-1", externalCode: "voice-7Q2K"))));

        var reservation = await harness.Clock.CompleteAsync(harness.Connector.CreateReservationAsync(Draft(), Ct));

        Assert.Equal("XPGMSXGF-1", reservation.VendorId);
        Assert.Equal(["POST", "GET"], BookingCalls(harness));
    }

    [Fact]
    public async Task A_booking_Apaleo_refuses_for_lack_of_rooms_is_a_conflict_and_is_not_retried()
    {
        await using var harness = Start();
        harness.Stub(Post(), Responses.Messages(422, "The unit group MUC-DBL is fully booked."));

        var conflict = await Assert.ThrowsAsync<PmsConflictException>(() => harness.Connector.CreateReservationAsync(Draft(), Ct));

        Assert.Equal((PmsConflictReason.NoAvailability, "CreateReservation", "0HLHK2NSRGO68:00000002"), (conflict.Reason, conflict.Operation, conflict.VendorRequestId));
        Assert.Contains("fully booked", conflict.Message, StringComparison.Ordinal);
        Assert.Single(harness.Received(BookingsPath));
    }

    [Theory]
    [InlineData(422)]
    [InlineData(409)]
    public async Task A_refusal_saying_the_idempotency_key_was_used_before_is_a_key_reuse_conflict(int status)
    {
        await using var harness = Start();
        harness.Stub(Post(), Responses.Messages(status, "The Idempotency-Key 'voice-7Q2K' was already used with different request parameters."));

        var conflict = await Assert.ThrowsAsync<PmsConflictException>(() => harness.Connector.CreateReservationAsync(Draft(), Ct));

        Assert.Equal(PmsConflictReason.IdempotencyKeyReused, conflict.Reason);
        Assert.Single(harness.Received(BookingsPath));
    }

    [Fact]
    public async Task A_422_naming_a_member_is_a_validation_failure_with_that_field()
    {
        await using var harness = Start();
        harness.Stub(Post(), Responses.Messages(422, "Reservations[0].ChannelCode: The ChannelCode field is required."));

        var invalid = await Assert.ThrowsAsync<PmsValidationException>(() => harness.Connector.CreateReservationAsync(Draft(), Ct));

        Assert.Equal(("Reservations[0].ChannelCode", System.Net.HttpStatusCode.UnprocessableEntity, PmsVendors.Apaleo), (invalid.Field, invalid.StatusCode, invalid.Vendor));
        Assert.Equal(["Reservations[0].ChannelCode: The ChannelCode field is required."], invalid.Messages);
        Assert.Single(harness.Received(BookingsPath));
    }

    [Fact]
    public async Task Bad_input_is_refused_before_any_request()
    {
        await using var harness = Start();

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Connector.CreateReservationAsync(Draft() with { Departure = new DateOnly(2025, 3, 12) }, Ct));

        Assert.Empty(harness.Server.LogEntries);
    }

    /// <summary>The methods of the booking and reservation calls, in order (the property read is left out).</summary>
    private static List<string> BookingCalls(ApaleoHarness harness) =>
        [.. harness.ApiRequests().Where(r => r.Uri.AbsolutePath.StartsWith("/booking/", StringComparison.Ordinal)).Select(r => r.Method.Method)];
}
