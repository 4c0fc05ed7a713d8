using System.Runtime.CompilerServices;
using HotelPlatform.Connectors.Apaleo.Distribution;
using HotelPlatform.Connectors.Apaleo.Mapping;
using HotelPlatform.Connectors.Apaleo.Subscriptions;
using HotelPlatform.Connectors.Apaleo.Wire;
using HotelPlatform.Connectors.Caching;
using HotelPlatform.Connectors.Paging;
using Refit;

namespace HotelPlatform.Connectors.Apaleo;

/// <summary>
/// The <see cref="IPmsConnector"/> of one Apaleo property. Register it with <c>AddApaleo(...)</c> on
/// <c>AddPmsConnectors()</c>; every call goes through the runtime's HTTP pipeline (OAuth2 client credentials, the
/// account's rate limiter, retries of reads, telemetry). <see cref="IPmsConnector.GetService"/> returns the hotel's
/// <see cref="IApaleoSubscriptions"/> and an <see cref="IPmsRatesAndAvailabilityPush"/> of prices and restrictions
/// (<see cref="ApaleoRatesAndAvailabilityPush"/>).
/// </summary>
/// <remarks>
/// <para>
/// What Apaleo cannot do is absent from <see cref="IPmsConnector.Capabilities"/> and throws
/// <see cref="PmsNotSupportedException"/> before any call: guest profiles (<see cref="IPmsConnector.GetGuestAsync"/>,
/// <see cref="IPmsConnector.UpsertGuestAsync"/>) — Apaleo keeps guests inside reservations only — and stay
/// restrictions in the availability grid.
/// </para>
/// <para>
/// Writes and retries. Only the booking is retried by the HTTP pipeline, because it carries Apaleo's
/// <c>Idempotency-Key</c> (the client reference: Apaleo answers a repeated key with the first answer for 24 hours).
/// Every other write (amend, patch, cancel, book-service) sets an absolute state but has no key, so the pipeline never
/// repeats it; the connector does, through <see cref="PmsExactlyOnce"/>: a write that failed before reaching Apaleo is
/// sent again, and a write whose outcome is unknown is sent again only after the reservation was read and found not
/// yet in the state asked for. A booking whose outcome is unknown is looked up by its external code (the client
/// reference) before it is posted again, with the same key.
/// </para>
/// </remarks>
public sealed class ApaleoConnector : PmsConnector
{
    /// <summary>How many pages of reservations a guest search reads at most: Apaleo can only search reservations, and a common name must not read a hotel's whole history.</summary>
    internal const int MaxGuestSearchPages = 5;

    private const string Reservation = "Reservation";

    private static readonly IReadOnlyList<string> BedRooms = [ApaleoQueryValues.BedRoom];

    private readonly Func<ApaleoOptions> _options;
    private readonly ApaleoClients _clients;
    private readonly ApaleoResponses _responses;
    private readonly IApaleoSubscriptions _subscriptions;
    private readonly PmsCachedValue<PropertyContext> _property;
    private readonly PmsCachedValue<IReadOnlyList<RoomType>> _roomTypes;
    private readonly PmsCachedValue<IReadOnlyList<RatePlan>> _ratePlans;
    private readonly ApaleoRatesAndAvailabilityPush _push;

    /// <summary>Initializes a new instance of the <see cref="ApaleoConnector"/> class.</summary>
    /// <param name="options">The hotel's current validated options (a new instance after a reload; the property id is the first one's).</param>
    /// <param name="clients">The hotel's Refit clients.</param>
    /// <param name="subscriptions">The hotel's subscription service.</param>
    /// <param name="timeProvider">The clock: "today" at the property, retry waits, reference data lifetime.</param>
    internal ApaleoConnector(Func<ApaleoOptions> options, ApaleoClients clients, IApaleoSubscriptions subscriptions, TimeProvider timeProvider)
        : base(PmsVendors.Apaleo, options().PropertyId, ApaleoCapabilities.Supported, timeProvider)
    {
        _options = options;
        _clients = clients;
        _subscriptions = subscriptions;
        _responses = ApaleoResponses.Instance;

        // Reference data is read once per lifetime, by one request however many calls need it at once.
        var lifetime = options().ReferenceDataLifetime;
        _property = new PmsCachedValue<PropertyContext>(ReadPropertyAsync, lifetime, TimeProvider);
        _roomTypes = new PmsCachedValue<IReadOnlyList<RoomType>>(ReadRoomTypesAsync, lifetime, TimeProvider);
        _ratePlans = new PmsCachedValue<IReadOnlyList<RatePlan>>(ReadRatePlansAsync, lifetime, TimeProvider);
        _push = new ApaleoRatesAndAvailabilityPush(
            clients,
            _responses,
            async ct => (await PropertyAsync(ct).ConfigureAwait(false)).Zone,
            ct => GetRatePlansAsync(ct));
    }

