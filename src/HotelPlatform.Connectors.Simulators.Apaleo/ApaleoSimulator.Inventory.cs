using System.Globalization;
using HotelPlatform.Connectors.Simulators.Apaleo.State;
using HotelPlatform.Connectors.Simulators.Apaleo.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HotelPlatform.Connectors.Simulators.Apaleo;

/// <summary>Inventory (properties, unit groups), Rate Plan (rate plans, services) and Availability (unit groups) APIs.</summary>
public sealed partial class ApaleoSimulator
{
    private static readonly AddressModel PropertyAddress = new("Alexanderplatz 1", null, "10178", "Berlin", null, "DE");

    private static readonly Dictionary<string, string> PaymentTerms = new(StringComparer.Ordinal)
    {
        ["en"] = "Payment on check-out.",
        ["de"] = "Zahlung bei Abreise.",
    };

    private void MapInventory(IEndpointRouteBuilder routes)
    {
        // inventory-v1: properties need "no particular scope"; unit groups need unitgroups.read, setup.read or setup.manage.
        RouteGroupBuilder properties = routes.MapGroup("/inventory/v1/properties").RequireBearerToken(Tokens);
        properties.MapGet(string.Empty, (HttpContext context, CancellationToken cancellationToken) =>
        {
            QueryReader query = Validation.ReadQuery(context);
            IReadOnlyList<PropertyStatus> statuses = query.OptionalEnumList<PropertyStatus>("status");
            query.OptionalBoolean("includeArchived");
            IReadOnlyList<string> countries = query.OptionalList("countryCode");
            Paging paging = ReadPaging(query, SpecDefaultPageSize);
            ReadChoices(query, "expand", "actions");
            if (query.Complete() is { } rejected)
            {
                return rejected;
            }

            // The one property is not archived, so includeArchived changes nothing.
            ApaleoCatalog catalog = Hotel.Catalog;
            bool matches = (statuses.Count == 0 || statuses.Contains(PropertyStatus.Test))
                && (countries.Count == 0 || countries.Contains(PropertyAddress.CountryCode, StringComparer.Ordinal));
            IReadOnlyList<PropertyItemModel> items = matches ? [PropertyItem(catalog)] : [];
            return Page(items, paging, (page, count) => new PropertyListModel(page, count));
        });

        properties.MapGet("/{id}", (string id, HttpContext context) =>
        {
            QueryReader query = Validation.ReadQuery(context);
            IReadOnlyList<string> languages = query.OptionalList("languages");
            ReadChoices(query, "expand", "actions");
            if (query.Complete() is { } rejected)
            {
                return rejected;
            }

            ApaleoCatalog catalog = Hotel.Catalog;
            if (id != catalog.PropertyId)
            {
                return Results.NotFound();
            }

            PropertyItemModel item = PropertyItem(catalog);
            return Json(new PropertyModel(
                item.Id, item.Code, item.IsTemplate, Localize(item.Name, languages), item.Description is null ? null : Localize(item.Description, languages), item.CompanyName, item.ManagingDirectors,
                item.CommercialRegisterEntry, item.TaxId, item.Location, Filter(PaymentTerms, languages), item.TimeZone, item.CurrencyCode, item.Created, item.Status, item.IsArchived));
        });

        RouteGroupBuilder unitGroups = routes.MapGroup("/inventory/v1/unit-groups").RequireBearerToken(Tokens, "unitgroups.read", "setup.read", "setup.manage");
        unitGroups.MapGet(string.Empty, (HttpContext context, CancellationToken cancellationToken) =>
        {
            QueryReader query = Validation.ReadQuery(context);
            string? propertyId = query.Optional("propertyId");
            IReadOnlyList<UnitGroupType> types = query.OptionalEnumList<UnitGroupType>("unitGroupTypes");
            Paging paging = ReadPaging(query, SpecDefaultPageSize);
            ReadChoices(query, "expand", "property", "connectedUnitGroups");
            if (query.Complete() is { } rejected)
            {
                return rejected;
            }

            ApaleoCatalog catalog = Hotel.Catalog;
            bool matches = (propertyId is null || propertyId == catalog.PropertyId) && (types.Count == 0 || types.Contains(UnitGroupType.BedRoom));
            IReadOnlyList<UnitGroupItemModel> items = matches
                ? [.. catalog.UnitGroups.Select(g => new UnitGroupItemModel(g.Id, g.Code, g.Name, g.Description, g.Units.Count, g.MaxPersons, g.Rank, UnitGroupType.BedRoom, catalog.EmbeddedProperty))]
                : [];
            return Page(items, paging, (page, count) => new UnitGroupListModel(page, count));
        });

        unitGroups.MapGet("/{id}", (string id, HttpContext context) =>
        {
            QueryReader query = Validation.ReadQuery(context);
            IReadOnlyList<string> languages = query.OptionalList("languages");
            ReadChoices(query, "expand", "property", "connectedUnitGroups");
            if (query.Complete() is { } rejected)
            {
                return rejected;
            }

            ApaleoCatalog catalog = Hotel.Catalog;
            return catalog.FindUnitGroup(id) is { } g
                ? Json(new UnitGroupModel(g.Id, g.Code, catalog.EmbeddedProperty, Localize(g.Name, languages), g.Units.Count, Localize(g.Description, languages), g.MaxPersons, g.Rank, UnitGroupType.BedRoom))
                : Results.NotFound();
        });
    }

