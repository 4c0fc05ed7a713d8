// The answers the simulator sends, one record per Swagger definition with the definition's member names. Every member a
// definition marks required is a non-nullable parameter here (Apaleo's 2021 examples omit some; the schema wins);
// optional members are nullable and left out when null. Sources as in ApaleoEnums.cs.
namespace HotelPlatform.Connectors.Simulators.Apaleo.Wire;

/// <summary><c>MessageItemCollection</c>: the body of every 422 ("Validation errors in the request body or query params").</summary>
internal sealed record MessageItemCollection(IReadOnlyList<string> Messages);

/// <summary><c>EmbeddedPropertyModel</c> (<c>id</c> required).</summary>
internal sealed record EmbeddedPropertyModel(string Id, string? Code, string? Name, string? Description);

/// <summary>
/// <c>EmbeddedUnitGroupModel</c> (<c>id</c> required). <c>type</c> exists in the current availability-v1 and rateplan-v1
/// definitions only, so it is set in those answers and left out of booking-v1 ones.
/// </summary>
internal sealed record EmbeddedUnitGroupModel(string Id, string? Code, string? Name, string? Description, UnitGroupType? Type = null);

/// <summary>booking-v1 <c>EmbeddedRatePlanModel</c> (<c>id</c>, <c>isSubjectToCityTax</c> required).</summary>
internal sealed record EmbeddedRatePlanModel(string Id, string? Code, string? Name, string? Description, bool IsSubjectToCityTax);

/// <summary>booking-v1 <c>EmbeddedUnitModel</c> (<c>id</c> required).</summary>
internal sealed record EmbeddedUnitModel(string Id, string? Name, string? Description, string? UnitGroupId);

/// <summary>booking-v1 <c>EmbeddedServiceModel</c> (<c>id</c> required).</summary>
internal sealed record EmbeddedServiceModel(string Id, string? Code, string? Name, string? Description);

/// <summary>booking-v1 <c>AmountModel</c>: every member required.</summary>
internal sealed record AmountModel(decimal GrossAmount, decimal NetAmount, VatType VatType, decimal VatPercent, string Currency);

/// <summary>booking-v1 <c>TaxDetailModel</c>: every member required.</summary>
internal sealed record TaxDetailModel(VatType VatType, decimal VatPercent, MonetaryValueModel Net, MonetaryValueModel Tax);

// ---- inventory-v1 ----

/// <summary>inventory-v1 <c>AddressModel</c> (<c>addressLine1, city, countryCode, postalCode</c> required).</summary>
internal sealed record AddressModel(string AddressLine1, string? AddressLine2, string PostalCode, string City, string? RegionCode, string CountryCode);

/// <summary>inventory-v1 <c>PropertyItemModel</c>: an item of the property list; texts are plain strings.</summary>
internal sealed record PropertyItemModel(
    string Id,
    string Code,
    bool IsTemplate,
    string Name,
    string? Description,
    string CompanyName,
    string? ManagingDirectors,
    string CommercialRegisterEntry,
    string TaxId,
    AddressModel Location,
    IReadOnlyDictionary<string, string> PaymentTerms,
    string TimeZone,
    string CurrencyCode,
    DateTimeOffset Created,
    PropertyStatus Status,
    bool IsArchived);

/// <summary>inventory-v1 <c>PropertyListModel</c>.</summary>
internal sealed record PropertyListModel(IReadOnlyList<PropertyItemModel> Properties, long Count);

/// <summary>inventory-v1 <c>PropertyModel</c>: one property; texts are objects of language code to text.</summary>
internal sealed record PropertyModel(
    string Id,
    string Code,
    bool IsTemplate,
    IReadOnlyDictionary<string, string> Name,
    IReadOnlyDictionary<string, string>? Description,
    string CompanyName,
    string? ManagingDirectors,
    string CommercialRegisterEntry,
    string TaxId,
    AddressModel Location,
    IReadOnlyDictionary<string, string> PaymentTerms,
    string TimeZone,
    string CurrencyCode,
    DateTimeOffset Created,
    PropertyStatus Status,
    bool IsArchived);

