// The strict models of what Apaleo accepts, one class per Swagger definition with the definition's member names and
// required list (booking-v1 2021 saved; webhook from the official n8n node and the 2021 generated client). Unknown
// members, missing required members, nulls, wrong types and enum values are refused by StrictJson before a handler
// runs; rules a JSON shape cannot express (date formats inside strings) are checked by Validate.
using System.Text.Json;

namespace HotelPlatform.Connectors.Simulators.Apaleo.Wire;

/// <summary>booking-v1 <c>CreateBookingModel</c>, the body of <c>POST /booking/v1/bookings</c> (<c>booker</c>, <c>reservations</c> required).</summary>
internal sealed class CreateBookingModel : IValidatableWireModel
{
    public CreatePaymentAccountModel? PaymentAccount { get; init; }

    public required GuestModel Booker { get; init; }

    public string? Comment { get; init; }

    public string? BookerComment { get; init; }

    public required IReadOnlyList<CreateReservationModel> Reservations { get; init; }

    public string? TransactionReference { get; init; }

    public IEnumerable<ValidationViolation> Validate(string path)
    {
        if (Reservations.Count == 0)
        {
            yield return new($"{path}.reservations", "'reservations' must list at least one reservation.");
        }

        for (int i = 0; i < Reservations.Count; i++)
        {
            foreach (ValidationViolation violation in Reservations[i].Validate($"{path}.reservations[{i}]"))
            {
                yield return violation;
            }
        }
    }
}

/// <summary>booking-v1 <c>CreateReservationModel</c> (<c>arrival, departure, adults, channelCode, timeSlices</c> required).</summary>
internal sealed class CreateReservationModel : IValidatableWireModel
{
    /// <summary>Gets "date and optional time of arrival" (a pure date or a date-time).</summary>
    public required string Arrival { get; init; }

    /// <summary>Gets "date and optional time of departure. Cannot be more than 5 years after arrival".</summary>
    public required string Departure { get; init; }

    public required int Adults { get; init; }

    public IReadOnlyList<int>? ChildrenAges { get; init; }

    public string? Comment { get; init; }

    public string? GuestComment { get; init; }

    public string? ExternalCode { get; init; }

    public required ChannelCode ChannelCode { get; init; }

    public string? Source { get; init; }

    public GuestModel? PrimaryGuest { get; init; }

    public IReadOnlyList<GuestModel>? AdditionalGuests { get; init; }

    public GuaranteeType? GuaranteeType { get; init; }

    public TravelPurpose? TravelPurpose { get; init; }

    public required IReadOnlyList<CreateReservationTimeSliceModel> TimeSlices { get; init; }

    public IReadOnlyList<BookReservationServiceModel>? Services { get; init; }

    public string? CompanyId { get; init; }

    public string? CorporateCode { get; init; }

    public MonetaryValueModel? PrePaymentAmount { get; init; }

    public CommissionModel? Commission { get; init; }

    public string? PromoCode { get; init; }

    /// <summary>Gets the parsed arrival; valid after <see cref="Validate"/> passed.</summary>
    public ApaleoDateValue ParsedArrival => ApaleoDateValue.TryParse(Arrival, out ApaleoDateValue value) ? value : default;

    /// <summary>Gets the parsed departure; valid after <see cref="Validate"/> passed.</summary>
    public ApaleoDateValue ParsedDeparture => ApaleoDateValue.TryParse(Departure, out ApaleoDateValue value) ? value : default;

    public IEnumerable<ValidationViolation> Validate(string path)
    {
        if (!ApaleoDateValue.TryParse(Arrival, out _))
        {
            yield return new($"{path}.arrival", $"'{Arrival}' is not {ApaleoDateValue.Expected}.");
        }

        if (!ApaleoDateValue.TryParse(Departure, out _))
        {
            yield return new($"{path}.departure", $"'{Departure}' is not {ApaleoDateValue.Expected}.");
        }

        // CreateReservationModel.guaranteeType lists PM6Hold, CreditCard, Prepayment and Company; Ota is read-only.
        if (GuaranteeType == Wire.GuaranteeType.Ota)
        {
            yield return new($"{path}.guaranteeType", "'Ota' is not one of 'PM6Hold', 'CreditCard', 'Prepayment', 'Company'.");
        }
    }
}

/// <summary>booking-v1 <c>CreateReservationTimeSliceModel</c> (<c>ratePlanId</c> required).</summary>
internal sealed class CreateReservationTimeSliceModel
{
    public required string RatePlanId { get; init; }

