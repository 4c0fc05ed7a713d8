using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HotelPlatform.Connectors.Simulators.Mews.State;
using HotelPlatform.Connectors.Simulators.Mews.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HotelPlatform.Connectors.Simulators.Mews;

/// <summary>
/// A stateful Mews sandbox: the operations of the Mews Connector API a connector uses, each
/// <c>POST /api/connector/v1/{resource}/{action}</c> (case-sensitive, no trailing slash, versioned where Mews versions
/// it; anything else is 404) with <c>ClientToken</c>, <c>AccessToken</c> and <c>Client</c> in the JSON body.
/// </summary>
/// <remarks>
/// <para>
/// Requests are read into strict wire models written from the operations' request tables: an unknown member, a missing
/// required one (such as <c>Limitation</c>) or a value of the wrong type is refused with 400 and recorded in
/// <see cref="VendorSimulator.ValidationFailures"/>. Wrong tokens are 401, business rules 403 (no availability, a state
/// that forbids the change, too many persons), invalid ids and time intervals longer than 3 months 400, each with Mews'
/// body <c>{Message, RequestId}</c>; every answer carries <c>Request-Id</c>. Listings page with <c>Limitation</c>
/// newest first, the <c>Cursor</c> being the oldest item returned. Each access token may make
/// <see cref="MewsSimulatorOptions.RequestsPerWindow"/> requests in any <see cref="MewsSimulatorOptions.RateLimitWindow"/>
/// (429 with <c>Retry-After</c> beyond).
/// </para>
/// <para>
/// When <see cref="WebhookAddress"/> is set (Mews configures it through its support, not an API), every reservation or
/// customer change is delivered there as a general webhook (<c>{EnterpriseId, IntegrationId, Events}</c>).
/// </para>
/// </remarks>
public sealed class MewsSimulator : VendorSimulator
{
    /// <summary>The path every operation lives under.</summary>
    public const string ApiPrefix = "/api/connector/v1/";

    /// <summary>The integration id the simulator's webhooks carry.</summary>
    public const string IntegrationId = "c8bee838-7fb1-4f4e-8fac-ac87008b2f90";

    private const int MaxCount = 1000;
    private const int MaxIntervalMonths = 3;
    private const int MaxAvailabilityDays = 367;

    private readonly Dictionary<string, Func<HttpContext, Task<IResult>>> _operations;
    private readonly ConcurrentDictionary<Task, byte> _deliveries = new();
    private readonly DateTimeOffset _seededAt;
    private MewsHotel _hotel;

    /// <summary>Initializes a new instance of the <see cref="MewsSimulator"/> class.</summary>
    /// <param name="options">The shared simulator settings (clock, seed, port); defaults when omitted.</param>
    /// <param name="mewsOptions">The Mews settings (tokens, limit, enterprise); defaults when omitted.</param>
    public MewsSimulator(SimulatorOptions? options = null, MewsSimulatorOptions? mewsOptions = null)
        : base(options)
    {
        MewsOptions = mewsOptions ?? new MewsSimulatorOptions();
        MewsOptions.Validate();
        Options.RedactedJsonProperties.Add("ClientToken");
        Options.RedactedJsonProperties.Add("AccessToken");
        Webhooks = new WebhookSender(this, new WebhookSenderOptions { UserAgent = "mews-webhook-simulator" });
        _seededAt = TimeProvider.GetUtcNow();
        _hotel = new MewsHotel(MewsOptions, _seededAt);
        _operations = new Dictionary<string, Func<HttpContext, Task<IResult>>>(StringComparer.Ordinal)
        {
            ["configuration/get"] = Operation<ConfigurationGetRequest>(GetConfiguration),
            ["services/getAll"] = Operation<ServicesGetAllRequest>(GetServices),
            ["resourceCategories/getAll"] = Operation<ResourceCategoriesGetAllRequest>(GetResourceCategories),
            ["rates/getAll"] = Operation<RatesGetAllRequest>(GetRates),
            ["ageCategories/getAll"] = Operation<AgeCategoriesGetAllRequest>(GetAgeCategories),
            ["products/getAll"] = Operation<ProductsGetAllRequest>(GetProducts),
            ["services/getAvailability/2024-01-22"] = Operation<GetAvailabilityRequest>(GetAvailability),
            ["rates/getPricing"] = Operation<GetRatePricingRequest>(GetRatePricing),
            ["reservations/price"] = Operation<ReservationsPriceRequest>(PriceReservations),
            ["restrictions/getAll"] = Operation<RestrictionsGetAllRequest>(GetRestrictions),
            ["restrictions/set"] = Operation<RestrictionsSetRequest>(SetRestrictions),
            ["restrictions/clear"] = Operation<RestrictionsClearRequest>(ClearRestrictions),
            ["rates/updatePrice"] = Operation<RatesUpdatePriceRequest>(UpdateRatePrice),
            ["services/updateAvailability"] = Operation<ServicesUpdateAvailabilityRequest>(UpdateAvailability),
            ["reservations/getAll/2023-06-06"] = Operation<ReservationsGetAllRequest>(GetReservations),
            ["reservations/add"] = Operation<ReservationsAddRequest>(AddReservations),
            ["reservations/update"] = Operation<ReservationsUpdateRequest>(UpdateReservations),
            ["reservations/cancel"] = Operation<ReservationsCancelRequest>(CancelReservations),
            ["reservations/addProduct"] = Operation<ReservationsAddProductRequest>(AddReservationProduct),
            ["orderItems/getAll"] = Operation<OrderItemsGetAllRequest>(GetOrderItems),
            ["customers/getAll"] = Operation<CustomersGetAllRequest>(GetCustomers),
            ["customers/add"] = Operation<CustomersAddRequest>(AddCustomer),
            ["customers/update"] = Operation<CustomersUpdateRequest>(UpdateCustomer),
        };
    }