    private void MapRatePlans(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/rateplan/v1/rate-plans", (HttpContext context, CancellationToken cancellationToken) =>
        {
            QueryReader query = Validation.ReadQuery(context);
            string? propertyId = query.Optional("propertyId");
            IReadOnlyList<string> codes = query.OptionalList("ratePlanCodes");
            IReadOnlyList<string> includedServiceIds = query.OptionalList("includedServiceIds");
            IReadOnlyList<ChannelCode> channels = query.OptionalEnumList<ChannelCode>("channelCodes");
            IReadOnlyList<string> promoCodes = query.OptionalList("promoCodes");
            IReadOnlyList<string> companyIds = query.OptionalList("companyIds");
            IReadOnlyList<string> baseRatePlanIds = query.OptionalList("baseRatePlanIds");
            IReadOnlyList<string> unitGroupIds = query.OptionalList("unitGroupIds");
            IReadOnlyList<string> timeSliceDefinitionIds = query.OptionalList("timeSliceDefinitionIds");
            IReadOnlyList<UnitGroupType> types = query.OptionalEnumList<UnitGroupType>("unitGroupTypes");
            TimeSliceTemplate template = query.OptionalEnum<TimeSliceTemplate>("timeSliceTemplate") ?? TimeSliceTemplate.OverNight;
            IReadOnlyList<GuaranteeType> guarantees = query.OptionalEnumList<GuaranteeType>("minGuaranteeTypes");
            IReadOnlyList<string> cancellationPolicyIds = query.OptionalList("cancellationPolicyIds");
            IReadOnlyList<string> noShowPolicyIds = query.OptionalList("noShowPolicyIds");
            bool? isDerived = query.OptionalBoolean("isDerived");
            IReadOnlyList<(string Operation, int Value)> derivation = query.OptionalList<(string, int)>("derivationLevelFilter", TryParseComparison, "an expression OPERATION_VALUE with OPERATION eq, neq, lt, gt, lte or gte and an integer VALUE");
            query.OptionalBoolean("includeArchived");
            Paging paging = ReadPaging(query, SpecDefaultPageSize);
            ReadChoices(query, "expand", "property", "unitGroup", "cancellationPolicy", "services", "bookingPeriods", "surcharges", "ageCategories");
            if (guarantees.Contains(GuaranteeType.Ota))
            {
                query.AddViolation("minGuaranteeTypes", "'minGuaranteeTypes' item 'Ota' is not one of 'PM6Hold', 'CreditCard', 'Prepayment', 'Company'.");
            }

            if (query.Complete() is { } rejected)
            {
                return rejected;
            }

            ApaleoCatalog catalog = Hotel.Catalog;
            string timeSliceDefinitionId = TimeSliceDefinitionId(catalog);

            // Seeded plans have no promo codes, companies, included services or base plans, and none is archived.
            IReadOnlyList<RatePlanItemModel> items = [.. catalog.RatePlans
                .Where(p => (propertyId is null || propertyId == catalog.PropertyId)
                    && (codes.Count == 0 || codes.Contains(p.Code, StringComparer.Ordinal))
                    && (channels.Count == 0 || channels.Any(p.Channels.Contains))
                    && (unitGroupIds.Count == 0 || unitGroupIds.Contains(p.UnitGroup.Id, StringComparer.Ordinal))
                    && (timeSliceDefinitionIds.Count == 0 || timeSliceDefinitionIds.Contains(timeSliceDefinitionId, StringComparer.Ordinal))
                    && (types.Count == 0 || types.Contains(UnitGroupType.BedRoom))
                    && template == TimeSliceTemplate.OverNight
                    && (guarantees.Count == 0 || guarantees.Contains(p.MinGuarantee))
                    && (cancellationPolicyIds.Count == 0 || cancellationPolicyIds.Contains(p.CancellationPolicy.Id, StringComparer.Ordinal))
                    && (noShowPolicyIds.Count == 0 || noShowPolicyIds.Contains(p.NoShowPolicy.Id, StringComparer.Ordinal))
                    && isDerived != true
                    && derivation.All(d => CompareDerivationLevel(0, d.Operation, d.Value))
                    && promoCodes.Count == 0 && companyIds.Count == 0 && includedServiceIds.Count == 0 && baseRatePlanIds.Count == 0)
                .Select(p => RatePlanItem(catalog, p, timeSliceDefinitionId))];
            return Page(items, paging, (page, count) => new RatePlanListModel(page, count));
        }).RequireBearerToken(Tokens, "rateplans.read", "setup.read", "setup.manage");

