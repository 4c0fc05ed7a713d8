namespace HotelPlatform.Connectors.InMemory;

/// <summary>
/// Describes one rate plan of an in-memory hotel: its nightly prices per room type, the VAT included in them, the fees
/// charged on top and its cancellation terms. Used inside <see cref="InMemoryHotelBuilder.AddRatePlan"/>:
/// <code>
/// hotel.AddRatePlan("FLEX", "Flexible", plan => plan
///     .Price("DBL", 120m)
///     .Price("DBL", new DateOnly(2030, 12, 31), 240m)
///     .VatIncluded(7m)
///     .Fee("City tax", 5m, InMemoryFeeBasis.PercentOfNetRoomRate)
///     .FreeCancellation(daysBeforeArrival: 1, until: new TimeOnly(18, 0)));
/// </code>
/// A plan sells exactly the room types it has a price for. Amounts are in the property's currency, VAT included.
/// </summary>
public sealed class InMemoryRatePlanBuilder
{
    private readonly Dictionary<string, Func<DateOnly, decimal?>> _prices = new(StringComparer.Ordinal);
    private readonly Dictionary<(string RoomTypeId, DateOnly Night), decimal> _overrides = [];
    private readonly List<FeeDefinition> _fees = [];
    private CancellationTerms _cancellation = CancellationTerms.Default;
    private decimal? _vatPercent;
    private string _vatName = "VAT";
    private string? _description;
    private string? _code;
    private string? _promoCode;

    internal InMemoryRatePlanBuilder()
    {
    }

