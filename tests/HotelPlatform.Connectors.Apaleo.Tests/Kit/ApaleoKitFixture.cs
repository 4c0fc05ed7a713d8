using System.Globalization;
using System.Security.Cryptography;
using HotelPlatform.Connectors.Apaleo;
using HotelPlatform.Connectors.Apaleo.Subscriptions;
using HotelPlatform.Connectors.ContractTests;
using HotelPlatform.Connectors.ContractTests.Simulators;
using HotelPlatform.Connectors.Events;
using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.Apaleo;
using HotelPlatform.Connectors.VendorConformance;
using HotelPlatform.Connectors.VendorConformance.Apaleo;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.Apaleo.Tests.Kit;

/// <summary>
/// Runs the contract kit against the Apaleo connector as an application resolves it
/// (<c>AddPmsConnectors().AddApaleo(hotel, configuration)</c>, from DI, through the runtime's HTTP pipeline), talking to
/// the Apaleo simulator on loopback, started and pointed at by <see cref="ApaleoSimulatorBinding"/>. The simulator-backed
/// fixture base holds each test's requests to the simulator's strict wire models; this fixture adds what is Apaleo's:
/// the first request of each faulted operation, the booking and paging checks and, where <c>../shared/vendor-specs</c> is
/// present, Apaleo's own saved Swagger documents.
/// </summary>
public sealed class ApaleoKitFixture : SimulatorContractFixture<ApaleoSimulator>
{
    /// <summary>The first request each faulted operation sends to Apaleo (the fault applies to it).</summary>
    private static readonly Dictionary<string, SimulatedRequest> ApaleoFirstRequests = new(StringComparer.Ordinal)
    {
        [nameof(IPmsConnector.GetAvailabilityAsync)] = new("GET", "/availability/v1/unit-groups"),
        [nameof(IPmsConnector.GetReservationAsync)] = new("GET", "/booking/v1/reservations/*"),
        [nameof(IPmsConnector.CreateReservationAsync)] = new("POST", "/booking/v1/bookings"),
        [nameof(IPmsConnector.AddServiceAsync)] = new("PUT", "/booking/v1/reservation-actions/*/book-service"),
    };

    private readonly string _webhookSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    private ServiceProvider? _services;
    private OpenApiSpec? _swagger;
    private int _validatedRequests;

    /// <summary>Gets why the Swagger documents are not used, or <see langword="null"/> when every request is validated against them.</summary>
    public string? SwaggerUnavailableReason { get; private set; }

    /// <summary>Gets how many requests were validated against Apaleo's Swagger documents so far.</summary>
    public int ValidatedRequests => Volatile.Read(ref _validatedRequests);

    /// <inheritdoc />
    public override bool CanCheckIn => true;

    /// <summary>Events arrive as Apaleo webhook deliveries from the simulator, verified and parsed by the connector's package.</summary>
    public override bool CanObserveEvents => true;

    /// <inheritdoc />
    protected override ISimulatorBinding Binding { get; } = new ApaleoSimulatorBinding();

    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, SimulatedRequest> FirstRequests => ApaleoFirstRequests;

    /// <inheritdoc />
    protected override bool CanRevokeCredentials => true;

    /// <summary>
    /// Checks the guest in at the simulated front desk. Apaleo refuses a check-in before the arrival day, so the clock is
    /// moved to the afternoon of the arrival (property time) for the check-in, then put back.
    /// </summary>
    /// <inheritdoc />
    public override async ValueTask CheckInAsync(Reservation reservation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        var property = await Connector.GetPropertyAsync(cancellationToken);
        var now = Clock.GetUtcNow();
        if (reservation.Arrival > property.LocalDate(now))
        {
            var arrivalAfternoon = reservation.Arrival.ToDateTime(new TimeOnly(15, 0));
            Clock.SetUtcNow(new DateTimeOffset(arrivalAfternoon, property.GetTimeZoneInfo().GetUtcOffset(arrivalAfternoon)));
        }

        try
        {
            Simulator.CheckIn(reservation.VendorId);
        }
        finally
        {
            Clock.SetUtcNow(now);
        }
    }

