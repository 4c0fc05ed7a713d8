using System.Globalization;
using HotelPlatform.Connectors.Simulators.Apaleo.State;
using HotelPlatform.Connectors.Simulators.Apaleo.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HotelPlatform.Connectors.Simulators.Apaleo;

/// <summary>
/// A stateful Apaleo sandbox: the identity token endpoint, the parts of the Inventory, Rate Plan, Availability and
/// Booking APIs a connector uses, and the Webhook API, with Apaleo's paths, status codes, paging and error bodies.
/// </summary>
/// <remarks>
/// <para>
/// Everything is seeded from <see cref="ApaleoSimulatorOptions.Seed"/> relative to the simulator clock's date in the
/// property's time zone; <see cref="Scenario"/> says what was seeded. Bookings create confirmed reservations that take
/// availability, which cancellation gives back; amend re-checks availability and restrictions; check-in needs a unit.
/// </para>
/// <para>
/// Requests are read into strict wire models written from Apaleo's Swagger documents: an unknown or missing member, an
/// undocumented query parameter or enum value is refused with 400 and recorded in
/// <see cref="VendorSimulator.ValidationFailures"/>. Business rules fail as Apaleo fails them: 422 with
/// <c>{"messages": [...]}</c>; an unknown id in the path is 404. API routes need a bearer token from
/// <c>POST /connect/token</c> (client credentials, Basic or form client authentication) carrying the operation's scope.
/// <c>POST /booking/v1/bookings</c> honours <c>Idempotency-Key</c> for 24 hours on the simulator clock; requests are
/// counted against <see cref="ApaleoSimulatorOptions.RateLimits"/> per client and account (429 with <c>Retry-After</c>).
/// </para>
/// <code>
/// await using var apaleo = new ApaleoSimulator(new SimulatorOptions { TimeProvider = fakeTime });
/// await apaleo.StartAsync();
/// // connector: BaseAddress = apaleo.BaseAddress, token address = new Uri(apaleo.BaseAddress, "connect/token"),
/// // ClientId = ApaleoSimulatorOptions.DefaultClientId, ClientSecret = ApaleoSimulatorOptions.DefaultClientSecret,
/// // PropertyId = apaleo.Scenario.PropertyId.
/// </code>
/// </remarks>
public sealed partial class ApaleoSimulator : VendorSimulator
{
    /// <summary>The token endpoint's path (identity.apaleo.com <c>/connect/token</c>).</summary>
    public const string TokenPath = "/connect/token";

    /// <summary>Every scope the Apaleo operations here require; the default client is granted all of them.</summary>
    public static readonly IReadOnlyList<string> Scopes =
    [
        "setup.read", "setup.manage", "unitgroups.read", "rateplans.read", "services.read", "availability.read", "offers.read",
        "reservations.read", "reservations.create", "reservations.manage", "reservations.assign-unit", "rates.read", "rates.manage",
    ];

    private readonly DateTimeOffset _seededAt;
    private readonly ApaleoWebhookHub _hub;
    private ApaleoHotel _hotel;

    /// <summary>Initializes a new instance of the <see cref="ApaleoSimulator"/> class.</summary>
    /// <param name="options">The shared simulator settings (clock, seed, port); defaults when omitted.</param>
    /// <param name="apaleoOptions">The Apaleo settings (client, quota, seeded data); defaults when omitted.</param>
    /// <exception cref="ArgumentException">A setting is invalid (such as an unknown time zone or fewer than two unit groups).</exception>
    public ApaleoSimulator(SimulatorOptions? options = null, ApaleoSimulatorOptions? apaleoOptions = null)
        : base(options)
    {
        ApaleoOptions = apaleoOptions ?? new ApaleoSimulatorOptions();
        ApaleoOptions.Validate();
        Tokens = new OAuthTokenEndpoint(this, new OAuthTokenEndpointOptions { TokenLifetime = ApaleoOptions.TokenLifetime });
        Tokens.RegisterClient(ApaleoOptions.ClientId, ApaleoOptions.ClientSecret, Scopes);

        // booking-v1: "keys can't be reused with different request parameters"; the answer is not documented, so 422
        // with Apaleo's messages body is chosen.
        Idempotency = new IdempotencyStore(this, StatusCodes.Status422UnprocessableEntity, new IdempotencyStoreOptions
        {
            MismatchResult = (context, status) => ApaleoRefusal.Rule(
                $"The Idempotency-Key '{context.Request.Headers["Idempotency-Key"]}' was already used with different request parameters.").ToResult(),
        });
        Webhooks = new WebhookSender(this, new WebhookSenderOptions { UserAgent = "apaleo-webhook-simulator" });
        _hub = new ApaleoWebhookHub(this, Webhooks);
        _seededAt = TimeProvider.GetUtcNow();
        _hotel = CreateHotel();
    }

