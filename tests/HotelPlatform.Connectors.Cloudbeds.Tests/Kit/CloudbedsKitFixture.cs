using System.Security.Cryptography;
using HotelPlatform.Connectors.Cloudbeds.Subscriptions;
using HotelPlatform.Connectors.ContractTests;
using HotelPlatform.Connectors.ContractTests.Simulators;
using HotelPlatform.Connectors.Events;
using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.Cloudbeds;
using HotelPlatform.Connectors.VendorConformance;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.Cloudbeds.Tests.Kit;

/// <summary>
/// Runs the contract kit against the Cloudbeds connector as an application resolves it
/// (<c>AddPmsConnectors().AddCloudbeds(hotel, configuration)</c>), talking to the Cloudbeds simulator on loopback. Every
/// request of every test is validated against Cloudbeds' own OpenAPI document (pms-v1.3-openapi.yaml) when
/// <c>../shared/vendor-specs</c> is present.
/// </summary>
public sealed class CloudbedsKitFixture : SimulatorContractFixture<CloudbedsSimulator>
{
    private const string Api = CloudbedsSimulator.ApiPath;

    private static readonly Dictionary<string, SimulatedRequest> CloudbedsFirstRequests = new(StringComparer.Ordinal)
    {
        [nameof(IPmsConnector.GetAvailabilityAsync)] = new("GET", $"{Api}/getRatePlans"),
        [nameof(IPmsConnector.GetReservationAsync)] = new("GET", $"{Api}/getReservation"),
        [nameof(IPmsConnector.CreateReservationAsync)] = new("POST", $"{Api}/postReservation"),
    };

    private readonly string _webhookSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    private ServiceProvider? _services;
    private OpenApiSpec? _openApi;
    private int _validatedRequests;

    /// <summary>Gets why the OpenAPI document is not used, or <see langword="null"/>.</summary>
    public string? OpenApiUnavailableReason { get; private set; }

    /// <summary>Gets how many requests were validated against the OpenAPI document so far.</summary>
    public int ValidatedRequests => Volatile.Read(ref _validatedRequests);

    /// <inheritdoc />
    public override bool CanCheckIn => true;

    /// <inheritdoc />
    public override bool CanObserveEvents => true;

    /// <inheritdoc />
    protected override ISimulatorBinding Binding { get; } = new CloudbedsSimulatorBinding();

    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, SimulatedRequest> FirstRequests => CloudbedsFirstRequests;

    /// <summary>A property far from UTC (Tokyo), so that "today at the property" differs from the UTC date at times.</summary>
    /// <inheritdoc />
    protected override IConfiguration HotelConfiguration() =>
        new ConfigurationBuilder().AddInMemoryCollection([new("TimeZone", "Asia/Tokyo"), new("Currency", "JPY")]).Build();

    /// <inheritdoc />
    public override ValueTask CheckInAsync(Reservation reservation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        Simulator.CheckIn(reservation.VendorId);
        return ValueTask.CompletedTask;
    }

    /// <summary>The Cloudbeds facts behind each capability the connector does not declare (docs/connectors/cloudbeds.md).</summary>
    /// <inheritdoc />
    public override string? ExplainMissingCapabilities(ConnectorCapabilities missing)
    {
        var reasons = new List<string>();
        if ((missing & ConnectorCapabilities.Restrictions) != 0)
        {
            reasons.Add("Cloudbeds keeps restrictions (minLos, maxLos, closedToArrival, closedToDeparture, blocked) per rate in getRatePlans roomRateDetailed, not per room type (pms-v1.3-openapi.yaml)");
        }

        if ((missing & ConnectorCapabilities.UpsertGuest) != 0)
        {
            reasons.Add("Cloudbeds creates a guest only with a reservation: postReservation's main guest, or postGuest, whose reservationID is required (pms-v1.3-openapi.yaml)");
        }

        if ((missing & ConnectorCapabilities.AddService) != 0)
        {
            reasons.Add("Cloudbeds' getReservation does not return the items postItem sold to a reservation, so the reservation cannot show an added extra (pms-v1.3-openapi.yaml)");
        }

        if ((missing & ConnectorCapabilities.IdempotentCreate) != 0)
        {
            reasons.Add("Cloudbeds has no idempotency key: postReservation takes any thirdPartyIdentifier again, so a reference reused for another booking is not refused by Cloudbeds (pms-v1.3-openapi.yaml)");
        }

        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }

    /// <inheritdoc />
    public override string? ExplainMissingFaultInjection(PmsContractFault fault) => fault == PmsContractFault.CredentialsExpired
        ? "Cloudbeds API keys do not expire while in use (only after 30 days unused) and cannot be renewed by the connector; the kit hotel uses an API key"
        : null;

