using System.Globalization;
using System.Runtime.CompilerServices;
using HotelPlatform.Connectors.Caching;
using HotelPlatform.Connectors.Http;
using HotelPlatform.Connectors.Mews.Mapping;
using HotelPlatform.Connectors.Mews.Wire;
using HotelPlatform.Connectors.Paging;
using Refit;

namespace HotelPlatform.Connectors.Mews;

/// <summary>
/// The <see cref="IPmsConnector"/> of one Mews enterprise over the Mews Connector API. Register it with
/// <c>AddMews(...)</c> on <c>AddPmsConnectors()</c>; every call is a <c>POST</c> through the runtime's HTTP pipeline,
/// which puts <c>ClientToken</c>, <c>AccessToken</c> and <c>Client</c> into the body, paces the access token to Mews'
/// 200 requests per 30 seconds and retries reads (marked as reads although they are POSTs).
/// </summary>
/// <remarks>
/// <para>
/// Dates are the enterprise's: a stay's start is the arrival's local midnight plus the service's <c>StartOffset</c>, its
/// end the departure's local midnight plus <c>EndOffset</c>, both converted to UTC in the enterprise's time zone
/// (correct on daylight-saving days); a day filter spans the day's local midnights.
/// </para>
/// <para>
/// Creates are exactly once without an idempotency key (Mews has none): the client reference goes into the
/// reservation's <c>ChannelNumber</c>, and a create whose outcome is unknown is looked up by <c>ChannelNumbers</c> before
/// it is sent again. Stay restrictions come from <c>restrictions/getAll</c> (see <see cref="Mapping.MewsRestrictions"/>).
/// </para>
/// </remarks>
public sealed class MewsConnector : PmsConnector
{
    /// <summary>The largest <c>Limitation.Count</c> Mews accepts.</summary>
    internal const int MaxCount = 1000;

    /// <summary>The default page size of reservation listings.</summary>
    internal const int DefaultPageSize = 100;

    private const string ReservationEntity = "Reservation";

    /// <summary>The kind of the connector's listing tokens: a time window and Mews' cursor in it.</summary>
    private const string WindowKind = "mews-window";

    private readonly Func<MewsOptions> _options;
    private readonly Func<IMewsApi> _api;
    private readonly MewsResponses _responses = MewsResponses.Instance;
    private readonly PmsCachedValue<MewsSetup> _setup;
    private readonly PmsCachedValue<IReadOnlyList<ResourceCategoryModel>> _categories;
    private readonly PmsCachedValue<IReadOnlyList<RoomType>> _roomTypes;
    private readonly PmsCachedValue<IReadOnlyList<RatePlan>> _ratePlans;
    private readonly PmsCachedValue<IReadOnlyList<ProductModel>> _products;

    /// <summary>Initializes a new instance of the <see cref="MewsConnector"/> class.</summary>
    /// <param name="options">The hotel's current validated options.</param>
    /// <param name="api">Makes the Refit client over the hotel's named HTTP client.</param>
    /// <param name="timeProvider">The clock.</param>
    internal MewsConnector(Func<MewsOptions> options, Func<IMewsApi> api, TimeProvider timeProvider)
        : base(PmsVendors.Mews, options().PropertyId, MewsCapabilities.Supported, timeProvider)
    {
        _options = options;
        _api = api;
        var lifetime = options().ReferenceDataLifetime;
        _setup = new PmsCachedValue<MewsSetup>(ReadSetupAsync, lifetime, TimeProvider);
        _categories = new PmsCachedValue<IReadOnlyList<ResourceCategoryModel>>(ReadCategoriesAsync, lifetime, TimeProvider);
        _roomTypes = new PmsCachedValue<IReadOnlyList<RoomType>>(async ct => [.. (await _categories.GetAsync(ct).ConfigureAwait(false)).Select(MewsMapper.ToRoomType)], lifetime, TimeProvider);
        _ratePlans = new PmsCachedValue<IReadOnlyList<RatePlan>>(ReadRatePlansAsync, lifetime, TimeProvider);
        _products = new PmsCachedValue<IReadOnlyList<ProductModel>>(ReadProductsAsync, lifetime, TimeProvider);
    }

