using System.Globalization;
using System.Text.Json;
using HotelPlatform.Connectors.Cloudbeds.Subscriptions;
using HotelPlatform.Connectors.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Connectors.Cloudbeds.Webhooks;

/// <summary>
/// Verifies and parses Cloudbeds webhook deliveries of one hotel. Cloudbeds signs nothing and documents no address
/// list, so the delivery address carries the hotel's <see cref="CloudbedsOptions.WebhookSecret"/> in its
/// <c>secret</c> query parameter, compared in constant time (<see cref="PmsWebhookSecret"/>). Deliveries are thin
/// (ids only) and spell their members inconsistently (<c>propertyID</c> in reservation events, <c>propertyId</c> and
/// <c>guestId</c> in guest events), so members are matched case-insensitively; the events are id-only and the event id
/// is a hash of the body (Cloudbeds sends none; a repeated delivery has the same id).
/// </summary>
internal sealed partial class CloudbedsWebhookHandler(string hotelId, IOptionsMonitor<CloudbedsOptions> options, ILogger<CloudbedsWebhookHandler> logger) : PmsWebhookHandler
{
    /// <inheritdoc />
    public override string Vendor => PmsVendors.Cloudbeds;

    /// <inheritdoc />
    protected override bool Verify(PmsWebhookRequest request)
    {
        var secret = options.Get(hotelId).WebhookSecret;
        if (string.IsNullOrWhiteSpace(secret))
        {
            LogRejected(hotelId, "no WebhookSecret is configured; Cloudbeds signs nothing, so every delivery is refused");
            return false;
        }

        if (new PmsWebhookSecret(secret.Trim()).Matches(request.GetSingleQueryValue(CloudbedsOptions.WebhookSecretParameter)))
        {
            return true;
        }

        LogRejected(hotelId, "the address's secret does not match");
        return false;
    }

    /// <inheritdoc />
    protected override ValueTask<PmsWebhookResult> ParseAsync(PmsWebhookRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Parse(request.Body.Span, options.Get(hotelId).PropertyId));

    /// <summary>Parses one delivery for the property <paramref name="propertyId"/>.</summary>
    /// <exception cref="FormatException">The body is not a Cloudbeds delivery.</exception>
    internal static PmsWebhookResult Parse(ReadOnlySpan<byte> body, string propertyId)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new FormatException("A Cloudbeds delivery is a JSON object.", ex);
        }

        if (root.ValueKind != JsonValueKind.Object || Text(root, "event") is not { Length: > 0 } name)
        {
            throw new FormatException("A Cloudbeds delivery is a JSON object with an 'event' member.");
        }

        var property = Text(root, "propertyID_str") ?? Text(root, "propertyID");
        if (property is null)
        {
            throw new FormatException($"The Cloudbeds '{name}' delivery has no propertyID.");
        }

        if (!string.Equals(property, propertyId, StringComparison.Ordinal))
        {
            return PmsWebhookResult.Ignored($"The '{name}' delivery is for property '{property}', not this hotel's '{propertyId}'.");
        }

        var id = PmsEventIds.FromContent(body);
        var at = root.TryGetProperty("timestamp", out var stamp) && stamp.ValueKind == JsonValueKind.Number
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(stamp.GetDouble() * 1000))
            : DateTimeOffset.UnixEpoch;
        var reservationId = Text(root, "reservationID");
        var guestId = Text(root, "guestID_str") ?? Text(root, "guestID");
        PmsEvent? normalised = name switch
        {
            CloudbedsWebhookEvents.ReservationCreated when reservationId is not null => new ReservationCreatedEvent(id, PmsVendors.Cloudbeds, property, at, reservationId),
            CloudbedsWebhookEvents.ReservationStatusChanged when reservationId is not null && Text(root, "status") == "canceled" => new ReservationCancelledEvent(id, PmsVendors.Cloudbeds, property, at, reservationId),
            CloudbedsWebhookEvents.ReservationDeleted when reservationId is not null => new ReservationCancelledEvent(id, PmsVendors.Cloudbeds, property, at, reservationId),
            _ when name.StartsWith("reservation/", StringComparison.Ordinal) && reservationId is not null => new ReservationModifiedEvent(id, PmsVendors.Cloudbeds, property, at, reservationId),
            _ when name.StartsWith("guest/", StringComparison.Ordinal) && guestId is not null => new GuestUpdatedEvent(id, PmsVendors.Cloudbeds, property, at, guestId),
            _ => null,
        };
        return normalised is null
            ? PmsWebhookResult.Ignored($"Cloudbeds event '{name}' has no normalised event.")
            : PmsWebhookResult.FromEvents(new PmsInboundEvent(normalised with { VendorEventType = name }));
    }

    /// <summary>A member as text whatever its casing (<c>propertyID</c>, <c>propertyId</c>) and whether it is a string or a number.</summary>
    private static string? Text(JsonElement root, string name)
    {
        foreach (var member in root.EnumerateObject())
        {
            if (string.Equals(member.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return member.Value.ValueKind switch
                {
                    JsonValueKind.String => member.Value.GetString(),
                    JsonValueKind.Number => member.Value.GetRawText(),
                    _ => null,
                };
            }
        }

        return null;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Cloudbeds webhook delivery for hotel {HotelId} refused: {Reason}")]
    private partial void LogRejected(string hotelId, string reason);
}
