using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HotelPlatform.Connectors.Simulators.Tests;

public enum RoomKind
{
    Single,
    Double,
    Suite,
}

/// <summary>The strict wire model of the test vendor's create-booking request.</summary>
public sealed class CreateBookingWire : IValidatableWireModel
{
    public required string GuestName { get; init; }

    public required DateOnly Arrival { get; init; }

    public required int Nights { get; init; }

    public RoomKind? Room { get; init; }

    [JsonConverter(typeof(StrictDateTimeOffsetConverter))]
    public DateTimeOffset? ExpectedAt { get; init; }

    public IEnumerable<ValidationViolation> Validate(string path)
    {
        if (Nights < 1)
        {
            yield return new($"{path}.nights", "'nights' must be at least 1.");
        }
    }
}

/// <summary>A form-encoded reservation in the PHP bracket dialect (<c>rooms[0][roomTypeID]=DBL</c>), as a Cloudbeds-style vendor reads it.</summary>
public sealed class FormReservationWire : IValidatableWireModel
{
    [JsonPropertyName("propertyID")]
    public required string PropertyId { get; init; }

    public required DateOnly StartDate { get; init; }

    public bool? SendEmailConfirmation { get; init; }

    public required IReadOnlyList<FormRoomWire> Rooms { get; init; }

    public IEnumerable<ValidationViolation> Validate(string path)
    {
        if (Rooms.Count == 0)
        {
            yield return new($"{path}.rooms", "At least one room is required.");
        }
    }
}

public sealed class FormRoomWire
{
    [JsonPropertyName("roomTypeID")]
    public required string RoomTypeId { get; init; }

    public required int Quantity { get; init; }
}

public sealed record BookingWire(string Id, string GuestName, DateOnly Arrival, int Nights, RoomKind? Room);

/// <summary>
/// A small vendor written on the simulator infrastructure the way a real one is: it owns its state, maps its routes,
/// reads requests strictly, protects its API with bearer tokens, replays idempotent writes and enforces a per-client quota.
/// </summary>
public sealed class TestPmsSimulator : VendorSimulator
{
    public const string ClientId = "test-client";
    public const string ClientSecret = "s3cr3t+&=";
    public const string OtherClientId = "other-client";

    private static readonly JsonSerializerOptions Wire = StrictJson.CreateOptions(JsonNamingPolicy.CamelCase);
    private static readonly JsonSerializerOptions FormWire = StrictJson.CreateFormOptions(JsonNamingPolicy.CamelCase);
    private readonly ConcurrentDictionary<string, BookingWire> _bookings = new();
    private readonly DeterministicRandom _ids;

    public TestPmsSimulator(SimulatorOptions? options = null, RateLimitRule? quota = null)
        : base(options)
    {
        Quota = quota ?? new RateLimitRule(3, TimeSpan.FromSeconds(10));
        Tokens = new OAuthTokenEndpoint(this, new OAuthTokenEndpointOptions { TokenLifetime = TimeSpan.FromHours(1) });
        Tokens.RegisterClient(ClientId, ClientSecret, "bookings", "availability");
        Tokens.RegisterClient(OtherClientId, "other-secret");
        Idempotency = new IdempotencyStore(this, StatusCodes.Status422UnprocessableEntity);
        Webhooks = new WebhookSender(this);
        _ids = Random.Fork("bookings");
    }

    public override string Vendor => "testpms";

    public RateLimitRule Quota { get; }

    public OAuthTokenEndpoint Tokens { get; }

    public IdempotencyStore Idempotency { get; }

    public WebhookSender Webhooks { get; }

    public IReadOnlyCollection<BookingWire> Bookings => [.. _bookings.Values];

    /// <summary>Gets or sets a value indicating whether a wrong content type is answered with a bare 415, as some vendors do, instead of the strict refusal.</summary>
    public bool AnswersUnsupportedMediaTypeWith415 { get; set; }

    /// <summary>Bodies received on <c>POST /hooks</c> when this instance plays a webhook subscriber.</summary>
    public ConcurrentQueue<string> ReceivedHooks { get; } = new();

    protected override void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapOAuthTokenEndpoint("/connect/token", Tokens);

        routes.MapGet("/v1/ping", () => Results.Json(new { ok = true }));