        routes.MapGet("/rateplan/v1/services", (HttpContext context, CancellationToken cancellationToken) =>
        {
            QueryReader query = Validation.ReadQuery(context);
            string? propertyId = query.Optional("propertyId");
            string? textSearch = query.Optional("textSearch");
            query.OptionalBoolean("onlySoldAsExtras");
            IReadOnlyList<ChannelCode> channels = query.OptionalEnumList<ChannelCode>("channelCodes");
            IReadOnlyList<ServiceType> serviceTypes = query.OptionalEnumList<ServiceType>("serviceTypes");
            Paging paging = ReadPaging(query, SpecDefaultPageSize);
            ReadChoices(query, "expand", "property");
            if (query.Complete() is { } rejected)
            {
                return rejected;
            }

            // Every seeded service is sold through channels, i.e. as an extra, so onlySoldAsExtras changes nothing.
            ApaleoCatalog catalog = Hotel.Catalog;
            IReadOnlyList<ServiceItemModel> items = [.. catalog.Services
                .Where(s => (propertyId is null || propertyId == catalog.PropertyId)
                    && (textSearch is null || s.Name.Contains(textSearch, StringComparison.OrdinalIgnoreCase))
                    && (channels.Count == 0 || channels.Any(s.Channels.Contains))
                    && (serviceTypes.Count == 0 || serviceTypes.Contains(s.ServiceType)))
                .Select(s => new ServiceItemModel(
                    s.Id, s.Name, s.Code, s.Description, catalog.Money(s.Price), s.PricingUnit, s.PostNextDay, s.ServiceType, s.VatType,
                    new ServiceAvailabilityModel(ServiceAvailabilityMode.Daily), catalog.EmbeddedProperty, s.Channels))];
            return Page(items, paging, (page, count) => new ServiceListModel(page, count));
        }).RequireBearerToken(Tokens, "services.read", "setup.read", "setup.manage");
    }

    private void MapAvailability(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/availability/v1/unit-groups", (HttpContext context, CancellationToken cancellationToken) =>
        {
            QueryReader query = Validation.ReadQuery(context);
            string propertyId = query.Required("propertyId");
            DateOnly from = query.RequiredDate("from");
            DateOnly to = query.RequiredDate("to");
            TimeSliceTemplate template = query.OptionalEnum<TimeSliceTemplate>("timeSliceTemplate") ?? TimeSliceTemplate.OverNight;
            IReadOnlyList<UnitGroupType> types = query.OptionalEnumList<UnitGroupType>("unitGroupTypes");
            IReadOnlyList<string> timeSliceDefinitionIds = query.OptionalList("timeSliceDefinitionIds");
            IReadOnlyList<string> unitGroupIds = query.OptionalList("unitGroupIds");
            int adults = query.OptionalInt32("adults") ?? 1;
            IReadOnlyList<int> childrenAges = query.OptionalList("childrenAges", Int32Parser, "an integer");
            query.OptionalBoolean("onlySellable");
            Paging paging = ReadPaging(query, SpecDefaultPageSize);
            if (query.Complete() is { } rejected)
            {
                return rejected;
            }

            ApaleoHotel hotel = Hotel;
            var messages = new List<string>();
            if (propertyId != hotel.Catalog.PropertyId)
            {
                messages.Add($"Property '{propertyId}' not found.");
            }

            if (to < from)
            {
                messages.Add("'to' must not be before 'from'.");
            }

            if (template == TimeSliceTemplate.DayUse)
            {
                // Chosen: the seeded property has only the overnight time slice definition.
                messages.Add("The property has no time slice definition for the template 'DayUse'.");
            }

            if (messages.Count > 0)
            {
                return ApaleoRefusal.Rule(messages).ToResult();
            }

            int persons = adults + childrenAges.Count;
            IReadOnlyList<UnitGroupDef> groups = (types.Count == 0 || types.Contains(UnitGroupType.BedRoom))
                && (timeSliceDefinitionIds.Count == 0 || timeSliceDefinitionIds.Contains(TimeSliceDefinitionId(hotel.Catalog), StringComparer.Ordinal))
                ? [.. hotel.Catalog.UnitGroups.Where(g => (unitGroupIds.Count == 0 || unitGroupIds.Contains(g.Id, StringComparer.Ordinal)) && g.MaxPersons >= persons)]
                : [];
            if (groups.Count == 0)
            {
                return Results.NoContent();
            }

            // Paging is over time slices; only the requested page is computed.
            int total = to.DayNumber - from.DayNumber + 1;
            int size = paging.Size ?? total;
            if ((long)(paging.Number - 1) * size >= total)
            {
                return Results.NoContent();
            }

            DateOnly first = from.AddDays((paging.Number - 1) * size);
            DateOnly last = DateOnly.FromDayNumber(Math.Min(to.DayNumber, first.DayNumber + size - 1));
            return Json(new AvailableUnitGroupListModel(hotel.UnitGroupAvailability(first, last, groups), total));
        }).RequireBearerToken(Tokens, "availability.read");
    }

    private static PropertyItemModel PropertyItem(ApaleoCatalog catalog) => new(
        catalog.PropertyId,
        catalog.PropertyId,
        IsTemplate: false,
        catalog.Seed.PropertyName,
        catalog.EmbeddedProperty.Description,
        "Simulator Hotels GmbH",
        "Ada Byron",
        "Amtsgericht Charlottenburg, HRB 000000",
        "DE000000000",
        PropertyAddress,
        PaymentTerms,
        catalog.Seed.TimeZone,
        catalog.Currency,
        catalog.PropertyCreated,
        PropertyStatus.Test,
        IsArchived: false);

    private static RatePlanItemModel RatePlanItem(ApaleoCatalog catalog, RatePlanDef plan, string timeSliceDefinitionId) => new(
        plan.Id,
        plan.Code,
        plan.Name,
        plan.Description,
        plan.MinGuarantee,
        catalog.EmbeddedProperty,
        plan.UnitGroup.ToEmbedded(withType: true),
        new EmbeddedCancellationPolicyModel(plan.CancellationPolicy.Id, plan.CancellationPolicy.Code, plan.CancellationPolicy.Name, plan.CancellationPolicy.Description),
        new EmbeddedNoShowPolicyModel(plan.NoShowPolicy.Id, plan.NoShowPolicy.Code, plan.NoShowPolicy.Name, plan.NoShowPolicy.Description),
        plan.Channels,
        new EmbeddedTimeSliceDefinitionModel(
            timeSliceDefinitionId, "Over Night", TimeSliceTemplate.OverNight,
            ApaleoCatalog.CheckInTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture), ApaleoCatalog.CheckOutTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)),
        IsBookable: true,
        IsSubjectToCityTax: true,
        IsDerived: false,
        DerivationLevel: 0,
        new RatesRangeModel(catalog.FirstRateDate, catalog.LastRateDate),
        [new AccountingConfigModel(VatType.Reduced, ServiceType.Accommodation, DateOnly.FromDateTime(catalog.PropertyCreated.UtcDateTime))],
        IsArchived: false);

    private static string TimeSliceDefinitionId(ApaleoCatalog catalog) => $"{catalog.PropertyId}-NIGHT";

    /// <summary>A text as an object of language to text: every language unless <c>languages</c> names some (<c>all</c> for every one).</summary>
    private static Dictionary<string, string> Localize(string english, IReadOnlyList<string> languages) =>
        Filter(new Dictionary<string, string>(StringComparer.Ordinal) { ["en"] = english }, languages);

    private static Dictionary<string, string> Filter(IReadOnlyDictionary<string, string> texts, IReadOnlyList<string> languages) =>
        languages.Count == 0 || languages.Contains("all", StringComparer.OrdinalIgnoreCase)
            ? new Dictionary<string, string>(texts, StringComparer.Ordinal)
            : texts.Where(t => languages.Contains(t.Key, StringComparer.OrdinalIgnoreCase)).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);

    private static bool TryParseComparison(string text, out (string Operation, int Value) comparison)
    {
        comparison = default;
        int underscore = text.IndexOf('_', StringComparison.Ordinal);
        if (underscore <= 0 || text[..underscore] is not ("eq" or "neq" or "lt" or "gt" or "lte" or "gte")
            || !int.TryParse(text[(underscore + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            return false;
        }

        comparison = (text[..underscore], value);
        return true;
    }

    private static bool CompareDerivationLevel(int level, string operation, int value) =>
        new BalanceCondition(operation, value).Matches(level);
}