    /// <inheritdoc />
    /// <remarks>Offers <see cref="IPmsRatesAndAvailabilityPush"/> over <c>services/updateAvailability</c>, <c>restrictions/set</c>/<c>clear</c> and <c>rates/updatePrice</c>.</remarks>
    public override object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType == typeof(IPmsRatesAndAvailabilityPush)
            ? new Distribution.MewsRatesAndAvailabilityPush(_api, SetupAsync, ct => _categories.GetAsync(ct))
            : base.GetService(serviceType, serviceKey);
    }

    /// <inheritdoc />
    /// <remarks>Reads the configuration now (not the kept one): a health check must reach Mews.</remarks>
    protected override async Task CheckHealthCoreAsync(CancellationToken cancellationToken) =>
        await _setup.RefreshAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    protected override async Task<PmsProperty> GetPropertyCoreAsync(CancellationToken cancellationToken) =>
        (await SetupAsync(cancellationToken).ConfigureAwait(false)).Property;

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<RoomType>> GetRoomTypesCoreAsync(CancellationToken cancellationToken) =>
        await _roomTypes.GetAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<RatePlan>> GetRatePlansCoreAsync(CancellationToken cancellationToken) =>
        await _ratePlans.GetAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    /// <remarks>
    /// <c>services/getAvailability/2024-01-22</c> with the metrics <c>Occupied</c>, <c>UsableResources</c> and
    /// <c>PublicAvailabilityAdjustment</c>; what can be sold is <c>UsableResources − Occupied + PublicAvailabilityAdjustment</c>. Each night carries the restrictions of <c>restrictions/getAll</c> that hold for every rate
    /// (the grid is per room type), see <see cref="MewsRestrictions"/>.
    /// </remarks>
    protected override async Task<AvailabilityGrid> GetAvailabilityCoreAsync(AvailabilityRequest request, CancellationToken cancellationToken)
    {
        const string operation = "GetAvailability";
        var setup = await SetupAsync(cancellationToken).ConfigureAwait(false);
        var categories = (await _categories.GetAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(c => c.Id, StringComparer.Ordinal);
        var counts = await AvailableAsync(setup, request.Arrival, request.Departure, operation, cancellationToken).ConfigureAwait(false);
        var restrictions = (await RestrictionsAsync(setup, request.Arrival, request.Departure, rateId: null, operation, cancellationToken).ConfigureAwait(false))
            .Where(MewsRestrictions.IsForEveryRate)
            .ToList();
        IEnumerable<string> wanted = request.RoomTypeIds.Count == 0 ? categories.Keys : request.RoomTypeIds;
        var grid = wanted.Where(id => counts.ContainsKey(id) && categories.ContainsKey(id)).Select(id =>
        {
            var own = restrictions.Where(r => MewsRestrictions.AppliesTo(r, categories[id])).ToList();
            return new RoomTypeAvailability(id, [.. counts[id].Select(n => n with { Restrictions = MewsRestrictions.ForNight(own, n.Date, setup) })]);
        }).ToList();
        return new AvailabilityGrid(PropertyId, request.Arrival, request.Departure, grid);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Per rate (the asked one, or every active rate): <c>rates/getPricing</c> for the nights, which says which resource
    /// categories have a price on every night, and <c>restrictions/getAll</c> for that rate, which leaves out the categories
    /// whose restrictions forbid the stay. The candidates are then priced for the party with <c>reservations/price</c> (its
    /// <c>PersonCounts</c> by age category), each night as a one-night reservation so that the quote has Mews' nightly
    /// prices for these adults and children; the total is their sum. Categories that sleep fewer than the party
    /// (<c>Capacity</c> + <c>ExtraCapacity</c>) or have no room left on a night are left out.
    /// </remarks>
    protected override async Task<IReadOnlyList<RateQuote>> QuoteCoreAsync(QuoteRequest request, CancellationToken cancellationToken)
    {
        const string operation = "Quote";
        var setup = await SetupAsync(cancellationToken).ConfigureAwait(false);
        var categories = (await _categories.GetAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(c => c.Id, StringComparer.Ordinal);
        var roomTypes = (await _roomTypes.GetAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(r => r.VendorId, StringComparer.Ordinal);
        var ratePlans = await _ratePlans.GetAsync(cancellationToken).ConfigureAwait(false);
        var available = await AvailableAsync(setup, request.Arrival, request.Departure, operation, cancellationToken).ConfigureAwait(false);
        var persons = MewsMapper.ToPersonCounts(request.Adults, request.ChildrenAges, setup.AgeCategories);
        var candidates = new List<(RoomType RoomType, RatePlan Rate, int Left)>();
        foreach (var rate in ratePlans.Where(r => request.RatePlanId is null || r.VendorId == request.RatePlanId))
        {
            var pricing = await _responses.ReadAsync(
                Api.GetRatePricingAsync(new RatePricingRequest(rate.VendorId, setup.Midnight(request.Arrival), setup.Midnight(request.Departure.AddDays(-1))), cancellationToken),
                new MewsCall(operation),
                cancellationToken).ConfigureAwait(false);
            var restrictions = await RestrictionsAsync(setup, request.Arrival, request.Departure, rate.VendorId, operation, cancellationToken).ConfigureAwait(false);
            foreach (var category in pricing?.CategoryPrices ?? [])
            {
                if (!roomTypes.TryGetValue(category.CategoryId, out var roomType)
                    || roomType.MaxOccupancy < request.Adults + request.ChildrenAges.Count
                    || (request.RoomTypeIds.Count > 0 && !request.RoomTypeIds.Contains(category.CategoryId))
                    || category.AmountPrices.Count != request.Nights
                    || category.AmountPrices.Any(p => p.GrossValue is null)
                    || !available.TryGetValue(category.CategoryId, out var nights)
                    || MewsRestrictions.Forbids(restrictions.Where(r => MewsRestrictions.AppliesTo(r, categories[category.CategoryId])), request.Arrival, request.Departure, setup))
                {
                    continue;
                }

                var left = nights.Min(n => n.Available);
                if (left > 0)
                {
                    candidates.Add((roomType, rate, left));
                }
            }
        }

        var prices = await NightPricesAsync(setup, [.. candidates.Select(c => (c.RoomType.VendorId, c.Rate.VendorId))], request.Arrival, request.Nights, persons, operation, cancellationToken).ConfigureAwait(false);
        var quotes = new List<RateQuote>();
        foreach (var (roomType, rate, left) in candidates)
        {
            if (!prices.TryGetValue((roomType.VendorId, rate.VendorId), out var nightly))
            {
                continue;
            }

            var total = nightly.Skip(1).Aggregate(nightly[0].Amount, (sum, night) => sum + night.Amount);
            quotes.Add(new RateQuote(roomType.VendorId, rate.VendorId, total, nightly)
            {
                RoomTypeName = roomType.Name,
                RatePlanName = rate.Name,
                Available = left,
            });
        }

        return quotes;
    }

    /// <inheritdoc />
    /// <remarks>
    /// The client reference is looked up first (<c>ChannelNumbers</c>): a create repeated with the same reference returns
    /// the reservation the first one made. Otherwise the guest is found by e-mail (<c>customers/getAll</c>) or added
    /// (<c>customers/add</c>), then <c>reservations/add</c> books with <c>ChannelNumber</c> = the client reference. When an attempt may have been
    /// applied without an answer, the next attempt first looks the reference up (<c>ChannelNumbers</c>), so a
    /// reservation is never made twice.
    /// </remarks>
    protected override async Task<Reservation> CreateReservationCoreAsync(ReservationDraft draft, CancellationToken cancellationToken)
    {
        const string operation = "CreateReservation";
        var setup = await SetupAsync(cancellationToken).ConfigureAwait(false);
        var reference = draft.ClientReference!;
        var products = await ProductOrdersAsync(draft.Services, setup, draft.Arrival, draft.Departure, cancellationToken).ConfigureAwait(false);
        var personCounts = MewsMapper.ToPersonCounts(draft.Adults, draft.ChildrenAges, setup.AgeCategories);
        var call = new MewsCall(operation) { RefusalMayMeanNoAvailability = true };

        // Mews has no idempotency key: a create repeated by the caller with the same reference finds the first one.
        ReservationModel? existing;
        using (PmsOperation.Begin(PmsOperationIntent.Read))
        {
            existing = await FindByChannelNumberAsync(reference, operation, cancellationToken).ConfigureAwait(false);
        }

        if (existing is not null)
        {
            return (await MapAsync([existing], setup, operation, cancellationToken).ConfigureAwait(false))[0];
        }

        var customer = await FindOrAddCustomerAsync(draft.PrimaryGuest, operation, cancellationToken).ConfigureAwait(false);
        var request = new AddReservationsRequest(setup.ServiceId,
        [
            new ReservationParameters(setup.StartUtc(draft.Arrival), setup.EndUtc(draft.Departure), draft.RoomTypeId, draft.RatePlanId, MewsMapper.ToPersonCounts(draft.Adults, draft.ChildrenAges, setup.AgeCategories))
            {
                Identifier = reference,
                ChannelNumber = reference,
                State = "Confirmed",
                CustomerId = customer.Id,
                Notes = draft.Comment,
                ProductOrders = products.Count == 0 ? null : products,
            },
        ]);
        var created = await PmsExactlyOnce.ExecuteAsync(
            reference,
            async (_, ct) =>
            {
                var answer = await _responses.ReadAsync(Api.AddReservationsAsync(request, ct), call, ct).ConfigureAwait(false);
                var id = answer?.Reservations.FirstOrDefault()?.Reservation.Id
                         ?? throw new PmsUnavailableException($"{PmsVendors.Mews} {operation}: Mews answered without the reservation (outcome unknown).") { Vendor = Vendor, Operation = operation, OutcomeUnknown = true };
                using (PmsOperation.Begin(PmsOperationIntent.Read))
                {
                    return await FirstAsync(new ReservationFilter(new Limitation(1)) { ReservationIds = [id] }, operation, ct).ConfigureAwait(false)
                           ?? throw new PmsUnavailableException($"{PmsVendors.Mews} {operation}: the new reservation could not be read yet (outcome unknown).") { Vendor = Vendor, Operation = operation, OutcomeUnknown = true };
                }
            },
            async (key, ct) =>
            {
                using (PmsOperation.Begin(PmsOperationIntent.Read))
                {
                    return await FindByChannelNumberAsync(key, operation, ct).ConfigureAwait(false);
                }
            },
            new PmsExactlyOnceOptions { Vendor = Vendor, Operation = operation, TimeProvider = TimeProvider, MaxAttempts = 2 },
            cancellationToken).ConfigureAwait(false);
        return (await MapAsync([created], setup, operation, cancellationToken).ConfigureAwait(false))[0];
    }

    /// <inheritdoc />
    protected override async Task<Reservation> GetReservationCoreAsync(string reservationId, CancellationToken cancellationToken)
    {
        const string operation = "GetReservation";
        var setup = await SetupAsync(cancellationToken).ConfigureAwait(false);
        var model = await GetModelAsync(reservationId, operation, cancellationToken).ConfigureAwait(false);
        return (await MapAsync([model], setup, operation, cancellationToken).ConfigureAwait(false))[0];
    }

    /// <inheritdoc />
    /// <remarks>The number is tried as Mews' confirmation number (<c>Numbers</c>), then as a channel number (<c>ChannelNumbers</c>: a channel's booking number or the caller's client reference).</remarks>
    protected override async Task<Reservation?> FindReservationCoreAsync(string confirmationNumber, CancellationToken cancellationToken)
    {
        const string operation = "FindReservation";
        var setup = await SetupAsync(cancellationToken).ConfigureAwait(false);
        var model = await FirstAsync(new ReservationFilter(new Limitation(1)) { Numbers = [confirmationNumber] }, operation, cancellationToken).ConfigureAwait(false)
                    ?? await FindByChannelNumberAsync(confirmationNumber, operation, cancellationToken).ConfigureAwait(false);
        return model is null ? null : (await MapAsync([model], setup, operation, cancellationToken).ConfigureAwait(false))[0];
    }

    /// <inheritdoc />
    /// <remarks>
    /// Stay dates, occupancy, resource category and rate through <c>reservations/update</c> with Mews' update values (only
    /// what changes is sent); the guest through <c>customers/update</c> of the reservation's owner. Mews'
    /// <c>reservations/update</c> has no notes, so a <see cref="ReservationChanges.Comment"/> or
    /// <see cref="ReservationChanges.GuestComment"/> throws <see cref="PmsNotSupportedException"/> naming the field,
    /// before anything is changed.
    /// </remarks>
    protected override async Task<Reservation> ModifyReservationCoreAsync(string reservationId, ReservationChanges changes, CancellationToken cancellationToken)
    {
        const string operation = "ModifyReservation";
        var setup = await SetupAsync(cancellationToken).ConfigureAwait(false);
        var current = await GetModelAsync(reservationId, operation, cancellationToken).ConfigureAwait(false);
        if (changes.Comment is not null || changes.GuestComment is not null)
        {
            var field = changes.Comment is not null ? nameof(ReservationChanges.Comment) : nameof(ReservationChanges.GuestComment);
            throw new PmsNotSupportedException($"Mews cannot change a reservation's {field}: reservations/update has no notes (only reservations/add takes Notes).", ConnectorCapabilities.ModifyReservation)
            {
                Vendor = Vendor,
                Operation = operation,
                Feature = field,
            };
        }

        if (changes.ChangesStay)
        {
            var (adults, children) = MewsMapper.FromPersonCounts(current.PersonCounts, setup.AgeCategories);
            var update = new ReservationUpdate(reservationId)
            {
                StartUtc = changes.Arrival is { } arrival ? new(setup.StartUtc(arrival)) : null,
                EndUtc = changes.Departure is { } departure ? new(setup.EndUtc(departure)) : null,
                PersonCounts = changes.Adults is not null || changes.ChildrenAges is not null
                    ? new(MewsMapper.ToPersonCounts(changes.Adults ?? adults, changes.ChildrenAges ?? children, setup.AgeCategories))
                    : null,
                RequestedCategoryId = changes.RoomTypeId is { } category ? new(category) : null,
                RateId = changes.RatePlanId is { } rate ? new(rate) : null,
            };

            // An absolute state: sent again only after a read shows it is not yet applied.
            await WriteOnceAsync(
                reservationId,
                new MewsCall(operation) { EntityType = ReservationEntity, EntityId = reservationId, RefusalMayMeanNoAvailability = true },
                ct => Api.UpdateReservationsAsync(new UpdateReservationsRequest([update]) { Reason = "Changed through HotelPlatform.Connectors." }, ct),
                model => IsApplied(changes, model, setup),
                cancellationToken).ConfigureAwait(false);
        }

        if (changes.PrimaryGuest is { } guest)
        {
            var owner = await CustomerAsync(current.AccountId, operation, cancellationToken).ConfigureAwait(false);
            await _responses.ReadAsync(
                Api.UpdateCustomerAsync(MewsMapper.ToUpdateCustomer(current.AccountId, guest, owner.Options), cancellationToken),
                new MewsCall(operation) { EntityType = "Customer", EntityId = current.AccountId },
                cancellationToken).ConfigureAwait(false);
        }

        return await GetReservationCoreAsync(reservationId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks><c>reservations/cancel</c> with <c>Notes</c> (required by Mews): the caller's reason, else <see cref="MewsOptions.DefaultCancellationNote"/>. A reservation already cancelled is returned as it is.</remarks>
    protected override async Task<Reservation> CancelReservationCoreAsync(string reservationId, string? reason, CancellationToken cancellationToken)
    {
        const string operation = "CancelReservation";
        var notes = string.IsNullOrWhiteSpace(reason) ? _options().DefaultCancellationNote : reason;
        var current = await GetModelAsync(reservationId, operation, cancellationToken).ConfigureAwait(false);
        if (current.State != "Canceled")
        {
            await WriteOnceAsync(
                reservationId,
                new MewsCall(operation) { EntityType = ReservationEntity, EntityId = reservationId, RefusalMeansInvalidState = true },
                ct => Api.CancelReservationsAsync(new CancelReservationsRequest([reservationId], notes), ct),
                model => model.State == "Canceled",
                cancellationToken).ConfigureAwait(false);
        }

        return await GetReservationCoreAsync(reservationId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// <c>reservations/getAll/2023-06-06</c>, paged with <c>Limitation</c>: arrivals by <c>ScheduledStartUtc</c>,
    /// departures by <c>ScheduledEndUtc</c>, in-house by <c>CollidingUtc</c>, each over the day's local midnights;
    /// changed-since by <c>UpdatedUtc</c> up to now, split into windows of at most 3 months (Mews' limit), each
    /// reservation listed once.
    /// </remarks>
    protected override IAsyncEnumerable<Reservation> GetReservationsCoreAsync(ReservationQuery query, CancellationToken cancellationToken) =>
        GetReservationPagesCoreAsync(query, null, cancellationToken).ItemsAsync(cancellationToken);

    /// <inheritdoc />
    protected override bool SupportsReservationPages => true;

    /// <inheritdoc />
    /// <remarks>
    /// A token holds the listing's end (for changed-since: the "now" of the first page, so a resumed listing covers the
    /// same windows), the 3-month window it is in and Mews' <c>Cursor</c> within it (the id of the last reservation read),
    /// bound to the query (property, kind, resolved day, instant). Mews pages by cursor, so a resumed listing neither
    /// repeats nor skips a reservation of the window it stopped in; a reservation changed again meanwhile moves to a later
    /// window and may be listed there again (it did change).
    /// </remarks>
    protected override async IAsyncEnumerable<PmsPage<Reservation>> GetReservationPagesCoreAsync(ReservationQuery query, string? continuationToken, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const string operation = "GetReservations";
        var setup = await SetupAsync(cancellationToken).ConfigureAwait(false);
        var count = Math.Clamp(query.PageSize ?? DefaultPageSize, 1, MaxCount);
        var date = query.Kind == ReservationQueryKind.ChangedSince ? default : await ResolveQueryDateAsync(query, cancellationToken).ConfigureAwait(false);
        var scope = ContinuationScope(query, query.Kind == ReservationQueryKind.ChangedSince ? null : date);
        var (end, window, cursor) = continuationToken is null ? (TimeProvider.GetUtcNow(), 0, null) : ReadPosition(continuationToken, scope);
        var filters = Filters(query, date, setup, end);
        if (window >= filters.Count)
        {
            throw new ArgumentException("The continuation token is malformed (its window is not one of the listing's).", nameof(continuationToken));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (; window < filters.Count; window++, cursor = null)
        {
            var filter = filters[window];
            var windowScope = string.Create(CultureInfo.InvariantCulture, $"{scope}|{window}");
            var pages = PmsPager.ByCursorAsync(
                (c, size, ct) => _responses.ReadAsync(Api.GetReservationsAsync(filter with { Limitation = new Limitation(size, c) }, ct), new MewsCall(operation), ct),
                page => page.Reservations,
                page => page.Cursor,
                count,
                windowScope,
                cursor is null ? null : PmsContinuationToken.Create(windowScope, PmsPager.CursorKind, cursor),
                cancellationToken);
            await foreach (var page in pages.ConfigureAwait(false))
            {
                var wanted = page.Items.Where(model => Wanted(query, date, model, setup) && seen.Add(model.Id)).ToList();
                var next = page.ContinuationToken is { } inner
                    ? Position(scope, end, window, PmsContinuationToken.Read(inner, windowScope, PmsPager.CursorKind))
                    : window + 1 < filters.Count ? Position(scope, end, window + 1, null) : null;
                yield return new PmsPage<Reservation>(await MapAsync(wanted, setup, operation, cancellationToken).ConfigureAwait(false), next);
            }
        }
    }

    private static string Position(string scope, DateTimeOffset end, int window, string? cursor) =>
        PmsContinuationToken.Create(scope, WindowKind, string.Create(CultureInfo.InvariantCulture, $"{end.UtcTicks}|{window}|{cursor}"));

    private static (DateTimeOffset End, int Window, string? Cursor) ReadPosition(string token, string scope)
    {
        var parts = PmsContinuationToken.Read(token, scope, WindowKind).Split('|', 3);
        return parts.Length == 3
               && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
               && ticks <= DateTimeOffset.MaxValue.UtcTicks
               && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var window)
            ? (new DateTimeOffset(ticks, TimeSpan.Zero), window, parts[2].Length == 0 ? null : parts[2])
            : throw new ArgumentException("The continuation token is malformed (not one this SDK issued).", nameof(token));
    }

    /// <inheritdoc />
    /// <remarks><c>customers/getAll</c> (<c>Extent</c> customers) by e-mail, else by last name (and first name); a phone number is matched on what these return, as Mews has no phone filter.</remarks>
    protected override async Task<IReadOnlyList<GuestProfile>> SearchGuestsCoreAsync(GuestSearch search, CancellationToken cancellationToken)
    {
        const string operation = "SearchGuests";
        var filter = new CustomerFilter(new CustomerExtent(Customers: true, Addresses: false), new Limitation(Math.Clamp(search.MaxResults, 1, MaxCount)));
        if (!string.IsNullOrWhiteSpace(search.Email))
        {
            filter = filter with { Emails = [search.Email.Trim()] };
        }
        else if (!string.IsNullOrWhiteSpace(search.LastName))
        {
            filter = filter with { LastNames = [search.LastName.Trim()], FirstNames = string.IsNullOrWhiteSpace(search.FirstName) ? null : [search.FirstName.Trim()] };
        }
        else
        {
            throw new PmsNotSupportedException("Mews cannot search customers by phone number alone (customers/getAll filters by e-mail, names, ids and loyalty codes): add an e-mail address or a last name.", ConnectorCapabilities.SearchGuests)
            {
                Vendor = Vendor,
                Operation = operation,
            };
        }

        var found = await _responses.ReadAsync(Api.GetCustomersAsync(filter, cancellationToken), new MewsCall(operation), cancellationToken).ConfigureAwait(false);
        return [.. (found?.Customers ?? []).Select(MewsMapper.ToGuest).Where(g => Matches(search, g)).Take(search.MaxResults)];
    }

    /// <inheritdoc />
    protected override async Task<GuestProfile> GetGuestCoreAsync(string guestId, CancellationToken cancellationToken)
    {
        return MewsMapper.ToGuest(await CustomerAsync(guestId, "GetGuest", cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    /// <remarks>With a <see cref="GuestProfile.VendorId"/>: <c>customers/update</c>; without: <c>customers/add</c> (<c>OverwriteExisting</c> false).</remarks>
    protected override async Task<GuestProfile> UpsertGuestCoreAsync(GuestProfile guest, CancellationToken cancellationToken)
    {
        const string operation = "UpsertGuest";
        if (guest.VendorId is { } id)
        {
            var current = await CustomerAsync(id, operation, cancellationToken).ConfigureAwait(false);
            var updated = await _responses.ReadAsync(Api.UpdateCustomerAsync(MewsMapper.ToUpdateCustomer(id, guest, current.Options), cancellationToken), new MewsCall(operation) { EntityType = "Customer", EntityId = id }, cancellationToken).ConfigureAwait(false);
            return updated is null ? await GetGuestCoreAsync(id, cancellationToken).ConfigureAwait(false) : MewsMapper.ToGuest(updated);
        }

        return MewsMapper.ToGuest(await AddCustomerAsync(guest, operation, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    /// <remarks>The service's active products (<c>products/getAll</c>), with their price; kept as reference data.</remarks>
    protected override async Task<IReadOnlyList<ServiceOffer>> GetServiceOffersCoreAsync(ServiceOfferRequest request, CancellationToken cancellationToken)
    {
        if (request.ReservationId is { } reservationId)
        {
            await GetModelAsync(reservationId, "GetServiceOffers", cancellationToken).ConfigureAwait(false);
        }

        var products = await _products.GetAsync(cancellationToken).ConfigureAwait(false);
        return [.. products.Where(p => p.Price?.GrossValue is not null).Select(p => new ServiceOffer(p.Id, MewsMapper.Text(p.Names) ?? p.Id, new Money(p.Price!.GrossValue!.Value, p.Price.Currency))
        {
            Description = MewsMapper.Text(p.Descriptions),
            PricingUnit = MewsMapper.ToPricingUnit(p.ChargingMode),
        })];
    }

    /// <inheritdoc />
    /// <remarks>
    /// <c>reservations/addProduct</c> with the count, over the reservation's stay (or the asked dates); the reservation is
    /// then read with its products (order items). Not repeated after an unknown outcome: Mews would add the product twice.
    /// </remarks>
    protected override async Task<Reservation> AddServiceCoreAsync(string reservationId, ServiceOrder order, CancellationToken cancellationToken)
    {
        const string operation = "AddService";
        var setup = await SetupAsync(cancellationToken).ConfigureAwait(false);
        var current = await GetModelAsync(reservationId, operation, cancellationToken).ConfigureAwait(false);
        var products = await _products.GetAsync(cancellationToken).ConfigureAwait(false);
        if (!products.Any(p => p.Id == order.ServiceId))
        {
            throw new PmsNotFoundException($"{Vendor} {operation}: the service has no product '{order.ServiceId}'.") { Vendor = Vendor, Operation = operation, EntityType = "Product", EntityId = order.ServiceId };
        }

        var (start, end) = order.Dates.Count == 0
            ? (current.ScheduledStartUtc, current.ScheduledEndUtc)
            : (setup.Midnight(order.Dates.Min()), setup.Midnight(order.Dates.Max().AddDays(1)));
        await _responses.SendAsync(
            Api.AddReservationProductAsync(new AddReservationProductRequest(reservationId, order.ServiceId, order.Quantity) { StartUtc = start, EndUtc = end }, cancellationToken),
            new MewsCall(operation) { EntityType = ReservationEntity, EntityId = reservationId },
            cancellationToken).ConfigureAwait(false);
        return (await MapAsync([await GetModelAsync(reservationId, operation, cancellationToken).ConfigureAwait(false)], setup, operation, cancellationToken).ConfigureAwait(false))[0];
    }

    private static bool Matches(GuestSearch search, GuestProfile guest) =>
        (string.IsNullOrWhiteSpace(search.Email) || string.Equals(guest.Email, search.Email.Trim(), StringComparison.OrdinalIgnoreCase))
        && (string.IsNullOrWhiteSpace(search.LastName) || string.Equals(guest.LastName, search.LastName.Trim(), StringComparison.OrdinalIgnoreCase))
        && (string.IsNullOrWhiteSpace(search.FirstName) || string.Equals(guest.FirstName, search.FirstName.Trim(), StringComparison.OrdinalIgnoreCase))
        && (string.IsNullOrWhiteSpace(search.Phone) || string.Equals(Digits(guest.Phone), Digits(search.Phone), StringComparison.Ordinal));

    private static string Digits(string? phone) => new([.. (phone ?? string.Empty).Where(char.IsDigit)]);

    private static bool IsApplied(ReservationChanges changes, ReservationModel model, MewsSetup setup) =>
        (changes.Arrival is null || setup.Arrival(model.ScheduledStartUtc) == changes.Arrival)
        && (changes.Departure is null || setup.Departure(model.ScheduledEndUtc) == changes.Departure)
        && (changes.RoomTypeId is null || model.RequestedResourceCategoryId == changes.RoomTypeId)
        && (changes.RatePlanId is null || model.RateId == changes.RatePlanId)
        && (changes.Adults is null || MewsMapper.FromPersonCounts(model.PersonCounts, setup.AgeCategories).Adults == changes.Adults);

    /// <summary>Whether a listed reservation belongs to the query (Mews' filters select by instant; the query is by the enterprise's date).</summary>
    private static bool Wanted(ReservationQuery query, DateOnly date, ReservationModel model, MewsSetup setup)
    {
        if (!query.IncludeCancelled && model.State == "Canceled")
        {
            return false;
        }

        return query.Kind switch
        {
            ReservationQueryKind.Arrivals => setup.Arrival(model.ScheduledStartUtc) == date,
            ReservationQueryKind.Departures => setup.Departure(model.ScheduledEndUtc) == date,
            ReservationQueryKind.InHouse => model.State == "Started",
            _ => model.UpdatedUtc >= query.Since,
        };
    }

    private IMewsApi Api => _api();

    /// <summary>The <c>reservations/getAll</c> filters of a query, one per time window; changed-since ends at <paramref name="end"/>.</summary>
    private static IReadOnlyList<ReservationFilter> Filters(ReservationQuery query, DateOnly date, MewsSetup setup, DateTimeOffset end)
    {
        var limitation = new Limitation(DefaultPageSize);
        if (query.Kind == ReservationQueryKind.ChangedSince)
        {
            var now = end;
            return [.. MewsTime.Windows(query.Since!.Value, now).Select(w => new ReservationFilter(limitation) { ServiceIds = [setup.ServiceId], UpdatedUtc = new TimeInterval(w.Start, w.End) })];
        }

        var day = new TimeInterval(setup.Midnight(date), setup.Midnight(date.AddDays(1)));
        var filter = new ReservationFilter(limitation) { ServiceIds = [setup.ServiceId] };
        return
        [
            query.Kind switch
            {
                ReservationQueryKind.Arrivals => filter with { ScheduledStartUtc = day },
                ReservationQueryKind.Departures => filter with { ScheduledEndUtc = day },
                _ => filter with { CollidingUtc = day, States = ["Started"] },
            },
        ];
    }

    /// <summary>What can be sold per resource category and night (<see cref="MewsNightCounts.Available"/>).</summary>
    private async Task<Dictionary<string, IReadOnlyList<NightAvailability>>> AvailableAsync(MewsSetup setup, DateOnly arrival, DateOnly departure, string operation, CancellationToken cancellationToken) =>
        (await CountsAsync(Api, setup, arrival, departure, operation, cancellationToken).ConfigureAwait(false))
            .ToDictionary(p => p.Key, p => (IReadOnlyList<NightAvailability>)[.. p.Value.Select(n => new NightAvailability(n.Date, n.Available))], StringComparer.Ordinal);

    /// <summary>
    /// The counts of every resource category for the nights from <paramref name="arrival"/> to the day before
    /// <paramref name="departure"/>: <c>services/getAvailability/2024-01-22</c>, one request per 367 nights (Mews' longest interval).
    /// </summary>
    internal static async Task<Dictionary<string, List<MewsNightCounts>>> CountsAsync(IMewsApi api, MewsSetup setup, DateOnly arrival, DateOnly departure, string operation, CancellationToken cancellationToken)
    {
        const int maxNights = 367;
        var result = new Dictionary<string, List<MewsNightCounts>>(StringComparer.Ordinal);
        using (PmsOperation.Begin(PmsOperationIntent.Read))
        {
            for (var first = arrival; first < departure; first = first.AddDays(maxNights))
            {
                var last = first.AddDays(maxNights - 1) < departure.AddDays(-1) ? first.AddDays(maxNights - 1) : departure.AddDays(-1);
                var answer = await MewsResponses.Instance.ReadAsync(
                    api.GetAvailabilityAsync(new Wire.AvailabilityRequest(setup.ServiceId, setup.Midnight(first), setup.Midnight(last), MewsNightCounts.Metrics), cancellationToken),
                    new MewsCall(operation),
                    cancellationToken).ConfigureAwait(false);
                foreach (var (category, nights) in MewsNightCounts.Read(answer, setup.Zone))
                {
                    (result.TryGetValue(category, out var all) ? all : result[category] = []).AddRange(nights);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The party's price of each night for each (category, rate): <c>reservations/price</c> with one one-night reservation
    /// per night and candidate (<c>Identifier</c> = candidate and night), at most <see cref="MaxCount"/> per request. A
    /// candidate missing a night's price (Mews answered without it, or with no gross value) is left out.
    /// </summary>
    private async Task<Dictionary<(string Category, string Rate), IReadOnlyList<NightlyRate>>> NightPricesAsync(
        MewsSetup setup, IReadOnlyList<(string Category, string Rate)> candidates, DateOnly arrival, int nights, IReadOnlyList<PersonCount> persons, string operation, CancellationToken cancellationToken)
    {
        var entries = candidates.SelectMany((candidate, c) => Enumerable.Range(0, nights).Select(night => (Identifier: string.Create(CultureInfo.InvariantCulture, $"{c}:{night}"), Candidate: candidate, Night: night))).ToList();
        var totals = new Dictionary<string, AmountModel>(StringComparer.Ordinal);
        foreach (var chunk in entries.Chunk(MaxCount))
        {
            var request = new PriceReservationsRequest(setup.ServiceId, [.. chunk.Select(e => new ReservationParameters(
                setup.StartUtc(arrival.AddDays(e.Night)), setup.EndUtc(arrival.AddDays(e.Night + 1)), e.Candidate.Category, e.Candidate.Rate, persons) { Identifier = e.Identifier })]);
            var answer = await _responses.ReadAsync(Api.PriceReservationsAsync(request, cancellationToken), new MewsCall(operation), cancellationToken).ConfigureAwait(false);
            foreach (var price in answer?.ReservationPrices ?? [])
            {
                if (price.Identifier is { } identifier && price.Amount is { GrossValue: not null } amount)
                {
                    totals[identifier] = amount;
                }
            }
        }

        var result = new Dictionary<(string, string), IReadOnlyList<NightlyRate>>();
        foreach (var byCandidate in entries.GroupBy(e => e.Candidate))
        {
            var nightly = byCandidate.Select(e => totals.TryGetValue(e.Identifier, out var amount) ? new NightlyRate(arrival.AddDays(e.Night), new Money(amount.GrossValue!.Value, amount.Currency)) : null).ToList();
            if (nightly.All(n => n is not null))
            {
                result[byCandidate.Key] = nightly!;
            }
        }

        return result;
    }

    /// <summary>
    /// The service's restrictions colliding with the stay's time units (<c>restrictions/getAll</c>, every page), for every
    /// rate or, with <paramref name="rateId"/>, those that affect the rate (Mews resolves exact, base and group rates).
    /// </summary>
    private async Task<IReadOnlyList<RestrictionModel>> RestrictionsAsync(MewsSetup setup, DateOnly arrival, DateOnly departure, string? rateId, string operation, CancellationToken cancellationToken)
    {
        var colliding = new TimeInterval(setup.Midnight(arrival), setup.Midnight(departure));
        using (PmsOperation.Begin(PmsOperationIntent.Read))
        {
            return await ReadAllAsync(
                (cursor, ct) => _responses.ReadAsync(
                    Api.GetRestrictionsAsync(new RestrictionFilter([setup.ServiceId], new Limitation(MaxCount, cursor)) { CollidingUtc = colliding, RateIds = rateId is null ? null : [rateId] }, ct),
                    new MewsCall(operation),
                    ct),
                page => page.Restrictions,
                page => page.Cursor,
                cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<ProductOrderParameters>> ProductOrdersAsync(IReadOnlyList<ServiceOrder> orders, MewsSetup setup, DateOnly arrival, DateOnly departure, CancellationToken cancellationToken)
    {
        if (orders.Count == 0)
        {
            return [];
        }

        var products = await _products.GetAsync(cancellationToken).ConfigureAwait(false);
        return [.. orders.Select(order => products.Any(p => p.Id == order.ServiceId)
            ? new ProductOrderParameters(order.ServiceId) { Count = order.Quantity, StartUtc = setup.Midnight(order.Dates.Count == 0 ? arrival : order.Dates.Min()), EndUtc = setup.Midnight(order.Dates.Count == 0 ? departure : order.Dates.Max().AddDays(1)) }
            : throw new PmsValidationException($"Mews: the service has no product '{order.ServiceId}'.") { Vendor = Vendor, Operation = "CreateReservation", Field = "Services" })];
    }

    private async Task<CustomerModel> FindOrAddCustomerAsync(GuestProfile guest, string operation, CancellationToken cancellationToken)
    {
        if (guest.VendorId is { } id)
        {
            var known = await CustomersAsync([id], operation, cancellationToken).ConfigureAwait(false);
            if (known.ContainsKey(id))
            {
                return new CustomerModel(id, guest.LastName);
            }
        }

        if (!string.IsNullOrWhiteSpace(guest.Email))
        {
            using (PmsOperation.Begin(PmsOperationIntent.Read))
            {
                var found = await _responses.ReadAsync(
                    Api.GetCustomersAsync(new CustomerFilter(new CustomerExtent(true, false), new Limitation(10)) { Emails = [guest.Email] }, cancellationToken),
                    new MewsCall(operation),
                    cancellationToken).ConfigureAwait(false);
                if (found?.Customers.FirstOrDefault(c => string.Equals(c.LastName, guest.LastName, StringComparison.OrdinalIgnoreCase)) is { } match)
                {
                    return match;
                }
            }
        }

        return await AddCustomerAsync(guest, operation, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CustomerModel> AddCustomerAsync(GuestProfile guest, string operation, CancellationToken cancellationToken) =>
        await _responses.ReadAsync(Api.AddCustomerAsync(MewsMapper.ToAddCustomer(guest), cancellationToken), new MewsCall(operation), cancellationToken).ConfigureAwait(false)
        ?? throw new PmsUnavailableException($"{Vendor} {operation}: Mews answered customers/add without the customer.") { Vendor = Vendor, Operation = operation, OutcomeUnknown = true };

    /// <summary>The customers with these ids (one request per 1000), as guests.</summary>
    private async Task<Dictionary<string, GuestProfile>> CustomersAsync(IReadOnlyCollection<string> ids, string operation, CancellationToken cancellationToken) =>
        (await CustomerModelsAsync(ids, operation, cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.Key, p => MewsMapper.ToGuest(p.Value), StringComparer.Ordinal);

    /// <summary>The customer with this id as Mews sends it, or <see cref="PmsNotFoundException"/>.</summary>
    private async Task<CustomerModel> CustomerAsync(string customerId, string operation, CancellationToken cancellationToken) =>
        (await CustomerModelsAsync([customerId], operation, cancellationToken).ConfigureAwait(false)).GetValueOrDefault(customerId)
        ?? throw new PmsNotFoundException($"{Vendor} {operation}: Mews has no customer '{customerId}'.") { Vendor = Vendor, Operation = operation, EntityType = "Customer", EntityId = customerId };

    /// <summary>The customers with these ids (one request per 1000).</summary>
    private async Task<Dictionary<string, CustomerModel>> CustomerModelsAsync(IReadOnlyCollection<string> ids, string operation, CancellationToken cancellationToken)
    {
        var guests = new Dictionary<string, CustomerModel>(StringComparer.Ordinal);
        using (PmsOperation.Begin(PmsOperationIntent.Read))
        {
            foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(MaxCount))
            {
                var found = await _responses.ReadAsync(
                    Api.GetCustomersAsync(new CustomerFilter(new CustomerExtent(true, false), new Limitation(chunk.Length)) { CustomerIds = chunk }, cancellationToken),
                    new MewsCall(operation),
                    cancellationToken).ConfigureAwait(false);
                foreach (var customer in found?.Customers ?? [])
                {
                    guests[customer.Id] = customer;
                }
            }
        }

        return guests;
    }

    /// <summary>Maps reservations with their owners, read in one <c>customers/getAll</c>.</summary>
    private async Task<IReadOnlyList<Reservation>> MapAsync(IReadOnlyList<ReservationModel> models, MewsSetup setup, string operation, CancellationToken cancellationToken)
    {
        if (models.Count == 0)
        {
            return [];
        }

        var guests = await CustomersAsync([.. models.Select(m => m.AccountId)], operation, cancellationToken).ConfigureAwait(false);
        var items = await OrderItemsOfAsync(models, operation, cancellationToken).ConfigureAwait(false);
        var services = await ProductsOfAsync(items, setup, cancellationToken).ConfigureAwait(false);
        return [.. models.Select(m =>
        {
            var reservation = MewsMapper.ToReservation(m, guests.GetValueOrDefault(m.AccountId) ?? new GuestProfile("(unknown)") { VendorId = m.AccountId }, setup, PropertyId);
            var extras = services.GetValueOrDefault(m.Id) ?? [];
            var nightly = MewsMapper.ToNightlyRates(items.Where(i => i.ServiceOrderId == m.Id), reservation.Arrival, reservation.Departure, setup.Zone);
            return reservation with
            {
                Services = extras,
                NightlyRates = nightly,
                Total = nightly.Count == 0 || extras.Any(e => e.Total is null) ? null : MewsMapper.Sum([.. nightly.Select(n => n.Amount), .. extras.Select(e => e.Total!.Value)]),
            };
        })];
    }

    /// <summary>
    /// The order items of the reservations (a reservation is a service order): its nights (<c>SpaceOrder</c>, the
    /// Reservation (ver 2023-06-06) carries no price) and its products (<c>ProductOrder</c>, not listed on the
    /// reservation either), one <c>orderItems/getAll</c> per 1000 reservations, every page; cancelled items left out.
    /// </summary>
    private async Task<IReadOnlyList<OrderItemModel>> OrderItemsOfAsync(IReadOnlyList<ReservationModel> models, string operation, CancellationToken cancellationToken)
    {
        var items = new List<OrderItemModel>();
        using (PmsOperation.Begin(PmsOperationIntent.Read))
        {
            foreach (var chunk in models.Select(m => m.Id).Chunk(MaxCount))
            {
                items.AddRange(await ReadAllAsync(
                    (cursor, ct) => _responses.ReadAsync(Api.GetOrderItemsAsync(new OrderItemFilter(chunk, [MewsMapper.SpaceOrder, MewsMapper.ProductOrder], new Limitation(MaxCount, cursor)), ct), new MewsCall(operation), ct),
                    page => page.OrderItems,
                    page => page.Cursor,
                    cancellationToken).ConfigureAwait(false));
            }
        }

        return [.. items.Where(i => i.CanceledUtc is null)];
    }

    /// <summary>The products added to reservations, from their <c>ProductOrder</c> order items. A product's quantity is its units per date.</summary>
    private async Task<Dictionary<string, IReadOnlyList<ReservationService>>> ProductsOfAsync(IReadOnlyList<OrderItemModel> items, MewsSetup setup, CancellationToken cancellationToken)
    {
        var products = await _products.GetAsync(cancellationToken).ConfigureAwait(false);
        return items
            .Where(i => i.Type == MewsMapper.ProductOrder && i.Data?.Product?.ProductId is not null)
            .GroupBy(i => i.ServiceOrderId, StringComparer.Ordinal)
            .ToDictionary(
                byReservation => byReservation.Key,
                byReservation => (IReadOnlyList<ReservationService>)[.. byReservation.GroupBy(i => i.Data!.Product!.ProductId, StringComparer.Ordinal).Select(byProduct =>
                {
                    var dates = byProduct.Select(i => MewsTime.ToLocalDate(i.ConsumedUtc, setup.Zone)).Distinct().Order().ToList();
                    var amounts = byProduct.Where(i => i.Amount?.GrossValue is not null).Select(i => new Money(i.Amount!.GrossValue!.Value, i.Amount.Currency)).ToList();
                    var name = products.FirstOrDefault(p => p.Id == byProduct.Key) is { } product ? MewsMapper.Text(product.Names) ?? byProduct.Key : byProduct.Key;
                    return new ReservationService(byProduct.Key, name, byProduct.Sum(i => i.UnitCount) / Math.Max(1, dates.Count))
                    {
                        Dates = dates,
                        Total = amounts.Count == 0 ? null : MewsMapper.Sum(amounts),
                    };
                })],
                StringComparer.Ordinal);
    }

    private async Task<ReservationModel> GetModelAsync(string reservationId, string operation, CancellationToken cancellationToken)
    {
        using (PmsOperation.Begin(PmsOperationIntent.Read))
        {
            return await FirstAsync(new ReservationFilter(new Limitation(1)) { ReservationIds = [reservationId] }, operation, cancellationToken).ConfigureAwait(false)
                   ?? throw new PmsNotFoundException($"{Vendor} {operation}: Mews has no reservation '{reservationId}'.") { Vendor = Vendor, Operation = operation, EntityType = ReservationEntity, EntityId = reservationId };
        }
    }

    private Task<ReservationModel?> FindByChannelNumberAsync(string channelNumber, string operation, CancellationToken cancellationToken) =>
        FirstAsync(new ReservationFilter(new Limitation(1)) { ChannelNumbers = [channelNumber] }, operation, cancellationToken);

    private async Task<ReservationModel?> FirstAsync(ReservationFilter filter, string operation, CancellationToken cancellationToken)
    {
        var page = await _responses.ReadAsync(Api.GetReservationsAsync(filter, cancellationToken), new MewsCall(operation), cancellationToken).ConfigureAwait(false);
        return page?.Reservations.FirstOrDefault();
    }

    /// <summary>
    /// Sends a write that sets an absolute state: a transient failure is tried again, but once an attempt may have been
    /// applied the reservation is read first and the write is not repeated when it already shows the state asked for.
    /// </summary>
    private Task<ReservationModel> WriteOnceAsync(string reservationId, MewsCall call, Func<CancellationToken, Task<IApiResponse>> write, Func<ReservationModel, bool> isDone, CancellationToken cancellationToken) =>
        PmsExactlyOnce.ExecuteAsync(
            reservationId,
            async (_, ct) =>
            {
                await _responses.SendAsync(write(ct), call, ct).ConfigureAwait(false);
                return await GetModelAsync(reservationId, call.Operation, ct).ConfigureAwait(false);
            },
            async (_, ct) =>
            {
                var now = await GetModelAsync(reservationId, call.Operation, ct).ConfigureAwait(false);
                return isDone(now) ? now : null;
            },
            new PmsExactlyOnceOptions { Vendor = Vendor, Operation = call.Operation, TimeProvider = TimeProvider },
            cancellationToken);

    private ValueTask<MewsSetup> SetupAsync(CancellationToken cancellationToken) => _setup.GetAsync(cancellationToken);

    /// <summary>
    /// <c>configuration/get</c> (enterprise, zone, currency), <c>services/getAll</c> (the bookable service and its
    /// offsets) and <c>ageCategories/getAll</c> of that service.
    /// </summary>
    private async Task<MewsSetup> ReadSetupAsync(CancellationToken cancellationToken)
    {
        const string operation = "GetProperty";
        var configuration = await _responses.ReadAsync(Api.GetConfigurationAsync(new EmptyRequest(), cancellationToken), new MewsCall(operation), cancellationToken).ConfigureAwait(false)
                            ?? throw new PmsUnavailableException($"{Vendor} {operation}: Mews answered configuration/get without a body.") { Vendor = Vendor, Operation = operation };
        var enterprise = configuration.Enterprise;
        if (!string.Equals(enterprise.Id, PropertyId, StringComparison.OrdinalIgnoreCase))
        {
            throw new PmsAuthenticationException($"{Vendor} {operation}: the access token belongs to enterprise '{enterprise.Id}', not to the hotel's PropertyId '{PropertyId}'.") { Vendor = Vendor, Operation = operation };
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(enterprise.TimeZoneIdentifier, out var zone))
        {
            throw new PmsException($"{Vendor} {operation}: enterprise time zone '{enterprise.TimeZoneIdentifier}' is unknown to this machine.") { Vendor = Vendor, Operation = operation };
        }

        var currency = enterprise.Currencies?.FirstOrDefault(c => c.IsDefault)?.Currency ?? enterprise.Currencies?.FirstOrDefault()?.Currency
                       ?? throw new PmsException($"{Vendor} {operation}: the enterprise has no currency.") { Vendor = Vendor, Operation = operation };
        var services = await ReadAllAsync(
            (cursor, ct) => _responses.ReadAsync(Api.GetServicesAsync(new ServicesRequest(new Limitation(MaxCount, cursor)), ct), new MewsCall(operation), ct),
            page => page.Services,
            page => page.Cursor,
            cancellationToken).ConfigureAwait(false);
        var wanted = _options().ServiceId;
        var service = services.FirstOrDefault(s => wanted is null
                          ? s.IsActive && s.Data is { Discriminator: "Bookable", Value.TimeUnitPeriod: "Day" }
                          : string.Equals(s.Id, wanted, StringComparison.OrdinalIgnoreCase))
                      ?? throw new PmsException(wanted is null
                          ? $"{Vendor} {operation}: the enterprise has no active bookable service with daily time units; set ServiceId."
                          : $"{Vendor} {operation}: the enterprise has no service '{wanted}'.") { Vendor = Vendor, Operation = operation };
        var ages = await ReadAllAsync(
            (cursor, ct) => _responses.ReadAsync(Api.GetAgeCategoriesAsync(new ByServicesRequest([service.Id], new Limitation(MaxCount, cursor)), ct), new MewsCall(operation), ct),
            page => page.AgeCategories,
            page => page.Cursor,
            cancellationToken).ConfigureAwait(false);
        var property = new PmsProperty(enterprise.Id, enterprise.Name, enterprise.TimeZoneIdentifier, currency);
        return new MewsSetup(property, zone, service.Id, MewsTime.ParseDuration(service.Data?.Value?.StartOffset), MewsTime.ParseDuration(service.Data?.Value?.EndOffset), ages);
    }

    private async Task<IReadOnlyList<ResourceCategoryModel>> ReadCategoriesAsync(CancellationToken cancellationToken)
    {
        var setup = await SetupAsync(cancellationToken).ConfigureAwait(false);
        var categories = await ReadAllAsync(
            (cursor, ct) => _responses.ReadAsync(Api.GetResourceCategoriesAsync(new ByServicesRequest([setup.ServiceId], new Limitation(MaxCount, cursor)), ct), new MewsCall("GetRoomTypes"), ct),
            page => page.ResourceCategories,
            page => page.Cursor,
            cancellationToken).ConfigureAwait(false);
        return [.. categories.Where(c => c.IsActive)];
    }

    private async Task<IReadOnlyList<RatePlan>> ReadRatePlansAsync(CancellationToken cancellationToken)
    {
        var setup = await SetupAsync(cancellationToken).ConfigureAwait(false);
        var rates = await ReadAllAsync(
            (cursor, ct) => _responses.ReadAsync(Api.GetRatesAsync(new ByServicesRequest([setup.ServiceId], new Limitation(MaxCount, cursor)), ct), new MewsCall("GetRatePlans"), ct),
            page => page.Rates,
            page => page.Cursor,
            cancellationToken).ConfigureAwait(false);
        return [.. rates.Where(r => r.IsActive && r.IsEnabled).Select(r => MewsMapper.ToRatePlan(r, setup.Property.Currency))];
    }

    private async Task<IReadOnlyList<ProductModel>> ReadProductsAsync(CancellationToken cancellationToken)
    {
        var setup = await SetupAsync(cancellationToken).ConfigureAwait(false);
        var products = await ReadAllAsync(
            (cursor, ct) => _responses.ReadAsync(Api.GetProductsAsync(new ProductsRequest([setup.ServiceId], new Limitation(MaxCount, cursor)), ct), new MewsCall("GetServiceOffers"), ct),
            page => page.Products,
            page => page.Cursor,
            cancellationToken).ConfigureAwait(false);
        return [.. products.Where(p => p.IsActive)];
    }

    /// <summary>Reads every page of a listing with the runtime's cursor pager.</summary>
    internal static async Task<List<TItem>> ReadAllAsync<TPage, TItem>(Func<string?, CancellationToken, Task<TPage?>> fetch, Func<TPage, IReadOnlyList<TItem>> items, Func<TPage, string?> cursor, CancellationToken cancellationToken)
        where TPage : class
    {
        var all = new List<TItem>();
        await foreach (var page in PmsPager.ByCursorAsync((c, _, ct) => fetch(c, ct), items, cursor, MaxCount, "reference", cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            all.AddRange(page.Items);
        }

        return all;
    }
}
