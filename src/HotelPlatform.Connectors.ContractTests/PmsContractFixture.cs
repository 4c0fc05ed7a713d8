namespace HotelPlatform.Connectors.ContractTests;

/// <summary>
/// The connector author's side of the kit: builds the connector under test once per test class, seeds the PMS behind
/// it (a simulator, a sandbox, an in-memory PMS) and describes what was seeded (<see cref="PmsContractScenario"/>).
/// Optional abilities (moving the clock, checking a guest in, asserting the wire requests, observing the PMS's events,
/// injecting faults into the vendor transport) are virtual members whose defaults say "not available"; the tests that
/// need them are then skipped with the reason.
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
    /// <summary>The <see cref="IPmsConnector"/> methods that send requests to the vendor, by name: what a fault may be injected into.</summary>
    private static readonly HashSet<string> FaultableOperations =
        [.. typeof(IPmsConnector).GetMethods().Where(m => m.Name != nameof(IPmsConnector.GetService)).Select(m => m.Name)];

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

    /// <summary>
    /// Says why the connector lacks capabilities a skipped test needs, in the vendor's terms and with the source of the
    /// fact (e.g. "Apaleo has no guest-profile API ..."); the kit shows it in the skip reason. The default says nothing.
    /// </summary>
    /// <param name="missing">The capabilities the test needs and the connector does not declare.</param>
    /// <returns>The explanation, or <see langword="null"/>.</returns>
    public virtual string? ExplainMissingCapabilities(ConnectorCapabilities missing) => null;

    /// <summary>
    /// Says why the scenario leaves out an optional part a skipped test needs (e.g. the PMS cannot hold or search a phone
    /// number); the kit shows it in the skip reason instead of asking the fixture's author to set it. The default says nothing.
    /// </summary>
    /// <param name="part">The <see cref="PmsContractScenario"/> member path, such as <c>KnownGuest.Phone</c>.</param>
    /// <returns>The explanation, or <see langword="null"/>.</returns>
    public virtual string? ExplainMissingScenarioPart(string part) => null;

    /// <summary>
    /// Gets a value indicating whether the fixture feeds <see cref="Events"/> with the normalised events the PMS emits
    /// for the hotel. Needed by <see cref="EventContractTests{TFixture}"/>.
    /// </summary>
    public virtual bool CanObserveEvents => false;

    /// <summary>
    /// Gets the log of the events the PMS emitted for the hotel, which the fixture feeds (<see cref="PmsContractEventLog.Add"/>)
    /// when <see cref="CanObserveEvents"/> is <see langword="true"/>, and the kit waits on.
    /// </summary>
    /// <remarks>
    /// A simulator-backed fixture, while it initializes: starts a loopback receiver (Kestrel on <c>127.0.0.1:0</c>),
    /// registers a webhook subscription for the hotel on its simulator pointing at it (the vendor's own subscription
    /// API, as a real integration would), and in the receiver verifies and parses each delivery with the vendor's
    /// webhook parser, adding every resulting <see cref="PmsEvent"/> here. An in-process PMS adds the events it raises.
    /// </remarks>
    public PmsContractEventLog Events { get; } = new();

    /// <summary>
    /// Gets how long an event test waits for an event before it fails (30 seconds). It is a hang guard for an event that
    /// never comes, not a speed requirement: raise it for a PMS that delivers slowly.
    /// </summary>
    public virtual TimeSpan EventWaitLimit => TimeSpan.FromSeconds(30);

    /// <summary>
    /// Returns whether <see cref="InjectFaultAsync"/> can inject <paramref name="fault"/> into the connector's vendor
    /// transport. Needed by <see cref="ResilienceContractTests{TFixture}"/>; a fixture that cannot is skipped with the
    /// reason (<see cref="ExplainMissingFaultInjection"/>).
    /// </summary>
    /// <param name="fault">The fault.</param>
    /// <returns><see langword="true"/> when the fixture can inject it.</returns>
    public virtual bool CanInjectFault(PmsContractFault fault) => false;

    /// <summary>
    /// Says why <see cref="CanInjectFault"/> is <see langword="false"/> for a fault (for example "the in-memory PMS has no
    /// vendor transport to fault"); the kit shows it in the skip reason. The default says nothing.
    /// </summary>
    /// <param name="fault">The fault.</param>
    /// <returns>The explanation, or <see langword="null"/>.</returns>
    public virtual string? ExplainMissingFaultInjection(PmsContractFault fault) => null;

    /// <summary>
    /// Injects a fault into the first request that <paramref name="operation"/> sends to the vendor from now on, once.
    /// Checks the arguments, then calls <see cref="InjectFaultCoreAsync"/>.
    /// </summary>
    /// <param name="fault">The fault.</param>
    /// <param name="operation">The <see cref="IPmsConnector"/> method, as <c>nameof(IPmsConnector.GetAvailabilityAsync)</c>.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The injected fault, which says whether it was applied and is withdrawn when disposed.</returns>
    /// <exception cref="ArgumentException"><paramref name="operation"/> is not a method of <see cref="IPmsConnector"/> that reaches the vendor.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fault"/> is not a <see cref="PmsContractFault"/>.</exception>
    /// <exception cref="NotSupportedException"><see cref="CanInjectFault"/> is <see langword="false"/> for <paramref name="fault"/>.</exception>
    /// <exception cref="InvalidOperationException"><see cref="InjectFaultCoreAsync"/> returned a fault other than the one asked for.</exception>
    public async ValueTask<PmsContractInjectedFault> InjectFaultAsync(PmsContractFault fault, string operation, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(fault))
        {
            throw new ArgumentOutOfRangeException(nameof(fault), fault, "Not a PmsContractFault.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        if (!FaultableOperations.Contains(operation))
        {
            throw new ArgumentException($"'{operation}' is not a method of IPmsConnector that reaches the vendor; use nameof(IPmsConnector.X): {string.Join(", ", FaultableOperations.Order(StringComparer.Ordinal))}.", nameof(operation));
        }

        if (!CanInjectFault(fault))
        {
            throw new NotSupportedException($"{GetType().Name} cannot inject {fault}; override CanInjectFault and InjectFaultCoreAsync.");
        }

        var injected = await InjectFaultCoreAsync(fault, operation, cancellationToken);
        if (injected is null || injected.Fault != fault || injected.Operation != operation)
        {
            throw new InvalidOperationException($"{GetType().Name}.InjectFaultCoreAsync was asked for {fault} on {operation} but returned {injected?.ToString() ?? "null"}.");
        }

        return injected;
    }

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

    /// <summary>
    /// Called when a kit test has ended, whatever its result, after the test cancelled what it booked: a place to
    /// record results (the live fixture writes them as a certification) or to clean up what the test left.
    /// </summary>
    /// <param name="context">What the test did.</param>
    /// <param name="outcome">How it ended.</param>
    /// <returns>A task that completes when the fixture is done.</returns>
    public virtual ValueTask OnTestEndedAsync(ContractTestContext context, ContractTestOutcome outcome) => ValueTask.CompletedTask;

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

    /// <summary>
    /// Injects a fault into the first request that <paramref name="operation"/> sends to the vendor from now on, once,
    /// and returns a <see cref="PmsContractInjectedFault"/> that tells whether it was applied and withdraws it if not.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A simulator-backed fixture maps the operation to the HTTP method and path pattern of the vendor request it sends
    /// first (for Apaleo, <c>GetAvailabilityAsync</c> is <c>GET /availability/v1/unit-groups</c>,
    /// <c>CreateReservationAsync</c> is <c>POST /booking/v1/bookings</c>) and queues one rule on the simulator's fault
    /// injector: <see cref="PmsContractFault.RateLimited"/> as 429 with <c>Retry-After: 1</c>,
    /// <see cref="PmsContractFault.ServerError"/> as 503, <see cref="PmsContractFault.ResponseLost"/> as
    /// commit-then-timeout with the connection aborted. "Applied" is then "the simulator's log of applied faults holds
    /// the rule".
    /// </para>
    /// <para>
    /// <see cref="PmsContractFault.CredentialsExpired"/> is not a rule on a path: revoke (or expire, by moving the token
    /// endpoint's clock) every token issued so far, and report it applied once a request carrying a revoked token was
    /// refused, or once the token endpoint issued a new token. The operation names the call the kit makes next.
    /// </para>
    /// <para>
    /// The connector's own waits (the <c>Retry-After</c> before a retry) must elapse: give the connector real timers (a
    /// real clock, shifted if the kit needs to move "now"), not a fake clock nobody advances, or the 429 test hangs.
    /// </para>
    /// <para>The kit never references the fixture's simulator: this mapping is the vendor's knowledge, kept in its fixture.</para>
    /// </remarks>
    /// <param name="fault">The fault; <see cref="CanInjectFault"/> is <see langword="true"/> for it.</param>
    /// <param name="operation">The <see cref="IPmsConnector"/> method, as <c>nameof(IPmsConnector.GetAvailabilityAsync)</c>.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The injected fault, for <paramref name="fault"/> and <paramref name="operation"/>.</returns>
    /// <exception cref="NotSupportedException">The fixture cannot inject faults (the default).</exception>
    protected virtual ValueTask<PmsContractInjectedFault> InjectFaultCoreAsync(PmsContractFault fault, string operation, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{GetType().Name} cannot inject faults; override CanInjectFault and InjectFaultCoreAsync.");

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
