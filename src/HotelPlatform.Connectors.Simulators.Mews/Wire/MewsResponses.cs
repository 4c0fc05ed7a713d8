using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace HotelPlatform.Connectors.Simulators.Mews.Wire;

// The answers the simulator writes, in the shapes of the response tables of connector-api/operations/*.md (required
// members always written, optional ones left out when null).

internal sealed record ErrorResult(string Message, string? RequestId, string? Details = null);

internal sealed record CurrencyResult(string Currency, bool IsDefault, bool IsEnabled);

internal sealed record EnterpriseResult(string Id, string ChainId, string Name, string TimeZoneIdentifier, IReadOnlyList<CurrencyResult> Currencies, string Pricing, string DefaultLanguageCode, DateTimeOffset CreatedUtc, DateTimeOffset UpdatedUtc);

internal sealed record ConfigurationResult(DateTimeOffset NowUtc, EnterpriseResult Enterprise);

internal sealed record BookableDataResult(string StartOffset, string EndOffset, string OccupancyStartOffset, string OccupancyEndOffset, string TimeUnitPeriod);

internal sealed record ServiceDataResult(string Discriminator, BookableDataResult Value);

internal sealed record ServiceResult(string Id, string EnterpriseId, bool IsActive, string Name, IReadOnlyDictionary<string, string> Names, ServiceDataResult Data, DateTimeOffset CreatedUtc, DateTimeOffset UpdatedUtc);

internal sealed record ServicesResult(IReadOnlyList<ServiceResult> Services, string? Cursor);

internal sealed record ResourceCategoryResult(string Id, string EnterpriseId, string ServiceId, bool IsActive, string Type, IReadOnlyDictionary<string, string> Names, IReadOnlyDictionary<string, string> ShortNames, IReadOnlyDictionary<string, string> Descriptions, int Ordering, int Capacity, int ExtraCapacity);

internal sealed record ResourceCategoriesResult(IReadOnlyList<ResourceCategoryResult> ResourceCategories, string? Cursor);

internal sealed record RateResult(string Id, string? GroupId, string ServiceId, bool IsBaseRate, bool IsActive, bool IsEnabled, bool IsPublic, bool IsDefault, string Type, string Name, IReadOnlyDictionary<string, string> Names, string ShortName, string? ExternalIdentifier);

internal sealed record RatesResult(IReadOnlyList<RateResult> Rates, IReadOnlyList<JsonElement> RateGroups, string? Cursor);

internal sealed record AgeCategoryResult(string Id, string ServiceId, int? MinimalAge, int? MaximalAge, IReadOnlyDictionary<string, string> Names, string Classification, bool IsActive, DateTimeOffset CreatedUtc, DateTimeOffset UpdatedUtc);

internal sealed record AgeCategoriesResult(IReadOnlyList<AgeCategoryResult> AgeCategories, string? Cursor);

internal sealed record AmountResult(string Currency, decimal GrossValue, decimal NetValue);

internal sealed record ProductResult(string Id, string ServiceId, bool IsActive, IReadOnlyDictionary<string, string> Names, IReadOnlyDictionary<string, string> Descriptions, string ChargingMode, string PostingMode, AmountResult Price, DateTimeOffset CreatedUtc, DateTimeOffset UpdatedUtc);

internal sealed record ProductsResult(IReadOnlyList<ProductResult> Products, string? Cursor);

internal sealed record CategoryAvailabilityResult(string ResourceCategoryId, IReadOnlyDictionary<string, IReadOnlyList<int>> Metrics);

internal sealed record AvailabilityResult(IReadOnlyList<DateTimeOffset> TimeUnitStartsUtc, IReadOnlyList<CategoryAvailabilityResult> ResourceCategoryAvailabilities);

internal sealed record CategoryPricingResult(string CategoryId, IReadOnlyList<AmountResult> AmountPrices);

internal sealed record RatePricingResult(string Currency, IReadOnlyList<DateTimeOffset> TimeUnitStartsUtc, IReadOnlyList<AmountResult> BaseAmountPrices, IReadOnlyList<CategoryPricingResult> CategoryPrices, IReadOnlyList<JsonElement> CategoryAdjustments);

internal sealed record PersonCountResult(string AgeCategoryId, int Count);

internal sealed record ReservationOptionsResult(bool OwnerCheckedIn, bool AllCompanionsCheckedIn, bool AnyCompanionCheckedIn, bool ConnectorCheckIn);

