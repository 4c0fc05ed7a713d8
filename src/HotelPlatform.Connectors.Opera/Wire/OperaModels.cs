// OHIP wire models, member names as in Oracle's OpenAPI documents (rsv, par, inv, rmcfg, rtp, crm, blk, int 25.5):
// only the members the connector reads or writes; unknown members of answers are ignored.
using System.Text.Json.Serialization;

namespace HotelPlatform.Connectors.Opera.Wire;

/// <summary>rsv <c>uniqueID_Type</c> (also profile and block ids).</summary>
internal sealed record UniqueId(string? Id, string? Type);

/// <summary>rsv <c>externalReferenceType</c>.</summary>
internal sealed record ExternalReference(string? Id, string? IdContext);

/// <summary><c>totalType</c>.</summary>
internal sealed record TotalModel
{
    public decimal? AmountBeforeTax { get; init; }

    public decimal? AmountAfterTax { get; init; }

    public string? CurrencyCode { get; init; }
}

/// <summary><c>currencyAmountType</c>.</summary>
internal sealed record CurrencyAmount(decimal? Amount, string? CurrencyCode);

/// <summary><c>childAgeType</c>.</summary>
internal sealed record ChildAge(int? Age);

/// <summary><c>guestCountsType</c>.</summary>
internal sealed record GuestCounts
{
    public int? Adults { get; init; }

    public int? Children { get; init; }

    public IReadOnlyList<ChildAge>? ChildAges { get; init; }
}

/// <summary><c>amountType</c>: one rate of <c>rates.rate[]</c>.</summary>
internal sealed record RateAmount
{
    public TotalModel? Base { get; init; }

    public TotalModel? Total { get; init; }

    public DateOnly? Start { get; init; }

    public DateOnly? End { get; init; }
}

/// <summary><c>ratesType</c>.</summary>
internal sealed record RatesModel(IReadOnlyList<RateAmount>? Rate);

/// <summary><c>roomRateType</c> (rsv and par).</summary>
internal sealed record RoomRate
{
    public TotalModel? Total { get; init; }

    public RatesModel? Rates { get; init; }

    public GuestCounts? GuestCounts { get; init; }

    public string? RoomType { get; init; }

    public string? RatePlanCode { get; init; }

    public DateOnly? Start { get; init; }

    public DateOnly? End { get; init; }

    public string? MarketCode { get; init; }

    public string? SourceCode { get; init; }

    public int? NumberOfUnits { get; init; }

    /// <summary>par <c>roomRateAvailReasonType</c>: Available, Restricted, RestrictedDueToInventory, ...</summary>
    public string? Availability { get; init; }
}

/// <summary><c>resGuaranteeType</c>.</summary>
internal sealed record Guarantee(string? GuaranteeCode);

/// <summary>rsv <c>roomStayType</c> / par <c>roomStayType</c>.</summary>
internal sealed record RoomStay
{
    public IReadOnlyList<RoomRate>? RoomRates { get; init; }

    public GuestCounts? GuestCounts { get; init; }

    public DateOnly? ArrivalDate { get; init; }

    public DateOnly? DepartureDate { get; init; }

    public Guarantee? Guarantee { get; init; }

    public TotalModel? Total { get; init; }
}

/// <summary><c>personNameType</c>.</summary>
internal sealed record PersonName
{
    public string? GivenName { get; init; }

    public string? Surname { get; init; }

    /// <summary>Primary, Alternate, External, ...</summary>
    public string? NameType { get; init; }
}

/// <summary><c>customerType</c>.</summary>
internal sealed record Customer
{
    public IReadOnlyList<PersonName>? PersonName { get; init; }

    public string? Language { get; init; }

    public string? Nationality { get; init; }
}

/// <summary><c>emailType</c>.</summary>
internal sealed record EmailModel(string? EmailAddress, string? Type);

/// <summary><c>emailInfoType</c>.</summary>
internal sealed record EmailInfo(EmailModel? Email);

/// <summary>The <c>emails</c> object of <c>profileType</c>.</summary>
internal sealed record Emails(IReadOnlyList<EmailInfo>? EmailInfo);

/// <summary><c>telephoneType</c>.</summary>
internal sealed record Telephone(string? PhoneNumber, string? PhoneTechType, string? PhoneUseType);

