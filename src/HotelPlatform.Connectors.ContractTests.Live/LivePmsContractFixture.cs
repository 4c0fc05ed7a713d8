using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.ContractTests.Live;

/// <summary>
/// A kit fixture for a vendor's live sandbox. It is enabled by the variables <c>HOTELPLATFORM_LIVE_{VENDOR}_*</c>
/// (<see cref="LiveSandboxSettings"/>) and, without them, every kit test is skipped with a reason naming the variables.
/// </summary>
/// <remarks>
/// <para>A subclass names the vendor, the vendor settings it cannot run without and the vendor's registration:</para>
/// <code>
/// public sealed class ApaleoLiveFixture : LivePmsContractFixture
/// {
///     protected override string Vendor => PmsVendors.Apaleo;
///     protected override IReadOnlyList&lt;string&gt; RequiredHotelSettings => ["PropertyId", "ClientId", "ClientSecret"];
///     protected override void AddVendor(IPmsConnectorsBuilder connectors) => connectors.AddApaleoVendor();
/// }
/// </code>
/// <para>
/// Safe on a real account: the kit books with recognisable client references and made-up guests and cancels each
/// booking when its test ends; this fixture also cancels what a test booked outside the kit's helpers, sweeps the
/// window for leftovers of a crashed run before any test books and again when the run ends, paces calls
/// (<see cref="LiveSandboxSettings.CallsPerSecond"/>), never injects faults, and in
/// <see cref="LiveSandboxMode.ReadOnly"/> (the default) skips every test that would change the sandbox. A reservation
/// the run created that is not readable yet is waited for (<see cref="LiveSandboxSettings.VisibilityWait"/>).
/// When the last area's fixture ends, the run's <see cref="ContractKitCertification"/> is written to
/// <see cref="LiveSandboxSettings.ResultsPath"/>.
/// </para>
/// </remarks>
public abstract class LivePmsContractFixture : PmsContractFixture
{
    private readonly LiveSandboxLedger _ledger = new();
    private LiveSandboxSettings? _settings;
    private LiveSandboxRun? _run;
    private IPmsConnector? _vendorConnector;
    private LiveSandboxConnector? _connector;
    private string? _guardSkipReason;

    /// <summary>Gets the run's settings (read on first use from the environment and the test assembly's user secrets).</summary>
    /// <exception cref="ArgumentException">A kit variable has a value it cannot take.</exception>
    public LiveSandboxSettings Settings => _settings ??= ReadSettings();

    /// <summary>Gets what this fixture's tests booked.</summary>
    public LiveSandboxLedger Ledger => _ledger;

    /// <summary>Gets how many connector calls this fixture's tests made.</summary>
    public int Calls => _connector?.Calls ?? 0;

    /// <summary>Gets the vendor, as <see cref="IPmsConnector.Vendor"/> names it (and as the variables spell it, upper-cased).</summary>
    protected abstract string Vendor { get; }

    /// <summary>Gets the vendor option names the run cannot do without (credentials, property); each is a variable <c>HOTELPLATFORM_LIVE_{VENDOR}_{NAME}</c>.</summary>
    protected abstract IReadOnlyList<string> RequiredHotelSettings { get; }

    /// <summary>Gets a value indicating whether the vendor's connector books; <see langword="false"/> (SiteMinder) makes the room type and rate plan optional: the kit's booking tests skip on the capability anyway.</summary>
    protected virtual bool BooksReservations => true;

    /// <summary>Gets the hotel id the sandbox is registered under.</summary>
    protected virtual string HotelId => "live-" + Vendor;

    /// <inheritdoc />
    public override string? ExplainMissingFaultInjection(PmsContractFault fault) =>
        $"a live sandbox is a real account: the kit never injects faults into it ({fault} is proven against the {Vendor} simulator instead)";

    /// <inheritdoc />
    public override async ValueTask InitializeAsync()
    {
        if (!Settings.IsConfigured)
        {
            return;
        }

        _run = LiveSandboxRun.For(Settings);
        _run.FixtureStarted();
        await base.InitializeAsync();
    }

