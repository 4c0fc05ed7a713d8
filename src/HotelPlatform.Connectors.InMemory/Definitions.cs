using System.Globalization;

namespace HotelPlatform.Connectors.InMemory;

/// <summary>A room type of the in-memory hotel and how many rooms of it exist.</summary>
internal sealed record RoomTypeDefinition(string Id, string Name, int RoomCount, int MaxOccupancy, string? Description)
{
    public RoomType ToModel() => new(Id, Name)
    {
        Code = Id,
        Description = Description,
        MaxOccupancy = MaxOccupancy,
        RoomCount = RoomCount,
    };
}

/// <summary>A fee of a rate plan.</summary>
internal sealed record FeeDefinition(string Name, decimal Amount, InMemoryFeeBasis Basis, bool IncludedInTotal);

/// <summary>When a booking can be cancelled free of charge: until a local time some days before arrival, or never.</summary>
internal sealed record CancellationTerms(int? FreeDaysBeforeArrival, TimeOnly FreeUntil)
{
    public static CancellationTerms Default { get; } = new(1, new TimeOnly(18, 0));

    public static CancellationTerms NonRefundable { get; } = new(null, default);

    public string Name => FreeDaysBeforeArrival is null ? "Non-refundable" : "Flexible";

    public string Description => FreeDaysBeforeArrival switch
    {
        null => "Non-refundable: the whole stay is charged on cancelling.",
        0 => string.Create(CultureInfo.InvariantCulture, $"Free cancellation until {FreeUntil:HH\\:mm} on the arrival day (property time); later, the first night is charged."),
        1 => string.Create(CultureInfo.InvariantCulture, $"Free cancellation until {FreeUntil:HH\\:mm} the day before arrival (property time); later, the first night is charged."),
        var days => string.Create(CultureInfo.InvariantCulture, $"Free cancellation until {FreeUntil:HH\\:mm} {days} days before arrival (property time); later, the first night is charged."),
    };
}

/// <summary>A rate plan of the in-memory hotel: prices per room type and night, VAT, fees, cancellation terms.</summary>
internal sealed record RatePlanDefinition(
    string Id,
    string Name,
    string? Code,
    string? Description,
    string? PromoCode,
    IReadOnlyDictionary<string, Func<DateOnly, decimal?>> Prices,
    IReadOnlyDictionary<(string RoomTypeId, DateOnly Night), decimal> Overrides,
    decimal? VatPercent,
    string VatName,
    IReadOnlyList<FeeDefinition> Fees,
    CancellationTerms Cancellation)
{
    public bool Sells(string roomTypeId) => Prices.ContainsKey(roomTypeId);

    public decimal? PriceOf(string roomTypeId, DateOnly night)
    {
        if (!Prices.TryGetValue(roomTypeId, out var price))
        {
            return null;
        }

        return Overrides.TryGetValue((roomTypeId, night), out var overridden) ? overridden : price(night);
    }

    public RatePlan ToModel(IEnumerable<string> roomTypeOrder, string currency) => new(Id, Name)
    {
        Code = Code ?? Id,
        Description = Description,
        RoomTypeIds = [.. roomTypeOrder.Where(Sells)],
        Currency = currency,
        CancellationPolicy = new CancellationPolicy(Cancellation.Name) { Description = Cancellation.Description },
    };
}

/// <summary>An extra the in-memory hotel sells.</summary>
internal sealed record ServiceDefinition(string Id, string Name, decimal UnitPrice, ServicePricingUnit PricingUnit, string? Description)
{
    /// <summary>Gets whether the extra is delivered night by night (breakfast, parking) rather than once per stay.</summary>
    public bool IsNightly => PricingUnit is ServicePricingUnit.PerNight or ServicePricingUnit.PerPersonPerNight;

    /// <summary>
    /// Prices <paramref name="quantity"/> units per delivery date: the unit price times the quantity, times the number of
    /// dates (1 when the extra is not date-bound), times the persons for per-person units.
    /// </summary>
    public decimal PriceOf(int quantity, int dateCount, int persons) =>
        UnitPrice * quantity * Math.Max(dateCount, 1)
        * (PricingUnit is ServicePricingUnit.PerPerson or ServicePricingUnit.PerPersonPerNight ? persons : 1);
}

/// <summary>An extra booked on a reservation.</summary>
internal sealed class ServiceLine
{
    public required ServiceDefinition Service { get; init; }

    public required int Quantity { get; init; }

    /// <summary>Gets whether the caller chose the dates; otherwise a nightly extra follows the stay's nights when they change.</summary>
    public required bool ExplicitDates { get; init; }

    public required List<DateOnly> Dates { get; set; }
}

/// <summary>The mutable state of one reservation; only touched under <see cref="InMemoryPms"/>'s lock.</summary>
internal sealed class ReservationState
{
    public required string Id { get; init; }

    public required long Sequence { get; init; }

    public required string ConfirmationNumber { get; init; }

    public required ReservationDraft OriginalDraft { get; init; }

    public required ReservationStatus Status { get; set; }

    public required DateOnly Arrival { get; set; }

    public required DateOnly Departure { get; set; }

    public required string RoomTypeId { get; set; }

    public required string RatePlanId { get; set; }

    public required int Adults { get; set; }

    public required IReadOnlyList<int> ChildrenAges { get; set; }

    public required GuestProfile PrimaryGuest { get; set; }

    public required decimal StayTotal { get; set; }

    /// <summary>Gets or sets the price of each night, as priced at booking or at the last stay change.</summary>
    public required IReadOnlyList<NightlyRate> NightlyRates { get; set; }

    /// <summary>Gets or sets the fees of the stay, as priced with <see cref="NightlyRates"/>.</summary>
    public required IReadOnlyList<Fee> Fees { get; set; }

    public string? ClientReference { get; init; }

    public string? ExternalReference { get; init; }

    public string? Comment { get; set; }

    public string? GuestComment { get; set; }

    public string? CancellationReason { get; set; }

    public List<ServiceLine> Services { get; } = [];

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ModifiedAt { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    public int Persons => Adults + ChildrenAges.Count;

    /// <summary>Gets whether the reservation occupies a room on its nights: cancelled, no-show and waitlisted ones do not.</summary>
    public bool HoldsInventory => HoldsInventoryIn(Status);

    public static bool HoldsInventoryIn(ReservationStatus status) =>
        status is ReservationStatus.Confirmed or ReservationStatus.Tentative or ReservationStatus.InHouse or ReservationStatus.CheckedOut;

    public IEnumerable<DateOnly> Nights()
    {
        for (var night = Arrival; night < Departure; night = night.AddDays(1))
        {
            yield return night;
        }
    }
}