/// <summary>Reservation (ver 2023-06-06).</summary>
internal sealed record ReservationResult(
    string Id,
    string ServiceId,
    string AccountId,
    string AccountType,
    string CreatorProfileId,
    string UpdaterProfileId,
    string Number,
    string State,
    string Origin,
    DateTimeOffset CreatedUtc,
    DateTimeOffset UpdatedUtc,
    DateTimeOffset? CancelledUtc,
    ReservationOptionsResult Options,
    string RateId,
    string GroupId,
    string RequestedResourceCategoryId,
    string? AssignedResourceId,
    bool AssignedResourceLocked,
    string? ChannelNumber,
    DateTimeOffset ScheduledStartUtc,
    DateTimeOffset? ActualStartUtc,
    DateTimeOffset ScheduledEndUtc,
    DateTimeOffset? ActualEndUtc,
    IReadOnlyList<PersonCountResult> PersonCounts);

internal sealed record ReservationsResult(IReadOnlyList<ReservationResult> Reservations, string? Cursor);

/// <summary>Reservation (ver 2017-04-12), as <c>reservations/add</c> answers it.</summary>
internal sealed record AddedReservationResult(string Id, string ServiceId, string GroupId, string Number, string? ChannelNumber, string State, string Origin, DateTimeOffset CreatedUtc, DateTimeOffset UpdatedUtc, DateTimeOffset StartUtc, DateTimeOffset EndUtc, string RequestedCategoryId, string RateId, string CustomerId);

internal sealed record AddedReservationItem(string? Identifier, AddedReservationResult Reservation);

internal sealed record ReservationsAddResult(IReadOnlyList<AddedReservationItem> Reservations);

internal sealed record ReservationIdsResult(IReadOnlyList<string> ReservationIds);

internal sealed record ItemIdsResult(IReadOnlyList<string> ItemIds);

/// <summary>The empty answer (<c>{}</c>) of <c>restrictions/set</c>, <c>restrictions/clear</c>, <c>rates/updatePrice</c> and <c>services/updateAvailability</c>.</summary>
internal sealed record EmptyResult;

internal sealed record ProductDataResult(string ProductId, string? AgeCategoryId);

internal sealed record OrderItemDataResult(string Discriminator, JsonElement? Rebate, ProductDataResult? Product);

internal sealed record OrderItemOptionsResult(bool CanceledWithReservation);

/// <summary>Order item (orderitems.md#order-item), the members the simulator keeps.</summary>
internal sealed record OrderItemResult(
    string Id,
    string EnterpriseId,
    string? AccountId,
    string ServiceId,
    string ServiceOrderId,
    int UnitCount,
    AmountResult UnitAmount,
    AmountResult Amount,
    AmountResult OriginalAmount,
    string RevenueType,
    string CreatorProfileId,
    string UpdaterProfileId,
    DateTimeOffset CreatedUtc,
    DateTimeOffset UpdatedUtc,
    DateTimeOffset ConsumedUtc,
    DateTimeOffset? CanceledUtc,
    string AccountingState,
    string Type,
    OrderItemOptionsResult Options,
    OrderItemDataResult? Data);

internal sealed record OrderItemsResult(IReadOnlyList<OrderItemResult> OrderItems, string? Cursor);

internal sealed record CustomerResult(
    string Id,
    string ChainId,
    string Number,
    string? FirstName,
    string LastName,
    string? NationalityCode,
    string? PreferredLanguageCode,
    string? Email,
    bool HasOtaEmail,
    string? Phone,
    DateTimeOffset CreatedUtc,
    DateTimeOffset UpdatedUtc,
    IReadOnlyList<string> Classifications,
    IReadOnlyList<string> Options,
    bool IsActive,
    IReadOnlyList<string> PreferredSpaceFeatures,
    string CreatorProfileId,
    string UpdaterProfileId);

internal sealed record ReservationPriceResult(string? Identifier, AmountResult TotalAmount);

internal sealed record ReservationPricesResult(IReadOnlyList<ReservationPriceResult> ReservationPrices);

/// <summary>Restriction condition (restrictions.md#restriction-condition).</summary>
internal sealed record RestrictionConditionsResult(
    string Type,
    string? ExactRateId,
    string? BaseRateId,
    string? RateGroupId,
    string? ResourceCategoryId,
    string? ResourceCategoryType,
    DateTimeOffset? StartUtc,
    DateTimeOffset? EndUtc,
    IReadOnlyList<string>? Days);

/// <summary>Restriction exception (restrictions.md#restriction-exception), the members the simulator sets.</summary>
internal sealed record RestrictionExceptionsResult(string? MinAdvance, string? MaxAdvance, string? MinLength, string? MaxLength);

