namespace HotelPlatform.Connectors;

/// <summary>How an extra is priced.</summary>
public enum ServicePricingUnit
{
    /// <summary>Once per stay.</summary>
    PerStay,

    /// <summary>Once per night.</summary>
    PerNight,

    /// <summary>Once per person for the stay.</summary>
    PerPerson,

    /// <summary>Once per person per night.</summary>
    PerPersonPerNight,
}

/// <summary>What extras to offer: for a stay being booked or for an existing reservation.</summary>
public sealed record ServiceOfferRequest
{
    /// <summary>Gets the reservation the extras are for, or <see langword="null"/> for a stay not yet booked.</summary>
    public string? ReservationId { get; init; }

    /// <summary>Gets the first night of a stay not yet booked.</summary>
    public DateOnly? Arrival { get; init; }

    /// <summary>Gets the departure day of a stay not yet booked.</summary>
    public DateOnly? Departure { get; init; }

    /// <summary>Gets the number of adults of a stay not yet booked.</summary>
    public int Adults { get; init; } = 1;

    /// <summary>Gets the rate plan of a stay not yet booked, where the vendor prices extras per rate plan.</summary>
    public string? RatePlanId { get; init; }

    /// <summary>Extras for an existing reservation.</summary>
    /// <param name="reservationId">The reservation's vendor identifier.</param>
    /// <returns>The request.</returns>
    public static ServiceOfferRequest ForReservation(string reservationId) => new() { ReservationId = reservationId };

    /// <summary>Extras for a stay not yet booked.</summary>
    /// <param name="arrival">The first night.</param>
    /// <param name="departure">The departure day.</param>
    /// <param name="adults">The number of adults.</param>
    /// <param name="ratePlanId">The rate plan, where the vendor needs it.</param>
    /// <returns>The request.</returns>
    public static ServiceOfferRequest ForStay(DateOnly arrival, DateOnly departure, int adults = 1, string? ratePlanId = null) =>
        new() { Arrival = arrival, Departure = departure, Adults = adults, RatePlanId = ratePlanId };
}

/// <summary>An extra that can be sold.</summary>
/// <param name="ServiceId">The service's vendor identifier.</param>
/// <param name="Name">The name.</param>
/// <param name="UnitPrice">The price of one unit (<see cref="PricingUnit"/>).</param>
public sealed record ServiceOffer(string ServiceId, string Name, Money UnitPrice)
{
    /// <summary>Gets the description.</summary>
    public string? Description { get; init; }

    /// <summary>Gets how the extra is priced.</summary>
    public ServicePricingUnit PricingUnit { get; init; } = ServicePricingUnit.PerStay;

    /// <summary>Gets the total for the stay of the request, where the vendor prices it.</summary>
    public Money? Total { get; init; }

    /// <summary>Gets the dates it can be delivered on; empty when not date-bound.</summary>
    public IReadOnlyList<DateOnly> AvailableDates { get; init; } = [];
}

/// <summary>An extra to add to a reservation.</summary>
/// <param name="ServiceId">The service's vendor identifier.</param>
public sealed record ServiceOrder(string ServiceId)
{
    /// <summary>Gets how many units per delivery date (at least one).</summary>
    public int Quantity { get; init; } = 1;

    /// <summary>Gets the dates to deliver on; empty for the vendor's default (usually every night of the stay).</summary>
    public IReadOnlyList<DateOnly> Dates { get; init; } = [];
}
