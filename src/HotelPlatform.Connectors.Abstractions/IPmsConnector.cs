namespace HotelPlatform.Connectors;

/// <summary>
/// One hotel's property-management system: a property at one vendor account, reached through one vendor's API.
/// </summary>
/// <remarks>
/// <para>
/// Implementations are thread-safe and meant to be long-lived (register them as singletons). Every member
/// validates its arguments and checks <see cref="Capabilities"/> before any I/O: bad input throws
/// <see cref="ArgumentException"/>, an absent capability throws <see cref="PmsNotSupportedException"/>.
/// Failures of the vendor surface as <see cref="PmsException"/> subtypes.
/// </para>
/// <para>
/// Writes are exactly-once: <see cref="CreateReservationAsync"/> uses the vendor's idempotency mechanism or a client
/// reference the vendor stores, so a retried create never books twice.
/// </para>
/// <para>
/// <b>How this interface grows.</b> Its members are fixed: a connector compiled against this version keeps compiling and
/// working against later ones. Operations added later (folios, group blocks, ARI push, ...) come as separate sub-client
/// interfaces, each marked with <see cref="PmsFeatureAttribute"/>, that a connector offers through
/// <see cref="GetService"/>: <c>pms.GetService&lt;IPmsFolios&gt;()</c> is <see langword="null"/> where the vendor or the
/// connector lacks the feature, and <c>pms.GetRequiredService&lt;IPmsFolios&gt;()</c> throws
/// <see cref="PmsNotSupportedException"/> naming the vendor and the feature. Not default interface members: a
/// middleware (<c>DelegatingPmsConnector</c>) compiled before a member existed would answer it with the default instead
/// of forwarding it, hiding the feature of the connector it wraps; <see cref="GetService"/> is forwarded by every layer.
/// The contract kit runs a feature's test area when <see cref="GetService"/> offers the feature. See ADR 0010.
/// </para>
/// </remarks>
public interface IPmsConnector
{
    /// <summary>Gets the vendor name, one of <see cref="PmsVendors"/> for the built-in connectors.</summary>
    string Vendor { get; }

    /// <summary>Gets the vendor's identifier of the property this connector is bound to.</summary>
    string PropertyId { get; }

    /// <summary>Gets what this connector can do. A member whose capability is absent throws <see cref="PmsNotSupportedException"/>.</summary>
    ConnectorCapabilities Capabilities { get; }

    /// <summary>Checks that the vendor is reachable and the credentials are accepted.</summary>
    /// <param name="cancellationToken">A token that cancels the check.</param>
    /// <returns>The health of the connection; a failure is reported, not thrown.</returns>
    Task<PmsHealthReport> CheckHealthAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets the property: its name, IANA time zone and currency.</summary>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The property this connector is bound to.</returns>
    Task<PmsProperty> GetPropertyAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets the room types (vendor: unit groups, room categories, resource categories) of the property.</summary>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The property's room types.</returns>
    Task<IReadOnlyList<RoomType>> GetRoomTypesAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets the rate plans of the property.</summary>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The property's rate plans.</returns>
    Task<IReadOnlyList<RatePlan>> GetRatePlansAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets, per room type and night, how many rooms can be sold and the stay restrictions in force.</summary>
    /// <param name="request">The stay dates and optional room-type filter.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The availability grid, one row per room type and one cell per night from arrival to the night before departure.</returns>
    Task<AvailabilityGrid> GetAvailabilityAsync(AvailabilityRequest request, CancellationToken cancellationToken = default);

    /// <summary>Prices a stay: one quote per sellable room type and rate plan, with the nightly breakdown, taxes, fees and cancellation policy.</summary>
    /// <param name="request">The stay and occupancy to price.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The quotes; empty when nothing can be sold for the stay.</returns>
    Task<IReadOnlyList<RateQuote>> QuoteAsync(QuoteRequest request, CancellationToken cancellationToken = default);

    /// <summary>Books a stay, exactly once for a given <see cref="ReservationDraft.ClientReference"/>.</summary>
    /// <param name="draft">The stay, room type, rate plan and guest to book.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The reservation the vendor created (or had created for the same client reference).</returns>
    /// <exception cref="PmsConflictException">The room type is no longer available for the stay.</exception>
    Task<Reservation> CreateReservationAsync(ReservationDraft draft, CancellationToken cancellationToken = default);