    /// <summary>The Apaleo facts behind each capability the connector does not declare (docs/connectors/apaleo.md has the sources).</summary>
    /// <inheritdoc />
    public override string? ExplainMissingCapabilities(ConnectorCapabilities missing)
    {
        var reasons = new List<string>();
        if ((missing & (ConnectorCapabilities.GuestProfiles | ConnectorCapabilities.UpsertGuest)) != 0)
        {
            reasons.Add("Apaleo has no guest-profile API; a guest exists only as the booker or a guest of a booking or reservation (no profile path in any Apaleo Swagger document)");
        }

        if ((missing & ConnectorCapabilities.Restrictions) != 0)
        {
            reasons.Add("Apaleo keeps stay restrictions (min/max length of stay, closed, closed on arrival or departure) on each rate plan's rates (rateplan-v1 /rate-plans/{id}/rates), not on the unit group, so a per-room-type grid cannot carry them");
        }

        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }

    /// <inheritdoc />
    public override string? ExplainMissingScenarioPart(string part) => part switch
    {
        "KnownGuest.Phone" => "Apaleo's reservation search (booking-v1 GET /booking/v1/reservations?textSearch=) matches names, e-mail, company, external code, reservation id and unit name, not phone numbers, so a guest cannot be found by phone",
        _ => null,
    };

    /// <summary>Revokes every token issued so far; applied once the connector has obtained a new one.</summary>
    /// <inheritdoc />
    protected override Func<bool> RevokeCredentials()
    {
        var issued = Simulator.Tokens.TokensIssued;
        Simulator.Tokens.RevokeAll();
        return () => Simulator.Tokens.TokensIssued > issued;
    }

    /// <summary>Token requests are the identity server's, not Apaleo's API.</summary>
    /// <inheritdoc />
    protected override bool IsApiRequest(RecordedRequest request) => request.Path != ApaleoSimulator.TokenPath;

    /// <summary>Each reservation the test created came from one <c>POST /booking/v1/bookings</c>; lists were paged as asked; Swagger, when saved.</summary>
    /// <inheritdoc />
    protected override void VerifyVendorRequests(ContractTestContext context, IReadOnlyList<RecordedRequest> requests)
    {
        foreach (var reservationId in context.CreatedReservationIds)
        {
            Assert.Contains(requests, r => r.Method == "POST" && r.Path == "/booking/v1/bookings" && r.Response is { StatusCode: 201 } response && response.Body.Contains(reservationId, StringComparison.Ordinal));
        }

        if (context.Values.TryGetValue(ContractTestContext.PageSize, out var pageSize))
        {
            var pages = requests.Where(r => r.Method == "GET" && r.Path == "/booking/v1/reservations").ToList();
            Assert.True(pages.Count >= 2, $"{context.TestName}: the list was fetched in {pages.Count} page(s).");
            Assert.All(pages, p => Assert.Equal(pageSize, p.GetQueryValue("pageSize")));
            Assert.Equal(Enumerable.Range(1, pages.Count).Select(n => n.ToString(CultureInfo.InvariantCulture)), pages.Select(p => p.GetQueryValue("pageNumber")));
        }

        if (_swagger is not null)
        {
            ValidateAgainstSwagger(context, requests);
        }
    }

    /// <summary>
    /// Registers the hotel from the binding's settings (base address, token endpoint, webhook address, credentials the
    /// simulator accepts) as configuration, as the sample host does, with a quota far above the kit's pace.
    /// </summary>
    /// <inheritdoc />
    protected override async ValueTask<IPmsConnector> ConnectAsync(BoundSimulator simulator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        await LoadSwaggerAsync();

        // The kit runs far faster than Apaleo's quota; the quota is exercised by tests of its own (simulator and connector).
        var hotel = new ConfigurationBuilder()
            .AddInMemoryCollection(simulator.Settings)
            .AddInMemoryCollection([new("RequestsPerSecond", "100"), new("RequestBurst", "100"), new("Webhook:UrlSecret", _webhookSecret)])
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddPmsConnectors().AddApaleo(HotelId, hotel);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var connector = _services.GetRequiredKeyedService<IPmsConnector>(HotelId);
        await SubscribeToWebhooksAsync(connector, cancellationToken);
        return connector;
    }

