using System.Diagnostics.CodeAnalysis;
using HotelPlatform.Connectors.ContractTests;

namespace HotelPlatform.Connectors.InMemory.Tests.Contract;

/// <summary>
/// The kit's own tests of its event and resilience areas: each runs one kit test against events delivered wrongly or a
/// transport that recovers wrongly (<see cref="FakeVendorTransport"/>), and asserts that the kit test fails; the same
/// tests pass against the correct versions, and skip, with the reason, where the fixture lacks the hook.
/// </summary>
public sealed class ContractKitCatchesBrokenEventsAndRecoveryTests
{
    private static readonly Dictionary<string, Func<ResilienceProbe, Task>> ResilienceTests = new(StringComparer.Ordinal)
    {
        [nameof(ResilienceProbe.Read_answered_429_once_is_retried_after_Retry_After_and_returns_the_unfaulted_result)] = t => t.Read_answered_429_once_is_retried_after_Retry_After_and_returns_the_unfaulted_result(),
        [nameof(ResilienceProbe.Read_answered_5xx_once_is_retried_and_succeeds)] = t => t.Read_answered_5xx_once_is_retried_and_succeeds(),
        [nameof(ResilienceProbe.Read_after_the_credentials_expired_renews_them_and_succeeds)] = t => t.Read_after_the_credentials_expired_renews_them_and_succeeds(),
        [nameof(ResilienceProbe.Create_whose_response_was_lost_books_once_when_repeated_with_the_same_client_reference)] = t => t.Create_whose_response_was_lost_books_once_when_repeated_with_the_same_client_reference(),
        [nameof(ResilienceProbe.Create_answered_5xx_once_books_once_when_repeated_with_the_same_client_reference)] = t => t.Create_answered_5xx_once_books_once_when_repeated_with_the_same_client_reference(),
        [nameof(ResilienceProbe.Adding_a_service_answered_5xx_once_adds_it_at_most_once)] = t => t.Adding_a_service_answered_5xx_once_adds_it_at_most_once(),
        [nameof(ResilienceProbe.Adding_a_service_whose_response_was_lost_adds_it_at_most_once)] = t => t.Adding_a_service_whose_response_was_lost_adds_it_at_most_once(),
    };

    private static readonly Func<EventProbe, Task>[] EventTests =
    [
        t => t.Booking_raises_ReservationCreatedEvent_for_the_reservation(),
        t => t.Modifying_raises_ReservationModifiedEvent_for_the_reservation(),
        t => t.Cancelling_raises_ReservationCancelledEvent_for_the_reservation(),
        t => t.Events_name_the_reservation_they_are_about(),
    ];

    // ---- events ----

    [Fact]
    public async Task Events_delivered_as_raised_pass_every_event_test_even_with_no_time_to_wait()
    {
        // The in-memory PMS raises its events before the call returns, so they are found without waiting at all.
        foreach (var test in EventTests)
        {
            Assert.Null(await RunEventsAsync(e => [e], test, eventWaitLimit: TimeSpan.Zero));
        }
    }

