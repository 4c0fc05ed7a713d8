using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.Apaleo;

namespace HotelPlatform.Connectors.VendorConformance.Apaleo;

/// <summary>
/// Holds the Apaleo simulator to Apaleo's own Swagger documents: a session touching every endpoint it serves is run, and
/// every request and every response body of an API whose document is saved (booking-v1, inventory-v1) is validated
/// against that document. A simulator answering with a member the schema does not declare, leaving out a required one,
/// or using an undocumented status fails here, so a connector tested against it is not taught a dialect of our own.
/// </summary>
public sealed class ApaleoSimulatorConformanceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string D(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Every_request_and_response_of_a_representative_session_matches_apaleos_swagger()
    {
        OpenApiSpec spec = await ApaleoSwagger.LoadAsync();
        // The session runs on the real clock faster than Apaleo's quota allows; the quota has tests of its own.
        await using var apaleo = new ApaleoSimulator(new SimulatorOptions { EnforceRateLimits = false });
        await apaleo.StartAsync(Ct);
        using HttpClient client = apaleo.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apaleo.Tokens.IssueToken(ApaleoSimulatorOptions.DefaultClientId).AccessToken);

        await RunSessionAsync(apaleo, client);

        var failures = new List<string>();
        var unsaved = new HashSet<string>(StringComparer.Ordinal);
        int responsesChecked = 0;
        foreach (RecordedRequest recorded in apaleo.Requests)
        {
            if (ApaleoSwagger.UnsavedApiOf(recorded.Path) is { } api)
            {
                unsaved.Add(api);
                continue;
            }

            OperationMatch? operation = spec.FindOperation(recorded.Method, recorded.Path);
            Assert.True(operation is not null, $"{recorded} is in no saved Apaleo document.");
            RecordedResponse response = recorded.Response!;
            Collect(failures, ApaleoSwagger.ValidateRequest(spec, recorded));
            if (response.Body.Length > 0)
            {
                Collect(failures, spec.ValidateResponse(recorded.Method, recorded.Path, response.StatusCode, response.Body));
                responsesChecked++;
            }
            else if (!operation!.Operation.ActualResponses.ContainsKey(response.StatusCode.ToString(CultureInfo.InvariantCulture)))
            {
                failures.Add($"{recorded}: the status {response.StatusCode} is not documented for {operation.Method} {operation.PathTemplate}.");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(ApaleoSwagger.UnsavedApis.Order(StringComparer.Ordinal), unsaved.Order(StringComparer.Ordinal));
        Assert.True(responsesChecked >= 20, $"only {responsesChecked} response bodies were validated");
        Assert.Empty(apaleo.ValidationFailures);
    }

    private static void Collect(List<string> failures, IEnumerable<SpecValidationResult> results)
    {
        foreach (SpecValidationResult result in results)
        {
            Collect(failures, result);
        }
    }

    private static void Collect(List<string> failures, SpecValidationResult result)
    {
        if (!result.IsValid)
        {
            failures.Add(result.ToString());
        }
    }

    /// <summary>Reads, books, changes, checks in and cancels, including the 204, 404 and 422 answers a connector must handle.</summary>
    private static async Task RunSessionAsync(ApaleoSimulator apaleo, HttpClient client)
    {
        ApaleoScenario s = apaleo.Scenario;
        DateOnly arrival = s.Today.AddDays(5);
        string stay = $"arrival={D(arrival)}&departure={D(arrival.AddDays(2))}";

        string[] reads =
        [
            "/inventory/v1/properties?pageNumber=1&pageSize=10",
            $"/inventory/v1/properties/{s.PropertyId}?languages=all",
            $"/inventory/v1/unit-groups?propertyId={s.PropertyId}&pageSize=50",
            $"/inventory/v1/unit-groups?propertyId={s.PropertyId}&pageNumber=2&pageSize=50",
            $"/inventory/v1/unit-groups/{s.MainUnitGroupId}",
            "/inventory/v1/unit-groups/NOPE",
            $"/rateplan/v1/rate-plans?propertyId={s.PropertyId}&pageSize=50",
            $"/rateplan/v1/services?propertyId={s.PropertyId}",
            $"/availability/v1/unit-groups?propertyId={s.PropertyId}&from={D(s.Today)}&to={D(s.Today.AddDays(13))}",
            $"/booking/v1/offers?propertyId={s.PropertyId}&{stay}&adults=2&channelCode=Direct",
            $"/booking/v1/offers?propertyId={s.PropertyId}&arrival={D(s.RestrictedArrival.Arrival)}&departure={D(s.RestrictedArrival.Arrival.AddDays(1))}&adults=1&includeUnavailable=true",
            $"/booking/v1/offers?propertyId={s.PropertyId}&arrival={D(s.SoldOut.Night)}&departure={D(s.SoldOut.Night.AddDays(1))}&adults=1&unitGroupIds={s.SoldOut.UnitGroupId}",
            $"/booking/v1/offers?propertyId={s.PropertyId}&arrival={D(arrival.AddDays(2))}&departure={D(arrival)}&adults=1",
            $"/booking/v1/service-offers?ratePlanId={s.FlexibleRatePlanId}&{stay}&adults=2&onlyDefaultDates=false",
            $"/booking/v1/reservations/{s.KnownGuest.ReservationId}?expand=timeSlices,services,booker",
            $"/booking/v1/reservations/{s.InHouseGuest.ReservationId}?expand=timeSlices,assignedUnits",
            "/booking/v1/reservations/NOPE-1",
            $"/booking/v1/reservations?propertyIds={s.PropertyId}&expand=timeSlices,services,booker&sort=arrival:asc&pageNumber=1&pageSize=100",
            $"/booking/v1/reservations?textSearch={s.KnownGuest.LastName}",
            "/booking/v1/reservations?status=NoShow",
            $"/booking/v1/reservations/{s.KnownGuest.ReservationId}/services",
            $"/booking/v1/reservations/{s.KnownGuest.ReservationId}/service-offers",
        ];
        foreach (string read in reads)
        {
            (await client.GetAsync(read, Ct)).Dispose();
        }

        var booking = new JsonObject
        {
            ["booker"] = new JsonObject { ["title"] = "Ms", ["firstName"] = "Jane", ["lastName"] = "Doe", ["email"] = "jane@example.com", ["address"] = new JsonObject { ["addressLine1"] = "Main St 1", ["postalCode"] = "10115", ["city"] = "Berlin", ["countryCode"] = "DE" } },
            ["paymentAccount"] = new JsonObject { ["accountNumber"] = "1111", ["accountHolder"] = "Jane Doe", ["expiryMonth"] = "12", ["expiryYear"] = "2030", ["paymentMethod"] = "visa", ["payerEmail"] = "jane@example.com" },
            ["comment"] = "Booked by the conformance session",
            ["reservations"] = new JsonArray(new JsonObject
            {
                ["arrival"] = D(arrival),
                ["departure"] = D(arrival.AddDays(2)),
                ["adults"] = 2,
                ["childrenAges"] = new JsonArray(6),
                ["channelCode"] = "Direct",
                ["externalCode"] = "CONF-1",
                ["primaryGuest"] = new JsonObject { ["firstName"] = "Jane", ["lastName"] = "Doe", ["birthDate"] = "1990-01-31" },
                ["additionalGuests"] = new JsonArray(new JsonObject { ["lastName"] = "Doe", ["firstName"] = "John" }),
                ["guaranteeType"] = "CreditCard",
                ["travelPurpose"] = "Leisure",
                ["timeSlices"] = new JsonArray(new JsonObject { ["ratePlanId"] = s.FlexibleRatePlanId.Replace("DBL", "STE", StringComparison.Ordinal) }, new JsonObject { ["ratePlanId"] = s.FlexibleRatePlanId.Replace("DBL", "STE", StringComparison.Ordinal), ["totalAmount"] = new JsonObject { ["amount"] = 200.0, ["currency"] = "EUR" } }),
                ["services"] = new JsonArray(new JsonObject { ["serviceId"] = s.BreakfastServiceId }),
                ["commission"] = new JsonObject { ["commissionAmount"] = new JsonObject { ["amount"] = 10.0, ["currency"] = "EUR" } },
            }),
        };
        using HttpResponseMessage created = await SendAsync(client, HttpMethod.Post, "/booking/v1/bookings", booking.ToJsonString(), ("Idempotency-Key", "conformance-1"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        JsonNode createdBody = JsonNode.Parse(await created.Content.ReadAsStringAsync(Ct))!;
        string id = createdBody["reservationIds"]![0]!["id"]!.GetValue<string>();
        string bookingId = createdBody["id"]!.GetValue<string>();
        (await SendAsync(client, HttpMethod.Post, "/booking/v1/bookings", booking.ToJsonString(), ("Idempotency-Key", "conformance-1"))).Dispose();

        string soldOutPlan = s.RatePlanIds.First(p => p.EndsWith(s.SoldOut.UnitGroupId[(s.PropertyId.Length + 1)..], StringComparison.Ordinal));
        string soldOut = $$"""{"booker":{"lastName":"Doe"},"reservations":[{"arrival":"{{D(s.SoldOut.Night)}}","departure":"{{D(s.SoldOut.Night.AddDays(1))}}","adults":1,"channelCode":"Direct","timeSlices":[{"ratePlanId":"{{soldOutPlan}}"}]}]}""";
        string suite = s.FlexibleRatePlanId.Replace("DBL", "STE", StringComparison.Ordinal);
        string amend = new JsonObject
        {
            ["arrival"] = D(arrival),
            ["departure"] = D(arrival.AddDays(3)),
            ["adults"] = 2,
            ["childrenAges"] = new JsonArray(6),
            ["requote"] = false,
            ["timeSlices"] = new JsonArray(
                new JsonObject { ["ratePlanId"] = suite },
                new JsonObject { ["ratePlanId"] = suite },
                new JsonObject { ["ratePlanId"] = suite, ["totalGrossAmount"] = new JsonObject { ["amount"] = 210.0, ["currency"] = "EUR" } }),
        }.ToJsonString();
        (string Method, string Path, string? Body)[] writes =
        [
            ("POST", "/booking/v1/bookings", soldOut),
            ("PATCH", $"/booking/v1/reservations/{id}", """[{"op":"add","path":"/comment","value":"Cot needed"},{"op":"replace","path":"/primaryGuest","value":{"lastName":"Doe","firstName":"Janet"}}]"""),
            ("PATCH", $"/booking/v1/reservations/{id}", """[{"op":"replace","path":"/status","value":"Canceled"}]"""),
            ("PUT", $"/booking/v1/reservation-actions/{id}/amend", amend),
            ("PUT", $"/booking/v1/reservation-actions/{id}/book-service", $$"""{"serviceId":"{{s.ParkingServiceId}}","count":1}"""),
            ("DELETE", $"/booking/v1/reservations/{id}/services?serviceId={s.ParkingServiceId}", null),
            ("PUT", $"/booking/v1/reservation-actions/{s.KnownGuest.ReservationId}/checkin", null),
            ("PUT", $"/booking/v1/reservation-actions/{s.KnownGuest.ReservationId}/assign-unit", null),
            ("PUT", $"/booking/v1/reservation-actions/{s.KnownGuest.ReservationId}/checkin?withCityTax=true", null),
            ("PUT", $"/booking/v1/reservation-actions/{id}/cancel", null),
            ("PUT", $"/booking/v1/reservation-actions/{id}/cancel", null),
            ("PUT", "/booking/v1/reservation-actions/NOPE-1/cancel", null),
            ("PUT", $"/booking/v1/reservation-actions/{s.InHouseGuest.ReservationId}/checkout", null),
            ("PUT", $"/booking/v1/reservation-actions/{s.InHouseGuest.ReservationId}/checkout", null),
            ("PUT", "/booking/v1/reservation-actions/NOPE-1/checkout", null),
            ("PUT", $"/booking/v1/reservation-actions/{id}/noshow", null),
            ("PUT", "/booking/v1/reservation-actions/NOPE-1/noshow", null),
        ];
        foreach ((string method, string path, string? body) in writes)
        {
            (await SendAsync(client, new HttpMethod(method), path, body)).Dispose();
        }

        foreach (string read in new[] { $"/booking/v1/bookings/{bookingId}", $"/booking/v1/bookings/{bookingId}?expand=propertyValues,services,reservations", "/booking/v1/bookings/NOPE", $"/booking/v1/reservations/{s.InHouseGuest.ReservationId}", $"/booking/v1/reservations/{id}?expand=timeSlices,services,booker", $"/booking/v1/reservations/{s.KnownGuest.ReservationId}?expand=assignedUnits,timeSlices", $"/booking/v1/reservations?dateFilter=Modification&from={DateTimeOffset.UtcNow.AddHours(-1):yyyy-MM-ddTHH:mm:ss}Z" })
        {
            (await client.GetAsync(read, Ct)).Dispose();
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? json, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        foreach ((string name, string value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await client.SendAsync(request, Ct);
    }
}
