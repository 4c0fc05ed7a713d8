using System.Text;
using HotelPlatform.Connectors.Events;
using HotelPlatform.Connectors.Mews.Tests.Connector;
using HotelPlatform.Connectors.Simulators;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace HotelPlatform.Connectors.Mews.Tests.Webhooks;

/// <summary>The simulator delivers general webhooks with the agreed token; the hotel's keyed handler verifies and parses them.</summary>
public sealed class SimulatorDeliveryTests : MewsHarness
{
    [Fact]
    public async Task A_booking_is_delivered_with_the_token_as_an_id_only_event_and_refused_with_a_wrong_one()
    {
        var handler = Mews.Services.GetRequiredKeyedService<IPmsWebhookHandler>("kit-mews");
        var results = new List<PmsWebhookResult>();
        await using var receiver = await WebhookReceiver.StartAsync(
            received =>
            {
                var result = handler.HandleAsync(new PmsWebhookRequest
                {
                    HotelId = "kit-mews",
                    Method = "POST",
                    Path = received.RequestUri.AbsolutePath,
                    QueryString = received.RequestUri.Query,
                    Headers = received.Headers.ToDictionary(h => h.Key, h => new StringValues(h.Value)),
                    Body = Encoding.UTF8.GetBytes(received.Body),
                    ReceivedAt = DateTimeOffset.UtcNow,
                }).AsTask().GetAwaiter().GetResult();
                lock (results)
                {
                    results.Add(result);
                }

                return result.Outcome == PmsWebhookOutcome.Rejected ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK;
            },
            Ct);

        Simulator.WebhookAddress = new Uri(receiver.BaseAddress, $"webhooks/mews?Token={Mews.WebhookToken}");
        var created = await Connector.CreateReservationAsync(Draft(Seeded.Today.AddDays(33)), Ct);
        await Simulator.FlushWebhooksAsync();
        Simulator.WebhookAddress = new Uri(receiver.BaseAddress, "webhooks/mews?Token=not-the-agreed-secret");
        await Connector.CancelReservationAsync(created.VendorId, "test", Ct);
        await Simulator.FlushWebhooksAsync();

        var deliveries = Simulator.Webhooks.Deliveries.Where(d => d.Payload.Contains("ServiceOrderUpdated", StringComparison.Ordinal)).ToList();
        Assert.Equal([200, 401], deliveries.Select(d => d.StatusCode));
        var accepted = Assert.Single(results, r => r.Outcome == PmsWebhookOutcome.Events && r.Events.Any(e => e.Event is ReservationModifiedEvent));
        var inbound = Assert.Single(accepted.Events, e => e.Event is ReservationModifiedEvent);
        Assert.True(inbound.IsIdOnly);
        Assert.Equal(created.VendorId, ((ReservationModifiedEvent)inbound.Event).ReservationId);
        Assert.Equal(Seeded.EnterpriseId, inbound.Event.PropertyId);
    }
}