internal sealed record RestrictionResult(string Id, string ServiceId, string? ExternalIdentifier, string Origin, RestrictionConditionsResult Conditions, RestrictionExceptionsResult? Exceptions);

internal sealed record RestrictionsResult(IReadOnlyList<RestrictionResult> Restrictions, string? Cursor);

internal sealed record CustomersResult(IReadOnlyList<CustomerResult> Customers, IReadOnlyList<JsonElement>? Addresses, string? Cursor);

internal sealed record WebhookEventValue(string Id);

internal sealed record WebhookEventResult(string Discriminator, WebhookEventValue Value);

/// <summary>A general webhook (events/wh-general.md).</summary>
internal sealed record GeneralWebhookPayload(string EnterpriseId, string IntegrationId, IReadOnlyList<WebhookEventResult> Events);

/// <summary>
/// The serializer settings of the Mews simulator: <see cref="StrictJson"/> rules for everything read, member names as
/// Mews writes them (PascalCase, as declared), instants written as <c>YYYY-MM-DDThh:mm:ssZ</c> (serialization.md).
/// </summary>
internal static class MewsJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions Create()
    {
        JsonSerializerOptions options = StrictJson.CreateOptions(namingPolicy: null);
        options.Converters.Add(new MewsInstantConverter());
        options.TypeInfoResolver = MewsWireContext.Default;
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Reads instants with an explicit offset (fractions allowed, as Mews' own examples carry them); writes UTC to the second with <c>Z</c>.</summary>
    private sealed class MewsInstantConverter : StrictDateTimeOffsetConverter
    {
        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConfigurationGetRequest))]
[JsonSerializable(typeof(ServicesGetAllRequest))]
[JsonSerializable(typeof(ResourceCategoriesGetAllRequest))]
[JsonSerializable(typeof(RatesGetAllRequest))]
[JsonSerializable(typeof(AgeCategoriesGetAllRequest))]
[JsonSerializable(typeof(ProductsGetAllRequest))]
[JsonSerializable(typeof(GetAvailabilityRequest))]
[JsonSerializable(typeof(GetRatePricingRequest))]
[JsonSerializable(typeof(ReservationsGetAllRequest))]
[JsonSerializable(typeof(ReservationsAddRequest))]
[JsonSerializable(typeof(ReservationsUpdateRequest))]
[JsonSerializable(typeof(ReservationsCancelRequest))]
[JsonSerializable(typeof(ReservationsAddProductRequest))]
[JsonSerializable(typeof(CustomersGetAllRequest))]
[JsonSerializable(typeof(OrderItemsGetAllRequest))]
[JsonSerializable(typeof(OrderItemsResult))]
[JsonSerializable(typeof(CustomersAddRequest))]
[JsonSerializable(typeof(CustomersUpdateRequest))]
[JsonSerializable(typeof(ErrorResult))]
[JsonSerializable(typeof(ReservationsPriceRequest))]
[JsonSerializable(typeof(ReservationPricesResult))]
[JsonSerializable(typeof(RestrictionsGetAllRequest))]
[JsonSerializable(typeof(RestrictionsResult))]
[JsonSerializable(typeof(ConfigurationResult))]
[JsonSerializable(typeof(ServicesResult))]
[JsonSerializable(typeof(ResourceCategoriesResult))]
[JsonSerializable(typeof(RatesResult))]
[JsonSerializable(typeof(AgeCategoriesResult))]
[JsonSerializable(typeof(ProductsResult))]
[JsonSerializable(typeof(AvailabilityResult))]
[JsonSerializable(typeof(RatePricingResult))]
[JsonSerializable(typeof(ReservationsResult))]
[JsonSerializable(typeof(ReservationsAddResult))]
[JsonSerializable(typeof(ReservationIdsResult))]
[JsonSerializable(typeof(ItemIdsResult))]
[JsonSerializable(typeof(EmptyResult))]
[JsonSerializable(typeof(RestrictionsSetRequest))]
[JsonSerializable(typeof(RestrictionsClearRequest))]
[JsonSerializable(typeof(RatesUpdatePriceRequest))]
[JsonSerializable(typeof(ServicesUpdateAvailabilityRequest))]
[JsonSerializable(typeof(CustomerResult))]
[JsonSerializable(typeof(CustomersResult))]
[JsonSerializable(typeof(GeneralWebhookPayload))]
internal sealed partial class MewsWireContext : JsonSerializerContext;