/// <summary>inventory-v1 <c>UnitGroupItemModel</c>.</summary>
internal sealed record UnitGroupItemModel(
    string Id,
    string Code,
    string Name,
    string Description,
    int MemberCount,
    int? MaxPersons,
    int? Rank,
    UnitGroupType Type,
    EmbeddedPropertyModel Property);

/// <summary>inventory-v1 <c>UnitGroupListModel</c>.</summary>
internal sealed record UnitGroupListModel(IReadOnlyList<UnitGroupItemModel> UnitGroups, long Count);

/// <summary>inventory-v1 <c>UnitGroupModel</c>: one unit group; texts are objects of language code to text.</summary>
internal sealed record UnitGroupModel(
    string Id,
    string Code,
    EmbeddedPropertyModel Property,
    IReadOnlyDictionary<string, string> Name,
    int MemberCount,
    IReadOnlyDictionary<string, string> Description,
    int MaxPersons,
    int? Rank,
    UnitGroupType Type);

// ---- rateplan-v1 (current, read at Altricch/ApaleoOnPrem@e5de34d0) ----

/// <summary>rateplan-v1 <c>EmbeddedCancellationPolicyModel</c> (<c>id</c> required).</summary>
internal sealed record EmbeddedCancellationPolicyModel(string Id, string? Code, string? Name, string? Description);

/// <summary>rateplan-v1 <c>EmbeddedNoShowPolicyModel</c> (<c>id</c> required).</summary>
internal sealed record EmbeddedNoShowPolicyModel(string Id, string? Code, string? Name, string? Description);

/// <summary>rateplan-v1 <c>EmbeddedTimeSliceDefinitionModel</c>: every member required; times as <c>HH:mm:ss</c>.</summary>
internal sealed record EmbeddedTimeSliceDefinitionModel(string Id, string Name, TimeSliceTemplate Template, string CheckInTime, string CheckOutTime);

/// <summary>rateplan-v1 <c>AccountingConfigModel</c> (<c>serviceType, validFrom, vatType</c> required).</summary>
internal sealed record AccountingConfigModel(VatType VatType, ServiceType ServiceType, DateOnly ValidFrom);

/// <summary>rateplan-v1 <c>RatesRangeModel</c>: the first and last date with rates set.</summary>
internal sealed record RatesRangeModel(DateOnly From, DateOnly To);

/// <summary>rateplan-v1 <c>RatePlanItemModel</c>.</summary>
internal sealed record RatePlanItemModel(
    string Id,
    string Code,
    string Name,
    string Description,
    GuaranteeType MinGuaranteeType,
    EmbeddedPropertyModel Property,
    EmbeddedUnitGroupModel UnitGroup,
    EmbeddedCancellationPolicyModel CancellationPolicy,
    EmbeddedNoShowPolicyModel NoShowPolicy,
    IReadOnlyList<ChannelCode> ChannelCodes,
    EmbeddedTimeSliceDefinitionModel TimeSliceDefinition,
    bool IsBookable,
    bool IsSubjectToCityTax,
    bool IsDerived,
    int DerivationLevel,
    RatesRangeModel? RatesRange,
    IReadOnlyList<AccountingConfigModel> AccountingConfigs,
    bool? IsArchived);

/// <summary>rateplan-v1 <c>RateListModel</c> (<c>rates</c>, <c>count</c> required).</summary>
internal sealed record RateListModel(IReadOnlyList<RateItemModel> Rates, long Count);

/// <summary>rateplan-v1 <c>RateItemModel</c>: an uninitialized rate has only <c>from</c> and <c>to</c>; no seeded plan has surcharges, so <c>calculatedPrices</c> is never set.</summary>
internal sealed record RateItemModel(DateTimeOffset From, DateTimeOffset To, MonetaryValueModel? Price, RateRestrictionsModel? Restrictions);