    /// <inheritdoc />
    protected override void VerifyVendorRequests(ContractTestContext context, IReadOnlyList<RecordedRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requests);
        Assert.All(requests, r => Assert.StartsWith(Api + "/", r.Path, StringComparison.Ordinal));
        Assert.All(requests.Where(r => r.GetQueryValue("pageSize") is not null), r => Assert.InRange(int.Parse(r.GetQueryValue("pageSize")!, System.Globalization.CultureInfo.InvariantCulture), 1, 100));
        // Each reservation the test created came from a postReservation of the test (its answer may have been lost; the
        // connector then found it by its thirdPartyIdentifier among the day's arrivals).
        foreach (var reservationId in context.CreatedReservationIds)
        {
            Assert.Contains(requests, r => r.Method == "POST" && r.Path == $"{Api}/postReservation");
            Assert.Contains(requests, r => r.Response is { StatusCode: 200 } response && response.Body.Contains($"\"reservationID\":\"{reservationId}\"", StringComparison.Ordinal));
        }

        if (_openApi is null)
        {
            return;
        }

        var failures = new List<string>();
        foreach (var request in requests)
        {
            if (_openApi.FindOperation(request.Method, request.Path) is null)
            {
                failures.Add($"{request}: no such operation in Cloudbeds' OpenAPI document.");
                continue;
            }

            failures.AddRange(_openApi.ValidateRequest(request).Violations.Select(v => $"{request}: {v}"));
            Interlocked.Increment(ref _validatedRequests);
        }

        Assert.True(failures.Count == 0, $"{context.TestName}: requests that do not match Cloudbeds' OpenAPI document:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    /// <inheritdoc />
    protected override async ValueTask<IPmsConnector> ConnectAsync(BoundSimulator simulator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        if (VendorSpecs.Location.Root is null)
        {
            OpenApiUnavailableReason = VendorSpecs.Location.Description;
        }
        else
        {
            _openApi = await VendorSpecs.LoadOpenApiAsync("cloudbeds/openapi-specs/pms-v1.3-openapi.yaml");
        }

        // The kit runs faster than Cloudbeds' quota; the quota has tests of its own.
        var hotel = new ConfigurationBuilder()
            .AddInMemoryCollection(simulator.Settings)
            .AddInMemoryCollection([new("RequestsPerSecond", "10"), new("RequestBurst", "1"), new("WebhookSecret", _webhookSecret)])
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddPmsConnectors().AddCloudbeds(HotelId, hotel);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var connector = _services.GetRequiredKeyedService<IPmsConnector>(HotelId);
        await SubscribeToWebhooksAsync(connector, cancellationToken);
        return connector;
    }

    /// <inheritdoc />
    protected override ValueTask<PmsContractScenario> CreateScenarioAsync(IPmsConnector connector, CancellationToken cancellationToken)
    {
        var seeded = Simulator.Scenario;
        var first = seeded.FirstFreeNight;
        return ValueTask.FromResult(new PmsContractScenario(seeded.RoomTypeId, seeded.RateId, first, first.AddDays(PmsContractScenario.MinimumNights + 19))
        {
            RoomsPerNight = seeded.RoomsPerNight,
            KnownGuest = new GuestProfile(seeded.KnownGuestLastName) { VendorId = seeded.KnownGuestId, FirstName = seeded.KnownGuestFirstName, Email = seeded.KnownGuestEmail, Phone = seeded.KnownGuestPhone },
            ServiceId = seeded.ItemId,
            SoldOutStay = new PmsContractStay(seeded.SoldOutRoomTypeId, seeded.SoldOutRateId, seeded.SoldOutNight, seeded.SoldOutNight.AddDays(1)),
            Restriction = new PmsContractRestriction(seeded.RoomTypeId, seeded.RateId, seeded.RestrictedDate, new StayRestrictions { MinStay = seeded.RestrictedMinStay }),
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

    /// <summary>
    /// Starts a loopback receiver at an address carrying the hotel's secret and subscribes it to the reservation events
    /// through <see cref="ICloudbedsSubscriptions"/>; every delivery goes through the hotel's keyed
    /// <see cref="IPmsWebhookHandler"/> into the kit's event log.
    /// </summary>
    private async Task SubscribeToWebhooksAsync(IPmsConnector connector, CancellationToken cancellationToken)
    {
        var receiver = await StartWebhookReceiverAsync(_services!.GetRequiredKeyedService<IPmsWebhookHandler>(HotelId), HotelId, StatusCodes.Status200OK, cancellationToken);

        var subscriptions = connector.GetService<ICloudbedsSubscriptions>()
            ?? throw new InvalidOperationException("The Cloudbeds connector offers no ICloudbedsSubscriptions service.");
        await subscriptions.SubscribeAsync(new Uri(receiver.BaseAddress, $"webhooks/cloudbeds?secret={_webhookSecret}"), cancellationToken: cancellationToken);
    }
}