    /// <inheritdoc />
    public override string Vendor => PmsVendors.Apaleo;

    /// <summary>Gets the Apaleo settings.</summary>
    public ApaleoSimulatorOptions ApaleoOptions { get; }

    /// <summary>Gets what was seeded: ids, dates and guests a contract-test fixture describes its scenario with.</summary>
    public ApaleoScenario Scenario => Volatile.Read(ref _hotel).Scenario;

    /// <summary>Gets the token endpoint (register more clients, issue tokens directly, count token requests).</summary>
    public OAuthTokenEndpoint Tokens { get; }

    /// <summary>Gets the <c>Idempotency-Key</c> store of <c>POST /booking/v1/bookings</c>.</summary>
    public IdempotencyStore Idempotency { get; }

    /// <summary>Gets the webhook sender; <see cref="WebhookSender.Deliveries"/> lists every delivery (health checks included) and how it went.</summary>
    public WebhookSender Webhooks { get; }

    /// <summary>Gets every event raised (reservation created, amended, changed, canceled, checked-in, unit-assigned; booking created), whether or not anyone subscribed.</summary>
    public SimulatorLog<ApaleoWebhookEvent> Events => _hub.Events;

    /// <summary>Gets the webhook subscriptions registered through <c>POST /v1/subscriptions</c>.</summary>
    public IReadOnlyList<ApaleoSubscription> Subscriptions => _hub.Subscriptions;

    /// <summary>Gets a snapshot of every reservation, seeded ones first, in creation order.</summary>
    public IReadOnlyList<ApaleoReservationInfo> Reservations => Hotel.Snapshot();

    private ApaleoHotel Hotel => Volatile.Read(ref _hotel);

    /// <summary>Finds a reservation.</summary>
    /// <param name="reservationId">The reservation id.</param>
    /// <returns>A snapshot, or <see langword="null"/> when there is none.</returns>
    public ApaleoReservationInfo? FindReservation(string reservationId) => Reservations.FirstOrDefault(r => r.Id == reservationId);

    /// <summary>Returns how many units of a unit group can still be sold on a night (what availability reports as <c>sellableCount</c>).</summary>
    /// <param name="unitGroupId">The unit group.</param>
    /// <param name="night">The night.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentException">The unit group does not exist.</exception>
    public int GetSellableCount(string unitGroupId, DateOnly night)
    {
        ApaleoHotel hotel = Hotel;
        UnitGroupDef group = hotel.Catalog.FindUnitGroup(unitGroupId) ?? throw new ArgumentException($"The unit group '{unitGroupId}' does not exist.", nameof(unitGroupId));
        return hotel.SellableCount(group, night);
    }

    /// <summary>
    /// Checks a guest in as the front desk would: assigns a free unit if none is assigned, then checks in (with city
    /// tax). Raises the same events as the API (<c>unit-assigned</c>, <c>checked-in</c>); when refused, nothing changes.
    /// </summary>
    /// <param name="reservationId">The reservation.</param>
    /// <exception cref="KeyNotFoundException">The reservation does not exist.</exception>
    /// <exception cref="InvalidOperationException">Apaleo would refuse (not confirmed, arrival in the future, no free unit); the message says why.</exception>
    public void CheckIn(string reservationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(reservationId);
        (ApaleoRefusal? refusal, IReadOnlyList<HotelEvent> events) = Hotel.CheckInAtDesk(reservationId, TimeProvider.GetUtcNow());
        ThrowIfRefused(refusal, reservationId);
        Publish(events, clientId: null, trackingId: null);
    }

    /// <summary>Raises an event as if something changed in Apaleo, and delivers it to every matching subscription.</summary>
    /// <param name="topic">The topic, such as <c>Reservation</c>.</param>
    /// <param name="type">The type, such as <c>changed</c>.</param>
    /// <param name="entityId">The id of the entity that changed.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentException">The topic or type is not a documented event.</exception>
    public ApaleoWebhookEvent RaiseEvent(string topic, string type, string entityId)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentException.ThrowIfNullOrEmpty(entityId);
        if (ApaleoWebhookHub.DescribeInvalidEvent($"{topic.ToLowerInvariant()}/{type}") is { } problem)
        {
            throw new ArgumentException(problem, nameof(type));
        }

