namespace HotelPlatform.Connectors.Apaleo.Wire;

/// <summary>booking-v1 <c>StayOffersModel</c>, the answer of <c>GET /booking/v1/offers</c> (204 when nothing can be offered).</summary>
internal sealed record StayOffersModel
{
    public required EmbeddedPropertyModel Property { get; init; }

    public IReadOnlyList<OfferModel> Offers { get; init; } = [];
}

/// <summary>booking-v1 <c>OfferModel</c>: one unit group under one rate plan for the requested stay.</summary>
internal sealed record OfferModel
{
    /// <summary>Gets "the earliest arrival date and time for this offer".</summary>
    public required DateTimeOffset Arrival { get; init; }

    /// <summary>Gets "the latest departure date and time for this offer".</summary>
    public required DateTimeOffset Departure { get; init; }

    public required OfferUnitGroupModel UnitGroup { get; init; }

    /// <summary>Gets the minimum guarantee: PM6Hold, CreditCard, Prepayment or Company.</summary>
    public string? MinGuaranteeType { get; init; }

    /// <summary>Gets "the number of available units for that offer".</summary>
    public int AvailableUnits { get; init; }

    public required EmbeddedRatePlanModel RatePlan { get; init; }

    public required MonetaryValueModel TotalGrossAmount { get; init; }

    public OfferCancellationFeeModel? CancellationFee { get; init; }

    public OfferNoShowFeeModel? NoShowFee { get; init; }

    /// <summary>Gets "the breakdown for each time slice for this offer".</summary>
    public IReadOnlyList<OfferTimeSliceModel> TimeSlices { get; init; } = [];

    /// <summary>Gets "the details of the fees that will be added on top of the ... TotalGrossAmount when creating the booking".</summary>
    public IReadOnlyList<OfferFeeModel>? Fees { get; init; }

    /// <summary>Gets the "tax breakdown, displaying net and tax amount for each VAT type".</summary>
    public IReadOnlyList<TaxDetailModel>? TaxDetails { get; init; }

    /// <summary>Gets the "validation rules that were applied to the offer and show the reason why the offer is not bookable".</summary>
    public IReadOnlyList<OfferValidationMessageModel>? ValidationMessages { get; init; }

    public bool IsCorporate { get; init; }

    public MonetaryValueModel? PrePaymentAmount { get; init; }

    /// <summary>Gets the city tax (no description in booking-v1; whether it is part of <see cref="TotalGrossAmount"/> is not stated).</summary>
    public AmountModel? CityTax { get; init; }
}

/// <summary>booking-v1 <c>OfferUnitGroupModel</c>.</summary>
internal sealed record OfferUnitGroupModel
{
    public required string Id { get; init; }

    public string? Code { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public int MaxPersons { get; init; }

    public int? Rank { get; init; }
}

/// <summary>booking-v1 <c>OfferTimeSliceModel</c>: one night of an offer.</summary>
internal sealed record OfferTimeSliceModel
{
    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    public int AvailableUnits { get; init; }

    public AmountModel? BaseAmount { get; init; }

    public required MonetaryValueModel TotalGrossAmount { get; init; }
}

/// <summary>booking-v1 <c>OfferCancellationFeeModel</c>.</summary>
internal sealed record OfferCancellationFeeModel
{
    public string? Code { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    /// <summary>Gets "the date and time the cancellation fee will be due. After that time this fee will be charged in case of cancellation".</summary>
    public DateTimeOffset DueDateTime { get; init; }

    public required MonetaryValueModel Fee { get; init; }
}

/// <summary>booking-v1 <c>OfferNoShowFeeModel</c>.</summary>
internal sealed record OfferNoShowFeeModel
{
    public string? Code { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public required MonetaryValueModel Fee { get; init; }
}

/// <summary>booking-v1 <c>OfferFeeModel</c>.</summary>
internal sealed record OfferFeeModel
{
    public required string Id { get; init; }

    public string? Code { get; init; }

    public string? Name { get; init; }

    public required AmountModel TotalAmount { get; init; }
}

/// <summary>booking-v1 <c>OfferValidationMessageModel</c>.</summary>
internal sealed record OfferValidationMessageModel
{
    public string? Code { get; init; }

    public string? Message { get; init; }
}
