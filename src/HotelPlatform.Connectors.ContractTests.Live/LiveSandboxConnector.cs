using System.Runtime.CompilerServices;
using System.Threading.RateLimiting;

namespace HotelPlatform.Connectors.ContractTests.Live;

/// <summary>
/// The connector a live kit run works through: it keeps the run safe on a real account and tolerant of a sandbox that
/// indexes asynchronously. It paces calls, refuses writes in <see cref="LiveSandboxMode.ReadOnly"/> (the test is
/// skipped with the reason), records every reservation the run creates in the <see cref="LiveSandboxLedger"/>, and
/// waits, up to <see cref="LiveSandboxSettings.VisibilityWait"/>, for a reservation the run created to become readable.
/// </summary>
internal sealed class LiveSandboxConnector : DelegatingPmsConnector
{
    private readonly LiveSandboxSettings _settings;
    private readonly LiveSandboxLedger _ledger;
    private readonly Action<string> _skip;
    private readonly TimeProvider _timeProvider;
    private readonly TokenBucketRateLimiter _pace;
    private int _calls;

    /// <param name="inner">The vendor's connector.</param>
    /// <param name="settings">The run's settings.</param>
    /// <param name="ledger">Where created reservations are recorded.</param>
    /// <param name="skip">Ends the current test as skipped with the reason; must throw.</param>
    /// <param name="timeProvider">The clock the visibility wait runs on.</param>
    public LiveSandboxConnector(IPmsConnector inner, LiveSandboxSettings settings, LiveSandboxLedger ledger, Action<string> skip, TimeProvider timeProvider)
        : base(inner)
    {
        _settings = settings;
        _ledger = ledger;
        _skip = skip;
        _timeProvider = timeProvider;

        // At most one call per 1/CallsPerSecond seconds, no burst: the kit's steadiness is what a sandbox owner sees.
        var period = TimeSpan.FromSeconds(1 / settings.CallsPerSecond);
        _pace = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 1,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = period < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : period,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    /// <summary>Gets or sets the identifiers known not to exist at the vendor (the scenario's unknown ids): writes aimed at them run in read-only mode.</summary>
    public IReadOnlySet<string> KnownAbsentIds { get; set; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Gets how many calls the run made through this connector.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <inheritdoc />
    public override async Task<PmsHealthReport> CheckHealthAsync(CancellationToken cancellationToken = default) =>
        await Paced(() => base.CheckHealthAsync(cancellationToken), cancellationToken);

    /// <inheritdoc />
    public override async Task<PmsProperty> GetPropertyAsync(CancellationToken cancellationToken = default) =>
        await Paced(() => base.GetPropertyAsync(cancellationToken), cancellationToken);

    /// <inheritdoc />
    public override async Task<IReadOnlyList<RoomType>> GetRoomTypesAsync(CancellationToken cancellationToken = default) =>
        await Paced(() => base.GetRoomTypesAsync(cancellationToken), cancellationToken);

    /// <inheritdoc />
    public override async Task<IReadOnlyList<RatePlan>> GetRatePlansAsync(CancellationToken cancellationToken = default) =>
        await Paced(() => base.GetRatePlansAsync(cancellationToken), cancellationToken);

    /// <inheritdoc />
    public override async Task<AvailabilityGrid> GetAvailabilityAsync(AvailabilityRequest request, CancellationToken cancellationToken = default) =>
        await Paced(() => base.GetAvailabilityAsync(request, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public override async Task<IReadOnlyList<RateQuote>> QuoteAsync(QuoteRequest request, CancellationToken cancellationToken = default) =>
        await Paced(() => base.QuoteAsync(request, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public override async Task<Reservation> CreateReservationAsync(ReservationDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        RefuseWriteInReadOnlyMode(nameof(CreateReservationAsync), target: null);
        try
        {
            var reservation = await Paced(() => base.CreateReservationAsync(draft, cancellationToken), cancellationToken);
            _ledger.Created(reservation, draft.ClientReference);
            return reservation;
        }
        catch (PmsUnavailableException ex) when (ex.OutcomeUnknown)
        {
            // It may have been booked: the sweep at the end looks the reference up.
            _ledger.MaybeCreated(draft.ClientReference);
            throw;
        }
    }

    /// <inheritdoc />
    public override async Task<Reservation> GetReservationAsync(string reservationId, CancellationToken cancellationToken = default)
    {
        var deadline = _ledger.IsCreatedByRun(reservationId) ? _timeProvider.GetUtcNow() + _settings.VisibilityWait : DateTimeOffset.MinValue;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await Paced(() => base.GetReservationAsync(reservationId, cancellationToken), cancellationToken);
            }
            catch (PmsNotFoundException) when (_timeProvider.GetUtcNow() < deadline)
            {
                // Created by this run but not indexed yet: read again after a wait.
            }

            await WaitForVisibilityAsync(deadline, attempt, cancellationToken);
        }
    }

    /// <inheritdoc />
    public override async Task<Reservation?> FindReservationAsync(string confirmationNumber, CancellationToken cancellationToken = default)
    {
        var deadline = _ledger.IsConfirmationOfRun(confirmationNumber) ? _timeProvider.GetUtcNow() + _settings.VisibilityWait : DateTimeOffset.MinValue;
        for (var attempt = 0; ; attempt++)
        {
            var found = await Paced(() => base.FindReservationAsync(confirmationNumber, cancellationToken), cancellationToken);
            if (found is not null || _timeProvider.GetUtcNow() >= deadline)
            {
                return found;
            }

            await WaitForVisibilityAsync(deadline, attempt, cancellationToken);
        }
    }

    /// <inheritdoc />
    public override async Task<Reservation> ModifyReservationAsync(string reservationId, ReservationChanges changes, CancellationToken cancellationToken = default)
    {
        RefuseWriteInReadOnlyMode(nameof(ModifyReservationAsync), reservationId);
        return await Paced(() => base.ModifyReservationAsync(reservationId, changes, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public override async Task<Reservation> CancelReservationAsync(string reservationId, string? reason = null, CancellationToken cancellationToken = default)
    {
        RefuseWriteInReadOnlyMode(nameof(CancelReservationAsync), reservationId);
        var cancelled = await Paced(() => base.CancelReservationAsync(reservationId, reason, cancellationToken), cancellationToken);
        _ledger.Cancelled(reservationId);
        return cancelled;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<Reservation> GetReservationsAsync(ReservationQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await AcquireAsync(cancellationToken);
        await foreach (var reservation in base.GetReservationsAsync(query, cancellationToken))
        {
            yield return reservation;
        }
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<GuestProfile>> SearchGuestsAsync(GuestSearch search, CancellationToken cancellationToken = default) =>
        await Paced(() => base.SearchGuestsAsync(search, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public override async Task<GuestProfile> GetGuestAsync(string guestId, CancellationToken cancellationToken = default) =>
        await Paced(() => base.GetGuestAsync(guestId, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public override async Task<GuestProfile> UpsertGuestAsync(GuestProfile guest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(guest);
        RefuseWriteInReadOnlyMode(nameof(UpsertGuestAsync), guest.VendorId);
        return await Paced(() => base.UpsertGuestAsync(guest, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<ServiceOffer>> GetServiceOffersAsync(ServiceOfferRequest request, CancellationToken cancellationToken = default) =>
        await Paced(() => base.GetServiceOffersAsync(request, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public override async Task<Reservation> AddServiceAsync(string reservationId, ServiceOrder order, CancellationToken cancellationToken = default)
    {
        RefuseWriteInReadOnlyMode(nameof(AddServiceAsync), reservationId);
        return await Paced(() => base.AddServiceAsync(reservationId, order, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>The vendor's connector is not disposed: it belongs to the run's container, shared by every area's fixture.</remarks>
    protected override ValueTask DisposeAsyncCore()
    {
        _pace.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _pace.Dispose();
        }
    }

    private void RefuseWriteInReadOnlyMode(string member, string? target)
    {
        // A write aimed at an identifier the scenario says does not exist changes nothing: the not-found tests run.
        if (_settings.Mode == LiveSandboxMode.Full || (target is not null && KnownAbsentIds.Contains(target)))
        {
            return;
        }

        _skip($"Read-only live run ({_settings.Prefix}{LiveSandboxSettings.ModeVariable} is not 'full'): {member} would change the {_settings.Vendor} sandbox.");
        throw new InvalidOperationException("The skip callback returned; it must throw to end the test.");
    }

    private async Task<T> Paced<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        await AcquireAsync(cancellationToken);
        return await call();
    }

    private async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        using var lease = await _pace.AcquireAsync(1, cancellationToken);
        Interlocked.Increment(ref _calls);
    }

    private Task WaitForVisibilityAsync(DateTimeOffset deadline, int attempt, CancellationToken cancellationToken)
    {
        // 250 ms, 500 ms, 1 s, then every 2 s, never past the deadline: most sandboxes index within a second or two.
        var remaining = TimeSpan.FromTicks(Math.Max(0, (deadline - _timeProvider.GetUtcNow()).Ticks));
        var delay = TimeSpan.FromMilliseconds(Math.Min(2000, 250 * Math.Pow(2, Math.Min(attempt, 4))));
        return Task.Delay(delay < remaining ? delay : remaining, _timeProvider, cancellationToken);
    }
}