    /// <inheritdoc />
    public override string Vendor => PmsVendors.Mews;

    /// <summary>Gets the Mews settings.</summary>
    public MewsSimulatorOptions MewsOptions { get; }

    /// <summary>Gets what was seeded.</summary>
    public MewsScenario Scenario => Hotel.Scenario;

    /// <summary>Gets the operations served, as <c>{resource}/{action}[/{version}]</c>.</summary>
    public IReadOnlyCollection<string> Operations => _operations.Keys;

    /// <summary>Gets the webhook sender; <see cref="WebhookSender.Deliveries"/> lists every delivery.</summary>
    public WebhookSender Webhooks { get; }

    /// <summary>Gets or sets where general webhooks are delivered (with the agreed <c>?Token=</c>); none when <see langword="null"/>.</summary>
    public Uri? WebhookAddress { get; set; }

    /// <summary>Gets a snapshot of every reservation, seeded ones first, in creation order.</summary>
    public IReadOnlyList<MewsReservationInfo> Reservations => Hotel.Snapshot();

    /// <summary>Gets a snapshot of every customer.</summary>
    public IReadOnlyList<MewsCustomerInfo> Customers => Hotel.Customers();

    private MewsHotel Hotel => Volatile.Read(ref _hotel);

    /// <summary>Finds a reservation.</summary>
    /// <param name="reservationId">The id.</param>
    /// <returns>The snapshot, or <see langword="null"/>.</returns>
    public MewsReservationInfo? FindReservation(string reservationId) => Reservations.FirstOrDefault(r => r.Id == reservationId);

    /// <summary>Returns how many rooms of a resource category can still be sold on a night.</summary>
    /// <param name="categoryId">The resource category.</param>
    /// <param name="night">The night (the enterprise's date).</param>
    /// <returns>The count.</returns>
    public int GetAvailableCount(string categoryId, DateOnly night) => Hotel.Available(categoryId, night);

    /// <summary>Checks a guest in at the front desk (the reservation becomes <c>Started</c>) and delivers the webhook.</summary>
    /// <param name="reservationId">The reservation.</param>
    /// <exception cref="InvalidOperationException">Mews would refuse (unknown, not Confirmed, arriving in the future).</exception>
    public void CheckIn(string reservationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(reservationId);
        if (Hotel.Start(reservationId, TimeProvider.GetUtcNow()) is { } refusal)
        {
            throw new InvalidOperationException(refusal.Message);
        }

        Notify(MewsEvents.Reservation(reservationId));
    }

    /// <summary>Waits until every webhook delivery started so far has been attempted.</summary>
    /// <returns>A task that completes when none is pending.</returns>
    public Task FlushWebhooksAsync() => Task.WhenAll(_deliveries.Keys);

    /// <inheritdoc />
    protected override void MapRoutes(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapPost(ApiPrefix + "{**operation}", (HttpContext context, string operation) => DispatchAsync(context));
    }

