using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using HotelPlatform.Connectors.ContractTests;
using Xunit.Sdk;

namespace HotelPlatform.Connectors.InMemory.Tests.Contract;

/// <summary>
/// The kit's own tests: each runs one kit test against a connector broken in one way (a mutant wrapped around the
/// in-memory PMS) and asserts that the kit test fails, so that no kit test passes whatever the connector does. Kit
/// tests for capabilities a connector does not declare must be reported as skipped, with the reason.
/// </summary>
public sealed class ContractKitCatchesBrokenConnectorsTests
{
    [Fact]
    public async Task Arrivals_today_by_the_UTC_date_fail_the_time_zone_test()
    {
        var failure = await RunAsync(inner => new UtcTodayConnector(inner), f => new ListProbe(f), t => t.Arrivals_today_are_those_of_the_property_local_day());

        AssertFailed(failure);
    }

    [Fact]
    public async Task Refusing_to_cancel_a_cancelled_reservation_fails_the_kit()
    {
        var failure = await RunAsync(inner => new CancelOnceConnector(inner), f => new ReservationProbe(f), t => t.Cancelling_a_cancelled_reservation_returns_it_unchanged());

        AssertFailed(failure);
    }

    [Fact]
    public async Task Booking_twice_for_one_client_reference_fails_the_kit()
    {
        var failure = await RunAsync(inner => new ForgetsClientReferenceConnector(inner), f => new ReservationProbe(f), t => t.Creating_twice_with_the_same_client_reference_books_once());

        AssertFailed(failure);
    }

    [Fact]
    public async Task Losing_every_page_after_the_first_fails_the_paging_test()
    {
        var failure = await RunAsync(inner => new FirstPageOnlyConnector(inner), f => new ListProbe(f), t => t.Paging_through_more_than_one_page_returns_every_reservation_once());

        AssertFailed(failure);
    }

