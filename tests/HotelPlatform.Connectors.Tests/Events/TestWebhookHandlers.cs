using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using HotelPlatform.Connectors.Events;
using Microsoft.Extensions.Primitives;

namespace HotelPlatform.Connectors.Tests.Events;

/// <summary>
/// A handler shaped like Mews' general webhooks: a shared token in the <c>Token</c> query parameter, a JSON batch
/// <c>{EnterpriseId, IntegrationId, Events: [{Discriminator, Value: {Id}}]}</c> of id-only events without event ids or
/// timestamps, so the ids are content hashes. Counts how often it parsed, to prove a rejected delivery is never parsed.
/// </summary>
internal sealed class BatchTokenHandler(string token) : PmsWebhookHandler
{
    private readonly PmsWebhookSecret _token = new(token);

    public int Parsed { get; private set; }

    public override string Vendor => "batchvendor";

    protected override bool Verify(PmsWebhookRequest request) => _token.Matches(request.GetSingleQueryValue("Token"));

    protected override ValueTask<PmsWebhookResult> ParseAsync(PmsWebhookRequest request, CancellationToken cancellationToken)
    {
        Parsed++;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(request.Body);
        }
        catch (JsonException exception)
        {
            throw new FormatException("The body is not a JSON batch.", exception);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("EnterpriseId", out var enterprise) || !root.TryGetProperty("Events", out var events))
            {
                throw new FormatException("The body lacks EnterpriseId or Events.");
            }

            var property = enterprise.GetString()!;
            var delivery = PmsEventIds.FromContent(request.Body.Span);
            var mapped = new List<PmsInboundEvent>();
            foreach (var item in events.EnumerateArray())
            {
                var discriminator = item.GetProperty("Discriminator").GetString()!;
                var entityId = item.GetProperty("Value").GetProperty("Id").GetString()!;

                // No event id, no timestamp: the id hashes the vendor, property, type, entity and the whole delivery,
                // so that a redelivered message repeats its ids and a later message about the same entity does not.
                var eventId = PmsEventIds.FromContent(Vendor, property, discriminator, entityId, delivery);
                PmsEvent? normalised = discriminator switch
                {
                    "ServiceOrderUpdated" => new ReservationModifiedEvent(eventId, Vendor, property, request.ReceivedAt, entityId),
                    "CustomerAdded" or "CustomerUpdated" => new GuestUpdatedEvent(eventId, Vendor, property, request.ReceivedAt, entityId),
                    _ => null,
                };
                if (normalised is not null)
                {
                    mapped.Add(new PmsInboundEvent(normalised with { VendorEventType = discriminator }));
                }
            }

            return ValueTask.FromResult(mapped.Count == 0 ? PmsWebhookResult.Ignored("No event of the batch has a normalised event.") : PmsWebhookResult.FromEvents(mapped));
        }
    }
}

/// <summary>
/// A handler shaped like a push of whole reservations in an OTA message (SiteMinder's <c>OTA_HotelResNotifRQ</c>):
/// basic credentials, an XML body carrying the complete reservation, and a SOAP answer the vendor expects.
/// </summary>
internal sealed class ReservationPushHandler(string user, string password) : PmsWebhookHandler
{
    public const string Answer = """<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><OTA_HotelResNotifRS xmlns="http://www.opentravel.org/OTA/2003/05" Version="1.0"><Success/></OTA_HotelResNotifRS></soap:Body></soap:Envelope>""";

    private readonly PmsWebhookSecret _credentials = new($"{user}:{password}");

    public override string Vendor => "pushvendor";

    protected override bool Verify(PmsWebhookRequest request)
    {
        var header = request.GetHeader("Authorization");
        var presented = header is not null && header.StartsWith("Basic ", StringComparison.Ordinal)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..]))
            : null;
        return _credentials.Matches(presented);
    }

    protected override ValueTask<PmsWebhookResult> ParseAsync(PmsWebhookRequest request, CancellationToken cancellationToken)
    {
        XElement reservation;
        try
        {
            reservation = XElement.Parse(request.ReadBodyAsString()).Descendants("HotelReservation").Single();
        }
        catch (Exception exception) when (exception is System.Xml.XmlException or InvalidOperationException)
        {
            throw new FormatException("The body is not an OTA reservation message.", exception);
        }

        var messageId = (string)reservation.Element("UniqueID")!.Attribute("ID")!;
        var reservationId = (string)reservation.Attribute("ResID")!;
        var hotel = (string)reservation.Attribute("HotelCode")!;
        var whole = new Reservation(reservationId, hotel, ReservationStatus.Confirmed, DateOnly.Parse((string)reservation.Attribute("Start")!, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse((string)reservation.Attribute("End")!, System.Globalization.CultureInfo.InvariantCulture), new GuestProfile((string)reservation.Attribute("Surname")!));
        var created = new ReservationCreatedEvent(messageId, Vendor, hotel, request.ReceivedAt, reservationId);
        var answer = new PmsWebhookResponse(200, "text/xml; charset=utf-8", Encoding.UTF8.GetBytes(Answer));
        return ValueTask.FromResult(PmsWebhookResult.FromEvents(new PmsInboundEvent(created) { Reservation = whole }).WithResponse(answer));
    }
}

/// <summary>Builds requests as the webhook framework would.</summary>
internal static class TestWebhookRequests
{
    public static readonly DateTimeOffset ReceivedAt = new(2026, 12, 3, 9, 30, 0, TimeSpan.Zero);

    public static PmsWebhookRequest Post(string pathAndQuery, string body, IReadOnlyDictionary<string, StringValues>? headers = null, string contentType = "application/json")
    {
        var split = pathAndQuery.Split('?', 2);
        return new PmsWebhookRequest
        {
            HotelId = "h1",
            Method = "POST",
            Path = split[0],
            QueryString = split.Length == 2 ? "?" + split[1] : string.Empty,
            Headers = headers ?? new Dictionary<string, StringValues>(),
            Body = Encoding.UTF8.GetBytes(body),
            ContentType = contentType,
            ReceivedAt = ReceivedAt,
        };
    }
}
