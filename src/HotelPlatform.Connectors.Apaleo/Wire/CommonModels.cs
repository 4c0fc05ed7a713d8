// Wire records for Apaleo, named after the Swagger definitions and with the definitions' member names (camelCase on
// the wire through ApaleoJsonContext). Request models carry every member the definition marks required; response
// models carry the members the mappers read (identifiers, and what the normalised model needs) and ignore the rest.
// Sources: booking-v1 (2021, saved), inventory-v1 and finance-v1 (2026, saved); rateplan-v1 and availability-v1 are
// the current specs read at Altricch/ApaleoOnPrem@e5de34d0 specs/*.json ([S-cur], not saved); members taken from
// there say so.
namespace HotelPlatform.Connectors.Apaleo.Wire;

/// <summary>booking-v1 <c>MonetaryValueModel</c>: an amount and its currency, both required.</summary>
/// <param name="Amount">The amount (<c>number/double</c> on the wire; read as <see cref="decimal"/> so no binary rounding creeps in).</param>
/// <param name="Currency">The ISO 4217 currency.</param>
internal sealed record MonetaryValueModel(decimal Amount, string Currency);

/// <summary>booking-v1 <c>AmountModel</c>: gross, net and VAT of an amount; every member is required.</summary>
internal sealed record AmountModel
{
    public decimal GrossAmount { get; init; }

    public decimal NetAmount { get; init; }

    /// <summary>Gets the VAT type (Null, VeryReduced, Reduced, Normal, Without, Special, ReducedCovid19, NormalCovid19).</summary>
    public string? VatType { get; init; }

    public decimal VatPercent { get; init; }

    public required string Currency { get; init; }
}

/// <summary>booking-v1 / inventory-v1 <c>EmbeddedPropertyModel</c>.</summary>
internal sealed record EmbeddedPropertyModel
{
    public required string Id { get; init; }

    public string? Code { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }
}

/// <summary>booking-v1 <c>EmbeddedUnitGroupModel</c>; <c>type</c> exists in the current availability-v1 definition only [S-cur].</summary>
internal sealed record EmbeddedUnitGroupModel
{
    public required string Id { get; init; }

    public string? Code { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    /// <summary>Gets the unit group type (BedRoom, MeetingRoom, EventSpace, ParkingLot, Other) [S-cur availability-v1].</summary>
    public string? Type { get; init; }
}

/// <summary>booking-v1 <c>EmbeddedRatePlanModel</c> (<c>id</c> and <c>isSubjectToCityTax</c> required).</summary>
internal sealed record EmbeddedRatePlanModel
{
    public required string Id { get; init; }

    public string? Code { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public bool IsSubjectToCityTax { get; init; }
}

/// <summary>booking-v1 <c>EmbeddedUnitModel</c>.</summary>
internal sealed record EmbeddedUnitModel
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }
}

/// <summary>booking-v1 <c>EmbeddedServiceModel</c>.</summary>
internal sealed record EmbeddedServiceModel
{
    public required string Id { get; init; }

    public string? Code { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }
}

/// <summary>booking-v1 <c>TaxDetailModel</c>: net and tax per VAT type; every member is required.</summary>
internal sealed record TaxDetailModel
{
    public string? VatType { get; init; }

    public decimal VatPercent { get; init; }

    public required MonetaryValueModel Net { get; init; }

    public required MonetaryValueModel Tax { get; init; }
}
