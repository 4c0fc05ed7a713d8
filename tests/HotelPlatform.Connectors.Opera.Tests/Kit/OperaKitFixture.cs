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

        if ((missing & (ConnectorCapabilities.ServiceOffers | ConnectorCapabilities.AddService)) != 0)
        {
            reasons.Add("OPERA sells extras as packages (rsv reservationPackages, par hotelPackage); the connector does not map them yet");
        }

        if ((missing & ConnectorCapabilities.Restrictions) != 0)
        {
            reasons.Add("OPERA keeps stay restrictions per rate plan and room type in par restrictions; the inventory counts of the grid carry none and the connector does not read them yet");
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

    /// <summary>Every API request carried the application key and the hotel; created reservations came from one POST each.</summary>
    /// <inheritdoc />
    protected override void VerifyVendorRequests(ContractTestContext context, IReadOnlyList<RecordedRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requests);
        Assert.All(requests, r => Assert.True(r.Headers.ContainsKey("x-app-key") && r.Headers.ContainsKey("x-hotelid"), $"{r} lacks x-app-key or x-hotelid."));
        // Exactly once: one accepted (or answer-lost) POST per reservation the test created, never a second one.
        var creates = requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/reservations", StringComparison.Ordinal) && r.Response is null or { StatusCode: 201 });
        Assert.Equal(context.CreatedReservationIds.Distinct(StringComparer.Ordinal).Count(), creates);
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
        return ValueTask.FromResult(new PmsContractScenario(OperaSimulator.RoomTypeCodes[0], OperaSimulator.RatePlanCodes[0], firstNight, firstNight.AddDays(PmsContractScenario.MinimumNights + 19))
        {
            RoomsPerNight = Simulator.OperaOptions.RoomsPerType,
            SoldOutStay = new PmsContractStay("SUITE", OperaSimulator.RatePlanCodes[0], soldOutNight, soldOutNight.AddDays(1)),
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
