using System.Runtime.CompilerServices;
using HotelPlatform.Connectors.Caching;
using HotelPlatform.Connectors.Http;
using HotelPlatform.Connectors.Opera.Blocks;
using HotelPlatform.Connectors.Opera.Distribution;
using HotelPlatform.Connectors.Opera.Mapping;
using HotelPlatform.Connectors.Opera.Wire;
using HotelPlatform.Connectors.Paging;
using Refit;

namespace HotelPlatform.Connectors.Opera;

/// <summary>
/// The <see cref="IPmsConnector"/> of one OPERA Cloud hotel through OHIP. Register it with <c>AddOpera(...)</c> on
/// <c>AddPmsConnectors()</c>; every call goes through the runtime's HTTP pipeline with the environment's shared token
/// and throttle, and carries <c>x-app-key</c> and <c>x-hotelid</c>. <see cref="IPmsConnector.GetService"/> returns the
/// hotel's <see cref="IOperaBlocks"/> and its <see cref="IPmsRatesAndAvailabilityPush"/> (restrictions and rates).
/// </summary>
/// <remarks>
/// Creates are exactly once: the caller's client reference is stamped as an external reference (<c>idContext</c> =
/// the external system code) and, when an attempt's outcome is unknown, looked up with <c>getReservationByExtId</c>
/// before anything is sent again. OHIP answers a get of an unknown reservation with 204, which is
/// <see cref="PmsNotFoundException"/> here. OHIP has no reservation change feed: changed-since searches the stays
/// that can have changed and keeps those modified since the instant (see docs/connectors/opera.md for the trade-off).
/// </remarks>
public sealed class OperaConnector : PmsConnector
{
    private const string ReservationEntity = "Reservation";

    /// <summary>What a reservation read asks OHIP for: the reservation, its comments and its packages (rsv <c>fetchInstructions</c>).</summary>
    private static readonly string[] ReservationFetchInstructions = ["Reservation", "Comments", "Packages"];

    private readonly Func<OperaOptions> _options;
    private readonly OperaClients _clients;
    private readonly OperaResponses _responses = OperaResponses.Instance;
    private readonly IOperaBlocks _blocks;
    private readonly IPmsRatesAndAvailabilityPush _push;
    private readonly PmsCachedValue<IReadOnlyList<RoomType>> _roomTypes;
    private readonly PmsCachedValue<IReadOnlyList<RatePlan>> _ratePlans;

    internal OperaConnector(Func<OperaOptions> options, OperaClients clients, TimeProvider timeProvider)
        : base(PmsVendors.Opera, options().PropertyId, OperaCapabilities.Supported, timeProvider)
    {
        _options = options;
        _clients = clients;
        _blocks = new OperaBlockClient(clients, options, ReadReservationAsync);
        var lifetime = options().ReferenceDataLifetime;
        _roomTypes = new PmsCachedValue<IReadOnlyList<RoomType>>(ReadRoomTypesAsync, lifetime, TimeProvider);
        _ratePlans = new PmsCachedValue<IReadOnlyList<RatePlan>>(ReadRatePlansAsync, lifetime, TimeProvider);
        _push = new OperaRatesAndAvailabilityPush(clients, PropertyId, _ratePlans.GetAsync);
    }

    private OperaOptions Options => _options();

    private string Currency => Options.Currency;

    /// <inheritdoc />
    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        base.GetService(serviceType, serviceKey)
        ?? (serviceKey is not null ? null
            : serviceType == typeof(IOperaBlocks) ? _blocks
            : serviceType == typeof(IPmsRatesAndAvailabilityPush) ? _push
            : null);

