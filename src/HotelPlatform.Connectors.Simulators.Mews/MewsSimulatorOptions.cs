namespace HotelPlatform.Connectors.Simulators.Mews;

/// <summary>Settings of a <see cref="MewsSimulator"/>: the tokens it accepts, Mews' rate limit and the enterprise it seeds.</summary>
public sealed class MewsSimulatorOptions
{
    /// <summary>The client token accepted by default.</summary>
    public const string DefaultClientToken = "SIMULATOR-CLIENT-TOKEN-0000000000000000";

    /// <summary>The access token accepted by default.</summary>
    public const string DefaultAccessToken = "SIMULATOR-ACCESS-TOKEN-0000000000000000";

    /// <summary>Gets or sets the client token the simulator accepts.</summary>
    public string ClientToken { get; set; } = DefaultClientToken;

    /// <summary>Gets or sets the access token the simulator accepts (one enterprise).</summary>
    public string AccessToken { get; set; } = DefaultAccessToken;

    /// <summary>Gets or sets how many requests one access token may make per <see cref="RateLimitWindow"/>, sliding: Mews' 200.</summary>
    public int RequestsPerWindow { get; set; } = 200;

    /// <summary>Gets or sets the rate-limit window: Mews' 30 seconds.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the enterprise's id; a fixed id when <see langword="null"/>.</summary>
    public string? EnterpriseId { get; set; }

    /// <summary>Gets or sets the enterprise's name.</summary>
    public string EnterpriseName { get; set; } = "Simulated Mews Hotel";

    /// <summary>Gets or sets the enterprise's IANA time zone.</summary>
    public string TimeZone { get; set; } = "Europe/Prague";

    /// <summary>Gets or sets the enterprise's default currency.</summary>
    public string Currency { get; set; } = "EUR";

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ClientToken);
        ArgumentException.ThrowIfNullOrWhiteSpace(AccessToken);
        ArgumentException.ThrowIfNullOrWhiteSpace(EnterpriseName);
        ArgumentOutOfRangeException.ThrowIfLessThan(RequestsPerWindow, 1);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            throw new ArgumentException($"The time zone '{TimeZone}' is unknown.", nameof(TimeZone));
        }
    }
}

/// <summary>What a <see cref="MewsSimulator"/> seeded: the ids and dates a test or contract fixture describes its scenario with.</summary>
/// <param name="EnterpriseId">The enterprise (the hotel's <c>PropertyId</c>).</param>
/// <param name="ServiceId">The bookable accommodation service.</param>
/// <param name="DoubleCategoryId">The resource category with the most rooms.</param>
/// <param name="SingleCategoryId">A category for one person.</param>
/// <param name="SuiteCategoryId">The one-room category, sold out on <see cref="SoldOutNight"/>.</param>
/// <param name="FlexibleRateId">The flexible rate.</param>
/// <param name="NonRefundableRateId">The non-refundable rate.</param>
/// <param name="BreakfastProductId">A product sold per person and night.</param>
/// <param name="Today">The enterprise's date when seeded.</param>
/// <param name="SoldOutNight">The night the suite is sold out.</param>
/// <param name="KnownGuest">A customer with a reservation (<see cref="KnownGuestReservationId"/>).</param>
/// <param name="KnownGuestReservationId">The known guest's reservation.</param>
/// <param name="InHouseReservationId">A reservation checked in (state <c>Started</c>).</param>
public sealed record MewsScenario(
    string EnterpriseId,
    string ServiceId,
    string DoubleCategoryId,
    string SingleCategoryId,
    string SuiteCategoryId,
    string FlexibleRateId,
    string NonRefundableRateId,
    string BreakfastProductId,
    DateOnly Today,
    DateOnly SoldOutNight,
    MewsCustomerInfo KnownGuest,
    string KnownGuestReservationId,
    string InHouseReservationId)
{
    /// <summary>Gets the rooms of the double category.</summary>
    public int DoubleRooms { get; init; }

    /// <summary>Gets the day on which arrivals in the double category must stay at least <see cref="RestrictedMinStay"/> nights, on every rate (a <c>Start</c> restriction with a <c>MinLength</c> exception).</summary>
    public DateOnly RestrictedArrival { get; init; }

    /// <summary>Gets the minimum stay of arrivals on <see cref="RestrictedArrival"/>.</summary>
    public int RestrictedMinStay { get; init; }
}

/// <summary>A customer as the simulator holds it.</summary>
/// <param name="Id">The id.</param>
/// <param name="FirstName">The first name.</param>
/// <param name="LastName">The last name.</param>
/// <param name="Email">The e-mail address.</param>
/// <param name="Phone">The phone number.</param>
public sealed record MewsCustomerInfo(string Id, string? FirstName, string LastName, string? Email, string? Phone);

/// <summary>A reservation as the simulator holds it.</summary>
/// <param name="Id">The id.</param>
/// <param name="Number">The confirmation number.</param>
/// <param name="State">The service order state.</param>
/// <param name="CustomerId">The owner.</param>
/// <param name="CategoryId">The requested resource category.</param>
/// <param name="RateId">The rate.</param>
/// <param name="StartUtc">The scheduled start.</param>
/// <param name="EndUtc">The scheduled end.</param>
/// <param name="ChannelNumber">The channel number (the connector's client reference).</param>
/// <param name="Notes">The notes given when it was added.</param>
/// <param name="CreatedUtc">When it was created.</param>
/// <param name="UpdatedUtc">When it was last updated.</param>
/// <param name="ProductIds">The products added to it.</param>
public sealed record MewsReservationInfo(
    string Id,
    string Number,
    string State,
    string CustomerId,
    string CategoryId,
    string RateId,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    string? ChannelNumber,
    string? Notes,
    DateTimeOffset CreatedUtc,
    DateTimeOffset UpdatedUtc,
    IReadOnlyList<string> ProductIds);
