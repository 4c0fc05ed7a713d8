using System.Text;
using HotelPlatform.Connectors.Events;
using HotelPlatform.Connectors.Mews.Webhooks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Connectors.Mews.Tests.Webhooks;

/// <summary>Mews general webhooks through the events seam: the URL Token checked, id-only events naming what to fetch.</summary>
public sealed class WebhookHandlerTests
{
    private const string EnterpriseId = "851df8c8-90f2-4c4a-8e01-a4fc46b25178";
    private const string Token = "0123456789abcdef0123456789abcdef";

    private const string Delivery = """
        {
          "EnterpriseId": "851df8c8-90f2-4c4a-8e01-a4fc46b25178",
          "IntegrationId": "c8bee838-7fb1-4f4e-8fac-ac87008b2f90",
          "Events": [
            { "Discriminator": "ServiceOrderUpdated", "Value": { "Id": "bfee2c44-1f84-4326-a862-5289598f6e2d" } },
            { "Discriminator": "ResourceUpdated", "Value": { "Id": "7cccbdc6-73cf-4cd4-8056-6fd00f4d9699" } },
            { "Discriminator": "CustomerAdded", "Value": { "Id": "c2f1d888-232e-49eb-87ac-5f75363af13b" } }
          ]
        }
        """;

    [Fact]
    public async Task A_delivery_with_the_token_yields_id_only_reservation_and_guest_events()
    {
        var result = await Handler(Token).HandleAsync(Request(Delivery, $"?Token={Token}"), TestContext.Current.CancellationToken);

        Assert.Equal(PmsWebhookOutcome.Events, result.Outcome);
        Assert.All(result.Events, e => Assert.True(e.IsIdOnly));
        var reservation = Assert.IsType<ReservationModifiedEvent>(result.Events[0].Event);
        Assert.Equal("bfee2c44-1f84-4326-a862-5289598f6e2d", reservation.ReservationId);
        Assert.Equal(MewsWebhookParser.ServiceOrderUpdated, reservation.VendorEventType);
        Assert.Equal(EnterpriseId, reservation.PropertyId);
        var guest = Assert.IsType<GuestUpdatedEvent>(result.Events[1].Event);
        Assert.Equal("c2f1d888-232e-49eb-87ac-5f75363af13b", guest.GuestId);
        Assert.Equal(2, result.Events.Count);
        Assert.NotEqual(result.Events[0].Event.EventId, result.Events[1].Event.EventId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?Token=wrong")]
    [InlineData("?token=0123456789abcdef0123456789abcdef0")]
    public async Task A_delivery_without_the_right_token_is_rejected(string query)
    {
        var result = await Handler(Token).HandleAsync(Request(Delivery, query), TestContext.Current.CancellationToken);

        Assert.Equal(PmsWebhookOutcome.Rejected, result.Outcome);
        Assert.Empty(result.Events);
    }

    [Fact]
    public async Task Every_delivery_is_rejected_until_a_token_is_configured()
    {
        var result = await Handler(null).HandleAsync(Request(Delivery, "?Token="), TestContext.Current.CancellationToken);

        Assert.Equal(PmsWebhookOutcome.Rejected, result.Outcome);
    }

    [Fact]
    public async Task A_delivery_for_another_enterprise_is_ignored()
    {
        var other = Delivery.Replace(EnterpriseId, "00000000-0000-0000-0000-000000000001", StringComparison.Ordinal);

        var result = await Handler(Token).HandleAsync(Request(other, $"?Token={Token}"), TestContext.Current.CancellationToken);

        Assert.Equal(PmsWebhookOutcome.Ignored, result.Outcome);
    }

    [Fact]
    public async Task A_body_that_is_not_a_general_webhook_is_malformed_without_quoting_it()
    {
        var result = await Handler(Token).HandleAsync(Request("{\"Events\": \"secret-looking\"}", $"?Token={Token}"), TestContext.Current.CancellationToken);

        Assert.Equal(PmsWebhookOutcome.Malformed, result.Outcome);
        Assert.DoesNotContain("secret-looking", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mews_own_general_webhook_example_parses()
    {
        var location = VendorSpecsLocator.LocateForThisProcess();
        Assert.SkipWhen(location.Root is null, $"Mews' example payloads (mews/examples) are needed. {location.Description}");
        var example = await File.ReadAllTextAsync(Path.Combine(location.Root!, "mews", "examples", "webhook.general-webhook.payload.json"), TestContext.Current.CancellationToken);

        var result = await Handler(Token).HandleAsync(Request(example, $"?Token={Token}"), TestContext.Current.CancellationToken);

        Assert.Equal(PmsWebhookOutcome.Events, result.Outcome);
        Assert.Contains(result.Events, e => e.Event is ReservationModifiedEvent { ReservationId: "bfee2c44-1f84-4326-a862-5289598f6e2d" });
        Assert.Contains(result.Events, e => e.Event is GuestUpdatedEvent { GuestId: "c2f1d888-232e-49eb-87ac-5f75363af13b" });
    }

    private static MewsWebhookHandler Handler(string? token)
    {
        var options = new MewsOptions { PropertyId = EnterpriseId, ClientToken = "c", AccessToken = "a", WebhookToken = token };
        return new MewsWebhookHandler("prg", new StaticMonitor(options), NullLogger<MewsWebhookHandler>.Instance);
    }

    private static PmsWebhookRequest Request(string body, string query) => new()
    {
        HotelId = "prg",
        Method = "POST",
        Path = "/webhooks/mews",
        QueryString = query,
        Body = Encoding.UTF8.GetBytes(body),
        ContentType = "application/json",
        ReceivedAt = new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.Zero),
    };

    private sealed class StaticMonitor(MewsOptions options) : IOptionsMonitor<MewsOptions>
    {
        public MewsOptions CurrentValue => options;

        public MewsOptions Get(string? name) => options;

        public IDisposable? OnChange(Action<MewsOptions, string?> listener) => null;
    }
}