/// <summary><c>telephoneInfoType</c>.</summary>
internal sealed record TelephoneInfo(Telephone? Telephone);

/// <summary>The <c>telephones</c> object of <c>profileType</c>.</summary>
internal sealed record Telephones(IReadOnlyList<TelephoneInfo>? TelephoneInfo);

/// <summary><c>countryNameType</c>.</summary>
internal sealed record CountryName(string? Code);

/// <summary><c>addressType</c>.</summary>
internal sealed record AddressModel
{
    public IReadOnlyList<string>? AddressLine { get; init; }

    public string? CityName { get; init; }

    public string? PostalCode { get; init; }

    public CountryName? Country { get; init; }
}

/// <summary><c>addressInfoType</c>.</summary>
internal sealed record AddressInfo(AddressModel? Address);

/// <summary>The <c>addresses</c> object of <c>profileType</c>.</summary>
internal sealed record Addresses(IReadOnlyList<AddressInfo>? AddressInfo);

/// <summary><c>profileType</c> (rsv inline guest, crm profile details).</summary>
internal sealed record ProfileDetails
{
    public Customer? Customer { get; init; }

    public Addresses? Addresses { get; init; }

    public Telephones? Telephones { get; init; }

    public Emails? Emails { get; init; }

    /// <summary><c>profileTypeType</c>: Guest, Company, ...</summary>
    public string? ProfileType { get; init; }

    /// <summary>crm <c>privacyInfoType</c>: the guest's opt-ins.</summary>
    public PrivacyInfo? PrivacyInfo { get; init; }
}

/// <summary>crm <c>privacyInfoType</c> (the opt-ins the connector maps).</summary>
internal sealed record PrivacyInfo
{
    public bool? OptInEmail { get; init; }

    public bool? OptInSms { get; init; }

    public bool? OptInMailingList { get; init; }

    public bool? OptInThirdParty { get; init; }
}

/// <summary>The <c>profileInfo</c> of <c>resGuestType</c>.</summary>
internal sealed record GuestProfileInfo
{
    public IReadOnlyList<UniqueId>? ProfileIdList { get; init; }

    public ProfileDetails? Profile { get; init; }
}

/// <summary><c>resGuestType</c>.</summary>
internal sealed record ReservationGuest(GuestProfileInfo? ProfileInfo, bool? Primary);

/// <summary><c>formattedTextTextType</c>.</summary>
internal sealed record FormattedText(string? Value);

/// <summary><c>commentType</c>.</summary>
internal sealed record CommentModel
{
    public FormattedText? Text { get; init; }

    public string? CommentTitle { get; init; }

    public string? Type { get; init; }

    public bool? Internal { get; init; }
}

/// <summary><c>commentInfoType</c>.</summary>
internal sealed record CommentInfo(CommentModel? Comment);

/// <summary><c>hotelReservationType</c> (and, for updates, <c>hotelReservationInstructionType</c>: its members are a subset).</summary>
internal sealed record HotelReservation
{
    public IReadOnlyList<UniqueId>? ReservationIdList { get; init; }

    public IReadOnlyList<ExternalReference>? ExternalReferences { get; init; }

    public RoomStay? RoomStay { get; init; }

    public IReadOnlyList<ReservationGuest>? ReservationGuests { get; init; }

    public IReadOnlyList<CommentInfo>? Comments { get; init; }

    /// <summary>The packages (extras) of the reservation: <c>reservationPackageType</c>.</summary>
    public IReadOnlyList<ReservationPackage>? ReservationPackages { get; init; }

    public string? HotelId { get; init; }

    /// <summary><c>pMS_ResStatusType</c>.</summary>
    public string? ReservationStatus { get; init; }

    public string? ComputedReservationStatus { get; init; }

    public DateTimeOffset? CreateDateTime { get; init; }

    public DateTimeOffset? LastModifyDateTime { get; init; }
}

/// <summary><c>hotelReservationsType</c>.</summary>
internal sealed record HotelReservations
{
    public IReadOnlyList<HotelReservation>? Reservation { get; init; }
}

/// <summary>rsv <c>reservation</c> (getReservation, getReservationByExtId) and <c>createReservationType</c> (postReservation's 201).</summary>
internal sealed record ReservationEnvelope(HotelReservations? Reservations);

