// rateplan-v1 is not among the saved specs: these members are from the current "apaleo Rate Plan API" v1 document at
// Altricch/ApaleoOnPrem@e5de34d0 specs/rateplan-v1.json ([S-cur]), definitions RatePlanListModel, RatePlanItemModel,
// EmbeddedCancellationPolicyModel (as used in the RatePlanListModel example), ServiceListModel and ServiceItemModel.
namespace HotelPlatform.Connectors.Apaleo.Wire;

/// <summary>rateplan-v1 <c>RatePlanListModel</c>, the answer of <c>GET /rateplan/v1/rate-plans</c> [S-cur].</summary>
internal sealed record RatePlanListModel
{
    public IReadOnlyList<RatePlanItemModel> RatePlans { get; init; } = [];

    public long Count { get; init; }
}

/// <summary>rateplan-v1 <c>RatePlanItemModel</c> [S-cur]. Each rate plan belongs to exactly one unit group (<c>unitGroup</c> is required).</summary>
internal sealed record RatePlanItemModel
{
    public required string Id { get; init; }

    public string? Code { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    /// <summary>Gets the minimum guarantee: PM6Hold, CreditCard, Prepayment or Company.</summary>
    public string? MinGuaranteeType { get; init; }

    public EmbeddedPropertyModel? Property { get; init; }

    public EmbeddedUnitGroupModel? UnitGroup { get; init; }

    public EmbeddedCancellationPolicyModel? CancellationPolicy { get; init; }

    public IReadOnlyList<string>? ChannelCodes { get; init; }

    public bool IsBookable { get; init; }

    public bool IsSubjectToCityTax { get; init; }

    public bool IsDerived { get; init; }

    public bool? IsArchived { get; init; }
}

/// <summary>rateplan-v1 <c>EmbeddedCancellationPolicyModel</c> as shown in the <c>RatePlanListModel</c> example: id, code, name, description [S-cur].</summary>
internal sealed record EmbeddedCancellationPolicyModel
{
    public required string Id { get; init; }

    public string? Code { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }
}

/// <summary>rateplan-v1 <c>ServiceListModel</c>, the answer of <c>GET /rateplan/v1/services</c> [S-cur].</summary>
internal sealed record ServiceListModel
{
    public IReadOnlyList<ServiceItemModel> Services { get; init; } = [];

    public long Count { get; init; }
}

/// <summary>rateplan-v1 <c>ServiceItemModel</c>: the catalogue entry of an extra [S-cur].</summary>
internal sealed record ServiceItemModel
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public string? Code { get; init; }

    public string? Description { get; init; }

    public required MonetaryValueModel DefaultGrossPrice { get; init; }

    /// <summary>Gets "per which unit (flat, room, person) this item is offered and priced": Room or Person (optional in list items).</summary>
    public string? PricingUnit { get; init; }

    /// <summary>Gets whether the service "is delivered and posted on the same business date as the accommodation, or on the next day".</summary>
    public bool PostNextDay { get; init; }

    /// <summary>Gets the service type: Other, Accommodation or FoodAndBeverages.</summary>
    public string? ServiceType { get; init; }

    /// <summary>Gets the channels the service is sold through; a service without channels "is sold only in a package" (rateplan-v1 <c>ServiceModel.channelCodes</c>).</summary>
    public IReadOnlyList<string>? ChannelCodes { get; init; }
}
