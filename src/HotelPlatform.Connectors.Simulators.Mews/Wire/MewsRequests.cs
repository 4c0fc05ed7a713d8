using System.Text.Json;

namespace HotelPlatform.Connectors.Simulators.Mews.Wire;

// Strict request models of the Mews Connector API operations the simulator serves, from the request tables of
// connector-api/operations/*.md: every documented member (deprecated ones left out), required ones `required`; anything
// else is refused with 400. Members the simulator does not act on are typed JsonElement? so that any documented value passes.

/// <summary>The members every Connector API request carries (guidelines/requests.md, authentication.md).</summary>
internal abstract record MewsRequest
{
    public required string ClientToken { get; init; }

    public required string AccessToken { get; init; }

    public required string Client { get; init; }

    public string? LanguageCode { get; init; }

    public string? CultureCode { get; init; }
}

internal sealed record LimitationModel
{
    public required int Count { get; init; }

    public string? Cursor { get; init; }
}

internal sealed record TimeIntervalModel
{
    public required DateTimeOffset StartUtc { get; init; }

    public required DateTimeOffset EndUtc { get; init; }
}

internal sealed record UpdateValueModel<T>
{
    public T? Value { get; init; }
}

internal sealed record ConfigurationGetRequest : MewsRequest
{
    public string? EnterpriseId { get; init; }
}

internal sealed record ServicesGetAllRequest : MewsRequest
{
    public IReadOnlyList<string>? EnterpriseIds { get; init; }

    public IReadOnlyList<string>? ServiceIds { get; init; }

    public string? ServiceType { get; init; }

    public TimeIntervalModel? UpdatedUtc { get; init; }

    public required LimitationModel Limitation { get; init; }
}

internal sealed record ResourceCategoriesGetAllRequest : MewsRequest
{
    public IReadOnlyList<string>? EnterpriseIds { get; init; }

    public IReadOnlyList<string>? ResourceCategoryIds { get; init; }

    public required IReadOnlyList<string> ServiceIds { get; init; }

    public TimeIntervalModel? UpdatedUtc { get; init; }

    public IReadOnlyList<string>? ActivityStates { get; init; }

    public required LimitationModel Limitation { get; init; }
}

internal sealed record RatesGetAllRequest : MewsRequest
{
    public IReadOnlyList<string>? EnterpriseIds { get; init; }

    public JsonElement? Extent { get; init; }

    public IReadOnlyList<string>? RateIds { get; init; }

    public TimeIntervalModel? UpdatedUtc { get; init; }

    public required IReadOnlyList<string> ServiceIds { get; init; }

    public IReadOnlyList<string>? ExternalIdentifiers { get; init; }

    public IReadOnlyList<string>? ActivityStates { get; init; }

    public required LimitationModel Limitation { get; init; }
}

internal sealed record AgeCategoriesGetAllRequest : MewsRequest
{
    public IReadOnlyList<string>? EnterpriseIds { get; init; }

    public IReadOnlyList<string>? AgeCategoryIds { get; init; }

    public IReadOnlyList<string>? ServiceIds { get; init; }

    public TimeIntervalModel? UpdatedUtc { get; init; }

    public IReadOnlyList<string>? ActivityStates { get; init; }

    public required LimitationModel Limitation { get; init; }
}

internal sealed record ProductsGetAllRequest : MewsRequest
{
    public IReadOnlyList<string>? EnterpriseIds { get; init; }

    public IReadOnlyList<string>? ProductIds { get; init; }

    public required IReadOnlyList<string> ServiceIds { get; init; }

    public TimeIntervalModel? UpdatedUtc { get; init; }

    public bool? IncludeDefault { get; init; }

    public required LimitationModel Limitation { get; init; }
}

internal sealed record GetAvailabilityRequest : MewsRequest
{
    public string? EnterpriseId { get; init; }

    public required string ServiceId { get; init; }

    public required DateTimeOffset FirstTimeUnitStartUtc { get; init; }

    public required DateTimeOffset LastTimeUnitStartUtc { get; init; }

    public required IReadOnlyList<AvailabilityMetric> Metrics { get; init; }
}

/// <summary>Service availability metrics (services.md#service-availability-metrics).</summary>
internal enum AvailabilityMetric
{
    OutOfOrderBlocks,
    PublicAvailabilityAdjustment,
    OtherServiceReservationCount,
    Occupied,
    ConfirmedReservations,
    OptionalReservations,
    BlockAvailability,
    AllocatedBlockAvailability,
    UsableResources,
    ActiveResources,
    HouseUse,
}