        RouteGroupBuilder api = routes.MapGroup("/v1").RequireBearerToken(Tokens);

        // Two parameters, so the lambda binds as a route handler (whose IResult is executed), not as a RequestDelegate.
        api.MapPost("/bookings", (HttpContext context, CancellationToken cancellationToken) =>
            Idempotency.ExecuteAsync(context, context.GetBearerToken()!.ClientId, async () =>
            {
                BodyReadResult<CreateBookingWire> body = await Validation.ReadJsonAsync<CreateBookingWire>(context, Wire);
                if (!body.IsValid)
                {
                    return body.Rejection;
                }

                var booking = new BookingWire(_ids.NextString(8), body.Value.GuestName, body.Value.Arrival, body.Value.Nights, body.Value.Room);
                _bookings[booking.Id] = booking;
                return Results.Json(booking, Wire, statusCode: StatusCodes.Status201Created);
            }));

        api.MapGet("/bookings/{id}", (string id) =>
            _bookings.TryGetValue(id, out BookingWire? booking) ? Results.Json(booking, Wire) : Results.NotFound());

        api.MapGet("/availability", (HttpContext context) =>
        {
            QueryReader query = Validation.ReadQuery(context);
            string propertyId = query.Required("propertyId");
            DateOnly arrival = query.RequiredDate("arrival");
            int adults = query.RequiredInt32("adults", minimum: 1, maximum: 8);
            RoomKind? room = query.OptionalEnum<RoomKind>("room");
            IReadOnlyList<string> rateIds = query.OptionalList("rateIds");
            if (query.Complete() is { } rejected)
            {
                return rejected;
            }

            return Results.Json(new { propertyId, arrival, adults, room, rateIds, available = 5 }, Wire);
        }).RequireBearerToken(Tokens, "availability");

        // Form and SOAP dialects, read through the pluggable body readers. Each answers what it read, so tests see the structure.
        routes.MapPost("/form/raw", async (HttpContext context, CancellationToken cancellationToken) =>
        {
            BodyReadResult<JsonObject> form = await Validation.ReadFormAsync(context);
            return form.IsValid ? Results.Text(form.Value.ToJsonString(), "application/json") : form.Rejection;
        });

        routes.MapPost("/form/reservations", async (HttpContext context, CancellationToken cancellationToken) =>
        {
            BodyReadResult<FormReservationWire> form = await Validation.ReadFormAsync(context, (JsonTypeInfo<FormReservationWire>)FormWire.GetTypeInfo(typeof(FormReservationWire)));
            return form.IsValid ? Results.Json(form.Value, Wire) : form.Rejection;
        });

        routes.MapPost("/soap", async (HttpContext context, CancellationToken cancellationToken) =>
        {
            BodyReadResult<SoapEnvelope> soap = await Validation.ReadSoapAsync(context);
            return soap.IsValid
                ? Results.Json(new { operation = soap.Value.Body.Name.LocalName, user = soap.Value.UsernameToken?.Username, action = context.Request.Headers["SOAPAction"].ToString() })
                : soap.Rejection;
        });

        routes.MapPost("/hooks", async (HttpContext context, CancellationToken cancellationToken) =>
        {
            if (context.Request.Headers.Authorization.ToString() != "Basic " + Convert.ToBase64String("hook-user:hook-pass"u8.ToArray()))
            {
                return Results.Unauthorized();
            }

            using var reader = new StreamReader(context.Request.Body);
            ReceivedHooks.Enqueue(await reader.ReadToEndAsync(cancellationToken));
            return Results.NoContent();
        });
    }

    protected override IEnumerable<RateLimitPolicy> GetRateLimitPolicies(HttpContext context) =>
        Tokens.FindToken(context) is { } token
            ? [new RateLimitPolicy($"client:{token.ClientId}", Quota)]
            : [];

    protected override IResult? AnswerUnsupportedMediaType(HttpContext context, IReadOnlyList<ValidationViolation> violations) =>
        AnswersUnsupportedMediaTypeWith415 ? Results.StatusCode(StatusCodes.Status415UnsupportedMediaType) : null;

    protected override void OnReset()
    {
        _bookings.Clear();
        Tokens.Reset();
        Idempotency.Reset();
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        Webhooks.Dispose();
    }
}