    private string ChannelCode => _options().ChannelCode;

    /// <inheritdoc />
    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        base.GetService(serviceType, serviceKey)
        ?? (serviceKey is not null ? null
            : serviceType == typeof(IApaleoSubscriptions) ? _subscriptions
            : serviceType == typeof(IPmsRatesAndAvailabilityPush) ? _push
            : null);

    /// <inheritdoc />
    /// <remarks>Reads the property now (not the kept one): a health check must reach Apaleo.</remarks>
    protected override async Task CheckHealthCoreAsync(CancellationToken cancellationToken) =>
        await _property.RefreshAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    /// <remarks>Reference data: kept for <see cref="PmsConnectorOptions.ReferenceDataLifetime"/>.</remarks>
    protected override async Task<PmsProperty> GetPropertyCoreAsync(CancellationToken cancellationToken) =>
        (await PropertyAsync(cancellationToken).ConfigureAwait(false)).Property;

    /// <inheritdoc />
    /// <remarks>Reference data: kept for <see cref="PmsConnectorOptions.ReferenceDataLifetime"/>.</remarks>
    protected override async Task<IReadOnlyList<RoomType>> GetRoomTypesCoreAsync(CancellationToken cancellationToken) =>
        await _roomTypes.GetAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    /// <remarks>Reference data: kept for <see cref="PmsConnectorOptions.ReferenceDataLifetime"/>.</remarks>
    protected override async Task<IReadOnlyList<RatePlan>> GetRatePlansCoreAsync(CancellationToken cancellationToken) =>
        await _ratePlans.GetAsync(cancellationToken).ConfigureAwait(false);

    private Task<IReadOnlyList<RoomType>> ReadRoomTypesAsync(CancellationToken cancellationToken) =>
        // Unit groups are also meeting rooms, event spaces and parking lots; the rooms a guest sleeps in are BedRoom.
        ToListAsync(
            PagesAsync(
                (page, size, ct) => _clients.Inventory.GetUnitGroupsAsync(PropertyId, BedRooms, page, size, ct),
                list => list.UnitGroups,
                ApaleoQueryValues.MaxPageSize,
                new ApaleoCall("GetRoomTypes"),
                cancellationToken),
            ApaleoInventoryMapper.ToRoomType,
            cancellationToken);

