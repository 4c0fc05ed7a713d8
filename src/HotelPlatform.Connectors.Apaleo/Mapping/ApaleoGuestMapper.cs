using HotelPlatform.Connectors.Apaleo.Wire;

namespace HotelPlatform.Connectors.Apaleo.Mapping;

/// <summary>
/// Maps booking-v1 <c>GuestModel</c> (also <c>BookerModel</c>) to and from <see cref="GuestProfile"/>. Apaleo has no
/// standalone guest profile: a guest lives inside a reservation, has no id of its own (so
/// <see cref="GuestProfile.VendorId"/> stays <see langword="null"/>) and records no consents.
/// </summary>
internal static class ApaleoGuestMapper
{
    /// <summary><c>GuestModel</c> → <see cref="GuestProfile"/>.</summary>
    /// <param name="model">The guest.</param>
    /// <returns>The profile.</returns>
    public static GuestProfile ToGuestProfile(GuestModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var address = model.Address;
        return new GuestProfile(model.LastName)
        {
            FirstName = Blank(model.FirstName),
            Email = Blank(model.Email),
            Phone = Blank(model.Phone),
            Language = Blank(model.PreferredLanguage),
            NationalityCountryCode = Blank(model.NationalityCountryCode),
            Address = address is { CountryCode: { } country } && !string.IsNullOrWhiteSpace(country)
                ? new PostalAddress(country)
                {
                    Line1 = Blank(address.AddressLine1),
                    Line2 = Blank(address.AddressLine2),
                    PostalCode = Blank(address.PostalCode),
                    City = Blank(address.City),
                }
                : null,
        };
    }

    /// <summary>
    /// <see cref="GuestProfile"/> → <c>GuestModel</c>, laid over <paramref name="current"/> when the guest already exists:
    /// members the profile leaves <see langword="null"/> keep their current value, and members the normalised model does
    /// not have (title, gender, identification, birth date, company, members newer than the 2021 spec) are kept, because
    /// Apaleo's "Replace PrimaryGuest" replaces the whole object.
    /// </summary>
    /// <param name="profile">The profile to write.</param>
    /// <param name="current">The guest as Apaleo has it now, or <see langword="null"/> for a new guest.</param>
    /// <returns>The guest to send.</returns>
    public static GuestModel ToGuestModel(GuestProfile profile, GuestModel? current = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var baseline = current ?? new GuestModel { LastName = profile.LastName };
        return baseline with
        {
            LastName = profile.LastName,
            FirstName = profile.FirstName ?? baseline.FirstName,
            Email = profile.Email ?? baseline.Email,
            Phone = profile.Phone ?? baseline.Phone,
            PreferredLanguage = profile.Language ?? baseline.PreferredLanguage,
            NationalityCountryCode = profile.NationalityCountryCode ?? baseline.NationalityCountryCode,
            Address = profile.Address is { } address
                ? (baseline.Address ?? new PersonAddressModel()) with
                {
                    AddressLine1 = address.Line1 ?? baseline.Address?.AddressLine1,
                    AddressLine2 = address.Line2 ?? baseline.Address?.AddressLine2,
                    PostalCode = address.PostalCode ?? baseline.Address?.PostalCode,
                    City = address.City ?? baseline.Address?.City,
                    CountryCode = address.CountryCode,
                }
                : baseline.Address,
        };
    }

    /// <summary>
    /// The <c>textSearch</c> value for a guest search. Apaleo's reservation text search matches "booker first name or last
    /// name or email or company name, primary guest first name or last name or email or company name, external code,
    /// reservation id, unit name" — not phone numbers — so the e-mail (most selective) or else the last name is sent, and
    /// a phone-only search has no server-side criterion (<see langword="null"/>).
    /// </summary>
    /// <param name="search">The search.</param>
    /// <returns>The text to send, or <see langword="null"/> when Apaleo cannot search for any criterion given.</returns>
    public static string? ToTextSearch(GuestSearch search)
    {
        ArgumentNullException.ThrowIfNull(search);
        return ApaleoValues.FirstText(search.Email?.Trim(), search.LastName?.Trim());
    }

    /// <summary>
    /// The distinct guests (primary guests and bookers) of the reservations Apaleo found that match every criterion of
    /// the search exactly — Apaleo's text search is a case-insensitive "contains" over several fields, so its hits are
    /// filtered again: e-mail and names compared case-insensitively, phone numbers by their digits.
    /// </summary>
    /// <param name="reservations">The reservations returned for <see cref="ToTextSearch"/>.</param>
    /// <param name="search">The search.</param>
    /// <returns>At most <see cref="GuestSearch.MaxResults"/> guests, in the order found.</returns>
    public static IReadOnlyList<GuestProfile> ToSearchResults(IEnumerable<ReservationModel> reservations, GuestSearch search)
    {
        ArgumentNullException.ThrowIfNull(reservations);
        ArgumentNullException.ThrowIfNull(search);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var results = new List<GuestProfile>();
        foreach (var guest in reservations.SelectMany(r => new[] { r.PrimaryGuest, r.Booker }).OfType<GuestModel>())
        {
            var profile = ToGuestProfile(guest);
            if (!Matches(profile, search) || !seen.Add(Identity(profile)))
            {
                continue;
            }

            results.Add(profile);
            if (results.Count == search.MaxResults)
            {
                break;
            }
        }

        return results;
    }

    /// <summary>Returns whether a guest meets every criterion the search sets.</summary>
    /// <param name="profile">The guest.</param>
    /// <param name="search">The search.</param>
    /// <returns><see langword="true"/> on a match.</returns>
    public static bool Matches(GuestProfile profile, GuestSearch search)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(search);
        return SameText(search.Email, profile.Email)
               && SameText(search.LastName, profile.LastName)
               && SameText(search.FirstName, profile.FirstName)
               && (string.IsNullOrWhiteSpace(search.Phone) || (Digits(search.Phone) is { Length: > 0 } wanted && wanted == Digits(profile.Phone)));
    }

    private static bool SameText(string? wanted, string? actual) =>
        string.IsNullOrWhiteSpace(wanted) || string.Equals(wanted.Trim(), actual?.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string Digits(string? phone) => phone is null ? string.Empty : new string([.. phone.Where(char.IsAsciiDigit)]);

    private static string Identity(GuestProfile profile) =>
        profile.Email is { } email ? "e:" + email.Trim() : $"n:{profile.FirstName?.Trim()}|{profile.LastName.Trim()}|{Digits(profile.Phone)}";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