    [Fact]
    public async Task An_event_that_never_comes_fails_the_test_through_the_hang_guard_instead_of_hanging_it()
    {
        var failure = await RunEventsAsync(_ => [], t => t.Booking_raises_ReservationCreatedEvent_for_the_reservation(), eventWaitLimit: TimeSpan.Zero);

        KitProbe.AssertFailed(failure);
        Assert.Contains("No ReservationCreatedEvent for reservation", failure!.Message, StringComparison.Ordinal);
        Assert.Contains("hang guard", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_stamped_with_another_property_fail_the_event_tests()
    {
        var failure = await RunEventsAsync(e => [e with { PropertyId = "OTHER" }], t => t.Booking_raises_ReservationCreatedEvent_for_the_reservation());

        KitProbe.AssertFailed(failure);
    }

    [Fact]
    public async Task A_cancellation_reported_as_a_modification_fails_the_cancellation_test()
    {
        var failure = await RunEventsAsync(
            e => [e is ReservationCancelledEvent c ? new ReservationModifiedEvent(c.EventId, c.Vendor, c.PropertyId, c.OccurredAt, c.ReservationId) : e],
            t => t.Cancelling_raises_ReservationCancelledEvent_for_the_reservation(),
            eventWaitLimit: TimeSpan.Zero);

        KitProbe.AssertFailed(failure);
        Assert.Contains("ReservationModifiedEvent(", failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_modification_that_raises_no_event_fails_the_modification_test()
    {
        var failure = await RunEventsAsync(e => e is ReservationModifiedEvent ? [] : [e], t => t.Modifying_raises_ReservationModifiedEvent_for_the_reservation(), eventWaitLimit: TimeSpan.Zero);

        KitProbe.AssertFailed(failure);
    }

    [Fact]
    public async Task Events_that_all_name_the_first_reservation_fail_the_naming_test()
    {
        // A parser that keeps the first reservation identifier it read, for every later delivery.
        string? first = null;
        var failure = await RunEventsAsync(
            e => [e is ReservationCreatedEvent c ? c with { ReservationId = first ??= c.ReservationId } : e],
            t => t.Events_name_the_reservation_they_are_about(),
            eventWaitLimit: TimeSpan.Zero);

        KitProbe.AssertFailed(failure);
    }

    [Fact]
    public async Task A_cancellation_also_reported_for_another_reservation_fails_the_naming_test()
    {
        var created = new List<string>();
        var failure = await RunEventsAsync(
            e => e switch
            {
                ReservationCreatedEvent c => Remember(c),
                ReservationCancelledEvent c => [c, .. created.Where(id => id != c.ReservationId).Select(id => c with { EventId = c.EventId + "-" + id, ReservationId = id })],
                _ => [e],
            },
            t => t.Events_name_the_reservation_they_are_about());

        KitProbe.AssertFailed(failure);
        Assert.Contains("was never cancelled", failure!.Message, StringComparison.Ordinal);

        PmsEvent[] Remember(ReservationCreatedEvent c)
        {
            created.Add(c.ReservationId);
            return [c];
        }
    }

    [Fact]
    public async Task Two_creations_with_one_event_id_fail_the_naming_test()
    {
        var failure = await RunEventsAsync(e => [e is ReservationCreatedEvent c ? c with { EventId = "reservation/created" } : e], t => t.Events_name_the_reservation_they_are_about());

        KitProbe.AssertFailed(failure);
    }

    [Fact]
    public async Task A_fixture_that_does_not_observe_events_skips_the_event_tests_with_the_reason()
    {
        var outcome = await KitProbe.RunAsync(new InMemoryContractFixture(decorate: null, observeEvents: false), f => new EventProbe(f), t => t.Booking_raises_ReservationCreatedEvent_for_the_reservation());

        var skipped = Assert.IsType<ProbeSkippedException>(outcome);
        Assert.Contains("CanObserveEvents is false", skipped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connector_without_webhooks_skips_the_event_tests_with_the_reason()
    {
        var outcome = await KitProbe.RunAsync(
            new InMemoryContractFixture(decorate: null, capabilities: ConnectorCapabilities.All & ~ConnectorCapabilities.Webhooks),
            f => new EventProbe(f),
            t => t.Events_name_the_reservation_they_are_about());

        var skipped = Assert.IsType<ProbeSkippedException>(outcome);
        Assert.Contains("does not declare Webhooks", skipped.Message, StringComparison.Ordinal);
    }

    // ---- resilience ----

    [Fact]
    public async Task A_transport_that_recovers_as_DESIGN_6_asks_passes_every_resilience_test()
    {
        foreach (var (name, test) in ResilienceTests)
        {
            var failure = await RunResilienceAsync(TransportFlaw.None, test);

            Assert.True(failure is null, $"{name}: {failure?.Message}");
        }
    }

    [Theory]
    [InlineData(nameof(TransportFlaw.NoReadRetry), nameof(ResilienceProbe.Read_answered_429_once_is_retried_after_Retry_After_and_returns_the_unfaulted_result), "threw PmsRateLimitedException")]
    [InlineData(nameof(TransportFlaw.NoReadRetry), nameof(ResilienceProbe.Read_answered_5xx_once_is_retried_and_succeeds), "threw PmsUnavailableException")]
    [InlineData(nameof(TransportFlaw.SwallowsReadFaults), nameof(ResilienceProbe.Read_answered_429_once_is_retried_after_Retry_After_and_returns_the_unfaulted_result), "Assert.Equal() Failure")]
    [InlineData(nameof(TransportFlaw.NoTokenRenewal), nameof(ResilienceProbe.Read_after_the_credentials_expired_renews_them_and_succeeds), "threw PmsAuthenticationException")]
    [InlineData(nameof(TransportFlaw.RepeatsLostWrites), nameof(ResilienceProbe.Create_whose_response_was_lost_books_once_when_repeated_with_the_same_client_reference), "made 2 reservations")]
    [InlineData(nameof(TransportFlaw.RepeatsLostWrites), nameof(ResilienceProbe.Adding_a_service_whose_response_was_lost_adds_it_at_most_once), "never two effects")]
    [InlineData(nameof(TransportFlaw.UntypedErrors), nameof(ResilienceProbe.Create_whose_response_was_lost_books_once_when_repeated_with_the_same_client_reference), "not TimeoutException")]
    [InlineData(nameof(TransportFlaw.UntypedErrors), nameof(ResilienceProbe.Adding_a_service_whose_response_was_lost_adds_it_at_most_once), "not TimeoutException")]
    public async Task A_transport_that_breaks_DESIGN_6_fails_the_resilience_test_of_what_it_breaks(string flaw, string test, string why)
    {
        var failure = await RunResilienceAsync(Enum.Parse<TransportFlaw>(flaw), ResilienceTests[test]);

        KitProbe.AssertFailed(failure);
        Assert.Contains(why, failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fault_that_is_never_applied_fails_every_resilience_test()
    {
        foreach (var test in ResilienceTests.Values)
        {
            var failure = await RunResilienceAsync(TransportFlaw.IgnoresFaults, test);

            KitProbe.AssertFailed(failure);
            Assert.Contains("never applied", failure!.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Without_a_vendor_transport_every_resilience_test_skips_with_the_reason()
    {
        foreach (var test in ResilienceTests.Values)
        {
            var outcome = await KitProbe.RunAsync(new InMemoryContractFixture(), f => new ResilienceProbe(f), test);

            var skipped = Assert.IsType<ProbeSkippedException>(outcome);
            Assert.Contains("the in-memory PMS has no vendor transport to fault", skipped.Message, StringComparison.Ordinal);
        }
    }

    private static Task<Exception?> RunEventsAsync(Func<PmsEvent, IEnumerable<PmsEvent>> deliver, Func<EventProbe, Task> test, TimeSpan? eventWaitLimit = null) =>
        KitProbe.RunAsync(new InMemoryContractFixture(decorate: null, deliverEvent: deliver, eventWaitLimit: eventWaitLimit), f => new EventProbe(f), test);

    private static Task<Exception?> RunResilienceAsync(TransportFlaw flaw, Func<ResilienceProbe, Task> test) =>
        KitProbe.RunAsync(new InMemoryContractFixture(decorate: null, transport: new FakeVendorTransport(flaw)), f => new ResilienceProbe(f), test);

    // Probes: private, so xunit does not discover them as test classes of their own; they capture skips (see ProbeSkippedException).
    private sealed class EventProbe(InMemoryContractFixture fixture) : EventContractTests<InMemoryContractFixture>(fixture)
    {
        [DoesNotReturn]
        protected override void SkipTest(string reason) => throw new ProbeSkippedException(reason);
    }

    private sealed class ResilienceProbe(InMemoryContractFixture fixture) : ResilienceContractTests<InMemoryContractFixture>(fixture)
    {
        [DoesNotReturn]
        protected override void SkipTest(string reason) => throw new ProbeSkippedException(reason);
    }
}