/// <summary>rsv <c>createReservation</c>, the body of <c>postReservation</c> and <c>postReservationByBlock</c>.</summary>
internal sealed record CreateReservationRequest(HotelReservations Reservations);

/// <summary>rsv <c>changeReservation</c>, the body of <c>putReservation</c> (<c>reservations</c> is a plain array here).</summary>
internal sealed record ChangeReservationRequest(IReadOnlyList<HotelReservation> Reservations);

/// <summary><c>cancellationReasonType</c>.</summary>
internal sealed record CancellationReason(string? Code, string? Description);

/// <summary><c>cancelReservationType</c> (the request's member).</summary>
internal sealed record CancelReservationItem(IReadOnlyList<UniqueId> ReservationIdList, string HotelId);

/// <summary>rsv <c>cancelReservation</c>, the body of <c>postCancelReservation</c>.</summary>
internal sealed record CancelReservationRequest(CancellationReason? Reason, IReadOnlyList<CancelReservationItem> Reservations);

/// <summary>rsv <c>stayInfoType</c> (search results).</summary>
internal sealed record StayInfo
{
    public DateOnly? ArrivalDate { get; init; }

    public DateOnly? DepartureDate { get; init; }

    public int? AdultCount { get; init; }

    public int? ChildCount { get; init; }

    public string? RoomType { get; init; }

    public string? RatePlanCode { get; init; }

    public CurrencyAmount? TotalAmount { get; init; }
}

/// <summary>rsv <c>resGuestInfoType</c> (search results).</summary>
internal sealed record ReservationGuestInfo
{
    public string? GivenName { get; init; }

    public string? Surname { get; init; }

    public string? Email { get; init; }

    public string? Id { get; init; }
}

/// <summary>rsv <c>reservationInfoType</c>, one search result.</summary>
internal sealed record ReservationInfo
{
    public IReadOnlyList<UniqueId>? ReservationIdList { get; init; }

    public IReadOnlyList<ExternalReference>? ExternalReferences { get; init; }

    public StayInfo? RoomStay { get; init; }

    public ReservationGuestInfo? ReservationGuest { get; init; }

    public string? HotelId { get; init; }

    public string? ReservationStatus { get; init; }

    public string? ComputedReservationStatus { get; init; }

    public DateTimeOffset? CreateDateTime { get; init; }

    public DateTimeOffset? LastModifyDateTime { get; init; }
}

/// <summary>The <c>reservations</c> object of rsv <c>reservationsDetails</c>.</summary>
internal sealed record ReservationInfoList
{
    public IReadOnlyList<ReservationInfo>? ReservationInfo { get; init; }

    public bool? HasMore { get; init; }

    public int? TotalResults { get; init; }

    public int? Count { get; init; }
}

/// <summary>rsv <c>reservationsDetails</c> (getHotelReservations).</summary>
internal sealed record ReservationsDetails(ReservationInfoList? Reservations);

/// <summary>par <c>roomStayType</c> of an availability answer.</summary>
internal sealed record AvailabilityRoomStay(IReadOnlyList<RoomRate>? RoomRates, DateOnly? ArrivalDate, DateOnly? DepartureDate);

/// <summary>par <c>availResponseSegmentType</c>.</summary>
internal sealed record AvailabilitySegment
{
    public IReadOnlyList<AvailabilityRoomStay>? RoomStays { get; init; }

    public string? HotelId { get; init; }

    public bool? HasMore { get; init; }

    public string? PagingKey { get; init; }
}

/// <summary>par <c>hotelAvailability</c> (getHotelAvailability).</summary>
internal sealed record HotelAvailability(IReadOnlyList<AvailabilitySegment>? HotelAvailabilityList)
{
    [JsonPropertyName("hotelAvailability")]
    public IReadOnlyList<AvailabilitySegment>? HotelAvailabilityList { get; init; } = HotelAvailabilityList;
}

/// <summary>inv <c>inventoryCountsType</c>.</summary>
internal sealed record InventoryCount
{
    public bool? Available { get; init; }

    public int? AvailableCount { get; init; }

    public DateOnly? StartDate { get; init; }

    public DateOnly? EndDate { get; init; }
}

