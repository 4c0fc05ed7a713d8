using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HotelPlatform.Connectors.ContractTests;
using HotelPlatform.Connectors.Simulators;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.ContractTests.Simulators.Tests;

/// <summary>The test vendor's strict booking body.</summary>
public sealed class AcmeBookingWire
{
    public required string Guest { get; init; }
}

/// <summary>A small vendor: a token endpoint and a strict booking route, enough for the fixture base to hold requests to.</summary>
public sealed class AcmeSimulator : VendorSimulator
{
    public const string TokenPath = "/connect/token";

    private static readonly JsonTypeInfo<AcmeBookingWire> Booking =
        (JsonTypeInfo<AcmeBookingWire>)StrictJson.CreateOptions(JsonNamingPolicy.CamelCase).GetTypeInfo(typeof(AcmeBookingWire));

    public AcmeSimulator(SimulatorOptions? options)
        : base(options)
    {
        Tokens = new OAuthTokenEndpoint(this);
        Tokens.RegisterClient("acme-client", "acme-secret");
    }

    public override string Vendor => "acme";

    public OAuthTokenEndpoint Tokens { get; }

    protected override void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapOAuthTokenEndpoint(TokenPath, Tokens);
        routes.MapPost("/v1/bookings", async (HttpContext context, CancellationToken cancellationToken) =>
        {
            BodyReadResult<AcmeBookingWire> body = await Validation.ReadJsonAsync(context, Booking);
            return body.IsValid ? Results.Created("/v1/bookings/1", new { id = "1" }) : body.Rejection;
        });
        routes.MapGet("/v1/bookings/{id}", (string id) => Results.Ok(new { id }));
    }
}

public sealed class AcmeBinding : ISimulatorBinding
{
    public SimulatorBindingContext? Context { get; private set; }

    public string Vendor => "acme";

    public async Task<BoundSimulator> StartAsync(SimulatorBindingContext context, CancellationToken cancellationToken = default)
    {
        Context = context;
        var simulator = new AcmeSimulator(context.Options);
        await simulator.StartAsync(cancellationToken);
        return new BoundSimulator(simulator, new Dictionary<string, string?> { ["BaseAddress"] = simulator.BaseAddress.ToString() });
    }
}

/// <summary>
/// The fixture base with the test vendor. The connector is an in-memory one (the base does not care what the connector
/// is); the tests play the connector's part by sending requests to the simulator themselves.
/// </summary>
public sealed class AcmeKitFixture(ISimulatorBinding? binding = null, bool canRevokeCredentials = false) : SimulatorContractFixture<AcmeSimulator>
{
    private ServiceProvider? _services;

    public BoundSimulator? Bound { get; private set; }

    public List<IReadOnlyList<RecordedRequest>> VendorChecks { get; } = [];

    protected override ISimulatorBinding Binding { get; } = binding ?? new AcmeBinding();

    protected override IReadOnlyDictionary<string, SimulatedRequest> FirstRequests { get; } = new Dictionary<string, SimulatedRequest>
    {
        [nameof(IPmsConnector.CreateReservationAsync)] = new("POST", "/v1/bookings"),
        [nameof(IPmsConnector.GetReservationAsync)] = new("GET", "/v1/bookings/*"),
    };

    protected override bool CanRevokeCredentials => canRevokeCredentials;

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var client = Simulator.CreateClient();
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    protected override Func<bool> RevokeCredentials()
    {
        var issued = Simulator.Tokens.TokensIssued;
        Simulator.Tokens.RevokeAll();
        return () => Simulator.Tokens.TokensIssued > issued;
    }

    protected override bool IsApiRequest(RecordedRequest request) => request.Path != AcmeSimulator.TokenPath;

    protected override void VerifyVendorRequests(ContractTestContext context, IReadOnlyList<RecordedRequest> requests) => VendorChecks.Add(requests);

    protected override ValueTask<IPmsConnector> ConnectAsync(BoundSimulator simulator, CancellationToken cancellationToken)
    {
        Bound = simulator;
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddPmsConnectors().AddInMemory(HotelId, o => o.PropertyId = "ACM");
        _services = services.BuildServiceProvider();
        return ValueTask.FromResult(_services.GetRequiredKeyedService<IPmsConnector>(HotelId));
    }

    protected override ValueTask<PmsContractScenario> CreateScenarioAsync(IPmsConnector connector, CancellationToken cancellationToken)
    {
        var firstNight = new DateOnly(2030, 3, 5);
        return ValueTask.FromResult(new PmsContractScenario("DBL", "FLEX", firstNight, firstNight.AddDays(PmsContractScenario.MinimumNights + 5)));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await base.DisposeAsyncCore();
    }
}
