using System.Text;
using HotelPlatform.Connectors.Events;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.Cloudbeds.Tests.Webhooks;

/// <summary>The hotel's webhook handler: the address secret is the only check (Cloudbeds signs nothing); id-only events whatever the member casing.</summary>
public sealed class WebhookHandlerTests
{
    private const string Secret = "0123456789abcdef0123";
    private const string PropertyId = "172982";

    [Fact]
    public async Task A_reservation_created_delivery_with_the_secret_becomes_an_id_only_created_event()
    {
        var result = await HandleAsync($"?secret={Secret}", """{"reservationID":"4711","propertyID":172982,"propertyID_str":"172982","startDate":"2025-04-01","endDate":"2025-04-03","version":"1.0","event":"reservation/created","timestamp":1743500000.5}""");

        var inbound = Assert.Single(result.Events);
        var created = Assert.IsType<ReservationCreatedEvent>(inbound.Event);
        Assert.True(inbound.IsIdOnly);
        Assert.Equal(("4711", PropertyId, "reservation/created"), (created.ReservationId, created.PropertyId, created.VendorEventType));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1743500000500), created.OccurredAt);
        Assert.StartsWith(PmsEventIds.ContentHashPrefix, created.EventId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_status_change_to_canceled_is_a_cancelled_event_and_any_other_status_a_modification()
    {
        var cancelled = await HandleAsync($"?secret={Secret}", """{"reservationID":"4711","propertyID":172982,"status":"canceled","event":"reservation/status_changed","timestamp":1}""");
        var checkedIn = await HandleAsync($"?secret={Secret}", """{"reservationID":"4711","propertyID":172982,"status":"checked_in","event":"reservation/status_changed","timestamp":1}""");

        Assert.IsType<ReservationCancelledEvent>(Assert.Single(cancelled.Events).Event);
        Assert.IsType<ReservationModifiedEvent>(Assert.Single(checkedIn.Events).Event);
    }

    [Fact]
    public async Task A_guest_delivery_spelt_with_Id_instead_of_ID_is_read()
    {
        var result = await HandleAsync($"?secret={Secret}", """{"propertyId":172982,"propertyId_str":"172982","guestId":815,"guestId_str":"815","version":"1.0","event":"guest/details_changed","timestamp":1}""");

        var updated = Assert.IsType<GuestUpdatedEvent>(Assert.Single(result.Events).Event);
        Assert.Equal(("815", PropertyId), (updated.GuestId, updated.PropertyId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?secret=wrong-secret-of-20ch")]
    [InlineData("?secret=0123456789abcdef012")]
    public async Task A_delivery_without_the_right_secret_is_rejected(string query)
    {
        var result = await HandleAsync(query, """{"reservationID":"4711","propertyID":172982,"event":"reservation/created","timestamp":1}""");

        Assert.Equal(PmsWebhookOutcome.Rejected, result.Outcome);
        Assert.Empty(result.Events);
    }

    [Fact]
    public async Task Every_delivery_is_rejected_while_no_secret_is_configured()
    {
        var result = await HandleAsync("?secret=", """{"reservationID":"4711","propertyID":172982,"event":"reservation/created","timestamp":1}""", secret: null);

        Assert.Equal(PmsWebhookOutcome.Rejected, result.Outcome);
    }

    [Fact]
    public async Task Another_propertys_delivery_is_ignored()
    {
        var result = await HandleAsync($"?secret={Secret}", """{"reservationID":"4711","propertyID":1,"propertyID_str":"1","event":"reservation/created","timestamp":1}""");

        Assert.Equal(PmsWebhookOutcome.Ignored, result.Outcome);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"reservationID":"4711"}""")]
    [InlineData("""{"event":"reservation/created","reservationID":"4711"}""")]
    public async Task A_body_that_is_no_cloudbeds_delivery_is_malformed(string body)
    {
        var result = await HandleAsync($"?secret={Secret}", body);

        Assert.Equal(PmsWebhookOutcome.Malformed, result.Outcome);
    }

    [Fact]
    public async Task An_event_without_a_normalised_counterpart_is_ignored()
    {
        var result = await HandleAsync($"?secret={Secret}", """{"propertyID":172982,"event":"night_audit/completed","timestamp":1}""");

        Assert.Equal(PmsWebhookOutcome.Ignored, result.Outcome);
    }

    private static async Task<PmsWebhookResult> HandleAsync(string query, string body, string? secret = Secret)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPmsConnectors().AddCloudbeds("lisbon", o =>
        {
            o.PropertyId = PropertyId;
            o.ApiKey = "cbat_test";
            o.WebhookSecret = secret;
        });
        await using var provider = services.BuildServiceProvider();
        var handler = provider.GetRequiredKeyedService<IPmsWebhookHandler>("lisbon");
        return await handler.HandleAsync(
            new PmsWebhookRequest { HotelId = "lisbon", Method = "POST", Path = "/webhooks/cloudbeds", QueryString = query, Body = Encoding.UTF8.GetBytes(body), ContentType = "application/json" },
            TestContext.Current.CancellationToken);
    }
}
