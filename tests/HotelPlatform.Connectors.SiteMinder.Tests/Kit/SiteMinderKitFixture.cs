using HotelPlatform.Connectors.ContractTests;
using HotelPlatform.Connectors.ContractTests.Simulators;
using HotelPlatform.Connectors.Events;
using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.SiteMinder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.SiteMinder.Tests.Kit;

/// <summary>
/// Runs the contract kit against the SiteMinder connector as an application resolves it
/// (<c>AddPmsConnectors().AddSiteMinder(hotel, configuration)</c>, through the runtime's HTTP pipeline) on the SiteMinder
/// simulator, started and pointed at by <see cref="SiteMinderSimulatorBinding"/>. SiteMinder is a channel manager: the
/// kit cannot book through it, so events are observed the way pmsXchange delivers them — a channel books at the
/// simulator (<see cref="SiteMinderSimulator.QueueBooking"/>), and <see cref="PollAsync"/> pulls through the hotel's
/// <see cref="IPmsEventSource"/>, adds each event to the kit's log as the commit, and only then confirms.
/// </summary>
public sealed class SiteMinderKitFixture : SimulatorContractFixture<SiteMinderSimulator>
{
    private ServiceProvider? _services;
    private IPmsEventSource? _source;

    /// <inheritdoc />
    public override bool CanObserveEvents => true;

    /// <inheritdoc />
    protected override ISimulatorBinding Binding { get; } = new SiteMinderSimulatorBinding(o => o.SeededBookings = 0);

    /// <summary>None: every operation the kit faults (availability, reading a reservation, booking, extras) is one pmsXchange lacks.</summary>
    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, SimulatedRequest> FirstRequests { get; } = new Dictionary<string, SimulatedRequest>();

    /// <summary>Polls the hotel's event source once, committing each event to the kit's log before the confirmation.</summary>
    /// <param name="cancellationToken">A token that cancels the poll.</param>
    /// <returns>The batch.</returns>
    public ValueTask<PmsEventBatch> PollAsync(CancellationToken cancellationToken) =>
        _source!.PollOnceAsync(null, (batch, _) =>
        {
            foreach (var inbound in batch.Events)
            {
                Events.Add(inbound.Event);
            }

            return ValueTask.CompletedTask;
        }, cancellationToken);

    /// <inheritdoc />
    public override string? ExplainMissingCapabilities(ConnectorCapabilities missing) => SiteMinderCapabilities.Explain(missing);

    /// <inheritdoc />
    public override string? ExplainMissingFaultInjection(PmsContractFault fault) =>
        "every operation the kit faults (availability, reading a reservation, booking, adding an extra) is one SiteMinder pmsXchange does not offer; faults of the pull and the ARI pushes are tested in Connector/ and Distribution/";

    /// <inheritdoc />
    protected override async ValueTask<IPmsConnector> ConnectAsync(BoundSimulator simulator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        var hotel = new ConfigurationBuilder().AddInMemoryCollection(simulator.Settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddPmsConnectors().AddSiteMinder(HotelId, hotel);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _source = _services.GetRequiredKeyedService<IPmsEventSource>(HotelId);
        await ValueTask.CompletedTask;
        return _services.GetRequiredKeyedService<IPmsConnector>(HotelId);
    }

    /// <inheritdoc />
    protected override ValueTask<PmsContractScenario> CreateScenarioAsync(IPmsConnector connector, CancellationToken cancellationToken)
    {
        var firstNight = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime).AddDays(14);
        return ValueTask.FromResult(new PmsContractScenario(
            Simulator.SiteMinderOptions.RoomTypeCodes[0],
            Simulator.SiteMinderOptions.RatePlanCodes[0],
            firstNight,
            firstNight.AddDays(PmsContractScenario.MinimumNights + 19)));
    }

    /// <inheritdoc />
    protected override async ValueTask DisposeAsyncCore()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await base.DisposeAsyncCore();
    }
}
