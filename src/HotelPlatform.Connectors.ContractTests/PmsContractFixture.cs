namespace HotelPlatform.Connectors.ContractTests;

/// <summary>
/// The connector author's side of the kit: builds the connector under test once per test class, seeds the PMS behind
/// it (a simulator, a sandbox, an in-memory PMS) and describes what was seeded (<see cref="PmsContractScenario"/>).
/// Optional abilities (moving the clock, checking a guest in, asserting the wire requests) are virtual members whose
/// defaults say "not available"; the tests that need them are then skipped with the reason.
/// </summary>
/// <remarks>
/// <para>Minimal fixture:</para>
/// <code>
/// public sealed class MyVendorFixture : PmsContractFixture
/// {
///     protected override ValueTask&lt;IPmsConnector&gt; CreateConnectorAsync(CancellationToken cancellationToken) =&gt; ...;
///     protected override ValueTask&lt;PmsContractScenario&gt; CreateScenarioAsync(IPmsConnector connector, CancellationToken cancellationToken) =&gt;
///         ValueTask.FromResult(new PmsContractScenario("DBL", "FLEX", firstNight, firstNight.AddDays(59)));
/// }
/// </code>
/// <para>
/// xunit makes one fixture per test class (<c>IClassFixture</c>), so each kit area gets its own connector. A vendor whose
/// fixtures share one stateful back end (a sandbox) is still safe: each area books in its own band of nights, and every
/// test cancels what it booked.
/// </para>
/// </remarks>
public abstract class PmsContractFixture : IAsyncLifetime
{
    private IPmsConnector? _connector;
    private PmsContractScenario? _scenario;

    /// <summary>Gets the connector under test.</summary>
    /// <exception cref="InvalidOperationException">The fixture is not initialized.</exception>
    public IPmsConnector Connector => _connector ?? throw new InvalidOperationException($"{GetType().Name} is not initialized: xunit calls InitializeAsync before the tests run.");

    /// <summary>Gets what the fixture seeded.</summary>
    /// <exception cref="InvalidOperationException">The fixture is not initialized.</exception>
    public PmsContractScenario Scenario => _scenario ?? throw new InvalidOperationException($"{GetType().Name} is not initialized: xunit calls InitializeAsync before the tests run.");

    /// <summary>
    /// Gets a value indicating whether the clock the connector (and the PMS behind it) reads can be set by
    /// <see cref="SetUtcNow"/>. Needed by the time-zone test of "today's arrivals" and the changed-since tests.
    /// </summary>
    public virtual bool CanSetClock => false;

    /// <summary>Gets a value indicating whether <see cref="CheckInAsync"/> can move a reservation to <see cref="ReservationStatus.InHouse"/>.</summary>
    public virtual bool CanCheckIn => false;

    /// <summary>Gets the current instant of the clock the connector reads (the real clock unless overridden).</summary>
    /// <returns>The instant.</returns>
    public virtual DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow;

    /// <summary>
    /// Sets the clock the connector and the PMS read, forwards or backwards (the kit restores it after each test that moves
    /// it). With <c>FakeTimeProvider</c> use <c>AdjustTime</c>, which may go back in time, not <c>SetUtcNow</c>.
    /// </summary>
    /// <param name="utcNow">The instant.</param>
    /// <exception cref="NotSupportedException"><see cref="CanSetClock"/> is <see langword="false"/>.</exception>
    public virtual void SetUtcNow(DateTimeOffset utcNow) =>
        throw new NotSupportedException($"{GetType().Name} cannot set the clock; override CanSetClock and SetUtcNow.");

