namespace HotelPlatform.Connectors;

/// <summary>A request to price a stay.</summary>
/// <param name="Arrival">The first night.</param>
/// <param name="Departure">The departure day.</param>
/// <param name="Adults">The number of adults; at least one.</param>
public sealed record QuoteRequest(DateOnly Arrival, DateOnly Departure, int Adults)
{
    /// <summary>Gets the ages of the children staying, one entry per child.</summary>
    public IReadOnlyList<int> ChildrenAges { get; init; } = [];

    /// <summary>Gets the room types to price; empty for all.</summary>
    public IReadOnlyList<string> RoomTypeIds { get; init; } = [];

    /// <summary>Gets the rate plan to price, or <see langword="null"/> for all public plans.</summary>
    public string? RatePlanId { get; init; }

    /// <summary>Gets a promotion code, where the vendor supports one.</summary>
    public string? PromoCode { get; init; }

    /// <summary>Gets the number of nights.</summary>
    public int Nights => Departure.DayNumber - Arrival.DayNumber;
}

/// <summary>The price of a stay in one room type under one rate plan.</summary>
/// <param name="RoomTypeId">The room type's vendor identifier.</param>
/// <param name="RatePlanId">The rate plan's vendor identifier.</param>
/// <param name="Total">The total the guest pays for the stay, taxes and fees included.</param>
/// <param name="Nights">The price night by night, in date order.</param>
public sealed record RateQuote(string RoomTypeId, string RatePlanId, Money Total, IReadOnlyList<NightlyRate> Nights)
{
    /// <summary>Gets the room type's name, where the vendor returns it with the offer.</summary>
    public string? RoomTypeName { get; init; }

    /// <summary>Gets the rate plan's name, where the vendor returns it with the offer.</summary>
    public string? RatePlanName { get; init; }

    /// <summary>Gets the total before taxes, where the vendor states it.</summary>
    public Money? TotalBeforeTax { get; init; }

    /// <summary>Gets the taxes included in <see cref="Total"/>.</summary>
    public IReadOnlyList<TaxAmount> Taxes { get; init; } = [];

    /// <summary>Gets the fees (city tax, resort fee, ...) charged on top of the room rate.</summary>
    public IReadOnlyList<Fee> Fees { get; init; } = [];

    /// <summary>Gets the cancellation policy that applies to a booking of this quote.</summary>
    public CancellationPolicy? CancellationPolicy { get; init; }

    /// <summary>Gets the number of rooms left at this price, where the vendor says.</summary>
    public int? Available { get; init; }
}

/// <summary>The price of one night.</summary>
/// <param name="Date">The night.</param>
/// <param name="Amount">The gross amount for the night.</param>
public sealed record NightlyRate(DateOnly Date, Money Amount);

/// <summary>A tax included in a price.</summary>
/// <param name="Name">The tax's name or code (for example <c>VAT 7%</c>).</param>
/// <param name="Amount">The amount of tax.</param>
public sealed record TaxAmount(string Name, Money Amount)
{
    /// <summary>Gets the tax rate in percent, where known.</summary>
    public decimal? Percent { get; init; }
}

/// <summary>A fee charged in addition to the room rate.</summary>
/// <param name="Name">The fee's name (for example <c>City tax</c>).</param>
/// <param name="Amount">The amount.</param>
public sealed record Fee(string Name, Money Amount)
{
    /// <summary>Gets a value indicating whether the fee is included in the quote's total.</summary>
    public bool IncludedInTotal { get; init; } = true;
}

/// <summary>When and at what cost a booking can be cancelled.</summary>
/// <param name="Name">The policy's name or code.</param>
public sealed record CancellationPolicy(string Name)
{
    /// <summary>Gets the policy text.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the last instant the booking can be cancelled free of charge, or <see langword="null"/> when never.</summary>
    public DateTimeOffset? FreeCancellationUntil { get; init; }

    /// <summary>Gets the fee due when cancelling after <see cref="FreeCancellationUntil"/>.</summary>
    public Money? Fee { get; init; }
}