/// <summary>inv <c>inventoryLevelCountsListType</c>.</summary>
internal sealed record InventoryLevel(string? Code, IReadOnlyList<InventoryCount>? InventoryCounts);

/// <summary>inv <c>hotelInventoryType</c>.</summary>
internal sealed record HotelInventoryItem(IReadOnlyList<InventoryLevel>? RoomTypeInventories);

/// <summary>inv <c>hotelInventory</c> (getHotelInventory).</summary>
internal sealed record HotelInventory(IReadOnlyList<HotelInventoryItem>? HotelInventories);

/// <summary><c>translationTextType2000</c>.</summary>
internal sealed record TranslationText(string? DefaultText);

/// <summary>rmcfg <c>roomTypeType</c>.</summary>
internal sealed record RoomTypeModel
{
    public string? RoomType { get; init; }

    public TranslationText? ShortDescription { get; init; }

    public TranslationText? Description { get; init; }

    public int? MaximumOccupancy { get; init; }

    public int? NumberOfRooms { get; init; }

    public bool? Pseudo { get; init; }

    public bool? Inactive { get; init; }
}

/// <summary>rmcfg <c>roomTypesType</c>.</summary>
internal sealed record RoomTypeGroup(IReadOnlyList<RoomTypeModel>? RoomType, string? HotelId);

/// <summary>rmcfg <c>roomTypesDetails</c> (getRoomTypes).</summary>
internal sealed record RoomTypesDetails
{
    public IReadOnlyList<RoomTypeGroup>? RoomTypes { get; init; }

    public bool? HasMore { get; init; }

    public int? TotalResults { get; init; }
}

/// <summary>rtp <c>ratePlanPrimaryDetailsType</c>.</summary>
internal sealed record RatePlanPrimaryDetails(TranslationText? Description);

/// <summary>rtp <c>ratePlanTransactionDetailsType</c>.</summary>
internal sealed record RatePlanTransactionDetails(string? CurrencyCode);

/// <summary>rtp <c>rateRoomTypeDetailType</c>.</summary>
internal sealed record RateRoomType(string? Code);

/// <summary>rtp <c>ratePlanType</c>.</summary>
internal sealed record RatePlanModel
{
    public string? RatePlanCode { get; init; }

    public string? HotelId { get; init; }

    public RatePlanPrimaryDetails? PrimaryDetails { get; init; }

    public RatePlanTransactionDetails? TransactionDetails { get; init; }

    public IReadOnlyList<RateRoomType>? RoomTypeList { get; init; }
}

/// <summary>rtp <c>ratePlanInfo</c> (getRatePlansByHotel).</summary>
internal sealed record RatePlanInfo(IReadOnlyList<RatePlanModel>? RatePlans);

/// <summary>crm <c>profile</c> (getProfile, postProfile, putProfile).</summary>
internal sealed record ProfileEnvelope
{
    public IReadOnlyList<UniqueId>? ProfileIdList { get; init; }

    public ProfileDetails? ProfileDetails { get; init; }
}

/// <summary>crm <c>profileSummaryInfoType</c>.</summary>
internal sealed record ProfileSummaryInfo(IReadOnlyList<UniqueId>? ProfileIdList);

/// <summary>crm <c>profileSummariesType</c>.</summary>
internal sealed record ProfileSummaryList
{
    public IReadOnlyList<ProfileSummaryInfo>? ProfileInfo { get; init; }

    public bool? HasMore { get; init; }

    public int? TotalResults { get; init; }
}

/// <summary>crm <c>profileSummaries</c> (getProfiles).</summary>
internal sealed record ProfileSummaries(ProfileSummaryList? ProfileSummariesList)
{
    [JsonPropertyName("profileSummaries")]
    public ProfileSummaryList? ProfileSummariesList { get; init; } = ProfileSummariesList;
}

/// <summary><c>exceptionDetailType</c> / <c>errorInstance</c>: OHIP's RFC 7807-style problem body.</summary>
internal sealed record ProblemModel
{
    public string? Type { get; init; }

    public string? Title { get; init; }

    public int? Status { get; init; }

    public string? Detail { get; init; }

    [JsonPropertyName("o:errorCode")]
    public string? ErrorCode { get; init; }

