using System.Globalization;
using System.Text.Json.Nodes;
using HotelPlatform.Connectors.Simulators.Cloudbeds.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HotelPlatform.Connectors.Simulators.Cloudbeds;

/// <summary>
/// A stateful Cloudbeds sandbox (API v1.3 under <see cref="ApiPath"/>): the methods a connector uses, answering in
/// Cloudbeds' <c>{success, data, message}</c> envelope, business errors as HTTP 200 with <c>success:false</c>.
/// </summary>
/// <remarks>
/// Requests are held to strict models written from pms-v1.3-openapi.yaml: form bodies with PHP bracket keys read by the
/// core's form reader, queries with only the documented parameters; anything else is refused with 400 and recorded in
/// <see cref="VendorSimulator.ValidationFailures"/>. Every call needs the <c>x-api-key</c> or a bearer token from
/// <c>POST /access_token</c> (<see cref="Authorization"/>; 401 with an OAuth-style body otherwise); <c>oauth/metadata</c>
/// names the simulator's own API address. A reservation may hold several rooms (sub-reservations). putReservation
/// applies Cloudbeds' limited modifications only (dates, occupancy, room type and rate of a room, status); a cancelled
/// reservation cannot be modified. patchRate queues a rate job (rates and restrictions per rate and interval) applied
/// <see cref="CloudbedsSimulatorOptions.RateJobDelay"/> later at the next request, its outcome read with getRateJobs;
/// getRatePlans and bookings then follow the pushed values. Requests over <see cref="CloudbedsSimulatorOptions.RequestsPerSecond"/>
/// per key are refused (429 with the envelope; Cloudbeds documents no answer). Webhook subscriptions receive id-only
/// deliveries spelt as Cloudbeds spells them (<c>propertyID</c> in reservation events, <c>propertyId</c> in guest events).
/// </remarks>
public sealed class CloudbedsSimulator : VendorSimulator
{
    /// <summary>The path every method is under.</summary>
    public const string ApiPath = "/api/v1.3";

    private const int MaxPageSize = 100;

    private readonly object _gate = new();
    private readonly WebhookSender _webhooks;
    private CloudbedsState _state;

    /// <summary>Initializes a new instance of the <see cref="CloudbedsSimulator"/> class.</summary>
    /// <param name="options">The shared simulator settings.</param>
    /// <param name="cloudbedsOptions">The Cloudbeds settings.</param>
    public CloudbedsSimulator(SimulatorOptions? options = null, CloudbedsSimulatorOptions? cloudbedsOptions = null)
        : base(options)
    {
        CloudbedsOptions = cloudbedsOptions ?? new CloudbedsSimulatorOptions();
        _webhooks = new WebhookSender(this, new WebhookSenderOptions { UserAgent = "cloudbeds-webhook-simulator" });
        Tokens = new OAuthTokenEndpoint(this, new OAuthTokenEndpointOptions { TokenLifetime = CloudbedsOptions.AccessTokenLifetime, Challenge = static (_, failure) => AccessDenied(failure) });
        Tokens.RegisterClient(CloudbedsOptions.ClientId, CloudbedsOptions.ClientSecret);
        Authorization = new CloudbedsAuthorizationServer(this);
        _state = new CloudbedsState(CloudbedsOptions, TimeProvider, Random.Fork("cloudbeds"));
    }

    /// <inheritdoc />
    public override string Vendor => PmsVendors.Cloudbeds;

    /// <summary>Gets the Cloudbeds settings.</summary>
    public CloudbedsSimulatorOptions CloudbedsOptions { get; }

    /// <summary>Gets the access tokens issued at <c>POST /access_token</c> (bearer tokens the API accepts besides the <c>x-api-key</c>).</summary>
    public OAuthTokenEndpoint Tokens { get; }

    /// <summary>Gets the OAuth 2.0 server: authorization codes, refresh tokens, revocation.</summary>
    public CloudbedsAuthorizationServer Authorization { get; }

    /// <summary>Gets what was seeded.</summary>
    public CloudbedsScenario Scenario => _state.Scenario;

    /// <summary>Gets every webhook delivery and how it went.</summary>
    public SimulatorLog<WebhookDelivery> Deliveries => _webhooks.Deliveries;

    /// <summary>Returns how many rooms of a room type are free on a night.</summary>
    /// <param name="roomTypeId">The room type.</param>
    /// <param name="night">The night.</param>
    /// <returns>The count.</returns>
    public int FreeRooms(string roomTypeId, DateOnly night)
    {
        lock (_gate)
        {
            return _state.Free(roomTypeId, night, exceptRoom: null);
        }
    }

    /// <summary>Checks a guest in at the simulated front desk (status <c>checked_in</c>), as Cloudbeds' postRoomCheckIn would.</summary>
    /// <param name="reservationId">The reservation.</param>
    /// <exception cref="KeyNotFoundException">There is no such reservation.</exception>
    public void CheckIn(string reservationId)
    {
        lock (_gate)
        {
            var reservation = _state.Reservations.GetValueOrDefault(reservationId) ?? throw new KeyNotFoundException($"No reservation '{reservationId}'.");
            reservation.Status = "checked_in";
            reservation.Modified = TimeProvider.GetUtcNow();
        }
    }