    /// <inheritdoc />
    protected override ValueTask<PmsContractScenario> CreateScenarioAsync(IPmsConnector connector, CancellationToken cancellationToken)
    {
        var seeded = Simulator.Scenario;

        // The kit books in the main unit group on its flexible rate; its window starts after every seeded stay of that
        // group (the known guest, the guest in house, the restricted arrival) so that the kit sees every room free.
        var firstNight = seeded.RestrictedArrival.Arrival.AddDays(seeded.RestrictedArrival.MinLengthOfStay + 2);
        var lastNight = firstNight.AddDays(PmsContractScenario.MinimumNights + 19);
        // Apaleo names a rate plan {property}-{rate plan code}-{unit group code}, a unit group {property}-{code}.
        var soldOutRatePlan = $"{seeded.PropertyId}-FLEX-{seeded.SoldOut.UnitGroupId[(seeded.PropertyId.Length + 1)..]}";
        Assert.Contains(soldOutRatePlan, seeded.RatePlanIds);
        return ValueTask.FromResult(new PmsContractScenario(seeded.MainUnitGroupId, seeded.FlexibleRatePlanId, firstNight, lastNight)
        {
            RoomsPerNight = Simulator.GetSellableCount(seeded.MainUnitGroupId, firstNight),
            KnownGuest = new GuestProfile(seeded.KnownGuest.LastName) { FirstName = seeded.KnownGuest.FirstName, Email = seeded.KnownGuest.Email },
            ServiceId = seeded.BreakfastServiceId,
            SoldOutStay = new PmsContractStay(seeded.SoldOut.UnitGroupId, soldOutRatePlan, seeded.SoldOut.Night, seeded.SoldOut.Night.AddDays(1)),
            Restriction = new PmsContractRestriction(seeded.MainUnitGroupId, seeded.RestrictedArrival.RatePlanId, seeded.RestrictedArrival.Arrival, new StayRestrictions { MinStay = seeded.RestrictedArrival.MinLengthOfStay }),
        });
    }

    /// <summary>Releases the application's container (and with it the connector) before the simulator stops.</summary>
    /// <inheritdoc />
    protected override async ValueTask DisposeAsyncCore()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await base.DisposeAsyncCore();
    }

    /// <summary>
    /// Starts a webhook receiver on loopback, protected as Apaleo recommends (a secret in the address, the hotel's
    /// <c>Webhook:UrlSecret</c>), and subscribes it through the connector's <see cref="IApaleoSubscriptions"/>; every
    /// delivery goes through the hotel's keyed <see cref="IPmsWebhookHandler"/> (the events seam) into the kit's event log.
    /// </summary>
    private async Task SubscribeToWebhooksAsync(IPmsConnector connector, CancellationToken cancellationToken)
    {
        // Deliveries go through the hotel's webhook handler, as an application's endpoint would take them.
        var handler = _services!.GetRequiredKeyedService<IPmsWebhookHandler>(HotelId);
        var receiver = await StartWebhookReceiverAsync(handler, HotelId, StatusCodes.Status204NoContent, cancellationToken);

        var subscriptions = connector.GetService<IApaleoSubscriptions>()
            ?? throw new InvalidOperationException("The Apaleo connector offers no IApaleoSubscriptions service.");
        await subscriptions.SubscribeAsync(new Uri(receiver.BaseAddress, $"webhooks/apaleo?token={_webhookSecret}"), cancellationToken: cancellationToken);
    }

    private async Task LoadSwaggerAsync()
    {
        var location = VendorConformance.VendorSpecs.Location;
        if (location.Root is null)
        {
            SwaggerUnavailableReason = location.Description;
            return;
        }

        _swagger = await ApaleoSwagger.LoadAsync();
    }

    private void ValidateAgainstSwagger(ContractTestContext context, IReadOnlyList<RecordedRequest> api)
    {
        var failures = new List<string>();
        foreach (var request in api)
        {
            if (ApaleoSwagger.UnsavedApiOf(request.Path) is not null || request.Path.StartsWith("/v1/subscriptions", StringComparison.Ordinal))
            {
                continue;
            }

            if (_swagger!.FindOperation(request.Method, request.Path) is null)
            {
                failures.Add($"{request}: no such operation in Apaleo's saved Swagger documents.");
                continue;
            }

            failures.AddRange(ApaleoSwagger.ValidateRequest(_swagger, request).Where(r => !r.IsValid).Select(r => r.ToString()));
            Interlocked.Increment(ref _validatedRequests);
        }

        Assert.True(failures.Count == 0, $"{context.TestName}: requests that do not match Apaleo's Swagger:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }
}
