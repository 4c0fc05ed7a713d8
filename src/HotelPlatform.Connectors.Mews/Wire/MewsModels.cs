using System.Text.Json.Serialization;

namespace HotelPlatform.Connectors.Mews.Wire;

// The Mews Connector API's wire models, written from docs.mews.com/connector-api (operations/*.md); only the members the
// connector sends or reads. Property names are Mews' own (PascalCase). Requests leave null members out; the credentials
// (ClientToken, AccessToken, Client) are put into every body by the pipeline's PmsJsonBodyAuthenticator, never here.

/// <summary><c>Limitation</c> (guidelines/pagination.md): <c>Count</c> 1..1000, <c>Cursor</c> the oldest item of the previous page.</summary>
internal sealed record Limitation(int Count, string? Cursor = null);

/// <summary>A time interval filter (<c>_objects.md#time-interval</c>): both ends UTC, inclusive.</summary>
internal sealed record TimeInterval(DateTimeOffset StartUtc, DateTimeOffset EndUtc);

/// <summary>An update value (<c>_objects.md#string-update-value</c>): omitted = unchanged, <c>{"Value": null}</c> = cleared.</summary>
internal sealed record UpdateValue<T>(T Value);

/// <summary>An empty request: <c>configuration/get</c> needs only the credentials.</summary>
internal sealed record EmptyRequest;

internal sealed record ConfigurationResult(DateTimeOffset NowUtc, EnterpriseModel Enterprise);

internal sealed record EnterpriseModel(string Id, string Name, string TimeZoneIdentifier, IReadOnlyList<CurrencyModel>? Currencies)
{
    public string? Pricing { get; init; }
}

internal sealed record CurrencyModel(string Currency, bool IsDefault, bool IsEnabled);

internal sealed record ServicesRequest(Limitation Limitation)
{
    public IReadOnlyList<string>? ServiceIds { get; init; }
}

internal sealed record ServicesResult(IReadOnlyList<ServiceModel> Services, string? Cursor);

internal sealed record ServiceModel(string Id, bool IsActive, string? Name)
{
    public ServiceDataModel? Data { get; init; }
}

internal sealed record ServiceDataModel(string Discriminator, BookableServiceData? Value);

internal sealed record BookableServiceData(string StartOffset, string EndOffset, string TimeUnitPeriod);

internal sealed record ByServicesRequest(IReadOnlyList<string> ServiceIds, Limitation Limitation);

internal sealed record ResourceCategoriesResult(IReadOnlyList<ResourceCategoryModel> ResourceCategories, string? Cursor);

internal sealed record ResourceCategoryModel(string Id, string ServiceId, bool IsActive, string Type, IReadOnlyDictionary<string, string>? Names, int Capacity)
{
    public IReadOnlyDictionary<string, string>? ShortNames { get; init; }

    public IReadOnlyDictionary<string, string>? Descriptions { get; init; }

    public int ExtraCapacity { get; init; }
}

internal sealed record RatesResult(IReadOnlyList<RateModel> Rates, string? Cursor);

internal sealed record RateModel(string Id, string ServiceId, bool IsActive, bool IsEnabled, bool IsPublic)
{
    public string? Name { get; init; }

    public IReadOnlyDictionary<string, string>? Names { get; init; }

    public string? ShortName { get; init; }

    public string? ExternalIdentifier { get; init; }
}

internal sealed record AgeCategoriesResult(IReadOnlyList<AgeCategoryModel> AgeCategories, string? Cursor);

internal sealed record AgeCategoryModel(string Id, string ServiceId, int? MinimalAge, int? MaximalAge, string Classification);

internal sealed record ProductsRequest(IReadOnlyList<string> ServiceIds, Limitation Limitation);

internal sealed record ProductsResult(IReadOnlyList<ProductModel> Products, string? Cursor);

internal sealed record ProductModel(string Id, string ServiceId, bool IsActive, IReadOnlyDictionary<string, string>? Names, string ChargingMode, AmountModel? Price)
{
    public IReadOnlyDictionary<string, string>? Descriptions { get; init; }
}

