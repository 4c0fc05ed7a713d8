using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HotelPlatform.Connectors.Simulators.Opera;

/// <summary>
/// A stateful OHIP sandbox of one environment (a chain of <see cref="OperaSimulatorOptions.HotelCodes"/>): the token
/// endpoint (<c>POST /oauth/v1/tokens</c>, Basic client credentials, <c>x-app-key</c> checked), and the rsv, par, inv,
/// rmcfg, rtp, crm, blk and int operations a connector uses (with par <c>postRestriction</c> and rtp
/// <c>setRatePlanSchedules</c>, whose values availability and reservations then reflect), with OHIP's status codes (201 + <c>Location</c> for a
/// create, 204 for an unknown id), problem bodies (<c>title</c>, <c>status</c>, <c>o:errorCode</c>,
/// <c>o:errorDetails</c>), stated paging caps (room types 1000, profiles 200, business events 20, availability and
/// inventory 90 days, reservation searches capped at <see cref="OperaSimulatorOptions.SearchResultCap"/>), blocks, a
/// business-event queue per hotel that dequeuing empties, and one throttle for the environment.
/// </summary>
/// <remarks>
/// Every API call needs <c>authorization</c> (a token of this environment), <c>x-app-key</c> and <c>x-hotelid</c> (a
/// hotel of the chain); bodies may only hold the members the simulator knows from Oracle's documents, anything else is
/// refused with 400 and recorded in <see cref="VendorSimulator.ValidationFailures"/>.
/// </remarks>
public sealed partial class OperaSimulator : VendorSimulator
{
    /// <summary>The token endpoint's path.</summary>
    public const string TokenPath = "/oauth/v1/tokens";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, SimHotel> _hotels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _profiles = new(StringComparer.Ordinal);
    private int _nextId = 100_000;

    /// <summary>Initializes a new instance of the <see cref="OperaSimulator"/> class.</summary>
    /// <param name="options">The shared simulator settings (clock, seed, port).</param>
    /// <param name="operaOptions">The environment's settings.</param>
    public OperaSimulator(SimulatorOptions? options = null, OperaSimulatorOptions? operaOptions = null)
        : base(options)
    {
        OperaOptions = operaOptions ?? new OperaSimulatorOptions();
        if (OperaOptions.HotelCodes.Count == 0)
        {
            throw new ArgumentException("An OPERA environment has at least one hotel.", nameof(operaOptions));
        }

        Tokens = new OAuthTokenEndpoint(this, new OAuthTokenEndpointOptions { TokenLifetime = OperaOptions.TokenLifetime, AllowFormAuthentication = false });
        Tokens.RegisterClient(OperaOptions.ClientId, OperaOptions.ClientSecret, OperaOptions.Scope);
        Seed();
    }

    /// <inheritdoc />
    public override string Vendor => PmsVendors.Opera;

    /// <summary>Gets the environment's settings.</summary>
    public OperaSimulatorOptions OperaOptions { get; }

    /// <summary>Gets the token endpoint (count issued tokens, revoke them).</summary>
    public OAuthTokenEndpoint Tokens { get; }

    /// <summary>The given name of the seeded guest profile.</summary>
    public const string KnownGuestFirstName = "Ada";

    /// <summary>The surname of the seeded guest profile.</summary>
    public const string KnownGuestLastName = "Lovelace";

    /// <summary>The e-mail address of the seeded guest profile.</summary>
    public const string KnownGuestEmail = "ada.lovelace@example.com";

    /// <summary>The phone number of the seeded guest profile.</summary>
    public const string KnownGuestPhone = "+442071234567";

    /// <summary>Gets the id of the seeded guest profile.</summary>
    public string KnownGuestProfileId { get; private set; } = string.Empty;

    /// <summary>Gets the room type codes every hotel sells (the first one is the main one).</summary>
    public static IReadOnlyList<string> RoomTypeCodes { get; } = ["KING", "TWIN", "SUITE"];

