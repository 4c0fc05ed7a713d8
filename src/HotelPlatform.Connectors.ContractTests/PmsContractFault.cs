namespace HotelPlatform.Connectors.ContractTests;

/// <summary>
/// A failure of the vendor's transport that <see cref="ResilienceContractTests{TFixture}"/> asks the fixture to inject
/// (<see cref="PmsContractFixture.InjectFaultAsync"/>), in vendor-neutral terms. Each applies once, to the first request
/// the named operation sends to the vendor after the fault was injected.
/// </summary>
/// <remarks>
/// A simulator-backed fixture maps each kind to its simulator's fault injector, for example with
/// <c>HotelPlatform.Connectors.Simulators</c>: <see cref="RateLimited"/> is <c>SimulatedFault.TooManyRequests(1 s)</c>,
/// <see cref="ServerError"/> is <c>SimulatedFault.ServerError(503)</c>, <see cref="ResponseLost"/> is
/// <c>SimulatedFault.CommitThenTimeout()</c> (aborting the connection, not hanging it, so the test does not wait for the
/// connector's timeout) and <see cref="CredentialsExpired"/> revokes the tokens the token endpoint issued.
/// </remarks>
public enum PmsContractFault
{
    /// <summary>The vendor refuses the request with HTTP 429 (or its equivalent) and a <c>Retry-After</c> of about one second; nothing is applied.</summary>
    RateLimited,

    /// <summary>The vendor answers HTTP 5xx (or its equivalent); the request is not applied.</summary>
    ServerError,

    /// <summary>The vendor applies the request (a write is committed) but its answer never reaches the connector: the connection drops or times out.</summary>
    ResponseLost,

    /// <summary>The credentials the connector holds (its access token) stop being accepted; new ones can still be obtained the usual way (the token endpoint).</summary>
    CredentialsExpired,
}

/// <summary>
/// A fault injected by <see cref="PmsContractFixture.InjectFaultAsync"/>: the kit asks it afterwards whether it was
/// applied, so that a resilience test cannot pass without the fault ever reaching the connector, and disposes of it
/// when the test ends, so that a fault not applied cannot hit a later test.
/// </summary>
/// <remarks>
/// With a simulator's fault injector:
/// <code>
/// var rule = simulator.Faults.Enqueue(SimulatedFault.ServerError(503), "GET", "/booking/v1/reservations/{id}");
/// return new PmsContractInjectedFault(fault, operation,
///     wasApplied: () =&gt; simulator.Faults.Applied.Any(a =&gt; a.RuleId == rule.Id),
///     remove: () =&gt; { simulator.Faults.Remove(rule.Id); return ValueTask.CompletedTask; });
/// </code>
/// </remarks>
public sealed class PmsContractInjectedFault : IAsyncDisposable
{
    private readonly Func<bool> _wasApplied;
    private Func<ValueTask>? _remove;

    /// <summary>Initializes a new instance of the <see cref="PmsContractInjectedFault"/> class.</summary>
    /// <param name="fault">The fault injected.</param>
    /// <param name="operation">The <see cref="IPmsConnector"/> method whose first request it applies to, for example <c>nameof(IPmsConnector.GetAvailabilityAsync)</c>.</param>
    /// <param name="wasApplied">
    /// Tells whether the fault was applied to a request of the connector: the simulator answered 429 or 5xx, committed
    /// and dropped the answer, or refused the expired credentials at least once.
    /// </param>
    /// <param name="remove">Withdraws the fault if it is still pending; called once, when the test ends. <see langword="null"/> when there is nothing to withdraw.</param>
    public PmsContractInjectedFault(PmsContractFault fault, string operation, Func<bool> wasApplied, Func<ValueTask>? remove = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        ArgumentNullException.ThrowIfNull(wasApplied);
        Fault = fault;
        Operation = operation;
        _wasApplied = wasApplied;
        _remove = remove;
    }

    /// <summary>Gets the fault injected.</summary>
    public PmsContractFault Fault { get; }

    /// <summary>Gets the <see cref="IPmsConnector"/> method whose first request the fault applies to.</summary>
    public string Operation { get; }

    /// <summary>Gets a value indicating whether the fault was applied to a request of the connector (asked of the fixture each time).</summary>
    public bool WasApplied => _wasApplied();

    /// <summary>Withdraws the fault if it is still pending; later calls do nothing.</summary>
    /// <returns>A task that completes when the fault is withdrawn.</returns>
    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref _remove, null) is { } remove ? remove() : ValueTask.CompletedTask;

    /// <inheritdoc />
    public override string ToString() => $"{Fault} on the first request of {Operation}";
}