/// <summary>An amount (<c>_objects.md#amount</c>): Mews sends gross and net; the connector uses gross.</summary>
internal sealed record AmountModel(string Currency, decimal? GrossValue)
{
    public decimal? NetValue { get; init; }
}

internal sealed record AvailabilityRequest(string ServiceId, DateTimeOffset FirstTimeUnitStartUtc, DateTimeOffset LastTimeUnitStartUtc, IReadOnlyList<string> Metrics);

internal sealed record AvailabilityResult(IReadOnlyList<DateTimeOffset> TimeUnitStartsUtc, IReadOnlyList<CategoryAvailabilityModel> ResourceCategoryAvailabilities);

internal sealed record CategoryAvailabilityModel(string ResourceCategoryId, IReadOnlyDictionary<string, IReadOnlyList<int>> Metrics);

internal sealed record RatePricingRequest(string RateId, DateTimeOffset FirstTimeUnitStartUtc, DateTimeOffset LastTimeUnitStartUtc);

internal sealed record RatePricingResult(string Currency, IReadOnlyList<DateTimeOffset> TimeUnitStartsUtc, IReadOnlyList<CategoryPricingModel> CategoryPrices);

internal sealed record CategoryPricingModel(string CategoryId, IReadOnlyList<AmountModel> AmountPrices);

internal sealed record PersonCount(string AgeCategoryId, int Count);

internal sealed record ProductOrderParameters(string ProductId)
{
    public int? Count { get; init; }

    public DateTimeOffset? StartUtc { get; init; }

    public DateTimeOffset? EndUtc { get; init; }
}

/// <summary><c>Reservation parameters</c> of <c>reservations/add</c> and <c>reservations/price</c>.</summary>
internal sealed record ReservationParameters(DateTimeOffset StartUtc, DateTimeOffset EndUtc, string RequestedCategoryId, string RateId, IReadOnlyList<PersonCount> PersonCounts)
{
    public string? Identifier { get; init; }

    public string? ChannelNumber { get; init; }

    public string? State { get; init; }

    public string? CustomerId { get; init; }

    public string? Notes { get; init; }

    public IReadOnlyList<ProductOrderParameters>? ProductOrders { get; init; }
}

internal sealed record AddReservationsRequest(string ServiceId, IReadOnlyList<ReservationParameters> Reservations)
{
    public bool? SendConfirmationEmail { get; init; }

    public bool? CheckOverbooking { get; init; }
}

internal sealed record AddReservationsResult(IReadOnlyList<AddedReservation> Reservations);

internal sealed record AddedReservation(string? Identifier, AddedReservationModel Reservation);

internal sealed record AddedReservationModel(string Id, string Number, string State);

internal sealed record PriceReservationsRequest(string ServiceId, IReadOnlyList<ReservationParameters> Reservations);

internal sealed record PriceReservationsResult(IReadOnlyList<ReservationPriceModel> ReservationPrices);

/// <summary>Reservation price: <c>TotalAmount</c> (required), or the deprecated <c>Total</c> that Mews' own response example still carries.</summary>
internal sealed record ReservationPriceModel(string? Identifier, AmountModel? TotalAmount)
{
    public AmountModel? Total { get; init; }

    /// <summary>Gets the total: <c>TotalAmount</c>, else the deprecated <c>Total</c>.</summary>
    [JsonIgnore]
    public AmountModel? Amount => TotalAmount ?? Total;
}

/// <summary><c>reservations/getAll/2023-06-06</c>: every filter optional, <c>Limitation</c> required, intervals at most 3 months.</summary>
internal sealed record ReservationFilter(Limitation Limitation)
{
    public IReadOnlyList<string>? ServiceIds { get; init; }

    public IReadOnlyList<string>? ReservationIds { get; init; }

    public IReadOnlyList<string>? Numbers { get; init; }

    public IReadOnlyList<string>? ChannelNumbers { get; init; }

    public TimeInterval? UpdatedUtc { get; init; }