    /// <summary>Gets the rate plan codes every hotel sells (the first one is public and flexible).</summary>
    public static IReadOnlyList<string> RatePlanCodes { get; } = ["BAR", "NONREF"];

    /// <summary>Gets the nightly price of a room type and rate plan.</summary>
    /// <param name="roomType">The room type code.</param>
    /// <param name="ratePlan">The rate plan code.</param>
    /// <returns>The price.</returns>
    public static decimal NightlyPrice(string roomType, string ratePlan) =>
        (roomType switch { "SUITE" => 300m, "TWIN" => 140m, _ => 150m }) * (ratePlan == "NONREF" ? 0.9m : 1m);

    /// <summary>Gets the number of reservations of a hotel.</summary>
    /// <param name="hotelCode">The hotel.</param>
    /// <returns>The count.</returns>
    public int ReservationCount(string hotelCode)
    {
        lock (_gate)
        {
            return Hotel(hotelCode).Reservations.Count;
        }
    }

    /// <summary>Gets how many business events wait in a hotel's queue.</summary>
    /// <param name="hotelCode">The hotel.</param>
    /// <returns>The count.</returns>
    public int QueuedEventCount(string hotelCode)
    {
        lock (_gate)
        {
            return Hotel(hotelCode).Events.Count;
        }
    }

    /// <summary>Checks a guest in as the front desk would (status InHouse, an <c>CHECK IN</c> business event).</summary>
    /// <param name="hotelCode">The hotel.</param>
    /// <param name="reservationId">The reservation.</param>
    public void CheckIn(string hotelCode, string reservationId)
    {
        lock (_gate)
        {
            var hotel = Hotel(hotelCode);
            var stored = hotel.Reservations.GetValueOrDefault(reservationId) ?? throw new KeyNotFoundException($"No reservation '{reservationId}' at {hotelCode}.");
            stored.Status = "InHouse";
            Touch(hotel, stored, "CHECK IN");
        }
    }

    /// <summary>
    /// Adds reservations straight into a hotel's state (no requests, no events): a large in-house list for paging and
    /// memory tests. Each stays from <paramref name="arrivalFrom"/> plus <c>i % spreadDays</c> to <paramref name="departure"/>.
    /// </summary>
    /// <param name="hotelCode">The hotel.</param>
    /// <param name="count">How many.</param>
    /// <param name="arrivalFrom">The first arrival.</param>
    /// <param name="spreadDays">Over how many arrival days they spread.</param>
    /// <param name="departure">The departure of all of them.</param>
    /// <param name="status">Their status (InHouse for an in-house list).</param>
    /// <param name="roomType">Their room type; spread over every room type when <see langword="null"/>.</param>
    public void SeedReservations(string hotelCode, int count, DateOnly arrivalFrom, int spreadDays, DateOnly departure, string status = "InHouse", string? roomType = null)
    {
        lock (_gate)
        {
            var hotel = Hotel(hotelCode);
            var now = TimeProvider.GetUtcNow();
            for (var i = 0; i < count; i++)
            {
                var id = NextId();
                hotel.Reservations[id] = new SimReservation(id, "C" + id, arrivalFrom.AddDays(i % Math.Max(1, spreadDays)), departure, roomType ?? RoomTypeCodes[i % RoomTypeCodes.Count], RatePlanCodes[0], 1, [])
                {
                    Status = status,
                    Guest = new JsonObject { ["customer"] = new JsonObject { ["personName"] = new JsonArray(new JsonObject { ["givenName"] = "Guest", ["surname"] = "Number" + i.ToString(CultureInfo.InvariantCulture), ["nameType"] = "Primary" }) }, ["profileType"] = "Guest" },
                    Created = now,
                    Modified = now,
                };
            }
        }
    }