/// <summary>rateplan-v1 <c>RatePlanListModel</c>.</summary>
internal sealed record RatePlanListModel(IReadOnlyList<RatePlanItemModel> RatePlans, long Count);

/// <summary>rateplan-v1 <c>AvailabilityModel</c> of a service (<c>mode</c> required).</summary>
internal sealed record ServiceAvailabilityModel(ServiceAvailabilityMode Mode);

/// <summary>rateplan-v1 <c>ServiceItemModel</c>.</summary>
internal sealed record ServiceItemModel(
    string Id,
    string Name,
    string Code,
    string Description,
    MonetaryValueModel DefaultGrossPrice,
    PricingUnit? PricingUnit,
    bool PostNextDay,
    ServiceType ServiceType,
    VatType VatType,
    ServiceAvailabilityModel Availability,
    EmbeddedPropertyModel Property,
    IReadOnlyList<ChannelCode>? ChannelCodes);

/// <summary>rateplan-v1 <c>ServiceListModel</c>.</summary>
internal sealed record ServiceListModel(IReadOnlyList<ServiceItemModel> Services, long Count);

// ---- availability-v1 (current, read at Altricch/ApaleoOnPrem@e5de34d0) ----

/// <summary>availability-v1 <c>MaintenanceModel</c>: every member required.</summary>
internal sealed record MaintenanceModel(int OutOfService, int OutOfOrder, int OutOfInventory);

/// <summary>availability-v1 <c>BlockUnitsModel</c>: every member required.</summary>
internal sealed record BlockUnitsModel(int Definite, int Tentative, int Optional, int OptionalDeducting, int Picked, int Remaining);

/// <summary>availability-v1 <c>PropertyAvailabilityModel</c>.</summary>
internal sealed record PropertyAvailabilityModel(
    int PhysicalCount,
    int HouseCount,
    int SoldCount,
    decimal Occupancy,
    int SellableCount,
    int AllowedOverbookingCount,
    MaintenanceModel Maintenance,
    BlockUnitsModel Block);

/// <summary>availability-v1 <c>UnitGroupAvailabilityItemModel</c>: every member required.</summary>
internal sealed record UnitGroupAvailabilityItemModel(
    EmbeddedUnitGroupModel UnitGroup,
    int PhysicalCount,
    int HouseCount,
    int SoldCount,
    decimal Occupancy,
    int AvailableCount,
    int SellableCount,
    int AllowedOverbookingCount,
    MaintenanceModel Maintenance,
    BlockUnitsModel Block);

/// <summary>availability-v1 <c>UnitGroupAvailabilityTimeSliceItemModel</c>.</summary>
internal sealed record UnitGroupAvailabilityTimeSliceItemModel(
    DateTimeOffset From,
    DateTimeOffset To,
    PropertyAvailabilityModel Property,
    IReadOnlyList<UnitGroupAvailabilityItemModel> UnitGroups);

/// <summary>availability-v1 <c>AvailableUnitGroupListModel</c>.</summary>
internal sealed record AvailableUnitGroupListModel(IReadOnlyList<UnitGroupAvailabilityTimeSliceItemModel> TimeSlices, long Count);

// ---- booking-v1: offers ----

/// <summary>booking-v1 <c>OfferUnitGroupModel</c>.</summary>
internal sealed record OfferUnitGroupModel(string Id, string Code, string Name, string Description, int MaxPersons, int? Rank);

/// <summary>booking-v1 <c>OfferCancellationFeeModel</c>: every member required.</summary>
internal sealed record OfferCancellationFeeModel(string Code, string Name, string Description, DateTimeOffset DueDateTime, MonetaryValueModel Fee);

/// <summary>booking-v1 <c>OfferNoShowFeeModel</c>: every member required.</summary>
internal sealed record OfferNoShowFeeModel(string Code, string Name, string Description, MonetaryValueModel Fee);

/// <summary>booking-v1 <c>OfferTimeSliceModel</c>: one night of an offer.</summary>
internal sealed record OfferTimeSliceModel(DateTimeOffset From, DateTimeOffset To, int AvailableUnits, AmountModel BaseAmount, MonetaryValueModel TotalGrossAmount);

