namespace HotelPlatform.Connectors.SiteMinder.Distribution;

/// <summary>
/// Pushes a hotel's availability, restrictions and rates to SiteMinder (pmsXchange <c>OTA_HotelAvailNotifRQ</c> and
/// <c>OTA_HotelRateAmountNotifRQ</c>), from <c>connector.GetService&lt;ISiteMinderDistribution&gt;()</c>. Give it the
/// values of each night; it sends only what changed since it last sent them (the first push of a value is a full load),
/// bundles consecutive nights with equal values into one range, keeps availability and restrictions in separate requests,
/// splits what does not fit in SiteMinder's 2 MB per message, and sends one request at a time per hotel, waiting for
/// each answer as SiteMinder requires. A part that fails throws; the parts sent before it are remembered as sent, so the
/// same push again sends only what is left.
/// </summary>
public interface ISiteMinderDistribution
{
    /// <summary>Pushes availability (<c>BookingLimit</c> per room type and night).</summary>
    /// <param name="availability">The nights' values.</param>
    /// <param name="cancellationToken">A token that cancels the push.</param>
    /// <returns>What was sent.</returns>
    Task<SiteMinderPushResult> PushAvailabilityAsync(IEnumerable<SiteMinderAvailability> availability, CancellationToken cancellationToken = default);

    /// <summary>Pushes restrictions (open/close, closed to arrival or departure, minimum and maximum stay per room type, rate plan and night); each kind of restriction is its own delta.</summary>
    /// <param name="restrictions">The nights' values.</param>
    /// <param name="cancellationToken">A token that cancels the push.</param>
    /// <returns>What was sent.</returns>
    Task<SiteMinderPushResult> PushRestrictionsAsync(IEnumerable<SiteMinderRestriction> restrictions, CancellationToken cancellationToken = default);

    /// <summary>Pushes rates (occupancy-based amounts per room type, rate plan and night, in a mandatory currency).</summary>
    /// <param name="rates">The nights' values.</param>
    /// <param name="cancellationToken">A token that cancels the push.</param>
    /// <returns>What was sent.</returns>
    Task<SiteMinderPushResult> PushRatesAsync(IEnumerable<SiteMinderRate> rates, CancellationToken cancellationToken = default);

    /// <summary>Forgets what was sent, so that the next pushes send every value again (SiteMinder: at most one full load a day).</summary>
    void ForgetSent();
}

/// <summary>The availability of a room type on a night.</summary>
/// <param name="RoomTypeCode">The room type's code mapped at SiteMinder (<c>InvTypeCode</c>).</param>
/// <param name="Date">The night.</param>
/// <param name="BookingLimit">The rooms left to sell, 0 or more.</param>
public sealed record SiteMinderAvailability(string RoomTypeCode, DateOnly Date, int BookingLimit);

/// <summary>The restrictions of a room type and rate plan on a night; a member left <see langword="null"/> is not sent.</summary>
/// <param name="RoomTypeCode">The room type's code mapped at SiteMinder (<c>InvTypeCode</c>).</param>
/// <param name="RatePlanCode">The rate plan's code mapped at SiteMinder.</param>
/// <param name="Date">The night.</param>
public sealed record SiteMinderRestriction(string RoomTypeCode, string RatePlanCode, DateOnly Date)
{
    /// <summary>Gets whether the rate is closed (stop-sell, <c>RestrictionStatus @Status="Close"</c>) or open.</summary>
    public bool? Closed { get; init; }

    /// <summary>Gets whether arrival is closed (<c>@Restriction="Arrival"</c>).</summary>
    public bool? ClosedToArrival { get; init; }

    /// <summary>Gets whether departure is closed (<c>@Restriction="Departure"</c>).</summary>
    public bool? ClosedToDeparture { get; init; }

    /// <summary>Gets the minimum length of stay in nights (<c>SetMinLOS</c>).</summary>
    public int? MinStay { get; init; }

    /// <summary>Gets the maximum length of stay in nights (<c>SetMaxLOS</c>).</summary>
    public int? MaxStay { get; init; }
}

/// <summary>The rate of a room type and rate plan on a night.</summary>
/// <param name="RoomTypeCode">The room type's code mapped at SiteMinder (<c>InvTypeCode</c>).</param>
/// <param name="RatePlanCode">The rate plan's code mapped at SiteMinder.</param>
/// <param name="Date">The night.</param>
/// <param name="Currency">The ISO 4217 currency; mandatory, SiteMinder converts nothing.</param>
/// <param name="AmountsByAdults">The gross amount (<c>AmountAfterTax</c>) by number of adults, 1 to 5; SiteMinder back-fills missing lower occupancies.</param>
public sealed record SiteMinderRate(string RoomTypeCode, string RatePlanCode, DateOnly Date, string Currency, IReadOnlyDictionary<int, decimal> AmountsByAdults);

/// <summary>What a push sent.</summary>
/// <param name="Messages">The requests sent (0 when nothing changed).</param>
/// <param name="Ranges">The date ranges sent, each one <c>AvailStatusMessage</c> or <c>RateAmountMessage</c>.</param>
/// <param name="Warnings">The <c>Warnings</c> SiteMinder answered with, each as its text.</param>
public sealed record SiteMinderPushResult(int Messages, int Ranges, IReadOnlyList<string> Warnings);
