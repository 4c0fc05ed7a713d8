using HotelPlatform.Connectors.ContractTests;
using HotelPlatform.Connectors.ContractTests.Live;
using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.Apaleo;
using HotelPlatform.Samples.SimulatorSandbox;
using Microsoft.Extensions.Configuration;

namespace HotelPlatform.Connectors.LiveSandbox.Tests.Apaleo;

/// <summary>
/// The live fixture in read-only mode (its default), against an Apaleo simulator in this process standing in for a
/// production account: the reading areas pass, every test that would book is skipped with the reason, and after each
/// test the account holds no booking of the kit.
/// </summary>
public sealed class ReadOnlyApaleoFixture : ApaleoLiveFixture
{
    /// <summary>Where the run writes its certification (read by <see cref="ReadOnlyApaleoCertificationInTheCatalog"/>).</summary>
    internal static readonly string ResultsPath = Path.Combine(Path.GetTempPath(), $"kit-readonly-{Environment.ProcessId}", "apaleo.json");
    private BoundSimulator? _simulator;
    private LiveSandboxSettings? _settings;

    /// <summary>Gets the simulator playing the production account.</summary>
    public ApaleoSimulator Simulator => (ApaleoSimulator)_simulator!.Simulator;

    /// <inheritdoc />
    public override async ValueTask InitializeAsync()
    {
        var context = new SimulatorBindingContext("readonly-apaleo", new ConfigurationBuilder().Build()) { Options = new SimulatorOptions() };
        var sandbox = SandboxVendors.All[PmsVendors.Apaleo];
        _simulator = await sandbox.Binding.StartAsync(context, TestContext.Current.CancellationToken);
        var variables = SandboxArguments.Variables(PmsVendors.Apaleo, _simulator.Settings, sandbox.KitStay!(_simulator.Simulator))
            .Where(v => !v.Key.EndsWith("_" + LiveSandboxSettings.ModeVariable, StringComparison.Ordinal) && !v.Key.EndsWith("_" + LiveSandboxSettings.CallsPerSecondVariable, StringComparison.Ordinal))
            .Append(KeyValuePair.Create("HOTELPLATFORM_LIVE_APALEO_CALLSPERSECOND", "1000"))
            .Append(KeyValuePair.Create("HOTELPLATFORM_LIVE_APALEO_RESULTS", ResultsPath))
            .ToDictionary(v => v.Key, v => (string?)v.Value);
        _settings = LiveSandboxSettings.From(PmsVendors.Apaleo, RequiredHotelSettings, new ConfigurationBuilder().AddInMemoryCollection(variables).Build(), DateOnly.FromDateTime(DateTime.UtcNow));
        await base.InitializeAsync();
    }

    /// <inheritdoc />
    public override async ValueTask OnTestEndedAsync(ContractTestContext context, ContractTestOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(context);
        await base.OnTestEndedAsync(context, outcome);
        var kitBookings = Simulator.Reservations.Where(r => r.ExternalCode?.StartsWith(ContractKit.ClientReferencePrefix, StringComparison.Ordinal) == true).ToList();
        Assert.True(kitBookings.Count == 0, $"{context.TestName}: a read-only run booked at the vendor: {string.Join(", ", kitBookings.Select(r => r.Id))}");
    }

    /// <inheritdoc />
    protected override LiveSandboxSettings ReadSettings() => _settings ?? throw new InvalidOperationException("The simulator is not started yet.");

    /// <inheritdoc />
    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }
    }
}

[Collection(ReadOnlyApaleoRun.Name)]
public sealed class ReadOnlyApaleoInventory(ReadOnlyApaleoFixture fixture) : InventoryContractTests<ReadOnlyApaleoFixture>(fixture);

[Collection(ReadOnlyApaleoRun.Name)]
public sealed class ReadOnlyApaleoAvailability(ReadOnlyApaleoFixture fixture) : AvailabilityContractTests<ReadOnlyApaleoFixture>(fixture);

[Collection(ReadOnlyApaleoRun.Name)]
public sealed class ReadOnlyApaleoQuotes(ReadOnlyApaleoFixture fixture) : QuoteContractTests<ReadOnlyApaleoFixture>(fixture);

[Collection(ReadOnlyApaleoRun.Name)]
public sealed class ReadOnlyApaleoReservations(ReadOnlyApaleoFixture fixture) : ReservationContractTests<ReadOnlyApaleoFixture>(fixture);

[Collection(ReadOnlyApaleoRun.Name)]
public sealed class ReadOnlyApaleoServices(ReadOnlyApaleoFixture fixture) : ServiceContractTests<ReadOnlyApaleoFixture>(fixture);
