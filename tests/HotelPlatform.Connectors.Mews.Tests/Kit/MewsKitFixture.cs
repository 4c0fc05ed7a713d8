using HotelPlatform.Connectors.ContractTests;
using HotelPlatform.Connectors.ContractTests.Simulators;
using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.Mews;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.Mews.Tests.Kit;

/// <summary>
/// Runs the contract kit against the Mews connector as an application resolves it
/// (<c>AddPmsConnectors().AddMews(hotel, configuration)</c>, from DI, through the runtime's HTTP pipeline), talking to
/// the Mews simulator on loopback, started and pointed at by <see cref="MewsSimulatorBinding"/>. The fixture base holds
/// each test's requests to the simulator's strict wire models; this fixture adds what is Mews': the first request of
/// each faulted operation and the paging check.
/// </summary>
public sealed class MewsKitFixture : SimulatorContractFixture<MewsSimulator>
{
    /// <summary>The connector's operation paths, for faults and checks.</summary>
    public const string ReservationsGetAll = MewsSimulator.ApiPrefix + "reservations/getAll/2023-06-06";

    /// <summary>The path of <c>reservations/add</c>.</summary>
    public const string ReservationsAdd = MewsSimulator.ApiPrefix + "reservations/add";

    private static readonly Dictionary<string, SimulatedRequest> MewsFirstRequests = new(StringComparer.Ordinal)
    {
        [nameof(IPmsConnector.GetAvailabilityAsync)] = new("POST", MewsSimulator.ApiPrefix + "services/getAvailability/2024-01-22"),
        [nameof(IPmsConnector.GetReservationAsync)] = new("POST", ReservationsGetAll),
        [nameof(IPmsConnector.CreateReservationAsync)] = new("POST", ReservationsAdd),
        [nameof(IPmsConnector.AddServiceAsync)] = new("POST", MewsSimulator.ApiPrefix + "reservations/addProduct"),
    };

    private ServiceProvider? _services;

    /// <summary>Gets the secret the hotel expects as <c>?Token=</c> on Mews' webhook deliveries.</summary>
    public string WebhookToken { get; } = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    /// <inheritdoc />
    public override bool CanCheckIn => true;

    /// <inheritdoc />
    protected override ISimulatorBinding Binding { get; } = new MewsSimulatorBinding();

    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, SimulatedRequest> FirstRequests => MewsFirstRequests;

    /// <summary>Gets the application's container (the hotel's keyed services).</summary>
    public IServiceProvider Services => _services ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>Checks the guest in at the simulated front desk; Mews starts a reservation only on or after its arrival day, so the clock is moved there and back.</summary>
    /// <inheritdoc />
    public override async ValueTask CheckInAsync(Reservation reservation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        var property = await Connector.GetPropertyAsync(cancellationToken);
        AtLocalTime(reservation.Arrival, new TimeOnly(16, 0), property.GetTimeZoneInfo(), () => Simulator.CheckIn(reservation.VendorId));
    }

    /// <summary>The Mews facts behind each capability the connector does not declare (docs/connectors/mews.md has the sources).</summary>
    /// <inheritdoc />
    public override string? ExplainMissingCapabilities(ConnectorCapabilities missing)
    {
        var reasons = new List<string>();
        if ((missing & ConnectorCapabilities.IdempotentCreate) != 0)
        {
            reasons.Add("the Mews Connector API documents no idempotency key (the word does not occur in connector-api; only the POS API has Idempotency-Key): creates are deduplicated by the client reference in ChannelNumber, looked up with reservations/getAll ChannelNumbers");
        }

        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }

    /// <inheritdoc />
    public override string? ExplainMissingScenarioPart(string part) => part switch
    {
        "KnownGuest.Phone" => "Mews' customers/getAll filters by ids, e-mails, first and last names, loyalty codes and dates, not by phone number (customers.md), and customers/search needs a name or a resource, so a guest cannot be found by phone",
        _ => null,
    };