    /// <summary>Gets a reservation by the vendor's reservation identifier.</summary>
    /// <param name="reservationId">The vendor's reservation identifier (<see cref="Reservation.VendorId"/>).</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The reservation.</returns>
    /// <exception cref="PmsNotFoundException">No reservation has that identifier.</exception>
    Task<Reservation> GetReservationAsync(string reservationId, CancellationToken cancellationToken = default);

    /// <summary>Finds a reservation by the number a guest would quote on the phone: the vendor's confirmation number or a channel's booking reference.</summary>
    /// <param name="confirmationNumber">The confirmation number or external (channel) reference.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The reservation, or <see langword="null"/> when none matches.</returns>
    Task<Reservation?> FindReservationAsync(string confirmationNumber, CancellationToken cancellationToken = default);

    /// <summary>Changes a reservation: stay dates, occupancy, room type, rate plan, guest details or comments.</summary>
    /// <param name="reservationId">The vendor's reservation identifier.</param>
    /// <param name="changes">The changes; members left <see langword="null"/> are not changed.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The reservation after the change.</returns>
    Task<Reservation> ModifyReservationAsync(string reservationId, ReservationChanges changes, CancellationToken cancellationToken = default);

    /// <summary>Cancels a reservation. Cancelling a reservation that is already cancelled returns it unchanged.</summary>
    /// <param name="reservationId">The vendor's reservation identifier.</param>
    /// <param name="reason">An optional reason, stored where the vendor has a field for it.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The cancelled reservation.</returns>
    /// <exception cref="PmsConflictException">The reservation is in house, checked out or otherwise past cancelling.</exception>
    Task<Reservation> CancelReservationAsync(string reservationId, string? reason = null, CancellationToken cancellationToken = default);

    /// <summary>Lists reservations: arrivals, departures or in-house guests of a day, or reservations changed since an instant.</summary>
    /// <param name="query">What to list; see the factory methods of <see cref="ReservationQuery"/>.</param>
    /// <param name="cancellationToken">A token that cancels the enumeration.</param>
    /// <returns>The reservations, fetched page by page as the sequence is enumerated.</returns>
    IAsyncEnumerable<Reservation> GetReservationsAsync(ReservationQuery query, CancellationToken cancellationToken = default);

    /// <summary>Searches guests by e-mail, phone or name.</summary>
    /// <param name="search">The search criteria; at least one must be set.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The matching guests, at most <see cref="GuestSearch.MaxResults"/>.</returns>
    Task<IReadOnlyList<GuestProfile>> SearchGuestsAsync(GuestSearch search, CancellationToken cancellationToken = default);

    /// <summary>Gets a guest profile by the vendor's identifier.</summary>
    /// <param name="guestId">The vendor's guest (customer, profile) identifier.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The guest profile.</returns>
    /// <exception cref="PmsNotFoundException">No guest has that identifier.</exception>
    Task<GuestProfile> GetGuestAsync(string guestId, CancellationToken cancellationToken = default);

    /// <summary>Creates a guest profile (when <see cref="GuestProfile.VendorId"/> is <see langword="null"/>) or updates it.</summary>
    /// <param name="guest">The profile to write.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The profile as stored by the vendor.</returns>
    Task<GuestProfile> UpsertGuestAsync(GuestProfile guest, CancellationToken cancellationToken = default);

    /// <summary>Gets the extras (breakfast, parking, late check-out, ...) that can be sold for a stay or an existing reservation.</summary>
    /// <param name="request">The stay or reservation the extras are for.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The offers with their prices.</returns>
    Task<IReadOnlyList<ServiceOffer>> GetServiceOffersAsync(ServiceOfferRequest request, CancellationToken cancellationToken = default);

    /// <summary>Adds an extra to a reservation.</summary>
    /// <param name="reservationId">The vendor's reservation identifier.</param>
    /// <param name="order">The service and quantity to add.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The reservation after the service was added.</returns>
    Task<Reservation> AddServiceAsync(string reservationId, ServiceOrder order, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets a feature sub-client added after this interface's first release (see <see cref="PmsFeatureAttribute"/>) or a
    /// vendor-specific service (the raw vendor client, OPERA blocks, SiteMinder ARI push, ...). Middleware forwards it to
    /// the connector it wraps.
    /// </summary>
    /// <param name="serviceType">The type of service requested.</param>
    /// <param name="serviceKey">An optional key to distinguish services of the same type.</param>
    /// <returns>The service, or <see langword="null"/> when this connector has none of that type.</returns>
    object? GetService(Type serviceType, object? serviceKey = null);
}
