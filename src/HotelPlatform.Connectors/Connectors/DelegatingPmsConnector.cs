namespace HotelPlatform.Connectors;

/// <summary>
/// A connector that forwards every call to an inner connector: the base of middleware over operations (telemetry,
/// availability caching, ...). Override the members you want to intercept. Modelled on
/// Microsoft.Extensions.AI's <c>DelegatingChatClient</c>.
/// </summary>
public class DelegatingPmsConnector : IPmsConnector, IDisposable, IAsyncDisposable
{
    private int _disposed;

    /// <summary>Initializes a new instance of the <see cref="DelegatingPmsConnector"/> class.</summary>
    /// <param name="innerConnector">The connector calls are forwarded to.</param>
    public DelegatingPmsConnector(IPmsConnector innerConnector)
    {
        ArgumentNullException.ThrowIfNull(innerConnector);
        InnerConnector = innerConnector;
    }

    /// <summary>Gets the connector calls are forwarded to.</summary>
    protected IPmsConnector InnerConnector { get; }

    /// <inheritdoc />
    public virtual string Vendor => InnerConnector.Vendor;

    /// <inheritdoc />
    public virtual string PropertyId => InnerConnector.PropertyId;

    /// <inheritdoc />
    public virtual ConnectorCapabilities Capabilities => InnerConnector.Capabilities;

    /// <inheritdoc />
    public virtual Task<PmsHealthReport> CheckHealthAsync(CancellationToken cancellationToken = default) =>
        InnerConnector.CheckHealthAsync(cancellationToken);

    /// <inheritdoc />
    public virtual Task<PmsProperty> GetPropertyAsync(CancellationToken cancellationToken = default) =>
        InnerConnector.GetPropertyAsync(cancellationToken);

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<RoomType>> GetRoomTypesAsync(CancellationToken cancellationToken = default) =>
        InnerConnector.GetRoomTypesAsync(cancellationToken);

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<RatePlan>> GetRatePlansAsync(CancellationToken cancellationToken = default) =>
        InnerConnector.GetRatePlansAsync(cancellationToken);

    /// <inheritdoc />
    public virtual Task<AvailabilityGrid> GetAvailabilityAsync(AvailabilityRequest request, CancellationToken cancellationToken = default) =>
        InnerConnector.GetAvailabilityAsync(request, cancellationToken);

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<RateQuote>> QuoteAsync(QuoteRequest request, CancellationToken cancellationToken = default) =>
        InnerConnector.QuoteAsync(request, cancellationToken);

    /// <inheritdoc />
    public virtual Task<Reservation> CreateReservationAsync(ReservationDraft draft, CancellationToken cancellationToken = default) =>
        InnerConnector.CreateReservationAsync(draft, cancellationToken);

    /// <inheritdoc />
    public virtual Task<Reservation> GetReservationAsync(string reservationId, CancellationToken cancellationToken = default) =>
        InnerConnector.GetReservationAsync(reservationId, cancellationToken);

    /// <inheritdoc />
    public virtual Task<Reservation?> FindReservationAsync(string confirmationNumber, CancellationToken cancellationToken = default) =>
        InnerConnector.FindReservationAsync(confirmationNumber, cancellationToken);

    /// <inheritdoc />
    public virtual Task<Reservation> ModifyReservationAsync(string reservationId, ReservationChanges changes, CancellationToken cancellationToken = default) =>
        InnerConnector.ModifyReservationAsync(reservationId, changes, cancellationToken);

    /// <inheritdoc />
    public virtual Task<Reservation> CancelReservationAsync(string reservationId, string? reason = null, CancellationToken cancellationToken = default) =>
        InnerConnector.CancelReservationAsync(reservationId, reason, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<Reservation> GetReservationsAsync(ReservationQuery query, CancellationToken cancellationToken = default) =>
        InnerConnector.GetReservationsAsync(query, cancellationToken);

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<GuestProfile>> SearchGuestsAsync(GuestSearch search, CancellationToken cancellationToken = default) =>
        InnerConnector.SearchGuestsAsync(search, cancellationToken);

    /// <inheritdoc />
    public virtual Task<GuestProfile> GetGuestAsync(string guestId, CancellationToken cancellationToken = default) =>
        InnerConnector.GetGuestAsync(guestId, cancellationToken);

    /// <inheritdoc />
    public virtual Task<GuestProfile> UpsertGuestAsync(GuestProfile guest, CancellationToken cancellationToken = default) =>
        InnerConnector.UpsertGuestAsync(guest, cancellationToken);

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<ServiceOffer>> GetServiceOffersAsync(ServiceOfferRequest request, CancellationToken cancellationToken = default) =>
        InnerConnector.GetServiceOffersAsync(request, cancellationToken);

    /// <inheritdoc />
    public virtual Task<Reservation> AddServiceAsync(string reservationId, ServiceOrder order, CancellationToken cancellationToken = default) =>
        InnerConnector.AddServiceAsync(reservationId, order, cancellationToken);

    /// <inheritdoc />
    public virtual object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(this) ? this : InnerConnector.GetService(serviceType, serviceKey);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!TryBeginDispose())
        {
            return;
        }

        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!TryBeginDispose())
        {
            return;
        }

        await DisposeAsyncCore().ConfigureAwait(false);
        Dispose(disposing: false);
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Disposes the inner connector asynchronously (the standard async-dispose pattern: a subclass holding resources of its
    /// own overrides this and <see cref="Dispose(bool)"/>, calling the base of each).
    /// </summary>
    /// <returns>A task that completes when the inner connector is disposed.</returns>
    protected virtual async ValueTask DisposeAsyncCore()
    {
        if (InnerConnector is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            (InnerConnector as IDisposable)?.Dispose();
        }
    }

    // The outermost connector of a hotel is owned twice: the container disposes what its keyed factory returned and the
    // registry disposes what it made (connectors resolved only through the registry). Disposing once keeps inner
    // connectors that are not idempotent on Dispose safe.
    private bool TryBeginDispose() => Interlocked.Exchange(ref _disposed, 1) == 0;

    /// <summary>Disposes the inner connector when called from <see cref="Dispose()"/>.</summary>
    /// <param name="disposing"><see langword="true"/> when called from <see cref="Dispose()"/>; <see langword="false"/> after <see cref="DisposeAsyncCore"/> released the managed resources.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            (InnerConnector as IDisposable)?.Dispose();
        }
    }
}