    public TimeInterval? CollidingUtc { get; init; }

    public TimeInterval? ScheduledStartUtc { get; init; }

    public TimeInterval? ScheduledEndUtc { get; init; }

    public IReadOnlyList<string>? States { get; init; }
}

internal sealed record ReservationsResult(IReadOnlyList<ReservationModel> Reservations, string? Cursor);

/// <summary>Reservation (ver 2023-06-06).</summary>
internal sealed record ReservationModel(
    string Id,
    string ServiceId,
    string AccountId,
    string Number,
    string State,
    DateTimeOffset CreatedUtc,
    DateTimeOffset UpdatedUtc,
    string RateId,
    string RequestedResourceCategoryId,
    DateTimeOffset ScheduledStartUtc,
    DateTimeOffset ScheduledEndUtc,
    IReadOnlyList<PersonCount> PersonCounts)
{
    public DateTimeOffset? CancelledUtc { get; init; }

    public string? ChannelNumber { get; init; }

    public string? AssignedResourceId { get; init; }

    public DateTimeOffset? ActualStartUtc { get; init; }

    public DateTimeOffset? ActualEndUtc { get; init; }
}

internal sealed record ReservationUpdate(string ReservationId)
{
    public UpdateValue<DateTimeOffset>? StartUtc { get; init; }

    public UpdateValue<DateTimeOffset>? EndUtc { get; init; }

    public UpdateValue<IReadOnlyList<PersonCount>>? PersonCounts { get; init; }

    public UpdateValue<string>? RequestedCategoryId { get; init; }

    public UpdateValue<string>? RateId { get; init; }
}

internal sealed record UpdateReservationsRequest(IReadOnlyList<ReservationUpdate> ReservationUpdates)
{
    public string? Reason { get; init; }
}

internal sealed record CancelReservationsRequest(IReadOnlyList<string> ReservationIds, string Notes)
{
    public bool? SendEmail { get; init; }
}

internal sealed record AddReservationProductRequest(string ReservationId, string ProductId, int Count)
{
    public DateTimeOffset? StartUtc { get; init; }

    public DateTimeOffset? EndUtc { get; init; }
}

/// <summary><c>restrictions/getAll</c>: <c>ServiceIds</c> and <c>Limitation</c> required; the rest filters.</summary>
internal sealed record RestrictionFilter(IReadOnlyList<string> ServiceIds, Limitation Limitation)
{
    public IReadOnlyList<string>? ResourceCategoryIds { get; init; }

    public IReadOnlyList<string>? RateIds { get; init; }

    public IReadOnlyList<string>? ExactRateIds { get; init; }

    public string? Origin { get; init; }

    public TimeInterval? CollidingUtc { get; init; }
}

/// <summary>Days parameters (restrictions.md#days-parameters): every day is required.</summary>
internal sealed record DaysParameters(bool Monday, bool Tuesday, bool Wednesday, bool Thursday, bool Friday, bool Saturday, bool Sunday)
{
    public static DaysParameters Every { get; } = new(true, true, true, true, true, true, true);
}

/// <summary>Restriction set data / clear data (restrictions.md): conditions, inclusive interval, and (set only) the length exceptions.</summary>
internal sealed record RestrictionData(string Type, string ExactRateId, string ResourceCategoryId, DateTimeOffset StartUtc, DateTimeOffset EndUtc, DaysParameters Days)
{
    public string? MinLength { get; init; }

    public string? MaxLength { get; init; }
}

/// <summary><c>restrictions/set</c> and <c>restrictions/clear</c>: <c>ServiceId</c> and at most 1000 <c>Data</c> items.</summary>
internal sealed record RestrictionsWriteRequest(string ServiceId, IReadOnlyList<RestrictionData> Data);

/// <summary>Rate price update (rates.md#rate-price-update): a category's price over time units (at most 100).</summary>
internal sealed record RatePriceUpdate(string CategoryId, decimal Value, DateTimeOffset FirstTimeUnitStartUtc, DateTimeOffset LastTimeUnitStartUtc);

