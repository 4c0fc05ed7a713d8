using System.Runtime.CompilerServices;

namespace HotelPlatform.Connectors.InMemory;

/// <summary>
/// The <see cref="IPmsConnector"/> of an in-memory hotel (<see cref="InMemoryPms"/>). It derives from
/// <see cref="PmsConnector"/>, so arguments are validated and capabilities checked exactly as for a real vendor; it then
/// serves each call from the in-memory state. <c>GetService(typeof(InMemoryPms))</c> returns the state, so a test that
/// only holds the connector (for example one resolved from DI) can still seed it and check guests in.
/// </summary>
/// <remarks>
/// Declare fewer <see cref="IPmsConnector.Capabilities"/> to see how an application copes with a vendor that lacks a
/// feature: the missing members throw <see cref="PmsNotSupportedException"/> before touching the state.
/// </remarks>
public sealed class InMemoryPmsConnector : PmsConnector
{
    /// <summary>The page size of reservation lists when the query does not set one.</summary>
    public const int DefaultPageSize = 50;

    private readonly int _pageSize;

    /// <summary>Initializes a new instance of the <see cref="InMemoryPmsConnector"/> class.</summary>
    /// <param name="pms">The hotel to serve; its <see cref="InMemoryPms.TimeProvider"/> defines "today".</param>
    /// <param name="capabilities">What the connector declares; <see cref="ConnectorCapabilities.All"/> by default.</param>
    /// <param name="pageSize">The page size of reservation lists whose query sets none (1 to 1000).</param>
    public InMemoryPmsConnector(InMemoryPms pms, ConnectorCapabilities capabilities = ConnectorCapabilities.All, int pageSize = DefaultPageSize)
        : base(PmsVendors.InMemory, PropertyOf(pms), capabilities, pms.TimeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 1000);
        Pms = pms;
        _pageSize = pageSize;
    }

    /// <summary>Gets the hotel this connector serves.</summary>
    public InMemoryPms Pms { get; }

    /// <inheritdoc />
    public override object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(Pms) ? Pms : base.GetService(serviceType, serviceKey);
    }

    /// <inheritdoc />
    protected override Task<PmsProperty> GetPropertyCoreAsync(CancellationToken cancellationToken) =>
        Serve(Pms.ServeProperty, cancellationToken);

    /// <inheritdoc />
    protected override Task<IReadOnlyList<RoomType>> GetRoomTypesCoreAsync(CancellationToken cancellationToken) =>
        Serve(Pms.ServeRoomTypes, cancellationToken);

    /// <inheritdoc />
    protected override Task<IReadOnlyList<RatePlan>> GetRatePlansCoreAsync(CancellationToken cancellationToken) =>
        Serve(Pms.ServeRatePlans, cancellationToken);

    /// <inheritdoc />
    protected override Task<AvailabilityGrid> GetAvailabilityCoreAsync(AvailabilityRequest request, CancellationToken cancellationToken) =>
        Serve(() => Pms.ServeAvailability(request), cancellationToken);

    /// <inheritdoc />
    protected override Task<IReadOnlyList<RateQuote>> QuoteCoreAsync(QuoteRequest request, CancellationToken cancellationToken) =>
        Serve(() => Pms.ServeQuote(request), cancellationToken);

    /// <inheritdoc />
    protected override Task<Reservation> CreateReservationCoreAsync(ReservationDraft draft, CancellationToken cancellationToken) =>
        Serve(() => Pms.ServeCreate(draft), cancellationToken);

    /// <inheritdoc />
    protected override Task<Reservation> GetReservationCoreAsync(string reservationId, CancellationToken cancellationToken) =>
        Serve(() => Pms.ServeGet(reservationId), cancellationToken);

    /// <inheritdoc />
    protected override Task<Reservation?> FindReservationCoreAsync(string confirmationNumber, CancellationToken cancellationToken) =>
        Serve(() => Pms.ServeFind(confirmationNumber), cancellationToken);

    /// <inheritdoc />
    protected override Task<Reservation> ModifyReservationCoreAsync(string reservationId, ReservationChanges changes, CancellationToken cancellationToken) =>
        Serve(() => Pms.ServeModify(reservationId, changes), cancellationToken);

    /// <inheritdoc />
    protected override Task<Reservation> CancelReservationCoreAsync(string reservationId, string? reason, CancellationToken cancellationToken) =>
        Serve(() => Pms.ServeCancel(reservationId, reason), cancellationToken);

    /// <inheritdoc />
    protected override async IAsyncEnumerable<Reservation> GetReservationsCoreAsync(ReservationQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The day is fixed once, when enumeration starts: a list that spans midnight stays the list of one day.
        var day = query.Kind == ReservationQueryKind.ChangedSince ? default : await ResolveQueryDateAsync(query, cancellationToken).ConfigureAwait(false);
        var pageSize = query.PageSize ?? _pageSize;
        InMemoryPms.PageCursor? cursor = null;
        for (var pageNumber = 1; ; pageNumber++)
        {
            // One page per step, fetched only when the caller has consumed the previous one (as a vendor's pages are).
            cancellationToken.ThrowIfCancellationRequested();
            var page = Pms.ServePage(query, day, pageSize, cursor, pageNumber);
            foreach (var reservation in page.Items)
            {
                yield return reservation;
            }

            if (page.Next is null)
            {
                yield break;
            }

            cursor = page.Next;
        }
    }

    /// <inheritdoc />
    protected override Task<IReadOnlyList<GuestProfile>> SearchGuestsCoreAsync(GuestSearch search, CancellationToken cancellationToken) =>
        Serve(() => Pms.ServeSearchGuests(search), cancellationToken);

    /// <inheritdoc />
    protected override Task<GuestProfile> GetGuestCoreAsync(string guestId, CancellationToken cancellationToken) =>
        Serve(() => Pms.ServeGetGuest(guestId), cancellationToken);

    /// <inheritdoc />
    protected override Task<GuestProfile> UpsertGuestCoreAsync(GuestProfile guest, CancellationToken cancellationToken) =>
        Serve(() => Pms.ServeUpsertGuest(guest), cancellationToken);

    /// <inheritdoc />
    protected override Task<IReadOnlyList<ServiceOffer>> GetServiceOffersCoreAsync(ServiceOfferRequest request, CancellationToken cancellationToken) =>
        Serve(() => Pms.ServeServiceOffers(request), cancellationToken);

    /// <inheritdoc />
    protected override Task<Reservation> AddServiceCoreAsync(string reservationId, ServiceOrder order, CancellationToken cancellationToken) =>
        Serve(() => Pms.ServeAddService(reservationId, order), cancellationToken);

    private static string PropertyOf(InMemoryPms pms)
    {
        ArgumentNullException.ThrowIfNull(pms);
        return pms.Property.VendorId;
    }

    /// <summary>Runs a call on the caller's thread; failures surface through the task, as they would from a network call.</summary>
    private static Task<T> Serve<T>(Func<T> call, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            return Task.FromResult(call());
        }
        catch (Exception ex)
        {
            return Task.FromException<T>(ex);
        }
    }
}
