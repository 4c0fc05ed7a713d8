using System.Text;
using HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;
using HotelPlatform.Connectors.Apaleo.Webhooks;

namespace HotelPlatform.Connectors.Apaleo.Tests.Webhooks;

/// <summary>Apaleo webhook deliveries → normalised events, health checks and ignored topics.</summary>
public sealed class WebhookParserTests
{
    private static string Delivery(string topic, string type, string timestamp = "1741600800000", string? entityId = "XPGMSXGF-1", string propertyId = "MUC") =>
        $$"""
        {"topic":"{{topic}}","type":"{{type}}","id":"0f6e2c1a-7d1b-4c55-9a5e-3b9a4b1f8d10","accountId":"DEMO","propertyId":"{{propertyId}}",
         "timestamp":{{timestamp}},"clientId":"VOICE-APP"{{(entityId is null ? "" : $$""","data":{"entityId":"{{entityId}}"}""")}}}
        """;

    [Fact]
    public void Apaleos_reservation_created_example_becomes_a_reservation_created_event()
    {
        var delivery = ApaleoWebhookParser.Parse(VendorSpecs.Example("webhook.event.reservation-created"), trackingId: "trk-42");

        Assert.Equal(ApaleoWebhookDeliveryKind.Event, delivery.Kind);
        var created = Assert.IsType<ReservationCreatedEvent>(delivery.Event);
        Assert.Equal("ec5a1fe4-331c-450a-915c-5caa231cc825", created.EventId);
        Assert.Equal((PmsVendors.Apaleo, "HFTF-AADS", "XPGMSXGF-1"), (created.Vendor, created.PropertyId, created.ReservationId));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1692268510605), created.OccurredAt);
        Assert.Equal(new DateTimeOffset(2023, 8, 17, 10, 35, 10, 605, TimeSpan.Zero), created.OccurredAt);
        Assert.Equal("reservation/created", created.VendorEventType);
        Assert.Equal(("HFTF", "ABCD-SP-APPDOINGSOMETHING", "trk-42"), (delivery.AccountId, delivery.ClientId, delivery.TrackingId));
    }

    [Fact]
    public void Apaleos_health_check_example_is_recognised_and_is_not_a_domain_event()
    {
        var delivery = ApaleoWebhookParser.Parse(VendorSpecs.Example("webhook.event.system-healthcheck"));

        Assert.Equal(ApaleoWebhookDeliveryKind.HealthCheck, delivery.Kind);
        Assert.Null(delivery.Event);
        Assert.Equal(("56eca994-f272-47b3-a56b-1327e9125ff3", "system/healthcheck", "SDXE"), (delivery.EventId, delivery.VendorEventType, delivery.AccountId));
        Assert.Equal(["MUC", "BER"], delivery.PropertyIds);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1655824163606), delivery.OccurredAt);
    }

    [Fact]
    public void A_hand_written_health_check_is_recognised_whatever_the_case()
    {
        var delivery = ApaleoWebhookParser.Parse("""{"id":"h-1","topic":"System","type":"HealthCheck","accountId":"DEMO","propertyIds":["MUC"],"timestamp":1741600800}""");

        Assert.Equal(ApaleoWebhookDeliveryKind.HealthCheck, delivery.Kind);
        Assert.Equal("system/healthcheck", delivery.VendorEventType);
    }

    [Theory]
    [InlineData("1741600800000")] // epoch milliseconds (current deliveries)
    [InlineData("1741600800")] // epoch seconds (the older variant)
    [InlineData("\"1741600800000\"")]
    [InlineData("\"2025-03-10T10:00:00Z\"")]
    [InlineData("\"2025-03-10T11:00:00+01:00\"")]
    public void The_timestamp_is_read_in_milliseconds_seconds_or_iso_form(string timestamp)
    {
        var delivery = ApaleoWebhookParser.Parse(Delivery("Reservation", "changed", timestamp));

        Assert.Equal(new DateTimeOffset(2025, 3, 10, 10, 0, 0, TimeSpan.Zero), delivery.OccurredAt);
        Assert.Equal(delivery.OccurredAt, delivery.Event!.OccurredAt);
    }

    [Theory]
    [InlineData("created", typeof(ReservationCreatedEvent))]
    [InlineData("canceled", typeof(ReservationCancelledEvent))]
    [InlineData("amended", typeof(ReservationModifiedEvent))]
    [InlineData("changed", typeof(ReservationModifiedEvent))]
    [InlineData("checked-in", typeof(ReservationModifiedEvent))]
    [InlineData("check-in-reverted", typeof(ReservationModifiedEvent))]
    [InlineData("checked-out", typeof(ReservationModifiedEvent))]
    [InlineData("set-to-no-show", typeof(ReservationModifiedEvent))]
    [InlineData("unit-assigned", typeof(ReservationModifiedEvent))]
    [InlineData("deleted", typeof(ReservationModifiedEvent))]
    [InlineData("some-future-type", typeof(ReservationModifiedEvent))]
    public void Reservation_event_types_map_to_created_cancelled_or_modified(string type, Type expected)
    {
        var delivery = ApaleoWebhookParser.Parse(Delivery("Reservation", type));

        Assert.IsType(expected, delivery.Event);
        Assert.Equal($"reservation/{type}", delivery.Event!.VendorEventType);
        Assert.Equal("XPGMSXGF-1", delivery.EntityId);
    }

    [Theory]
    [InlineData("Folio", "created")]
    [InlineData("Booking", "created")]
    [InlineData("RatePlan", "changed")]
    [InlineData("Invoice", "paid")]
    public void Topics_without_a_normalised_event_are_ignored_not_thrown(string topic, string type)
    {
        var delivery = ApaleoWebhookParser.Parse(Delivery(topic, type));

        Assert.Equal(ApaleoWebhookDeliveryKind.Ignored, delivery.Kind);
        Assert.Null(delivery.Event);
        Assert.Contains($"{topic.ToLowerInvariant()}/{type}", delivery.IgnoredReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reservation_delivery_without_its_entity_id_is_ignored_with_the_reason()
    {
        var delivery = ApaleoWebhookParser.Parse(Delivery("Reservation", "created", entityId: null));

        Assert.Equal(ApaleoWebhookDeliveryKind.Ignored, delivery.Kind);
        Assert.Contains("reservation id", delivery.IgnoredReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_delivery_parses_to_an_equal_event_with_the_same_id()
    {
        var body = Encoding.UTF8.GetBytes(Delivery("Reservation", "canceled"));

        var first = ApaleoWebhookParser.Parse(body);
        var redelivered = ApaleoWebhookParser.Parse(body, trackingId: "another-tracking-id");

        Assert.Equal(first.EventId, redelivered.EventId);
        Assert.Equal(first.Event, redelivered.Event);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("""{"topic":"Reservation","type":"created","timestamp":1741600800000}""")]
    [InlineData("""{"id":"x","type":"created"}""")]
    public void A_body_that_is_no_apaleo_delivery_is_a_format_error_that_does_not_quote_it(string body)
    {
        var exception = Assert.Throws<FormatException>(() => ApaleoWebhookParser.Parse(body));

        Assert.DoesNotContain("created", exception.Message, StringComparison.Ordinal);
    }
}
