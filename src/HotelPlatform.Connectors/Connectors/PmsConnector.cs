using System.Diagnostics;
using System.Runtime.CompilerServices;
using HotelPlatform.Connectors.Http;

namespace HotelPlatform.Connectors;

/// <summary>
/// Base class for connectors. Every public member checks the capability and validates the arguments (with
/// <see cref="PmsArguments"/>) before it calls the matching protected <c>...CoreAsync</c> member, so an implementation
/// only ever sees valid input for what it declared it can do. Override the core members of the capabilities you
/// declare; the others throw <see cref="PmsNotSupportedException"/>.
/// </summary>
public abstract class PmsConnector : IPmsConnector, IPmsReservationPages
{
    /// <summary>Initializes a new instance of the <see cref="PmsConnector"/> class.</summary>
    /// <param name="vendor">The vendor name (<see cref="PmsVendors"/>).</param>
    /// <param name="propertyId">The vendor's property identifier.</param>
    /// <param name="capabilities">What the connector can do.</param>
    /// <param name="timeProvider">The clock that defines "today"; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    protected PmsConnector(string vendor, string propertyId, ConnectorCapabilities capabilities, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(vendor);
        ArgumentException.ThrowIfNullOrWhiteSpace(propertyId);
        Vendor = vendor;
        PropertyId = propertyId;
        Capabilities = capabilities;
        TimeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public string Vendor { get; }

    /// <inheritdoc />
    public string PropertyId { get; }

    /// <inheritdoc />
    public ConnectorCapabilities Capabilities { get; }

    /// <summary>Gets the clock that defines "now" and "today".</summary>
    protected TimeProvider TimeProvider { get; }

