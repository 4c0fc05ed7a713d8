using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;

namespace HotelPlatform.Connectors.ContractTests;

/// <summary>
/// The base of every kit area: access to the fixture's connector and scenario, capability gating that reports a
/// skipped test with its reason, helpers that book inside the area's band of nights with made-up guests, and cleanup
/// that cancels what a test booked so the scenario stays reusable for the next test.
/// </summary>
/// <typeparam name="TFixture">The connector author's fixture.</typeparam>
/// <remarks>
/// xunit makes one instance of the test class per test: <see cref="InitializeAsync"/> and <see cref="DisposeAsync"/>
/// run around each test.
/// </remarks>
public abstract class PmsContractTestBase<TFixture> : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : PmsContractFixture
{
    private readonly List<string> _toCancel = [];
    private string? _skipReason;

    /// <summary>Initializes a new instance of the <see cref="PmsContractTestBase{TFixture}"/> class.</summary>
    /// <param name="fixture">The fixture xunit made for the test class.</param>
    protected PmsContractTestBase(TFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        Fixture = fixture;
        Context = new ContractTestContext(AreaOf(GetType()), TestContext.Current.TestMethod?.MethodName ?? GetType().Name);
    }

    /// <summary>Gets the fixture.</summary>
    protected TFixture Fixture { get; }

    /// <summary>Gets the connector under test.</summary>
    protected IPmsConnector Connector => Fixture.Connector;

    /// <summary>Gets what the fixture seeded.</summary>
    protected PmsContractScenario Scenario => Fixture.Scenario;

    /// <summary>Gets what this test did, for <see cref="PmsContractFixture.VerifyRequestsAsync"/>.</summary>
    protected ContractTestContext Context { get; }

    /// <summary>Gets the first night of this area's band inside the scenario's window (offset from <see cref="PmsContractScenario.FirstNight"/>).</summary>
    protected abstract int BandOffset { get; }

    /// <summary>Gets the token xunit cancels when the test run is aborted.</summary>
    protected static CancellationToken TestCancellation => TestContext.Current.CancellationToken;

    /// <inheritdoc />
    public virtual ValueTask InitializeAsync() => Fixture.OnTestStartingAsync(Context);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore();

