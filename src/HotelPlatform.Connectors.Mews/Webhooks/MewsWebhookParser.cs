using System.Text.Json;
using HotelPlatform.Connectors.Events;
using HotelPlatform.Connectors.Mews.Wire;

namespace HotelPlatform.Connectors.Mews.Webhooks;

/// <summary>
/// Reads a Mews general webhook (events/wh-general.md: <c>{EnterpriseId, IntegrationId, Events: [{Discriminator,
/// Value: {Id}}]}</c>) into id-only events: the payload carries only the entity's id, so each event says which entity
/// to fetch (<c>ServiceOrderUpdated</c> → the reservation, through <c>reservations/getAll/2023-06-06</c>;
/// <c>CustomerAdded</c>/<c>CustomerUpdated</c> → the customer). Other discriminators (resources, messages, resource
/// blocks, payments) have no normalised event and are left out.
/// </summary>
internal static class MewsWebhookParser
{
    /// <summary>The discriminator of a reservation (service order) change.</summary>
    public const string ServiceOrderUpdated = "ServiceOrderUpdated";

    /// <summary>
    /// Parses a delivery. Event ids are hashes of the delivery's content and its index in the batch plus the time it was
    /// received: Mews sends no event id or timestamp, and two deliveries about the same reservation must not be taken
    /// for one; a delivery Mews repeats after a failure therefore yields new ids (an id-only event is only a prompt to
    /// fetch, so seeing it twice costs a read, never a wrong state).
    /// </summary>
    public static PmsWebhookResult Parse(PmsWebhookRequest request, string propertyId)
    {
        GeneralWebhook delivery;
        try
        {
            delivery = JsonSerializer.Deserialize(request.Body.Span, MewsJsonContext.Default.GeneralWebhook)
                       ?? throw new FormatException("The Mews webhook body is empty.");
        }
        catch (JsonException ex)
        {
            // Not the parser's message: it may quote the body.
            throw new FormatException($"The Mews webhook body is not a general webhook (line {ex.LineNumber}, byte {ex.BytePositionInLine}).");
        }

        if (!string.Equals(delivery.EnterpriseId, propertyId, StringComparison.OrdinalIgnoreCase))
        {
            return PmsWebhookResult.Ignored($"The delivery is for enterprise '{delivery.EnterpriseId}', not this hotel's '{propertyId}'.");
        }

        var content = PmsEventIds.FromContent(request.Body.Span);
        var received = request.ReceivedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var events = new List<PmsInboundEvent>();
        for (var i = 0; i < delivery.Events.Count; i++)
        {
            var item = delivery.Events[i];
            if (item.Value?.Id is not { Length: > 0 } id)
            {
                continue;
            }

            var eventId = PmsEventIds.FromContent(content, i.ToString(System.Globalization.CultureInfo.InvariantCulture), received);
            PmsEvent? normalised = item.Discriminator switch
            {
                ServiceOrderUpdated => new ReservationModifiedEvent(eventId, PmsVendors.Mews, propertyId, request.ReceivedAt, id),
                "CustomerAdded" or "CustomerUpdated" => new GuestUpdatedEvent(eventId, PmsVendors.Mews, propertyId, request.ReceivedAt, id),
                _ => null,
            };
            if (normalised is not null)
            {
                events.Add(new PmsInboundEvent(normalised with { VendorEventType = item.Discriminator }));
            }
        }

        return events.Count == 0
            ? PmsWebhookResult.Ignored("The delivery holds no reservation or customer event.")
            : PmsWebhookResult.FromEvents(events);
    }
}