    /// <summary>Sells a room type at the same price every night.</summary>
    /// <param name="roomTypeId">The room type.</param>
    /// <param name="nightly">The gross price of one night (VAT included); not negative.</param>
    /// <returns>This builder.</returns>
    public InMemoryRatePlanBuilder Price(string roomTypeId, decimal nightly)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roomTypeId);
        ArgumentOutOfRangeException.ThrowIfNegative(nightly);
        _prices[roomTypeId] = _ => nightly;
        return this;
    }

    /// <summary>Sells a room type at a price that depends on the night (weekends, seasons); <see langword="null"/> means not sold that night.</summary>
    /// <param name="roomTypeId">The room type.</param>
    /// <param name="nightly">The gross price of a night, or <see langword="null"/> when the night is not sold under this plan. Must be deterministic.</param>
    /// <returns>This builder.</returns>
    public InMemoryRatePlanBuilder Price(string roomTypeId, Func<DateOnly, decimal?> nightly)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roomTypeId);
        ArgumentNullException.ThrowIfNull(nightly);
        _prices[roomTypeId] = nightly;
        return this;
    }

    /// <summary>Overrides the price of one night of a room type the plan already sells.</summary>
    /// <param name="roomTypeId">The room type.</param>
    /// <param name="night">The night.</param>
    /// <param name="nightly">The gross price of that night; not negative.</param>
    /// <returns>This builder.</returns>
    public InMemoryRatePlanBuilder Price(string roomTypeId, DateOnly night, decimal nightly)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roomTypeId);
        ArgumentOutOfRangeException.ThrowIfNegative(nightly);
        _overrides[(roomTypeId, night)] = nightly;
        return this;
    }

    /// <summary>States the VAT included in the nightly prices; quotes show it in <see cref="RateQuote.Taxes"/> and <see cref="RateQuote.TotalBeforeTax"/>.</summary>
    /// <param name="percent">The VAT rate in percent, for example 7 for Germany's hotel rate.</param>
    /// <param name="name">The tax's name as shown in quotes.</param>
    /// <returns>This builder.</returns>
    public InMemoryRatePlanBuilder VatIncluded(decimal percent, string name = "VAT")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100m);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _vatPercent = percent;
        _vatName = name;
        return this;
    }

    /// <summary>Adds a fee charged on top of the room rate (city tax, resort fee, cleaning fee).</summary>
    /// <param name="name">The fee's name as shown in quotes.</param>
    /// <param name="amount">The amount in the property's currency, or the percentage for <see cref="InMemoryFeeBasis.PercentOfNetRoomRate"/>.</param>
    /// <param name="basis">How the fee is computed for a stay.</param>
    /// <param name="includedInTotal">Whether the fee is part of the quote's and the reservation's total (<see langword="false"/>: payable at the hotel).</param>
    /// <returns>This builder.</returns>
    public InMemoryRatePlanBuilder Fee(string name, decimal amount, InMemoryFeeBasis basis, bool includedInTotal = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        if (!Enum.IsDefined(basis))
        {
            throw new ArgumentOutOfRangeException(nameof(basis), basis, "Unknown fee basis.");
        }

        _fees.Add(new FeeDefinition(name, amount, basis, includedInTotal));
        return this;
    }

    /// <summary>
    /// Makes the plan free to cancel until a local time some days before arrival (the default is 18:00 the day before);
    /// a later cancellation costs the first night. Quotes state the exact instant in the property's time zone.
    /// </summary>
    /// <param name="daysBeforeArrival">How many days before the arrival day the deadline falls (0 = the arrival day).</param>
    /// <param name="until">The property-local time of the deadline.</param>
    /// <returns>This builder.</returns>
    public InMemoryRatePlanBuilder FreeCancellation(int daysBeforeArrival, TimeOnly until)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(daysBeforeArrival);
        _cancellation = new CancellationTerms(daysBeforeArrival, until);
        return this;
    }

    /// <summary>Makes the plan non-refundable: no free cancellation, the whole stay is due on cancelling.</summary>
    /// <returns>This builder.</returns>
    public InMemoryRatePlanBuilder NonRefundable()
    {
        _cancellation = CancellationTerms.NonRefundable;
        return this;
    }

    /// <summary>Sets the plan's description.</summary>
    /// <param name="description">The description.</param>
    /// <returns>This builder.</returns>
    public InMemoryRatePlanBuilder WithDescription(string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        _description = description;
        return this;
    }

    /// <summary>Sets the plan's short code.</summary>
    /// <param name="code">The code.</param>
    /// <returns>This builder.</returns>
    public InMemoryRatePlanBuilder WithCode(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        _code = code;
        return this;
    }

    /// <summary>
    /// Hides the plan from quotes unless the request names it (<see cref="QuoteRequest.RatePlanId"/>) or carries this
    /// promotion code (<see cref="QuoteRequest.PromoCode"/>, case-insensitive).
    /// </summary>
    /// <param name="promoCode">The promotion code.</param>
    /// <returns>This builder.</returns>
    public InMemoryRatePlanBuilder RequirePromoCode(string promoCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(promoCode);
        _promoCode = promoCode;
        return this;
    }

    internal RatePlanDefinition Build(string ratePlanId, string name)
    {
        if (_prices.Count == 0)
        {
            throw new InvalidOperationException($"Rate plan '{ratePlanId}' has no price: call Price(roomTypeId, nightly) for every room type it sells.");
        }

        var orphan = _overrides.Keys.FirstOrDefault(k => !_prices.ContainsKey(k.RoomTypeId));
        if (orphan.RoomTypeId is not null)
        {
            throw new InvalidOperationException($"Rate plan '{ratePlanId}' overrides the price of room type '{orphan.RoomTypeId}' on {orphan.Night:yyyy-MM-dd} but does not sell that room type: call Price(\"{orphan.RoomTypeId}\", nightly) first.");
        }

        return new RatePlanDefinition(
            ratePlanId,
            name,
            _code,
            _description,
            _promoCode,
            new Dictionary<string, Func<DateOnly, decimal?>>(_prices, StringComparer.Ordinal),
            new Dictionary<(string, DateOnly), decimal>(_overrides),
            _vatPercent,
            _vatName,
            [.. _fees],
            _cancellation);
    }
}
