using System.Globalization;
using System.Text;
using System.Text.Json;
using HotelPlatform.Connectors.Apaleo.Wire;

namespace HotelPlatform.Connectors.Apaleo.Webhooks;

/// <summary>
/// Parses the JSON body Apaleo POSTs to a webhook endpoint into an <see cref="ApaleoWebhookDelivery"/>. The body is
/// <c>{topic, type, id, accountId, propertyId, timestamp, clientId, subjectId, data: {entityId}}</c> (apaleo.dev
/// "webhooks-payload"); the health check has <c>propertyIds</c> instead of <c>propertyId</c> and no <c>data</c>.
/// Verify the delivery first (<see cref="ApaleoWebhookVerifier"/>): Apaleo does not sign deliveries.
/// </summary>
/// <remarks>
/// Reservation deliveries become normalised events: <c>reservation/created</c> → <see cref="ReservationCreatedEvent"/>,
/// <c>reservation/canceled</c> → <see cref="ReservationCancelledEvent"/>, every other reservation type (amended, changed,
/// checked-in, check-in-reverted, checked-out, set-to-no-show, unit-assigned, unit-unassigned, payment-account-set,
/// payment-account-removed, deleted, and types added later) → <see cref="ReservationModifiedEvent"/>, since re-reading
/// the reservation is the right reaction to each. <c>system/healthcheck</c> is recognised; any other topic is reported
/// as ignored, never thrown.
/// </remarks>
internal static class ApaleoWebhookParser
{
    /// <summary>The header carrying "the tracking id of the originating request".</summary>
    public const string TrackingIdHeader = "apaleo-tracking-id";

    // Timestamps at or above this are epoch milliseconds. As seconds it would be the year 5138; as milliseconds it is
    // March 1973 — no Apaleo event is older, and no current one is that far in the future in seconds.
    private const long MillisecondsThreshold = 100_000_000_000;

    /// <summary>Parses a delivery from its UTF-8 body.</summary>
    /// <param name="utf8Body">The request body.</param>
    /// <param name="trackingId">The value of the <c>apaleo-tracking-id</c> header, if any.</param>
    /// <returns>The delivery.</returns>
    /// <exception cref="FormatException">The body is not an Apaleo webhook delivery (not JSON, or without <c>id</c>, <c>topic</c> or <c>type</c>). The message never quotes the body.</exception>
    public static ApaleoWebhookDelivery Parse(ReadOnlySpan<byte> utf8Body, string? trackingId = null)
    {
        WebhookEventModel? model;
        try
        {
            model = JsonSerializer.Deserialize(utf8Body, ApaleoJsonContext.Default.WebhookEventModel);
        }
        catch (JsonException exception)
        {
            throw new FormatException("The webhook body is not a JSON object of the Apaleo webhook shape.", exception);
        }

        return FromModel(model ?? throw new FormatException("The webhook body is empty (JSON null)."), trackingId);
    }

    /// <summary>Parses a delivery from its body text.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="trackingId">The value of the <c>apaleo-tracking-id</c> header, if any.</param>
    /// <returns>The delivery.</returns>
    /// <exception cref="FormatException">The body is not an Apaleo webhook delivery.</exception>
    public static ApaleoWebhookDelivery Parse(string body, string? trackingId = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Parse(Encoding.UTF8.GetBytes(body), trackingId);
    }