    /// <inheritdoc />
    public override ValueTask OnTestStartingAsync(ContractTestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Settings.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        _guardSkipReason = null;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override ValueTask OnTestEndedAsync(ContractTestContext context, ContractTestOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(outcome);
        var reason = outcome.Result switch
        {
            TestResult.Skipped => outcome.SkipReason ?? _guardSkipReason,
            TestResult.Failed => outcome.FailureMessage,
            _ => null,
        };
        _run?.Record(context.Area, context.TestName, new ContractKitTestResult(context.TestName, outcome.Result.ToString(), reason));
        return ValueTask.CompletedTask;
    }

    /// <summary>Registers the vendor's connector package (for example <c>connectors.AddApaleoVendor()</c>).</summary>
    /// <param name="connectors">The builder.</param>
    protected abstract void AddVendor(IPmsConnectorsBuilder connectors);

    /// <summary>Adds services the vendor's connector needs beyond its registration; none by default.</summary>
    /// <param name="services">The container's services.</param>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Reads the settings; override to read them from elsewhere (tests of the fixture itself).</summary>
    /// <returns>The settings.</returns>
    protected virtual LiveSandboxSettings ReadSettings() => LiveSandboxSettings.Read(Vendor, RequiredHotelSettings, GetType().Assembly, BooksReservations);

    /// <inheritdoc />
    protected sealed override async ValueTask<IPmsConnector> CreateConnectorAsync(CancellationToken cancellationToken)
    {
        var hotel = $"Hotels:{HotelId}:";
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new(hotel + "Vendor", Vendor), .. Settings.HotelSettings.Select(s => new KeyValuePair<string, string?>(hotel + s.Key, s.Value))])
            .Build();
        _vendorConnector = await _run!.ConnectAsync(
            () =>
            {
                var services = new ServiceCollection();
                ConfigureServices(services);
                var connectors = services.AddPmsConnectors();
                AddVendor(connectors);
                connectors.AddFromConfiguration(configuration.GetSection("Hotels"));
                return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
            },
            HotelId,
            cancellationToken);

        await _run!.SweepAtStartAsync(_vendorConnector, cancellationToken);
        _connector = new LiveSandboxConnector(_vendorConnector, Settings, _ledger, SkipFromGuard, TimeProvider.System);
        return _connector;
    }

    /// <inheritdoc />
    protected override async ValueTask<PmsContractScenario> CreateScenarioAsync(IPmsConnector connector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connector);
        var first = Settings.FirstNight;
        var last = first.AddDays(Settings.Nights - 1);
        // A vendor that cannot book has no room type or rate plan the kit could use; the scenario names none.
        var roomType = Settings.RoomTypeId ?? "(none: the connector does not book)";
        var scenario = new PmsContractScenario(roomType, Settings.RatePlanId ?? roomType, first, last)
        {
            RoomsPerNight = Settings.RoomTypeId is null ? PmsContractScenario.MinimumRoomsPerNight : await FreeRoomsPerNightAsync(connector, roomType, first, last, cancellationToken),
        };
        scenario = scenario with
        {
            UnknownReservationId = Settings.UnknownReservationId ?? scenario.UnknownReservationId,
            UnknownGuestId = Settings.UnknownGuestId ?? scenario.UnknownGuestId,
        };
        _connector!.KnownAbsentIds = new HashSet<string>([scenario.UnknownReservationId, scenario.UnknownGuestId], StringComparer.Ordinal);
        return scenario;
    }

    /// <inheritdoc />
    protected override async ValueTask DisposeAsyncCore()
    {
        if (_run is not null && _vendorConnector is not null)
        {
            await _run.FixtureEndedAsync(_vendorConnector, _ledger, CancellationToken.None);
        }

        await base.DisposeAsyncCore();
    }

    private static async Task<int> FreeRoomsPerNightAsync(IPmsConnector connector, string roomTypeId, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        // The sandbox's owner chose the window; without an availability grid the kit's minimum is assumed.
        if (!connector.Supports(ConnectorCapabilities.Availability))
        {
            return PmsContractScenario.MinimumRoomsPerNight;
        }

        var free = int.MaxValue;
        for (var from = first; from <= last; from = from.AddDays(PmsArguments.MaxAvailabilityNights))
        {
            var to = from.AddDays(PmsArguments.MaxAvailabilityNights) is var end && end <= last.AddDays(1) ? end : last.AddDays(1);
            var grid = await connector.GetAvailabilityAsync(new AvailabilityRequest(from, to) { RoomTypeIds = [roomTypeId] }, cancellationToken);
            free = Math.Min(free, grid[roomTypeId] is { Nights.Count: > 0 } row ? row.Nights.Min(n => n.Available) : 0);
        }

        return free;
    }

    private void SkipFromGuard(string reason)
    {
        _guardSkipReason = reason;
        Assert.Skip(reason);
    }
}
