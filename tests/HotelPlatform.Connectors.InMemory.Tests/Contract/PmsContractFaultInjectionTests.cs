using HotelPlatform.Connectors.ContractTests;

namespace HotelPlatform.Connectors.InMemory.Tests.Contract;

public sealed class PmsContractFaultInjectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_injected_fault_asks_the_fixture_whether_it_was_applied_each_time()
    {
        var applied = false;
        await using var fault = new PmsContractInjectedFault(PmsContractFault.ServerError, nameof(IPmsConnector.GetReservationAsync), () => applied);

        Assert.False(fault.WasApplied);
        applied = true;
        Assert.True(fault.WasApplied);
        Assert.Equal("ServerError on the first request of GetReservationAsync", fault.ToString());
    }

    [Fact]
    public async Task Disposing_an_injected_fault_withdraws_it_once()
    {
        var withdrawn = 0;
        var fault = new PmsContractInjectedFault(PmsContractFault.RateLimited, nameof(IPmsConnector.GetAvailabilityAsync), () => false, () =>
        {
            withdrawn++;
            return ValueTask.CompletedTask;
        });

        await fault.DisposeAsync();
        await fault.DisposeAsync();

        Assert.Equal(1, withdrawn);
    }

    [Fact]
    public void An_injected_fault_needs_an_operation_and_a_way_to_tell_it_was_applied()
    {
        Assert.Throws<ArgumentException>(() => new PmsContractInjectedFault(PmsContractFault.RateLimited, " ", () => true));
        Assert.Throws<ArgumentNullException>(() => new PmsContractInjectedFault(PmsContractFault.RateLimited, nameof(IPmsConnector.GetAvailabilityAsync), null!));
    }

    [Fact]
    public async Task The_fixture_injects_into_a_named_operation_and_the_fault_applies_to_its_first_call_only()
    {
        var fixture = new InMemoryContractFixture(decorate: null, transport: new FakeVendorTransport(TransportFlaw.NoReadRetry));
        await fixture.InitializeAsync();
        try
        {
            var request = new AvailabilityRequest(fixture.Scenario.FirstNight, fixture.Scenario.FirstNight.AddDays(1));
            await using var fault = await fixture.InjectFaultAsync(PmsContractFault.RateLimited, nameof(IPmsConnector.GetAvailabilityAsync), Ct);

            await fixture.Connector.GetRoomTypesAsync(Ct);
            Assert.False(fault.WasApplied);
            var refused = await Assert.ThrowsAsync<PmsRateLimitedException>(() => fixture.Connector.GetAvailabilityAsync(request, Ct));
            Assert.True(fault.WasApplied);
            Assert.Equal(TimeSpan.FromSeconds(1), refused.RetryAfter);
            Assert.NotNull(await fixture.Connector.GetAvailabilityAsync(request, Ct));
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_fault_withdrawn_before_it_was_applied_never_applies()
    {
        var fixture = new InMemoryContractFixture(decorate: null, transport: new FakeVendorTransport(TransportFlaw.NoReadRetry));
        await fixture.InitializeAsync();
        try
        {
            var fault = await fixture.InjectFaultAsync(PmsContractFault.ServerError, nameof(IPmsConnector.GetAvailabilityAsync), Ct);

            await fault.DisposeAsync();

            Assert.NotNull(await fixture.Connector.GetAvailabilityAsync(new AvailabilityRequest(fixture.Scenario.FirstNight, fixture.Scenario.FirstNight.AddDays(1)), Ct));
            Assert.False(fault.WasApplied);
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("GetAvailability")]
    [InlineData("getAvailabilityAsync")]
    [InlineData(nameof(IPmsConnector.GetService))]
    [InlineData("POST /booking/v1/bookings")]
    public async Task An_operation_that_is_not_a_vendor_call_of_IPmsConnector_is_refused_by_name(string operation)
    {
        var fixture = new InMemoryContractFixture(decorate: null, transport: new FakeVendorTransport());

        var ex = await Assert.ThrowsAsync<ArgumentException>(async () => await fixture.InjectFaultAsync(PmsContractFault.ServerError, operation, Ct));

        Assert.Equal("operation", ex.ParamName);
        Assert.Contains("nameof(IPmsConnector.X)", ex.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(IPmsConnector.CreateReservationAsync), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_undefined_fault_is_refused()
    {
        var fixture = new InMemoryContractFixture(decorate: null, transport: new FakeVendorTransport());

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await fixture.InjectFaultAsync((PmsContractFault)42, nameof(IPmsConnector.GetAvailabilityAsync), Ct));
    }

    [Fact]
    public async Task A_fixture_that_cannot_inject_faults_says_so_and_why()
    {
        var fixture = new InMemoryContractFixture();

        Assert.All(Enum.GetValues<PmsContractFault>(), f => Assert.False(fixture.CanInjectFault(f)));
        Assert.Contains("no vendor transport", fixture.ExplainMissingFaultInjection(PmsContractFault.RateLimited), StringComparison.Ordinal);
        var ex = await Assert.ThrowsAsync<NotSupportedException>(async () => await fixture.InjectFaultAsync(PmsContractFault.RateLimited, nameof(IPmsConnector.GetAvailabilityAsync), Ct));
        Assert.Contains("CanInjectFault", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fixture_whose_injection_reports_another_fault_is_caught()
    {
        var fixture = new MisreportingFixture();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () => await fixture.InjectFaultAsync(PmsContractFault.ResponseLost, nameof(IPmsConnector.CreateReservationAsync), Ct));

        Assert.Contains("asked for ResponseLost on CreateReservationAsync but returned ServerError on the first request of CreateReservationAsync", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_base_fixture_observes_no_events_and_injects_no_faults_until_told()
    {
        var fixture = new MisreportingFixture(canInject: false);

        Assert.False(fixture.CanObserveEvents);
        Assert.Equal(0, fixture.Events.Count);
        Assert.Equal(TimeSpan.FromSeconds(30), fixture.EventWaitLimit);
        Assert.False(fixture.CanInjectFault(PmsContractFault.ServerError));
        Assert.Null(fixture.ExplainMissingFaultInjection(PmsContractFault.ServerError));
    }

    /// <summary>A fixture whose fault injection returns a different fault from the one asked for: the kit must not trust it.</summary>
    private sealed class MisreportingFixture(bool canInject = true) : PmsContractFixture
    {
        public override bool CanInjectFault(PmsContractFault fault) => canInject;

        protected override ValueTask<PmsContractInjectedFault> InjectFaultCoreAsync(PmsContractFault fault, string operation, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new PmsContractInjectedFault(PmsContractFault.ServerError, operation, () => true));

        protected override ValueTask<IPmsConnector> CreateConnectorAsync(CancellationToken cancellationToken) =>
            ValueTask.FromResult<IPmsConnector>(new InMemoryPmsConnector(InMemoryPms.CreateDemo()));

        protected override ValueTask<PmsContractScenario> CreateScenarioAsync(IPmsConnector connector, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new PmsContractScenario("DBL", "FLEX", InMemoryContractFixture.FirstNight, InMemoryContractFixture.LastNight));
    }
}
