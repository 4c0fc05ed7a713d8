using System.Text.Json;
using System.Text.Json.Serialization;

namespace HotelPlatform.Connectors.Apaleo.Wire;

/// <summary>
/// booking-v1 <c>GuestModel</c> (<c>lastName</c> required). <c>BookerModel</c> has the same members in booking-v1, so
/// this record serves for <c>booker</c> too. Every member of the 2021 definition is modelled, and members added since
/// are kept in <see cref="AdditionalMembers"/>: the PATCH operation "Replace PrimaryGuest" replaces the whole object,
/// so a guest read, changed and written back must lose nothing the connector does not understand.
/// </summary>
internal sealed record GuestModel
{
    /// <summary>Gets the title: Mr, Ms, Dr, Prof, Mrs or Other.</summary>
    public string? Title { get; init; }

    /// <summary>Gets the gender: Female, Male or Other.</summary>
    public string? Gender { get; init; }

    public string? FirstName { get; init; }

    public string? MiddleInitial { get; init; }

    public required string LastName { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public PersonAddressModel? Address { get; init; }

    /// <summary>Gets "the guest's nationality, in ISO 3166-1 alpha-2 code".</summary>
    public string? NationalityCountryCode { get; init; }

    public string? IdentificationNumber { get; init; }

    public DateOnly? IdentificationIssueDate { get; init; }

    /// <summary>Gets the identification type: SocialInsuranceNumber, PassportNumber, IdNumber or DriverLicenseNumber.</summary>
    public string? IdentificationType { get; init; }

    public PersonCompanyModel? Company { get; init; }

    /// <summary>Gets the "two-letter code (ISO Alpha-2) of a language preferred for contact".</summary>
    public string? PreferredLanguage { get; init; }

    public DateOnly? BirthDate { get; init; }

    public string? BirthPlace { get; init; }

    /// <summary>
    /// Gets or sets members the 2021 definition does not name, kept verbatim so that a read-modify-write round trip
    /// preserves them. A setter rather than <c>init</c>: System.Text.Json cannot bind extension data through the
    /// initializer-based constructor it uses for <c>init</c>/<c>required</c> members.
    /// </summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalMembers { get; set; }
}

/// <summary>booking-v1 <c>PersonAddressModel</c>; no member is required.</summary>
internal sealed record PersonAddressModel
{
    public string? AddressLine1 { get; init; }

    public string? AddressLine2 { get; init; }

    public string? PostalCode { get; init; }

    public string? City { get; init; }

    public string? RegionCode { get; init; }

    public string? CountryCode { get; init; }
}

/// <summary>booking-v1 <c>PersonCompanyModel</c>.</summary>
internal sealed record PersonCompanyModel
{
    public string? Name { get; init; }

    public string? TaxId { get; init; }
}