    public MonetaryValueModel? TotalAmount { get; init; }
}

/// <summary>booking-v1 <c>GuestModel</c>; <c>BookerModel</c> has exactly the same members (<c>lastName</c> required).</summary>
internal sealed class GuestModel
{
    public PersonTitle? Title { get; init; }

    public PersonGender? Gender { get; init; }

    public string? FirstName { get; init; }

    public string? MiddleInitial { get; init; }

    public required string LastName { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public PersonAddressModel? Address { get; init; }

    public string? NationalityCountryCode { get; init; }

    public string? IdentificationNumber { get; init; }

    public DateOnly? IdentificationIssueDate { get; init; }

    public IdentificationType? IdentificationType { get; init; }

    public PersonCompanyModel? Company { get; init; }

    public string? PreferredLanguage { get; init; }

    public DateOnly? BirthDate { get; init; }

    public string? BirthPlace { get; init; }
}

/// <summary>booking-v1 <c>PersonAddressModel</c> (no required members).</summary>
internal sealed class PersonAddressModel
{
    public string? AddressLine1 { get; init; }

    public string? AddressLine2 { get; init; }

    public string? PostalCode { get; init; }

    public string? City { get; init; }

    public string? RegionCode { get; init; }

    public string? CountryCode { get; init; }
}

/// <summary>booking-v1 <c>PersonCompanyModel</c>.</summary>
internal sealed class PersonCompanyModel
{
    public string? Name { get; init; }

    public string? TaxId { get; init; }
}

/// <summary>booking-v1 <c>MonetaryValueModel</c> (<c>amount</c>, <c>currency</c> required), read and written.</summary>
internal sealed class MonetaryValueModel
{
    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    public static MonetaryValueModel Of(decimal amount, string currency) => new() { Amount = amount, Currency = currency };
}

/// <summary>booking-v1 <c>CommissionModel</c> (<c>commissionAmount</c> required).</summary>
internal sealed class CommissionModel
{
    public required MonetaryValueModel CommissionAmount { get; init; }

    public MonetaryValueModel? BeforeCommissionAmount { get; init; }
}

/// <summary>booking-v1 <c>CreatePaymentAccountModel</c> (no required members).</summary>
internal sealed class CreatePaymentAccountModel
{
    public string? AccountNumber { get; init; }

    public string? AccountHolder { get; init; }

    public string? ExpiryMonth { get; init; }

    public string? ExpiryYear { get; init; }

    public string? PaymentMethod { get; init; }

    public string? PayerEmail { get; init; }

    public string? PayerReference { get; init; }

    public string? TransactionReference { get; init; }

    public bool? IsVirtual { get; init; }

    public string? InactiveReason { get; init; }
}

/// <summary>booking-v1 <c>BookReservationServiceModel</c>: the body of <c>PUT …/book-service</c> and an item of <c>CreateReservationModel.services</c>.</summary>
internal sealed class BookReservationServiceModel
{
    public required string ServiceId { get; init; }

    public int? Count { get; init; }

    public MonetaryValueModel? Amount { get; init; }

    public IReadOnlyList<ServiceDateModel>? Dates { get; init; }
}

/// <summary>booking-v1 definition <c>Date</c>: one date of a booked service (<c>serviceDate</c> required).</summary>
internal sealed class ServiceDateModel
{
    public required DateOnly ServiceDate { get; init; }

    public int? Count { get; init; }

    public MonetaryValueModel? Amount { get; init; }
}

/// <summary>booking-v1 <c>DesiredStayDetailsModel</c>, the body of <c>PUT …/amend</c> (<c>arrival, departure, adults, timeSlices</c> required).</summary>
internal sealed class DesiredStayDetailsModel : IValidatableWireModel
{
    public required string Arrival { get; init; }

    public required string Departure { get; init; }

    public required int Adults { get; init; }

    public IReadOnlyList<int>? ChildrenAges { get; init; }

    /// <summary>Gets whether unchanged slices are re-quoted at current prices (defaults to false).</summary>
    public bool? Requote { get; init; }

    public required IReadOnlyList<DesiredTimeSliceModel> TimeSlices { get; init; }

    public ApaleoDateValue ParsedArrival => ApaleoDateValue.TryParse(Arrival, out ApaleoDateValue value) ? value : default;

    public ApaleoDateValue ParsedDeparture => ApaleoDateValue.TryParse(Departure, out ApaleoDateValue value) ? value : default;

