namespace HotelPlatform.Connectors.Apaleo.Wire;

/// <summary>
/// booking-v1 <c>ReservationModel</c> (<c>GET /booking/v1/reservations/{id}</c>); also used for the items of
/// <c>ReservationListModel</c>, whose <c>ReservationItemModel</c> has the same members except <c>taxDetails</c> and
/// <c>payableAmount</c>, which the mappers do not read.
/// </summary>
internal sealed record ReservationModel
{
    public required string Id { get; init; }

    public string? BookingId { get; init; }

    /// <summary>Gets the status: Confirmed, InHouse, CheckedOut, Canceled or NoShow (booking-v1 2021 enum).</summary>
    public required string Status { get; init; }

    public DateTimeOffset? CheckInTime { get; init; }

    public DateTimeOffset? CheckOutTime { get; init; }

    /// <summary>Gets the "time of cancellation, if the reservation was canceled".</summary>
    public DateTimeOffset? CancellationTime { get; init; }

    public DateTimeOffset? NoShowTime { get; init; }

    public EmbeddedUnitModel? Unit { get; init; }

    public required EmbeddedPropertyModel Property { get; init; }

    public required EmbeddedRatePlanModel RatePlan { get; init; }

    public required EmbeddedUnitGroupModel UnitGroup { get; init; }

    public MonetaryValueModel? TotalGrossAmount { get; init; }

    /// <summary>Gets the arrival date and time, in the property's offset in Apaleo's examples (<c>2021-06-30T17:00:00+02:00</c>).</summary>
    public required DateTimeOffset Arrival { get; init; }

    public required DateTimeOffset Departure { get; init; }

    public DateTimeOffset? Created { get; init; }

    public DateTimeOffset? Modified { get; init; }

    public int Adults { get; init; }

    public IReadOnlyList<int>? ChildrenAges { get; init; }

    public string? Comment { get; init; }

    public string? GuestComment { get; init; }

    /// <summary>Gets the "code in external system" (a channel's booking number, or the client reference the connector stamped).</summary>
    public string? ExternalCode { get; init; }

    public string? ChannelCode { get; init; }

    public string? Source { get; init; }

    public GuestModel? PrimaryGuest { get; init; }

    public IReadOnlyList<GuestModel>? AdditionalGuests { get; init; }

    /// <summary>Gets the booker; present when <c>expand=booker</c>.</summary>
    public GuestModel? Booker { get; init; }

    /// <summary>Gets the nights; present when <c>expand=timeSlices</c>.</summary>
    public IReadOnlyList<TimeSliceModel>? TimeSlices { get; init; }

    /// <summary>Gets the booked extras; present when <c>expand=services</c>.</summary>
    public IReadOnlyList<ReservationServiceItemModel>? Services { get; init; }

    public string? GuaranteeType { get; init; }

    public ReservationCancellationFeeModel? CancellationFee { get; init; }

    public MonetaryValueModel? Balance { get; init; }
}

/// <summary>booking-v1 <c>ReservationListModel</c>, the answer of <c>GET /booking/v1/reservations</c> (204 for an empty page).</summary>
internal sealed record ReservationListModel
{
    public IReadOnlyList<ReservationModel> Reservations { get; init; } = [];

    /// <summary>Gets the "total count of items" (Apaleo's own example says 0 beside two items: page by 204 and page size, not by this).</summary>
    public long Count { get; init; }
}

/// <summary>booking-v1 <c>TimeSliceModel</c>: one night of a reservation.</summary>
internal sealed record TimeSliceModel
{
    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    /// <summary>Gets "the service date for this time slice" — the night.</summary>
    public required DateOnly ServiceDate { get; init; }

    public required EmbeddedRatePlanModel RatePlan { get; init; }

    public required EmbeddedUnitGroupModel UnitGroup { get; init; }

    public AmountModel? BaseAmount { get; init; }

    public required MonetaryValueModel TotalGrossAmount { get; init; }
}

/// <summary>booking-v1 <c>ReservationCancellationFeeModel</c>.</summary>
internal sealed record ReservationCancellationFeeModel
{
    public string? Id { get; init; }

    public string? Code { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public DateTimeOffset DueDateTime { get; init; }

    public required MonetaryValueModel Fee { get; init; }
}

/// <summary>booking-v1 <c>ReservationServiceItemModel</c>: an extra booked with a reservation.</summary>
internal sealed record ReservationServiceItemModel
{
    public required ServiceModel Service { get; init; }

    public required AmountModel TotalAmount { get; init; }

    public IReadOnlyList<ServiceDateItemModel> Dates { get; init; } = [];
}

/// <summary>booking-v1 <c>ReservationServiceListModel</c>, the answer of <c>GET /booking/v1/reservations/{id}/services</c>.</summary>
internal sealed record ReservationServiceListModel
{
    public IReadOnlyList<ReservationServiceItemModel> Services { get; init; } = [];

    public long Count { get; init; }
}

/// <summary>booking-v1 <c>ServiceDateItemModel</c>.</summary>
internal sealed record ServiceDateItemModel
{
    public required DateOnly ServiceDate { get; init; }

    /// <summary>Gets "the count of booked services" on that date.</summary>
    public int Count { get; init; }

    public AmountModel? Amount { get; init; }

    public bool IsMandatory { get; init; }
}

/// <summary>booking-v1 <c>ServiceModel</c> (the booking API's embedded service with price; <c>pricingUnit</c> Room or Person).</summary>
internal sealed record ServiceModel
{
    public required string Id { get; init; }

    public string? Code { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    /// <summary>Gets "the granularity (room, person) for which this item is offered and priced": Room or Person.</summary>
    public string? PricingUnit { get; init; }

    public MonetaryValueModel? DefaultGrossPrice { get; init; }
}

/// <summary>booking-v1 <c>ServiceOffersModel</c>, the answer of both service-offer endpoints (204 when there is none).</summary>
internal sealed record ServiceOffersModel
{
    public IReadOnlyList<ServiceOfferModel> Services { get; init; } = [];
}

/// <summary>booking-v1 <c>ServiceOfferModel</c>.</summary>
internal sealed record ServiceOfferModel
{
    public required ServiceModel Service { get; init; }

    /// <summary>Gets "the default count of offered services. For services whose pricing unit is 'Person' it will be based on the adults and children specified, otherwise 1".</summary>
    public int Count { get; init; }

    public required AmountModel TotalAmount { get; init; }

    public MonetaryValueModel? PrePaymentAmount { get; init; }

    public IReadOnlyList<ServiceOfferItemModel> Dates { get; init; } = [];
}

/// <summary>booking-v1 <c>ServiceOfferItemModel</c>.</summary>
internal sealed record ServiceOfferItemModel
{
    public required DateOnly ServiceDate { get; init; }

    public AmountModel? Amount { get; init; }

    /// <summary>Gets whether the date is one the service is booked on by default (breakfast: the day after arrival to departure).</summary>
    public bool IsDefaultDate { get; init; }

    public bool IsMandatory { get; init; }
}