    /// <inheritdoc />
    public override string? ExplainMissingFaultInjection(PmsContractFault fault) => fault switch
    {
        PmsContractFault.CredentialsExpired => "Mews access tokens do not expire and are not renewed: the AccessToken is issued per enterprise by its administrator (guidelines/authentication.md), so there is no credential to renew",
        _ => null,
    };

    /// <summary>Each reservation the test created came from a <c>reservations/add</c>; a paged list used <c>Limitation.Count</c> as asked and moved by <c>Cursor</c>.</summary>
    /// <inheritdoc />
    protected override void VerifyVendorRequests(ContractTestContext context, IReadOnlyList<RecordedRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var reservationId in context.CreatedReservationIds)
        {
            // A committed add whose answer was lost (commit-then-timeout) counts: its withheld answer names the reservation.
            Assert.Contains(requests, r => r.Path == ReservationsAdd && (r.Response ?? r.WithheldResponse) is { StatusCode: 200 } response && response.Body.Contains(reservationId, StringComparison.Ordinal));
        }

        if (context.Values.TryGetValue(ContractTestContext.PageSize, out var pageSize))
        {
            var pages = requests.Where(r => r.Path == ReservationsGetAll && r.ReadBodyAsJson()?["ScheduledStartUtc"] is not null).ToList();
            Assert.True(pages.Count >= 2, $"{context.TestName}: the list was fetched in {pages.Count} page(s).");
            Assert.All(pages, p => Assert.Equal(pageSize, p.ReadBodyAsJson()!["Limitation"]!["Count"]!.ToString()));
            Assert.All(pages.Skip(1), p => Assert.NotNull(p.ReadBodyAsJson()!["Limitation"]!["Cursor"]));
        }

        // The journal never shows the tokens the connector put into the bodies.
        Assert.All(requests, r => Assert.DoesNotContain(MewsSimulatorOptions.DefaultAccessToken, r.Body, StringComparison.Ordinal));
    }

    /// <summary>Registers the hotel from the binding's settings as configuration, as the sample host does.</summary>
    /// <inheritdoc />
    protected override ValueTask<IPmsConnector> ConnectAsync(BoundSimulator simulator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        var hotel = new ConfigurationBuilder()
            .AddInMemoryCollection(simulator.Settings)
            .AddInMemoryCollection([new("WebhookToken", WebhookToken)])
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddPmsConnectors().AddMews(HotelId, hotel);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return ValueTask.FromResult(_services.GetRequiredKeyedService<IPmsConnector>(HotelId));
    }

    /// <inheritdoc />
    protected override ValueTask<PmsContractScenario> CreateScenarioAsync(IPmsConnector connector, CancellationToken cancellationToken)
    {
        var seeded = Simulator.Scenario;

        // The kit books doubles on the flexible rate from after the seeded doubles (the known guest, the guest in house).
        var firstNight = seeded.Today.AddDays(5);
        var lastNight = firstNight.AddDays(PmsContractScenario.MinimumNights + 19);
        return ValueTask.FromResult(new PmsContractScenario(seeded.DoubleCategoryId, seeded.FlexibleRateId, firstNight, lastNight)
        {
            RoomsPerNight = Simulator.GetAvailableCount(seeded.DoubleCategoryId, firstNight),
            KnownGuest = new GuestProfile(seeded.KnownGuest.LastName) { VendorId = seeded.KnownGuest.Id, FirstName = seeded.KnownGuest.FirstName, Email = seeded.KnownGuest.Email },
            ServiceId = seeded.BreakfastProductId,
            SoldOutStay = new PmsContractStay(seeded.SuiteCategoryId, seeded.FlexibleRateId, seeded.SoldOutNight, seeded.SoldOutNight.AddDays(1)),
            Restriction = new PmsContractRestriction(seeded.DoubleCategoryId, seeded.FlexibleRateId, seeded.RestrictedArrival, new StayRestrictions { MinStay = seeded.RestrictedMinStay }),
        });
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
