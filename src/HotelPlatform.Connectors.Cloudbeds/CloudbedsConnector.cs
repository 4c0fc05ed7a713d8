using System.Runtime.CompilerServices;
using HotelPlatform.Connectors.Caching;
using HotelPlatform.Connectors.Cloudbeds.Mapping;
using HotelPlatform.Connectors.Cloudbeds.Rates;
using HotelPlatform.Connectors.Cloudbeds.Subscriptions;
using HotelPlatform.Connectors.Cloudbeds.Wire;
using HotelPlatform.Connectors.Http;
using HotelPlatform.Connectors.Paging;
using Refit;

namespace HotelPlatform.Connectors.Cloudbeds;

/// <summary>
/// The <see cref="IPmsConnector"/> of one Cloudbeds property (API v1.3). Register it with <c>AddCloudbeds(...)</c> on
/// <c>AddPmsConnectors()</c>; every call goes through the runtime's HTTP pipeline (x-api-key or OAuth2 refresh token,
/// the property's rate limiter, the <c>success:false</c> classification, retries of reads).
/// <see cref="IPmsConnector.GetService"/> returns the hotel's <see cref="ICloudbedsSubscriptions"/> and its
/// <see cref="IPmsRatesAndAvailabilityPush"/> (rates and restrictions through patchRate; no availability).
/// </summary>
/// <remarks>
/// <para>
/// Rate plans are Cloudbeds rates: a <see cref="RatePlan.VendorId"/> is a <c>rateID</c> (one rate plan on one room
/// type), the id postReservation books with (<c>rooms[0][roomRateID]</c>).
/// </para>
/// <para>
/// Exactly once. Cloudbeds has no idempotency key; a booking carries the client reference as
/// <c>thirdPartyIdentifier</c>, and getReservations lists it. Before a booking is posted, and before it is posted again
/// after an answer was lost, the arrivals of its day are searched for the reference; a found reservation is returned
/// instead of booking twice.
/// </para>
/// <para>
/// Changes go through putReservation, which takes only some fields: dates, adults, children, room type and rate of a
/// room (<c>rooms[i][...]</c> by <c>subReservationID</c>), and the status (cancellation is <c>status=canceled</c>). The main guest is changed with
/// putGuest; a comment becomes a reservation note (postReservationNote). A guest comment has no place in Cloudbeds: it
/// is refused with a <see cref="PmsNotSupportedException"/> naming the field, before anything is sent.
/// </para>
/// <para>
/// A reservation of several rooms is read as the whole booking (see <c>docs/connectors/cloudbeds.md</c>); new dates move
/// every room, and a change that is one room's own (occupancy, room type, rate) is refused naming the field.
/// </para>
/// <para>
/// Every call goes to the property's own API address, looked up with <c>GET /oauth/metadata</c> and kept with the
/// reference data (<see cref="CloudbedsOptions.DiscoverApiAddress"/>).
/// </para>
/// </remarks>
public sealed class CloudbedsConnector : PmsConnector
{
    private const string ReservationEntity = "Reservation";

    private readonly Func<CloudbedsOptions> _options;
    private readonly CloudbedsClient _client;
    private readonly ICloudbedsSubscriptions _subscriptions;
    private readonly CloudbedsResponses _responses = CloudbedsResponses.Instance;
    private readonly PmsCachedValue<PmsProperty> _property;
    private readonly PmsCachedValue<IReadOnlyList<RoomType>> _roomTypes;
    private readonly PmsCachedValue<IReadOnlyList<RatePlan>> _ratePlans;
    private readonly CloudbedsRatesAndAvailabilityPush _push;

    internal CloudbedsConnector(Func<CloudbedsOptions> options, CloudbedsClient client, ICloudbedsSubscriptions subscriptions, TimeProvider timeProvider)
        : base(PmsVendors.Cloudbeds, options().PropertyId, CloudbedsCapabilities.Supported, timeProvider)
    {
        _options = options;
        _client = client;
        _subscriptions = subscriptions;
        var lifetime = options().ReferenceDataLifetime;
        _property = new PmsCachedValue<PmsProperty>(ReadPropertyAsync, lifetime, TimeProvider);
        _roomTypes = new PmsCachedValue<IReadOnlyList<RoomType>>(ReadRoomTypesAsync, lifetime, TimeProvider);
        _ratePlans = new PmsCachedValue<IReadOnlyList<RatePlan>>(ReadRatePlansAsync, lifetime, TimeProvider);
        _push = new CloudbedsRatesAndAvailabilityPush(client, async ct => (await _property.GetAsync(ct).ConfigureAwait(false)).Currency, TimeProvider);
    }