    [JsonPropertyName("o:errorPath")]
    public string? ErrorPath { get; init; }

    [JsonPropertyName("o:errorDetails")]
    public IReadOnlyList<ProblemModel>? ErrorDetails { get; init; }
}

/// <summary>blk <c>timeSpanType</c>.</summary>
internal sealed record TimeSpanModel(DateOnly? StartDate, DateOnly? EndDate);

/// <summary><c>codeDescriptionType</c>.</summary>
internal sealed record CodeDescription(string? Code, string? Description);

/// <summary>blk <c>bookingStatusType</c>.</summary>
internal sealed record BookingStatus(CodeDescription? Status);

/// <summary>blk <c>bookingStatusDetailType</c>.</summary>
internal sealed record BookingStatusDetail(BookingStatus? BookingStatus);

/// <summary>blk <c>blockDetailsType</c>.</summary>
internal sealed record BlockDetails
{
    public string? BlockCode { get; init; }

    public string? BlockName { get; init; }

    public TimeSpanModel? TimeSpan { get; init; }

    public BookingStatusDetail? BlockStatus { get; init; }
}

/// <summary>blk <c>blockType</c>.</summary>
internal sealed record BlockModel
{
    public IReadOnlyList<UniqueId>? BlockIdList { get; init; }

    public BlockDetails? BlockDetails { get; init; }
}

/// <summary>An item of blk <c>blocksType.blockInfo</c>.</summary>
internal sealed record BlockInfo(BlockModel? Block);

/// <summary>blk <c>blocksType</c>.</summary>
internal sealed record BlocksModel(IReadOnlyList<BlockInfo>? BlockInfo);

/// <summary>blk <c>block</c> (postBlock body, getBlock answer).</summary>
internal sealed record BlockEnvelope(BlocksModel? Blocks);

/// <summary>int <c>businessEventHeaderType</c>.</summary>
internal sealed record BusinessEventHeader
{
    public string? ModuleName { get; init; }

    public string? ActionType { get; init; }

    public decimal? ActionId { get; init; }

    public string? PrimaryKey { get; init; }

    public string? CreatedDateTime { get; init; }

    public string? HotelId { get; init; }
}

/// <summary>int <c>businessEventDetailType</c>.</summary>
internal sealed record BusinessEventDetail(string? DataElement, string? OldValue, string? NewValue);

/// <summary>int <c>businessEventType</c>.</summary>
internal sealed record BusinessEvent(BusinessEventHeader? Header, IReadOnlyList<BusinessEventDetail>? Details);

/// <summary>int <c>businessEventIDType</c>.</summary>
internal sealed record BusinessEventId(string? Id, string? IdContext, string? Type);

/// <summary>int <c>businessEventDataType</c>.</summary>
internal sealed record BusinessEventData(BusinessEvent? BusinessEvent, BusinessEventId? BusinessEventId);

/// <summary>int <c>businessEvents</c> (getBusinessEvents).</summary>
internal sealed record BusinessEvents(IReadOnlyList<BusinessEventData>? BusinessEventData);

/// <summary>par <c>restrictionControlType</c>: what a restriction applies to (the house, a room type, a rate plan, ...).</summary>
internal sealed record RestrictionControl
{
    public bool? House { get; init; }

    public string? BookingChannelCode { get; init; }

    public string? RoomClass { get; init; }

    public string? RoomType { get; init; }

    public string? RatePlanCategory { get; init; }

    public string? RatePlanCode { get; init; }
}

/// <summary>par <c>restrictionStatusType</c>: <c>code</c> (<c>restrictionStatusesType</c>: Closed, ClosedForArrival, MinimumLengthOfStay, ...) and its <c>unit</c>.</summary>
internal sealed record RestrictionStatus(string? Code, int? Unit);

/// <summary>par <c>restrictionSetType</c>: one restriction over <c>start</c>..<c>end</c>, on the weekdays flagged (all when none is).</summary>
internal sealed record RestrictionSet : WeekdayFlags
{
    public RestrictionControl? RestrictionControl { get; init; }

    public RestrictionStatus? RestrictionStatus { get; init; }

    public DateOnly? Start { get; init; }

    public DateOnly? End { get; init; }
}