    /// <summary>
    /// Reads Apaleo's <c>timestamp</c>: epoch milliseconds (newer deliveries), epoch seconds (an older variant), either
    /// as a JSON number or a numeric string, or an ISO 8601 string.
    /// </summary>
    /// <param name="timestamp">The value.</param>
    /// <param name="occurredAt">The instant.</param>
    /// <returns><see langword="true"/> when the value is a timestamp.</returns>
    internal static bool TryReadTimestamp(JsonElement timestamp, out DateTimeOffset occurredAt)
    {
        occurredAt = default;
        long epoch;
        switch (timestamp.ValueKind)
        {
            case JsonValueKind.Number when timestamp.TryGetInt64(out epoch):
                break;
            case JsonValueKind.Number when timestamp.TryGetDouble(out var real) && real is >= 0 and < long.MaxValue:
                epoch = (long)real;
                break;
            case JsonValueKind.String when long.TryParse(timestamp.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out epoch):
                break;
            case JsonValueKind.String:
                return ApaleoDateTimeOffsetConverter.TryParse(timestamp.GetString(), out occurredAt);
            default:
                return false;
        }

        if (epoch <= 0)
        {
            return false;
        }

        try
        {
            occurredAt = epoch >= MillisecondsThreshold
                ? DateTimeOffset.FromUnixTimeMilliseconds(epoch)
                : DateTimeOffset.FromUnixTimeSeconds(epoch);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static ApaleoWebhookDelivery FromModel(WebhookEventModel model, string? trackingId)
    {
        if (string.IsNullOrWhiteSpace(model.Id) || string.IsNullOrWhiteSpace(model.Topic) || string.IsNullOrWhiteSpace(model.Type))
        {
            throw new FormatException("The webhook body lacks the 'id', 'topic' or 'type' every Apaleo delivery carries.");
        }

        var topic = model.Topic.Trim();
        var type = model.Type.Trim();
        DateTimeOffset? occurredAt = model.Timestamp is { } raw && TryReadTimestamp(raw, out var instant) ? instant : null;
        var propertyIds = !string.IsNullOrWhiteSpace(model.PropertyId)
            ? [model.PropertyId]
            : (model.PropertyIds ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        var delivery = new ApaleoWebhookDelivery
        {
            Kind = ApaleoWebhookDeliveryKind.Ignored,
            EventId = model.Id,
            VendorEventType = string.Create(CultureInfo.InvariantCulture, $"{topic.ToLowerInvariant()}/{type.ToLowerInvariant()}"),
            AccountId = model.AccountId,
            PropertyIds = propertyIds,
            OccurredAt = occurredAt,
            EntityId = string.IsNullOrWhiteSpace(model.Data?.EntityId) ? null : model.Data.EntityId,
            ClientId = model.ClientId,
            TrackingId = string.IsNullOrWhiteSpace(trackingId) ? null : trackingId.Trim(),
        };

        if (Is(topic, "system") && Is(type, "healthcheck"))
        {
            return delivery with { Kind = ApaleoWebhookDeliveryKind.HealthCheck };
        }

        if (!Is(topic, "reservation"))
        {
            return delivery with { IgnoredReason = $"Apaleo topic '{delivery.VendorEventType}' has no normalised event." };
        }

        if (delivery.EntityId is null || delivery.PropertyIds.Count != 1 || occurredAt is null)
        {
            return delivery with { IgnoredReason = $"The '{delivery.VendorEventType}' delivery lacks the reservation id, the property or a readable timestamp." };
        }

        var propertyId = delivery.PropertyIds[0];
        var eventTime = occurredAt.Value;
        PmsEvent normalised = type switch
        {
            _ when Is(type, "created") => new ReservationCreatedEvent(model.Id, PmsVendors.Apaleo, propertyId, eventTime, delivery.EntityId),
            _ when Is(type, "canceled") || Is(type, "cancelled") => new ReservationCancelledEvent(model.Id, PmsVendors.Apaleo, propertyId, eventTime, delivery.EntityId),
            _ => new ReservationModifiedEvent(model.Id, PmsVendors.Apaleo, propertyId, eventTime, delivery.EntityId),
        };
        return delivery with { Kind = ApaleoWebhookDeliveryKind.Event, Event = normalised with { VendorEventType = delivery.VendorEventType } };
    }

    private static bool Is(string value, string expected) => string.Equals(value, expected, StringComparison.OrdinalIgnoreCase);

}
