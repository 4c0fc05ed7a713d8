using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HotelPlatform.Connectors.Apaleo;
using HotelPlatform.Connectors.Apaleo.Subscriptions;
using HotelPlatform.Connectors.ContractTests;
using HotelPlatform.Connectors.Events;
using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.Apaleo;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace HotelPlatform.Connectors.VendorConformance.Apaleo.Kit;

/// <summary>
/// Runs the contract kit against the Apaleo connector as an application resolves it
/// (<c>AddPmsConnectors().AddApaleo(...)</c>, from DI, through the runtime's HTTP pipeline), talking to the Apaleo
/// simulator on loopback. After each kit test it holds the requests the connector sent to two standards: the
/// simulator's strict wire models (no request refused as malformed) and, where <c>../shared/vendor-specs</c> is present,
/// Apaleo's own saved Swagger documents.
/// </summary>
public sealed class ApaleoKitFixture : PmsContractFixture
{
    /// <summary>The hotel id the connector is registered under.</summary>
    public const string HotelId = "kit-apaleo";

    /// <summary>The first request each faulted operation sends to Apaleo (the fault applies to it).</summary>
    private static readonly Dictionary<string, (string Method, string PathPattern)> FirstRequests = new(StringComparer.Ordinal)
    {
        [nameof(IPmsConnector.GetAvailabilityAsync)] = ("GET", "/availability/v1/unit-groups"),
        [nameof(IPmsConnector.GetReservationAsync)] = ("GET", "/booking/v1/reservations/*"),
        [nameof(IPmsConnector.CreateReservationAsync)] = ("POST", "/booking/v1/bookings"),
        [nameof(IPmsConnector.AddServiceAsync)] = ("PUT", "/booking/v1/reservation-actions/*/book-service"),
    };

    private readonly string _webhookSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    private ServiceProvider? _services;
    private WebhookReceiver? _webhookReceiver;
    private OpenApiSpec? _swagger;
    private long _testStartSequence;
    private int _validatedRequests;

    /// <summary>Gets the simulator behind the connector.</summary>
    public ApaleoSimulator Simulator { get; private set; } = null!;

    /// <summary>Gets why the Swagger documents are not used, or <see langword="null"/> when every request is validated against them.</summary>
    public string? SwaggerUnavailableReason { get; private set; }

    /// <summary>Gets how many requests were validated against Apaleo's Swagger documents so far.</summary>
    public int ValidatedRequests => Volatile.Read(ref _validatedRequests);

    /// <inheritdoc />
    public override bool CanSetClock => true;

    /// <inheritdoc />
    public override bool CanCheckIn => true;

    /// <summary>Events arrive as Apaleo webhook deliveries from the simulator, verified and parsed by the connector's package.</summary>
    public override bool CanObserveEvents => true;

    /// <summary>Gets the webhook deliveries the receiver refused (failed verification or unparseable); the kit run expects none.</summary>
    public List<string> RefusedDeliveries { get; } = [];

    internal ApaleoKitClock Clock { get; } = new();

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Clock.GetUtcNow();

    /// <inheritdoc />
    public override void SetUtcNow(DateTimeOffset utcNow) => Clock.SetUtcNow(utcNow);

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

    /// <inheritdoc />
    public override bool CanInjectFault(PmsContractFault fault) => fault is PmsContractFault.RateLimited or PmsContractFault.ServerError or PmsContractFault.ResponseLost or PmsContractFault.CredentialsExpired;

    /// <summary>
    /// Queues the fault on the simulator's fault injector for the operation's first request (429 with a one-second
    /// <c>Retry-After</c>, 503, or commit-then-timeout with the connection aborted), or revokes every token issued so far.
    /// </summary>
    /// <inheritdoc />
    protected override ValueTask<PmsContractInjectedFault> InjectFaultCoreAsync(PmsContractFault fault, string operation, CancellationToken cancellationToken)
    {
        if (fault == PmsContractFault.CredentialsExpired)
        {
            var issued = Simulator.Tokens.TokensIssued;
            Simulator.Tokens.RevokeAll();
            return ValueTask.FromResult(new PmsContractInjectedFault(fault, operation, () => Simulator.Tokens.TokensIssued > issued));
        }

        if (!FirstRequests.TryGetValue(operation, out var first))
        {
            throw new NotSupportedException($"{nameof(ApaleoKitFixture)} does not know the first Apaleo request of {operation}; add it to {nameof(FirstRequests)}.");
        }

        var simulated = fault switch
        {
            PmsContractFault.RateLimited => SimulatedFault.TooManyRequests(TimeSpan.FromSeconds(1)),
            PmsContractFault.ServerError => SimulatedFault.ServerError(503),
            PmsContractFault.ResponseLost => SimulatedFault.CommitThenTimeout(),
            _ => throw new NotSupportedException($"{fault} cannot be injected by {nameof(ApaleoKitFixture)}."),
        };
        var rule = Simulator.Faults.Enqueue(simulated, first.Method, first.PathPattern);
        return ValueTask.FromResult(new PmsContractInjectedFault(fault, operation, () => rule.Remaining == 0, () =>
        {
            Simulator.Faults.Remove(rule.Id);
            return ValueTask.CompletedTask;
        }));
    }