    /// <inheritdoc />
    public async Task<PmsHealthReport> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        var started = TimeProvider.GetTimestamp();
        try
        {
            using (PmsOperationContext.Enter("CheckHealth", PmsOperationIntent.Read))
            {
                await CheckHealthCoreAsync(cancellationToken).ConfigureAwait(false);
            }
            return PmsHealthReport.Healthy(TimeProvider.GetElapsedTime(started));
        }
        catch (Exception ex) when (ex is PmsException or HttpRequestException or TimeoutException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return PmsHealthReport.Unhealthy(TimeProvider.GetElapsedTime(started), ex);
        }
    }

    /// <inheritdoc />
    public Task<PmsProperty> GetPropertyAsync(CancellationToken cancellationToken = default)
    {
        Require(ConnectorCapabilities.Inventory);
        return RunAsync("GetProperty", PmsOperationIntent.Read, 0, static (self, _, ct) => self.GetPropertyCoreAsync(ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RoomType>> GetRoomTypesAsync(CancellationToken cancellationToken = default)
    {
        Require(ConnectorCapabilities.Inventory);
        return RunAsync("GetRoomTypes", PmsOperationIntent.Read, 0, static (self, _, ct) => self.GetRoomTypesCoreAsync(ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RatePlan>> GetRatePlansAsync(CancellationToken cancellationToken = default)
    {
        Require(ConnectorCapabilities.RatePlans);
        return RunAsync("GetRatePlans", PmsOperationIntent.Read, 0, static (self, _, ct) => self.GetRatePlansCoreAsync(ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<AvailabilityGrid> GetAvailabilityAsync(AvailabilityRequest request, CancellationToken cancellationToken = default)
    {
        Require(ConnectorCapabilities.Availability);
        PmsArguments.Validate(request);
        return RunAsync("GetAvailability", PmsOperationIntent.Read, request, static (self, r, ct) => self.GetAvailabilityCoreAsync(r, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RateQuote>> QuoteAsync(QuoteRequest request, CancellationToken cancellationToken = default)
    {
        Require(ConnectorCapabilities.Quotes);
        PmsArguments.Validate(request);
        return RunAsync("Quote", PmsOperationIntent.Read, request, static (self, r, ct) => self.QuoteCoreAsync(r, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<Reservation> CreateReservationAsync(ReservationDraft draft, CancellationToken cancellationToken = default)
    {
        Require(ConnectorCapabilities.CreateReservation);
        PmsArguments.Validate(draft);
        if (draft.Services.Count > 0)
        {
            Require(ConnectorCapabilities.AddService);
        }

        // A reference per call at the least, so that the pipeline's own retries of this call stay exactly-once.
        var withReference = draft.ClientReference is null ? draft with { ClientReference = NewClientReference() } : draft;
        // A vendor whose create carries an idempotency key (IdempotentCreate) may have it retried by the pipeline.
        return RunAsync("CreateReservation", IntentOf("CreateReservation", Capabilities), withReference, static (self, d, ct) => self.CreateReservationCoreAsync(d, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<Reservation> GetReservationAsync(string reservationId, CancellationToken cancellationToken = default)
    {
        Require(ConnectorCapabilities.ReadReservations);
        PmsArguments.Id(reservationId);
        return RunAsync("GetReservation", PmsOperationIntent.Read, reservationId, static (self, id, ct) => self.GetReservationCoreAsync(id, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<Reservation?> FindReservationAsync(string confirmationNumber, CancellationToken cancellationToken = default)
    {
        Require(ConnectorCapabilities.ReadReservations);
        PmsArguments.Id(confirmationNumber);
        return RunAsync("FindReservation", PmsOperationIntent.Read, confirmationNumber.Trim(), static (self, number, ct) => self.FindReservationCoreAsync(number, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<Reservation> ModifyReservationAsync(string reservationId, ReservationChanges changes, CancellationToken cancellationToken = default)
    {
        PmsArguments.Id(reservationId);
        PmsArguments.Validate(changes);
        Require(changes.ChangesStay ? ConnectorCapabilities.ModifyStay : ConnectorCapabilities.ModifyReservation);
        if (changes.PrimaryGuest is not null || changes.Comment is not null || changes.GuestComment is not null)
        {
            Require(ConnectorCapabilities.ModifyReservation);
        }

        return RunAsync("ModifyReservation", PmsOperationIntent.Write, (reservationId, changes), static (self, a, ct) => self.ModifyReservationCoreAsync(a.reservationId, a.changes, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<Reservation> CancelReservationAsync(string reservationId, string? reason = null, CancellationToken cancellationToken = default)
    {
        Require(ConnectorCapabilities.CancelReservation);
        PmsArguments.Id(reservationId);
        return RunAsync("CancelReservation", PmsOperationIntent.Write, (reservationId, reason), static (self, a, ct) => self.CancelReservationCoreAsync(a.reservationId, a.reason, ct), cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<Reservation> GetReservationsAsync(ReservationQuery query, CancellationToken cancellationToken = default)
    {
        PmsArguments.Validate(query);
        Require(query.Kind == ReservationQueryKind.ChangedSince ? ConnectorCapabilities.ChangedReservations : ConnectorCapabilities.ListReservations);
        return EnumerateAsync("GetReservations", GetReservationsCoreAsync(query, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Offered (through <see cref="GetService"/>) only by connectors that override <see cref="SupportsReservationPages"/>.</remarks>
    public IAsyncEnumerable<PmsPage<Reservation>> GetReservationPagesAsync(ReservationQuery query, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        PmsArguments.Validate(query);
        Require(query.Kind == ReservationQueryKind.ChangedSince ? ConnectorCapabilities.ChangedReservations : ConnectorCapabilities.ListReservations);
        if (!SupportsReservationPages)
        {
            throw new PmsNotSupportedException($"The {Vendor} connector cannot resume reservation listings from a continuation token.", ConnectorCapabilities.None)
            {
                Vendor = Vendor,
                Operation = "GetReservationPages",
            };
        }

        if (continuationToken is not null && string.IsNullOrWhiteSpace(continuationToken))
        {
            throw new ArgumentException("A continuation token must not be empty; pass null to start at the first page.", nameof(continuationToken));
        }

        return EnumerateAsync("GetReservationPages", GetReservationPagesCoreAsync(query, continuationToken, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<GuestProfile>> SearchGuestsAsync(GuestSearch search, CancellationToken cancellationToken = default)
    {
        Require(ConnectorCapabilities.SearchGuests);
        PmsArguments.Validate(search);
        return RunAsync("SearchGuests", PmsOperationIntent.Read, search, static (self, s, ct) => self.SearchGuestsCoreAsync(s, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<GuestProfile> GetGuestAsync(string guestId, CancellationToken cancellationToken = default)
    {
        Require(ConnectorCapabilities.GuestProfiles);
        PmsArguments.Id(guestId);
        return RunAsync("GetGuest", PmsOperationIntent.Read, guestId, static (self, id, ct) => self.GetGuestCoreAsync(id, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<GuestProfile> UpsertGuestAsync(GuestProfile guest, CancellationToken cancellationToken = default)
    {
        Require(ConnectorCapabilities.UpsertGuest);
        PmsArguments.Validate(guest);
        return RunAsync("UpsertGuest", PmsOperationIntent.Write, guest, static (self, g, ct) => self.UpsertGuestCoreAsync(g, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ServiceOffer>> GetServiceOffersAsync(ServiceOfferRequest request, CancellationToken cancellationToken = default)
    {
        Require(ConnectorCapabilities.ServiceOffers);
        PmsArguments.Validate(request);
        return RunAsync("GetServiceOffers", PmsOperationIntent.Read, request, static (self, r, ct) => self.GetServiceOffersCoreAsync(r, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<Reservation> AddServiceAsync(string reservationId, ServiceOrder order, CancellationToken cancellationToken = default)
    {
        Require(ConnectorCapabilities.AddService);
        PmsArguments.Id(reservationId);
        PmsArguments.Validate(order);
        return RunAsync("AddService", PmsOperationIntent.Write, (reservationId, order), static (self, a, ct) => self.AddServiceCoreAsync(a.reservationId, a.order, ct), cancellationToken);
    }

    /// <inheritdoc />
    public virtual object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceType == typeof(IPmsReservationPages) && !SupportsReservationPages)
        {
            return null;
        }

        return serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <summary>Gets a value indicating whether the connector overrides <see cref="GetReservationPagesCoreAsync"/> and so offers <see cref="IPmsReservationPages"/>.</summary>
    protected virtual bool SupportsReservationPages => false;

    /// <summary>Checks that the vendor answers and accepts the credentials; throws on failure.</summary>
    /// <param name="cancellationToken">A token that cancels the check.</param>
    /// <returns>A task that completes when the check succeeded.</returns>
    protected virtual Task CheckHealthCoreAsync(CancellationToken cancellationToken) => GetPropertyCoreAsync(cancellationToken);

    /// <summary>Implements <see cref="GetPropertyAsync"/>.</summary>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The property.</returns>
    protected virtual Task<PmsProperty> GetPropertyCoreAsync(CancellationToken cancellationToken) => throw NotImplemented(ConnectorCapabilities.Inventory);

    /// <summary>Implements <see cref="GetRoomTypesAsync"/>.</summary>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The room types.</returns>
    protected virtual Task<IReadOnlyList<RoomType>> GetRoomTypesCoreAsync(CancellationToken cancellationToken) => throw NotImplemented(ConnectorCapabilities.Inventory);

    /// <summary>Implements <see cref="GetRatePlansAsync"/>.</summary>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The rate plans.</returns>
    protected virtual Task<IReadOnlyList<RatePlan>> GetRatePlansCoreAsync(CancellationToken cancellationToken) => throw NotImplemented(ConnectorCapabilities.RatePlans);

    /// <summary>Implements <see cref="GetAvailabilityAsync"/>; <paramref name="request"/> is valid.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The grid.</returns>
    protected virtual Task<AvailabilityGrid> GetAvailabilityCoreAsync(AvailabilityRequest request, CancellationToken cancellationToken) => throw NotImplemented(ConnectorCapabilities.Availability);

    /// <summary>Implements <see cref="QuoteAsync"/>; <paramref name="request"/> is valid.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The quotes.</returns>
    protected virtual Task<IReadOnlyList<RateQuote>> QuoteCoreAsync(QuoteRequest request, CancellationToken cancellationToken) => throw NotImplemented(ConnectorCapabilities.Quotes);

    /// <summary>Implements <see cref="CreateReservationAsync"/>; <paramref name="draft"/> is valid and has a <see cref="ReservationDraft.ClientReference"/>.</summary>
    /// <param name="draft">The draft.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The reservation.</returns>
    protected virtual Task<Reservation> CreateReservationCoreAsync(ReservationDraft draft, CancellationToken cancellationToken) => throw NotImplemented(ConnectorCapabilities.CreateReservation);

    /// <summary>Implements <see cref="GetReservationAsync"/>.</summary>
    /// <param name="reservationId">The reservation identifier.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The reservation.</returns>
    protected virtual Task<Reservation> GetReservationCoreAsync(string reservationId, CancellationToken cancellationToken) => throw NotImplemented(ConnectorCapabilities.ReadReservations);

    /// <summary>Implements <see cref="FindReservationAsync"/>; the number is trimmed.</summary>
    /// <param name="confirmationNumber">The confirmation number.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The reservation or <see langword="null"/>.</returns>
    protected virtual Task<Reservation?> FindReservationCoreAsync(string confirmationNumber, CancellationToken cancellationToken) => throw NotImplemented(ConnectorCapabilities.ReadReservations);

    /// <summary>Implements <see cref="ModifyReservationAsync"/>; <paramref name="changes"/> is valid and not empty.</summary>
    /// <param name="reservationId">The reservation identifier.</param>
    /// <param name="changes">The changes.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The reservation after the change.</returns>
    protected virtual Task<Reservation> ModifyReservationCoreAsync(string reservationId, ReservationChanges changes, CancellationToken cancellationToken) => throw NotImplemented(ConnectorCapabilities.ModifyReservation);

    /// <summary>Implements <see cref="CancelReservationAsync"/>.</summary>
    /// <param name="reservationId">The reservation identifier.</param>
    /// <param name="reason">The reason, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The cancelled reservation.</returns>
    protected virtual Task<Reservation> CancelReservationCoreAsync(string reservationId, string? reason, CancellationToken cancellationToken) => throw NotImplemented(ConnectorCapabilities.CancelReservation);

    /// <summary>Implements <see cref="GetReservationsAsync"/>; <paramref name="query"/> is valid. Use <see cref="ResolveQueryDateAsync"/> for the day.</summary>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">A token that cancels the enumeration.</param>
    /// <returns>The reservations.</returns>
    protected virtual IAsyncEnumerable<Reservation> GetReservationsCoreAsync(ReservationQuery query, CancellationToken cancellationToken) => throw NotImplemented(ConnectorCapabilities.ListReservations);

    /// <summary>
    /// Implements <see cref="GetReservationPagesAsync"/> (with <see cref="SupportsReservationPages"/>); <paramref name="query"/>
    /// is valid. Use a <see cref="Paging.PmsPager"/> with <see cref="ContinuationScope"/>; a token the pager refuses is an
    /// <see cref="ArgumentException"/>.
    /// </summary>
    /// <param name="query">The query.</param>
    /// <param name="continuationToken">Where to resume, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">A token that cancels the enumeration.</param>
    /// <returns>The pages.</returns>
    protected virtual IAsyncEnumerable<PmsPage<Reservation>> GetReservationPagesCoreAsync(ReservationQuery query, string? continuationToken, CancellationToken cancellationToken) =>
        throw NotImplemented(ConnectorCapabilities.ListReservations);

    /// <summary>
    /// What a listing is, for its continuation tokens: vendor, property, the query's kind, day (<paramref name="date"/>,
    /// the day a "today" query resolved to), instant and filters. A token is accepted only for the same scope.
    /// </summary>
    /// <param name="query">The query.</param>
    /// <param name="date">The property-local day the query lists, when it lists one.</param>
    /// <returns>The scope.</returns>
    protected string ContinuationScope(ReservationQuery query, DateOnly? date = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        return string.Join(
            '|',
            Vendor,
            PropertyId,
            query.Kind.ToString(),
            (date ?? query.Date)?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "-",
            query.Since?.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "-",
            query.IncludeCancelled ? "cancelled" : "active");
    }

    /// <summary>Implements <see cref="SearchGuestsAsync"/>; <paramref name="search"/> is valid.</summary>
    /// <param name="search">The search.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The guests.</returns>
    protected virtual Task<IReadOnlyList<GuestProfile>> SearchGuestsCoreAsync(GuestSearch search, CancellationToken cancellationToken) => throw NotImplemented(ConnectorCapabilities.SearchGuests);

    /// <summary>Implements <see cref="GetGuestAsync"/>.</summary>
    /// <param name="guestId">The guest identifier.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The guest.</returns>
    protected virtual Task<GuestProfile> GetGuestCoreAsync(string guestId, CancellationToken cancellationToken) => throw NotImplemented(ConnectorCapabilities.GuestProfiles);

    /// <summary>Implements <see cref="UpsertGuestAsync"/>; <paramref name="guest"/> is valid.</summary>
    /// <param name="guest">The guest.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The stored guest.</returns>
    protected virtual Task<GuestProfile> UpsertGuestCoreAsync(GuestProfile guest, CancellationToken cancellationToken) => throw NotImplemented(ConnectorCapabilities.UpsertGuest);

    /// <summary>Implements <see cref="GetServiceOffersAsync"/>; <paramref name="request"/> is valid.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The offers.</returns>
    protected virtual Task<IReadOnlyList<ServiceOffer>> GetServiceOffersCoreAsync(ServiceOfferRequest request, CancellationToken cancellationToken) => throw NotImplemented(ConnectorCapabilities.ServiceOffers);

    /// <summary>Implements <see cref="AddServiceAsync"/>; <paramref name="order"/> is valid.</summary>
    /// <param name="reservationId">The reservation identifier.</param>
    /// <param name="order">The order.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The reservation after the change.</returns>
    protected virtual Task<Reservation> AddServiceCoreAsync(string reservationId, ServiceOrder order, CancellationToken cancellationToken) => throw NotImplemented(ConnectorCapabilities.AddService);

    /// <summary>
    /// Resolves the property-local day of a query: <see cref="ReservationQuery.Date"/> when set, otherwise today in the
    /// property's time zone by <see cref="TimeProvider"/>.
    /// </summary>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The day.</returns>
    protected async ValueTask<DateOnly> ResolveQueryDateAsync(ReservationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Date is { } date)
        {
            return date;
        }

        var property = await GetPropertyCoreAsync(cancellationToken).ConfigureAwait(false);
        return property.LocalDate(TimeProvider.GetUtcNow());
    }

    /// <summary>Makes a new client reference: 32 hexadecimal characters, unique.</summary>
    /// <returns>The reference.</returns>
    protected virtual string NewClientReference() => Guid.NewGuid().ToString("N");

    /// <summary>
    /// Runs a core member with its operation and intent on the asynchronous flow (<see cref="PmsOperation"/>), so that
    /// the HTTP pipeline knows which requests it may retry. Asynchronous so that the flow's state is restored on return.
    /// </summary>
    private Task<TResult> RunAsync<TArgument, TResult>(
        string operation,
        PmsOperationIntent intent,
        TArgument argument,
        Func<PmsConnector, TArgument, CancellationToken, Task<TResult>> core,
        CancellationToken cancellationToken)
    {
        // The telemetry layer of a registered hotel has entered this very operation already: nothing to set or restore.
        if (PmsOperationContext.IsCurrent(operation, intent))
        {
            return core(this, argument, cancellationToken);
        }

        return RunInScopeAsync(this, operation, intent, argument, core, cancellationToken);

        static async Task<TResult> RunInScopeAsync(
            PmsConnector self,
            string operation,
            PmsOperationIntent intent,
            TArgument argument,
            Func<PmsConnector, TArgument, CancellationToken, Task<TResult>> core,
            CancellationToken cancellationToken)
        {
            using (PmsOperationContext.Enter(operation, intent))
            {
                return await core(self, argument, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The intent of a public member, by operation name, as the members of this class set it (the telemetry layer sets the same).</summary>
    internal static PmsOperationIntent IntentOf(string operation, ConnectorCapabilities capabilities) => operation switch
    {
        "CreateReservation" => (capabilities & ConnectorCapabilities.IdempotentCreate) != 0 ? PmsOperationIntent.IdempotentWrite : PmsOperationIntent.Write,
        "ModifyReservation" or "CancelReservation" or "UpsertGuest" or "AddService" => PmsOperationIntent.Write,
        _ => PmsOperationIntent.Read,
    };

    /// <summary>Enumerates a listing with its operation and the read intent on the flow during every page fetch.</summary>
    private static async IAsyncEnumerable<T> EnumerateAsync<T>(string operation, IAsyncEnumerable<T> items, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var enumerator = items.GetAsyncEnumerator(cancellationToken);
        await using (enumerator.ConfigureAwait(false))
        {
            while (true)
            {
                // Under the telemetry layer the flow is in this operation already and entering it is a no-op.
                using (PmsOperationContext.Enter(operation, PmsOperationIntent.Read))
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }

                yield return enumerator.Current;
            }
        }
    }

    /// <summary>Builds the exception for an operation whose capability is declared but whose core member was not overridden.</summary>
    /// <param name="capability">The capability.</param>
    /// <param name="operation">The operation; supplied by the compiler.</param>
    /// <returns>The exception to throw.</returns>
    protected PmsNotSupportedException NotImplemented(ConnectorCapabilities capability, [CallerMemberName] string operation = "")
    {
        Debug.Assert(operation.Length > 0, "CallerMemberName supplies the operation.");
        return new PmsNotSupportedException($"The {Vendor} connector does not implement {operation.Replace("CoreAsync", string.Empty, StringComparison.Ordinal)}.", capability)
        {
            Vendor = Vendor,
            Operation = operation.Replace("CoreAsync", string.Empty, StringComparison.Ordinal),
        };
    }

    /// <summary>
    /// Says why the vendor lacks capabilities, in the vendor's terms and with the source of the fact; appended to the
    /// message of the <see cref="PmsNotSupportedException"/> a member throws before any I/O. The default says nothing.
    /// </summary>
    /// <param name="missing">The capabilities the member needs and the connector does not declare.</param>
    /// <returns>The reason, or <see langword="null"/>.</returns>
    protected virtual string? ExplainUnsupported(ConnectorCapabilities missing) => null;

    /// <summary>Throws <see cref="PmsNotSupportedException"/> unless every flag of <paramref name="capability"/> is declared.</summary>
    /// <param name="capability">The capability required.</param>
    /// <param name="operation">The operation; supplied by the compiler.</param>
    protected void Require(ConnectorCapabilities capability, [CallerMemberName] string operation = "")
    {
        if ((Capabilities & capability) != capability)
        {
            var name = operation.EndsWith("Async", StringComparison.Ordinal) ? operation[..^5] : operation;
            var reason = ExplainUnsupported(capability & ~Capabilities);
            throw new PmsNotSupportedException($"The {Vendor} connector does not support {name} (capability {capability & ~Capabilities}).{(reason is null ? string.Empty : " " + reason)}", capability & ~Capabilities)
            {
                Vendor = Vendor,
                Operation = name,
            };
        }
    }
}
