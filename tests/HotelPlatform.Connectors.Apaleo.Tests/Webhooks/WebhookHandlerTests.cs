using HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;
using HotelPlatform.Connectors.Apaleo.Webhooks;
using HotelPlatform.Connectors.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static HotelPlatform.Connectors.Apaleo.Tests.Webhooks.WebhookRequests;

namespace HotelPlatform.Connectors.Apaleo.Tests.Webhooks;

/// <summary>Apaleo through the events seam: each hotel's keyed <see cref="IPmsWebhookHandler"/>, verifying with the hotel's settings, then parsing.</summary>
public sealed class WebhookHandlerTests
{
    private const string Secret = "0123456789abcdef-s3cr3t";
    private static readonly Uri Endpoint = new($"https://hooks.example.com/webhooks/muc?token={Secret}");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ServiceProvider Services(Action<ApaleoWebhookOptions>? webhook = null, IConfiguration? configuration = null, string propertyId = "MUC")
    {
        var services = new ServiceCollection();
        var builder = services.AddPmsConnectors();
        if (configuration is not null)
        {
            builder.AddApaleo("muc", configuration);
        }
        else
        {
            builder.AddApaleo("muc", o =>
            {
                (o.PropertyId, o.ClientId, o.ClientSecret) = (propertyId, "CLIENT", "client-secret");
                (webhook ?? (w => w.UrlSecret = Secret))(o.Webhook);
            });
        }

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static async Task<PmsWebhookResult> HandleAsync(PmsWebhookRequest request, Action<ApaleoWebhookOptions>? webhook = null, string propertyId = "MUC")
    {
        await using var services = Services(webhook, propertyId: propertyId);
        return await services.GetRequiredKeyedService<IPmsWebhookHandler>("muc").HandleAsync(request, Ct);
    }

    private static string Delivery(string topic, string type, string id = "0f6e2c1a-7d1b-4c55-9a5e-3b9a4b1f8d10", string property = "MUC") =>
        $$$"""{"topic":"{{{topic}}}","type":"{{{type}}}","id":"{{{id}}}","accountId":"DEMO","propertyId":"{{{property}}}","timestamp":1741600800000,"clientId":"VOICE-APP","data":{"entityId":"XPGMSXGF-1"}}""";

    [Fact]
    public async Task Apaleos_reservation_created_example_is_one_id_only_event_with_the_tracking_id()
    {
        var result = await HandleAsync(Post(Endpoint, VendorSpecs.Example("webhook.event.reservation-created"), trackingId: "trk-42"), propertyId: "HFTF-AADS");

        Assert.Equal(PmsWebhookOutcome.Events, result.Outcome);
        var inbound = Assert.Single(result.Events);
        Assert.True(inbound.IsIdOnly);
        Assert.Null(inbound.Reservation);
        var created = Assert.IsType<ReservationCreatedEvent>(inbound.Event);
        Assert.Equal(("ec5a1fe4-331c-450a-915c-5caa231cc825", PmsVendors.Apaleo, "HFTF-AADS", "XPGMSXGF-1"), (created.EventId, created.Vendor, created.PropertyId, created.ReservationId));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1692268510605), created.OccurredAt);
        Assert.Equal("reservation/created", created.VendorEventType);
        Assert.Equal("trk-42", result.VendorRequestId);
        Assert.Null(result.Response);
        Assert.Null(result.Reason);
    }

    [Fact]
    public async Task Apaleos_health_check_example_is_a_ping_without_events()
    {
        var result = await HandleAsync(Post(Endpoint, VendorSpecs.Example("webhook.event.system-healthcheck")));

        Assert.Equal(PmsWebhookOutcome.Ping, result.Outcome);
        Assert.True(result.IsVerified);
        Assert.Empty(result.Events);
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
    [InlineData("unit-unassigned", typeof(ReservationModifiedEvent))]
    [InlineData("payment-account-set", typeof(ReservationModifiedEvent))]
    [InlineData("payment-account-removed", typeof(ReservationModifiedEvent))]
    [InlineData("deleted", typeof(ReservationModifiedEvent))]
    public async Task Each_reservation_event_type_becomes_its_normalised_event(string type, Type expected)
    {
        var result = await HandleAsync(Post(Endpoint, Delivery("Reservation", type, id: $"evt-{type}")));

        var pmsEvent = Assert.Single(result.Events).Event;
        Assert.IsType(expected, pmsEvent);
        Assert.Equal(($"evt-{type}", "MUC", new DateTimeOffset(2025, 3, 10, 10, 0, 0, TimeSpan.Zero), $"reservation/{type}"), (pmsEvent.EventId, pmsEvent.PropertyId, pmsEvent.OccurredAt, pmsEvent.VendorEventType));
        Assert.Equal("XPGMSXGF-1", pmsEvent switch
        {
            ReservationCreatedEvent e => e.ReservationId,
            ReservationCancelledEvent e => e.ReservationId,
            ReservationModifiedEvent e => e.ReservationId,
            _ => null,
        });
    }

    [Theory]
    [InlineData("Folio", "created")]
    [InlineData("Booking", "created")]
    [InlineData("RatePlan", "changed")]
    [InlineData("Invoice", "paid")]
    public async Task A_topic_without_a_normalised_event_is_ignored_with_its_name(string topic, string type)
    {
        var result = await HandleAsync(Post(Endpoint, Delivery(topic, type)));

        Assert.Equal(PmsWebhookOutcome.Ignored, result.Outcome);
        Assert.Empty(result.Events);
        Assert.Contains($"{topic.ToLowerInvariant()}/{type}", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_of_another_property_of_the_account_is_ignored_not_taken_for_this_hotels()
    {
        var result = await HandleAsync(Post(Endpoint, Delivery("Reservation", "created", property: "BER")));

        Assert.Equal(PmsWebhookOutcome.Ignored, result.Outcome);
        Assert.Contains("'BER', not this hotel's 'MUC'", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://hooks.example.com/webhooks/muc?token=0123456789abcdef-guess")]
    [InlineData("https://hooks.example.com/webhooks/muc")]
    [InlineData("https://hooks.example.com/webhooks/muc?token=0123456789abcdef-s3cr3t&token=0123456789abcdef-s3cr3t")]
    public async Task A_delivery_with_a_wrong_or_missing_secret_is_rejected_with_no_detail_and_is_not_parsed(string url)
    {
        var result = await HandleAsync(Post(new Uri(url), Delivery("Reservation", "created"), trackingId: "trk-42"));

        Assert.Equal(PmsWebhookOutcome.Rejected, result.Outcome);
        Assert.False(result.IsVerified);
        Assert.Empty(result.Events);
        Assert.Null(result.Reason);
        Assert.Null(result.VendorRequestId);
        Assert.Same(PmsWebhookResult.Rejected(), result);
    }

    [Fact]
    public async Task Basic_credentials_are_checked_when_configured()
    {
        void BasicAuth(ApaleoWebhookOptions w) => (w.BasicAuthUserName, w.BasicAuthPassword) = ("apaleo", "p:ss wörd");
        var url = new Uri("https://hooks.example.com/webhooks/muc");

        var right = await HandleAsync(Post(url, Delivery("Reservation", "created"), Basic("apaleo", "p:ss wörd")), BasicAuth);
        var wrong = await HandleAsync(Post(url, Delivery("Reservation", "created"), Basic("apaleo", "guess")), BasicAuth);
        var none = await HandleAsync(Post(url, Delivery("Reservation", "created")), BasicAuth);

        Assert.Equal((PmsWebhookOutcome.Events, PmsWebhookOutcome.Rejected, PmsWebhookOutcome.Rejected), (right.Outcome, wrong.Outcome, none.Outcome));
    }

    [Fact]
    public async Task Without_webhook_settings_every_delivery_is_rejected_because_apaleo_signs_nothing()
    {
        var result = await HandleAsync(Post(Endpoint, VendorSpecs.Example("webhook.event.system-healthcheck")), webhook: _ => { });

        Assert.Equal(PmsWebhookOutcome.Rejected, result.Outcome);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("""{"topic":"Reservation","type":"created","timestamp":1741600800000,"data":{"entityId":"GUEST-SECRET"}}""")]
    public async Task A_verified_body_that_is_no_apaleo_delivery_is_malformed_and_the_reason_does_not_quote_it(string body)
    {
        var result = await HandleAsync(Post(Endpoint, body));

        Assert.Equal(PmsWebhookOutcome.Malformed, result.Outcome);
        Assert.Empty(result.Events);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
        Assert.DoesNotContain("GUEST-SECRET", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("not json", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_that_is_not_a_post_is_malformed()
    {
        var result = await HandleAsync(Post(Endpoint, Delivery("Reservation", "created"), method: "GET"));

        Assert.Equal(PmsWebhookOutcome.Malformed, result.Outcome);
    }

    [Fact]
    public async Task A_redelivery_gives_the_same_event_id_so_the_framework_can_drop_it()
    {
        var first = await HandleAsync(Post(Endpoint, Delivery("Reservation", "canceled"), trackingId: "trk-1"));
        var again = await HandleAsync(Post(Endpoint, Delivery("Reservation", "canceled"), trackingId: "trk-2"));

        Assert.Equal(Assert.Single(first.Events), Assert.Single(again.Events));
        Assert.False(PmsEventIds.IsContentHash(first.Events[0].Event.EventId)); // Apaleo gives its own event id
    }

    [Fact]
    public async Task Each_hotel_has_its_own_handler_checking_its_own_secret()
    {
        const string otherSecret = "fedcba9876543210-other";
        var services = new ServiceCollection();
        services.AddPmsConnectors()
            .AddApaleo("muc", o => ((o.PropertyId, o.ClientId, o.ClientSecret), o.Webhook.UrlSecret) = (("MUC", "CLIENT", "s"), Secret))
            .AddApaleo("ber", o => ((o.PropertyId, o.ClientId, o.ClientSecret), o.Webhook.UrlSecret) = (("BER", "CLIENT", "s"), otherSecret));
        await using var provider = services.BuildServiceProvider();
        var muc = provider.GetRequiredKeyedService<IPmsWebhookHandler>("muc");
        var ber = provider.GetRequiredKeyedService<IPmsWebhookHandler>("ber");

        var mucSecretAtBer = await ber.HandleAsync(Post(Endpoint, Delivery("Reservation", "created")), Ct);
        var berSecretAtBer = await ber.HandleAsync(Post(new Uri($"https://hooks.example.com/webhooks/ber?token={otherSecret}"), Delivery("Reservation", "created", property: "BER")), Ct);

        Assert.NotSame(muc, ber);
        Assert.Equal(PmsVendors.Apaleo, ber.Vendor);
        Assert.Equal((PmsWebhookOutcome.Rejected, PmsWebhookOutcome.Events), (mucSecretAtBer.Outcome, berSecretAtBer.Outcome));
        Assert.Null(provider.GetKeyedService<IPmsWebhookHandler>("nowhere"));
    }

    [Fact]
    public async Task A_rotated_secret_applies_without_a_restart()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PropertyId"] = "MUC",
            ["ClientId"] = "CLIENT",
            ["ClientSecret"] = "client-secret",
            ["Webhook:UrlSecret"] = Secret,
        }).Build();
        await using var services = Services(configuration: configuration);
        var handler = services.GetRequiredKeyedService<IPmsWebhookHandler>("muc");
        Assert.Equal(PmsWebhookOutcome.Events, (await handler.HandleAsync(Post(Endpoint, Delivery("Reservation", "created")), Ct)).Outcome);

        configuration["Webhook:UrlSecret"] = "rotated-0123456789abcdef";
        configuration.Reload();

        Assert.Equal(PmsWebhookOutcome.Rejected, (await handler.HandleAsync(Post(Endpoint, Delivery("Reservation", "created")), Ct)).Outcome);
        var rotated = new Uri("https://hooks.example.com/webhooks/muc?token=rotated-0123456789abcdef");
        Assert.Equal(PmsWebhookOutcome.Events, (await handler.HandleAsync(Post(rotated, Delivery("Reservation", "created")), Ct)).Outcome);
    }

    [Fact]
    public void Unusable_webhook_settings_fail_at_start_naming_the_setting()
    {
        var services = new ServiceCollection();
        services.AddPmsConnectors().AddApaleo("muc", o =>
        {
            (o.PropertyId, o.ClientId, o.ClientSecret) = ("MUC", "CLIENT", "client-secret");
            (o.Webhook.UrlSecret, o.Webhook.BasicAuthUserName) = ("short", "apaleo");
        });
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(
            [
                "Hotel 'muc' (apaleo): Webhook:BasicAuthPassword must be set together with BasicAuthUserName to require HTTP basic authentication, or neither.",
                "Hotel 'muc' (apaleo): Webhook:UrlSecret must be at least 16 characters so that it cannot be guessed.",
            ],
            failure.Failures);
        Assert.DoesNotContain(failure.Failures, f => f.Contains("short", StringComparison.Ordinal));
    }
}
