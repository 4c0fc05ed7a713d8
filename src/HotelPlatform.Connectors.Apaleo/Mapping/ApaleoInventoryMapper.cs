using HotelPlatform.Connectors.Apaleo.Wire;

namespace HotelPlatform.Connectors.Apaleo.Mapping;

/// <summary>Maps Apaleo's property, unit groups, rate plans to the normalised inventory model.</summary>
internal static class ApaleoInventoryMapper
{
    /// <summary>inventory-v1 <c>PropertyModel</c> → <see cref="PmsProperty"/>.</summary>
    /// <param name="model">The property.</param>
    /// <param name="preferredLanguage">The language to take the name in (the name is per language); English, then any, when absent.</param>
    /// <returns>The property.</returns>
    public static PmsProperty ToProperty(PropertyModel model, string? preferredLanguage = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var currency = CurrencyCodes.IsKnown(model.CurrencyCode)
            ? model.CurrencyCode.ToUpperInvariant()
            : throw new PmsException($"Apaleo property '{model.Id}' has currency '{model.CurrencyCode}', which is not an active ISO 4217 code.") { Vendor = PmsVendors.Apaleo };
        var name = model.Name?.Resolve(preferredLanguage) ?? ApaleoValues.FirstText(model.Code, model.Id)!;
        return new PmsProperty(model.Id, name, model.TimeZone, currency) { Code = model.Code };
    }

    /// <summary>inventory-v1 <c>UnitGroupItemModel</c> → <see cref="RoomType"/> (an Apaleo unit group is a room type).</summary>
    /// <param name="model">The unit group.</param>
    /// <returns>The room type.</returns>
    public static RoomType ToRoomType(UnitGroupItemModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new RoomType(model.Id, ApaleoValues.FirstText(model.Name, model.Code, model.Id)!)
        {
            Code = model.Code,
            Description = model.Description,
            MaxOccupancy = model.MaxPersons,
            RoomCount = model.MemberCount,
        };
    }

    /// <summary>
    /// rateplan-v1 <c>RatePlanItemModel</c> → <see cref="RatePlan"/>. An Apaleo rate plan sells exactly one unit group,
    /// so <see cref="RatePlan.RoomTypeIds"/> has one entry. The list model carries no currency (rates are priced in
    /// the property's currency), so <see cref="RatePlan.Currency"/> is the one passed in.
    /// </summary>
    /// <param name="model">The rate plan.</param>
    /// <param name="propertyCurrency">The property's currency, when known.</param>
    /// <returns>The rate plan.</returns>
    public static RatePlan ToRatePlan(RatePlanItemModel model, string? propertyCurrency = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var policy = model.CancellationPolicy;
        return new RatePlan(model.Id, ApaleoValues.FirstText(model.Name, model.Code, model.Id)!)
        {
            Code = model.Code,
            Description = model.Description,
            RoomTypeIds = model.UnitGroup is { } unitGroup ? [unitGroup.Id] : [],
            CancellationPolicy = policy is null
                ? null
                : new CancellationPolicy(ApaleoValues.FirstText(policy.Name, policy.Code, policy.Id)!) { Description = policy.Description },
            Currency = propertyCurrency,
        };
    }
}