    private async Task<IReadOnlyList<RatePlan>> ReadRatePlansAsync(CancellationToken cancellationToken)
    {
        var property = await PropertyAsync(cancellationToken).ConfigureAwait(false);
        return await ToListAsync(
            PagesAsync(
                (page, size, ct) => _clients.RatePlans.GetRatePlansAsync(PropertyId, null, null, page, size, null, ct),
                list => list.RatePlans,
                ApaleoQueryValues.MaxPageSize,
                new ApaleoCall("GetRatePlans"),
                cancellationToken),
            plan => ApaleoInventoryMapper.ToRatePlan(plan, property.Property.Currency),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task<AvailabilityGrid> GetAvailabilityCoreAsync(AvailabilityRequest request, CancellationToken cancellationToken)
    {
        var property = await PropertyAsync(cancellationToken).ConfigureAwait(false);
        var (from, to) = ApaleoAvailabilityMapper.ToQueryRange(request);
        var unitGroupIds = request.RoomTypeIds.Count == 0 ? null : request.RoomTypeIds;
        var slices = await ToListAsync(
            PagesAsync(
                (page, size, ct) => _clients.Availability.GetUnitGroupAvailabilityAsync(PropertyId, from, to, unitGroupIds, null, null, page, size, ct),
                list => list.TimeSlices,
                ApaleoQueryValues.MaxPageSize,
                new ApaleoCall("GetAvailability"),
                cancellationToken),
            slice => slice,
            cancellationToken).ConfigureAwait(false);
        return ApaleoAvailabilityMapper.ToAvailabilityGrid(PropertyId, request, [new AvailableUnitGroupListModel { TimeSlices = slices }], property.Zone);
    }

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<RateQuote>> QuoteCoreAsync(QuoteRequest request, CancellationToken cancellationToken)
    {
        var property = await PropertyAsync(cancellationToken).ConfigureAwait(false);
        var offers = await _responses.ReadAsync(
            _clients.Booking.GetOffersAsync(
                PropertyId,
                request.Arrival,
                request.Departure,
                request.Adults,
                request.ChildrenAges.Count == 0 ? null : request.ChildrenAges,
                request.RoomTypeIds.Count == 0 ? null : request.RoomTypeIds,
                ChannelCode,
                request.PromoCode,
                cancellationToken: cancellationToken),
            new ApaleoCall("Quote"),
            cancellationToken).ConfigureAwait(false);
        return ApaleoOfferMapper.ToRateQuotes(offers, request, property.Zone);
    }

    /// <inheritdoc />
    /// <remarks>
    /// <c>POST /booking/v1/bookings</c> with <c>Idempotency-Key</c> = the client reference (the same on every attempt, so
    /// the pipeline's retries and a second attempt here get Apaleo's first answer back) and <c>externalCode</c> = the
    /// client reference. When an attempt may have been applied without an answer, the next attempt first looks the
    /// external code up, so a booking is never made twice, even after the key's 24 hours.
    /// </remarks>
    protected override async Task<Reservation> CreateReservationCoreAsync(ReservationDraft draft, CancellationToken cancellationToken)
    {
        const string operation = "CreateReservation";
        var property = await PropertyAsync(cancellationToken).ConfigureAwait(false);
        var reference = draft.ClientReference!;
        var booking = ApaleoBookingMapper.ToCreateBooking(draft, reference, ChannelCode, source: _options().Source);
        var call = new ApaleoCall(operation) { RefusalMayMeanNoAvailability = true, SendsIdempotencyKey = true };
        var created = await PmsExactlyOnce.ExecuteAsync(
            reference,
            async (key, ct) =>
            {
                var answer = await _responses.ReadAsync(_clients.Booking.CreateBookingAsync(key, booking, ct), call, ct).ConfigureAwait(false)
                             ?? throw CreatedButUnknown(operation, "Apaleo answered without the booking's id");
                var id = ApaleoBookingMapper.ToReservationId(answer);
                try
                {
                    return await GetOwnModelAsync(id, operation, ct).ConfigureAwait(false);
                }
                catch (PmsNotFoundException ex)
                {
                    throw CreatedButUnknown(operation, "the new reservation could not be read yet", ex);
                }
            },
            (key, ct) => FindByExternalCodeAsync(key, operation, ct),
            ExactlyOnce(operation, maxAttempts: 2),
            cancellationToken).ConfigureAwait(false);
        return Map(created, property);
    }

    /// <inheritdoc />
    protected override async Task<Reservation> GetReservationCoreAsync(string reservationId, CancellationToken cancellationToken)
    {
        var property = await PropertyAsync(cancellationToken).ConfigureAwait(false);
        return Map(await GetOwnModelAsync(reservationId, "GetReservation", cancellationToken).ConfigureAwait(false), property);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The number a guest quotes is tried, in order, as Apaleo's reservation id (<c>XPGMSXGF-1</c>, the confirmation
    /// number), as an external code (a channel's booking number, or the caller's client reference; the
    /// <c>externalCode</c> filter matches prefixes, so only exact matches count), and as a booking id (<c>XPGMSXGF</c>:
    /// the booking's first reservation). Only this hotel's property is searched.
    /// </remarks>
    protected override async Task<Reservation?> FindReservationCoreAsync(string confirmationNumber, CancellationToken cancellationToken)
    {
        const string operation = "FindReservation";
        var property = await PropertyAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return Map(await GetOwnModelAsync(confirmationNumber, operation, cancellationToken).ConfigureAwait(false), property);
        }
        catch (PmsException ex) when (ex is PmsNotFoundException or PmsValidationException)
        {
            // Not a reservation id of this property (a number that is no id at all may be refused rather than not found).
        }

        var found = await FindByExternalCodeAsync(confirmationNumber, operation, cancellationToken).ConfigureAwait(false)
                    ?? await FirstAsync(
                        ListAsync(new ReservationList { BookingId = confirmationNumber, PageSize = ApaleoQueryValues.MaxPageSize }, operation, cancellationToken),
                        cancellationToken).ConfigureAwait(false);
        return found is null ? null : Map(found, property);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Dates, occupancy and rate plan go through <c>PUT /booking/v1/reservation-actions/{id}/amend</c> (the desired
    /// stay, filled from the reservation where unchanged); comments and the primary guest through a JSON Patch of
    /// <c>PATCH /booking/v1/reservations/{id}</c>. The amendment is sent first: it is the one Apaleo may refuse for lack
    /// of availability, and then nothing has changed. Apaleo has no transaction across the two; should the patch fail
    /// after the amendment, the stay is changed and the exception says what failed.
    /// </remarks>
    protected override async Task<Reservation> ModifyReservationCoreAsync(string reservationId, ReservationChanges changes, CancellationToken cancellationToken)
    {
        const string operation = "ModifyReservation";
        var property = await PropertyAsync(cancellationToken).ConfigureAwait(false);
        var current = await GetOwnModelAsync(reservationId, operation, cancellationToken).ConfigureAwait(false);
        var desired = ApaleoChangeMapper.ToDesiredStay(changes, current, property.Zone);
        var patch = ApaleoChangeMapper.ToPatchOperations(changes, current.PrimaryGuest);
        var call = new ApaleoCall(operation) { EntityType = Reservation, EntityId = reservationId };
        if (desired is not null)
        {
            current = await WriteOnceAsync(
                reservationId,
                call with { RefusalMayMeanNoAvailability = true },
                ct => _clients.Booking.AmendReservationAsync(reservationId, desired, ct),
                model => ApaleoChangeMapper.IsApplied(desired, model, property.Zone),
                cancellationToken).ConfigureAwait(false);
        }

        if (patch.Length > 0)
        {
            current = await WriteOnceAsync(
                reservationId,
                call,
                ct => _clients.Booking.PatchReservationAsync(reservationId, patch, ct),
                model => ApaleoChangeMapper.IsPatchApplied(changes, model),
                cancellationToken).ConfigureAwait(false);
        }

        return Map(current, property);
    }

    /// <inheritdoc />
    /// <remarks>
    /// <c>PUT /booking/v1/reservation-actions/{id}/cancel</c>, which Apaleo allows only for a Confirmed reservation whose
    /// arrival is in the future; any refusal is a <see cref="PmsConflictException"/> (<see cref="PmsConflictReason.InvalidState"/>)
    /// unless the reservation turns out to be cancelled already, which is then returned. Apaleo has no field for a reason.
    /// </remarks>
    protected override async Task<Reservation> CancelReservationCoreAsync(string reservationId, string? reason, CancellationToken cancellationToken)
    {
        var property = await PropertyAsync(cancellationToken).ConfigureAwait(false);
        var cancelled = await WriteOnceAsync(
            reservationId,
            new ApaleoCall("CancelReservation") { EntityType = Reservation, EntityId = reservationId, RefusalMeansInvalidState = true },
            ct => _clients.Booking.CancelReservationAsync(reservationId, ct),
            model => string.Equals(model.Status, ApaleoQueryValues.Status.Canceled, StringComparison.Ordinal),
            cancellationToken).ConfigureAwait(false);
        return Map(cancelled, property);
    }

    /// <inheritdoc />
    protected override IAsyncEnumerable<Reservation> GetReservationsCoreAsync(ReservationQuery query, CancellationToken cancellationToken) =>
        GetReservationPagesCoreAsync(query, null, cancellationToken).ItemsAsync(cancellationToken);

    /// <inheritdoc />
    protected override bool SupportsReservationPages => true;

    /// <inheritdoc />
    /// <remarks>
    /// A token holds the next <c>pageNumber</c> of the same listing (same property, query, resolved day and page size).
    /// Apaleo pages by number over a list sorted by id, so a resumed listing that had reservations created in its
    /// already-read range meanwhile may see an item of the previous page again; it never skips one that existed before.
    /// </remarks>
    protected override async IAsyncEnumerable<PmsPage<Reservation>> GetReservationPagesCoreAsync(ReservationQuery query, string? continuationToken, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var property = await PropertyAsync(cancellationToken).ConfigureAwait(false);

        // The day is fixed once, when enumeration starts, in the property's zone: a list that spans midnight stays one day's.
        var today = property.Property.LocalDate(TimeProvider.GetUtcNow());
        var filter = ApaleoReservationQueryMapper.ToListFilter(query, today, property.Zone);
        var list = new ReservationList
        {
            Statuses = filter.Statuses,
            DateFilter = filter.DateFilter,
            From = filter.From,
            To = filter.To,
            PageSize = ApaleoReservationQueryMapper.ToPageSize(query.PageSize),
        };
        var scope = ContinuationScope(query, query.Kind == ReservationQueryKind.ChangedSince ? null : query.Date ?? today);
        await foreach (var page in ListPagesAsync(list, "GetReservations", scope, continuationToken, cancellationToken).ConfigureAwait(false))
        {
            yield return new PmsPage<Reservation>([.. page.Items.Select(model => Map(model, property))], page.ContinuationToken);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Apaleo has no guest profiles: guests are searched as the primary guests and bookers of the property's
    /// reservations (<c>textSearch</c> with the e-mail, else the last name; newest first; at most
    /// <see cref="MaxGuestSearchPages"/> pages), and every criterion is then matched exactly. Apaleo's text search does not
    /// cover phone numbers, so a search by phone alone is not supported.
    /// </remarks>
    protected override async Task<IReadOnlyList<GuestProfile>> SearchGuestsCoreAsync(GuestSearch search, CancellationToken cancellationToken)
    {
        const string operation = "SearchGuests";
        var text = ApaleoGuestMapper.ToTextSearch(search)
                   ?? throw new PmsNotSupportedException("Apaleo cannot search guests by phone number alone (its reservation search covers names, e-mail addresses and codes): add an e-mail address or a last name.", ConnectorCapabilities.SearchGuests)
                   {
                       Vendor = Vendor,
                       Operation = operation,
                   };
        var list = new ReservationList
        {
            TextSearch = text,
            Sort = ApaleoQueryValues.ReservationSort.CreatedDescending,
            Expand = ApaleoQueryValues.ReservationExpand.GuestSearch,
            PageSize = ApaleoQueryValues.DefaultPageSize,
        };
        var read = new List<ReservationModel>();
        await foreach (var model in ListAsync(list, operation, cancellationToken).ConfigureAwait(false))
        {
            read.Add(model);
            if (read.Count % list.PageSize != 0)
            {
                continue;
            }

            // A page is complete: stop once enough guests match or enough pages were read.
            if (read.Count >= MaxGuestSearchPages * list.PageSize || ApaleoGuestMapper.ToSearchResults(read, search).Count >= search.MaxResults)
            {
                break;
            }
        }

        return ApaleoGuestMapper.ToSearchResults(read, search);
    }

    /// <inheritdoc />
    /// <remarks>
    /// For a reservation: <c>GET /booking/v1/reservations/{id}/service-offers</c>. For a stay with a rate plan:
    /// <c>GET /booking/v1/service-offers</c> (it requires one). For a stay without: the catalogue of services sold as
    /// extras on the connector's channel (<c>GET /rateplan/v1/services</c>), with default prices only.
    /// </remarks>
    protected override async Task<IReadOnlyList<ServiceOffer>> GetServiceOffersCoreAsync(ServiceOfferRequest request, CancellationToken cancellationToken)
    {
        var call = new ApaleoCall("GetServiceOffers");
        if (request.ReservationId is { } reservationId)
        {
            return ApaleoServiceMapper.ToServiceOffers(await _responses.ReadAsync(
                _clients.Booking.GetReservationServiceOffersAsync(reservationId, ChannelCode, cancellationToken: cancellationToken),
                call with { EntityType = Reservation, EntityId = reservationId },
                cancellationToken).ConfigureAwait(false));
        }

        var (arrival, departure) = (request.Arrival!.Value, request.Departure!.Value);
        if (request.RatePlanId is { } ratePlanId)
        {
            return ApaleoServiceMapper.ToServiceOffers(await _responses.ReadAsync(
                _clients.Booking.GetServiceOffersAsync(ratePlanId, arrival, departure, request.Adults, null, ChannelCode, cancellationToken: cancellationToken),
                call,
                cancellationToken).ConfigureAwait(false));
        }

        return await ToListAsync(
            PagesAsync(
                (page, size, ct) => _clients.RatePlans.GetServicesAsync(PropertyId, true, [ChannelCode], page, size, ct),
                list => list.Services,
                ApaleoQueryValues.MaxPageSize,
                call,
                cancellationToken),
            ApaleoServiceMapper.ToServiceOffer,
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// <c>PUT /booking/v1/reservation-actions/{id}/book-service</c>. Booking a service with dates replaces the dates it
    /// had, so the dates already booked are sent again with the new ones (see
    /// <see cref="ApaleoServiceMapper.ToBookService(ServiceOrder, ReservationServiceItemModel?)"/>).
    /// </remarks>
    protected override async Task<Reservation> AddServiceCoreAsync(string reservationId, ServiceOrder order, CancellationToken cancellationToken)
    {
        const string operation = "AddService";
        var property = await PropertyAsync(cancellationToken).ConfigureAwait(false);
        var current = await GetOwnModelAsync(reservationId, operation, cancellationToken).ConfigureAwait(false);
        var booked = (current.Services ?? []).FirstOrDefault(s => string.Equals(s.Service.Id, order.ServiceId, StringComparison.Ordinal));
        var service = ApaleoServiceMapper.ToBookService(order, booked);
        var updated = await WriteOnceAsync(
            reservationId,
            new ApaleoCall(operation) { EntityType = Reservation, EntityId = reservationId },
            ct => _clients.Booking.BookServiceAsync(reservationId, service, ct),
            model => ApaleoServiceMapper.IsBooked(order, model),
            cancellationToken).ConfigureAwait(false);
        return Map(updated, property);
    }

    private static async Task<IReadOnlyList<TResult>> ToListAsync<TItem, TResult>(IAsyncEnumerable<TItem> items, Func<TItem, TResult> map, CancellationToken cancellationToken)
    {
        var results = new List<TResult>();
        await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            results.Add(map(item));
        }

        return results;
    }

    private static async Task<T?> FirstAsync<T>(IAsyncEnumerable<T> items, CancellationToken cancellationToken)
        where T : class
    {
        await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            return item;
        }

        return null;
    }

    private static PmsUnavailableException CreatedButUnknown(string operation, string what, Exception? inner = null) =>
        new($"{PmsVendors.Apaleo} {operation}: the booking was accepted but {what} (outcome unknown).", inner)
        {
            Vendor = PmsVendors.Apaleo,
            Operation = operation,
            OutcomeUnknown = true,
        };

    /// <summary>
    /// Sends a write that sets an absolute state and returns the reservation after it, exactly once in effect: a
    /// transient failure is tried again (<see cref="PmsExactlyOnce"/>), but once an attempt may have been applied, the
    /// reservation is read first and, when <paramref name="isDone"/> says it is already as asked, returned without
    /// writing again. A refused write (422, 409) whose state is already as asked — a repeated cancellation, a comment
    /// removed twice — counts as done too.
    /// </summary>
    private Task<ReservationModel> WriteOnceAsync(
        string reservationId,
        ApaleoCall call,
        Func<CancellationToken, Task<IApiResponse>> write,
        Func<ReservationModel, bool> isDone,
        CancellationToken cancellationToken) =>
        PmsExactlyOnce.ExecuteAsync(
            reservationId,
            async (_, ct) =>
            {
                try
                {
                    await _responses.SendAsync(write(ct), call, ct).ConfigureAwait(false);
                }
                catch (PmsException ex) when (ex is PmsValidationException or PmsConflictException)
                {
                    var now = await GetOwnModelAsync(reservationId, call.Operation, ct).ConfigureAwait(false);
                    if (isDone(now))
                    {
                        return now;
                    }

                    throw;
                }

                return await GetOwnModelAsync(reservationId, call.Operation, ct).ConfigureAwait(false);
            },
            async (_, ct) =>
            {
                var now = await GetOwnModelAsync(reservationId, call.Operation, ct).ConfigureAwait(false);
                return isDone(now) ? now : null;
            },
            ExactlyOnce(call.Operation),
            cancellationToken);

    private PmsExactlyOnceOptions ExactlyOnce(string operation, int maxAttempts = 3) =>
        new() { Vendor = Vendor, Operation = operation, TimeProvider = TimeProvider, MaxAttempts = maxAttempts };

    /// <summary>Reads a reservation of this hotel's property; one of another property of the account is not found.</summary>
    private async Task<ReservationModel> GetOwnModelAsync(string reservationId, string operation, CancellationToken cancellationToken)
    {
        var model = await _responses.ReadAsync(
            _clients.Booking.GetReservationAsync(reservationId, ApaleoQueryValues.ReservationExpand.Default, cancellationToken),
            new ApaleoCall(operation) { EntityType = Reservation, EntityId = reservationId },
            cancellationToken).ConfigureAwait(false);
        return model is not null && string.Equals(model.Property.Id, PropertyId, StringComparison.OrdinalIgnoreCase)
            ? model
            : throw new PmsNotFoundException($"{Vendor} {operation}: property {PropertyId} has no reservation '{reservationId}'.")
            {
                Vendor = Vendor,
                Operation = operation,
                EntityType = Reservation,
                EntityId = reservationId,
            };
    }

    /// <summary>The first reservation of the property whose external code is exactly <paramref name="code"/> (the filter itself matches prefixes).</summary>
    private async Task<ReservationModel?> FindByExternalCodeAsync(string code, string operation, CancellationToken cancellationToken)
    {
        var list = new ReservationList { ExternalCode = code, PageSize = ApaleoQueryValues.MaxPageSize };
        await foreach (var model in ListAsync(list, operation, cancellationToken).ConfigureAwait(false))
        {
            if (ApaleoReservationQueryMapper.WithExternalCode([model], code).Count > 0)
            {
                return model;
            }
        }

        return null;
    }

    private IAsyncEnumerable<ReservationModel> ListAsync(ReservationList list, string operation, CancellationToken cancellationToken) =>
        ListPagesAsync(list, operation, operation, null, cancellationToken).ItemsAsync(cancellationToken);

    private IAsyncEnumerable<PmsPage<ReservationModel>> ListPagesAsync(ReservationList list, string operation, string scope, string? continuationToken, CancellationToken cancellationToken) =>
        PagesAsync(
            (page, size, ct) => _clients.Booking.GetReservationsAsync(
                [PropertyId], list.BookingId, list.Statuses, list.DateFilter, list.From, list.To, list.ExternalCode, list.TextSearch,
                page, size, [list.Sort], list.Expand, ct),
            (ReservationListModel reservations) => reservations.Reservations,
            list.PageSize,
            new ApaleoCall(operation),
            scope,
            continuationToken,
            cancellationToken);

    /// <summary>Walks a paged Apaleo list item by item; see <see cref="PagesAsync{TList, TItem}(Func{int, int, CancellationToken, Task{IApiResponse{TList}}}, Func{TList, IReadOnlyList{TItem}}, int, ApaleoCall, string, string?, CancellationToken)"/>.</summary>
    private IAsyncEnumerable<TItem> PagesAsync<TList, TItem>(
        Func<int, int, CancellationToken, Task<IApiResponse<TList>>> fetch,
        Func<TList, IReadOnlyList<TItem>> items,
        int pageSize,
        ApaleoCall call,
        CancellationToken cancellationToken)
        where TList : class =>
        PagesAsync(fetch, items, pageSize, call, call.Operation, null, cancellationToken).ItemsAsync(cancellationToken);

    /// <summary>
    /// Walks a paged Apaleo list with the runtime's page-number pager: <c>pageNumber</c> from 1 (or where
    /// <paramref name="continuationToken"/> says) with a fixed <c>pageSize</c>, until Apaleo answers 204 ("Results in
    /// 204 if there are no items on that page") or a page comes back shorter than asked; the <c>count</c> member is not
    /// trusted for this.
    /// </summary>
    private IAsyncEnumerable<PmsPage<TItem>> PagesAsync<TList, TItem>(
        Func<int, int, CancellationToken, Task<IApiResponse<TList>>> fetch,
        Func<TList, IReadOnlyList<TItem>> items,
        int pageSize,
        ApaleoCall call,
        string scope,
        string? continuationToken,
        CancellationToken cancellationToken)
        where TList : class =>
        PmsPager.ByPageNumberAsync(
            (page, size, ct) => _responses.ReadAsync(fetch(page, size, ct), call, ct),
            items,
            pageSize,
            scope,
            continuationToken,
            cancellationToken: cancellationToken);

    private Reservation Map(ReservationModel model, PropertyContext property) =>
        ApaleoReservationMapper.ToReservation(model, property.Zone, ChannelCode);

    /// <summary>The property (its zone and currency), kept as reference data: every date Apaleo sends is read in its zone.</summary>
    private ValueTask<PropertyContext> PropertyAsync(CancellationToken cancellationToken) => _property.GetAsync(cancellationToken);

    private async Task<PropertyContext> ReadPropertyAsync(CancellationToken cancellationToken)
    {
        const string operation = "GetProperty";
        var model = await _responses.ReadAsync(
                        _clients.Inventory.GetPropertyAsync(PropertyId, cancellationToken: cancellationToken),
                        new ApaleoCall(operation) { EntityType = "Property", EntityId = PropertyId },
                        cancellationToken).ConfigureAwait(false)
                    ?? throw new PmsNotFoundException($"{Vendor} {operation}: Apaleo answered without property '{PropertyId}'.") { Vendor = Vendor, Operation = operation, EntityType = "Property", EntityId = PropertyId };
        var property = ApaleoInventoryMapper.ToProperty(model);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(property.TimeZone, out var zone))
        {
            throw new PmsException($"{Vendor} {operation}: property '{PropertyId}' has time zone '{property.TimeZone}', which this machine does not know.") { Vendor = Vendor, Operation = operation };
        }

        return new PropertyContext(property, zone);
    }

    private sealed record PropertyContext(PmsProperty Property, TimeZoneInfo Zone);

    /// <summary>The filter and paging of one <c>GET /booking/v1/reservations</c> listing; the property is always this hotel's.</summary>
    private sealed record ReservationList
    {
        public string? BookingId { get; init; }

        public IReadOnlyList<string>? Statuses { get; init; }

        public string? DateFilter { get; init; }

        public DateTimeOffset? From { get; init; }

        public DateTimeOffset? To { get; init; }

        public string? ExternalCode { get; init; }

        public string? TextSearch { get; init; }

        public string Sort { get; init; } = ApaleoQueryValues.ReservationSort.IdAscending;

        public IReadOnlyList<string> Expand { get; init; } = ApaleoQueryValues.ReservationExpand.Listing;

        public required int PageSize { get; init; }
    }
}