internal sealed record GetRatePricingRequest : MewsRequest
{
    public string? EnterpriseId { get; init; }

    public required string RateId { get; init; }

    public string? ProductId { get; init; }

    public required DateTimeOffset FirstTimeUnitStartUtc { get; init; }

    public required DateTimeOffset LastTimeUnitStartUtc { get; init; }
}

internal sealed record ReservationsGetAllRequest : MewsRequest
{
    public IReadOnlyList<string>? EnterpriseIds { get; init; }

    public IReadOnlyList<string>? ReservationIds { get; init; }

    public IReadOnlyList<string>? ServiceIds { get; init; }

    public IReadOnlyList<string>? ReservationGroupIds { get; init; }

    public IReadOnlyList<string>? AccountIds { get; init; }

    public IReadOnlyList<string>? PartnerCompanyIds { get; init; }

    public IReadOnlyList<string>? TravelAgencyIds { get; init; }

    public IReadOnlyList<string>? Numbers { get; init; }

    public IReadOnlyList<string>? ChannelNumbers { get; init; }

    public IReadOnlyList<string>? AssignedResourceIds { get; init; }

    public IReadOnlyList<string>? AvailabilityBlockIds { get; init; }

    public TimeIntervalModel? CreatedUtc { get; init; }

    public TimeIntervalModel? UpdatedUtc { get; init; }

    public TimeIntervalModel? CollidingUtc { get; init; }

    public TimeIntervalModel? ScheduledStartUtc { get; init; }

    public TimeIntervalModel? ActualStartUtc { get; init; }

    public TimeIntervalModel? ActualEndUtc { get; init; }

    public TimeIntervalModel? ScheduledEndUtc { get; init; }

    public IReadOnlyList<ServiceOrderState>? States { get; init; }

    public required LimitationModel Limitation { get; init; }
}

/// <summary>Service order state (reservations.md#service-order-state).</summary>
internal enum ServiceOrderState
{
    Inquired,
    Confirmed,
    Started,
    Processed,
    Canceled,
    Optional,
    Requested,
}

internal sealed record AgeCategoryCount
{
    public required string AgeCategoryId { get; init; }

    public required int Count { get; init; }
}

internal sealed record ProductOrderParametersModel
{
    public required string ProductId { get; init; }

    public int? Count { get; init; }

    public JsonElement? UnitAmount { get; init; }

    public DateTimeOffset? StartUtc { get; init; }

    public DateTimeOffset? EndUtc { get; init; }
}

/// <summary>Reservation parameters (reservations.md#reservation-parameters).</summary>
internal sealed record ReservationParametersModel
{
    public string? Identifier { get; init; }

    public string? ChannelNumber { get; init; }

    public string? State { get; init; }

    public required DateTimeOffset StartUtc { get; init; }

    public required DateTimeOffset EndUtc { get; init; }

    public DateTimeOffset? ReleasedUtc { get; init; }

    public required IReadOnlyList<AgeCategoryCount> PersonCounts { get; init; }

    public string? CustomerId { get; init; }

    public string? BookerId { get; init; }

    public required string RequestedCategoryId { get; init; }

    public string? AssignedResourceId { get; init; }

    public bool? AssignedResourceLocked { get; init; }

    public required string RateId { get; init; }

    public string? VoucherCode { get; init; }

    public string? CreditCardId { get; init; }

    public string? TravelAgencyId { get; init; }

    public string? CompanyId { get; init; }

    public string? BusinessSegmentId { get; init; }

    public string? Notes { get; init; }

    public JsonElement? TimeUnitAmount { get; init; }

    public JsonElement? TimeUnitPrices { get; init; }

    public IReadOnlyList<ProductOrderParametersModel>? ProductOrders { get; init; }

    public string? AvailabilityBlockId { get; init; }
}

internal sealed record ReservationsAddRequest : MewsRequest
{
    public string? EnterpriseId { get; init; }

    public required string ServiceId { get; init; }

    public string? GroupId { get; init; }

    public string? GroupName { get; init; }

    public required IReadOnlyList<ReservationParametersModel> Reservations { get; init; }

    public bool? CheckRateApplicability { get; init; }

    public bool? CheckOverbooking { get; init; }

    public bool? SendConfirmationEmail { get; init; }
}

internal sealed record ReservationUpdateModel
{
    public required string ReservationId { get; init; }