    public IEnumerable<ValidationViolation> Validate(string path)
    {
        if (!ApaleoDateValue.TryParse(Arrival, out _))
        {
            yield return new($"{path}.arrival", $"'{Arrival}' is not {ApaleoDateValue.Expected}.");
        }

        if (!ApaleoDateValue.TryParse(Departure, out _))
        {
            yield return new($"{path}.departure", $"'{Departure}' is not {ApaleoDateValue.Expected}.");
        }
    }
}

/// <summary>booking-v1 <c>DesiredTimeSliceModel</c> (<c>ratePlanId</c> required).</summary>
internal sealed class DesiredTimeSliceModel
{
    public required string RatePlanId { get; init; }

    public MonetaryValueModel? TotalGrossAmount { get; init; }
}

/// <summary>
/// booking-v1 <c>Operation</c>, one item of a JSON Patch body. The Swagger definition marks no member required; RFC 6902
/// (which Apaleo links to) requires <c>op</c> and <c>path</c>, so they are required here.
/// </summary>
internal sealed class PatchOperationModel
{
    public required PatchOperationType Op { get; init; }

    public required string Path { get; init; }

    public JsonElement? Value { get; init; }

    public string? From { get; init; }
}

/// <summary>
/// The body of <c>POST /v1/subscriptions</c> on the Webhook API as the official n8n node sends it: <c>endpointUrl</c>,
/// <c>events</c> (<c>reservation/created</c>, <c>reservation/*</c>) and optional <c>propertyIds</c> (absent or empty: every property).
/// </summary>
internal sealed class CreateSubscriptionModel
{
    public required string EndpointUrl { get; init; }

    public required IReadOnlyList<string> Events { get; init; }

    public IReadOnlyList<string>? PropertyIds { get; init; }
}

/// <summary>rateplan-v1 <c>ReplaceRateListModel</c> (<c>rates</c> required), the body of <c>PUT /rateplan/v1/rate-plans/{id}/rates</c>.</summary>
internal sealed class ReplaceRateListModel : IValidatableWireModel
{
    public required IReadOnlyList<ReplaceRateModel> Rates { get; init; }

    public IEnumerable<ValidationViolation> Validate(string path)
    {
        for (int i = 0; i < Rates.Count; i++)
        {
            if (Rates[i].Restrictions is { } restrictions)
            {
                foreach (ValidationViolation violation in restrictions.Validate($"{path}.rates[{i}].restrictions"))
                {
                    yield return violation;
                }
            }
        }
    }
}

/// <summary>rateplan-v1 <c>ReplaceRateModel</c> (<c>from</c>, <c>to</c> required: date-times "without fractional second part").</summary>
internal sealed class ReplaceRateModel
{
    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    public MonetaryValueModel? Price { get; init; }

    public RateRestrictionsModel? Restrictions { get; init; }
}

/// <summary>rateplan-v1 <c>RateRestrictionsModel</c> (<c>closed</c>, <c>closedOnArrival</c>, <c>closedOnDeparture</c> required; lengths of stay "minimum": 1).</summary>
internal sealed class RateRestrictionsModel : IValidatableWireModel
{
    public int? MinLengthOfStay { get; init; }

    public int? MaxLengthOfStay { get; init; }

    public required bool Closed { get; init; }

    public required bool ClosedOnArrival { get; init; }

    public required bool ClosedOnDeparture { get; init; }

    public static RateRestrictionsModel Of(State.StoredRestrictions restrictions) => new()
    {
        MinLengthOfStay = restrictions.MinLengthOfStay,
        MaxLengthOfStay = restrictions.MaxLengthOfStay,
        Closed = restrictions.Closed,
        ClosedOnArrival = restrictions.ClosedOnArrival,
        ClosedOnDeparture = restrictions.ClosedOnDeparture,
    };

    public State.StoredRestrictions ToStored() => new(MinLengthOfStay, MaxLengthOfStay, Closed, ClosedOnArrival, ClosedOnDeparture);

    public IEnumerable<ValidationViolation> Validate(string path)
    {
        if (MinLengthOfStay < 1)
        {
            yield return new($"{path}.minLengthOfStay", "'minLengthOfStay' must be at least 1.");
        }

        if (MaxLengthOfStay < 1)
        {
            yield return new($"{path}.maxLengthOfStay", "'maxLengthOfStay' must be at least 1.");
        }
    }
}
