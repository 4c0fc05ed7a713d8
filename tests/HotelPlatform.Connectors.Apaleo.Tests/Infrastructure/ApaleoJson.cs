using System.Text.Json.Nodes;

namespace HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;

/// <summary>
/// Apaleo answers in the shapes of Apaleo's own examples (booking-v1 <c>ReservationModel</c>, inventory-v1
/// <c>PropertyModel</c>, ...), with our own test data. Apaleo writes stay date-times in the property's offset.
/// </summary>
internal static class ApaleoJson
{
    public static string Property(string id, string timeZone = "Europe/Berlin") => $$"""
        {
          "id": "{{id}}", "code": "{{id}}", "name": { "en": "Hotel Munich", "de": "Hotel München" },
          "companyName": "Hotel Munich GmbH", "timeZone": "{{timeZone}}", "currencyCode": "EUR",
          "status": "Live", "isArchived": false
        }
        """;

    /// <summary>A reservation as <c>GET /booking/v1/reservations/{id}</c> answers it (with <c>expand=timeSlices,services</c>).</summary>
    public static JsonObject Reservation(
        string id,
        string status = "Confirmed",
        string property = ApaleoHarness.PropertyId,
        string? externalCode = null,
        string channel = "Direct",
        string arrival = "2025-03-12",
        string departure = "2025-03-14",
        int adults = 2,
        string? comment = null,
        string lastName = "Musterfrau",
        string? email = "erika@example.com",
        JsonArray? services = null)
    {
        var start = DateOnly.Parse(arrival, System.Globalization.CultureInfo.InvariantCulture);
        var end = DateOnly.Parse(departure, System.Globalization.CultureInfo.InvariantCulture);
        var slices = new JsonArray();
        for (var night = start; night < end; night = night.AddDays(1))
        {
            slices.Add(new JsonObject
            {
                ["from"] = $"{night:yyyy-MM-dd}T15:00:00+01:00",
                ["to"] = $"{night.AddDays(1):yyyy-MM-dd}T11:00:00+01:00",
                ["serviceDate"] = $"{night:yyyy-MM-dd}",
                ["ratePlan"] = new JsonObject { ["id"] = "MUC-FLEX-DBL", ["isSubjectToCityTax"] = false },
                ["unitGroup"] = new JsonObject { ["id"] = "MUC-DBL" },
                ["totalGrossAmount"] = new JsonObject { ["amount"] = 120.0, ["currency"] = "EUR" },
            });
        }

        var reservation = new JsonObject
        {
            ["id"] = id,
            ["bookingId"] = id.Split('-')[0],
            ["status"] = status,
            ["property"] = new JsonObject { ["id"] = property },
            ["ratePlan"] = new JsonObject { ["id"] = "MUC-FLEX-DBL", ["name"] = "Flexible", ["isSubjectToCityTax"] = false },
            ["unitGroup"] = new JsonObject { ["id"] = "MUC-DBL", ["name"] = "Double" },
            ["totalGrossAmount"] = new JsonObject { ["amount"] = 120.0 * slices.Count, ["currency"] = "EUR" },
            ["arrival"] = $"{arrival}T15:00:00+01:00",
            ["departure"] = $"{departure}T11:00:00+01:00",
            ["created"] = "2025-03-01T09:30:00Z",
            ["modified"] = "2025-03-01T09:30:00Z",
            ["adults"] = adults,
            ["channelCode"] = channel,
            ["primaryGuest"] = new JsonObject { ["firstName"] = "Erika", ["lastName"] = lastName, ["email"] = email },
            ["timeSlices"] = slices,
        };
        if (externalCode is not null)
        {
            reservation["externalCode"] = externalCode;
        }

        if (comment is not null)
        {
            reservation["comment"] = comment;
        }

        if (services is not null)
        {
            reservation["services"] = services;
        }

        return reservation;
    }

    /// <summary>A page of <c>GET /booking/v1/reservations</c>: <c>{reservations, count}</c>.</summary>
    public static string ReservationPage(params JsonObject[] reservations) =>
        new JsonObject { ["reservations"] = new JsonArray([.. reservations]), ["count"] = reservations.Length }.ToJsonString();

    /// <summary>A booked service of a reservation (booking-v1 <c>ReservationServiceItemModel</c>) with a count per date.</summary>
    public static JsonObject BookedService(string serviceId, params (string Date, int Count)[] dates) => new()
    {
        ["service"] = new JsonObject { ["id"] = serviceId, ["name"] = "Breakfast", ["pricingUnit"] = "Person" },
        ["totalAmount"] = new JsonObject { ["grossAmount"] = 15.0 * dates.Sum(d => d.Count), ["netAmount"] = 14.0 * dates.Sum(d => d.Count), ["vatType"] = "Reduced", ["vatPercent"] = 7.0, ["currency"] = "EUR" },
        ["dates"] = new JsonArray([.. dates.Select(d => (JsonNode)new JsonObject
        {
            ["serviceDate"] = d.Date,
            ["count"] = d.Count,
            ["amount"] = new JsonObject { ["grossAmount"] = 15.0 * d.Count, ["netAmount"] = 14.0 * d.Count, ["vatType"] = "Reduced", ["vatPercent"] = 7.0, ["currency"] = "EUR" },
            ["isMandatory"] = false,
        })]),
    };
}