    public UpdateValueModel<string>? ChannelNumber { get; init; }

    public UpdateValueModel<DateTimeOffset?>? StartUtc { get; init; }

    public UpdateValueModel<DateTimeOffset?>? EndUtc { get; init; }

    public UpdateValueModel<DateTimeOffset?>? ReleasedUtc { get; init; }

    public UpdateValueModel<IReadOnlyList<AgeCategoryCount>>? PersonCounts { get; init; }

    public UpdateValueModel<string>? AssignedResourceId { get; init; }

    public UpdateValueModel<string>? RequestedCategoryId { get; init; }

    public UpdateValueModel<string>? TravelAgencyId { get; init; }

    public UpdateValueModel<string>? CompanyId { get; init; }

    public UpdateValueModel<string>? BusinessSegmentId { get; init; }

    public UpdateValueModel<string>? Purpose { get; init; }

    public UpdateValueModel<string>? RateId { get; init; }

    public UpdateValueModel<string>? CreditCardId { get; init; }

    public JsonElement? TimeUnitPrices { get; init; }

    public UpdateValueModel<string>? BookerId { get; init; }

    public UpdateValueModel<bool?>? AssignedResourceLocked { get; init; }

    public UpdateValueModel<string>? AvailabilityBlockId { get; init; }

    public JsonElement? Options { get; init; }
}

internal sealed record ReservationsUpdateRequest : MewsRequest
{
    public string? EnterpriseId { get; init; }

    public string? ReservationId { get; init; }

    public required IReadOnlyList<ReservationUpdateModel> ReservationUpdates { get; init; }

    public bool? Reprice { get; init; }

    public bool? ApplyCancellationFee { get; init; }

    public string? Reason { get; init; }
}

internal sealed record ReservationsCancelRequest : MewsRequest
{
    public string? EnterpriseId { get; init; }

    public required IReadOnlyList<string> ReservationIds { get; init; }

    public bool? PostCancellationFee { get; init; }

    public bool? SendEmail { get; init; }

    public required string Notes { get; init; }
}

internal sealed record ReservationsAddProductRequest : MewsRequest
{
    public string? EnterpriseId { get; init; }

    public required string ReservationId { get; init; }

    public required string ProductId { get; init; }

    public required int Count { get; init; }

    public JsonElement? UnitAmount { get; init; }

    public DateTimeOffset? StartUtc { get; init; }

    public DateTimeOffset? EndUtc { get; init; }
}

internal sealed record CustomerExtentModel
{
    public bool? Customers { get; init; }

    public bool? Addresses { get; init; }

    /// <summary>Gets deprecated ("Use Get all identity documents instead") but still in Mews' own example, so accepted.</summary>
    public bool? Documents { get; init; }
}

internal sealed record CustomersGetAllRequest : MewsRequest
{
    public IReadOnlyList<string>? ChainIds { get; init; }

    public TimeIntervalModel? CreatedUtc { get; init; }

    public TimeIntervalModel? UpdatedUtc { get; init; }

    public required CustomerExtentModel Extent { get; init; }

    public TimeIntervalModel? DeletedUtc { get; init; }

    public IReadOnlyList<string>? ActivityStates { get; init; }

    public IReadOnlyList<string>? CustomerIds { get; init; }

    public IReadOnlyList<string>? CompanyIds { get; init; }

    public IReadOnlyList<string>? Emails { get; init; }

    public IReadOnlyList<string>? FirstNames { get; init; }

    public IReadOnlyList<string>? LastNames { get; init; }

    public IReadOnlyList<string>? LoyaltyCodes { get; init; }

    public required LimitationModel Limitation { get; init; }
}

/// <summary>The customer members of <c>customers/add</c> and <c>customers/update</c> the simulator keeps; the rest are accepted as documented.</summary>
internal abstract record CustomerFieldsRequest : MewsRequest
{
    public string? ChainId { get; init; }

    public string? Title { get; init; }

    public string? FirstName { get; init; }

    public string? SecondLastName { get; init; }

    public string? NationalityCode { get; init; }

    public string? PreferredLanguageCode { get; init; }

    public string? Sex { get; init; }

    public string? BirthDate { get; init; }

    public string? BirthCountryCode { get; init; }

    public string? BirthCountrySubdivisionCode { get; init; }

    public string? BirthPlace { get; init; }

