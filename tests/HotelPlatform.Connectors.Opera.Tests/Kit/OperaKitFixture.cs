using HotelPlatform.Connectors.ContractTests;
using HotelPlatform.Connectors.ContractTests.Simulators;
using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.Opera;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.Opera.Tests.Kit;

/// <summary>
/// Runs the contract kit against the OPERA connector as an application resolves it
/// (<c>AddPmsConnectors().AddOpera(hotel, configuration)</c>), talking to the OHIP simulator started and pointed at by
/// <see cref="OperaSimulatorBinding"/>.
/// </summary>
public sealed class OperaKitFixture : SimulatorContractFixture<OperaSimulator>
{
    private static readonly Dictionary<string, SimulatedRequest> OperaFirstRequests = new(StringComparer.Ordinal)
    {
        [nameof(IPmsConnector.GetAvailabilityAsync)] = new("GET", "/inv/v1/hotels/*/hotelInventory"),
        [nameof(IPmsConnector.GetReservationAsync)] = new("GET", "/rsv/v1/hotels/*/reservations/*"),
        [nameof(IPmsConnector.CreateReservationAsync)] = new("POST", "/rsv/v1/hotels/*/reservations"),
        [nameof(IPmsConnector.AddServiceAsync)] = new("POST", "/rsv/v1/hotels/*/reservations/*/packages"),
    };

    private ServiceProvider? _services;

    /// <inheritdoc />
    public override bool CanCheckIn => true;

    /// <inheritdoc />
    /// <remarks>A zone far from UTC, so that "today" at the hotel differs from the UTC date at some hours.</remarks>
    protected override ISimulatorBinding Binding { get; } = new OperaSimulatorBinding(o => o.TimeZone = "America/New_York");

    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, SimulatedRequest> FirstRequests => OperaFirstRequests;

    /// <inheritdoc />
    protected override bool CanRevokeCredentials => true;

    /// <inheritdoc />
    public override ValueTask CheckInAsync(Reservation reservation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        Simulator.CheckIn(reservation.PropertyId, reservation.VendorId);
        return ValueTask.CompletedTask;
    }

    /// <summary>What OHIP lacks or the connector does not cover, with the source (docs/connectors/opera.md).</summary>
    /// <inheritdoc />
    public override string? ExplainMissingCapabilities(ConnectorCapabilities missing)
    {
        var reasons = new List<string>();
        if ((missing & ConnectorCapabilities.Webhooks) != 0)
        {
            reasons.Add("OHIP pushes no webhooks: reservation changes arrive as business events dequeued from int getBusinessEvents (the connector's IPmsEventSource, tested in Events/) or over the GraphQL streaming API");
        }

        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }

    /// <summary>Revokes every token issued so far; applied once the connector has obtained a new one.</summary>
    /// <inheritdoc />
    protected override Func<bool> RevokeCredentials()
    {
        var issued = Simulator.Tokens.TokensIssued;
        Simulator.Tokens.RevokeAll();
        return () => Simulator.Tokens.TokensIssued > issued;
    }

    /// <inheritdoc />
    protected override bool IsApiRequest(RecordedRequest request) => request.Path != OperaSimulator.TokenPath;

    /// <summary>Every API request carried the application key and the hotel; created reservations came from one POST each; a faulted extra was posted once.</summary>
    /// <inheritdoc />
    protected override void VerifyVendorRequests(ContractTestContext context, IReadOnlyList<RecordedRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requests);
        Assert.All(requests, r => Assert.True(r.Headers.ContainsKey("x-app-key") && r.Headers.ContainsKey("x-hotelid"), $"{r} lacks x-app-key or x-hotelid."));
        // Exactly once: one accepted (or answer-lost) POST per reservation the test created, never a second one.
        var creates = requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/reservations", StringComparison.Ordinal) && r.Response is null or { StatusCode: 201 });
        Assert.Equal(context.CreatedReservationIds.Distinct(StringComparer.Ordinal).Count(), creates);
        // OHIP has no idempotency key for postReservationPackage: under a fault the package was sent at most once more
        // after a read showed it missing, never blindly repeated.
        if (context.Values.TryGetValue(ContractTestContext.FaultedOperation, out var faulted) && faulted == nameof(IPmsConnector.AddServiceAsync))
        {
            var posts = requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/packages", StringComparison.Ordinal)).ToList();
            Assert.True(posts.Count(r => r.Response is null or { StatusCode: 201 }) <= 1, $"The package was attached more than once: {string.Join(", ", posts)}.");
        }
    }

    /// <inheritdoc />
    protected override ValueTask<IPmsConnector> ConnectAsync(BoundSimulator simulator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        var hotel = new ConfigurationBuilder().AddInMemoryCollection(simulator.Settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddPmsConnectors().AddOpera(HotelId, hotel);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return ValueTask.FromResult(_services.GetRequiredKeyedService<IPmsConnector>(HotelId));
    }

    /// <inheritdoc />
    protected override ValueTask<PmsContractScenario> CreateScenarioAsync(IPmsConnector connector, CancellationToken cancellationToken)
    {
        var property = connector.GetPropertyAsync(cancellationToken).GetAwaiter().GetResult();
        var firstNight = property.LocalDate(Clock.GetUtcNow()).AddDays(10);

        // The suites (two rooms) are sold out on one night before the kit's window.
        var soldOutNight = firstNight.AddDays(-3);
        Simulator.SeedReservations(Simulator.OperaOptions.HotelCodes[0], 2, soldOutNight, 1, soldOutNight.AddDays(1), "Reserved", roomType: "SUITE");

        // Arrivals of the main room type need three nights on one date before the window (a par MinimumLengthOfStay).
        var restrictedArrival = firstNight.AddDays(-5);
        Simulator.SetRestriction(Simulator.OperaOptions.HotelCodes[0], restrictedArrival, restrictedArrival, "MinimumLengthOfStay", 3, OperaSimulator.RoomTypeCodes[0]);
        return ValueTask.FromResult(new PmsContractScenario(OperaSimulator.RoomTypeCodes[0], OperaSimulator.RatePlanCodes[0], firstNight, firstNight.AddDays(PmsContractScenario.MinimumNights + 19))
        {
            RoomsPerNight = Simulator.OperaOptions.RoomsPerType,
            ServiceId = OperaSimulator.BreakfastPackageCode,
            SoldOutStay = new PmsContractStay("SUITE", OperaSimulator.RatePlanCodes[0], soldOutNight, soldOutNight.AddDays(1)),
            Restriction = new PmsContractRestriction(OperaSimulator.RoomTypeCodes[0], OperaSimulator.RatePlanCodes[0], restrictedArrival, new StayRestrictions { MinStay = 3 }),
            KnownGuest = new GuestProfile(OperaSimulator.KnownGuestLastName)
            {
                VendorId = Simulator.KnownGuestProfileId,
                FirstName = OperaSimulator.KnownGuestFirstName,
                Email = OperaSimulator.KnownGuestEmail,
                Phone = OperaSimulator.KnownGuestPhone,
            },
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
