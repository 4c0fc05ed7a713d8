using System.Text;
using HotelPlatform.Connectors.Events;
using Microsoft.Extensions.Primitives;
using static HotelPlatform.Connectors.Tests.Events.TestWebhookRequests;

namespace HotelPlatform.Connectors.Tests.Events;

/// <summary>The rules of the webhook side of the events seam, with handlers shaped like a batched id-only vendor and a push of whole reservations.</summary>
public sealed class WebhookHandlerSeamTests
{
    private const string Token = "0123456789abcdef-token";

    private const string Batch = """
        {"EnterpriseId":"ENT-1","IntegrationId":"INT-1","Events":[
          {"Discriminator":"ServiceOrderUpdated","Value":{"Id":"res-1"}},
          {"Discriminator":"ResourceUpdated","Value":{"Id":"room-7"}},
          {"Discriminator":"CustomerAdded","Value":{"Id":"cust-1"}},
          {"Discriminator":"CustomerUpdated","Value":{"Id":"cust-1"}}]}
        """;

    private const string Push = """<OTA_HotelResNotifRQ><HotelReservations><HotelReservation ResID="R-9" HotelCode="H1" Start="2026-12-20" End="2026-12-22" Surname="Muster"><UniqueID Type="16" ID="msg-77"/></HotelReservation></HotelReservations></OTA_HotelResNotifRQ>""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, StringValues> Basic(string credentials) =>
        new() { ["authorization"] = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)) };

    [Fact]
    public async Task A_verified_batch_becomes_id_only_events_in_order_and_unmapped_entries_are_left_out()
    {
        var handler = new BatchTokenHandler(Token);

        var result = await handler.HandleAsync(Post($"/webhooks/h1?Token={Token}", Batch), Ct);

        Assert.Equal(PmsWebhookOutcome.Events, result.Outcome);
        Assert.Equal(
            [(typeof(ReservationModifiedEvent), "ServiceOrderUpdated"), (typeof(GuestUpdatedEvent), "CustomerAdded"), (typeof(GuestUpdatedEvent), "CustomerUpdated")],
            result.Events.Select(e => (e.Event.GetType(), e.Event.VendorEventType!)));
        Assert.All(result.Events, e => Assert.True(e.IsIdOnly));
        Assert.All(result.Events, e => Assert.Equal((ReceivedAt, "ENT-1"), (e.Event.OccurredAt, e.Event.PropertyId)));
        Assert.All(result.Events, e => Assert.True(PmsEventIds.IsContentHash(e.Event.EventId)));
        Assert.Equal(3, result.Events.Select(e => e.Event.EventId).Distinct().Count());
        Assert.Null(result.Response);
    }

    [Theory]
    [InlineData("/webhooks/h1?Token=0123456789abcdef-guess")]
    [InlineData("/webhooks/h1")]
    [InlineData("/webhooks/h1?Token=")]
    [InlineData("/webhooks/h1?Token=0123456789abcdef-token&Token=0123456789abcdef-token")]
    public async Task A_delivery_failing_verification_is_rejected_without_detail_and_never_parsed(string url)
    {
        var handler = new BatchTokenHandler(Token);

        var result = await handler.HandleAsync(Post(url, Batch), Ct);

        Assert.Equal(PmsWebhookOutcome.Rejected, result.Outcome);
        Assert.Equal((0, false, null, null), (result.Events.Count, result.IsVerified, result.Reason, result.Response));
        Assert.Equal(0, handler.Parsed);
    }

    [Fact]
    public async Task A_rejected_body_is_not_even_checked_for_its_shape()
    {
        var handler = new BatchTokenHandler(Token);

        var result = await handler.HandleAsync(Post("/webhooks/h1?Token=wrong", "not json at all"), Ct);

        Assert.Equal(PmsWebhookOutcome.Rejected, result.Outcome);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"IntegrationId":"INT-1"}""")]
    public async Task A_verified_body_of_the_wrong_shape_is_malformed_not_an_exception(string body)
    {
        var result = await new BatchTokenHandler(Token).HandleAsync(Post($"/webhooks/h1?Token={Token}", body), Ct);

        Assert.Equal(PmsWebhookOutcome.Malformed, result.Outcome);
        Assert.Empty(result.Events);
        Assert.NotNull(result.Reason);
        Assert.DoesNotContain(body, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_with_nothing_mapped_is_ignored_with_a_reason()
    {
        var result = await new BatchTokenHandler(Token).HandleAsync(
            Post($"/webhooks/h1?Token={Token}", """{"EnterpriseId":"ENT-1","Events":[{"Discriminator":"MessageAdded","Value":{"Id":"m-1"}}]}"""), Ct);

        Assert.Equal((PmsWebhookOutcome.Ignored, "No event of the batch has a normalised event."), (result.Outcome, result.Reason));
    }

    [Fact]
    public async Task A_redelivered_message_repeats_its_content_hash_ids_and_a_new_message_about_the_same_entity_does_not()
    {
        var handler = new BatchTokenHandler(Token);
        const string first = """{"EnterpriseId":"ENT-1","Events":[{"Discriminator":"ServiceOrderUpdated","Value":{"Id":"res-1"}}]}""";
        const string later = """{"EnterpriseId":"ENT-1","Events":[{"Discriminator":"ServiceOrderUpdated","Value":{"Id":"res-1"}},{"Discriminator":"CustomerUpdated","Value":{"Id":"c-2"}}]}""";

        var delivered = await handler.HandleAsync(Post($"/webhooks/h1?Token={Token}", first), Ct);
        var redelivered = await handler.HandleAsync(Post($"/webhooks/h1?Token={Token}", first), Ct);
        var another = await handler.HandleAsync(Post($"/webhooks/h1?Token={Token}", later), Ct);

        Assert.Equal(delivered.Events[0].Event.EventId, redelivered.Events[0].Event.EventId);
        Assert.NotEqual(delivered.Events[0].Event.EventId, another.Events[0].Event.EventId);
    }

    [Fact]
    public async Task A_push_of_whole_reservations_needs_no_hydration_and_carries_the_answer_the_vendor_expects()
    {
        var handler = new ReservationPushHandler("pms", "pa:ss");

        var result = await handler.HandleAsync(Post("/webhooks/h1", Push, Basic("pms:pa:ss"), "text/xml; charset=utf-8"), Ct);
        var refused = await handler.HandleAsync(Post("/webhooks/h1", Push, Basic("pms:guess"), "text/xml; charset=utf-8"), Ct);

        var inbound = Assert.Single(result.Events);
        Assert.False(inbound.IsIdOnly);
        Assert.Equal(("R-9", ReservationStatus.Confirmed, "Muster"), (inbound.Reservation!.VendorId, inbound.Reservation.Status, inbound.Reservation.PrimaryGuest.LastName));
        Assert.Equal(("msg-77", "R-9"), (inbound.Event.EventId, ((ReservationCreatedEvent)inbound.Event).ReservationId));
        Assert.Equal((200, "text/xml; charset=utf-8"), (result.Response!.StatusCode, result.Response.ContentType));
        Assert.Equal(ReservationPushHandler.Answer, Encoding.UTF8.GetString(result.Response.Body.Span));
        Assert.Equal(PmsWebhookOutcome.Rejected, refused.Outcome);
        Assert.Null(refused.Response);
    }

    [Fact]
    public void A_rejection_cannot_carry_a_response_or_the_callers_request_id()
    {
        var rejected = PmsWebhookResult.Rejected();

        Assert.Throws<InvalidOperationException>(() => rejected.WithResponse(PmsWebhookResponse.Ok));
        Assert.Null(rejected.WithVendorRequestId("from-the-caller").VendorRequestId);
    }

    [Theory]
    [InlineData(199)]
    [InlineData(300)]
    [InlineData(500)]
    public void The_vendors_expected_answer_is_a_2xx(int status)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PmsWebhookResult.Ping().WithResponse(new PmsWebhookResponse(status, null, ReadOnlyMemory<byte>.Empty)));
    }

    [Fact]
    public void The_response_and_request_id_survive_each_other()
    {
        var result = PmsWebhookResult.Ping().WithResponse(PmsWebhookResponse.Ok).WithVendorRequestId(" trk-1 ");

        Assert.Equal((PmsWebhookOutcome.Ping, PmsWebhookResponse.Ok, "trk-1"), (result.Outcome, result.Response, result.VendorRequestId));
        Assert.Equal("trk-1", PmsWebhookResult.Ignored("x").WithVendorRequestId("trk-1").WithResponse(PmsWebhookResponse.NoContent).VendorRequestId);
    }

    [Fact]
    public void An_event_result_needs_events_each_with_its_id_vendor_and_property()
    {
        var noId = new ReservationCreatedEvent(" ", "v", "P1", ReceivedAt, "R-1");
        var noProperty = new ReservationCreatedEvent("e-1", "v", "", ReceivedAt, "R-1");

        Assert.Throws<ArgumentException>(() => PmsWebhookResult.FromEvents());
        Assert.Contains(nameof(PmsEventIds.FromContent), Assert.Throws<ArgumentException>(() => PmsWebhookResult.FromEvents(new PmsInboundEvent(noId))).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => PmsWebhookResult.FromEvents(new PmsInboundEvent(noProperty)));
        Assert.Throws<ArgumentException>(() => PmsWebhookResult.FromEvents(new PmsInboundEvent(null!)));
        Assert.Throws<ArgumentException>(() => PmsWebhookResult.Ignored(" "));
        Assert.Throws<ArgumentException>(() => PmsWebhookResult.Malformed(""));
    }

    [Fact]
    public async Task A_failure_that_is_not_about_the_body_is_not_hidden_as_malformed()
    {
        var handler = new ThrowingHandler();

        await Assert.ThrowsAsync<InvalidOperationException>(() => handler.HandleAsync(Post("/webhooks/h1", "{}"), Ct).AsTask());
    }

    private sealed class ThrowingHandler : PmsWebhookHandler
    {
        public override string Vendor => "broken";

        protected override bool Verify(PmsWebhookRequest request) => true;

        protected override ValueTask<PmsWebhookResult> ParseAsync(PmsWebhookRequest request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("a bug in the handler");
    }
}