    /// <inheritdoc />
    /// <remarks>Reads the room types now (not the kept ones): a health check must reach OHIP.</remarks>
    protected override async Task CheckHealthCoreAsync(CancellationToken cancellationToken) =>
        await _roomTypes.RefreshAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    /// <remarks>From the hotel's settings: the saved OHIP modules have no hotel-detail operation.</remarks>
    protected override Task<PmsProperty> GetPropertyCoreAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Property());

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<RoomType>> GetRoomTypesCoreAsync(CancellationToken cancellationToken) =>
        await _roomTypes.GetAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<RatePlan>> GetRatePlansCoreAsync(CancellationToken cancellationToken) =>
        await _ratePlans.GetAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    /// <remarks>
    /// inv <c>getHotelInventory</c> with daily counts per room type and par <c>getRestrictionsByDateRange</c> for the
    /// restrictions of each night (see <see cref="OperaRestrictions"/>); a range longer than OHIP's 90 days is asked for
    /// in 90-day windows. Room types without counts on a night have none left.
    /// </remarks>
    protected override async Task<AvailabilityGrid> GetAvailabilityCoreAsync(AvailabilityRequest request, CancellationToken cancellationToken)
    {
        var roomTypes = request.RoomTypeIds.Count > 0
            ? request.RoomTypeIds
            : [.. (await _roomTypes.GetAsync(cancellationToken).ConfigureAwait(false)).Select(r => r.VendorId)];
        var counts = new Dictionary<(string RoomType, DateOnly Night), int>();
        var sets = new List<RestrictionSet>();
        var call = new OperaCall("GetAvailability");
        var lastNight = request.Departure.AddDays(-1);
        for (var start = request.Arrival; start <= lastNight; start = start.AddDays(OperaLimits.MaxAvailabilityDays))
        {
            var end = Min(start.AddDays(OperaLimits.MaxAvailabilityDays - 1), lastNight);
            var inventory = await _responses.ReadAsync(
                _clients.Api.GetInventoryAsync(PropertyId, OperaRefit.Date(start), OperaRefit.Date(end), 1, request.RoomTypeIds.Count > 0 ? request.RoomTypeIds : null, cancellationToken),
                call,
                cancellationToken).ConfigureAwait(false);
            foreach (var level in (inventory?.HotelInventories ?? []).SelectMany(h => h.RoomTypeInventories ?? []))
            {
                foreach (var count in level.InventoryCounts ?? [])
                {
                    for (var night = count.StartDate ?? start; night <= (count.EndDate ?? count.StartDate ?? start); night = night.AddDays(1))
                    {
                        counts[(level.Code ?? string.Empty, night)] = Math.Max(0, count.AvailableCount ?? 0);
                    }
                }
            }

            var restrictions = await _responses.ReadAsync(
                _clients.Api.GetRestrictionsAsync(PropertyId, OperaRefit.Date(start), OperaRefit.Date(end), cancellationToken),
                call,
                cancellationToken).ConfigureAwait(false);
            sets.AddRange(restrictions?.RestrictionsByDateRange?.RestrictionSets ?? []);
        }

        return new AvailabilityGrid(PropertyId, request.Arrival, request.Departure, [.. roomTypes.Select(roomType => new RoomTypeAvailability(
            roomType,
            [.. Enumerable.Range(0, request.Nights).Select(n => request.Arrival.AddDays(n)).Select(night => new NightAvailability(night, counts.GetValueOrDefault((roomType, night)))
            {
                Restrictions = OperaRestrictions.ForRoomType(sets, roomType, night),
            })]))]);
    }

    /// <inheritdoc />
    /// <remarks>
    /// par <c>getHotelAvailability</c>: every available room rate of the stay, its total after tax (before tax when OHIP
    /// sends only that) and its nightly base amounts, following <c>pagingKey</c> while OHIP says <c>hasMore</c>. A stay
    /// longer than OHIP's 90 days is asked for in 90-night windows and a room rate is quoted only when every window
    /// offers it: totals and nights added up, the fewest rooms left.
    /// </remarks>
    protected override async Task<IReadOnlyList<RateQuote>> QuoteCoreAsync(QuoteRequest request, CancellationToken cancellationToken)
    {
        List<RateQuote>? quotes = null;
        for (var start = request.Arrival; start < request.Departure; start = start.AddDays(OperaLimits.MaxAvailabilityDays))
        {
            var end = Min(start.AddDays(OperaLimits.MaxAvailabilityDays), request.Departure);
            var window = new List<RateQuote>();
            await foreach (var rate in AvailableRoomRatesAsync(request, start, end, cancellationToken).ConfigureAwait(false))
            {
                if (rate.RoomType is null || rate.RatePlanCode is null || (rate.Availability is { } state && state != "Available")
                    || (request.RoomTypeIds.Count > 0 && !request.RoomTypeIds.Contains(rate.RoomType))
                    || OperaReservationMapper.ToMoney(rate.Total, Currency) is not { } total
                    || window.Exists(q => q.RoomTypeId == rate.RoomType && q.RatePlanId == rate.RatePlanCode))
                {
                    continue;
                }

                window.Add(new RateQuote(rate.RoomType, rate.RatePlanCode, total, [.. (rate.Rates?.Rate ?? []).SelectMany(r => OperaReservationMapper.Nights(r, Currency))])
                {
                    TotalBeforeTax = rate.Total?.AmountBeforeTax is { } before ? new Money(before, rate.Total.CurrencyCode ?? Currency) : null,
                    Available = rate.NumberOfUnits,
                });
            }

            quotes = quotes is null ? window : [.. quotes.Select(q => Join(q, window.Find(w => w.RoomTypeId == q.RoomTypeId && w.RatePlanId == q.RatePlanId))).OfType<RateQuote>()];
        }

        return quotes ?? [];

        static RateQuote? Join(RateQuote earlier, RateQuote? later) =>
            later is null || later.Total.Currency != earlier.Total.Currency
                ? null
                : earlier with
                {
                    Total = earlier.Total + later.Total,
                    TotalBeforeTax = earlier.TotalBeforeTax is { } a && later.TotalBeforeTax is { } b && a.Currency == b.Currency ? a + b : null,
                    Nights = [.. earlier.Nights, .. later.Nights],
                    Available = earlier.Available is { } x && later.Available is { } y ? Math.Min(x, y) : earlier.Available ?? later.Available,
                };
    }

    /// <inheritdoc />
    /// <remarks>
    /// rtp <c>getPackages</c>: the hotel's packages sold separately (<c>sellSeparate</c>), priced for the stay's party
    /// (<c>calculatedPrice</c>); for a reservation, its stay and party (read first: 204 is not found). OHIP prices
    /// packages by the party, not by rate plan, so <see cref="ServiceOfferRequest.RatePlanId"/> is not sent.
    /// </remarks>
    protected override async Task<IReadOnlyList<ServiceOffer>> GetServiceOffersCoreAsync(ServiceOfferRequest request, CancellationToken cancellationToken)
    {
        const string operation = "GetServiceOffers";
        var (arrival, departure, adults, children) = (request.Arrival.GetValueOrDefault(), request.Departure.GetValueOrDefault(), request.Adults, 0);
        if (request.ReservationId is { } reservationId)
        {
            var reservation = await ReadReservationAsync(reservationId, operation, cancellationToken).ConfigureAwait(false);
            (arrival, departure, adults, children) = (reservation.Arrival, reservation.Departure, reservation.Adults, reservation.ChildrenAges.Count);
        }

        var catalogue = await _responses.ReadAsync(
            _clients.Api.GetPackagesAsync(
                new PackageSearch
                {
                    HotelId = PropertyId,
                    StartDate = OperaRefit.Date(arrival),
                    // The pricing schedule spans at most 365 days; a longer stay is priced on its first 365.
                    EndDate = OperaRefit.Date(Min(departure, arrival.AddDays(OperaLimits.MaxPackageScheduleDays))),
                    Adults = adults,
                    Children = children == 0 ? null : children,
                },
                cancellationToken),
            new OperaCall(operation),
            cancellationToken).ConfigureAwait(false);
        var offers = new List<ServiceOffer>();
        foreach (var package in (catalogue?.PackageCodesList?.PackageCodes ?? []).Where(h => h.HotelId is null || h.HotelId == PropertyId).SelectMany(h => h.PackageCodeShortInfo ?? []))
        {
            if (package.Group != true && package.PostingAttributes?.SellSeparate != false
                && OperaPackageMapper.ToOffer(package, arrival, departure, Currency) is { } offer
                && !offers.Exists(o => o.ServiceId == offer.ServiceId))
            {
                offers.Add(offer);
            }
        }

        return offers;
    }

    /// <inheritdoc />
    /// <remarks>
    /// rsv <c>getPackage</c> first (the package's availability for this reservation: 204 means it cannot be attached,
    /// a <see cref="PmsValidationException"/> before anything is written), then <c>postReservationPackage</c>. OHIP has
    /// no idempotency key: the POST runs with intent <c>Write</c> (the pipeline never repeats it) and, after an unknown
    /// outcome, the reservation is read again and the package sent again only when its units are not there.
    /// </remarks>
    protected override async Task<Reservation> AddServiceCoreAsync(string reservationId, ServiceOrder order, CancellationToken cancellationToken)
    {
        const string operation = "AddService";
        var before = await ReadReservationAsync(reservationId, operation, cancellationToken).ConfigureAwait(false);
        var packages = OperaPackageMapper.ToPackages(order, before.Arrival, before.Departure);
        var call = new OperaCall(operation) { EntityType = ReservationEntity, EntityId = reservationId };
        var available = await _responses.ReadAsync(
            _clients.Api.GetPackageAvailabilityAsync(
                PropertyId,
                reservationId,
                new PackageAvailabilitySearch
                {
                    ProductCode = order.ServiceId,
                    PackageStartDate = OperaRefit.Date(packages[0].StartDate!.Value),
                    PackageEndDate = OperaRefit.Date(packages[^1].EndDate!.Value),
                    PackageQuantity = order.Quantity,
                    ReservationAdults = before.Adults,
                    ReservationChildren = before.ChildrenAges.Count,
                },
                cancellationToken),
            call,
            cancellationToken).ConfigureAwait(false);
        if (available?.ReservationPackages?.ReservationPackage is not { Count: > 0 })
        {
            throw new PmsValidationException($"{Vendor} {operation}: hotel {PropertyId} has no package '{order.ServiceId}' to attach to reservation {reservationId} (OHIP answered 204, \"Package not found.\").")
            {
                Vendor = Vendor,
                Operation = operation,
                Field = "order.ServiceId",
            };
        }

        var unitsBefore = OperaPackageMapper.Units(before, order.ServiceId);
        var added = order.Quantity * packages.Count;
        var body = new ReservationPackagesRequest(PropertyId, new UniqueId(reservationId, OperaReservationMapper.ReservationIdType), packages);
        return await PmsExactlyOnce.ExecuteAsync(
            reservationId,
            async (_, ct) =>
            {
                // OHIP has no idempotency key: the pipeline must not repeat this POST by itself; a lost answer is settled by reading the reservation.
                using (PmsOperation.Begin(PmsOperationIntent.Write))
                {
                    await _responses.SendAsync(_clients.Api.AddReservationPackagesAsync(PropertyId, reservationId, body, ct), call, ct).ConfigureAwait(false);
                }

                return await ReadReservationAsync(reservationId, operation, ct).ConfigureAwait(false);
            },
            async (_, ct) =>
            {
                var now = await ReadReservationAsync(reservationId, operation, ct).ConfigureAwait(false);
                return OperaPackageMapper.Units(now, order.ServiceId) >= unitsBefore + added ? now : null;
            },
            ExactlyOnce(operation, 2),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// rsv <c>postReservation</c> (201 + <c>Location</c>), exactly once through the client reference stamped as an
    /// external reference. OHIP has no idempotency key, so the reference is looked up first (<c>getReservationByExtId</c>):
    /// the same booking made before is returned, another booking under the reference is a
    /// <see cref="PmsConflictReason.IdempotencyKeyReused"/> conflict. An attempt whose outcome is unknown is looked up
    /// again before anything is sent again.
    /// </remarks>
    protected override async Task<Reservation> CreateReservationCoreAsync(ReservationDraft draft, CancellationToken cancellationToken)
    {
        const string operation = "CreateReservation";
        var reference = draft.ClientReference!;
        if (await FindByClientReferenceAsync(reference, operation, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            return OperaReservationMapper.IsSameBooking(draft, earlier)
                ? earlier
                : throw new PmsConflictException($"{Vendor} {operation}: the client reference is already used by reservation {earlier.VendorId}, a different booking.")
                {
                    Vendor = Vendor,
                    Operation = operation,
                    Reason = PmsConflictReason.IdempotencyKeyReused,
                };
        }

        var body = new CreateReservationRequest(new HotelReservations { Reservation = [OperaReservationMapper.ToNewReservation(draft, Options)] });
        var call = new OperaCall(operation) { RefusalMayMeanNoAvailability = true };
        return await PmsExactlyOnce.ExecuteAsync(
            reference,
            async (_, ct) =>
            {
                // OHIP has no idempotency key: the pipeline must not repeat this POST by itself; a lost answer is looked up by reference instead.
                string? id;
                using (PmsOperation.Begin(PmsOperationIntent.Write))
                {
                    id = await _responses.CreateAsync(Untyped(_clients.Api.CreateReservationAsync(PropertyId, body, ct)), call, ct).ConfigureAwait(false);
                }

                return id is null
                    ? await FindByClientReferenceAsync(reference, operation, ct).ConfigureAwait(false) ?? throw CreatedButUnknown(operation)
                    : await ReadReservationAsync(id, operation, ct).ConfigureAwait(false);
            },
            (key, ct) => FindByClientReferenceAsync(key, operation, ct),
            ExactlyOnce(operation, 2),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override Task<Reservation> GetReservationCoreAsync(string reservationId, CancellationToken cancellationToken) =>
        ReadReservationAsync(reservationId, "GetReservation", cancellationToken);

    /// <inheritdoc />
    /// <remarks>rsv <c>getHotelReservations</c> with <c>confirmationNumberList</c> (OHIP has no dedicated path), then the client reference through <c>getReservationByExtId</c>.</remarks>
    protected override async Task<Reservation?> FindReservationCoreAsync(string confirmationNumber, CancellationToken cancellationToken)
    {
        const string operation = "FindReservation";
        await foreach (var found in SearchAsync(new ReservationSearch { ConfirmationNumber = confirmationNumber }, operation, OperaLimits.MaxReservationLimit, cancellationToken).ConfigureAwait(false))
        {
            if (OperaReservationMapper.IdOf(found.ReservationIdList, OperaReservationMapper.ReservationIdType) is { } id)
            {
                return await ReadReservationAsync(id, operation, cancellationToken).ConfigureAwait(false);
            }
        }

        return await FindByClientReferenceAsync(confirmationNumber, operation, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>rsv <c>putReservation</c> with the stay, guest and comments as they should be afterwards; sent again only after a read shows it not applied.</remarks>
    protected override async Task<Reservation> ModifyReservationCoreAsync(string reservationId, ReservationChanges changes, CancellationToken cancellationToken)
    {
        const string operation = "ModifyReservation";
        var current = await ReadReservationAsync(reservationId, operation, cancellationToken).ConfigureAwait(false);
        var body = new ChangeReservationRequest([OperaReservationMapper.ToChange(reservationId, changes, current, Options)]);
        var call = new OperaCall(operation) { EntityType = ReservationEntity, EntityId = reservationId, RefusalMayMeanNoAvailability = changes.ChangesStay };
        return await WriteOnceAsync(
            reservationId,
            call,
            ct => _clients.Api.ChangeReservationAsync(PropertyId, reservationId, body, ct),
            now => OperaReservationMapper.IsApplied(changes, now),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>rsv <c>postCancelReservation</c>; a reservation already cancelled is returned as it is.</remarks>
    protected override async Task<Reservation> CancelReservationCoreAsync(string reservationId, string? reason, CancellationToken cancellationToken)
    {
        const string operation = "CancelReservation";
        var body = new CancelReservationRequest(
            reason is null ? null : new CancellationReason(null, reason),
            [new CancelReservationItem([new UniqueId(reservationId, OperaReservationMapper.ReservationIdType)], PropertyId)]);
        return await WriteOnceAsync(
            reservationId,
            new OperaCall(operation) { EntityType = ReservationEntity, EntityId = reservationId, RefusalMeansInvalidState = true },
            ct => _clients.Api.CancelReservationAsync(PropertyId, reservationId, body, ct),
            now => now.Status == ReservationStatus.Cancelled,
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Arrivals, departures and in-house lists are rsv searches (<c>arrivalStartDate/EndDate</c>,
    /// <c>departureStartDate/EndDate</c>, <c>searchType=InHouse</c> + <c>stayDate</c>) paged by <c>limit</c>/<c>offset</c>
    /// while <c>hasMore</c>; a search whose <c>totalResults</c> reaches OHIP's cap is split by arrival date until each
    /// window pages completely, so a chain's long list streams in bounded memory, each reservation once.
    /// </remarks>
    protected override async IAsyncEnumerable<Reservation> GetReservationsCoreAsync(ReservationQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var property = Property();
        var today = property.LocalDate(TimeProvider.GetUtcNow());
        var options = Options;
        var limit = Math.Clamp(query.PageSize ?? options.ReservationPageSize, 1, OperaLimits.MaxReservationLimit);
        var day = query.Date ?? today;
        IAsyncEnumerable<ReservationInfo> found = query.Kind switch
        {
            ReservationQueryKind.Arrivals => SearchAsync(new ReservationSearch { ArrivalStartDate = OperaRefit.Date(day), ArrivalEndDate = OperaRefit.Date(day) }, "GetReservations", limit, cancellationToken),
            ReservationQueryKind.Departures => SearchAsync(new ReservationSearch { DepartureStartDate = OperaRefit.Date(day), DepartureEndDate = OperaRefit.Date(day) }, "GetReservations", limit, cancellationToken),
            ReservationQueryKind.InHouse => SearchByArrivalWindowsAsync(new ReservationSearch { SearchType = "InHouse", StayDate = OperaRefit.Date(day) }, day.AddDays(-options.ChangedSinceHorizonDays), day, limit, cancellationToken),
            _ => SearchByArrivalWindowsAsync(
                new ReservationSearch { DepartureStartDate = OperaRefit.Date(property.LocalDate(query.Since!.Value)) },
                property.LocalDate(query.Since!.Value).AddDays(-options.ChangedSinceHorizonDays),
                today.AddDays(options.ChangedSinceHorizonDays),
                limit,
                cancellationToken),
        };
        await foreach (var info in found.ConfigureAwait(false))
        {
            var reservation = OperaReservationMapper.ToReservation(info, PropertyId, Currency, options.ExternalSystemCode);
            if ((!query.IncludeCancelled && reservation.Status == ReservationStatus.Cancelled)
                || (query.Kind == ReservationQueryKind.ChangedSince && (reservation.ModifiedAt ?? reservation.CreatedAt) < query.Since))
            {
                continue;
            }

            yield return reservation;
        }
    }

    /// <inheritdoc />
    /// <remarks>crm <c>getProfiles</c> (Guest profiles; at most 200 a page), then each match read in full (a summary carries no name).</remarks>
    protected override async Task<IReadOnlyList<GuestProfile>> SearchGuestsCoreAsync(GuestSearch search, CancellationToken cancellationToken)
    {
        const string operation = "SearchGuests";
        var limit = Math.Clamp(search.MaxResults, 1, OperaLimits.MaxProfileLimit);
        var query = new ProfileSearch { Limit = limit, ProfileName = search.LastName, GivenName = search.FirstName, Email = search.Email, Phone = search.Phone };
        var guests = new List<GuestProfile>();
        var pages = PmsPager.ByOffsetAsync(
            (offset, size, ct) => _responses.ReadAsync(_clients.Api.SearchProfilesAsync(query with { Offset = offset, Limit = size }, ct), new OperaCall(operation), ct),
            page => page.ProfileSummariesList?.ProfileInfo ?? [],
            page => page.ProfileSummariesList?.HasMore == true,
            limit,
            operation,
            cancellationToken: cancellationToken);
        await foreach (var summary in pages.ItemsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (OperaReservationMapper.IdOf(summary.ProfileIdList, OperaGuestMapper.ProfileIdType) is not { } id)
            {
                continue;
            }

            guests.Add(await GetGuestCoreAsync(id, cancellationToken).ConfigureAwait(false));
            if (guests.Count >= search.MaxResults)
            {
                break;
            }
        }

        return guests;
    }

    /// <inheritdoc />
    /// <remarks>crm <c>getProfile</c>; 204 is not found.</remarks>
    protected override async Task<GuestProfile> GetGuestCoreAsync(string guestId, CancellationToken cancellationToken)
    {
        const string operation = "GetGuest";
        var profile = await _responses.ReadAsync(_clients.Api.GetProfileAsync(guestId, cancellationToken), new OperaCall(operation) { EntityType = "Guest", EntityId = guestId }, cancellationToken).ConfigureAwait(false)
                      ?? throw NotFound(operation, "Guest", guestId);
        return OperaGuestMapper.ToGuest(profile.ProfileDetails) with { VendorId = guestId };
    }

    /// <inheritdoc />
    /// <remarks>crm <c>postProfile</c> (201, the id in <c>Location</c>) for a guest without id, <c>putProfile</c> for one with.</remarks>
    protected override async Task<GuestProfile> UpsertGuestCoreAsync(GuestProfile guest, CancellationToken cancellationToken)
    {
        const string operation = "UpsertGuest";
        var body = new ProfileEnvelope { ProfileDetails = OperaGuestMapper.ToProfile(guest) };
        if (guest.VendorId is { } existing)
        {
            await _responses.SendAsync(_clients.Api.ChangeProfileAsync(existing, body with { ProfileIdList = [new UniqueId(existing, OperaGuestMapper.ProfileIdType)] }, cancellationToken), new OperaCall(operation) { EntityType = "Guest", EntityId = existing }, cancellationToken).ConfigureAwait(false);
            return await GetGuestCoreAsync(existing, cancellationToken).ConfigureAwait(false);
        }

        var id = await _responses.CreateAsync(_clients.Api.CreateProfileAsync(body, cancellationToken), new OperaCall(operation), cancellationToken).ConfigureAwait(false)
                 ?? throw new PmsUnavailableException($"{Vendor} {operation}: OHIP created the profile but sent no Location (outcome unknown).") { Vendor = Vendor, Operation = operation, OutcomeUnknown = true };
        return await GetGuestCoreAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads one reservation of this hotel; 204 (OHIP's "Reservation not found.") is <see cref="PmsNotFoundException"/>.</summary>
    internal async Task<Reservation> ReadReservationAsync(string reservationId, string operation, CancellationToken cancellationToken)
    {
        var envelope = await _responses.ReadAsync(
            _clients.Api.GetReservationAsync(PropertyId, reservationId, ReservationFetchInstructions, cancellationToken),
            new OperaCall(operation) { EntityType = ReservationEntity, EntityId = reservationId },
            cancellationToken).ConfigureAwait(false);
        var model = envelope?.Reservations?.Reservation?.FirstOrDefault() ?? throw NotFound(operation, ReservationEntity, reservationId);
        return OperaReservationMapper.ToReservation(model, PropertyId, Currency, Options.ExternalSystemCode);
    }

    /// <summary>The room rates par offers for one window of a stay, page by page (<c>pagePointerKey</c> = the previous page's <c>pagingKey</c>) while it says <c>hasMore</c>.</summary>
    private async IAsyncEnumerable<RoomRate> AvailableRoomRatesAsync(QuoteRequest request, DateOnly start, DateOnly end, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var search = new AvailabilitySearch
        {
            RoomStayStartDate = OperaRefit.Date(start),
            RoomStayEndDate = OperaRefit.Date(end),
            Adults = request.Adults,
            Children = request.ChildrenAges.Count == 0 ? null : request.ChildrenAges.Count,
            ChildAge = request.ChildrenAges.Count == 0 ? null : request.ChildrenAges,
            RatePlanCode = request.RatePlanId,
            RoomType = request.RoomTypeIds.Count == 1 ? request.RoomTypeIds[0] : null,
            PromotionCode = request.PromoCode,
        };
        var seenKeys = new HashSet<string>(StringComparer.Ordinal);
        string? key = null;
        do
        {
            var page = await _responses.ReadAsync(_clients.Api.GetAvailabilityAsync(PropertyId, search with { PagePointerKey = key }, cancellationToken), new OperaCall("Quote"), cancellationToken).ConfigureAwait(false);
            foreach (var rate in (page?.HotelAvailabilityList ?? []).SelectMany(s => s.RoomStays ?? []).SelectMany(s => s.RoomRates ?? []))
            {
                yield return rate;
            }

            key = page?.HotelAvailabilityList?.FirstOrDefault(s => s.HasMore == true)?.PagingKey;
        }
        while (key is not null && seenKeys.Add(key));
    }

    private static Task<IApiResponse> Untyped<T>(Task<IApiResponse<T>> call) => call.ContinueWith(t => (IApiResponse)t.Result, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private PmsProperty Property()
    {
        var options = Options;
        return new PmsProperty(PropertyId, options.Name ?? PropertyId, options.TimeZone, options.Currency) { Code = PropertyId };
    }

    private async Task<Reservation?> FindByClientReferenceAsync(string reference, string operation, CancellationToken cancellationToken)
    {
        var envelope = await _responses.ReadAsync(
            _clients.Api.GetReservationByExternalIdAsync(PropertyId, Options.ExternalSystemCode, reference, cancellationToken),
            new OperaCall(operation),
            cancellationToken).ConfigureAwait(false);
        return envelope?.Reservations?.Reservation?.FirstOrDefault() is { } model
            ? OperaReservationMapper.ToReservation(model, PropertyId, Currency, Options.ExternalSystemCode)
            : null;
    }

    /// <summary>One search paged by <c>limit</c>/<c>offset</c> while OHIP says <c>hasMore</c>.</summary>
    private IAsyncEnumerable<ReservationInfo> SearchAsync(ReservationSearch search, string operation, int limit, CancellationToken cancellationToken) =>
        SearchPagesAsync(search, operation, limit, cancellationToken).ItemsAsync(cancellationToken);

    private IAsyncEnumerable<PmsPage<ReservationInfo>> SearchPagesAsync(ReservationSearch search, string operation, int limit, CancellationToken cancellationToken, Action<ReservationsDetails>? observe = null) =>
        PmsPager.ByOffsetAsync(
            async (offset, size, ct) =>
            {
                var page = await _responses.ReadAsync(_clients.Api.SearchReservationsAsync(PropertyId, search with { Offset = offset, Limit = size }, ct), new OperaCall(operation), ct).ConfigureAwait(false);
                if (page is not null)
                {
                    observe?.Invoke(page);
                }

                return page;
            },
            page => page.Reservations?.ReservationInfo ?? [],
            page => page.Reservations?.HasMore == true,
            limit,
            operation,
            cancellationToken: cancellationToken);

    /// <summary>
    /// A search over arrivals from <paramref name="first"/> to <paramref name="last"/>: a window whose first page says
    /// <c>totalResults</c> reached OHIP's cap (so paging would stop before its end) is split in two by arrival date,
    /// before any of its items is handed out; a window that fits is paged to its end. Memory holds one page.
    /// </summary>
    private async IAsyncEnumerable<ReservationInfo> SearchByArrivalWindowsAsync(ReservationSearch search, DateOnly first, DateOnly last, int limit, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cap = Options.SearchResultCap;
        var windows = new Stack<(DateOnly From, DateOnly To)>();
        windows.Push((first, last));
        while (windows.Count > 0)
        {
            var (from, to) = windows.Pop();
            var windowed = search with { ArrivalStartDate = OperaRefit.Date(from), ArrivalEndDate = OperaRefit.Date(to) };
            var firstPage = true;
            int? total = null;
            await foreach (var page in SearchPagesAsync(windowed, "GetReservations", limit, cancellationToken, answer => total ??= answer.Reservations?.TotalResults).ConfigureAwait(false))
            {
                if (firstPage && to > from && total >= cap)
                {
                    var middle = from.AddDays((to.DayNumber - from.DayNumber) / 2);
                    windows.Push((middle.AddDays(1), to));
                    windows.Push((from, middle));
                    break;
                }

                firstPage = false;
                foreach (var item in page.Items)
                {
                    yield return item;
                }
            }
        }
    }

    private Task<Reservation> WriteOnceAsync(string reservationId, OperaCall call, Func<CancellationToken, Task<IApiResponse>> write, Func<Reservation, bool> isDone, CancellationToken cancellationToken) =>
        PmsExactlyOnce.ExecuteAsync(
            reservationId,
            async (_, ct) =>
            {
                try
                {
                    await _responses.SendAsync(write(ct), call, ct).ConfigureAwait(false);
                }
                catch (PmsException ex) when (ex is PmsValidationException or PmsConflictException { Reason: not PmsConflictReason.NoAvailability })
                {
                    // A repeated cancellation, a change already made: refused, yet the reservation is as asked.
                    if (!isDone(await ReadReservationAsync(reservationId, call.Operation, ct).ConfigureAwait(false)))
                    {
                        throw;
                    }
                }

                return await ReadReservationAsync(reservationId, call.Operation, ct).ConfigureAwait(false);
            },
            async (_, ct) =>
            {
                var now = await ReadReservationAsync(reservationId, call.Operation, ct).ConfigureAwait(false);
                return isDone(now) ? now : null;
            },
            ExactlyOnce(call.Operation),
            cancellationToken);

    private PmsExactlyOnceOptions ExactlyOnce(string operation, int maxAttempts = 3) =>
        new() { Vendor = Vendor, Operation = operation, TimeProvider = TimeProvider, MaxAttempts = maxAttempts };

    private PmsNotFoundException NotFound(string operation, string entity, string id) =>
        new($"{Vendor} {operation}: hotel {PropertyId} has no {entity.ToLowerInvariant()} '{id}' (OHIP answered 204).") { Vendor = Vendor, Operation = operation, EntityType = entity, EntityId = id };

    private PmsUnavailableException CreatedButUnknown(string operation) =>
        new($"{Vendor} {operation}: OHIP accepted the reservation but sent no Location and the client reference finds none yet (outcome unknown).") { Vendor = Vendor, Operation = operation, OutcomeUnknown = true };

    private Task<IReadOnlyList<RoomType>> ReadRoomTypesAsync(CancellationToken cancellationToken) =>
        ToListAsync(
            PmsPager.ByOffsetAsync(
                (offset, size, ct) => _responses.ReadAsync(_clients.Api.GetRoomTypesAsync(PropertyId, size, offset, ct), new OperaCall("GetRoomTypes"), ct),
                page => (IReadOnlyList<RoomTypeModel>)[.. (page.RoomTypes ?? []).SelectMany(g => g.RoomType ?? [])],
                page => page.HasMore == true,
                OperaLimits.MaxRoomTypeLimit,
                "GetRoomTypes",
                cancellationToken: cancellationToken).ItemsAsync(cancellationToken),
            model => model.RoomType is null || model.Pseudo == true || model.Inactive == true
                ? null
                : new RoomType(model.RoomType, model.ShortDescription?.DefaultText ?? model.RoomType)
                {
                    Code = model.RoomType,
                    Description = model.Description?.DefaultText,
                    MaxOccupancy = model.MaximumOccupancy,
                    RoomCount = model.NumberOfRooms,
                },
            cancellationToken);

    private async Task<IReadOnlyList<RatePlan>> ReadRatePlansAsync(CancellationToken cancellationToken)
    {
        var info = await _responses.ReadAsync(_clients.Api.GetRatePlansAsync(PropertyId, cancellationToken), new OperaCall("GetRatePlans"), cancellationToken).ConfigureAwait(false);
        return [.. (info?.RatePlans ?? []).Where(p => p.RatePlanCode is not null).Select(p => new RatePlan(p.RatePlanCode!, p.PrimaryDetails?.Description?.DefaultText ?? p.RatePlanCode!)
        {
            Code = p.RatePlanCode,
            RoomTypeIds = [.. (p.RoomTypeList ?? []).Select(r => r.Code).OfType<string>()],
            Currency = p.TransactionDetails?.CurrencyCode ?? Currency,
        })];
    }

    private static async Task<IReadOnlyList<TResult>> ToListAsync<TItem, TResult>(IAsyncEnumerable<TItem> items, Func<TItem, TResult?> map, CancellationToken cancellationToken)
        where TResult : class
    {
        var results = new List<TResult>();
        await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (map(item) is { } result)
            {
                results.Add(result);
            }
        }

        return results;
    }
}