/// <summary>par <c>restrictionsByDateRangeType</c>.</summary>
internal sealed record RestrictionsByDateRange(IReadOnlyList<RestrictionSet>? RestrictionSets);

/// <summary>par <c>restrictionsByDateRange</c> (getRestrictionsByDateRange).</summary>
internal sealed record RestrictionsResponse(RestrictionsByDateRange? RestrictionsByDateRange);

/// <summary>rtp/rsv <c>configPackagePrimaryDetailsType</c> (the members the connector reads).</summary>
internal sealed record PackagePrimaryDetails(string? Description, string? ShortDescription);

/// <summary>rtp/rsv <c>configPackageTransactionType</c>: <c>currency</c>, <c>postingType</c>, <c>calculationRule</c>.</summary>
internal sealed record PackageTransactionDetails(string? Currency, string? PostingType, string? CalculationRule);

/// <summary><c>packagePostingRhythmType</c>: its <c>type</c> (<c>postingRhythmType</c>: EveryNight, ArrivalNight, ...) and the weekdays of CertainNightsOfTheWeek.</summary>
internal sealed record PackagePostingRhythm(string? Type, WeekdayFlags? CertainNightsOfTheWeek);

/// <summary>Weekday flags, as par restriction sets and a posting rhythm's <c>certainNightsOfTheWeek</c> write them.</summary>
internal record WeekdayFlags
{
    public bool? Sunday { get; init; }

    public bool? Monday { get; init; }

    public bool? Tuesday { get; init; }

    public bool? Wednesday { get; init; }

    public bool? Thursday { get; init; }

    public bool? Friday { get; init; }

    public bool? Saturday { get; init; }

    /// <summary>Gets a value indicating whether no weekday is flagged at all.</summary>
    [JsonIgnore]
    public bool NoneFlagged => Flags.All(f => f is null);

    private bool?[] Flags => [Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday];

    /// <summary>Whether <paramref name="day"/> is flagged.</summary>
    public bool IsFlagged(DayOfWeek day) => Flags[(int)day] == true;
}

/// <summary>rtp/rsv <c>configPostingAttributesType</c> (the members the connector reads).</summary>
internal sealed record PackagePostingAttributes
{
    public bool? SellSeparate { get; init; }

    public PackagePostingRhythm? PostingRhythm { get; init; }

    /// <summary><c>packageCalculationRuleType</c>: FlatRate, PerPerson, PerAdult, PerChild, PerRoom.</summary>
    public string? PriceCalculationRule { get; init; }

    /// <summary>The price for the asked adults and children by the calculation rule (rtp <c>fetchInstructions=CalculatedPrice</c>).</summary>
    public decimal? CalculatedPrice { get; init; }
}

/// <summary>rtp <c>packageCodeShortInfoType</c>: one package of the hotel's catalogue.</summary>
internal sealed record PackageShortInfo
{
    public PackagePrimaryDetails? PrimaryDetails { get; init; }

    public PackageTransactionDetails? TransactionDetails { get; init; }

    public PackagePostingAttributes? PostingAttributes { get; init; }

    public string? Code { get; init; }

    public bool? Group { get; init; }
}

/// <summary>rtp <c>hotelPackageCodesType</c>.</summary>
internal sealed record HotelPackageCodes(IReadOnlyList<PackageShortInfo>? PackageCodeShortInfo, string? HotelId);

/// <summary>The <c>packageCodesList</c> of rtp <c>packagesInfo</c>.</summary>
internal sealed record PackageCodesList
{
    public IReadOnlyList<HotelPackageCodes>? PackageCodes { get; init; }

    public bool? HasMore { get; init; }

    public int? TotalResults { get; init; }
}

/// <summary>rtp <c>packagesInfo</c> (getPackages).</summary>
internal sealed record PackagesInfo(PackageCodesList? PackageCodesList);

/// <summary>rsv <c>packageCodeHeaderType</c>.</summary>
internal sealed record PackageHeader(PackagePrimaryDetails? PrimaryDetails, PackageTransactionDetails? TransactionDetails, PackagePostingAttributes? PostingAttributes);

/// <summary>rsv <c>reservationPackageScheduleType</c>: one consumption date of a reservation's package.</summary>
internal sealed record PackageSchedule
{
    public DateOnly? ConsumptionDate { get; init; }

