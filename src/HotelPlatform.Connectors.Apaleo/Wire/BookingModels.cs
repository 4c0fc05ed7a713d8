namespace HotelPlatform.Connectors.Apaleo.Wire;

/// <summary>booking-v1 <c>CreateBookingModel</c>, the body of <c>POST /booking/v1/bookings</c> (<c>booker</c> and <c>reservations</c> required).</summary>
internal sealed record CreateBookingModel
{
    public required GuestModel Booker { get; init; }

    /// <summary>Gets "additional information and comments".</summary>
    public string? Comment { get; init; }

    /// <summary>Gets "additional information and comments by the booker".</summary>
    public string? BookerComment { get; init; }

    public required IReadOnlyList<CreateReservationModel> Reservations { get; init; }
}

/// <summary>booking-v1 <c>CreateReservationModel</c> (<c>arrival, departure, adults, channelCode, timeSlices</c> required).</summary>
internal sealed record CreateReservationModel
{
    /// <summary>Gets the arrival: "either a pure date or a date and time"; the connector sends the pure date.</summary>
    public required DateOnly Arrival { get; init; }

    public required DateOnly Departure { get; init; }

    public required int Adults { get; init; }

    public IReadOnlyList<int>? ChildrenAges { get; init; }

    public string? Comment { get; init; }

    public string? GuestComment { get; init; }

    /// <summary>Gets the "code in some system"; searchable with <c>GET /booking/v1/reservations?externalCode=</c> (prefix match).</summary>
    public string? ExternalCode { get; init; }

    /// <summary>Gets the channel: Direct, BookingCom, Ibe, ChannelManager, Expedia, Homelike or Hrs (booking-v1 2021 enum).</summary>
    public required string ChannelCode { get; init; }

    /// <summary>Gets the "source of the reservation": one of the account's sources (<c>GET /booking/v1/types/sources</c>); required with channel ChannelManager.</summary>
    public string? Source { get; init; }

    public GuestModel? PrimaryGuest { get; init; }

    public IReadOnlyList<GuestModel>? AdditionalGuests { get; init; }

    /// <summary>Gets the guarantee (PM6Hold, CreditCard, Prepayment, Company); left out so Apaleo applies the rate plan's minimum.</summary>
    public string? GuaranteeType { get; init; }

    /// <summary>Gets "gross prices including services and taxes for each time slice ... applied ... in the order specified from arrival to departure".</summary>
    public required IReadOnlyList<CreateReservationTimeSliceModel> TimeSlices { get; init; }

    /// <summary>Gets the "additional services (extras, add-ons) that should be added to the reservation".</summary>
    public IReadOnlyList<BookReservationServiceModel>? Services { get; init; }

    public string? PromoCode { get; init; }
}

/// <summary>booking-v1 <c>CreateReservationTimeSliceModel</c> (<c>ratePlanId</c> required; without <c>totalAmount</c> Apaleo prices the slice itself).</summary>
internal sealed record CreateReservationTimeSliceModel
{
    public required string RatePlanId { get; init; }

    public MonetaryValueModel? TotalAmount { get; init; }
}

/// <summary>booking-v1 <c>BookingCreatedModel</c>, the 201 answer of <c>POST /booking/v1/bookings</c>.</summary>
internal sealed record BookingCreatedModel
{
    public required string Id { get; init; }

    public IReadOnlyList<ReservationCreatedModel> ReservationIds { get; init; } = [];
}

/// <summary>booking-v1 <c>ReservationCreatedModel</c>.</summary>
internal sealed record ReservationCreatedModel
{
    public required string Id { get; init; }
}

/// <summary>booking-v1 <c>BookReservationServiceModel</c>: the body of <c>PUT /booking/v1/reservation-actions/{id}/book-service</c> and an item of <c>CreateReservationModel.services</c>.</summary>
internal sealed record BookReservationServiceModel
{
    public required string ServiceId { get; init; }

    /// <summary>Gets "the number of services to book for each service date. It defaults to the service offer count when not specified".</summary>
    public int? Count { get; init; }

    public MonetaryValueModel? Amount { get; init; }

    /// <summary>Gets "the optional dates you want to book the service for; if not specified the default service pattern will be used (e.g. whole stay)".</summary>
    public IReadOnlyList<BookServiceDateModel>? Dates { get; init; }
}

/// <summary>booking-v1 definition <c>Date</c> (an item of <c>BookReservationServiceModel.dates</c>; <c>serviceDate</c> required).</summary>
internal sealed record BookServiceDateModel
{
    public required DateOnly ServiceDate { get; init; }

    public int? Count { get; init; }

    public MonetaryValueModel? Amount { get; init; }
}

/// <summary>booking-v1 <c>DesiredStayDetailsModel</c>, the body of <c>PUT /booking/v1/reservation-actions/{id}/amend</c>.</summary>
internal sealed record DesiredStayDetailsModel
{
    public required DateOnly Arrival { get; init; }

    public required DateOnly Departure { get; init; }

    public required int Adults { get; init; }

    public IReadOnlyList<int>? ChildrenAges { get; init; }

    /// <summary>Gets whether unchanged slices are re-priced at current prices ("Defaults to 'false'").</summary>
    public bool? Requote { get; init; }

    public required IReadOnlyList<DesiredTimeSliceModel> TimeSlices { get; init; }
}

/// <summary>booking-v1 <c>DesiredTimeSliceModel</c> (<c>ratePlanId</c> required).</summary>
internal sealed record DesiredTimeSliceModel
{
    public required string RatePlanId { get; init; }

    public MonetaryValueModel? TotalGrossAmount { get; init; }
}

/// <summary>
/// booking-v1 <c>Operation</c>: one JSON Patch operation (<c>op, path, value, from</c>) in the body of
/// <c>PATCH /booking/v1/reservations/{id}</c>, sent as <c>application/json</c> (the operation's <c>consumes</c>).
/// </summary>
internal sealed record JsonPatchOperation
{
    /// <summary>Gets the operation: add, replace or remove (the ones Apaleo lists for reservations).</summary>
    public required string Op { get; init; }

    /// <summary>Gets the JSON Pointer of the member, camelCase as on the wire (for example <c>/comment</c>).</summary>
    public required string Path { get; init; }

    /// <summary>Gets the new value; absent for remove.</summary>
    public System.Text.Json.Nodes.JsonNode? Value { get; init; }

    public string? From { get; init; }
}