    /// <inheritdoc />
    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        base.GetService(serviceType, serviceKey)
        ?? (serviceKey is not null ? null
            : serviceType == typeof(ICloudbedsSubscriptions) ? _subscriptions
            : serviceType == typeof(IPmsRatesAndAvailabilityPush) ? _push
            : null);

    /// <inheritdoc />
    /// <remarks>Reads the property now (not the kept one): a health check must reach Cloudbeds.</remarks>
    protected override async Task CheckHealthCoreAsync(CancellationToken cancellationToken) =>
        await _property.RefreshAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    /// <remarks><c>GET /getHotels?propertyIDs=</c> (getHotelDetails has no time zone in v1.3); kept for <see cref="PmsConnectorOptions.ReferenceDataLifetime"/>.</remarks>
    protected override async Task<PmsProperty> GetPropertyCoreAsync(CancellationToken cancellationToken) =>
        await _property.GetAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<RoomType>> GetRoomTypesCoreAsync(CancellationToken cancellationToken) =>
        await _roomTypes.GetAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<RatePlan>> GetRatePlansCoreAsync(CancellationToken cancellationToken) =>
        await _ratePlans.GetAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    /// <remarks><c>GET /getRatePlans?detailedRates=true</c>: per room type and night, the rooms its rates have left.</remarks>
    protected override async Task<AvailabilityGrid> GetAvailabilityCoreAsync(AvailabilityRequest request, CancellationToken cancellationToken)
    {
        var roomTypes = await _roomTypes.GetAsync(cancellationToken).ConfigureAwait(false);
        var rates = await ReadRatesAsync(request.Arrival, request.Departure, null, null, null, "GetAvailability", cancellationToken).ConfigureAwait(false);
        return CloudbedsMapper.ToGrid(PropertyId, request, roomTypes, rates);
    }

