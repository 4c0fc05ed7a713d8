using System.Text.Json;
using System.Text.Json.Nodes;
using HotelPlatform.Connectors.Events;
using HotelPlatform.Connectors.Opera;
using HotelPlatform.Connectors.Opera.Blocks;
using HotelPlatform.Connectors.Opera.Mapping;
using HotelPlatform.Connectors.Opera.Wire;
using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.Opera;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.VendorConformance.Opera;

/// <summary>
/// The OPERA connector held to Oracle's own OHIP documents (rsv, par, inv, rmcfg, rtp, crm, blk, int, oauth 25.5 in
/// <c>../shared/vendor-specs/opera</c>): every request of a representative session (reference data, availability and restrictions, quote, booking,
/// change, cancellation, lists, profiles, blocks, rate and restriction push, business events, packages, token) validates against its operation (path,
/// parameters and their enum values, required headers, body schema), and Oracle's embedded examples read through the
/// connector's wire models and mappers field by field.
/// </summary>
public sealed class OperaConformanceTests
{
    private static readonly string[] Modules = ["rsv", "par", "inv", "rmcfg", "rtp", "crm", "blk", "int", "oauth"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_request_of_a_connector_session_matches_oracles_documents()
    {
        var spec = await VendorSpecs.LoadOpenApiAsync([.. Modules.Select(m => $"opera/rest-api-specs/property/{m}.json")]);
        await using var simulator = new OperaSimulator(new SimulatorOptions { EnforceRateLimits = false });
        await simulator.StartAsync(Ct);
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddPmsConnectors().AddOpera("LDN", o =>
        {
            o.BaseAddress = simulator.BaseAddress;
            o.PropertyId = simulator.OperaOptions.HotelCodes[0];
            o.ClientId = simulator.OperaOptions.ClientId;
            o.ClientSecret = simulator.OperaOptions.ClientSecret;
            o.AppKey = simulator.OperaOptions.AppKey;
            o.Scope = simulator.OperaOptions.Scope;
            o.ExternalSystemCode = simulator.OperaOptions.ExternalSystemCode;
            o.TimeZone = simulator.OperaOptions.TimeZone;
            o.Currency = simulator.OperaOptions.Currency;
            o.GuaranteeCode = "6PM";
            o.MarketCode = "LEIS";
            o.SourceCode = "WEB";
        });
        await using var provider = services.BuildServiceProvider();

        await RunSessionAsync(provider.GetRequiredKeyedService<IPmsConnector>("LDN"), provider.GetRequiredKeyedService<IPmsEventSource>("LDN"));

        var failures = new List<string>();
        var operations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var recorded in simulator.Requests)
        {
            var operation = spec.FindOperation(recorded.Method, recorded.Path);
            if (operation is null)
            {
                failures.Add($"{recorded}: in no saved OHIP document.");
                continue;
            }

            operations.Add(operation.Operation.OperationId);
            failures.AddRange(Validate(spec, recorded).Select(v => $"{recorded.Method} {recorded.Path}: {v}"));
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Empty(simulator.ValidationFailures);
        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "getToken", "getRoomTypes", "getRatePlansByHotel", "getHotelInventory", "getRestrictionsByDateRange", "getHotelAvailability", "postReservation",
                "getReservation", "getReservationByExtId", "getHotelReservations", "putReservation", "postCancelReservation",
                "getProfiles", "getProfile", "postProfile", "putProfile", "postBlock", "getBlock", "postReservationByBlock", "getBusinessEvents",
                "getPackages", "getPackage", "postReservationPackage", "postRestriction", "setRatePlanSchedules",
            },
            operations);
    }

    [Fact]
    public void Oracles_getReservation_example_maps_field_by_field()
    {
        var example = Example("rsv", "/hotels/{hotelId}/reservations/{reservationId}", "get");
        var envelope = JsonSerializer.Deserialize(example, OperaJsonContext.Default.ReservationEnvelope)!;

        var reservation = OperaReservationMapper.ToReservation(envelope.Reservations!.Reservation![0], "FALLBACK", "USD", "HPCONN");

        Assert.Equal("571062", reservation.VendorId);
        Assert.Equal("813595", reservation.ConfirmationNumber);
        Assert.Equal("HOTEL1", reservation.PropertyId);
        Assert.Equal((new DateOnly(2020, 1, 13), new DateOnly(2020, 1, 14)), (reservation.Arrival, reservation.Departure));
        Assert.Equal((ReservationStatus.Confirmed, "Reserved"), (reservation.Status, reservation.RawStatus));
        Assert.Equal(("687128", "Jennifer", "Clarke"), (reservation.PrimaryGuest.VendorId, reservation.PrimaryGuest.FirstName, reservation.PrimaryGuest.LastName));
        Assert.Equal("This is a sample reservation comment", reservation.GuestComment);
        Assert.Null(reservation.Comment);
        Assert.Equal(new DateTimeOffset(2020, 1, 28, 14, 33, 54, TimeSpan.Zero), reservation.CreatedAt);
        Assert.Null(reservation.ClientReference);
    }

    [Fact]
    public void Oracles_postReservation_example_maps_field_by_field_and_is_the_shape_the_connector_writes()
    {
        var example = Example("rsv", "/hotels/{hotelId}/reservations", "post");
        var request = JsonSerializer.Deserialize(example, OperaJsonContext.Default.CreateReservationRequest)!;

        var reservation = OperaReservationMapper.ToReservation(request.Reservations.Reservation![0], "FALLBACK", "EUR", "HPCONN");

        Assert.Equal("HOTEL1", reservation.PropertyId);
        Assert.Equal((new DateOnly(2021, 7, 1), new DateOnly(2021, 7, 2)), (reservation.Arrival, reservation.Departure));
        Assert.Equal(("STDK", "DFLEX", 1), (reservation.RoomTypeId, reservation.RatePlanId, reservation.Adults));
        Assert.Equal(("Ben", "Smith"), (reservation.PrimaryGuest.FirstName, reservation.PrimaryGuest.LastName));
        Assert.Equal(new NightlyRate(new DateOnly(2021, 7, 1), new Money(200m, "USD")), reservation.NightlyRates[0]);
        // The example's comment is of type GEN ("General Notes"), not the reservation's own RESERVATION comments the
        // connector reads as Comment / GuestComment.
        Assert.Equal("GEN", OnlyCommentType(example));
        Assert.Equal((null, null), (reservation.Comment, reservation.GuestComment));
        Assert.Equal((ReservationStatus.Confirmed, "Reserved"), (reservation.Status, reservation.RawStatus));
        // Its package (reservationPackages[0]: BBRFSTAS, "Breakfast Buffet - Adult 1", USD 25 on 2021-07-01, quantity 1, source Reservation).
        var package = Assert.Single(reservation.Services);
        Assert.Equal(("BBRFSTAS", "Breakfast Buffet - Adult 1", 1, new Money(25m, "USD")), (package.ServiceId, package.Name, package.Quantity, package.Total!.Value));
        Assert.Equal([new DateOnly(2021, 7, 1)], package.Dates);
    }

    [Fact]
    public void Oracles_problem_body_definition_is_what_the_classifier_reads()
    {
        var spec = JsonNode.Parse(VendorSpecs.ReadText("opera", "rest-api-specs", "property", "rsv.json"))!;
        var problem = spec["definitions"]!["exceptionDetailType"]!["properties"]!.AsObject();

        Assert.Subset(problem.Select(p => p.Key).ToHashSet(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal) { "type", "title", "status", "detail", "o:errorCode", "o:errorPath", "o:errorDetails" });
    }

    /// <summary>
    /// Validates path, query and headers against the operation, and the body against the definition its body parameter
    /// names. Oracle declares bodies as <c>allOf: [{$ref}, {example}]</c>; the shared validator closes every object
    /// schema, so the example-only half would refuse every member: the body is held to the <c>$ref</c> definition instead.
    /// One of Oracle's own contradictions is tolerated: blk <c>timeSpanType</c>, par <c>createRestrictionType</c> and rtp
    /// <c>ratePlanScheduleDetailType</c> declare their dates <c>format: date</c> with <c>maxLength: 8</c>, which no
    /// <c>yyyy-MM-dd</c> date fits.
    /// </summary>
    private static IEnumerable<SpecViolation> Validate(OpenApiSpec spec, RecordedRequest recorded)
    {
        var request = SpecRequest.From(recorded);
        if (request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) == true)
        {
            // The token call: formData parameters, validated with the operation.
            foreach (var violation in spec.ValidateRequest(request).Violations)
            {
                yield return violation;
            }

            yield break;
        }

        foreach (var violation in spec.ValidateRequest(request with { Body = null, ContentType = null }).Violations.Where(v => !v.Location.StartsWith("body", StringComparison.Ordinal)))
        {
            yield return violation;
        }

        if (string.IsNullOrEmpty(request.Body))
        {
            yield break;
        }

        var (module, definition) = BodyDefinition(recorded.Method, recorded.Path);
        foreach (var violation in spec.ValidateDefinition(definition, request.Body).Violations)
        {
            if (!IsDateDeclaredEightLong(module, violation))
            {
                yield return violation;
            }
        }
    }

    private static bool IsDateDeclaredEightLong(string module, SpecViolation violation) =>
        violation.Message.Contains("String Too Long", StringComparison.Ordinal)
        && ((module == "blk" && violation.Path.Contains(".timeSpan.", StringComparison.Ordinal))
            || (module == "par" && violation.Path is "$.restriction.start" or "$.restriction.end")
            || (module == "rtp" && violation.Path.StartsWith("$.ratePlanScheduleList[", StringComparison.Ordinal) && (violation.Path.EndsWith(".start", StringComparison.Ordinal) || violation.Path.EndsWith(".end", StringComparison.Ordinal))));

    /// <summary>The module and the definition the body parameter of the operation at <paramref name="path"/> refers to.</summary>
    private static (string Module, string Definition) BodyDefinition(string method, string path)
    {
        foreach (var module in Modules)
        {
            var document = JsonNode.Parse(VendorSpecs.ReadText("opera", "rest-api-specs", "property", $"{module}.json"))!;
            var basePath = (string)document["basePath"]!;
            if (!path.StartsWith(basePath + "/", StringComparison.Ordinal))
            {
                continue;
            }

            var relative = path[basePath.Length..].Split('/');
            foreach (var (template, item) in document["paths"]!.AsObject())
            {
                var parts = template.Split('/');
                if (parts.Length == relative.Length && parts.Zip(relative).All(p => p.First.StartsWith('{') || p.First == p.Second)
                    && item![method.ToLowerInvariant()]?["parameters"]?.AsArray().FirstOrDefault(p => (string?)p!["in"] == "body") is { } body)
                {
                    var schema = body["schema"]!;
                    var reference = (string?)schema["$ref"] ?? (string)schema["allOf"]![0]!["$ref"]!;
                    return (module, reference.Split('/')[^1]);
                }
            }
        }

        throw new InvalidOperationException($"{method} {path}: no body parameter in the saved OHIP documents.");
    }

    /// <summary>Reads, quotes (one stay over 90 nights), offers and adds packages, books, changes, lists, cancels; profiles; a block and its pick-up; one business-event poll.</summary>
    private static async Task RunSessionAsync(IPmsConnector connector, IPmsEventSource events)
    {
        var today = (await connector.GetPropertyAsync(Ct)).LocalDate(DateTimeOffset.UtcNow);
        var arrival = today.AddDays(20);
        await connector.GetRoomTypesAsync(Ct);
        await connector.GetRatePlansAsync(Ct);
        await connector.GetAvailabilityAsync(new AvailabilityRequest(arrival, arrival.AddDays(3)), Ct);
        await connector.QuoteAsync(new QuoteRequest(arrival, arrival.AddDays(2), 2) { ChildrenAges = [7], RoomTypeIds = ["KING"], PromoCode = "SUMMER" }, Ct);
        // Longer than par's 90 days (two windows), every room type (more than one page: pagePointerKey).
        await connector.QuoteAsync(new QuoteRequest(arrival, arrival.AddDays(95), 1), Ct);
        await connector.GetServiceOffersAsync(ServiceOfferRequest.ForStay(arrival, arrival.AddDays(2), adults: 2), Ct);
        var guest = await connector.UpsertGuestAsync(new GuestProfile("Turing") { FirstName = "Alan", Email = "alan@example.com", Phone = "+441234", Address = new PostalAddress("GB") { Line1 = "1 Bletchley Park", City = "Milton Keynes", PostalCode = "MK3 6EB" }, Consents = GuestConsents.Newsletter }, Ct);
        await connector.UpsertGuestAsync(guest with { FirstName = "Alan M." }, Ct);
        await connector.SearchGuestsAsync(new GuestSearch { LastName = "Turing", FirstName = "Alan M.", Email = "alan@example.com" }, Ct);
        var booked = await connector.CreateReservationAsync(new ReservationDraft(arrival, arrival.AddDays(2), "KING", "BAR", guest) { Adults = 2, ChildrenAges = [7], ClientReference = "conf-1", Comment = "note", GuestComment = "quiet room", Services = [new ServiceOrder("PARK")] }, Ct);
        await connector.GetServiceOffersAsync(ServiceOfferRequest.ForReservation(booked.VendorId), Ct);
        await connector.AddServiceAsync(booked.VendorId, new ServiceOrder(OperaSimulator.BreakfastPackageCode) { Quantity = 2, Dates = [arrival.AddDays(1)] }, Ct);
        await connector.FindReservationAsync(booked.ConfirmationNumber!, Ct);
        await connector.ModifyReservationAsync(booked.VendorId, new ReservationChanges { Departure = arrival.AddDays(3), PrimaryGuest = booked.PrimaryGuest with { FirstName = "A." }, Comment = "changed" }, Ct);
        await foreach (var _ in connector.GetReservationsAsync(ReservationQuery.Arrivals(arrival), Ct))
        {
        }

        await foreach (var _ in connector.GetReservationsAsync(ReservationQuery.InHouse(today), Ct))
        {
        }

        await foreach (var _ in connector.GetReservationsAsync(ReservationQuery.ChangedSince(DateTimeOffset.UtcNow.AddHours(-1)), Ct))
        {
        }

        await connector.CancelReservationAsync(booked.VendorId, "guest request", Ct);
        var blocks = connector.GetService<IOperaBlocks>()!;
        var block = await blocks.CreateBlockAsync(new OperaBlockDraft("CONF26", "Conference", arrival, arrival.AddDays(2)) { StatusCode = "DEF" }, Ct);
        await blocks.PickUpAsync(block.Id, new ReservationDraft(arrival, arrival.AddDays(2), "TWIN", "BAR", new GuestProfile("Delegate")) { ClientReference = "conf-2" }, Ct);
        var currency = (await connector.GetRatePlansAsync(Ct)).Single(p => p.VendorId == "BAR").Currency!;
        await connector.GetRequiredService<IPmsRatesAndAvailabilityPush>().PushAsync(
            new PmsRatesAndAvailabilityUpdate
            {
                Restrictions = [new PmsRestrictionValue("KING", "BAR", arrival.AddDays(30)) { Closed = true, ClosedToArrival = false, ClosedToDeparture = true, MinStay = 2, MaxStay = 7 }],
                Rates = [new PmsRateValue("KING", "BAR", arrival.AddDays(30), currency, new Dictionary<int, decimal> { [1] = 120m, [2] = 140m, [5] = 200m })],
            },
            Ct);
        await events.PollOnceAsync(null, (_, _) => ValueTask.CompletedTask, Ct);
    }

    private static string Example(string module, string path, string method)
    {
        var spec = JsonNode.Parse(VendorSpecs.ReadText("opera", "rest-api-specs", "property", $"{module}.json"))!;
        var operation = spec["paths"]![path]![method]!;
        if (method == "get")
        {
            return operation["responses"]!["200"]!["examples"]!["application/json"]!.ToJsonString();
        }

        var body = operation["parameters"]!.AsArray().First(p => (string?)p!["in"] == "body")!;
        return body["schema"]!["allOf"]!.AsArray().First(a => a!["example"] is not null)!["example"]!.ToJsonString();
    }

    private static string? OnlyCommentType(string example) =>
        (string?)JsonNode.Parse(example)!["reservations"]!["reservation"]![0]!["comments"]![0]!["comment"]!["type"];
}
