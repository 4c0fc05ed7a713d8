using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using HotelPlatform.Connectors.Events;

namespace HotelPlatform.Connectors.Webhooks;

/// <summary>
/// How an inbound event is stored: <c>{"event": {...}, "reservation": {...}}</c>, the event serialised as its concrete
/// type (named by the row's <c>event_type</c>) with System.Text.Json source generation, and the ordering key that keeps
/// one reservation's (or guest's) events in order.
/// </summary>
internal static class PmsInboxPayload
{
    private static readonly Dictionary<string, JsonTypeInfo> EventTypes = new(StringComparer.Ordinal)
    {
        [nameof(ReservationCreatedEvent)] = PmsInboxJson.Default.ReservationCreatedEvent,
        [nameof(ReservationModifiedEvent)] = PmsInboxJson.Default.ReservationModifiedEvent,
        [nameof(ReservationCancelledEvent)] = PmsInboxJson.Default.ReservationCancelledEvent,
        [nameof(GuestUpdatedEvent)] = PmsInboxJson.Default.GuestUpdatedEvent,
        [nameof(AvailabilityChangedEvent)] = PmsInboxJson.Default.AvailabilityChangedEvent,
    };

    /// <summary>Tells whether the inbox can store events of this type.</summary>
    public static bool CanStore(PmsEvent pmsEvent) => EventTypes.ContainsKey(pmsEvent.GetType().Name);

    /// <summary>The reservation an event is about, if any.</summary>
    public static string? ReservationIdOf(PmsEvent pmsEvent) => pmsEvent switch
    {
        ReservationCreatedEvent e => e.ReservationId,
        ReservationModifiedEvent e => e.ReservationId,
        ReservationCancelledEvent e => e.ReservationId,
        _ => null,
    };

    /// <summary>Events about one reservation (or one guest) share a key and are dispatched in order; any other event orders only with itself.</summary>
    public static string OrderingKey(string hotelId, PmsEvent pmsEvent) => pmsEvent switch
    {
        _ when ReservationIdOf(pmsEvent) is { } reservationId => ReservationOrderingKey(hotelId, reservationId),
        GuestUpdatedEvent e => $"{hotelId}/guest/{e.GuestId}",
        _ => $"{hotelId}/event/{pmsEvent.EventId}",
    };

    /// <summary>The ordering key of a reservation's events.</summary>
    public static string ReservationOrderingKey(string hotelId, string reservationId) => $"{hotelId}/reservation/{reservationId}";

    /// <summary>Makes the inbox record of an event.</summary>
    /// <exception cref="NotSupportedException">An event type the inbox does not know.</exception>
    public static PmsInboxRecord ToRecord(string hotelId, PmsInboundEvent inbound, PmsEventOrigin origin, DateTimeOffset receivedAt)
    {
        var pmsEvent = inbound.Event;
        var typeName = pmsEvent.GetType().Name;
        if (!EventTypes.TryGetValue(typeName, out var typeInfo))
        {
            throw new NotSupportedException($"The inbox cannot store a {typeName}; add it to {nameof(PmsInboxPayload)}.");
        }

        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("event");
            JsonSerializer.Serialize(writer, pmsEvent, typeInfo);
            if (inbound.Reservation is { } reservation)
            {
                writer.WritePropertyName("reservation");
                JsonSerializer.Serialize(writer, reservation, PmsInboxJson.Default.Reservation);
            }

            writer.WriteEndObject();
        }

        return new PmsInboxRecord(hotelId, pmsEvent.EventId, typeName, OrderingKey(hotelId, pmsEvent), Encoding.UTF8.GetString(buffer.WrittenSpan), origin, pmsEvent.OccurredAt, receivedAt);
    }

    /// <summary>Reads a stored event back.</summary>
    /// <exception cref="NotSupportedException">A type this version does not know.</exception>
    /// <exception cref="JsonException">A payload that is not what this class wrote.</exception>
    public static PmsInboundEvent Read(PmsInboxRecord record)
    {
        if (!EventTypes.TryGetValue(record.EventType, out var typeInfo))
        {
            throw new NotSupportedException($"The inbox holds a {record.EventType}, which this version cannot read.");
        }

        using var document = JsonDocument.Parse(record.Payload);
        var pmsEvent = document.RootElement.GetProperty("event").Deserialize(typeInfo) as PmsEvent
            ?? throw new JsonException("The stored event is null.");
        var reservation = document.RootElement.TryGetProperty("reservation", out var element) ? element.Deserialize(PmsInboxJson.Default.Reservation) : null;
        return new PmsInboundEvent(pmsEvent) { Reservation = reservation };
    }
}

/// <summary>The source-generated serialisation of stored events.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ReservationCreatedEvent))]
[JsonSerializable(typeof(ReservationModifiedEvent))]
[JsonSerializable(typeof(ReservationCancelledEvent))]
[JsonSerializable(typeof(GuestUpdatedEvent))]
[JsonSerializable(typeof(AvailabilityChangedEvent))]
[JsonSerializable(typeof(Reservation))]
internal sealed partial class PmsInboxJson : JsonSerializerContext;