/// <summary>booking-v1 <c>OfferValidationMessageModel</c>.</summary>
internal sealed record OfferValidationMessageModel(OfferValidationCode Code, string Message);

/// <summary>booking-v1 <c>OfferModel</c>.</summary>
internal sealed record OfferModel(
    DateTimeOffset Arrival,
    DateTimeOffset Departure,
    OfferUnitGroupModel UnitGroup,
    GuaranteeType MinGuaranteeType,
    int AvailableUnits,
    EmbeddedRatePlanModel RatePlan,
    MonetaryValueModel TotalGrossAmount,
    OfferCancellationFeeModel CancellationFee,
    OfferNoShowFeeModel NoShowFee,
    IReadOnlyList<OfferTimeSliceModel> TimeSlices,
    IReadOnlyList<TaxDetailModel> TaxDetails,
    IReadOnlyList<OfferValidationMessageModel>? ValidationMessages,
    bool IsCorporate,
    MonetaryValueModel PrePaymentAmount,
    AmountModel? CityTax);

/// <summary>booking-v1 <c>StayOffersModel</c>.</summary>
internal sealed record StayOffersModel(EmbeddedPropertyModel Property, IReadOnlyList<OfferModel> Offers);

/// <summary>booking-v1 <c>ServiceModel</c>: every member required.</summary>
internal sealed record ServiceModel(string Id, string Code, string Name, string Description, PricingUnit PricingUnit, MonetaryValueModel DefaultGrossPrice);

/// <summary>booking-v1 <c>ServiceOfferItemModel</c>: every member required.</summary>
internal sealed record ServiceOfferItemModel(DateOnly ServiceDate, AmountModel Amount, bool IsDefaultDate, bool IsMandatory);

/// <summary>booking-v1 <c>ServiceOfferModel</c>.</summary>
internal sealed record ServiceOfferModel(ServiceModel Service, int Count, AmountModel TotalAmount, MonetaryValueModel PrePaymentAmount, IReadOnlyList<ServiceOfferItemModel> Dates);

/// <summary>booking-v1 <c>ServiceOffersModel</c>.</summary>
internal sealed record ServiceOffersModel(IReadOnlyList<ServiceOfferModel> Services);

// ---- booking-v1: bookings and reservations ----

/// <summary>booking-v1 <c>ReservationCreatedModel</c>.</summary>
internal sealed record ReservationCreatedModel(string Id);

/// <summary>booking-v1 <c>BookingCreatedModel</c>, the 201 answer of <c>POST /booking/v1/bookings</c>.</summary>
internal sealed record BookingCreatedModel(string Id, IReadOnlyList<ReservationCreatedModel> ReservationIds);

/// <summary>booking-v1 <c>ReservationCancellationFeeModel</c>: every member required.</summary>
internal sealed record ReservationCancellationFeeModel(string Id, string Code, string Name, string Description, DateTimeOffset DueDateTime, MonetaryValueModel Fee);

/// <summary>booking-v1 <c>ReservationNoShowFeeModel</c>: every member required.</summary>
internal sealed record ReservationNoShowFeeModel(string Id, string Code, string Name, string Description, MonetaryValueModel Fee);

/// <summary>booking-v1 <c>PayableAmountModel</c>.</summary>
internal sealed record PayableAmountModel(MonetaryValueModel Guest);

/// <summary>booking-v1 <c>PaymentAccountModel</c> (<c>isActive</c> required).</summary>
internal sealed record PaymentAccountModel(
    string? AccountNumber,
    string? AccountHolder,
    string? ExpiryMonth,
    string? ExpiryYear,
    string? PaymentMethod,
    string? PayerEmail,
    string? PayerReference,
    bool? IsVirtual,
    bool IsActive,
    string? InactiveReason);