    /// <inheritdoc />
    protected override void MapRoutes(IEndpointRouteBuilder routes)
    {
        // The token endpoint is public (the client authenticates in the form); everything else needs a key or a token.
        routes.MapPost($"{ApiPath}/access_token", (HttpContext context, CancellationToken _) => Authorization.HandleAsync(context));
        var api = routes.MapGroup(ApiPath);
        api.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var presented = http.Request.Headers["x-api-key"].ToString();
            if (presented.Length > 0 || http.Request.Headers.Authorization.Count == 0)
            {
                return string.Equals(presented, CloudbedsOptions.ApiKey, StringComparison.Ordinal)
                    ? await next(context).ConfigureAwait(false)
                    : AccessDenied(BearerFailure.Missing);
            }

            var bearer = Tokens.Authenticate(http);
            return bearer.IsAuthenticated ? await next(context).ConfigureAwait(false) : bearer.Challenge;
        });
        api.MapGet("/oauth/metadata", (HttpContext context, CancellationToken _) => Answer(context, _ => { }, _ => Metadata(context)));
        api.MapGet("/getHotels", (HttpContext context, CancellationToken _) => Answer(context, q =>
        {
            q.Optional("propertyIDs");
            q.Allow("pageNumber", "pageSize");
        }, _state.Hotels));
        api.MapGet("/getRoomTypes", (HttpContext context, CancellationToken _) => Answer(context, q => q.Optional("propertyIDs"), q => _state.RoomTypes(ReadPaging(q, 20))));
        api.MapGet("/getRatePlans", (HttpContext context, CancellationToken _) => Answer(context, q => { }, _state.Rates));
        api.MapGet("/getReservation", (HttpContext context, CancellationToken _) => Answer(context, q => { }, q => _state.GetReservation(q.Required("reservationID"), q.Optional("propertyID"))));
        api.MapGet("/getReservations", (HttpContext context, CancellationToken _) => Answer(context, q => { }, q => _state.ListReservations(q, ReadPaging(q, 100))));
        api.MapGet("/getGuest", (HttpContext context, CancellationToken _) => Answer(context, q => { }, q => _state.GetGuest(q)));
        api.MapGet("/getGuestList", (HttpContext context, CancellationToken _) => Answer(context, q => { }, q => _state.ListGuests(q, ReadPaging(q, 100))));
        api.MapGet("/getItems", (HttpContext context, CancellationToken _) => Answer(context, q => q.Allow("propertyID", "itemCategoryID"), _ => _state.Items()));
        api.MapGet("/getWebhooks", (HttpContext context, CancellationToken _) => Answer(context, q => q.Allow("propertyID"), _ => _state.Webhooks()));
        api.MapDelete("/deleteWebhook", (HttpContext context, CancellationToken _) => Answer(context, q => q.Allow("propertyIDs"), q => _state.DeleteWebhook(q.Required("subscriptionID"))));
        api.MapPost("/postReservation", (HttpContext context, CancellationToken ct) => WriteAsync<PostReservationForm>(context, f => _state.PostReservation(f), ct));
        api.MapPut("/putReservation", (HttpContext context, CancellationToken ct) => WriteAsync<PutReservationForm>(context, f => _state.PutReservation(f), ct));
        api.MapGet("/getReservationNotes", (HttpContext context, CancellationToken _) => Answer(context, q => q.Allow("propertyID"), q => _state.Notes(q.Required("reservationID"))));
        api.MapPost("/postReservationNote", (HttpContext context, CancellationToken ct) => WriteAsync<PostReservationNoteForm>(context, f => _state.PostNote(f), ct));
        api.MapPut("/putGuest", (HttpContext context, CancellationToken ct) => WriteAsync<PutGuestForm>(context, f => _state.PutGuest(f), ct));
        api.MapPost("/patchRate", (HttpContext context, CancellationToken ct) => WriteAsync<PatchRateForm>(context, f => _state.PatchRate(f), ct));
        api.MapGet("/getRateJobs", (HttpContext context, CancellationToken _) => Answer(context, q => { }, _state.RateJobs));
        api.MapPost("/postWebhook", (HttpContext context, CancellationToken ct) => WriteAsync<PostWebhookForm>(context, f => _state.PostWebhook(f), ct));
    }

    /// <inheritdoc />
    protected override IEnumerable<RateLimitPolicy> GetRateLimitPolicies(HttpContext context) =>
        context.Request.Path.StartsWithSegments(ApiPath, StringComparison.Ordinal)
            ? [new RateLimitPolicy(Tokens.FindToken(context) is { } token ? $"client:{token.ClientId}" : $"key:{context.Request.Headers["x-api-key"]}", new RateLimitRule(CloudbedsOptions.RequestsPerSecond, TimeSpan.FromSeconds(1)))]
            : [];

    /// <summary>
    /// Cloudbeds' 401 (its guide: an OAuth-style body <c>{"error": "access_denied", "message": ...}</c>). An expired or
    /// revoked token is refused the same way; the client fetches a new one and tries again.
    /// </summary>
    private static IResult AccessDenied(BearerFailure failure)
    {
        var message = failure switch
        {
            BearerFailure.Expired => "Access denied: the access token has expired.",
            BearerFailure.Unknown => "Access denied: the access token is invalid or was revoked.",
            BearerFailure.Malformed => "Access denied: the Authorization header is not a bearer token.",
            _ => "Access denied: invalid or missing x-api-key.",
        };
        return Results.Text(new JsonObject { ["error"] = "access_denied", ["message"] = message }.ToJsonString(), "application/json", statusCode: StatusCodes.Status401Unauthorized);
    }

    /// <summary>
    /// <c>GET /oauth/metadata</c>: the API address of the credential's property, here this simulator's own. The document
    /// types <c>success</c> as a string ("True if property can be found"), so it is sent as one.
    /// </summary>
    private static JsonObject Metadata(HttpContext context) =>
        new()
        {
            ["success"] = "true",
            ["data"] = new JsonObject { ["api"] = new JsonObject { ["url"] = $"{context.Request.Scheme}://{context.Request.Host}{ApiPath}/" } },
        };

    /// <summary>429 with the envelope and <c>Retry-After</c>: Cloudbeds documents no answer for this (third parties report 429).</summary>
    /// <inheritdoc />
    protected override async Task WriteTooManyRequestsAsync(HttpContext context, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = FormatRetryAfter(retryAfter);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{\"success\":false,\"message\":\"API rate limit exceeded: too many requests per second.\"}", context.RequestAborted).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override void OnReset()
    {
        lock (_gate)
        {
            _state = new CloudbedsState(CloudbedsOptions, TimeProvider, Random.Fork("cloudbeds"));
        }

        Tokens.Reset();
    }

    /// <inheritdoc />
    protected override async ValueTask DisposeAsyncCore()
    {
        _webhooks.Dispose();
        await base.DisposeAsyncCore().ConfigureAwait(false);
    }

    private static (int Number, int Size) ReadPaging(QueryReader query, int defaultSize) =>
        (query.OptionalInt32("pageNumber", minimum: 1) ?? 1, query.OptionalInt32("pageSize", minimum: 1, maximum: MaxPageSize) ?? defaultSize);

    private IResult Answer(HttpContext context, Action<QueryReader> declare, Func<QueryReader, JsonObject> read)
    {
        var query = Validation.ReadQuery(context);
        declare(query);
        JsonObject answer;
        lock (_gate)
        {
            _state.ApplyDueRateJobs();
            answer = read(query);
        }

        return query.Complete() ?? Envelope(context, answer);
    }

    private async Task<IResult> WriteAsync<TForm>(HttpContext context, Func<TForm, (JsonObject Answer, IReadOnlyList<JsonObject> Deliveries)> write, CancellationToken cancellationToken)
    {
        if (context.Request.QueryString.HasValue)
        {
            return Validation.Reject(context, "query:$", "Cloudbeds' POST and PUT methods take their fields in the form body, not the query string.");
        }

        var form = await Validation.ReadFormAsync(context, CloudbedsForms.Info<TForm>()).ConfigureAwait(false);
        if (!form.IsValid)
        {
            return form.Rejection;
        }

        (JsonObject Answer, IReadOnlyList<JsonObject> Deliveries) result;
        lock (_gate)
        {
            _state.ApplyDueRateJobs();
            result = write(form.Value);
        }

        foreach (var delivery in result.Deliveries)
        {
            await DeliverAsync(delivery, cancellationToken).ConfigureAwait(false);
        }

        return Envelope(context, result.Answer);
    }

    private async Task DeliverAsync(JsonObject delivery, CancellationToken cancellationToken)
    {
        var name = (string)delivery["event"]!;
        IReadOnlyList<Uri> targets;
        lock (_gate)
        {
            targets = _state.Subscribers(name);
        }

        foreach (var target in targets)
        {
            try
            {
                await _webhooks.SendAsync(new WebhookTarget(target), delivery.ToJsonString(), cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException)
            {
                // Recorded in Deliveries; Cloudbeds does not fail the API call for a delivery.
            }
        }
    }

    private IResult Envelope(HttpContext context, JsonObject answer)
    {
        context.Response.Headers["X-Request-ID"] = Random.NextGuid().ToString("N", CultureInfo.InvariantCulture);
        return Results.Text(WithoutNulls(answer).ToJsonString(), "application/json");
    }

    /// <summary>Leaves unset members out, as the document declares them not nullable.</summary>
    private static JsonNode WithoutNulls(JsonNode node)
    {
        if (node is JsonObject members)
        {
            foreach (var name in members.Where(m => m.Value is null).Select(m => m.Key).ToList())
            {
                members.Remove(name);
            }

            foreach (var member in members)
            {
                WithoutNulls(member.Value!);
            }
        }
        else if (node is JsonArray items)
        {
            foreach (var item in items.OfType<JsonNode>())
            {
                WithoutNulls(item);
            }
        }

        return node;
    }
}