    /// <summary>One partition per access token (Mews: "200 requests per AccessToken within 30 seconds"), sliding.</summary>
    /// <inheritdoc />
    protected override IEnumerable<RateLimitPolicy> GetRateLimitPolicies(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return AccessTokenOf(context) is { } token
            ? [new RateLimitPolicy("token:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..16], new RateLimitRule(MewsOptions.RequestsPerWindow, MewsOptions.RateLimitWindow))]
            : [];
    }

    /// <summary>429 with <c>Retry-After</c> (the documented backoff signal) and Mews' error body.</summary>
    /// <inheritdoc />
    protected override Task WriteTooManyRequestsAsync(HttpContext context, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.RetryAfter = FormatRetryAfter(retryAfter);
        return WriteErrorAsync(context, new MewsRefusal(StatusCodes.Status429TooManyRequests, $"Too many requests for the access token; retry after {FormatRetryAfter(retryAfter)} seconds."));
    }

    /// <summary>An injected 5xx with Mews' error body.</summary>
    /// <inheritdoc />
    protected override Task WriteServerErrorAsync(HttpContext context, int statusCode)
    {
        ArgumentNullException.ThrowIfNull(context);
        return WriteErrorAsync(context, new MewsRefusal(statusCode, "An unexpected error occurred."));
    }

    /// <inheritdoc />
    protected override void OnReset() => Volatile.Write(ref _hotel, new MewsHotel(MewsOptions, _seededAt));

    /// <inheritdoc />
    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore().ConfigureAwait(false);
        await FlushWebhooksAsync().ConfigureAwait(false);
        Webhooks.Dispose();
    }

    private static string RequestId(HttpContext context) =>
        "SIM-" + (context.GetRecordedRequest()?.Sequence ?? 0).ToString(CultureInfo.InvariantCulture);

    private static IResult Json<T>(HttpContext context, T value)
    {
        context.Response.Headers["Request-Id"] = RequestId(context);
        return Results.Json(value, MewsJson.Info<T>());
    }

    private static IResult Error(HttpContext context, MewsRefusal refusal)
    {
        context.Response.Headers["Request-Id"] = RequestId(context);
        return Results.Json(new ErrorResult(refusal.Message, RequestId(context)), MewsJson.Info<ErrorResult>(), statusCode: refusal.StatusCode);
    }

    private static Task WriteErrorAsync(HttpContext context, MewsRefusal refusal)
    {
        context.Response.StatusCode = refusal.StatusCode;
        context.Response.Headers["Request-Id"] = RequestId(context);
        return context.Response.WriteAsJsonAsync(new ErrorResult(refusal.Message, RequestId(context)), MewsJson.Info<ErrorResult>(), "application/json", context.RequestAborted);
    }

    /// <summary>The access token in a request's body, for the rate limiter (the journal masks it; the buffered body does not).</summary>
    private static string? AccessTokenOf(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api/connector/v1", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            request.EnableBuffering();
            request.Body.Position = 0;

            // The journal has buffered the whole body already: this read completes at once.
            using var document = JsonDocument.ParseAsync(request.Body, cancellationToken: context.RequestAborted).GetAwaiter().GetResult();
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("AccessToken", out var token) && token.ValueKind == JsonValueKind.String
                ? token.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    private static MewsRefusal? CheckLimitation(LimitationModel limitation) =>
        limitation.Count is < 1 or > MaxCount ? MewsRefusal.Invalid("Limitation", $"Count must be between 1 and {MaxCount}.") : null;

    private static MewsRefusal? CheckIntervals(params (string Name, TimeIntervalModel? Interval)[] intervals)
    {
        foreach (var (name, interval) in intervals)
        {
            if (interval is null)
            {
                continue;
            }

            if (interval.EndUtc < interval.StartUtc)
            {
                return MewsRefusal.Invalid(name, "EndUtc is before StartUtc.");
            }

            if (interval.EndUtc > interval.StartUtc.AddMonths(MaxIntervalMonths))
            {
                return MewsRefusal.Invalid(name, $"the interval is longer than the maximum of {MaxIntervalMonths} months.");
            }
        }

        return null;
    }

    private static string? NextCursor<T>(IReadOnlyList<T> page, Func<T, string> id) => page.Count == 0 ? null : id(page[^1]);

    private static IReadOnlyList<T> Page<T>(IReadOnlyList<T> all, LimitationModel limitation, Func<T, string> id, out MewsRefusal? refusal)
    {
        refusal = CheckLimitation(limitation);
        var start = 0;
        if (refusal is null && limitation.Cursor is { } cursor)
        {
            var at = all.Select(id).ToList().IndexOf(cursor);
            if (at < 0)
            {
                refusal = MewsRefusal.Invalid("Cursor");
            }

            start = at + 1;
        }

        return refusal is null ? [.. all.Skip(start).Take(limitation.Count)] : [];
    }

    private static IReadOnlyDictionary<string, string> En(string text) => new Dictionary<string, string>(StringComparer.Ordinal) { ["en-US"] = text };

    private async Task<IResult> DispatchAsync(HttpContext context)
    {
        // Mews' addresses are case-sensitive and have no trailing slash; routing matched the prefix without regard to case.
        var path = context.Request.Path.Value ?? string.Empty;
        if (!path.StartsWith(ApiPrefix, StringComparison.Ordinal) || !_operations.TryGetValue(path[ApiPrefix.Length..], out var operation))
        {
            return Error(context, new MewsRefusal(StatusCodes.Status404NotFound, $"The operation '{path}' does not exist."));
        }

        return await operation(context).ConfigureAwait(false);
    }

    /// <summary>Reads the body strictly, checks the tokens, then runs the operation.</summary>
    private Func<HttpContext, Task<IResult>> Operation<T>(Func<HttpContext, T, IResult> handle)
        where T : MewsRequest =>
        async context =>
        {
            var body = await Validation.ReadJsonAsync(context, MewsJson.Info<T>()).ConfigureAwait(false);
            if (!body.IsValid)
            {
                context.Response.Headers["Request-Id"] = RequestId(context);
                return body.Rejection;
            }

            var request = body.Value;
            if (!Equal(request.ClientToken, MewsOptions.ClientToken))
            {
                return Error(context, new MewsRefusal(StatusCodes.Status401Unauthorized, "Invalid ClientToken."));
            }

            if (!Equal(request.AccessToken, MewsOptions.AccessToken))
            {
                return Error(context, new MewsRefusal(StatusCodes.Status401Unauthorized, "Invalid AccessToken."));
            }

            return handle(context, request);
        };

    private static bool Equal(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));

    private IResult GetConfiguration(HttpContext context, ConfigurationGetRequest request)
    {
        var hotel = Hotel;
        var enterprise = new EnterpriseResult(hotel.EnterpriseId, hotel.EnterpriseId, MewsOptions.EnterpriseName, MewsOptions.TimeZone, [new CurrencyResult(MewsOptions.Currency, true, true)], "Gross", "en-US", _seededAt.AddYears(-3), _seededAt.AddYears(-3));
        return Json(context, new ConfigurationResult(TimeProvider.GetUtcNow(), enterprise));
    }

    private IResult GetServices(HttpContext context, ServicesGetAllRequest request)
    {
        var hotel = Hotel;
        var data = new ServiceDataResult("Bookable", new BookableDataResult(MewsHotel.StartOffset, MewsHotel.EndOffset, MewsHotel.StartOffset, MewsHotel.EndOffset, "Day"));
        IReadOnlyList<ServiceResult> all = request.ServiceIds is { } ids && !ids.Contains(hotel.ServiceId)
            ? []
            : [new ServiceResult(hotel.ServiceId, hotel.EnterpriseId, true, "Accommodation", En("Accommodation"), data, _seededAt.AddYears(-3), _seededAt.AddYears(-3))];
        var page = Page(all, request.Limitation, s => s.Id, out var refusal);
        return refusal is not null ? Error(context, refusal) : Json(context, new ServicesResult(page, NextCursor(page, s => s.Id)));
    }

    private IResult GetResourceCategories(HttpContext context, ResourceCategoriesGetAllRequest request)
    {
        var hotel = Hotel;
        var all = hotel.Categories
            .Where(_ => request.ServiceIds.Contains(hotel.ServiceId))
            .Where(c => request.ResourceCategoryIds is null || request.ResourceCategoryIds.Contains(c.Id))
            .Select((c, i) => new ResourceCategoryResult(c.Id, hotel.EnterpriseId, hotel.ServiceId, true, "Room", En(c.Name), En(c.ShortName), En($"{c.Name} for up to {c.Capacity}."), i, c.Capacity, c.ExtraCapacity))
            .ToList();
        var page = Page(all, request.Limitation, c => c.Id, out var refusal);
        return refusal is not null ? Error(context, refusal) : Json(context, new ResourceCategoriesResult(page, NextCursor(page, c => c.Id)));
    }

    private IResult GetRates(HttpContext context, RatesGetAllRequest request)
    {
        var hotel = Hotel;
        var all = hotel.Rates
            .Where(_ => request.ServiceIds.Contains(hotel.ServiceId))
            .Where(r => request.RateIds is null || request.RateIds.Contains(r.Id))
            .Select((r, i) => new RateResult(r.Id, null, hotel.ServiceId, i == 0, true, true, true, i == 0, "Public", r.Name, En(r.Name), r.ShortName, null))
            .ToList();
        var page = Page(all, request.Limitation, r => r.Id, out var refusal);
        return refusal is not null ? Error(context, refusal) : Json(context, new RatesResult(page, [], NextCursor(page, r => r.Id)));
    }

    private IResult GetAgeCategories(HttpContext context, AgeCategoriesGetAllRequest request)
    {
        var hotel = Hotel;
        var all = hotel.AgeCategories
            .Where(_ => request.ServiceIds is null || request.ServiceIds.Contains(hotel.ServiceId))
            .Select(a => new AgeCategoryResult(a.Id, hotel.ServiceId, a.MinimalAge, a.MaximalAge, En(a.Name), a.Classification, true, _seededAt.AddYears(-3), _seededAt.AddYears(-3)))
            .ToList();
        var page = Page(all, request.Limitation, a => a.Id, out var refusal);
        return refusal is not null ? Error(context, refusal) : Json(context, new AgeCategoriesResult(page, NextCursor(page, a => a.Id)));
    }

    private IResult GetProducts(HttpContext context, ProductsGetAllRequest request)
    {
        var hotel = Hotel;
        var all = hotel.Products
            .Where(_ => request.ServiceIds.Contains(hotel.ServiceId))
            .Where(p => request.ProductIds is null || request.ProductIds.Contains(p.Id))
            .Select(p => new ProductResult(p.Id, hotel.ServiceId, true, En(p.Name), En($"{p.Name}, served 7 to 10."), p.ChargingMode, "Once", new AmountResult(MewsOptions.Currency, p.Price, decimal.Round(p.Price / 1.12m, 2)), _seededAt.AddYears(-1), _seededAt.AddYears(-1)))
            .ToList();
        var page = Page(all, request.Limitation, p => p.Id, out var refusal);
        return refusal is not null ? Error(context, refusal) : Json(context, new ProductsResult(page, NextCursor(page, p => p.Id)));
    }

    /// <summary>Time units are the enterprise's days: both ends must be local midnights (in UTC), at most 367 days apart.</summary>
    private MewsRefusal? CheckTimeUnits(MewsHotel hotel, DateTimeOffset first, DateTimeOffset last)
    {
        if (!hotel.IsTimeUnitStart(first))
        {
            return MewsRefusal.Invalid("FirstTimeUnitStartUtc", "it is not the start of a time unit (the enterprise's local midnight in UTC).");
        }

        if (!hotel.IsTimeUnitStart(last))
        {
            return MewsRefusal.Invalid("LastTimeUnitStartUtc", "it is not the start of a time unit (the enterprise's local midnight in UTC).");
        }

        var days = hotel.LocalDate(last).DayNumber - hotel.LocalDate(first).DayNumber;
        return days < 0 ? MewsRefusal.Invalid("LastTimeUnitStartUtc", "it is before FirstTimeUnitStartUtc.")
            : days >= MaxAvailabilityDays ? MewsRefusal.Invalid("LastTimeUnitStartUtc", $"the interval is longer than {MaxAvailabilityDays} days.")
            : null;
    }

    private IResult GetAvailability(HttpContext context, GetAvailabilityRequest request)
    {
        var hotel = Hotel;
        if (request.ServiceId != hotel.ServiceId)
        {
            return Error(context, MewsRefusal.Invalid("ServiceId"));
        }

        if (CheckTimeUnits(hotel, request.FirstTimeUnitStartUtc, request.LastTimeUnitStartUtc) is { } refusal)
        {
            return Error(context, refusal);
        }

        var nights = Nights(hotel, request.FirstTimeUnitStartUtc, request.LastTimeUnitStartUtc);
        var categories = hotel.Categories.Select(category =>
        {
            var metrics = new Dictionary<string, IReadOnlyList<int>>(StringComparer.Ordinal);
            foreach (var metric in request.Metrics.Distinct())
            {
                metrics[metric.ToString()] = metric switch
                {
                    AvailabilityMetric.Occupied or AvailabilityMetric.ConfirmedReservations => [.. nights.Select(n => hotel.Occupied(category.Id, n))],
                    AvailabilityMetric.UsableResources or AvailabilityMetric.ActiveResources => [.. nights.Select(_ => category.Rooms)],
                    AvailabilityMetric.PublicAvailabilityAdjustment => [.. nights.Select(n => hotel.Adjustment(category.Id, n))],
                    _ => [.. nights.Select(_ => 0)],
                };
            }

            return new CategoryAvailabilityResult(category.Id, metrics);
        }).ToList();
        return Json(context, new AvailabilityResult([.. nights.Select(n => hotel.Utc(n))], categories));
    }

    private IResult GetRatePricing(HttpContext context, GetRatePricingRequest request)
    {
        var hotel = Hotel;
        var rate = hotel.Rates.FirstOrDefault(r => r.Id == request.RateId);
        if (rate is null)
        {
            return Error(context, MewsRefusal.Invalid("RateId"));
        }

        if (CheckTimeUnits(hotel, request.FirstTimeUnitStartUtc, request.LastTimeUnitStartUtc) is { } refusal)
        {
            return Error(context, refusal);
        }

        var nights = Nights(hotel, request.FirstTimeUnitStartUtc, request.LastTimeUnitStartUtc);
        AmountResult Amount(decimal gross) => new(MewsOptions.Currency, gross, decimal.Round(gross / 1.12m, 2));
        var categories = hotel.Categories.Select(c => new CategoryPricingResult(c.Id, [.. nights.Select(n => Amount(hotel.Price(c, rate, n)))])).ToList();
        return Json(context, new RatePricingResult(MewsOptions.Currency, [.. nights.Select(n => hotel.Utc(n))], [.. nights.Select(n => Amount(hotel.Price(hotel.Categories[0], rate, n)))], categories, []));
    }

    /// <summary>Each reservation's total for its party over its nights; the capacity is not checked (reservations.md: "doesn't check the maximum capacity").</summary>
    private IResult PriceReservations(HttpContext context, ReservationsPriceRequest request)
    {
        var hotel = Hotel;
        if (request.ServiceId != hotel.ServiceId)
        {
            return Error(context, MewsRefusal.Invalid("ServiceId"));
        }

        if (request.Reservations.Count is 0 or > MaxCount)
        {
            return Error(context, MewsRefusal.Invalid("Reservations", $"between 1 and {MaxCount} are required."));
        }

        var prices = new List<ReservationPriceResult>();
        foreach (var reservation in request.Reservations)
        {
            var category = hotel.Categories.FirstOrDefault(c => c.Id == reservation.RequestedCategoryId);
            var rate = hotel.Rates.FirstOrDefault(r => r.Id == reservation.RateId);
            var refusal = category is null ? MewsRefusal.Invalid("RequestedCategoryId")
                : rate is null ? MewsRefusal.Invalid("RateId")
                : reservation.EndUtc <= reservation.StartUtc ? MewsRefusal.Invalid("EndUtc", "the reservation must end after it starts.")
                : reservation.PersonCounts.Count == 0 || reservation.PersonCounts.Any(p => p.Count < 1 || hotel.AgeCategories.All(a => a.Id != p.AgeCategoryId)) ? MewsRefusal.Invalid("PersonCounts")
                : null;
            if (refusal is not null)
            {
                return Error(context, refusal);
            }

            var total = 0m;
            for (var night = hotel.LocalDate(reservation.StartUtc); night < hotel.LocalDate(reservation.EndUtc); night = night.AddDays(1))
            {
                total += hotel.Price(category!, rate!, night, reservation.PersonCounts.Select(p => (p.AgeCategoryId, p.Count)));
            }

            prices.Add(new ReservationPriceResult(reservation.Identifier, new AmountResult(MewsOptions.Currency, total, decimal.Round(total / 1.12m, 2))));
        }

        return Json(context, new ReservationPricesResult(prices));
    }

    private IResult GetRestrictions(HttpContext context, RestrictionsGetAllRequest request)
    {
        if (CheckIntervals((nameof(request.CreatedUtc), request.CreatedUtc), (nameof(request.UpdatedUtc), request.UpdatedUtc)) is { } intervalRefusal)
        {
            return Error(context, intervalRefusal);
        }

        var hotel = Hotel;
        DateTimeOffset? Instant(DateOnly night) => night == DateOnly.MinValue || night == DateOnly.MaxValue ? null : hotel.Utc(night);
        var all = hotel.Restrictions()
            .Where(_ => request.ServiceIds.Contains(hotel.ServiceId))
            .Where(r => request.RestrictionIds is null || request.RestrictionIds.Contains(r.Id))
            .Where(r => request.ResourceCategoryIds is null || r.Key.CategoryId is null || request.ResourceCategoryIds.Contains(r.Key.CategoryId))

            // RateIds: "all restrictions that affect the given rates": those without a rate condition and those of the rates.
            .Where(r => request.RateIds is null || r.Key is { ExactRateId: null, BaseRateId: null, RateGroupId: null } || request.RateIds.Contains(r.Key.ExactRateId ?? r.Key.BaseRateId ?? string.Empty))
            .Where(r => request.ExactRateIds is null || (r.Key.ExactRateId is not null && request.ExactRateIds.Contains(r.Key.ExactRateId)))
            .Where(r => request.BaseRateIds is null || (r.Key.BaseRateId is not null && request.BaseRateIds.Contains(r.Key.BaseRateId)))
            .Where(r => request.Origin is null || request.Origin.ToString() == r.Origin)
            .Where(r => request.CollidingUtc is not { } colliding || ((Instant(r.First) ?? DateTimeOffset.MinValue) <= colliding.EndUtc && (Instant(r.Last) ?? DateTimeOffset.MaxValue) >= colliding.StartUtc))
            .Select(r => new RestrictionResult(
                r.Id, hotel.ServiceId, null, r.Origin,
                new RestrictionConditionsResult(r.Key.Type, r.Key.ExactRateId, r.Key.BaseRateId, r.Key.RateGroupId, r.Key.CategoryId, r.Key.CategoryType, Instant(r.First), Instant(r.Last), r.Key.DayNames()),
                r.MinLength is null && r.MaxLength is null ? null : new RestrictionExceptionsResult(null, null, r.Length(r.MinLength), r.Length(r.MaxLength))))
            .ToList();
        var page = Page(all, request.Limitation, r => r.Id, out var refusal);
        return refusal is not null ? Error(context, refusal) : Json(context, new RestrictionsResult(page, NextCursor(page, r => r.Id)));
    }

    private IResult SetRestrictions(HttpContext context, RestrictionsSetRequest request) => Answer(context, Hotel.SetRestrictions(request));

    private IResult ClearRestrictions(HttpContext context, RestrictionsClearRequest request) => Answer(context, Hotel.ClearRestrictions(request));

    private IResult UpdateRatePrice(HttpContext context, RatesUpdatePriceRequest request) => Answer(context, Hotel.UpdatePrices(request));

    private IResult UpdateAvailability(HttpContext context, ServicesUpdateAvailabilityRequest request) => Answer(context, Hotel.UpdateAvailability(request));

    /// <summary>The refusal, or Mews' empty answer <c>{}</c> of a write that returns nothing.</summary>
    private static IResult Answer(HttpContext context, MewsRefusal? refusal) => refusal is not null ? Error(context, refusal) : Json(context, new EmptyResult());

    private static List<DateOnly> Nights(MewsHotel hotel, DateTimeOffset first, DateTimeOffset last)
    {
        var nights = new List<DateOnly>();
        for (var night = hotel.LocalDate(first); night <= hotel.LocalDate(last); night = night.AddDays(1))
        {
            nights.Add(night);
        }

        return nights;
    }

    private IResult GetReservations(HttpContext context, ReservationsGetAllRequest request)
    {
        if ((CheckLimitation(request.Limitation) ?? CheckIntervals(
                (nameof(request.CreatedUtc), request.CreatedUtc), (nameof(request.UpdatedUtc), request.UpdatedUtc), (nameof(request.CollidingUtc), request.CollidingUtc),
                (nameof(request.ScheduledStartUtc), request.ScheduledStartUtc), (nameof(request.ScheduledEndUtc), request.ScheduledEndUtc),
                (nameof(request.ActualStartUtc), request.ActualStartUtc), (nameof(request.ActualEndUtc), request.ActualEndUtc))) is { } refusal)
        {
            return Error(context, refusal);
        }

        if (request.ScheduledStartUtc is not null && request.ActualStartUtc is not null)
        {
            return Error(context, MewsRefusal.Invalid("ActualStartUtc", "it cannot be used with ScheduledStartUtc."));
        }

        var (page, listRefusal) = Hotel.ListReservations(request, request.Limitation.Count);
        return listRefusal is not null ? Error(context, listRefusal) : Json(context, new ReservationsResult(page, NextCursor(page, r => r.Id)));
    }

    private IResult AddReservations(HttpContext context, ReservationsAddRequest request)
    {
        if (request.Reservations.Count is 0 or > MaxCount)
        {
            return Error(context, MewsRefusal.Invalid("Reservations", $"between 1 and {MaxCount} are required."));
        }

        var hotel = Hotel;
        var (added, refusal) = hotel.AddReservations(request, TimeProvider.GetUtcNow());
        if (refusal is not null)
        {
            return Error(context, refusal);
        }

        Notify([.. added.Select(a => MewsEvents.Reservation(a.Reservation.Id)[0])]);
        return Json(context, new ReservationsAddResult([.. added.Select(a => new AddedReservationItem(a.Identifier, new AddedReservationResult(
            a.Reservation.Id, hotel.ServiceId, a.Reservation.GroupId, a.Reservation.Number, a.Reservation.ChannelNumber, a.Reservation.State, "Connector",
            a.Reservation.CreatedUtc, a.Reservation.UpdatedUtc, a.Reservation.StartUtc, a.Reservation.EndUtc, a.Reservation.CategoryId, a.Reservation.RateId, a.Reservation.CustomerId)))]));
    }

    private IResult UpdateReservations(HttpContext context, ReservationsUpdateRequest request)
    {
        if (request.ReservationUpdates.Count is 0 or > MaxCount)
        {
            return Error(context, MewsRefusal.Invalid("ReservationUpdates", $"between 1 and {MaxCount} are required."));
        }

        var (changed, refusal) = Hotel.UpdateReservations(request, TimeProvider.GetUtcNow());
        if (refusal is not null)
        {
            return Error(context, refusal);
        }

        Notify([.. changed.Select(id => MewsEvents.Reservation(id)[0])]);
        return Json(context, new ReservationsResult([.. changed.SelectMany(id => Hotel.ListReservations(ById(id), 1).Page)], null));
    }

    private ReservationsGetAllRequest ById(string id) => new()
    {
        ClientToken = MewsOptions.ClientToken,
        AccessToken = MewsOptions.AccessToken,
        Client = "simulator",
        ReservationIds = [id],
        Limitation = new LimitationModel { Count = 1 },
    };

    private IResult CancelReservations(HttpContext context, ReservationsCancelRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Notes))
        {
            return Error(context, MewsRefusal.Invalid("Notes"));
        }