/// <summary>booking-v1 <c>TimeSliceModel</c>: one night of a reservation.</summary>
internal sealed record TimeSliceModel(
    DateTimeOffset From,
    DateTimeOffset To,
    DateOnly ServiceDate,
    EmbeddedRatePlanModel RatePlan,
    EmbeddedUnitGroupModel UnitGroup,
    EmbeddedUnitModel? Unit,
    AmountModel BaseAmount,
    MonetaryValueModel TotalGrossAmount);

/// <summary>booking-v1 <c>ServiceDateItemModel</c>: every member required.</summary>
internal sealed record ServiceDateItemModel(DateOnly ServiceDate, int Count, AmountModel Amount, bool IsMandatory);

/// <summary>booking-v1 <c>ReservationServiceItemModel</c>.</summary>
internal sealed record ReservationServiceItemModel(ServiceModel Service, AmountModel TotalAmount, IReadOnlyList<ServiceDateItemModel> Dates);

/// <summary>booking-v1 <c>ReservationServiceListModel</c>.</summary>
internal sealed record ReservationServiceListModel(IReadOnlyList<ReservationServiceItemModel> Services, long Count);

/// <summary>booking-v1 <c>ReservationAssignedUnitTimeRangeModel</c>.</summary>
internal sealed record ReservationAssignedUnitTimeRangeModel(DateTimeOffset From, DateTimeOffset To);

/// <summary>booking-v1 <c>ReservationAssignedUnitModel</c>.</summary>
internal sealed record ReservationAssignedUnitModel(EmbeddedUnitModel Unit, IReadOnlyList<ReservationAssignedUnitTimeRangeModel> TimeRanges);

/// <summary>
/// booking-v1 <c>ReservationModel</c> (one reservation) and <c>ReservationItemModel</c> (a list item): the same members,
/// except that the item has no <c>taxDetails</c> and <c>payableAmount</c>, which are therefore null in list answers.
/// </summary>
internal sealed record ReservationModel(
    string Id,
    string BookingId,
    ApaleoReservationStatus Status,
    DateTimeOffset? CheckInTime,
    DateTimeOffset? CheckOutTime,
    DateTimeOffset? CancellationTime,
    DateTimeOffset? NoShowTime,
    EmbeddedUnitModel? Unit,
    EmbeddedPropertyModel Property,
    EmbeddedRatePlanModel RatePlan,
    EmbeddedUnitGroupModel UnitGroup,
    MonetaryValueModel TotalGrossAmount,
    DateTimeOffset Arrival,
    DateTimeOffset Departure,
    DateTimeOffset Created,
    DateTimeOffset Modified,
    int Adults,
    IReadOnlyList<int>? ChildrenAges,
    string? Comment,
    string? GuestComment,
    string? ExternalCode,
    ChannelCode ChannelCode,
    string? Source,
    GuestModel? PrimaryGuest,
    IReadOnlyList<GuestModel>? AdditionalGuests,
    GuestModel? Booker,
    PaymentAccountModel? PaymentAccount,
    IReadOnlyList<TimeSliceModel>? TimeSlices,
    IReadOnlyList<ReservationServiceItemModel>? Services,
    GuaranteeType GuaranteeType,
    ReservationCancellationFeeModel CancellationFee,
    ReservationNoShowFeeModel NoShowFee,
    TravelPurpose? TravelPurpose,
    MonetaryValueModel Balance,
    IReadOnlyList<ReservationAssignedUnitModel>? AssignedUnits,
    string? CorporateCode,
    IReadOnlyList<TaxDetailModel>? TaxDetails,
    bool HasCityTax,
    CommissionModel? Commission,
    string? PromoCode,
    PayableAmountModel? PayableAmount);

