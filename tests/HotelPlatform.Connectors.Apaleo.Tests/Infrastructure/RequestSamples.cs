using HotelPlatform.Connectors.Apaleo.Wire;

namespace HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;

/// <summary>Hand-written inputs shared by request-building tests (our own data, not vendor documents).</summary>
internal static class RequestSamples
{
    public static ReservationDraft FullDraft() =>
        new(new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 12), "MUC-DBL", "MUC-FLEX-DBL",
            new GuestProfile("Musterfrau")
            {
                FirstName = "Erika",
                Email = "erika@example.com",
                Phone = "+49 89 1234567",
                Language = "de",
                NationalityCountryCode = "DE",
                Address = new PostalAddress("DE") { Line1 = "Marienplatz 1", PostalCode = "80331", City = "München" },
            })
        {
            Adults = 2,
            ChildrenAges = [7],
            ClientReference = "voice-7Q2K",
            Comment = "Booked by phone",
            GuestComment = "Quiet room please",
            Services = [new ServiceOrder("MUC-BRKF") { Quantity = 3 }, new ServiceOrder("MUC-PARK") { Dates = [new DateOnly(2025, 3, 11), new DateOnly(2025, 3, 10)] }],
        };

    /// <summary>A reservation as Apaleo would answer it, with two nights on different rate plans and a richer guest than the normalised model holds.</summary>
    public static ReservationModel CurrentReservation() => Json.Read(
        """
        {
          "id": "ABCDEFGH-1", "bookingId": "ABCDEFGH", "status": "Confirmed",
          "property": { "id": "MUC" },
          "ratePlan": { "id": "MUC-FLEX-DBL", "isSubjectToCityTax": false },
          "unitGroup": { "id": "MUC-DBL" },
          "totalGrossAmount": { "amount": 240.0, "currency": "EUR" },
          "arrival": "2025-03-10T15:00:00+01:00", "departure": "2025-03-12T11:00:00+01:00",
          "created": "2025-02-01T09:30:00Z", "modified": "2025-02-02T10:00:00Z",
          "adults": 1, "channelCode": "Direct", "externalCode": "voice-7Q2K",
          "primaryGuest": {
            "title": "Ms", "gender": "Female", "firstName": "Erika", "lastName": "Musterfrau",
            "email": "old@example.com", "birthDate": "1980-05-17",
            "address": { "addressLine1": "Alte Straße 2", "city": "München", "regionCode": "BY", "countryCode": "DE" },
            "loyaltyNumber": "L-99"
          },
          "timeSlices": [
            { "from": "2025-03-10T15:00:00+01:00", "to": "2025-03-11T11:00:00+01:00", "serviceDate": "2025-03-10",
              "ratePlan": { "id": "MUC-FLEX-DBL", "isSubjectToCityTax": false }, "unitGroup": { "id": "MUC-DBL" },
              "totalGrossAmount": { "amount": 120.0, "currency": "EUR" } },
            { "from": "2025-03-11T15:00:00+01:00", "to": "2025-03-12T11:00:00+01:00", "serviceDate": "2025-03-11",
              "ratePlan": { "id": "MUC-PROMO-DBL", "isSubjectToCityTax": false }, "unitGroup": { "id": "MUC-DBL" },
              "totalGrossAmount": { "amount": 120.0, "currency": "EUR" } }
          ]
        }
        """,
        Json.Context.ReservationModel);
}
