using System.Diagnostics;
using System.Globalization;
using System.Threading.RateLimiting;
using HotelPlatform.Connectors.Http;

namespace HotelPlatform.Connectors.Cli.Commands.Onboard;

/// <summary>How one onboarding check went.</summary>
internal enum CheckOutcome
{
    /// <summary>The check passed.</summary>
    Passed,

    /// <summary>The connector does not offer what the check reads; not a failure.</summary>
    Skipped,

    /// <summary>The check failed.</summary>
    Failed,
}

/// <summary>One onboarding check and what it found.</summary>
internal sealed record OnboardingCheck(string Name, CheckOutcome Outcome, string Detail, TimeSpan Duration);

/// <summary>
/// The connection test and the read-only smoke run of <c>hotelpms onboard</c>. Every call is a read of the kit's
/// read-only areas (property, room types, rate plans, availability, reservation lists, an unknown reservation): nothing is
/// booked, changed or cancelled. Authentication and quota failures are not caught here: they end onboarding.
/// </summary>
internal static class OnboardingProbe
{
    /// <summary>Runs the connection test (health, property read).</summary>
    public static async Task<(IReadOnlyList<OnboardingCheck> Checks, PmsProperty? Property)> ConnectAsync(IPmsConnector connector, CancellationToken cancellationToken)
    {
        var checks = new List<OnboardingCheck>();
        var watch = Stopwatch.StartNew();
        var health = await connector.CheckHealthAsync(cancellationToken).ConfigureAwait(false);
        if (health.Exception is PmsAuthenticationException or PmsRateLimitedException)
        {
            throw health.Exception;
        }

        checks.Add(new("Connection and authentication", health.Status == PmsHealthStatus.Healthy ? CheckOutcome.Passed : CheckOutcome.Failed, health.Description ?? health.Exception?.Message ?? health.Status.ToString(), watch.Elapsed));
        watch.Restart();
        try
        {
            var property = await connector.GetPropertyAsync(cancellationToken).ConfigureAwait(false);
            checks.Add(new("Property read", CheckOutcome.Passed, $"{property.Name} ({property.VendorId}), {property.TimeZone}, {property.Currency}", watch.Elapsed));
            return (checks, property);
        }
        catch (PmsNotSupportedException exception)
        {
            // A channel-manager interface (SiteMinder) does not serve the property back: the health check is the connection test.
            checks.Add(new("Property read", CheckOutcome.Skipped, exception.Message, watch.Elapsed));
            return (checks, null);
        }
    }

    /// <summary>Runs the read-only smoke subset.</summary>
    public static async Task<IReadOnlyList<OnboardingCheck>> SmokeAsync(IPmsConnector connector, DateOnly today, CancellationToken cancellationToken)
    {
        var unknownId = "onboarding-unknown-" + Guid.NewGuid().ToString("N");
        return
        [
            await CheckAsync("Room types", async t => Count(await connector.GetRoomTypesAsync(t).ConfigureAwait(false), "room types"), cancellationToken).ConfigureAwait(false),
            await CheckAsync("Rate plans", async t => Count(await connector.GetRatePlansAsync(t).ConfigureAwait(false), "rate plans"), cancellationToken).ConfigureAwait(false),
            await CheckAsync("Availability (7 nights)", async t =>
            {
                var grid = await connector.GetAvailabilityAsync(new AvailabilityRequest(today, today.AddDays(7)), t).ConfigureAwait(false);
                return string.Create(CultureInfo.InvariantCulture, $"{grid.RoomTypes.Count} room types from {grid.Arrival:yyyy-MM-dd}");
            }, cancellationToken).ConfigureAwait(false),
            await CheckAsync("Arrivals today", async t =>
            {
                var count = 0;
                await foreach (var _ in connector.GetReservationsAsync(ReservationQuery.Arrivals(today), t).ConfigureAwait(false))
                {
                    count++;
                }

                return string.Create(CultureInfo.InvariantCulture, $"{count} arrivals on {today:yyyy-MM-dd}");
            }, cancellationToken).ConfigureAwait(false),
            await CheckAsync("Unknown reservation is not found", async t =>
            {
                try
                {
                    await connector.GetReservationAsync(unknownId, t).ConfigureAwait(false);
                    throw new InvalidOperationException($"reservation '{unknownId}' was returned, but it does not exist.");
                }
                catch (PmsNotFoundException)
                {
                    return "PmsNotFoundException, as the contract requires";
                }
            }, cancellationToken).ConfigureAwait(false),
        ];
    }

    /// <summary>Describes the quota headroom the runtime's limiter reports for the hotel's account after the run.</summary>
    public static string DescribeQuota(ObservingRateLimiterProvider limiters)
    {
        if (limiters.Observed.Count == 0)
        {
            return "the vendor documents no client-side quota; the runtime applies none (429 answers are still honoured)";
        }

        return string.Join("; ", limiters.Observed.Select(o =>
        {
            var available = o.Limiter.GetStatistics()?.CurrentAvailablePermits ?? 0;
            var capacity = o.Quota.EffectiveBurst;
            return string.Create(CultureInfo.InvariantCulture, $"{o.AccountKey}: {o.Quota.PermitsPerPeriod} requests per {o.Quota.Period.TotalSeconds:0.#} s, {available} of {capacity} permits free after onboarding");
        }));
    }

    private static string Count<T>(IReadOnlyList<T> items, string what) => string.Create(CultureInfo.InvariantCulture, $"{items.Count} {what}");

    /// <summary>Runs one check: passed with its detail, skipped when the connector does not offer it, failed with the exception otherwise.</summary>
    public static async Task<OnboardingCheck> CheckAsync(string name, Func<CancellationToken, Task<string>> check, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            return new(name, CheckOutcome.Passed, await check(cancellationToken).ConfigureAwait(false), watch.Elapsed);
        }
        catch (PmsNotSupportedException exception)
        {
            return new(name, CheckOutcome.Skipped, exception.Message, watch.Elapsed);
        }
        catch (Exception exception) when (exception is not (PmsAuthenticationException or PmsRateLimitedException or OperationCanceledException))
        {
            return new(name, CheckOutcome.Failed, $"{exception.GetType().Name}: {exception.Message}", watch.Elapsed);
        }
    }
}

/// <summary>
/// The runtime's extension point for a shared limiter (<see cref="IPmsRateLimiterProvider"/>), used here to see the
/// quota the vendor connector declares and how much of it is left: one runtime account limiter per account.
/// </summary>
internal sealed class ObservingRateLimiterProvider : IPmsRateLimiterProvider, IDisposable
{
    private readonly List<(string AccountKey, PmsRateLimitQuota Quota, RateLimiter Limiter)> _observed = [];

    /// <summary>Gets the limiters handed out.</summary>
    public IReadOnlyList<(string AccountKey, PmsRateLimitQuota Quota, RateLimiter Limiter)> Observed => _observed;

    /// <inheritdoc />
    public RateLimiter GetLimiter(string accountKey, PmsRateLimitQuota quota)
    {
        lock (_observed)
        {
            if (_observed.FirstOrDefault(o => o.AccountKey == accountKey).Limiter is { } existing)
            {
                return existing;
            }

            // The runtime's own limiter, not a look-alike: the pace the hotel gets in a host is the pace onboarding sees.
            var limiter = PmsRateLimiters.CreateAccountLimiter(quota);
            _observed.Add((accountKey, quota, limiter));
            return limiter;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var (_, _, limiter) in _observed)
        {
            limiter.Dispose();
        }
    }
}