/// <summary><c>rates/updatePrice</c>: one rate, at most 1000 price updates.</summary>
internal sealed record UpdateRatePriceRequest(string RateId, IReadOnlyList<RatePriceUpdate> PriceUpdates);

/// <summary>Availability update (services.md#availability-update): a relative adjustment of a category over time units.</summary>
internal sealed record AvailabilityUpdate(DateTimeOffset FirstTimeUnitStartUtc, DateTimeOffset LastTimeUnitStartUtc, string ResourceCategoryId, UpdateValue<int> UnitCountAdjustment);

/// <summary><c>services/updateAvailability</c>: at most 1000 availability updates.</summary>
internal sealed record UpdateAvailabilityRequest(string ServiceId, IReadOnlyList<AvailabilityUpdate> AvailabilityUpdates);

internal sealed record RestrictionsResult(IReadOnlyList<RestrictionModel> Restrictions, string? Cursor);

/// <summary>Restriction (restrictions.md#restriction): conditions it applies under, exceptions that lift it.</summary>
internal sealed record RestrictionModel(string Id, string ServiceId, RestrictionConditions Conditions)
{
    public RestrictionExceptions? Exceptions { get; init; }
}

internal sealed record RestrictionConditions(string Type)
{
    public string? ExactRateId { get; init; }

    public string? BaseRateId { get; init; }

    public string? RateGroupId { get; init; }

    public string? ResourceCategoryId { get; init; }

    public string? ResourceCategoryType { get; init; }

    public DateTimeOffset? StartUtc { get; init; }

    public DateTimeOffset? EndUtc { get; init; }

    public IReadOnlyList<string>? Days { get; init; }
}

internal sealed record RestrictionExceptions
{
    public string? MinAdvance { get; init; }

    public string? MaxAdvance { get; init; }

    public string? MinLength { get; init; }

    public string? MaxLength { get; init; }

    public CurrencyValue? MinPrice { get; init; }

    public CurrencyValue? MaxPrice { get; init; }
}

/// <summary>A currency value (ver 2018-06-07).</summary>
internal sealed record CurrencyValue(string Currency, decimal Value);

/// <summary><c>orderItems/getAll</c> by service order (a reservation is one): the products added to reservations.</summary>
internal sealed record OrderItemFilter(IReadOnlyList<string> ServiceOrderIds, IReadOnlyList<string> Types, Limitation Limitation);

internal sealed record OrderItemsResult(IReadOnlyList<OrderItemModel> OrderItems, string? Cursor);

internal sealed record OrderItemModel(string Id, string ServiceOrderId, int UnitCount, string Type, DateTimeOffset ConsumedUtc)
{
    public DateTimeOffset? CanceledUtc { get; init; }

    /// <summary>Gets the item's start (optional in orderitems.md); a night's <c>SpaceOrder</c> is read by it, else by <c>ConsumedUtc</c>.</summary>
    public DateTimeOffset? StartUtc { get; init; }

    public AmountModel? Amount { get; init; }

    public OrderItemData? Data { get; init; }
}

internal sealed record OrderItemData(string Discriminator, ProductData? Product);

internal sealed record ProductData(string ProductId);

internal sealed record CustomerExtent(bool Customers, bool Addresses);

internal sealed record CustomerFilter(CustomerExtent Extent, Limitation Limitation)
{
    public IReadOnlyList<string>? CustomerIds { get; init; }

    public IReadOnlyList<string>? Emails { get; init; }

    public IReadOnlyList<string>? FirstNames { get; init; }

    public IReadOnlyList<string>? LastNames { get; init; }
}

internal sealed record CustomersResult(IReadOnlyList<CustomerModel> Customers, string? Cursor);