        // xunit v3 knows the test's result by the time the test class is disposed.
        var state = TestContext.Current.TestState;
        var outcome = new ContractTestOutcome(state?.Result ?? TestResult.NotRun)
        {
            SkipReason = _skipReason,
            FailureMessage = state?.ExceptionMessages is [var first, ..] ? first : null,
        };
        await Fixture.OnTestEndedAsync(Context, outcome);
        GC.SuppressFinalize(this);
    }

    /// <summary>Cancels the reservations the test booked (best effort: an in-house stay cannot be cancelled, and a failed cleanup must not hide the test's own outcome).</summary>
    /// <returns>A task that completes when cleanup is done.</returns>
    protected virtual async ValueTask DisposeAsyncCore()
    {
        if (!Connector.Supports(ConnectorCapabilities.CancelReservation))
        {
            return;
        }

        foreach (var reservationId in _toCancel)
        {
            try
            {
                await Connector.CancelReservationAsync(reservationId, "contract kit cleanup", CancellationToken.None);
            }
            catch (PmsException)
            {
                // Already past cancelling (checked in by the test) or gone: nothing more the kit can do.
            }
        }
    }

    /// <summary>Skips the test, with the reason, unless the connector declares every capability in <paramref name="required"/>.</summary>
    /// <param name="required">The capabilities the test exercises.</param>
    protected void RequireCapabilities(ConnectorCapabilities required)
    {
        var missing = required & ~Connector.Capabilities;
        if (missing == ConnectorCapabilities.None)
        {
            return;
        }

        var why = Fixture.ExplainMissingCapabilities(missing);
        SkipWhen(
            true,
            $"The {Connector.Vendor} connector does not declare {missing}{(why is null ? string.Empty : ": " + why)}; the kit tests only what a connector declares (Capabilities = {Connector.Capabilities}).");
    }

    /// <summary>Skips the test, with the reason, when the scenario lacks an optional part.</summary>
    /// <typeparam name="T">The part's type.</typeparam>
    /// <param name="value">The part.</param>
    /// <param name="member">The <see cref="PmsContractScenario"/> member that would describe it.</param>
    /// <returns>The part, when present.</returns>
    protected T RequireScenario<T>(T? value, string member)
        where T : class
    {
        if (value is null)
        {
            var why = Fixture.ExplainMissingScenarioPart(member);
            SkipWhen(true, why is null
                ? $"The fixture's scenario has no {member}: set PmsContractScenario.{member} in {Fixture.GetType().Name}.CreateScenarioAsync to run this test."
                : $"The fixture's scenario has no {member}: {why}");
        }
        return value!;
    }

    /// <summary>Skips the test, with the reason, unless the fixture can move the clock.</summary>
    protected void RequireClock() =>
        SkipWhen(!Fixture.CanSetClock, $"{Fixture.GetType().Name} cannot set the clock (CanSetClock is false); this test needs to choose what \"now\" is.");

    /// <summary>Skips the test, with the reason, unless the fixture can check guests in.</summary>
    protected void RequireCheckIn() =>
        SkipWhen(!Fixture.CanCheckIn, $"{Fixture.GetType().Name} cannot check guests in (CanCheckIn is false); this test needs an in-house reservation.");

    /// <summary>Skips the test with <paramref name="reason"/> when <paramref name="condition"/> holds. Every skip of the kit goes through <see cref="SkipTest"/>.</summary>
    /// <param name="condition">Whether to skip.</param>
    /// <param name="reason">Why, as shown in the test results.</param>
    protected void SkipWhen([DoesNotReturnIf(true)] bool condition, string reason)
    {
        if (condition)
        {
            SkipTest(reason);
            throw new InvalidOperationException($"{GetType().Name}.SkipTest returned; it must throw to end the test.");
        }
    }

    /// <summary>
    /// Ends the test as skipped, with the reason (xunit v3 <see cref="Assert.Skip"/>: reported as skipped, never as
    /// passed). Override only to observe skips; the override must throw.
    /// </summary>
    /// <param name="reason">Why the test is skipped.</param>
    [DoesNotReturn]
    protected virtual void SkipTest(string reason)
    {
        _skipReason = reason;
        Assert.Skip(reason);
    }

    /// <summary>Gets a night of this area's band.</summary>
    /// <param name="offset">The night's offset inside the band.</param>
    /// <returns>The night.</returns>
    protected DateOnly Night(int offset) => Scenario.FirstNight.AddDays(BandOffset + offset);

    /// <summary>Makes a guest no other test uses: a unique last name and e-mail, so that searches and lists find exactly this test's data.</summary>
    /// <returns>The guest.</returns>
    protected static GuestProfile NewGuest()
    {
        // Letters only: some vendors refuse digits in names.
        var token = string.Create(8, Random.Shared, static (chars, random) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)('a' + random.Next(26));
            }
        });
        var lastName = ContractKit.GuestLastNamePrefix + token;
        return new GuestProfile(lastName) { FirstName = ContractKit.GuestFirstName, Email = lastName.ToLowerInvariant() + "@example.com" };
    }

    /// <summary>Makes a client reference no other booking uses.</summary>
    /// <returns>The reference.</returns>
    protected static string NewClientReference() => ContractKit.ClientReferencePrefix + Guid.NewGuid().ToString("N");

    /// <summary>Makes a draft for the scenario's room type and rate plan, arriving on a night of the band, with a new guest and client reference.</summary>
    /// <param name="nightOffset">The arrival night's offset inside the band.</param>
    /// <param name="nights">The number of nights.</param>
    /// <returns>The draft.</returns>
    protected ReservationDraft NewDraft(int nightOffset, int nights = 1) =>
        new(Night(nightOffset), Night(nightOffset).AddDays(nights), Scenario.RoomTypeId, Scenario.RatePlanId, NewGuest())
        {
            Adults = 1,
            ClientReference = NewClientReference(),
        };

    /// <summary>Books a draft, records it in <see cref="Context"/> and cancels it when the test ends.</summary>
    /// <param name="draft">The draft.</param>
    /// <returns>The reservation.</returns>
    protected async Task<Reservation> BookAsync(ReservationDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.ClientReference is { } reference)
        {
            Context.Set(ContractTestContext.ClientReference, reference);
        }

        var reservation = await Connector.CreateReservationAsync(draft, TestCancellation);
        Assert.False(string.IsNullOrWhiteSpace(reservation.VendorId), "A created reservation has a VendorId.");
        CleanUpLater(reservation.VendorId);
        Context.AddCreatedReservation(reservation.VendorId);
        return reservation;
    }

    /// <summary>Has a reservation cancelled when the test ends.</summary>
    /// <param name="reservationId">The reservation's identifier.</param>
    protected void CleanUpLater(string reservationId)
    {
        if (!_toCancel.Contains(reservationId))
        {
            _toCancel.Add(reservationId);
        }
    }

    /// <summary>Reads how many rooms of a room type are available each night of a stay.</summary>
    /// <param name="roomTypeId">The room type.</param>
    /// <param name="arrival">The first night.</param>
    /// <param name="departure">The departure day.</param>
    /// <returns>The rooms available per night, in date order.</returns>
    protected async Task<IReadOnlyList<int>> AvailablePerNightAsync(string roomTypeId, DateOnly arrival, DateOnly departure)
    {
        var grid = await Connector.GetAvailabilityAsync(new AvailabilityRequest(arrival, departure) { RoomTypeIds = [roomTypeId] }, TestCancellation);
        var row = grid[roomTypeId];
        Assert.True(row is not null, $"The availability grid has a row for room type {roomTypeId}.");
        Assert.Equal(departure.DayNumber - arrival.DayNumber, row.Nights.Count);
        return [.. row.Nights.Select(n => n.Available)];
    }

    /// <summary>Enumerates a reservation list to the end.</summary>
    /// <param name="query">The query.</param>
    /// <returns>Every reservation listed, in order.</returns>
    protected async Task<IReadOnlyList<Reservation>> ListAsync(ReservationQuery query)
    {
        var listed = new List<Reservation>();
        await foreach (var reservation in Connector.GetReservationsAsync(query, TestCancellation))
        {
            listed.Add(reservation);
        }

        return listed;
    }

    /// <summary>Hands the test's context to the fixture to assert the requests the connector sent; call it after the test's own assertions.</summary>
    /// <returns>A task that completes when the fixture verified the requests.</returns>
    protected ValueTask VerifyRequestsAsync() => Fixture.VerifyRequestsAsync(Context);

    /// <summary>Formats a date for messages and context values.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The ISO 8601 date.</returns>
    protected static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string AreaOf(Type testClass)
    {
        for (var type = testClass; type is not null; type = type.BaseType)
        {
            var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
            if (definition.GetCustomAttribute<ContractTestAreaAttribute>() is { } area)
            {
                return area.Name;
            }
        }

        return testClass.Name;
    }
}
