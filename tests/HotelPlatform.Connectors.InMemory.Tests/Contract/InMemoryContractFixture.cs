using System.Globalization;
using HotelPlatform.Connectors.ContractTests;
using HotelPlatform.Connectors.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HotelPlatform.Connectors.InMemory.Tests.Contract;

/// <summary>
/// Runs the contract kit against the in-memory PMS as an application resolves it: registered with
/// <c>AddPmsConnectors().AddInMemory(...)</c> and taken from DI (so through the runtime's telemetry layer), with a
/// <see cref="FakeTimeProvider"/> as the clock. Its <see cref="VerifyRequestsAsync"/> checks the PMS's operation log,
/// the in-memory counterpart of the requests a vendor receives; the events the PMS raises are its webhooks. It has no
/// vendor transport, so the resilience tests skip, unless a test gives it a <see cref="FakeVendorTransport"/>.
/// </summary>
public sealed class InMemoryContractFixture : PmsContractFixture
{
    public const string HotelId = "kit-hotel";

    /// <summary>09:00 UTC on a Monday in March; Berlin is on UTC+1 then and on UTC+2 after the last Sunday of March.</summary>
    public static readonly DateTimeOffset Start = new(2030, 3, 4, 9, 0, 0, TimeSpan.Zero);

    private readonly Func<IPmsConnector, IPmsConnector>? _decorate;
    private readonly ConnectorCapabilities _capabilities;
    private readonly Func<PmsContractScenario, PmsContractScenario> _adjustScenario;
    private readonly Func<PmsEvent, IEnumerable<PmsEvent>> _deliver;
    private readonly FakeVendorTransport? _transport;
    private readonly TimeSpan? _eventWaitLimit;
    private readonly bool _observeEvents;
    private ServiceProvider? _services;

    public InMemoryContractFixture()
        : this(decorate: null)
    {
    }