    /// <inheritdoc />
    public override ValueTask OnTestStartingAsync(ContractTestContext context)
    {
        _testStartSequence = Simulator.Requests.Snapshot() is { Count: > 0 } requests ? requests[^1].Sequence : 0;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override ValueTask VerifyRequestsAsync(ContractTestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var requests = Simulator.Requests.Where(r => r.Sequence > _testStartSequence).ToList();
        var api = requests.Where(r => r.Path != ApaleoSimulator.TokenPath).ToList();

        if (context.ExpectsNoVendorRequests)
        {
            Assert.True(api.Count == 0, $"{context.TestName}: bad input reached Apaleo: {string.Join(", ", api)}.");
        }

        Assert.True(RefusedDeliveries.Count == 0, $"{context.TestName}: webhook deliveries were refused: {string.Join("; ", RefusedDeliveries)}");
        var refused = Simulator.ValidationFailures.Where(f => f.RequestSequence > _testStartSequence).ToList();
        Assert.True(refused.Count == 0, $"{context.TestName}: the simulator refused requests that do not match Apaleo's wire model:{Environment.NewLine}{string.Join(Environment.NewLine, refused)}");

        foreach (var reservationId in context.CreatedReservationIds)
        {
            Assert.Contains(api, r => r.Method == "POST" && r.Path == "/booking/v1/bookings" && r.Response is { StatusCode: 201 } response && response.Body.Contains(reservationId, StringComparison.Ordinal));
        }

        if (context.Values.TryGetValue(ContractTestContext.PageSize, out var pageSize))
        {
            var pages = api.Where(r => r.Method == "GET" && r.Path == "/booking/v1/reservations").ToList();
            Assert.True(pages.Count >= 2, $"{context.TestName}: the list was fetched in {pages.Count} page(s).");
            Assert.All(pages, p => Assert.Equal(pageSize, p.GetQueryValue("pageSize")));
            Assert.Equal(Enumerable.Range(1, pages.Count).Select(n => n.ToString(CultureInfo.InvariantCulture)), pages.Select(p => p.GetQueryValue("pageNumber")));
        }

        if (_swagger is not null)
        {
            ValidateAgainstSwagger(context, api);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    protected override async ValueTask<IPmsConnector> CreateConnectorAsync(CancellationToken cancellationToken)
    {
        // The kit runs far faster than Apaleo's quota; the quota is exercised by tests of its own (simulator and connector).
        Simulator = new ApaleoSimulator(new SimulatorOptions { TimeProvider = Clock, EnforceRateLimits = false });
        await Simulator.StartAsync(cancellationToken);
        await LoadSwaggerAsync();

        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddPmsConnectors().AddApaleo(HotelId, options =>
        {
            options.PropertyId = Simulator.Scenario.PropertyId;
            options.BaseAddress = Simulator.BaseAddress;
            options.TokenEndpoint = new Uri(Simulator.BaseAddress, ApaleoSimulator.TokenPath);
            options.WebhookAddress = Simulator.BaseAddress;
            options.ClientId = ApaleoSimulatorOptions.DefaultClientId;
            options.ClientSecret = ApaleoSimulatorOptions.DefaultClientSecret;
            options.RequestsPerSecond = 100;
            options.RequestBurst = 100;
            options.Webhook.UrlSecret = _webhookSecret;
        });
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

    /// <inheritdoc />
    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (Simulator is not null)
        {
            await Simulator.DisposeAsync();
        }

        if (_webhookReceiver is not null)
        {
            await _webhookReceiver.DisposeAsync();
        }
    }

    /// <summary>
    /// Starts a webhook receiver on loopback, protected as Apaleo recommends (a secret in the address, the hotel's
    /// <c>Webhook:UrlSecret</c>), and subscribes it through the connector's <see cref="IApaleoSubscriptions"/>; every
    /// delivery goes through the hotel's keyed <see cref="IPmsWebhookHandler"/> (the events seam) into the kit's event log.
    /// </summary>
    private async Task SubscribeToWebhooksAsync(IPmsConnector connector, CancellationToken cancellationToken)
    {
        var handler = _services!.GetRequiredKeyedService<IPmsWebhookHandler>(HotelId);
        _webhookReceiver = await WebhookReceiver.StartAsync(
            received =>
            {
                var request = new PmsWebhookRequest
                {
                    HotelId = HotelId,
                    Method = "POST",
                    Path = Uri.UnescapeDataString(received.RequestUri.AbsolutePath),
                    QueryString = received.RequestUri.Query,
                    Headers = received.Headers.ToDictionary(h => h.Key, h => new StringValues(h.Value)),
                    Body = Encoding.UTF8.GetBytes(received.Body),
                    ContentType = received.Headers.GetValueOrDefault("Content-Type"),
                    ReceivedAt = Clock.GetUtcNow(),
                };

                // Apaleo's handler does no I/O: the task has completed when HandleAsync returns.
                var result = handler.HandleAsync(request).AsTask().GetAwaiter().GetResult();
                if (result.Outcome is PmsWebhookOutcome.Rejected or PmsWebhookOutcome.Malformed)
                {
                    lock (RefusedDeliveries)
                    {
                        RefusedDeliveries.Add($"{result.Outcome}: {result.Reason}");
                    }

                    return result.Outcome == PmsWebhookOutcome.Rejected ? StatusCodes.Status401Unauthorized : StatusCodes.Status400BadRequest;
                }

                foreach (var inbound in result.Events)
                {
                    Events.Add(inbound.Event);
                }

                return StatusCodes.Status204NoContent;
            },
            cancellationToken);

        var subscriptions = connector.GetService<IApaleoSubscriptions>()
            ?? throw new InvalidOperationException("The Apaleo connector offers no IApaleoSubscriptions service.");
        await subscriptions.SubscribeAsync(new Uri(_webhookReceiver.BaseAddress, $"webhooks/apaleo?token={_webhookSecret}"), cancellationToken: cancellationToken);
    }

    private async Task LoadSwaggerAsync()
    {
        var location = VendorSpecs.Location;
        if (location.Root is null)
        {
            SwaggerUnavailableReason = location.Description;
            return;
        }

        _swagger = await ApaleoSwagger.LoadAsync();
    }

    private void ValidateAgainstSwagger(ContractTestContext context, List<RecordedRequest> api)
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