    /// <summary>Sets a par restriction at a hotel, as a revenue manager would (served by <c>getRestrictionsByDateRange</c>, honoured by availability and bookings).</summary>
    /// <param name="hotelCode">The hotel.</param>
    /// <param name="start">The first date it applies to.</param>
    /// <param name="end">The last date it applies to.</param>
    /// <param name="code">The <c>restrictionStatusesType</c> code the simulator applies: Closed, ClosedForArrival, ClosedForDeparture, MinimumLengthOfStay or MaximumLengthOfStay.</param>
    /// <param name="unit">The nights of a length-of-stay restriction.</param>
    /// <param name="roomType">The room type it applies to; every room type when <see langword="null"/>.</param>
    /// <param name="ratePlanCode">The rate plan it applies to; every rate plan when <see langword="null"/>.</param>
    public void SetRestriction(string hotelCode, DateOnly start, DateOnly end, string code, int? unit = null, string? roomType = null, string? ratePlanCode = null)
    {
        if (code is not ("Closed" or "ClosedForArrival" or "ClosedForDeparture" or "MinimumLengthOfStay" or "MaximumLengthOfStay")
            || (code.EndsWith("LengthOfStay", StringComparison.Ordinal) != unit is not null))
        {
            throw new ArgumentException($"Restriction '{code}' is not one the simulator applies, or its unit is missing or superfluous.", nameof(code));
        }

        lock (_gate)
        {
            Hotel(hotelCode).Restrictions.Add(new SimRestriction(start, end, code, unit, roomType, ratePlanCode));
        }
    }

    /// <inheritdoc />
    protected override void MapRoutes(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapPost(TokenPath, TokenAsync);
        var api = routes.MapGroup(string.Empty).AddEndpointFilter(RequireHeadersAsync);
        api.MapGet("/rm/config/v1/hotels/{hotelId}/roomTypes", GetRoomTypes);
        api.MapGet("/rtp/v1/hotels/{hotelId}/ratePlans", GetRatePlans);
        api.MapGet("/inv/v1/hotels/{hotelId}/hotelInventory", GetInventory);
        api.MapGet("/par/v1/hotels/{hotelId}/availability", GetAvailability);
        api.MapGet("/par/v1/hotels/{hotelId}/restrictions", GetRestrictions);
        api.MapPost("/par/v1/hotels/{hotelId}/restrictions", PostRestrictionAsync);
        api.MapPut("/rtp/v1/hotels/{hotelId}/ratePlans/{ratePlanCode}/schedules/set", SetRatePlanSchedulesAsync);
        api.MapPost("/rsv/v1/hotels/{hotelId}/reservations", (HttpContext c, string hotelId) => CreateReservationAsync(c, hotelId, null));
        api.MapPost("/rsv/v1/hotels/{hotelId}/blocks/{blockId}/reservations", (HttpContext c, string hotelId, string blockId) => CreateReservationAsync(c, hotelId, blockId));
        api.MapGet("/rsv/v1/hotels/{hotelId}/reservations", SearchReservations);
        api.MapGet("/rsv/v1/hotels/{hotelId}/reservations/{reservationId}", GetReservation);
        api.MapPut("/rsv/v1/hotels/{hotelId}/reservations/{reservationId}", ChangeReservationAsync);
        api.MapPost("/rsv/v1/hotels/{hotelId}/reservations/{reservationId}/cancellations", CancelReservationAsync);
        api.MapGet("/rsv/v1/hotels/{hotelId}/externalSystems/{externalSystemCode}/reservations/{externalId}", GetReservationByExternalId);
        api.MapGet("/crm/v1/profiles", SearchProfiles);
        api.MapGet("/crm/v1/profiles/{profileId}", GetProfile);
        api.MapPost("/crm/v1/profiles", (Delegate)CreateProfileAsync);
        api.MapPut("/crm/v1/profiles/{profileId}", ChangeProfileAsync);
        api.MapPost("/blk/v1/hotels/{hotelId}/block", CreateBlockAsync);
        api.MapGet("/blk/v1/hotels/{hotelId}/blocks/{blockId}", GetBlock);
        api.MapGet("/rtp/v1/packages", GetPackages);
        api.MapGet("/rsv/v1/hotels/{hotelId}/reservations/{reservationId}/packages", GetReservationPackage);
        api.MapPost("/rsv/v1/hotels/{hotelId}/reservations/{reservationId}/packages", AddReservationPackagesAsync);
        api.MapGet("/int/v1/externalSystem/{extSystemCode}/hotels/{hotelId}/businessEvents", DequeueBusinessEvents);
    }