    /// <summary>
    /// A fixture whose connector is wrapped (a deliberately broken connector, or a <see cref="FakeVendorTransport"/> the
    /// resilience tests can fault), declares fewer capabilities, describes less, or delivers the PMS's events differently
    /// (dropped, rewritten, duplicated; not at all): how the kit's own tests prove that it fails and skips.
    /// </summary>
    internal InMemoryContractFixture(
        Func<IPmsConnector, IPmsConnector>? decorate,
        ConnectorCapabilities capabilities = ConnectorCapabilities.All,
        Func<PmsContractScenario, PmsContractScenario>? adjustScenario = null,
        Func<PmsEvent, IEnumerable<PmsEvent>>? deliverEvent = null,
        FakeVendorTransport? transport = null,
        TimeSpan? eventWaitLimit = null,
        bool observeEvents = true)
    {
        _decorate = decorate;
        _capabilities = capabilities;
        _adjustScenario = adjustScenario ?? (static s => s);
        _deliver = deliverEvent ?? (static e => [e]);
        _transport = transport;
        _eventWaitLimit = eventWaitLimit;
        _observeEvents = observeEvents;
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public InMemoryPms Pms { get; private set; } = null!;

    public override bool CanSetClock => true;

    public override bool CanCheckIn => true;

    // Events reach the kit as the PMS raises them (InMemoryPms.EventRaised), standing in for a webhook subscription.
    public override bool CanObserveEvents => _observeEvents;

    public override TimeSpan EventWaitLimit => _eventWaitLimit ?? base.EventWaitLimit;

    public static DateOnly FirstNight => new(2030, 3, 5);

    public static DateOnly LastNight => FirstNight.AddDays(PmsContractScenario.MinimumNights + 4);

    public override DateTimeOffset GetUtcNow() => Clock.GetUtcNow();

    // AdjustTime, unlike SetUtcNow, may go back: the kit restores the clock after moving it.
    public override void SetUtcNow(DateTimeOffset utcNow) => Clock.AdjustTime(utcNow);

    public override ValueTask CheckInAsync(Reservation reservation, CancellationToken cancellationToken)
    {
        Pms.CheckIn(reservation.VendorId);
        return ValueTask.CompletedTask;
    }

    public override bool CanInjectFault(PmsContractFault fault) => _transport is not null;

    public override string? ExplainMissingFaultInjection(PmsContractFault fault) =>
        _transport is null
            ? "the in-memory PMS has no vendor transport to fault: its connector calls the PMS in process, so no request can be refused with 429 or 5xx, lose its answer or carry an expired token"
            : null;

    public override ValueTask OnTestStartingAsync(ContractTestContext context)
    {
        Pms.ClearOperations();
        return ValueTask.CompletedTask;
    }

    public override ValueTask VerifyRequestsAsync(ContractTestContext context)
    {
        var operations = Pms.Operations;
        if (context.ExpectsNoVendorRequests)
        {
            Assert.True(operations.Count == 0, $"{context.TestName}: bad input reached the PMS: {string.Join(", ", operations.Select(o => o.Name))}.");
        }

        foreach (var reservationId in context.CreatedReservationIds)
        {
            Assert.Contains(operations, o => o.Name == "CreateReservation" && o.EntityId == reservationId);
        }

        if (context.Values.TryGetValue(ContractTestContext.PageSize, out var pageSize))
        {
            var pages = operations.Where(o => o.Name == "GetReservationsPage").ToList();
            Assert.True(pages.Count >= 2, $"{context.TestName}: the list was fetched in {pages.Count} page(s).");
            Assert.All(pages, p => Assert.Equal(int.Parse(pageSize, CultureInfo.InvariantCulture), p.PageSize));
            Assert.Equal(Enumerable.Range(1, pages.Count), pages.Select(p => p.PageNumber!.Value));
        }

        return ValueTask.CompletedTask;
    }

    protected override ValueTask<IPmsConnector> CreateConnectorAsync(CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        var builder = services.AddPmsConnectors();
        if (_decorate is not null)
        {
            builder.Use(_decorate);
        }

        if (_transport is not null)
        {
            builder.Use(_transport.Wrap);
        }

        builder.AddInMemory(HotelId, options =>
        {
            options.Capabilities = _capabilities;
            options.PropertyId = "KIT";
            options.Name = "Contract Kit Hotel";
            options.TimeZone = "Europe/Berlin";
            options.Currency = "EUR";
            options.Seed(Seed);
        });
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Pms = _services.GetRequiredKeyedService<InMemoryPms>(HotelId);
        if (_observeEvents)
        {
            Pms.EventRaised += OnEventRaised;
        }

        return ValueTask.FromResult(_services.GetRequiredKeyedService<IPmsConnector>(HotelId));
    }

    protected override ValueTask<PmsContractScenario> CreateScenarioAsync(IPmsConnector connector, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_adjustScenario(new PmsContractScenario("DBL", "FLEX", FirstNight, LastNight)
        {
            RoomsPerNight = 10,
            KnownGuest = new GuestProfile("Schmidt") { VendorId = "G-KIT-1", FirstName = "Anna", Email = "anna.schmidt@example.com", Phone = "+49 30 5550101" },
            ServiceId = "BRKF",
            SoldOutStay = new PmsContractStay("SUI", "FLEX", FirstNight.AddDays(2), FirstNight.AddDays(4)),
            Restriction = new PmsContractRestriction("DBL", "FLEX", LastNight.AddDays(5), new StayRestrictions { MinStay = 3 }),
        }));

    protected override ValueTask<PmsContractInjectedFault> InjectFaultCoreAsync(PmsContractFault fault, string operation, CancellationToken cancellationToken) =>
        _transport is null
            ? base.InjectFaultCoreAsync(fault, operation, cancellationToken)
            : ValueTask.FromResult(_transport.Inject(fault, operation));

    protected override async ValueTask DisposeAsyncCore()
    {
        if (Pms is not null)
        {
            Pms.EventRaised -= OnEventRaised;
        }

        await base.DisposeAsyncCore();
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    private void OnEventRaised(object? sender, PmsEvent pmsEvent)
    {
        foreach (var delivered in _deliver(pmsEvent))
        {
            Events.Add(delivered);
        }
    }

    private static void Seed(InMemoryHotelBuilder hotel) => hotel
        .AddRoomType("DBL", "Double room", rooms: 10, maxOccupancy: 2)
        .AddRoomType("SUI", "Suite", rooms: 1, maxOccupancy: 3)
        .AddRoomType("SGL", "Single room", rooms: 3, maxOccupancy: 1)
        .AddRatePlan("FLEX", "Flexible", plan => plan
            .Price("DBL", 120m).Price("SUI", 300m).Price("SGL", 80m)
            .VatIncluded(7m)
            .Fee("City tax", 5m, InMemoryFeeBasis.PercentOfNetRoomRate))
        .AddRatePlan("NONREF", "Non-refundable", plan => plan.Price("DBL", 108m).VatIncluded(7m).NonRefundable())
        .Restrict("DBL", LastNight.AddDays(5), LastNight.AddDays(5), new StayRestrictions { MinStay = 3 })
        .AddService("BRKF", "Breakfast", 18m, ServicePricingUnit.PerPersonPerNight)
        .AddService("PARK", "Parking", 15m, ServicePricingUnit.PerNight)
        .AddGuest(new GuestProfile("Schmidt") { VendorId = "G-KIT-1", FirstName = "Anna", Email = "anna.schmidt@example.com", Phone = "+49 30 5550101" })
        .AddReservation(new ReservationDraft(FirstNight.AddDays(2), FirstNight.AddDays(4), "SUI", "FLEX", new GuestProfile("Occupant")));
}