    public string? Occupation { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? LoyaltyCode { get; init; }

    public string? Notes { get; init; }

    public string? CarRegistrationNumber { get; init; }

    public string? DietaryRequirements { get; init; }

    public string? TaxIdentificationNumber { get; init; }

    public string? CompanyId { get; init; }

    public JsonElement? Address { get; init; }

    public JsonElement? Classifications { get; init; }

    public IReadOnlyList<CustomerOption>? Options { get; init; }
}

/// <summary>Customer option (customers.md#customer-option of <c>customers/add</c> and <c>customers/update</c>).</summary>
internal enum CustomerOption
{
    SendMarketingEmails,
    Invoiceable,
    BillAddressObjection,
    SendMarketingPostalMail,
    SendPartnerMarketingEmails,
    SendPartnerMarketingPostalMail,
    WithdrawCardConsent,
    GuestPhotoConsent,
    IdPhotosConsent,
}

/// <summary><c>reservations/price</c> (reservations.md "Price reservations"): the reservation parameters of <c>reservations/add</c>, <c>CustomerId</c> not needed.</summary>
internal sealed record ReservationsPriceRequest : MewsRequest
{
    public string? EnterpriseId { get; init; }

    public required string ServiceId { get; init; }

    public required IReadOnlyList<ReservationParametersModel> Reservations { get; init; }
}

/// <summary><c>restrictions/getAll</c> (restrictions.md "Get all restrictions").</summary>
internal sealed record RestrictionsGetAllRequest : MewsRequest
{
    public IReadOnlyList<string>? EnterpriseIds { get; init; }

    public TimeIntervalModel? CollidingUtc { get; init; }

    public TimeIntervalModel? CreatedUtc { get; init; }

    public TimeIntervalModel? UpdatedUtc { get; init; }

    public IReadOnlyList<string>? RestrictionIds { get; init; }

    public IReadOnlyList<string>? ResourceCategoryIds { get; init; }

    public IReadOnlyList<string>? RateIds { get; init; }

    public IReadOnlyList<string>? ExactRateIds { get; init; }

    public IReadOnlyList<string>? BaseRateIds { get; init; }

    public RestrictionOrigin? Origin { get; init; }

    public required IReadOnlyList<string> ServiceIds { get; init; }

    public required LimitationModel Limitation { get; init; }
}

/// <summary>Restriction origin (restrictions.md#restriction-origin).</summary>
internal enum RestrictionOrigin
{
    User,
    Integration,
}

internal sealed record CustomersAddRequest : CustomerFieldsRequest
{
    public required string LastName { get; init; }

    public required bool OverwriteExisting { get; init; }

    public string? ItalianDestinationCode { get; init; }

    public string? ItalianFiscalCode { get; init; }

    public string? ItalianLotteryCode { get; init; }

    public JsonElement? IdentityCard { get; init; }

    public JsonElement? Passport { get; init; }

    public JsonElement? Visa { get; init; }

    public JsonElement? DriversLicense { get; init; }
}

internal sealed record CustomersUpdateRequest : CustomerFieldsRequest
{
    public required string CustomerId { get; init; }

    public string? LastName { get; init; }

    public JsonElement? ItalianDestinationCode { get; init; }

    public JsonElement? ItalianFiscalCode { get; init; }

    public JsonElement? ItalianLotteryCode { get; init; }
}

internal sealed record OrderItemsGetAllRequest : MewsRequest
{
    public IReadOnlyList<string>? EnterpriseIds { get; init; }

    public IReadOnlyList<string>? OrderItemIds { get; init; }

    public IReadOnlyList<string>? AccountIds { get; init; }

    public IReadOnlyList<string>? ServiceOrderIds { get; init; }

    public IReadOnlyList<string>? ServiceIds { get; init; }

    public IReadOnlyList<string>? BillIds { get; init; }

    public TimeIntervalModel? CreatedUtc { get; init; }

    public TimeIntervalModel? UpdatedUtc { get; init; }

    public TimeIntervalModel? ConsumedUtc { get; init; }

    public TimeIntervalModel? CanceledUtc { get; init; }

    public TimeIntervalModel? ClosedUtc { get; init; }

    public string? Currency { get; init; }

    public IReadOnlyList<string>? AccountingStates { get; init; }

    public IReadOnlyList<OrderItemType>? Types { get; init; }

