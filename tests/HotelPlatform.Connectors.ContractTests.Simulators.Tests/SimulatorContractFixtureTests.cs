using System.Net;
using HotelPlatform.Connectors.ContractTests;
using HotelPlatform.Connectors.Simulators;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Sdk;

namespace HotelPlatform.Connectors.ContractTests.Simulators.Tests;

/// <summary>What the simulator-backed fixture base does for any vendor: start through the binding, map faults, hold each test's requests to the journal.</summary>
public sealed class SimulatorContractFixtureTests : IAsyncLifetime
{
    private readonly AcmeKitFixture _fixture = new(canRevokeCredentials: true);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    private static ContractTestContext Test(string name = "test") => new("Acme", name);

    [Fact]
    public void The_simulator_is_started_through_the_binding_on_the_fixture_clock_without_rate_limits()
    {
        Assert.True(_fixture.Simulator.IsRunning);
        Assert.Same(_fixture.Clock, _fixture.Simulator.TimeProvider);
        Assert.False(_fixture.Simulator.Options.EnforceRateLimits);
        Assert.Equal(_fixture.Simulator.BaseAddress.ToString(), _fixture.Bound!.Settings["BaseAddress"]);
    }

    [Fact]
    public void Moving_the_kit_clock_moves_the_simulator_clock()
    {
        var target = new DateTimeOffset(2030, 3, 5, 9, 0, 0, TimeSpan.Zero);

        _fixture.SetUtcNow(target);

        Assert.True(_fixture.CanSetClock);
        Assert.InRange(_fixture.Simulator.TimeProvider.GetUtcNow() - target, TimeSpan.Zero, TimeSpan.FromMinutes(5));
        Assert.InRange(_fixture.GetUtcNow() - target, TimeSpan.Zero, TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task A_server_error_is_queued_on_the_operations_first_request_and_reported_applied()
    {
        await using var fault = await _fixture.InjectFaultAsync(PmsContractFault.ServerError, nameof(IPmsConnector.CreateReservationAsync), Ct);
        Assert.False(fault.WasApplied);

        using var other = await _fixture.SendAsync(HttpMethod.Get, "/v1/bookings/1");
        using var first = await _fixture.SendAsync(HttpMethod.Post, "/v1/bookings", """{"guest":"Ada"}""");
        using var second = await _fixture.SendAsync(HttpMethod.Post, "/v1/bookings", """{"guest":"Ada"}""");

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.True(fault.WasApplied);
    }

    [Fact]
    public async Task A_rate_limit_fault_answers_429_with_retry_after_one_second()
    {
        await using var fault = await _fixture.InjectFaultAsync(PmsContractFault.RateLimited, nameof(IPmsConnector.GetReservationAsync), Ct);

        using var response = await _fixture.SendAsync(HttpMethod.Get, "/v1/bookings/42");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        Assert.True(fault.WasApplied);
    }

    [Fact]
    public async Task A_fault_not_applied_is_withdrawn_when_disposed()
    {
        var fault = await _fixture.InjectFaultAsync(PmsContractFault.ServerError, nameof(IPmsConnector.GetReservationAsync), Ct);

        await fault.DisposeAsync();
        using var response = await _fixture.SendAsync(HttpMethod.Get, "/v1/bookings/42");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(fault.WasApplied);
    }

    [Fact]
    public async Task An_operation_without_a_known_first_request_cannot_be_faulted()
    {
        var error = await Assert.ThrowsAsync<NotSupportedException>(() => _fixture.InjectFaultAsync(PmsContractFault.ServerError, nameof(IPmsConnector.GetRoomTypesAsync), Ct).AsTask());

        Assert.Contains(nameof(IPmsConnector.GetRoomTypesAsync), error.Message, StringComparison.Ordinal);
        Assert.Contains("FirstRequests", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expired_credentials_revoke_every_token_and_are_applied_once_a_new_one_is_issued()
    {
        var token = _fixture.Simulator.Tokens.IssueToken("acme-client");
        await using var fault = await _fixture.InjectFaultAsync(PmsContractFault.CredentialsExpired, nameof(IPmsConnector.GetReservationAsync), Ct);

        Assert.False(_fixture.Simulator.Tokens.Revoke(token.AccessToken), "The token issued before the fault was already revoked.");
        Assert.False(fault.WasApplied);
        _fixture.Simulator.Tokens.IssueToken("acme-client");
        Assert.True(fault.WasApplied);
    }

    [Fact]
    public async Task A_fixture_that_cannot_revoke_credentials_says_so()
    {
        await using var fixture = new AcmeKitFixture();
        await fixture.InitializeAsync();

        Assert.False(fixture.CanInjectFault(PmsContractFault.CredentialsExpired));
        Assert.True(fixture.CanInjectFault(PmsContractFault.ResponseLost));
        await Assert.ThrowsAsync<NotSupportedException>(() => fixture.InjectFaultAsync(PmsContractFault.CredentialsExpired, nameof(IPmsConnector.GetReservationAsync), Ct).AsTask());
    }

    [Fact]
    public async Task A_request_refused_by_the_strict_models_during_a_test_fails_it()
    {
        (await _fixture.SendAsync(HttpMethod.Post, "/v1/bookings", """{"guest":"Before"}""")).Dispose();
        var context = Test("refused");
        await _fixture.OnTestStartingAsync(context);
        (await _fixture.SendAsync(HttpMethod.Post, "/v1/bookings", """{"guest":"Ada","vip":true}""")).Dispose();

        var error = await Assert.ThrowsAsync<TrueException>(() => _fixture.VerifyRequestsAsync(context).AsTask());

        Assert.Contains("$.vip", error.Message, StringComparison.Ordinal);
        Assert.Contains("acme", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_before_the_test_started_are_not_held_against_it()
    {
        (await _fixture.SendAsync(HttpMethod.Post, "/v1/bookings", """{"guest":"Ada","vip":true}""")).Dispose();
        var context = Test("clean");
        await _fixture.OnTestStartingAsync(context);
        (await _fixture.SendAsync(HttpMethod.Post, "/v1/bookings", """{"guest":"Ada"}""")).Dispose();

        await _fixture.VerifyRequestsAsync(context);

        var checkedRequests = Assert.Single(_fixture.VendorChecks);
        Assert.Equal(["/v1/bookings"], checkedRequests.Select(r => r.Path));
    }

    [Fact]
    public async Task A_test_that_expects_no_vendor_request_fails_when_one_was_sent_but_not_for_a_token()
    {
        var context = Test("no requests");
        context.ExpectNoVendorRequests();
        await _fixture.OnTestStartingAsync(context);
        using (var client = _fixture.Simulator.CreateClient())
        {
            using var form = new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("client_id", "acme-client"), new("client_secret", "acme-secret")]);
            using var token = await client.PostAsync(new Uri(AcmeSimulator.TokenPath, UriKind.Relative), form, Ct);
            Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        }

        await _fixture.VerifyRequestsAsync(context);
        (await _fixture.SendAsync(HttpMethod.Get, "/v1/bookings/1")).Dispose();
        var error = await Assert.ThrowsAsync<TrueException>(() => _fixture.VerifyRequestsAsync(context).AsTask());

        Assert.Contains("bad input reached acme", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_webhook_delivery_the_receiver_refused_fails_the_test()
    {
        await using var fixture = new RefusingFixture();
        await fixture.InitializeAsync();
        var context = Test("webhook");
        await fixture.OnTestStartingAsync(context);
        using var client = new HttpClient();

        using var response = await client.PostAsync(new Uri(fixture.Receiver.BaseAddress, "hooks"), new StringContent("{}"), Ct);
        var error = await Assert.ThrowsAsync<TrueException>(() => fixture.VerifyRequestsAsync(context).AsTask());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("no signature", error.Message, StringComparison.Ordinal);
        Assert.Equal(["no signature"], fixture.RefusedDeliveries);
    }

    [Fact]
    public async Task A_binding_that_starts_another_simulator_type_is_reported()
    {
        await using var fixture = new AcmeKitFixture(new ForeignBinding());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.InitializeAsync().AsTask());

        Assert.Contains("not a AcmeSimulator", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposing_the_fixture_stops_the_simulator()
    {
        await using var fixture = new AcmeKitFixture();
        await fixture.InitializeAsync();
        var simulator = fixture.Simulator;

        await fixture.DisposeAsync();

        Assert.False(simulator.IsRunning);
    }

    /// <summary>A binding that starts something other than the fixture's simulator type.</summary>
    private sealed class ForeignBinding : ISimulatorBinding
    {
        public string Vendor => "acme";

        public async Task<BoundSimulator> StartAsync(SimulatorBindingContext context, CancellationToken cancellationToken = default)
        {
            var simulator = new OtherSimulator();
            await simulator.StartAsync(cancellationToken);
            return new BoundSimulator(simulator, new Dictionary<string, string?>());
        }
    }

    private sealed class OtherSimulator : VendorSimulator
    {
        public override string Vendor => "other";

        protected override void MapRoutes(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder routes)
        {
        }
    }

    /// <summary>A fixture whose webhook receiver refuses every delivery, as a failed signature check would.</summary>
    private sealed class RefusingFixture : SimulatorContractFixture<AcmeSimulator>
    {
        private Microsoft.Extensions.DependencyInjection.ServiceProvider? _services;

        public WebhookReceiver Receiver { get; private set; } = null!;

        protected override ISimulatorBinding Binding { get; } = new AcmeBinding();

        protected override IReadOnlyDictionary<string, SimulatedRequest> FirstRequests { get; } = new Dictionary<string, SimulatedRequest>();

        protected override async ValueTask<IPmsConnector> ConnectAsync(BoundSimulator simulator, CancellationToken cancellationToken)
        {
            Receiver = await StartWebhookReceiverAsync(
                _ =>
                {
                    RefuseDelivery("no signature");
                    return 401;
                },
                cancellationToken);
            _services = new Microsoft.Extensions.DependencyInjection.ServiceCollection()
                .AddPmsConnectors().AddInMemory(HotelId, o => o.PropertyId = "ACM").Services
                .BuildServiceProvider();
            return _services.GetRequiredKeyedService<IPmsConnector>(HotelId);
        }

        protected override async ValueTask DisposeAsyncCore()
        {
            if (_services is not null)
            {
                await _services.DisposeAsync();
            }

            await base.DisposeAsyncCore();
        }

        protected override ValueTask<PmsContractScenario> CreateScenarioAsync(IPmsConnector connector, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new PmsContractScenario("DBL", "FLEX", new DateOnly(2030, 3, 5), new DateOnly(2030, 3, 5).AddDays(PmsContractScenario.MinimumNights + 5)));
    }
}
