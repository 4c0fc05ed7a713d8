namespace HotelPlatform.Connectors;

/// <summary>What a guest has agreed to. Absent flags mean no consent was recorded.</summary>
[Flags]
public enum GuestConsents
{
    /// <summary>No consent recorded.</summary>
    None = 0,

    /// <summary>Marketing by e-mail.</summary>
    MarketingEmail = 1 << 0,

    /// <summary>Marketing by text message.</summary>
    MarketingSms = 1 << 1,

    /// <summary>The hotel's newsletter.</summary>
    Newsletter = 1 << 2,

    /// <summary>Sharing the guest's data with third parties.</summary>
    ThirdPartySharing = 1 << 3,

    /// <summary>Keeping the guest's profile after the stay.</summary>
    ProfileRetention = 1 << 4,
}

/// <summary>A guest: on a reservation, or a standalone profile where the vendor has them.</summary>
/// <param name="LastName">The last name; the one name every vendor requires.</param>
public sealed record GuestProfile(string LastName)
{
    /// <summary>Gets the vendor's guest identifier; <see langword="null"/> for a guest not yet stored.</summary>
    public string? VendorId { get; init; }

    /// <summary>Gets the first name.</summary>
    public string? FirstName { get; init; }

    /// <summary>Gets the e-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>Gets the phone number, preferably in E.164 form.</summary>
    public string? Phone { get; init; }

    /// <summary>Gets the preferred language (ISO 639-1, for example <c>de</c>).</summary>
    public string? Language { get; init; }

    /// <summary>Gets the nationality (ISO 3166-1 alpha-2).</summary>
    public string? NationalityCountryCode { get; init; }

    /// <summary>Gets the postal address.</summary>
    public PostalAddress? Address { get; init; }

    /// <summary>Gets the consents recorded for the guest.</summary>
    public GuestConsents Consents { get; init; }

    /// <summary>Gets the full name for display.</summary>
    public string DisplayName => FirstName is null ? LastName : $"{FirstName} {LastName}";

    /// <inheritdoc />
    /// <remarks>Personal data is left out so that a logged record never carries it.</remarks>
    public override string ToString() => $"GuestProfile {{ VendorId = {VendorId ?? "(new)"} }}";
}

/// <summary>A postal address.</summary>
/// <param name="CountryCode">The ISO 3166-1 alpha-2 country code.</param>
public sealed record PostalAddress(string CountryCode)
{
    /// <summary>Gets the first address line.</summary>
    public string? Line1 { get; init; }

    /// <summary>Gets the second address line.</summary>
    public string? Line2 { get; init; }

    /// <summary>Gets the postal code.</summary>
    public string? PostalCode { get; init; }

    /// <summary>Gets the city.</summary>
    public string? City { get; init; }

    /// <inheritdoc />
    /// <remarks>Personal data is left out so that a logged record never carries it.</remarks>
    public override string ToString() => $"PostalAddress {{ CountryCode = {CountryCode} }}";
}

/// <summary>Criteria of a guest search; at least one of e-mail, phone, last name must be set.</summary>
public sealed record GuestSearch
{
    /// <summary>Gets the e-mail address (exact, case-insensitive).</summary>
    public string? Email { get; init; }

    /// <summary>Gets the phone number.</summary>
    public string? Phone { get; init; }

    /// <summary>Gets the last name.</summary>
    public string? LastName { get; init; }

    /// <summary>Gets the first name; only narrows a search that has another criterion.</summary>
    public string? FirstName { get; init; }

    /// <summary>Gets the most results to return (1 to 100).</summary>
    public int MaxResults { get; init; } = 20;

    /// <summary>Gets a value indicating whether a usable criterion is set.</summary>
    public bool HasCriterion => !string.IsNullOrWhiteSpace(Email) || !string.IsNullOrWhiteSpace(Phone) || !string.IsNullOrWhiteSpace(LastName);

    /// <inheritdoc />
    /// <remarks>Personal data is left out so that a logged record never carries it.</remarks>
    public override string ToString() => $"GuestSearch {{ MaxResults = {MaxResults} }}";
}
