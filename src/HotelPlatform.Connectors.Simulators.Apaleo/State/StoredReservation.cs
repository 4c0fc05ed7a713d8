using HotelPlatform.Connectors.Simulators.Apaleo.Wire;

namespace HotelPlatform.Connectors.Simulators.Apaleo.State;

/// <summary>One night of a reservation: its rate plan (and so its unit group) and gross price.</summary>
internal sealed record StayNight(DateOnly Date, RatePlanDef RatePlan, decimal Gross);

/// <summary>One date of a booked extra: how many, and the gross amount for all of them.</summary>
internal sealed record BookedServiceDate(DateOnly Date, int Count, decimal Gross);

/// <summary>An extra booked with a reservation.</summary>
internal sealed record BookedService(ServiceDef Service, IReadOnlyList<BookedServiceDate> Dates);

/// <summary>A reservation as the simulator keeps it; mutated only under <see cref="ApaleoHotel"/>'s lock.</summary>
internal sealed class StoredReservation
{
    public required string Id { get; init; }

    public required string BookingId { get; init; }

    public required ApaleoReservationStatus Status { get; set; }

    /// <summary>Gets or sets the nights, in date order, one per night of the stay.</summary>
    public required IReadOnlyList<StayNight> Nights { get; set; }

    public required int Adults { get; set; }

    public IReadOnlyList<int>? ChildrenAges { get; set; }

    public required ChannelCode ChannelCode { get; init; }

    public required GuestModel Booker { get; init; }

    public required GuestModel PrimaryGuest { get; set; }

    public IReadOnlyList<GuestModel>? AdditionalGuests { get; set; }

    public required GuaranteeType GuaranteeType { get; init; }

    public string? Comment { get; set; }

    public string? GuestComment { get; set; }

    public string? ExternalCode { get; init; }

    public string? Source { get; init; }

    public string? CorporateCode { get; init; }

    public string? PromoCode { get; init; }

    public TravelPurpose? TravelPurpose { get; set; }

    public CommissionModel? Commission { get; set; }

    public CreatePaymentAccountModel? PaymentAccount { get; set; }

    public List<BookedService> Services { get; } = [];

    public UnitDef? Unit { get; set; }

    public required DateTimeOffset Created { get; init; }

    public required DateTimeOffset Modified { get; set; }

    public DateTimeOffset? CheckInTime { get; set; }

    public DateTimeOffset? CancellationTime { get; set; }

    public DateTimeOffset? CheckOutTime { get; set; }

    public DateTimeOffset? NoShowTime { get; set; }

    public bool HasCityTax { get; set; }

    public DateOnly Arrival => Nights[0].Date;

    public DateOnly Departure => Nights[^1].Date.AddDays(1);

    public RatePlanDef RatePlan => Nights[0].RatePlan;

    public UnitGroupDef UnitGroup => Nights[0].RatePlan.UnitGroup;

    public int ChildCount => ChildrenAges?.Count ?? 0;

    /// <summary>Gets a value indicating whether the reservation holds a room: booked, in house or stayed (not cancelled, not a no-show).</summary>
    public bool HoldsInventory => Status is ApaleoReservationStatus.Confirmed or ApaleoReservationStatus.InHouse or ApaleoReservationStatus.CheckedOut;

    public bool Covers(DateOnly night) => night >= Arrival && night < Departure;
}