    public decimal? UnitPrice { get; init; }

    public int? TotalQuantity { get; init; }

    public decimal? ComputedResvPrice { get; init; }
}

/// <summary>rsv <c>packageConsumptionType</c>: <c>defaultQuantity</c> is the multiplier of the calculation rule (the units ordered).</summary>
internal sealed record PackageConsumption
{
    public int? DefaultQuantity { get; init; }

    public int? TotalQuantity { get; init; }
}

/// <summary>rsv <c>reservationPackageType</c>: a package on a reservation (read), or one to attach (write: code, dates, quantity).</summary>
internal sealed record ReservationPackage
{
    public PackageHeader? PackageHeaderType { get; init; }

    public IReadOnlyList<PackageSchedule>? ScheduleList { get; init; }

    public PackageConsumption? ConsumptionDetails { get; init; }

    public string? PackageCode { get; init; }

    public DateOnly? StartDate { get; init; }

    public DateOnly? EndDate { get; init; }

    /// <summary><c>productSourceType</c>: Reservation (attached to the reservation), RateHeader or RateDetail (part of the rate).</summary>
    public string? Source { get; init; }
}

/// <summary>rsv <c>reservationPackagesInfo</c>, the body of <c>postReservationPackage</c>.</summary>
internal sealed record ReservationPackagesRequest(string HotelId, UniqueId ReservationId, IReadOnlyList<ReservationPackage> ReservationPackages);

/// <summary>The <c>reservationPackages</c> object of rsv <c>packages</c>.</summary>
internal sealed record ReservationPackageList(IReadOnlyList<ReservationPackage>? ReservationPackage);

/// <summary>rsv <c>packages</c> (getPackage: a package's availability for a reservation).</summary>
internal sealed record PackageAvailability(ReservationPackageList? ReservationPackages);

/// <summary>par/rtp <c>warningType</c> (the members the connector reads).</summary>
internal sealed record WarningModel(string? Value, string? ShortText, string? Code);

/// <summary>par/rtp <c>status</c>: the answer of a write (<c>warnings</c>, <c>links</c>).</summary>
internal sealed record StatusModel(IReadOnlyList<WarningModel>? Warnings);

/// <summary>
/// par <c>createRestrictionType</c>: one restriction (<c>restrictionStatus</c>) over <c>start</c>..<c>end</c> for the
/// listed rate plans and room types (at most 4000 of each), on the weekdays flagged.
/// </summary>
internal sealed record CreateRestrictionModel : WeekdayFlags
{
    public required RestrictionStatus RestrictionStatus { get; init; }

    public IReadOnlyList<string>? RatePlanCodes { get; init; }

    public IReadOnlyList<string>? RoomTypes { get; init; }

    public required DateOnly Start { get; init; }

    public required DateOnly End { get; init; }

    public string? HotelId { get; init; }
}

/// <summary>par <c>createRestriction</c> (postRestriction body).</summary>
internal sealed record CreateRestrictionRequest(CreateRestrictionModel Restriction);

/// <summary>rtp <c>scheduleRateAmountsType</c>: the amounts by number of persons (one to five).</summary>
internal sealed record ScheduleRateAmounts
{
    public decimal? OnePersonRate { get; init; }

    public decimal? TwoPersonRate { get; init; }

    public decimal? ThreePersonRate { get; init; }

    public decimal? FourPersonRate { get; init; }

    public decimal? FivePersonRate { get; init; }
}

/// <summary>rtp <c>ratePlanScheduleDetailType</c>: the amounts of the listed room types over <c>start</c>..<c>end</c>, on the weekdays flagged.</summary>
internal sealed record RatePlanScheduleDetail : WeekdayFlags
{
    public required ScheduleRateAmounts RateAmounts { get; init; }

    public required DateOnly Start { get; init; }

    public required DateOnly End { get; init; }

    public required IReadOnlyList<string> RoomTypeList { get; init; }
}

/// <summary>rtp <c>ratePlanSchedulesToSet</c> (setRatePlanSchedules body; at most 50 schedules).</summary>
internal sealed record RatePlanSchedulesToSet(string HotelId, string RatePlanCode, IReadOnlyList<RatePlanScheduleDetail> RatePlanScheduleList);