    /// <summary>One throttle for the environment: every request of the client, whatever the hotel, counts against the same 50 requests/s plus a burst of 100.</summary>
    /// <inheritdoc />
    protected override IEnumerable<RateLimitPolicy> GetRateLimitPolicies(HttpContext context) =>
        Tokens.FindToken(context) is { } token
            ? [new RateLimitPolicy($"environment:{token.ClientId}", new RateLimitRule(OperaOptions.RequestsPerSecond + OperaOptions.RequestBurst, TimeSpan.FromSeconds(1)))]
            : [];

    /// <summary>429 with <c>Retry-After</c>; OHIP documents no body for it, so a problem body is chosen.</summary>
    /// <inheritdoc />
    protected override Task WriteTooManyRequestsAsync(HttpContext context, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.RetryAfter = FormatRetryAfter(retryAfter);
        return Problem(429, "Too Many Requests", "More than the environment's requests per second.", "TOO_MANY_REQUESTS").ExecuteAsync(context);
    }

    /// <inheritdoc />
    protected override Task WriteServerErrorAsync(HttpContext context, int statusCode)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Problem(statusCode, statusCode == 503 ? "Service Unavailable" : "Internal Server Error", "Simulated failure.", null).ExecuteAsync(context);
    }

    /// <inheritdoc />
    protected override void OnReset()
    {
        Tokens.Reset();
        lock (_gate)
        {
            _hotels.Clear();
            _profiles.Clear();
            Seed();
        }
    }

    /// <summary>An OHIP problem body (<c>exceptionDetailType</c>).</summary>
    internal static IResult Problem(int status, string title, string? detail, string? code, string? path = null)
    {
        var body = new JsonObject { ["type"] = $"https://www.rfc-editor.org/rfc/rfc9110.html#status.{status}", ["title"] = title, ["status"] = status };
        if (detail is not null)
        {
            body["detail"] = detail;
        }

        if (code is not null)
        {
            body["o:errorCode"] = code;
            body["o:errorDetails"] = new JsonArray(new JsonObject { ["type"] = "error", ["title"] = detail ?? title, ["o:errorCode"] = code });
        }

        if (path is not null)
        {
            body["o:errorPath"] = path;
        }

        return Results.Content(body.ToJsonString(), "application/json", statusCode: status);
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IResult Json(JsonNode node, int status = 200) => Results.Content(node.ToJsonString(), "application/json", statusCode: status);

    private string NextId() => (++_nextId).ToString(CultureInfo.InvariantCulture);

    private SimHotel Hotel(string code) => _hotels.GetValueOrDefault(code) ?? throw new KeyNotFoundException($"No hotel '{code}' in this environment.");

    private void Seed()
    {
        foreach (var code in OperaOptions.HotelCodes)
        {
            _hotels[code] = new SimHotel(code);
        }

        KnownGuestProfileId = NextId();
        _profiles[KnownGuestProfileId] = new JsonObject
        {
            ["customer"] = new JsonObject { ["personName"] = new JsonArray(new JsonObject { ["givenName"] = KnownGuestFirstName, ["surname"] = KnownGuestLastName, ["nameType"] = "Primary" }), ["language"] = "en" },
            ["emails"] = new JsonObject { ["emailInfo"] = new JsonArray(new JsonObject { ["email"] = new JsonObject { ["emailAddress"] = KnownGuestEmail, ["type"] = "EMAIL" } }) },
            ["telephones"] = new JsonObject { ["telephoneInfo"] = new JsonArray(new JsonObject { ["telephone"] = new JsonObject { ["phoneNumber"] = KnownGuestPhone, ["phoneTechType"] = "PHONE", ["phoneUseType"] = "HOME" } }) },
            ["profileType"] = "Guest",
        };
    }

    /// <summary>Checks <c>x-app-key</c>, then hands the form to the core's token endpoint (Basic client credentials, scope).</summary>
    private async Task TokenAsync(HttpContext context)
    {
        if (!string.Equals(context.Request.Headers["x-app-key"], OperaOptions.AppKey, StringComparison.Ordinal))
        {
            _ = Validation.Reject(context, [new ValidationViolation("header:x-app-key", "x-app-key is required on the token call and must be the application's key.")]);
            await Problem(401, "Unauthorized", "Invalid or missing x-app-key.", "INVALID_APP_KEY").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        await Tokens.HandleTokenRequestAsync(context).ConfigureAwait(false);
    }

    /// <summary>Every API call: a valid token, the application key and a hotel of the environment.</summary>
    private async ValueTask<object?> RequireHeadersAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var auth = Tokens.Authenticate(context);
        if (!auth.IsAuthenticated)
        {
            return Problem(401, "Unauthorized", "The access token is missing, invalid or expired.", "UNAUTHORIZED");
        }

        if (!string.Equals(context.Request.Headers["x-app-key"], OperaOptions.AppKey, StringComparison.Ordinal))
        {
            _ = Validation.Reject(context, [new ValidationViolation("header:x-app-key", "x-app-key is required and must be the application's key.")]);
            return Problem(401, "Unauthorized", "Invalid or missing x-app-key.", "INVALID_APP_KEY");
        }

        var hotel = context.Request.Headers["x-hotelid"].ToString();
        if (hotel.Length == 0)
        {
            _ = Validation.Reject(context, [new ValidationViolation("header:x-hotelid", "x-hotelid is required.")]);
            return Problem(400, "Bad Request", "x-hotelid is required.", "MISSING_HOTEL_ID", "x-hotelid");
        }

        if (!_hotels.ContainsKey(hotel) || (context.Request.RouteValues.TryGetValue("hotelId", out var pathHotel) && !string.Equals(pathHotel as string, hotel, StringComparison.Ordinal)))
        {
            return Problem(403, "Forbidden", $"The user has no access to hotel '{hotel}'.", "HOTEL_ACCESS_DENIED");
        }

        return await next(invocation).ConfigureAwait(false);
    }

    /// <summary>Reads a JSON body and refuses members Oracle's documents do not define for it (<paramref name="shape"/>: JSON path without indices → allowed names).</summary>
    private async Task<(JsonObject? Body, IResult? Refusal)> ReadBodyAsync(HttpContext context, IReadOnlyDictionary<string, string[]> shape)
    {
        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            _ = Validation.Reject(context, [new ValidationViolation("$", ex.Message)]);
            return (null, Problem(400, "Bad Request", "The body is not JSON.", "INVALID_JSON"));
        }

        if (node is not JsonObject body)
        {
            _ = Validation.Reject(context, [new ValidationViolation("$", "The body must be a JSON object.")]);
            return (null, Problem(400, "Bad Request", "The body must be a JSON object.", "INVALID_JSON"));
        }

        var violations = new List<ValidationViolation>();
        Check(body, "$", shape, violations);
        if (violations.Count > 0)
        {
            _ = Validation.Reject(context, violations);
            return (null, Problem(400, "Bad Request", string.Join(" ", violations.Select(v => v.Message)), "INVALID_MEMBER", violations[0].Member));
        }

        return (body, null);
    }

    private static void Check(JsonNode? node, string path, IReadOnlyDictionary<string, string[]> shape, List<ValidationViolation> violations)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    Check(item, path + "[]", shape, violations);
                }

                break;
            case JsonObject obj when shape.TryGetValue(path, out var allowed):
                foreach (var (name, value) in obj)
                {
                    if (!allowed.Contains(name, StringComparer.Ordinal))
                    {
                        violations.Add(new ValidationViolation($"{path}.{name}", $"'{name}' is not a member of {path} in Oracle's document."));
                    }
                    else
                    {
                        Check(value, $"{path}.{name}", shape, violations);
                    }
                }

                break;
        }
    }
}
