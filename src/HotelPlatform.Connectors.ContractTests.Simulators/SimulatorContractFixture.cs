using System.Text;
using HotelPlatform.Connectors.Events;
using HotelPlatform.Connectors.Simulators;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace HotelPlatform.Connectors.ContractTests.Simulators;

/// <summary>
/// A contract-kit fixture for a connector that talks to an in-process vendor simulator: what every simulator-backed kit
/// run does, so that a vendor's fixture says only what is the vendor's.
/// </summary>
/// <typeparam name="TSimulator">The vendor's simulator.</typeparam>
/// <remarks>
/// <para>It does, for any vendor:</para>
/// <list type="bullet">
/// <item><description><b>Simulator.</b> Starts it through the vendor's <see cref="ISimulatorBinding"/> on a
/// <see cref="ShiftedTimeProvider"/> (rate limits not enforced: the kit runs far faster than any quota), and hands the
/// binding's configuration overrides to <see cref="ConnectAsync"/>, which builds the connector from them.</description></item>
/// <item><description><b>Clock.</b> <see cref="PmsContractFixture.CanSetClock"/>: the kit moves <see cref="Clock"/>, which the
/// simulator reads and <see cref="ConnectAsync"/> gives the connector.</description></item>
/// <item><description><b>Faults.</b> Maps each kit fault to the operation's first vendor request
/// (<see cref="FirstRequests"/>) and queues it on the simulator's fault injector; <see cref="PmsContractFault.CredentialsExpired"/>
/// when the vendor implements <see cref="RevokeCredentials"/>.</description></item>
/// <item><description><b>Request journal.</b> After each test: no vendor request when the kit expected none, no request
/// refused by the simulator's strict models, no webhook delivery refused; then <see cref="VerifyVendorRequests"/>.</description></item>
/// <item><description><b>Webhooks.</b> <c>StartWebhookReceiverAsync</c> starts a loopback receiver, disposed with the fixture; the overload taking an <c>IPmsWebhookHandler</c> routes every delivery through the events seam into the kit's event log.</description></item>
/// </list>
/// </remarks>
public abstract class SimulatorContractFixture<TSimulator> : PmsContractFixture
    where TSimulator : VendorSimulator
{
    private readonly List<string> _refusedDeliveries = [];
    private BoundSimulator? _bound;
    private WebhookReceiver? _webhookReceiver;
    private long _testStartSequence;

    /// <summary>Gets the simulator behind the connector.</summary>
    /// <exception cref="InvalidOperationException">The fixture is not initialized.</exception>
    public TSimulator Simulator => _bound?.Simulator as TSimulator
        ?? throw new InvalidOperationException($"{GetType().Name} has no simulator yet: xunit calls InitializeAsync before the tests run.");

    /// <summary>Gets the clock the simulator and the connector read.</summary>
    public ShiftedTimeProvider Clock { get; } = new();

    /// <inheritdoc />
    public override bool CanSetClock => true;

    /// <summary>Gets the webhook deliveries the receiver refused (failed verification or unparseable); a kit run expects none.</summary>
    public IReadOnlyList<string> RefusedDeliveries
    {
        get
        {
            lock (_refusedDeliveries)
            {
                return [.. _refusedDeliveries];
            }
        }
    }

    /// <summary>Gets the binding that starts the vendor's simulator.</summary>
    protected abstract ISimulatorBinding Binding { get; }

    /// <summary>Gets the hotel id the connector is registered under; <c>kit-{vendor}</c> by default.</summary>
    protected virtual string HotelId => $"kit-{Binding.Vendor}";

    /// <summary>
    /// Gets the first request each faultable <see cref="IPmsConnector"/> operation sends to the vendor, by operation name
    /// (<c>nameof(IPmsConnector.CreateReservationAsync)</c>): where a kit fault is injected. Operations missing here cannot be faulted.
    /// </summary>
    protected abstract IReadOnlyDictionary<string, SimulatedRequest> FirstRequests { get; }

    /// <summary>Gets a value indicating whether <see cref="RevokeCredentials"/> is implemented (<see cref="PmsContractFault.CredentialsExpired"/>).</summary>
    protected virtual bool CanRevokeCredentials => false;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Clock.GetUtcNow();

    /// <inheritdoc />
    public override void SetUtcNow(DateTimeOffset utcNow) => Clock.SetUtcNow(utcNow);

    /// <summary>
    /// Rate limited, server error and lost response for every operation in <see cref="FirstRequests"/>; expired
    /// credentials when <see cref="CanRevokeCredentials"/>.
    /// </summary>
    /// <inheritdoc />
    public override bool CanInjectFault(PmsContractFault fault) => fault switch
    {
        PmsContractFault.RateLimited or PmsContractFault.ServerError or PmsContractFault.ResponseLost => FirstRequests.Count > 0,
        PmsContractFault.CredentialsExpired => CanRevokeCredentials,
        _ => false,
    };

    /// <inheritdoc />
    public override ValueTask OnTestStartingAsync(ContractTestContext context)
    {
        _testStartSequence = Simulator.Requests.Snapshot() is { Count: > 0 } requests ? requests[^1].Sequence : 0;
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Holds the test's requests to the simulator: none reached the vendor when the kit expected none, none was refused
    /// by the simulator's strict models, no webhook delivery was refused; then <see cref="VerifyVendorRequests"/>.
    /// </summary>
    /// <inheritdoc />
    public override ValueTask VerifyRequestsAsync(ContractTestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var api = Simulator.Requests.Where(r => r.Sequence > _testStartSequence && IsApiRequest(r)).ToList();
        if (context.ExpectsNoVendorRequests)
        {
            Assert.True(api.Count == 0, $"{context.TestName}: bad input reached {Binding.Vendor}: {string.Join(", ", api)}.");
        }

        var refusedDeliveries = RefusedDeliveries;
        Assert.True(refusedDeliveries.Count == 0, $"{context.TestName}: webhook deliveries were refused: {string.Join("; ", refusedDeliveries)}");
        var refused = Simulator.ValidationFailures.Where(f => f.RequestSequence > _testStartSequence).ToList();
        Assert.True(refused.Count == 0, $"{context.TestName}: the simulator refused requests that do not match {Binding.Vendor}'s wire model:{Environment.NewLine}{string.Join(Environment.NewLine, refused)}");

        VerifyVendorRequests(context, api);
        return ValueTask.CompletedTask;
    }

    /// <summary>Starts the simulator through <see cref="Binding"/>, then calls <see cref="ConnectAsync"/>.</summary>
    /// <inheritdoc />
    protected sealed override async ValueTask<IPmsConnector> CreateConnectorAsync(CancellationToken cancellationToken)
    {
        var context = new SimulatorBindingContext(HotelId, HotelConfiguration()) { Options = CreateSimulatorOptions() };
        _bound = await Binding.StartAsync(context, cancellationToken);
        if (_bound.Simulator is not TSimulator)
        {
            throw new InvalidOperationException($"The {Binding.Vendor} binding started a {_bound.Simulator.GetType().Name}, not a {typeof(TSimulator).Name}.");
        }

        return await ConnectAsync(_bound, cancellationToken);
    }

    /// <summary>
    /// Builds the connector under test against the started simulator, as an application would: register the hotel with the
    /// binding's overrides (<see cref="BoundSimulator.Settings"/>) and <see cref="Clock"/> as the <see cref="TimeProvider"/>.
    /// </summary>
    /// <param name="simulator">The started simulator and the settings that point the hotel at it.</param>
    /// <param name="cancellationToken">A token that cancels the set-up.</param>
    /// <returns>The connector.</returns>
    protected abstract ValueTask<IPmsConnector> ConnectAsync(BoundSimulator simulator, CancellationToken cancellationToken);

    /// <summary>The hotel's own settings the binding reads (credentials, property); empty by default, so the simulator's defaults apply.</summary>
    /// <returns>The hotel's configuration section.</returns>
    protected virtual IConfiguration HotelConfiguration() => new ConfigurationBuilder().Build();

    /// <summary>The simulator's settings: <see cref="Clock"/>, and rate limits not enforced (the quota has tests of its own).</summary>
    /// <returns>The settings.</returns>
    protected virtual SimulatorOptions CreateSimulatorOptions() => new() { TimeProvider = Clock, EnforceRateLimits = false };

    /// <summary>Tells whether a recorded request is a call of the vendor's API, as opposed to a token request; all are by default.</summary>
    /// <param name="request">The request.</param>
    /// <returns><see langword="true"/> for an API call.</returns>
    protected virtual bool IsApiRequest(RecordedRequest request) => true;

    /// <summary>The vendor's own checks of a test's API requests (paths, idempotency keys, paging, the vendor's documents); none by default.</summary>
    /// <param name="context">What the test did.</param>
    /// <param name="requests">The API requests the test sent, oldest first.</param>
    protected virtual void VerifyVendorRequests(ContractTestContext context, IReadOnlyList<RecordedRequest> requests)
    {
    }

    /// <summary>The simulated fault for a kit fault: 429 with a one-second <c>Retry-After</c>, 503, or commit-then-timeout.</summary>
    /// <param name="fault">The kit fault (not <see cref="PmsContractFault.CredentialsExpired"/>).</param>
    /// <returns>The fault to queue.</returns>
    protected virtual SimulatedFault CreateFault(PmsContractFault fault) => fault switch
    {
        PmsContractFault.RateLimited => SimulatedFault.TooManyRequests(TimeSpan.FromSeconds(1)),
        PmsContractFault.ServerError => SimulatedFault.ServerError(503),
        PmsContractFault.ResponseLost => SimulatedFault.CommitThenTimeout(),
        _ => throw new NotSupportedException($"{fault} is not a fault on the wire."),
    };

    /// <summary>
    /// Makes every credential issued so far invalid (revokes tokens, expires a session), for
    /// <see cref="PmsContractFault.CredentialsExpired"/>; override with <see cref="CanRevokeCredentials"/>.
    /// </summary>
    /// <returns>A check that tells whether the connector has since obtained a new credential.</returns>
    protected virtual Func<bool> RevokeCredentials() =>
        throw new NotSupportedException($"{GetType().Name} cannot revoke credentials; override CanRevokeCredentials and RevokeCredentials.");

    /// <summary>Queues <see cref="CreateFault"/> for the operation's first request, or revokes credentials.</summary>
    /// <inheritdoc />
    protected override ValueTask<PmsContractInjectedFault> InjectFaultCoreAsync(PmsContractFault fault, string operation, CancellationToken cancellationToken)
    {
        if (fault == PmsContractFault.CredentialsExpired)
        {
            return ValueTask.FromResult(new PmsContractInjectedFault(fault, operation, RevokeCredentials()));
        }

        if (!FirstRequests.TryGetValue(operation, out var first))
        {
            throw new NotSupportedException($"{GetType().Name} does not know the first {Binding.Vendor} request of {operation}; add it to {nameof(FirstRequests)}.");
        }

        var rule = Simulator.Faults.Enqueue(CreateFault(fault), first.Method, first.PathPattern);
        return ValueTask.FromResult(new PmsContractInjectedFault(fault, operation, () => rule.Remaining == 0, () =>
        {
            Simulator.Faults.Remove(rule.Id);
            return ValueTask.CompletedTask;
        }));
    }

    /// <summary>
    /// Starts a loopback webhook receiver (one per fixture, disposed with it). The handler verifies and parses each
    /// delivery, adds events to <see cref="PmsContractFixture.Events"/>, reports refusals with <see cref="RefuseDelivery"/>
    /// and returns the HTTP status to answer.
    /// </summary>
    /// <param name="handler">Called for each delivery.</param>
    /// <param name="cancellationToken">A token that cancels the start.</param>
    /// <returns>The receiver; subscribe its <see cref="WebhookReceiver.BaseAddress"/> at the simulator.</returns>
    /// <exception cref="InvalidOperationException">A receiver was already started.</exception>
    protected async Task<WebhookReceiver> StartWebhookReceiverAsync(Func<ReceivedWebhook, int> handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (_webhookReceiver is not null)
        {
            throw new InvalidOperationException($"{GetType().Name} already started its webhook receiver.");
        }

        _webhookReceiver = await WebhookReceiver.StartAsync(handler, cancellationToken);
        return _webhookReceiver;
    }

    /// <summary>
    /// Starts the loopback receiver with every delivery handed to the hotel's <see cref="IPmsWebhookHandler"/> (the events
    /// seam, as an application's endpoint would): its events go to <see cref="PmsContractFixture.Events"/>, a rejected or
    /// malformed delivery is answered 401 or 400 and reported with <see cref="RefuseDelivery"/>, any other is answered
    /// <paramref name="acceptedStatus"/>. For handlers that do no I/O (the vendors' webhook handlers).
    /// </summary>
    /// <param name="handler">The hotel's webhook handler.</param>
    /// <param name="hotelId">The hotel's key.</param>
    /// <param name="acceptedStatus">The status of an accepted delivery (what the vendor expects).</param>
    /// <param name="cancellationToken">A token that cancels the start.</param>
    /// <returns>The receiver; subscribe its <see cref="WebhookReceiver.BaseAddress"/> at the simulator.</returns>
    protected Task<WebhookReceiver> StartWebhookReceiverAsync(IPmsWebhookHandler handler, string hotelId, int acceptedStatus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return StartWebhookReceiverAsync(
            received =>
            {
                var request = new PmsWebhookRequest
                {
                    HotelId = hotelId,
                    Method = "POST",
                    Path = Uri.UnescapeDataString(received.RequestUri.AbsolutePath),
                    QueryString = received.RequestUri.Query,
                    Headers = received.Headers.ToDictionary(h => h.Key, h => new StringValues(h.Value)),
                    Body = Encoding.UTF8.GetBytes(received.Body),
                    ContentType = received.Headers.GetValueOrDefault("Content-Type"),
                    ReceivedAt = Clock.GetUtcNow(),
                };

                // The vendors' handlers do no I/O: the task has completed when HandleAsync returns.
                var result = handler.HandleAsync(request).AsTask().GetAwaiter().GetResult();
                if (result.Outcome is PmsWebhookOutcome.Rejected or PmsWebhookOutcome.Malformed)
                {
                    RefuseDelivery($"{result.Outcome}: {result.Reason}");
                    return result.Outcome == PmsWebhookOutcome.Rejected ? 401 : 400;
                }

                foreach (var inbound in result.Events)
                {
                    Events.Add(inbound.Event);
                }

                return acceptedStatus;
            },
            cancellationToken);
    }

    /// <summary>
    /// Runs a front-desk action at a local time of a day in the property's zone (a check-in that the vendor allows only
    /// on or after the arrival day): the clock is moved there when that is later than now, and put back afterwards.
    /// </summary>
    /// <param name="day">The property's date.</param>
    /// <param name="time">The local time on it.</param>
    /// <param name="zone">The property's time zone.</param>
    /// <param name="action">What to do then.</param>
    protected void AtLocalTime(DateOnly day, TimeOnly time, TimeZoneInfo zone, Action action)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(action);
        var now = Clock.GetUtcNow();
        var local = day.ToDateTime(time);
        var then = new DateTimeOffset(local, zone.GetUtcOffset(local));
        if (then > now)
        {
            Clock.SetUtcNow(then);
        }

        try
        {
            action();
        }
        finally
        {
            Clock.SetUtcNow(now);
        }
    }

    /// <summary>Records a webhook delivery the receiver refused; <see cref="VerifyRequestsAsync"/> fails the test then.</summary>
    /// <param name="reason">Why it was refused.</param>
    protected void RefuseDelivery(string reason)
    {
        lock (_refusedDeliveries)
        {
            _refusedDeliveries.Add(reason);
        }
    }

    /// <summary>Releases the connector, then stops the simulator and the webhook receiver.</summary>
    /// <inheritdoc />
    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (_bound is not null)
        {
            // The simulator stays readable (its journal) after it stopped; only the server is released.
            await _bound.DisposeAsync();
        }

        if (Interlocked.Exchange(ref _webhookReceiver, null) is { } receiver)
        {
            await receiver.DisposeAsync();
        }
    }
}