        if (request.ReservationIds.Count is 0 or > MaxCount)
        {
            return Error(context, MewsRefusal.Invalid("ReservationIds", $"between 1 and {MaxCount} are required."));
        }

        var (cancelled, refusal) = Hotel.Cancel(request.ReservationIds, TimeProvider.GetUtcNow());
        if (refusal is not null)
        {
            return Error(context, refusal);
        }

        Notify([.. cancelled.Select(id => MewsEvents.Reservation(id)[0])]);
        return Json(context, new ReservationIdsResult(cancelled));
    }

    private IResult AddReservationProduct(HttpContext context, ReservationsAddProductRequest request)
    {
        var (item, refusal) = Hotel.AddProduct(request, TimeProvider.GetUtcNow());
        if (refusal is not null)
        {
            return Error(context, refusal);
        }

        Notify(MewsEvents.Reservation(request.ReservationId));
        return Json(context, new ItemIdsResult([item!]));
    }

    private IResult GetOrderItems(HttpContext context, OrderItemsGetAllRequest request)
    {
        if ((CheckLimitation(request.Limitation) ?? CheckIntervals((nameof(request.CreatedUtc), request.CreatedUtc), (nameof(request.UpdatedUtc), request.UpdatedUtc), (nameof(request.ConsumedUtc), request.ConsumedUtc), (nameof(request.CanceledUtc), request.CanceledUtc), (nameof(request.ClosedUtc), request.ClosedUtc))) is { } refusal)
        {
            return Error(context, refusal);
        }

        if (request.OrderItemIds is null && request.AccountIds is null && request.ServiceOrderIds is null && request.ServiceIds is null && request.BillIds is null
            && request.CreatedUtc is null && request.UpdatedUtc is null && request.ConsumedUtc is null && request.CanceledUtc is null && request.ClosedUtc is null)
        {
            // orderitems.md: the id filters are "Required if no other filter is provided".
            return Error(context, MewsRefusal.Invalid("ServiceOrderIds", "a filter is required."));
        }

        var page = Page(Hotel.OrderItems(request), request.Limitation, i => i.Id, out var pageRefusal);
        return pageRefusal is not null ? Error(context, pageRefusal) : Json(context, new OrderItemsResult(page, NextCursor(page, i => i.Id)));
    }

    private IResult GetCustomers(HttpContext context, CustomersGetAllRequest request)
    {
        if ((CheckLimitation(request.Limitation) ?? CheckIntervals((nameof(request.CreatedUtc), request.CreatedUtc), (nameof(request.UpdatedUtc), request.UpdatedUtc), (nameof(request.DeletedUtc), request.DeletedUtc))) is { } refusal)
        {
            return Error(context, refusal);
        }

        if (request.CustomerIds is null && request.Emails is null && request.FirstNames is null && request.LastNames is null && request.LoyaltyCodes is null
            && request.CreatedUtc is null && request.UpdatedUtc is null && request.DeletedUtc is null && request.CompanyIds is null)
        {
            // customers.md: CustomerIds "Required if no other filter is provided".
            return Error(context, MewsRefusal.Invalid("CustomerIds", "a filter is required."));
        }

        var all = Hotel.FindCustomers(request);
        var page = Page(all, request.Limitation, c => c.Id, out var pageRefusal);
        if (pageRefusal is not null)
        {
            return Error(context, pageRefusal);
        }

        var customers = request.Extent.Customers == true ? page : [];
        return Json(context, new CustomersResult(customers, request.Extent.Addresses == true ? [] : null, NextCursor(page, c => c.Id)));
    }

    private IResult AddCustomer(HttpContext context, CustomersAddRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.LastName))
        {
            return Error(context, MewsRefusal.Invalid("LastName"));
        }

        var customer = Hotel.AddCustomer(request, TimeProvider.GetUtcNow());
        Notify([MewsEvents.Customer("CustomerAdded", customer.Id), MewsEvents.Customer("CustomerUpdated", customer.Id)]);
        return Json(context, customer);
    }

    private IResult UpdateCustomer(HttpContext context, CustomersUpdateRequest request)
    {
        var (customer, refusal) = Hotel.UpdateCustomer(request, TimeProvider.GetUtcNow());
        if (refusal is not null)
        {
            return Error(context, refusal);
        }

        Notify([MewsEvents.Customer("CustomerUpdated", customer!.Id)]);
        return Json(context, customer);
    }

    /// <summary>Delivers a general webhook in the background when an address is set (Mews batches events and retries later; here each change is one delivery).</summary>
    private void Notify(IReadOnlyList<WebhookEventResult> events)
    {
        if (WebhookAddress is not { } address || events.Count == 0)
        {
            return;
        }

        var payload = new GeneralWebhookPayload(Hotel.EnterpriseId, IntegrationId, events);
        var delivery = Webhooks.SendAsync(new WebhookTarget(address), payload, MewsJson.Info<GeneralWebhookPayload>(), cancellationToken: StoppingToken);
        _deliveries.TryAdd(delivery, 0);
        _ = delivery.ContinueWith(done => _deliveries.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}

/// <summary>The general-webhook events the simulator raises.</summary>
internal static class MewsEvents
{
    public static IReadOnlyList<WebhookEventResult> Reservation(string id) => [new("ServiceOrderUpdated", new WebhookEventValue(id))];

    public static WebhookEventResult Customer(string discriminator, string id) => new(discriminator, new WebhookEventValue(id));
}