        return _hub.Publish(new HotelEvent(topic, type, entityId), clientId: null, trackingId: null);
    }

    /// <summary>Waits until every webhook delivery started so far has been attempted (delivered or failed).</summary>
    /// <param name="cancellationToken">A token that cancels the wait.</param>
    /// <returns>A task that completes when no delivery is pending.</returns>
    public Task FlushWebhooksAsync(CancellationToken cancellationToken = default) => _hub.FlushAsync(cancellationToken);

    /// <inheritdoc />
    protected override void MapRoutes(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapOAuthTokenEndpoint(TokenPath, Tokens);
        MapInventory(routes);
        MapRatePlans(routes);
        MapRates(routes);
        MapAvailability(routes);
        MapOffers(routes);
        MapBookings(routes);
        MapReservationActions(routes);
        MapWebhookApi(routes);
    }

    /// <inheritdoc />
    protected override IEnumerable<RateLimitPolicy> GetRateLimitPolicies(HttpContext context) =>
        Tokens.FindToken(context) is { } token
            ? ApaleoOptions.RateLimits.Select(rule => new RateLimitPolicy($"client:{token.ClientId}|account:{ApaleoOptions.AccountCode}", rule))
            : [];

    /// <summary>429 with <c>Retry-After</c>; the body is not documented by Apaleo, so its usual <c>{"messages": [...]}</c> is chosen.</summary>
    /// <inheritdoc />
    protected override Task WriteTooManyRequestsAsync(HttpContext context, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = FormatRetryAfter(retryAfter);
        return context.Response.WriteAsJsonAsync(
            new MessageItemCollection([$"Too many requests for client and account; retry after {FormatRetryAfter(retryAfter)} seconds."]),
            ApaleoJson.Info<MessageItemCollection>(),
            contentType: "application/json",
            cancellationToken: context.RequestAborted);
    }

    /// <summary>The injected 5xx; the specs document no body for 500/503, so Apaleo's <c>{"messages": [...]}</c> is chosen.</summary>
    /// <inheritdoc />
    protected override Task WriteServerErrorAsync(HttpContext context, int statusCode)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(
            new MessageItemCollection([statusCode == StatusCodes.Status503ServiceUnavailable ? "The server is currently unavailable. Please try later." : "An unexpected error occurred."]),
            ApaleoJson.Info<MessageItemCollection>(),
            contentType: "application/json",
            cancellationToken: context.RequestAborted);
    }

    /// <summary>415 without a body, as the Swagger documents list it for operations with a JSON body ("Unsupported media type.").</summary>
    /// <inheritdoc />
    protected override IResult? AnswerUnsupportedMediaType(HttpContext context, IReadOnlyList<ValidationViolation> violations) =>
        Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);

    /// <inheritdoc />
    protected override void OnReset()
    {
        Tokens.Reset();
        Idempotency.Reset();
        _hub.Reset();
        Volatile.Write(ref _hotel, CreateHotel());
    }

    /// <inheritdoc />
    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore().ConfigureAwait(false);
        await _hub.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        Webhooks.Dispose();
    }

    private static IResult Json<T>(T value, int statusCode = StatusCodes.Status200OK) => Results.Json(value, ApaleoJson.Info<T>(), statusCode: statusCode);

    private static void ThrowIfRefused(ApaleoRefusal? refusal, string reservationId)
    {
        if (refusal is null)
        {
            return;
        }

        if (refusal.StatusCode == StatusCodes.Status404NotFound)
        {
            throw new KeyNotFoundException($"The reservation '{reservationId}' does not exist.");
        }

        throw new InvalidOperationException(string.Join(" ", refusal.Messages));
    }

    private ApaleoHotel CreateHotel()
    {
        ApaleoSeed seed = ApaleoOptions.Seed;
        TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(seed.TimeZone);
        DateOnly today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_seededAt, zone).DateTime);
        var catalog = new ApaleoCatalog(seed, today, _seededAt.AddYears(-2));
        return new ApaleoHotel(catalog, Random.Fork("apaleo-bookings"), _seededAt);
    }

    /// <summary>Announces what a request changed: records the events and delivers them to matching subscriptions.</summary>
    private void Publish(IReadOnlyList<HotelEvent> events, string? clientId, string? trackingId)
    {
        foreach (HotelEvent change in events)
        {
            _hub.Publish(change, clientId, trackingId);
        }
    }

    private void Publish(HttpContext context, IReadOnlyList<HotelEvent> events) =>
        Publish(events, context.GetBearerToken()?.ClientId, TrackingId(context));

    /// <summary>The tracking id of a request, as sent in <c>apaleo-tracking-id</c> on the deliveries it causes.</summary>
    private static string? TrackingId(HttpContext context) =>
        context.GetRecordedRequest() is { } recorded ? "SIM-" + recorded.Sequence.ToString(CultureInfo.InvariantCulture) : null;
}