    /// <summary>
    /// Moves a reservation the kit booked (arriving inside the scenario's window, so possibly in the future) to
    /// <see cref="ReservationStatus.InHouse"/>, by whatever the PMS offers: a simulator command, the vendor's check-in call.
    /// </summary>
    /// <param name="reservation">The reservation.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>A task that completes when the guest is in house.</returns>
    /// <exception cref="NotSupportedException"><see cref="CanCheckIn"/> is <see langword="false"/>.</exception>
    public virtual ValueTask CheckInAsync(Reservation reservation, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{GetType().Name} cannot check guests in; override CanCheckIn and CheckInAsync.");

    /// <summary>Called before each kit test: forget the requests recorded so far, so that <see cref="VerifyRequestsAsync"/> sees only the test's own.</summary>
    /// <param name="context">The test about to run.</param>
    /// <returns>A task that completes when the fixture is ready.</returns>
    public virtual ValueTask OnTestStartingAsync(ContractTestContext context) => ValueTask.CompletedTask;

    /// <summary>
    /// Called by each kit test after its own assertions passed (cleanup comes later): assert here the exact requests the
    /// connector sent for <paramref name="context"/> (paths, headers such as the idempotency key, bodies) and, when
    /// <see cref="ContractTestContext.ExpectsNoVendorRequests"/> is set, that it sent none. The default asserts nothing.
    /// For a stricter assertion on one test, override that test instead, call the base and assert after it.
    /// </summary>
    /// <param name="context">What the test did.</param>
    /// <returns>A task that completes when the requests were verified.</returns>
    public virtual ValueTask VerifyRequestsAsync(ContractTestContext context) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public virtual async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var connector = await CreateConnectorAsync(cancellationToken);
        var scenario = await CreateScenarioAsync(connector, cancellationToken);
        ThrowIfInvalid(scenario, connector.Capabilities);
        (_connector, _scenario) = (connector, scenario);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore();
        GC.SuppressFinalize(this);
    }

    /// <summary>Builds the connector under test, seeding the PMS behind it (start the simulator, register the hotel, ...).</summary>
    /// <param name="cancellationToken">A token that cancels the set-up.</param>
    /// <returns>The connector.</returns>
    protected abstract ValueTask<IPmsConnector> CreateConnectorAsync(CancellationToken cancellationToken);

    /// <summary>Describes what was seeded; called once, after <see cref="CreateConnectorAsync"/>.</summary>
    /// <param name="connector">The connector made by <see cref="CreateConnectorAsync"/>.</param>
    /// <param name="cancellationToken">A token that cancels the set-up.</param>
    /// <returns>The scenario.</returns>
    protected abstract ValueTask<PmsContractScenario> CreateScenarioAsync(IPmsConnector connector, CancellationToken cancellationToken);

    /// <summary>Releases the connector (when disposable) and whatever else the fixture started; override to stop a simulator, calling the base.</summary>
    /// <returns>A task that completes when everything is released.</returns>
    protected virtual async ValueTask DisposeAsyncCore()
    {
        switch (_connector)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }

        _connector = null;
    }

    private static void ThrowIfInvalid(PmsContractScenario scenario, ConnectorCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentException.ThrowIfNullOrWhiteSpace(scenario.RoomTypeId, "scenario.RoomTypeId");
        ArgumentException.ThrowIfNullOrWhiteSpace(scenario.RatePlanId, "scenario.RatePlanId");
        if (scenario.Nights < PmsContractScenario.MinimumNights)
        {
            throw new ArgumentException($"The scenario's window spans {scenario.Nights} nights; the kit needs at least {PmsContractScenario.MinimumNights} (each area books in a band of its own).", nameof(scenario));
        }

        if (scenario.RoomsPerNight < PmsContractScenario.MinimumRoomsPerNight)
        {
            throw new ArgumentException($"The scenario frees {scenario.RoomsPerNight} rooms per night; the kit needs at least {PmsContractScenario.MinimumRoomsPerNight}.", nameof(scenario));
        }

        // A PMS without guest profiles (Apaleo keeps guests only on reservations) has no guest identifier to give; one
        // with profiles must name it, or the kit could not tell the known guest from a namesake.
        if (scenario.KnownGuest is { VendorId: null } && capabilities.HasFlag(ConnectorCapabilities.GuestProfiles))
        {
            throw new ArgumentException("The scenario's KnownGuest has no VendorId, but the connector declares GuestProfiles: give the identifier the PMS stores it under.", nameof(scenario));
        }

        if (scenario.Restriction is { } restriction && restriction.ForbiddenStay() is null)
        {
            throw new ArgumentException("The scenario's Restriction forbids no stay the kit can make: set MinStay of 2 or more, MaxStay, ClosedToArrival or Closed.", nameof(scenario));
        }
    }
}