    [Fact]
    public async Task Calling_the_PMS_before_validating_fails_the_validation_test_through_the_fixture_hook()
    {
        // The mutant still throws ArgumentException, so only the fixture's check of the recorded requests can catch it.
        var failure = await RunAsync(inner => new CallsBeforeValidatingConnector(inner), f => new ValidationProbe(f), t => t.Quote_with_no_adults_is_refused());

        AssertFailed(failure);
        Assert.IsAssignableFrom<XunitException>(failure);
        Assert.Contains("bad input reached the PMS", failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reporting_a_missing_reservation_as_a_generic_error_fails_the_not_found_test()
    {
        var failure = await RunAsync(inner => new VagueErrorsConnector(inner), f => new ReservationProbe(f), t => t.Getting_an_unknown_reservation_throws_PmsNotFoundException());

        AssertFailed(failure);
    }

    [Fact]
    public async Task Throwing_for_an_unknown_confirmation_number_fails_the_find_test()
    {
        var failure = await RunAsync(inner => new VagueErrorsConnector(inner), f => new ReservationProbe(f), t => t.Finding_an_unknown_confirmation_number_returns_null());

        AssertFailed(failure);
    }

    [Fact]
    public async Task Stale_availability_fails_the_booking_takes_a_room_test()
    {
        var failure = await RunAsync(inner => new StaleAvailabilityConnector(inner), f => new AvailabilityProbe(f), t => t.Booking_takes_one_room_per_night_and_cancelling_gives_it_back());

        AssertFailed(failure);
    }

    [Fact]
    public async Task An_upsert_that_stores_nothing_fails_the_upsert_test()
    {
        var failure = await RunAsync(inner => new NoOpUpsertConnector(inner), f => new GuestProbe(f), t => t.Upserting_a_new_guest_assigns_an_id_and_stores_it());

        AssertFailed(failure);
    }

    [Fact]
    public async Task A_reservation_missing_its_last_night_fails_the_nightly_rates_test()
    {
        var failure = await RunAsync(inner => new NightlyRatesConnector(inner, r => r with { NightlyRates = r.NightlyRates.SkipLast(1).ToList() }), f => new ReservationProbe(f), t => t.Booked_reservation_prices_each_night_of_its_stay_and_the_nights_add_up_to_the_total());

        AssertFailed(failure);
    }

    [Fact]
    public async Task Nightly_rates_that_do_not_add_up_to_the_total_fail_the_nightly_rates_test()
    {
        var failure = await RunAsync(
            inner => new NightlyRatesConnector(inner, r => r with { NightlyRates = [.. r.NightlyRates.Select(n => n with { Amount = new Money(n.Amount.Amount + 1m, n.Amount.Currency) })] }),
            f => new ReservationProbe(f),
            t => t.Booked_reservation_prices_each_night_of_its_stay_and_the_nights_add_up_to_the_total());

        AssertFailed(failure);
        Assert.Contains("the total says", failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reservation_without_any_nightly_breakdown_skips_the_nightly_rates_test_with_the_reason()
    {
        var outcome = await RunAsync(inner => new NightlyRatesConnector(inner, r => r with { NightlyRates = [] }), f => new ReservationProbe(f), t => t.Booked_reservation_prices_each_night_of_its_stay_and_the_nights_add_up_to_the_total());

        var skipped = Assert.IsType<ProbeSkippedException>(outcome);
        Assert.Contains("carries no nightly breakdown", skipped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_capability_the_connector_does_not_declare_is_skipped_with_the_reason()
    {
        var outcome = await RunAsync(inner => inner, f => new ReservationProbe(f), t => t.Creating_twice_with_the_same_client_reference_books_once(), ConnectorCapabilities.Inventory | ConnectorCapabilities.RatePlans);

        var skipped = Assert.IsType<ProbeSkippedException>(outcome);
        Assert.Contains("does not declare CreateReservation", skipped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scenario_without_an_optional_part_skips_the_tests_that_need_it_with_the_reason()
    {
        var outcome = await RunAsync(inner => inner, f => new ReservationProbe(f), t => t.Booking_a_sold_out_stay_is_refused_with_NoAvailability(), withoutSoldOutStay: true);

        var skipped = Assert.IsType<ProbeSkippedException>(outcome);
        Assert.Contains("PmsContractScenario.SoldOutStay", skipped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_unbroken_connector_passes_the_same_tests()
    {
        // The control group: without a mutant, the very tests above pass, so their failures come from the mutants.
        Assert.Null(await RunAsync(inner => inner, f => new ListProbe(f), t => t.Arrivals_today_are_those_of_the_property_local_day()));
        Assert.Null(await RunAsync(inner => inner, f => new ListProbe(f), t => t.Paging_through_more_than_one_page_returns_every_reservation_once()));
        Assert.Null(await RunAsync(inner => inner, f => new ReservationProbe(f), t => t.Cancelling_a_cancelled_reservation_returns_it_unchanged()));
        Assert.Null(await RunAsync(inner => inner, f => new ReservationProbe(f), t => t.Creating_twice_with_the_same_client_reference_books_once()));
        Assert.Null(await RunAsync(inner => inner, f => new ValidationProbe(f), t => t.Quote_with_no_adults_is_refused()));
        Assert.Null(await RunAsync(inner => inner, f => new AvailabilityProbe(f), t => t.Booking_takes_one_room_per_night_and_cancelling_gives_it_back()));
        Assert.Null(await RunAsync(inner => inner, f => new GuestProbe(f), t => t.Upserting_a_new_guest_assigns_an_id_and_stores_it()));
        Assert.Null(await RunAsync(inner => inner, f => new ReservationProbe(f), t => t.Booked_reservation_prices_each_night_of_its_stay_and_the_nights_add_up_to_the_total()));
    }

    private static void AssertFailed(Exception? outcome) => KitProbe.AssertFailed(outcome);

    private static Task<Exception?> RunAsync<TProbe>(
        Func<IPmsConnector, IPmsConnector> mutate,
        Func<InMemoryContractFixture, TProbe> create,
        Func<TProbe, Task> test,
        ConnectorCapabilities capabilities = ConnectorCapabilities.All,
        bool withoutSoldOutStay = false)
        where TProbe : IAsyncLifetime =>
        KitProbe.RunAsync(new InMemoryContractFixture(mutate, capabilities, withoutSoldOutStay ? s => s with { SoldOutStay = null } : null), create, test);

    // Probes: kit areas instantiated by hand. Private, so xunit does not discover them as test classes of their own.
    // They capture skips instead of skipping: xunit v3 reports a test as skipped as soon as Assert.Skip is called,
    // even when the exception is caught, so the meta-test would be reported as skipped itself.
    private sealed class ReservationProbe(InMemoryContractFixture fixture) : ReservationContractTests<InMemoryContractFixture>(fixture)
    {
        [DoesNotReturn]
        protected override void SkipTest(string reason) => throw new ProbeSkippedException(reason);
    }

    private sealed class ListProbe(InMemoryContractFixture fixture) : ReservationListContractTests<InMemoryContractFixture>(fixture)
    {
        [DoesNotReturn]
        protected override void SkipTest(string reason) => throw new ProbeSkippedException(reason);
    }

    private sealed class ValidationProbe(InMemoryContractFixture fixture) : ArgumentValidationContractTests<InMemoryContractFixture>(fixture)
    {
        [DoesNotReturn]
        protected override void SkipTest(string reason) => throw new ProbeSkippedException(reason);
    }

    private sealed class AvailabilityProbe(InMemoryContractFixture fixture) : AvailabilityContractTests<InMemoryContractFixture>(fixture)
    {
        [DoesNotReturn]
        protected override void SkipTest(string reason) => throw new ProbeSkippedException(reason);
    }

    private sealed class GuestProbe(InMemoryContractFixture fixture) : GuestContractTests<InMemoryContractFixture>(fixture)
    {
        [DoesNotReturn]
        protected override void SkipTest(string reason) => throw new ProbeSkippedException(reason);
    }

    // ---- mutants: each breaks one promise of IPmsConnector ----

    /// <summary>Resolves "today" as the UTC date, the classic time-zone bug.</summary>
    private sealed class UtcTodayConnector(IPmsConnector inner) : DelegatingPmsConnector(inner)
    {
        private readonly TimeProvider _clock = ((InMemory.InMemoryPmsConnector)inner).Pms.TimeProvider;

        public override IAsyncEnumerable<Reservation> GetReservationsAsync(ReservationQuery query, CancellationToken cancellationToken = default) =>
            base.GetReservationsAsync(query.Date is null && query.Kind == ReservationQueryKind.Arrivals
                ? ReservationQuery.Arrivals(DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime)) with { PageSize = query.PageSize, IncludeCancelled = query.IncludeCancelled }
                : query, cancellationToken);
    }

    /// <summary>Treats a second cancel as an error, breaking exactly-once retries of a cancel.</summary>
    private sealed class CancelOnceConnector(IPmsConnector inner) : DelegatingPmsConnector(inner)
    {
        public override async Task<Reservation> CancelReservationAsync(string reservationId, string? reason = null, CancellationToken cancellationToken = default)
        {
            var current = await InnerConnector.GetReservationAsync(reservationId, cancellationToken);
            return current.Status == ReservationStatus.Cancelled
                ? throw new PmsConflictException("Already cancelled.") { Reason = PmsConflictReason.InvalidState }
                : await InnerConnector.CancelReservationAsync(reservationId, reason, cancellationToken);
        }
    }

    /// <summary>Sends a fresh reference on every call, so a retried booking books twice.</summary>
    private sealed class ForgetsClientReferenceConnector(IPmsConnector inner) : DelegatingPmsConnector(inner)
    {
        public override Task<Reservation> CreateReservationAsync(ReservationDraft draft, CancellationToken cancellationToken = default) =>
            InnerConnector.CreateReservationAsync(draft with { ClientReference = Guid.NewGuid().ToString("N") }, cancellationToken);
    }

    /// <summary>Rewrites the nightly breakdown of every reservation it reads back.</summary>
    private sealed class NightlyRatesConnector(IPmsConnector inner, Func<Reservation, Reservation> rewrite) : DelegatingPmsConnector(inner)
    {
        public override async Task<Reservation> CreateReservationAsync(ReservationDraft draft, CancellationToken cancellationToken = default) =>
            rewrite(await InnerConnector.CreateReservationAsync(draft, cancellationToken));

        public override async Task<Reservation> GetReservationAsync(string reservationId, CancellationToken cancellationToken = default) =>
            rewrite(await InnerConnector.GetReservationAsync(reservationId, cancellationToken));
    }

    /// <summary>Stops after the first page.</summary>
    private sealed class FirstPageOnlyConnector(IPmsConnector inner) : DelegatingPmsConnector(inner)
    {
        public override IAsyncEnumerable<Reservation> GetReservationsAsync(ReservationQuery query, CancellationToken cancellationToken = default) =>
            FirstPage(query, cancellationToken);

        private async IAsyncEnumerable<Reservation> FirstPage(ReservationQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var left = query.PageSize ?? int.MaxValue;
            await foreach (var reservation in InnerConnector.GetReservationsAsync(query, cancellationToken))
            {
                if (left-- == 0)
                {
                    yield break;
                }

                yield return reservation;
            }
        }
    }

    /// <summary>Talks to the PMS before validating the request (the argument error still comes, but after I/O).</summary>
    private sealed class CallsBeforeValidatingConnector(IPmsConnector inner) : DelegatingPmsConnector(inner)
    {
        public override async Task<IReadOnlyList<RateQuote>> QuoteAsync(QuoteRequest request, CancellationToken cancellationToken = default)
        {
            await InnerConnector.GetPropertyAsync(cancellationToken);
            return await InnerConnector.QuoteAsync(request, cancellationToken);
        }
    }

    /// <summary>Turns "not found" into a vague error, and a miss of Find into an exception.</summary>
    private sealed class VagueErrorsConnector(IPmsConnector inner) : DelegatingPmsConnector(inner)
    {
        public override async Task<Reservation> GetReservationAsync(string reservationId, CancellationToken cancellationToken = default)
        {
            try
            {
                return await InnerConnector.GetReservationAsync(reservationId, cancellationToken);
            }
            catch (PmsNotFoundException ex)
            {
                throw new PmsException("Something went wrong.", ex);
            }
        }

        public override async Task<Reservation?> FindReservationAsync(string confirmationNumber, CancellationToken cancellationToken = default) =>
            await InnerConnector.FindReservationAsync(confirmationNumber, cancellationToken)
            ?? throw new PmsNotFoundException("No such confirmation number.");
    }

    /// <summary>Serves the first availability grid it read for a date range forever.</summary>
    private sealed class StaleAvailabilityConnector(IPmsConnector inner) : DelegatingPmsConnector(inner)
    {
        private readonly Dictionary<(DateOnly, DateOnly), AvailabilityGrid> _cache = [];

        public override async Task<AvailabilityGrid> GetAvailabilityAsync(AvailabilityRequest request, CancellationToken cancellationToken = default)
        {
            if (!_cache.TryGetValue((request.Arrival, request.Departure), out var grid))
            {
                grid = await InnerConnector.GetAvailabilityAsync(request, cancellationToken);
                _cache[(request.Arrival, request.Departure)] = grid;
            }

            return grid;
        }
    }

    /// <summary>Reports success without storing anything (the seed project's Apaleo adapter did this).</summary>
    private sealed class NoOpUpsertConnector(IPmsConnector inner) : DelegatingPmsConnector(inner)
    {
        public override Task<GuestProfile> UpsertGuestAsync(GuestProfile guest, CancellationToken cancellationToken = default) =>
            Task.FromResult(guest);
    }
}