    public required LimitationModel Limitation { get; init; }
}

/// <summary>Order item type (orderitems.md#order-item-type).</summary>
internal enum OrderItemType
{
    CancellationFee,
    NightRebate,
    ProductOrderRebate,
    AdditionalExpenseRebate,
    Deposit,
    ExchangeRateDifference,
    CustomItem,
    ServiceCharge,
    CityTax,
    CityTaxDiscount,
    SpaceOrder,
    ProductOrder,
    Surcharge,
    TaxCorrection,
    ResourceUpgradeFee,
    InvoiceFee,
    MulticurrencyFee,
    AllowanceDiscount,
    AllowanceBreakage,
    AllowanceContraBreakage,
}

/// <summary>Days parameters (restrictions.md#days-parameters): every day required.</summary>
internal sealed record DaysParametersModel
{
    public required bool Monday { get; init; }

    public required bool Tuesday { get; init; }

    public required bool Wednesday { get; init; }

    public required bool Thursday { get; init; }

    public required bool Friday { get; init; }

    public required bool Saturday { get; init; }

    public required bool Sunday { get; init; }

    /// <summary>Gets whether the day of week is enabled.</summary>
    public bool Has(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => Monday,
        DayOfWeek.Tuesday => Tuesday,
        DayOfWeek.Wednesday => Wednesday,
        DayOfWeek.Thursday => Thursday,
        DayOfWeek.Friday => Friday,
        DayOfWeek.Saturday => Saturday,
        _ => Sunday,
    };
}

/// <summary>Restriction clear data (restrictions.md): the conditions and interval; set data adds the exceptions.</summary>
internal record RestrictionClearDataModel
{
    public required string Type { get; init; }

    public string? ExactRateId { get; init; }

    public string? BaseRateId { get; init; }

    public string? RateGroupId { get; init; }

    public string? ResourceCategoryId { get; init; }

    public string? ResourceCategoryType { get; init; }

    public DateTimeOffset? StartUtc { get; init; }

    public DateTimeOffset? EndUtc { get; init; }

    public required DaysParametersModel Days { get; init; }
}

/// <summary>Restriction set data (restrictions.md).</summary>
internal sealed record RestrictionSetDataModel : RestrictionClearDataModel
{
    public string? MinAdvance { get; init; }

    public string? MaxAdvance { get; init; }

    public string? MinLength { get; init; }

    public string? MaxLength { get; init; }

    public JsonElement? MinPrice { get; init; }

    public JsonElement? MaxPrice { get; init; }
}

/// <summary><c>restrictions/set</c> (restrictions.md "Set restrictions").</summary>
internal sealed record RestrictionsSetRequest : MewsRequest
{
    public required string ServiceId { get; init; }

    public required IReadOnlyList<RestrictionSetDataModel> Data { get; init; }
}

/// <summary><c>restrictions/clear</c> (restrictions.md "Clear restrictions").</summary>
internal sealed record RestrictionsClearRequest : MewsRequest
{
    public required string ServiceId { get; init; }

    public required IReadOnlyList<RestrictionClearDataModel> Data { get; init; }
}

/// <summary>Rate price update (rates.md#rate-price-update): every member optional.</summary>
internal sealed record RatePriceUpdateModel
{
    public string? CategoryId { get; init; }

    public decimal? Value { get; init; }

    public DateTimeOffset? FirstTimeUnitStartUtc { get; init; }

    public DateTimeOffset? LastTimeUnitStartUtc { get; init; }
}

/// <summary><c>rates/updatePrice</c> (rates.md "Update rate price").</summary>
internal sealed record RatesUpdatePriceRequest : MewsRequest
{
    public required string RateId { get; init; }

    public string? ProductId { get; init; }

    public required IReadOnlyList<RatePriceUpdateModel> PriceUpdates { get; init; }
}

/// <summary>Availability update (services.md#availability-update).</summary>
internal sealed record AvailabilityUpdateModel
{
    public required DateTimeOffset FirstTimeUnitStartUtc { get; init; }

    public required DateTimeOffset LastTimeUnitStartUtc { get; init; }

    public required string ResourceCategoryId { get; init; }

    public required UpdateValueModel<int?> UnitCountAdjustment { get; init; }

    public string? AvailabilityBlockId { get; init; }

    public JsonElement? PaxCounts { get; init; }
}

/// <summary><c>services/updateAvailability</c> (services.md "Update service availability").</summary>
internal sealed record ServicesUpdateAvailabilityRequest : MewsRequest
{
    public required string ServiceId { get; init; }

    public required IReadOnlyList<AvailabilityUpdateModel> AvailabilityUpdates { get; init; }
}
