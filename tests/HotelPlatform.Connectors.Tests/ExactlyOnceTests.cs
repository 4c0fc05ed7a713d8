using System.Collections.Concurrent;
using HotelPlatform.Connectors.Tests.Infrastructure;

namespace HotelPlatform.Connectors.Tests;

public sealed class ExactlyOnceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly PmsExactlyOnceOptions NoWait = new() { Delay = TimeSpan.Zero, Vendor = "mews" };

    /// <summary>A vendor that stores bookings under their client reference and can be told how to fail.</summary>
    private sealed class Vendor
    {
        public ConcurrentDictionary<string, Reservation> Bookings { get; } = new();

        public int Creates;

        public int Lookups;

        public Queue<Func<string, Reservation>> CreateBehaviours { get; } = new();

        public Func<string, Reservation?>? LookupBehaviour { get; set; }

        public Task<Reservation> CreateAsync(string reference, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Creates);
            var behaviour = CreateBehaviours.Count > 0 ? CreateBehaviours.Dequeue() : Commit;
            return Task.FromResult(behaviour(reference));
        }

        public Task<Reservation?> FindAsync(string reference, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Lookups);
            return Task.FromResult(LookupBehaviour is { } lookup ? lookup(reference) : Bookings.GetValueOrDefault(reference));
        }

        public Reservation Commit(string reference) =>
            Bookings.GetOrAdd(reference, r => FakeConnector.Reservation($"R{Bookings.Count + 1}") with { ClientReference = r });

        public Reservation CommitThenTimeout(string reference)
        {
            Commit(reference);
            throw new PmsUnavailableException("mews CreateReservation: the vendor did not answer in time; the write may have been applied (outcome unknown).") { OutcomeUnknown = true, Vendor = "mews" };
        }

        public static Reservation TimeoutBeforeCommit(string reference) =>
            throw new PmsUnavailableException("timed out") { OutcomeUnknown = true, Vendor = "mews" };
    }

    private static Task<Reservation> Run(Vendor vendor, PmsExactlyOnceOptions? options = null) =>
        PmsExactlyOnce.ExecuteAsync("ref-1", vendor.CreateAsync, vendor.FindAsync, options ?? NoWait, Ct);

    [Fact]
    public async Task A_create_that_succeeds_is_sent_once_and_never_looked_up()
    {
        var vendor = new Vendor();

        var reservation = await Run(vendor);

        Assert.Equal("ref-1", reservation.ClientReference);
        Assert.Equal(1, vendor.Creates);
        Assert.Equal(0, vendor.Lookups);
    }

    [Fact]
    public async Task A_create_committed_before_its_answer_was_lost_is_found_and_not_created_again()
    {
        var vendor = new Vendor();
        vendor.CreateBehaviours.Enqueue(vendor.CommitThenTimeout);

        var reservation = await Run(vendor);

        Assert.Single(vendor.Bookings);
        Assert.Equal(vendor.Bookings["ref-1"], reservation);
        Assert.Equal(1, vendor.Creates);
        Assert.Equal(1, vendor.Lookups);
    }

    [Fact]
    public async Task A_create_that_was_not_applied_is_sent_again_once_after_the_lookup_found_nothing()
    {
        var vendor = new Vendor();
        vendor.CreateBehaviours.Enqueue(Vendor.TimeoutBeforeCommit);

        var reservation = await Run(vendor);

        Assert.Single(vendor.Bookings);
        Assert.Equal("ref-1", reservation.ClientReference);
        Assert.Equal(2, vendor.Creates);
        Assert.Equal(1, vendor.Lookups);
    }

    [Fact]
    public async Task A_non_transient_failure_is_not_retried()
    {
        var vendor = new Vendor();
        vendor.CreateBehaviours.Enqueue(_ => throw new PmsValidationException("mews CreateReservation: the vendor rejected the request (HTTP 400).") { Vendor = "mews" });

        await Assert.ThrowsAsync<PmsValidationException>(() => Run(vendor));

        Assert.Equal(1, vendor.Creates);
        Assert.Equal(0, vendor.Lookups);
        Assert.Empty(vendor.Bookings);
    }

    [Fact]
    public async Task A_transient_failure_with_a_known_outcome_is_retried_without_a_lookup()
    {
        var vendor = new Vendor();
        vendor.CreateBehaviours.Enqueue(_ => throw new PmsRateLimitedException("limited") { RetryAfter = TimeSpan.Zero });

        await Run(vendor);

        Assert.Equal(2, vendor.Creates);
        Assert.Equal(0, vendor.Lookups);
        Assert.Single(vendor.Bookings);
    }

    [Fact]
    public async Task When_every_attempt_times_out_it_gives_up_after_the_configured_attempts_with_an_unknown_outcome()
    {
        var vendor = new Vendor();
        for (var i = 0; i < 3; i++)
        {
            vendor.CreateBehaviours.Enqueue(Vendor.TimeoutBeforeCommit);
        }

        var error = await Assert.ThrowsAsync<PmsUnavailableException>(() => Run(vendor));

        Assert.True(error.OutcomeUnknown);
        Assert.Equal(3, vendor.Creates);
        Assert.Equal(2, vendor.Lookups);
    }

    [Fact]
    public async Task A_failed_lookup_after_an_unknown_outcome_never_leads_to_a_blind_create_and_is_reported_as_unknown()
    {
        var vendor = new Vendor { LookupBehaviour = _ => throw new PmsAuthenticationException("mews: the vendor refused the credentials (HTTP 401).") { Vendor = "mews" } };
        vendor.CreateBehaviours.Enqueue(vendor.CommitThenTimeout);

        var error = await Assert.ThrowsAsync<PmsUnavailableException>(() => Run(vendor));

        Assert.True(error.OutcomeUnknown);
        Assert.IsType<PmsAuthenticationException>(error.InnerException);
        Assert.Equal("mews", error.Vendor);
        Assert.Equal(1, vendor.Creates);
        Assert.Single(vendor.Bookings);
    }

    [Fact]
    public async Task A_conflict_on_the_retry_is_resolved_by_looking_the_reference_up_again()
    {
        var vendor = new Vendor();
        var lookups = 0;

        // The search index lags: the first lookup misses the committed booking, the vendor then refuses the duplicate.
        vendor.LookupBehaviour = reference => ++lookups == 1 ? null : vendor.Bookings.GetValueOrDefault(reference);
        vendor.CreateBehaviours.Enqueue(vendor.CommitThenTimeout);
        vendor.CreateBehaviours.Enqueue(_ => throw new PmsConflictException("duplicate reference") { Reason = PmsConflictReason.IdempotencyKeyReused });

        var reservation = await Run(vendor);

        Assert.Equal(vendor.Bookings["ref-1"], reservation);
        Assert.Single(vendor.Bookings);
        Assert.Equal(2, vendor.Creates);
        Assert.Equal(2, vendor.Lookups);
    }

    [Fact]
    public async Task The_wait_between_attempts_runs_on_the_given_clock()
    {
        var time = new ObservableTimeProvider();
        var vendor = new Vendor();
        vendor.CreateBehaviours.Enqueue(Vendor.TimeoutBeforeCommit);

        var run = Run(vendor, new PmsExactlyOnceOptions { Delay = TimeSpan.FromSeconds(2), TimeProvider = time });
        var wait = await time.WaitForTimerAsync(d => d > TimeSpan.Zero);
        Assert.Equal(0, vendor.Lookups);

        time.Advance(wait);
        await run.Within();
        Assert.Equal(1, vendor.Lookups);
        Assert.Equal(2, vendor.Creates);
    }

    [Fact]
    public async Task Invalid_arguments_are_rejected_before_anything_is_sent()
    {
        var vendor = new Vendor();

        await Assert.ThrowsAsync<ArgumentException>(() => PmsExactlyOnce.ExecuteAsync(" ", vendor.CreateAsync, vendor.FindAsync, cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => PmsExactlyOnce.ExecuteAsync("r", vendor.CreateAsync, vendor.FindAsync, new PmsExactlyOnceOptions { MaxAttempts = 0 }, Ct));
        Assert.Equal(0, vendor.Creates);
    }
}