internal sealed record CustomerModel(string Id, string LastName)
{
    public string? FirstName { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? NationalityCode { get; init; }

    public string? PreferredLanguageCode { get; init; }

    public string? LanguageCode { get; init; }

    /// <summary>Gets the customer's options (customers.md#customer-option), among them <c>SendMarketingEmails</c>.</summary>
    public IReadOnlyList<string>? Options { get; init; }
}

/// <summary><c>customers/add</c>: <c>LastName</c> and <c>OverwriteExisting</c> required.</summary>
internal sealed record AddCustomerRequest(string LastName, bool OverwriteExisting)
{
    public string? FirstName { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? NationalityCode { get; init; }

    public string? PreferredLanguageCode { get; init; }

    public IReadOnlyList<string>? Options { get; init; }
}

/// <summary><c>customers/update</c>: <c>CustomerId</c> and the fields to set.</summary>
internal sealed record UpdateCustomerRequest(string CustomerId)
{
    public string? LastName { get; init; }

    public string? FirstName { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? NationalityCode { get; init; }

    public string? PreferredLanguageCode { get; init; }

    /// <summary>Gets the options; Mews replaces the customer's whole set, so the connector sends the ones it found plus or minus <c>SendMarketingEmails</c>.</summary>
    public IReadOnlyList<string>? Options { get; init; }
}

/// <summary>Mews' error body (guidelines/responses.md): <c>Message</c> required, <c>RequestId</c> and <c>Details</c> optional.</summary>
internal sealed record ErrorBody(string? Message)
{
    public string? RequestId { get; init; }

    public string? Details { get; init; }
}

/// <summary>A general webhook delivery (events/wh-general.md).</summary>
internal sealed record GeneralWebhook(string EnterpriseId, string? IntegrationId, IReadOnlyList<WebhookEvent> Events);

internal sealed record WebhookEvent(string Discriminator, WebhookEntity? Value);

internal sealed record WebhookEntity(string Id);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = [typeof(MewsUtcConverter)])]
[JsonSerializable(typeof(EmptyRequest))]
[JsonSerializable(typeof(ConfigurationResult))]
[JsonSerializable(typeof(ServicesRequest))]
[JsonSerializable(typeof(ServicesResult))]
[JsonSerializable(typeof(ByServicesRequest))]
[JsonSerializable(typeof(ResourceCategoriesResult))]
[JsonSerializable(typeof(RatesResult))]
[JsonSerializable(typeof(AgeCategoriesResult))]
[JsonSerializable(typeof(ProductsRequest))]
[JsonSerializable(typeof(ProductsResult))]
[JsonSerializable(typeof(AvailabilityRequest))]
[JsonSerializable(typeof(AvailabilityResult))]
[JsonSerializable(typeof(RatePricingRequest))]
[JsonSerializable(typeof(RatePricingResult))]
[JsonSerializable(typeof(AddReservationsRequest))]
[JsonSerializable(typeof(AddReservationsResult))]
[JsonSerializable(typeof(PriceReservationsRequest))]
[JsonSerializable(typeof(PriceReservationsResult))]
[JsonSerializable(typeof(ReservationFilter))]
[JsonSerializable(typeof(ReservationsResult))]
[JsonSerializable(typeof(UpdateReservationsRequest))]
[JsonSerializable(typeof(CancelReservationsRequest))]
[JsonSerializable(typeof(AddReservationProductRequest))]
[JsonSerializable(typeof(RestrictionFilter))]
[JsonSerializable(typeof(RestrictionsResult))]
[JsonSerializable(typeof(RestrictionsWriteRequest))]
[JsonSerializable(typeof(UpdateRatePriceRequest))]
[JsonSerializable(typeof(UpdateAvailabilityRequest))]
[JsonSerializable(typeof(OrderItemFilter))]
[JsonSerializable(typeof(OrderItemsResult))]
[JsonSerializable(typeof(CustomerFilter))]
[JsonSerializable(typeof(CustomersResult))]
[JsonSerializable(typeof(AddCustomerRequest))]
[JsonSerializable(typeof(UpdateCustomerRequest))]
[JsonSerializable(typeof(CustomerModel))]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(GeneralWebhook))]
internal sealed partial class MewsJsonContext : JsonSerializerContext;
