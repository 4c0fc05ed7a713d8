using System.Globalization;
using System.Text.Json.Nodes;
using HotelPlatform.Connectors.Cloudbeds.Subscriptions;
using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.Cloudbeds;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.VendorConformance.Cloudbeds;

/// <summary>
/// Holds the Cloudbeds connector and simulator to Cloudbeds' own OpenAPI document (pms-v1.3-openapi.yaml): a session in
/// which the connector uses every method it calls is run against the simulator, and every request it emitted (query
/// parameters, form fields, required members, enums, formats) and every answer the simulator gave is validated against
/// the document; then the answers are mapped field by field. The document publishes no <c>example</c> members, so the
/// examples mapped are the simulator's schema-valid answers of the session.
/// </summary>
public sealed class CloudbedsConformanceTests
{
    private const string Spec = "cloudbeds/openapi-specs/pms-v1.3-openapi.yaml";
    private const string HotelId = "lisbon";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_request_the_connector_emits_and_every_answer_of_the_simulator_match_the_openapi_document(bool oauth)
    {
        var spec = await VendorSpecs.LoadOpenApiAsync(Spec);
        await using var session = await Session.StartAsync(oauth);

        await session.RunAsync();

        var failures = new List<string>();
        var methods = new HashSet<string>(StringComparer.Ordinal);
        foreach (var recorded in session.Simulator.Requests)
        {
            var operation = spec.FindOperation(recorded.Method, recorded.Path);
            Assert.True(operation is not null, $"{recorded} is no operation of Cloudbeds' OpenAPI document.");
            methods.Add(operation!.PathTemplate);
            failures.AddRange(spec.ValidateRequest(recorded).Violations.Select(v => $"{recorded} request: {v}"));
            if (recorded.Response is { StatusCode: 200, Body.Length: > 0 } response)
            {
                failures.AddRange(spec.ValidateResponse(recorded.Method, recorded.Path, 200, response.Body).Violations.Select(v => $"{recorded} answer: {v}"));
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Empty(session.Simulator.ValidationFailures);
        string[] expected =
            [.. oauth ? ["/access_token"] : Array.Empty<string>(), "/oauth/metadata", "/getGuest", "/getGuestList", "/getHotels", "/getItems", "/getRatePlans", "/getReservation", "/getReservations", "/getRoomTypes", "/getWebhooks", "/postReservation", "/postReservationNote", "/postWebhook", "/putGuest", "/putReservation", "/deleteWebhook", "/patchRate", "/getRateJobs"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), methods.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_reservation_answer_maps_field_by_field()
    {
        await using var session = await Session.StartAsync();
        var created = await session.BookAsync();

        var reservation = await session.Connector.GetReservationAsync(created.VendorId, Ct);

        var data = session.LastAnswer("getReservation")["data"]!;
        var guest = data["guestList"]!.AsObject().Single().Value!;
        var room = data["unassigned"]![0]!;
        Assert.Equal((string)data["reservationID"]!, reservation.VendorId);
        Assert.Equal((string)data["reservationID"]!, reservation.ConfirmationNumber);
        Assert.Equal((string)data["propertyID"]!, reservation.PropertyId);
        Assert.Equal((ReservationStatus.Confirmed, "confirmed"), (reservation.Status, (string)data["status"]!));
        Assert.Equal(DateOnly.Parse((string)data["startDate"]!, CultureInfo.InvariantCulture), reservation.Arrival);
        Assert.Equal(DateOnly.Parse((string)data["endDate"]!, CultureInfo.InvariantCulture), reservation.Departure);
        Assert.Equal((string)data["thirdPartyIdentifier"]!, reservation.ClientReference);
        Assert.Equal((decimal)data["total"]!, reservation.Total!.Value.Amount);
        Assert.Equal((string)guest["guestID"]!, reservation.PrimaryGuest.VendorId);
        Assert.Equal((string)guest["guestFirstName"]!, reservation.PrimaryGuest.FirstName);
        Assert.Equal((string)guest["guestLastName"]!, reservation.PrimaryGuest.LastName);
        Assert.Equal((string)guest["guestEmail"]!, reservation.PrimaryGuest.Email);
        Assert.Equal((string)room["roomTypeID"]!, reservation.RoomTypeId);
        Assert.Equal(int.Parse((string)room["adults"]!, CultureInfo.InvariantCulture), reservation.Adults);
        Assert.Equal(
            room["dailyRates"]!.AsArray().Select(d => (DateOnly.Parse((string)d!["date"]!, CultureInfo.InvariantCulture), (decimal)d["rate"]!)),
            reservation.NightlyRates.Select(n => (n.Date, n.Amount.Amount)));
        Assert.Equal(DateTimeOffset.Parse((string)data["dateCreated"]!, CultureInfo.InvariantCulture), reservation.CreatedAt);
    }

    [Fact]
    public async Task Property_room_type_rate_guest_and_item_answers_map_field_by_field()
    {
        await using var session = await Session.StartAsync();
        var s = session.Simulator.Scenario;

        var property = await session.Connector.GetPropertyAsync(Ct);
        var roomTypes = await session.Connector.GetRoomTypesAsync(Ct);
        var ratePlans = await session.Connector.GetRatePlansAsync(Ct);
        var guest = await session.Connector.GetGuestAsync(s.KnownGuestId, Ct);
        var offers = await session.Connector.GetServiceOffersAsync(ServiceOfferRequest.ForStay(s.FirstFreeNight, s.FirstFreeNight.AddDays(1)), Ct);

        var hotel = session.LastAnswer("getHotels")["data"]![0]!;
        Assert.Equal(((string)hotel["propertyID"]!, (string)hotel["propertyName"]!, (string)hotel["propertyTimezone"]!, (string)hotel["propertyCurrency"]![0]!["currencyCode"]!), (property.VendorId, property.Name, property.TimeZone, property.Currency));
        Assert.Equal(
            session.LastAnswer("getRoomTypes")["data"]!.AsArray().Select(r => ((string)r!["roomTypeID"]!, (string)r["roomTypeName"]!, (string?)r["roomTypeNameShort"], (int?)r["maxGuests"])),
            roomTypes.Select(r => (r.VendorId, r.Name, r.Code, r.MaxOccupancy)));
        Assert.Equal(
            session.LastAnswer("getRatePlans")["data"]!.AsArray().Select(r => ((string)r!["rateID"]!, (string)r["ratePlanNamePublic"]!, (string)r["ratePlanID"]!, (string)r["roomTypeID"]!)),
            ratePlans.Select(r => (r.VendorId, r.Name, r.Code!, r.RoomTypeIds.Single())));
        var g = session.LastAnswer("getGuest")["data"]!;
        Assert.Equal(((string)g["firstName"]!, (string)g["lastName"]!, (string)g["email"]!, (string)g["phone"]!, (string)g["country"]!), (guest.FirstName!, guest.LastName, guest.Email!, guest.Phone!, guest.Address!.CountryCode));
        var item = session.LastAnswer("getItems")["data"]![0]!;
        var offer = Assert.Single(offers);
        Assert.Equal(((string)item["itemID"]!, (string)item["name"]!, (string)item["description"]!, (decimal)item["price"]!), (offer.ServiceId, offer.Name, offer.Description!, offer.UnitPrice.Amount));
    }

    /// <summary>The connector of one hotel, registered as an application would, against a started simulator.</summary>
    private sealed class Session : IAsyncDisposable
    {
        private readonly BoundSimulator _bound;
        private readonly ServiceProvider _services;

        private Session(BoundSimulator bound, ServiceProvider services)
        {
            _bound = bound;
            _services = services;
        }

        public CloudbedsSimulator Simulator => (CloudbedsSimulator)_bound.Simulator;

        public IPmsConnector Connector => _services.GetRequiredKeyedService<IPmsConnector>(HotelId);

        /// <summary>Starts the simulator and a hotel on it, with its API key, or with OAuth from an authorization code the simulator granted.</summary>
        public static async Task<Session> StartAsync(bool oauth = false)
        {
            var bound = await new CloudbedsSimulatorBinding().StartAsync(
                new SimulatorBindingContext(HotelId, new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()) { Options = new SimulatorOptions { EnforceRateLimits = false } },
                Ct);
            var services = new ServiceCollection();
            services.AddPmsConnectors().AddCloudbeds(HotelId, o =>
            {
                o.BaseAddress = new Uri(bound.Settings["BaseAddress"]!);
                o.PropertyId = bound.Settings["PropertyId"]!;
                o.ApiKey = bound.Settings["ApiKey"];
                o.RequestsPerSecond = 0;
                if (oauth)
                {
                    var simulator = (CloudbedsSimulator)bound.Simulator;
                    (o.ApiKey, o.ClientId, o.ClientSecret) = (null, simulator.CloudbedsOptions.ClientId, simulator.CloudbedsOptions.ClientSecret);
                    (o.AuthorizationCode, o.RedirectUri) = (simulator.Authorization.Authorize(), simulator.CloudbedsOptions.RedirectUri);
                }
            });
            return new Session(bound, services.BuildServiceProvider());
        }

        public Task<Reservation> BookAsync() =>
            Connector.CreateReservationAsync(
                new ReservationDraft(Simulator.Scenario.FirstFreeNight, Simulator.Scenario.FirstFreeNight.AddDays(2), Simulator.Scenario.RoomTypeId, Simulator.Scenario.RateId, new GuestProfile("Lovelace") { FirstName = "Ada", Email = "ada@example.com", Phone = "+44 20 0000", Address = new PostalAddress("GB") { PostalCode = "N1" } })
                {
                    Adults = 1,
                    ChildrenAges = [7],
                    ClientReference = "conformance-1",
                },
                Ct);

        /// <summary>Uses every method the connector calls, the refusals included.</summary>
        public async Task RunAsync()
        {
            var s = Simulator.Scenario;
            var night = s.FirstFreeNight;
            await Connector.GetPropertyAsync(Ct);
            await Connector.GetRoomTypesAsync(Ct);
            await Connector.GetRatePlansAsync(Ct);
            await Connector.GetAvailabilityAsync(new AvailabilityRequest(night, night.AddDays(7)), Ct);
            await Connector.QuoteAsync(new QuoteRequest(night, night.AddDays(2), 1) { ChildrenAges = [7], PromoCode = "SPRING" }, Ct);
            var booked = await BookAsync();
            await Connector.FindReservationAsync(booked.VendorId, Ct);
            await Connector.FindReservationAsync("404", Ct);
            await Connector.ModifyReservationAsync(booked.VendorId, new ReservationChanges { Departure = night.AddDays(3), Adults = 1, PrimaryGuest = booked.PrimaryGuest with { FirstName = "Augusta" }, Comment = "Late arrival" }, Ct);
            await Connector.CancelReservationAsync(booked.VendorId, cancellationToken: Ct);
            await Connector.GetReservationsAsync(ReservationQuery.Arrivals(night), Ct).ToListAsync(Ct);
            await Connector.GetReservationsAsync(ReservationQuery.Departures(night), Ct).ToListAsync(Ct);
            await Connector.GetReservationsAsync(ReservationQuery.InHouseToday(), Ct).ToListAsync(Ct);
            await Connector.GetReservationsAsync(ReservationQuery.ChangedSince(DateTimeOffset.UtcNow.AddDays(-1)), Ct).ToListAsync(Ct);
            await Connector.SearchGuestsAsync(new GuestSearch { Email = s.KnownGuestEmail, LastName = s.KnownGuestLastName, Phone = s.KnownGuestPhone }, Ct);
            await Connector.GetGuestAsync(s.KnownGuestId, Ct);
            await Connector.GetServiceOffersAsync(ServiceOfferRequest.ForReservation(booked.VendorId), Ct);
            var subscriptions = Connector.GetService<ICloudbedsSubscriptions>()!;
            var ids = await subscriptions.SubscribeAsync(new Uri("http://127.0.0.1:9/webhooks/cloudbeds?secret=0123456789abcdef"), [CloudbedsWebhookEvents.ReservationCreated], Ct);
            await subscriptions.ListAsync(Ct);
            await subscriptions.DeleteAsync(ids[0], Ct);
            await Connector.GetRequiredService<IPmsRatesAndAvailabilityPush>().PushAsync(
                new PmsRatesAndAvailabilityUpdate
                {
                    Rates = [new PmsRateValue(s.RoomTypeId, s.RateId, night, "EUR", new Dictionary<int, decimal> { [2] = 130.5m })],
                    Restrictions = [new PmsRestrictionValue(s.RoomTypeId, s.RateId, night.AddDays(1)) { Closed = false, ClosedToArrival = true, ClosedToDeparture = false, MinStay = 2, MaxStay = 7 }],
                },
                Ct);
        }

        public JsonNode LastAnswer(string method) =>
            JsonNode.Parse(Simulator.Requests.Last(r => r.Path == $"{CloudbedsSimulator.ApiPath}/{method}").Response!.Body)!;

        public async ValueTask DisposeAsync()
        {
            await _services.DisposeAsync();
            await _bound.DisposeAsync();
        }
    }
}