/// <summary>booking-v1 <c>BookingReservationModel</c>: a reservation as listed in its booking.</summary>
internal sealed record BookingReservationModel(
    string Id,
    ApaleoReservationStatus Status,
    string? ExternalCode,
    ChannelCode ChannelCode,
    string? Source,
    PaymentAccountModel? PaymentAccount,
    DateTimeOffset Arrival,
    DateTimeOffset Departure,
    int Adults,
    IReadOnlyList<int>? ChildrenAges,
    MonetaryValueModel TotalGrossAmount,
    EmbeddedPropertyModel Property,
    EmbeddedRatePlanModel RatePlan,
    EmbeddedUnitGroupModel UnitGroup,
    IReadOnlyList<ReservationServiceItemModel>? Services,
    string? GuestComment,
    ReservationCancellationFeeModel CancellationFee,
    ReservationNoShowFeeModel NoShowFee);

/// <summary>booking-v1 <c>PropertyValueModel</c>: a booking's total and balance in one property.</summary>
internal sealed record PropertyValueModel(EmbeddedPropertyModel Property, MonetaryValueModel TotalGrossAmount, MonetaryValueModel Balance);

/// <summary>booking-v1 <c>BookingModel</c>, the answer of <c>GET /booking/v1/bookings/{id}</c>.</summary>
internal sealed record BookingModel(
    string Id,
    GuestModel? Booker,
    PaymentAccountModel? PaymentAccount,
    string? Comment,
    string? BookerComment,
    DateTimeOffset Created,
    DateTimeOffset Modified,
    IReadOnlyList<PropertyValueModel>? PropertyValues,
    IReadOnlyList<BookingReservationModel>? Reservations);

/// <summary>booking-v1 <c>ReservationListModel</c>.</summary>
internal sealed record ReservationListModel(IReadOnlyList<ReservationModel> Reservations, long Count);

/// <summary>booking-v1 <c>AutoAssignedUnitItemModel</c>: every member required.</summary>
internal sealed record AutoAssignedUnitItemModel(EmbeddedUnitModel Unit, DateTimeOffset From, DateTimeOffset To);

/// <summary>booking-v1 <c>AutoAssignedUnitListModel</c>, the 200 answer of <c>PUT …/assign-unit</c>.</summary>
internal sealed record AutoAssignedUnitListModel(IReadOnlyList<AutoAssignedUnitItemModel> TimeSlices);

// ---- Webhook API ----

/// <summary>The answer of <c>POST /v1/subscriptions</c>: <c>{"id": "..."}</c> (2021 <c>CreateSubscriptionResponseModel</c>; n8n reads <c>id</c>).</summary>
internal sealed record SubscriptionCreatedModel(string Id);

/// <summary>
/// A subscription as <c>GET /v1/subscriptions[/{id}]</c> answers it: <c>id, endpointUrl, events, propertyIds</c> as the
/// current n8n node reads them, and <c>created</c> from the 2021 <c>SubscriptionResponseModel</c>. The 2021 <c>topics</c>
/// list was replaced by <c>events</c> and is not sent.
/// </summary>
internal sealed record SubscriptionModel(string Id, string EndpointUrl, IReadOnlyList<string> Events, IReadOnlyList<string> PropertyIds, DateTimeOffset Created);

/// <summary>The Webhook API's 422 body for a refused subscription (2021 <c>ErrorResponseModel</c>: <c>type</c>, <c>message</c>).</summary>
internal sealed record WebhookErrorModel(WebhookErrorType Type, string Message);

/// <summary>The <c>data</c> of a webhook delivery: the id of the entity that changed.</summary>
internal sealed record WebhookEventDataModel(string EntityId);

/// <summary>
/// A webhook delivery (apaleo.dev "webhooks-payload", saved as <c>webhook.event.reservation-created.example.json</c> and
/// <c>webhook.event.system-healthcheck.example.json</c>): the health check carries <c>propertyIds</c> and no <c>data</c>.
/// <c>timestamp</c> is epoch milliseconds, as in the newer documented variant.
/// </summary>
internal sealed record WebhookEventModel(
    string Topic,
    string Type,
    string Id,
    string AccountId,
    string? PropertyId,
    IReadOnlyList<string>? PropertyIds,
    long Timestamp,
    string? ClientId,
    string? SubjectId,
    WebhookEventDataModel? Data);