    /// <inheritdoc />
    /// <remarks><c>GET /getRatePlans</c> for the stay and party, <c>detailedRates=true</c>; rates with no room left or a restriction forbidding the stay are left out.</remarks>
    protected override async Task<IReadOnlyList<RateQuote>> QuoteCoreAsync(QuoteRequest request, CancellationToken cancellationToken)
    {
        var property = await _property.GetAsync(cancellationToken).ConfigureAwait(false);
        var roomTypes = (await _roomTypes.GetAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(r => r.VendorId, StringComparer.Ordinal);
        var rates = await ReadRatesAsync(request.Arrival, request.Departure, request.Adults, request.ChildrenAges.Count, request.PromoCode, "Quote", cancellationToken).ConfigureAwait(false);
        return CloudbedsMapper.ToQuotes(request, rates, roomTypes, property.Currency);
    }

    /// <inheritdoc />
    /// <remarks><c>POST /postReservation</c> (form) with <c>thirdPartyIdentifier</c> = the client reference; see the class remarks on exactly once.</remarks>
    protected override async Task<Reservation> CreateReservationCoreAsync(ReservationDraft draft, CancellationToken cancellationToken)
    {
        const string operation = "CreateReservation";
        var reference = draft.ClientReference!;
        if (await FindByReferenceAsync(reference, draft.Arrival, operation, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            return earlier;
        }

        var form = CloudbedsMapper.ToPostReservation(draft, PropertyId, reference, _options());
        return await PmsExactlyOnce.ExecuteAsync(
            reference,
            async (_, ct) =>
            {
                var created = await _responses.ReadAsync(_client.CallAsync(api => api.PostReservationAsync(form.Fields, ct), ct), new PmsCall(operation), ct).ConfigureAwait(false);
                if (created?.ReservationID is not { Length: > 0 } id)
                {
                    throw new PmsUnavailableException($"{Vendor} {operation}: Cloudbeds answered without the reservation's id (outcome unknown).") { Vendor = Vendor, Operation = operation, OutcomeUnknown = true };
                }

                return await GetAsync(id, operation, ct).ConfigureAwait(false);
            },
            (_, ct) => FindByReferenceAsync(reference, draft.Arrival, operation, ct),
            ExactlyOnce(operation, maxAttempts: 2),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override Task<Reservation> GetReservationCoreAsync(string reservationId, CancellationToken cancellationToken) =>
        GetAsync(reservationId, "GetReservation", cancellationToken);

    /// <inheritdoc />
    /// <remarks>Cloudbeds' confirmation number is the reservation id; getReservations has no filter by <c>thirdPartyIdentifier</c>.</remarks>
    protected override async Task<Reservation?> FindReservationCoreAsync(string confirmationNumber, CancellationToken cancellationToken)
    {
        try
        {
            return await GetAsync(confirmationNumber.Trim(), "FindReservation", cancellationToken).ConfigureAwait(false);
        }
        catch (PmsException ex) when (ex is PmsNotFoundException or PmsValidationException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// <c>PUT /putReservation</c> with <c>rooms[i][subReservationID]</c> (each room) and the changed <c>checkinDate</c>,
    /// <c>checkoutDate</c>, <c>adults</c>, <c>children</c>, <c>roomTypeID</c>, <c>rateID</c>; the main guest with
    /// <c>PUT /putGuest</c>. Each sets an absolute value, so a write whose answer was lost is sent again only after the
    /// reservation was read and found not yet changed.
    /// </remarks>
    protected override async Task<Reservation> ModifyReservationCoreAsync(string reservationId, ReservationChanges changes, CancellationToken cancellationToken)
    {
        const string operation = "ModifyReservation";
        if (changes.GuestComment is not null)
        {
            throw new PmsNotSupportedException($"{Vendor} {operation}: Cloudbeds cannot change {nameof(ReservationChanges.GuestComment)} (putReservation takes estimatedArrivalTime, status, checkoutDate, customFields, rooms, dateCreated, allotmentBlockCode, eventCode only, and a reservation's notes are the staff's); nothing was sent.", ConnectorCapabilities.ModifyReservation)
            {
                Vendor = Vendor,
                Operation = operation,
                Feature = nameof(ReservationChanges.GuestComment),
            };
        }

        var current = await GetModelAsync(reservationId, operation, cancellationToken).ConfigureAwait(false);
        if (changes.ChangesStay)
        {
            var rooms = current.Unassigned.Concat(current.Assigned).ToList();
            if (rooms.Count == 0)
            {
                throw new PmsException($"{Vendor} {operation}: reservation '{reservationId}' has no room to change.") { Vendor = Vendor, Operation = operation };
            }

            if (rooms.Count > 1 && PerRoomChange(changes, rooms) is { } field)
            {
                throw new PmsNotSupportedException($"{Vendor} {operation}: reservation '{reservationId}' has {rooms.Count} rooms and {field} would have to be set per room (putReservation's rooms[][subReservationID]), which the model's one-room change cannot say; nothing was sent.", ConnectorCapabilities.ModifyStay)
                {
                    Vendor = Vendor,
                    Operation = operation,
                    Feature = field,
                };
            }

            // One rooms[] entry per room: the new dates apply to every room of the reservation.
            var form = new CloudbedsForm()
                .Add("propertyID", PropertyId)
                .Add("reservationID", reservationId);
            for (var i = 0; i < rooms.Count; i++)
            {
                form.AddElement(
                    "rooms",
                    i,
                    ("subReservationID", rooms[i].SubReservationID),
                    ("roomTypeID", changes.RoomTypeId),
                    ("checkinDate", changes.Arrival is { } arrival ? CloudbedsMapper.Date(arrival) : null),
                    ("checkoutDate", changes.Departure is { } departure ? CloudbedsMapper.Date(departure) : null),
                    ("adults", changes.Adults?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ("children", changes.ChildrenAges?.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ("rateID", changes.RatePlanId));
            }

            await WriteOnceAsync(reservationId, operation, ct => _client.CallAsync(api => api.PutReservationAsync(form.Fields, ct), ct), model => IsApplied(changes, model), cancellationToken).ConfigureAwait(false);
        }

        if (changes.PrimaryGuest is { } guest)
        {
            var main = current.GuestList.Values.FirstOrDefault(g => g.IsMainGuest) ?? current.GuestList.Values.FirstOrDefault()
                       ?? throw new PmsException($"{Vendor} {operation}: reservation '{reservationId}' has no main guest.") { Vendor = Vendor, Operation = operation };
            var form = CloudbedsMapper.ToPutGuest(PropertyId, main.GuestID, guest);
            await WriteOnceAsync(reservationId, operation, ct => _client.CallAsync(api => api.PutGuestAsync(form.Fields, ct), ct), _ => false, cancellationToken).ConfigureAwait(false);
        }

        if (changes.Comment is { } comment)
        {
            await AddNoteOnceAsync(reservationId, comment, operation, cancellationToken).ConfigureAwait(false);
        }

        return await GetAsync(reservationId, operation, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks><c>PUT /putReservation</c> with <c>status=canceled</c> (Cloudbeds has no cancel method); a reservation already cancelled is returned as it is.</remarks>
    protected override async Task<Reservation> CancelReservationCoreAsync(string reservationId, string? reason, CancellationToken cancellationToken)
    {
        const string operation = "CancelReservation";
        var current = await GetModelAsync(reservationId, operation, cancellationToken).ConfigureAwait(false);
        if (current.Status != "canceled")
        {
            var form = new CloudbedsForm().Add("propertyID", PropertyId).Add("reservationID", reservationId).Add("status", "canceled");
            await WriteOnceAsync(reservationId, operation, ct => _client.CallAsync(api => api.PutReservationAsync(form.Fields, ct), ct), model => model.Status == "canceled", cancellationToken).ConfigureAwait(false);
        }

        return await GetAsync(reservationId, operation, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// <c>GET /getReservations</c>, <c>pageNumber</c>/<c>pageSize</c> (at most 100): arrivals by <c>checkInFrom/To</c>,
    /// departures by <c>checkOutFrom/To</c>, in-house by <c>status=checked_in</c>, changes by <c>modifiedFrom</c>. The list
    /// items lack rooms and guests, so each reservation is read with getReservation.
    /// </remarks>
    protected override async IAsyncEnumerable<Reservation> GetReservationsCoreAsync(ReservationQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const string operation = "GetReservations";
        var filter = await ToFilterAsync(query, cancellationToken).ConfigureAwait(false);
        await foreach (var item in ListAsync(filter, Math.Min(query.PageSize ?? CloudbedsLimits.MaxPageSize, CloudbedsLimits.MaxPageSize), operation, cancellationToken).ConfigureAwait(false))
        {
            if (!query.IncludeCancelled && item.Status == "canceled")
            {
                continue;
            }

            Reservation reservation;
            try
            {
                reservation = await GetAsync(item.ReservationID, operation, cancellationToken).ConfigureAwait(false);
            }
            catch (PmsNotFoundException)
            {
                // Deleted between the list and the read.
                continue;
            }

            if (query.Kind == ReservationQueryKind.InHouse && query.Date is { } day && (reservation.Arrival > day || reservation.Departure <= day))
            {
                continue;
            }

            yield return reservation;
        }
    }

    /// <inheritdoc />
    /// <remarks><c>GET /getGuestList</c> filtered by e-mail, phone and name (the list is keyed by guest id).</remarks>
    protected override async Task<IReadOnlyList<GuestProfile>> SearchGuestsCoreAsync(GuestSearch search, CancellationToken cancellationToken)
    {
        var filter = new GuestFilter
        {
            PropertyIds = PropertyId,
            Email = Trimmed(search.Email),
            Phone = Trimmed(search.Phone),
            LastName = Trimmed(search.LastName),
            FirstName = Trimmed(search.FirstName),
            PageSize = Math.Min(search.MaxResults, CloudbedsLimits.MaxPageSize),
        };
        var page = await _responses.ReadAsync(_client.CallAsync(api => api.GetGuestListAsync(filter, cancellationToken), cancellationToken), new PmsCall("SearchGuests"), cancellationToken).ConfigureAwait(false);
        return [.. (page?.Data ?? new Dictionary<string, GuestListItemModel>()).Select(entry => CloudbedsMapper.ToGuest(entry.Value with { GuestID = entry.Value.GuestID.Length == 0 ? entry.Key : entry.Value.GuestID })).Take(search.MaxResults)];
    }

    /// <inheritdoc />
    protected override async Task<GuestProfile> GetGuestCoreAsync(string guestId, CancellationToken cancellationToken)
    {
        const string operation = "GetGuest";
        var call = new PmsCall(operation) { EntityType = "Guest", EntityId = guestId };
        var answer = await _responses.ReadAsync(_client.CallAsync(api => api.GetGuestAsync(PropertyId, guestId, cancellationToken), cancellationToken), call, cancellationToken).ConfigureAwait(false);
        return answer?.Data is { } guest
            ? CloudbedsMapper.ToGuest(guestId, guest)
            : throw new PmsNotFoundException($"{Vendor} {operation}: Cloudbeds answered without guest '{guestId}'.") { Vendor = Vendor, Operation = operation, EntityType = "Guest", EntityId = guestId };
    }

    /// <inheritdoc />
    /// <remarks>
    /// <c>GET /getItems</c>: the property's items (products, services, meal plans) at their catalogue price. For a
    /// reservation, the reservation is read first, so an unknown one is not found.
    /// </remarks>
    protected override async Task<IReadOnlyList<ServiceOffer>> GetServiceOffersCoreAsync(ServiceOfferRequest request, CancellationToken cancellationToken)
    {
        const string operation = "GetServiceOffers";
        if (request.ReservationId is { } reservationId)
        {
            await GetModelAsync(reservationId, operation, cancellationToken).ConfigureAwait(false);
        }

        var property = await _property.GetAsync(cancellationToken).ConfigureAwait(false);
        var items = await _responses.ReadAsync(_client.CallAsync(api => api.GetItemsAsync(PropertyId, cancellationToken), cancellationToken), new PmsCall(operation), cancellationToken).ConfigureAwait(false);
        return [.. (items?.Data ?? []).Select(item => CloudbedsMapper.ToOffer(item, property.Currency))];
    }

    /// <summary>
    /// Writes the comment as a reservation note (<c>POST /postReservationNote</c>), exactly once: a note is added, not
    /// set, so after an unknown outcome the notes are read (<c>GET /getReservationNotes</c>) and a note with the same
    /// text counts as written. getReservation does not return notes, so <see cref="Reservation.Comment"/> stays unset.
    /// </summary>
    private Task<string> AddNoteOnceAsync(string reservationId, string comment, string operation, CancellationToken cancellationToken)
    {
        var form = new CloudbedsForm().Add("propertyID", PropertyId).Add("reservationID", reservationId).Add("reservationNote", comment);
        var call = new PmsCall(operation) { EntityType = ReservationEntity, EntityId = reservationId };
        return PmsExactlyOnce.ExecuteAsync(
            reservationId,
            async (_, ct) => (await _responses.ReadAsync(_client.CallAsync(api => api.PostReservationNoteAsync(form.Fields, ct), ct), call, ct).ConfigureAwait(false))?.ReservationNoteID ?? string.Empty,
            async (_, ct) =>
            {
                using (PmsOperation.Begin(PmsOperationIntent.Read))
                {
                    var notes = await _responses.ReadAsync(_client.CallAsync(api => api.GetReservationNotesAsync(PropertyId, reservationId, ct), ct), call, ct).ConfigureAwait(false);
                    return (notes?.Data ?? []).FirstOrDefault(n => n.ReservationNote == comment)?.ReservationNoteID;
                }
            },
            ExactlyOnce(operation),
            cancellationToken);
    }

    /// <summary>
    /// The first change that cannot be applied to a reservation of several rooms: occupancy, room type and rate are each
    /// room's own, and new dates are the whole booking's only when its rooms share their dates.
    /// </summary>
    private static string? PerRoomChange(ReservationChanges changes, IReadOnlyList<ReservationRoomModel> rooms) =>
        changes.Adults is not null ? nameof(ReservationChanges.Adults)
        : changes.ChildrenAges is not null ? nameof(ReservationChanges.ChildrenAges)
        : changes.RoomTypeId is not null ? nameof(ReservationChanges.RoomTypeId)
        : changes.RatePlanId is not null ? nameof(ReservationChanges.RatePlanId)
        : rooms.Select(r => (r.StartDate, r.EndDate)).Distinct().Count() > 1 ? (changes.Arrival is not null ? nameof(ReservationChanges.Arrival) : nameof(ReservationChanges.Departure))
        : null;

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static bool IsApplied(ReservationChanges changes, ReservationModel model)
    {
        var room = model.Unassigned.Concat(model.Assigned).FirstOrDefault();
        return (changes.Arrival is not { } arrival || model.StartDate == arrival)
               && (changes.Departure is not { } departure || model.EndDate == departure)
               && (changes.Adults is not { } adults || room?.Adults == adults)
               && (changes.RoomTypeId is not { } roomType || room?.RoomTypeID == roomType);
    }

    private PmsExactlyOnceOptions ExactlyOnce(string operation, int maxAttempts = 3) =>
        new() { Vendor = Vendor, Operation = operation, TimeProvider = TimeProvider, MaxAttempts = maxAttempts };

    /// <summary>Sends a write that sets an absolute state, exactly once in effect (see <see cref="PmsExactlyOnce"/>): after an unknown outcome the reservation is read and the write is not repeated when <paramref name="isDone"/> says it was applied.</summary>
    private Task<ReservationModel> WriteOnceAsync(string reservationId, string operation, Func<CancellationToken, Task<IApiResponse<CloudbedsStatus>>> write, Func<ReservationModel, bool> isDone, CancellationToken cancellationToken) =>
        PmsExactlyOnce.ExecuteAsync(
            reservationId,
            async (_, ct) =>
            {
                await _responses.ReadAsync(write(ct), new PmsCall(operation) { EntityType = ReservationEntity, EntityId = reservationId }, ct).ConfigureAwait(false);
                return await GetModelAsync(reservationId, operation, ct).ConfigureAwait(false);
            },
            async (_, ct) =>
            {
                var now = await GetModelAsync(reservationId, operation, ct).ConfigureAwait(false);
                return isDone(now) ? now : null;
            },
            ExactlyOnce(operation),
            cancellationToken);

    private async Task<Reservation> GetAsync(string reservationId, string operation, CancellationToken cancellationToken)
    {
        var property = await _property.GetAsync(cancellationToken).ConfigureAwait(false);
        return CloudbedsMapper.ToReservation(await GetModelAsync(reservationId, operation, cancellationToken).ConfigureAwait(false), PropertyId, property.Currency);
    }

    private async Task<ReservationModel> GetModelAsync(string reservationId, string operation, CancellationToken cancellationToken)
    {
        var call = new PmsCall(operation) { EntityType = ReservationEntity, EntityId = reservationId };
        using (PmsOperation.Begin(PmsOperationIntent.Read))
        {
            var answer = await _responses.ReadAsync(_client.CallAsync(api => api.GetReservationAsync(PropertyId, reservationId, cancellationToken), cancellationToken), call, cancellationToken).ConfigureAwait(false);
            return answer?.Data is { ReservationID.Length: > 0 } model
                ? model
                : throw new PmsNotFoundException($"{Vendor} {operation}: property {PropertyId} has no reservation '{reservationId}'.") { Vendor = Vendor, Operation = operation, EntityType = ReservationEntity, EntityId = reservationId };
        }
    }

    /// <summary>The reservation booked under <paramref name="reference"/> (its <c>thirdPartyIdentifier</c>) among the arrivals of its day.</summary>
    private async Task<Reservation?> FindByReferenceAsync(string reference, DateOnly arrival, string operation, CancellationToken cancellationToken)
    {
        using (PmsOperation.Begin(PmsOperationIntent.Read))
        {
            var filter = new ReservationFilter { PropertyId = PropertyId, CheckInFrom = CloudbedsMapper.Date(arrival), CheckInTo = CloudbedsMapper.Date(arrival) };
            await foreach (var item in ListAsync(filter, CloudbedsLimits.MaxPageSize, operation, cancellationToken).ConfigureAwait(false))
            {
                if (string.Equals(item.ThirdPartyIdentifier, reference, StringComparison.Ordinal))
                {
                    return await GetAsync(item.ReservationID, operation, cancellationToken).ConfigureAwait(false);
                }
            }

            return null;
        }
    }

    private IAsyncEnumerable<ReservationListItemModel> ListAsync(ReservationFilter filter, int pageSize, string operation, CancellationToken cancellationToken) =>
        PmsPager.ByPageNumberAsync(
                (page, size, ct) => _responses.ReadAsync(_client.CallAsync(api => api.GetReservationsAsync(filter with { PageNumber = page, PageSize = size }, ct), ct), new PmsCall(operation), ct),
                (CloudbedsEnvelope<IReadOnlyList<ReservationListItemModel>> list) => list.Data ?? [],
                pageSize,
                operation,
                cancellationToken: cancellationToken)
            .ItemsAsync(cancellationToken);

    private async Task<ReservationFilter> ToFilterAsync(ReservationQuery query, CancellationToken cancellationToken)
    {
        var filter = new ReservationFilter { PropertyId = PropertyId };
        if (query.Kind == ReservationQueryKind.ChangedSince)
        {
            return filter with { ModifiedFrom = CloudbedsMapper.DateTime(query.Since!.Value) };
        }

        var day = query.Date ?? (await _property.GetAsync(cancellationToken).ConfigureAwait(false)).LocalDate(TimeProvider.GetUtcNow());
        var date = CloudbedsMapper.Date(day);
        return query.Kind switch
        {
            ReservationQueryKind.Arrivals => filter with { CheckInFrom = date, CheckInTo = date },
            ReservationQueryKind.Departures => filter with { CheckOutFrom = date, CheckOutTo = date },
            _ => filter with { Status = "checked_in" },
        };
    }

    private async Task<IReadOnlyList<RateModel>> ReadRatesAsync(DateOnly start, DateOnly end, int? adults, int? children, string? promoCode, string operation, CancellationToken cancellationToken)
    {
        var answer = await _responses.ReadAsync(
            _client.CallAsync(api => api.GetRatePlansAsync(PropertyId, CloudbedsMapper.Date(start), CloudbedsMapper.Date(end), adults, children, promoCode, "true", cancellationToken), cancellationToken),
            new PmsCall(operation),
            cancellationToken).ConfigureAwait(false);
        return answer?.Data ?? [];
    }

    private async Task<PmsProperty> ReadPropertyAsync(CancellationToken cancellationToken)
    {
        const string operation = "GetProperty";
        var answer = await _responses.ReadAsync(_client.CallAsync(api => api.GetHotelsAsync(PropertyId, cancellationToken), cancellationToken), new PmsCall(operation) { EntityType = "Property", EntityId = PropertyId }, cancellationToken).ConfigureAwait(false);
        var hotel = answer?.Data?.FirstOrDefault(h => h.PropertyID == PropertyId)
                    ?? throw new PmsNotFoundException($"{Vendor} {operation}: Cloudbeds answered without property '{PropertyId}'.") { Vendor = Vendor, Operation = operation, EntityType = "Property", EntityId = PropertyId };
        return CloudbedsMapper.ToProperty(hotel, PropertyId);
    }

    private async Task<IReadOnlyList<RoomType>> ReadRoomTypesAsync(CancellationToken cancellationToken)
    {
        var roomTypes = new List<RoomType>();
        await foreach (var model in PmsPager.ByPageNumberAsync(
                               (page, size, ct) => _responses.ReadAsync(_client.CallAsync(api => api.GetRoomTypesAsync(PropertyId, page, size, ct), ct), new PmsCall("GetRoomTypes"), ct),
                               (CloudbedsEnvelope<IReadOnlyList<RoomTypeModel>> list) => list.Data ?? [],
                               CloudbedsLimits.RoomTypePageSize,
                               "GetRoomTypes",
                               cancellationToken: cancellationToken)
                           .ItemsAsync(cancellationToken).ConfigureAwait(false))
        {
            roomTypes.Add(CloudbedsMapper.ToRoomType(model));
        }

        return roomTypes;
    }

    /// <summary>getRatePlans requires a date range: the rates sold tonight (property time).</summary>
    private async Task<IReadOnlyList<RatePlan>> ReadRatePlansAsync(CancellationToken cancellationToken)
    {
        var property = await _property.GetAsync(cancellationToken).ConfigureAwait(false);
        var today = property.LocalDate(TimeProvider.GetUtcNow());
        var rates = await ReadRatesAsync(today, today.AddDays(1), null, null, null, "GetRatePlans", cancellationToken).ConfigureAwait(false);
        return [.. rates.DistinctBy(r => r.RateID).Select(r => CloudbedsMapper.ToRatePlan(r, property.Currency))];
    }
}
