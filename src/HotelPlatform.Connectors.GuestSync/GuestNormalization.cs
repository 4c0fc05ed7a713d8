using System.Globalization;
using System.Net.Mail;
using System.Text;
using PhoneNumbers;

namespace HotelPlatform.Connectors.GuestSync;

/// <summary>
/// The normal forms the sync matches and stores guest data in. See docs/guest-sync.md for the rules and why.
/// </summary>
public static class GuestNormalization
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// Normalises an e-mail address: trimmed and lower-cased, nothing else. Dots and <c>+tags</c> are kept: only Gmail
    /// ignores dots, and a Google Workspace domain cannot be told from its name, so folding them would merge different
    /// people at other providers; a <c>+tag</c> is an address the guest chose to keep apart.
    /// </summary>
    /// <param name="email">The address as a PMS holds it.</param>
    /// <param name="normalized">The normal form; <see langword="null"/> when <paramref name="email"/> is empty or invalid.</param>
    /// <returns><see langword="true"/> when the address is empty (nothing to normalise) or valid; <see langword="false"/> when it is not an address.</returns>
    public static bool TryNormalizeEmail(string? email, out string? normalized)
    {
        normalized = null;
        if (string.IsNullOrWhiteSpace(email))
        {
            return true;
        }

        var trimmed = email.Trim();

        // MailAddress accepts display names ("Anna <a@b.de>") and dotless domains; a stored address is neither.
        if (!MailAddress.TryCreate(trimmed, out var address) || !string.Equals(address.Address, trimmed, StringComparison.Ordinal)
            || !address.Host.Contains('.', StringComparison.Ordinal) || trimmed.Any(char.IsWhiteSpace))
        {
            return false;
        }

        normalized = trimmed.ToLowerInvariant();
        return true;
    }

    /// <summary>Normalises a phone number to E.164 with libphonenumber.</summary>
    /// <param name="phone">The number as a PMS holds it: E.164, international or national form.</param>
    /// <param name="defaultRegion">The ISO 3166-1 alpha-2 region a number without a country code is read in.</param>
    /// <param name="normalized">The E.164 form; <see langword="null"/> when <paramref name="phone"/> is empty or invalid.</param>
    /// <returns><see langword="true"/> when the number is empty or valid; <see langword="false"/> when it cannot be read or is not a valid number.</returns>
    public static bool TryNormalizePhone(string? phone, string defaultRegion, out string? normalized)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultRegion);
        normalized = null;
        if (string.IsNullOrWhiteSpace(phone))
        {
            return true;
        }

        try
        {
            var number = Phones.Parse(phone, defaultRegion.ToUpperInvariant());
            if (!Phones.IsValidNumber(number))
            {
                return false;
            }

            normalized = Phones.Format(number, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary>
    /// The form names are compared in: lower case, diacritics removed (<c>Müller</c> = <c>muller</c>), whitespace trimmed
    /// and collapsed. Transliterations (<c>ü</c> = <c>ue</c>, <c>ß</c> = <c>ss</c>) are not applied: they would make
    /// different names equal in languages where they are not spellings of one another.
    /// </summary>
    /// <param name="name">The name.</param>
    /// <returns>The comparison form; empty for an empty name.</returns>
    public static string NormalizeName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(name.Length);
        var pendingSpace = false;
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The sync request of a profile's guest: its e-mail and E.164 phone read in the hotel's region, the invalid one left out; <see langword="null"/> when it has neither.</summary>
    /// <param name="profile">The guest as a PMS holds it.</param>
    /// <param name="region">The hotel's phone region.</param>
    /// <returns>The request with both keys in normal form.</returns>
    internal static GuestSyncRequest? RequestFor(GuestProfile profile, string region)
    {
        var email = TryNormalizeEmail(profile.Email, out var normalizedEmail) ? normalizedEmail : null;
        var phone = TryNormalizePhone(profile.Phone, region, out var normalizedPhone) ? normalizedPhone : null;
        return email is null && phone is null ? null : new GuestSyncRequest { Email = email, Phone = phone };
    }

    /// <summary>The key two syncs of one guest share: the e-mail when there is one, else the phone (of a request made by <see cref="RequestFor"/>).</summary>
    /// <param name="request">A request in normal form.</param>
    /// <returns>The key.</returns>
    internal static string GuestKey(GuestSyncRequest request) => request.Email is { } email ? "email:" + email : "phone:" + request.Phone;

    /// <summary>A name as stored in the golden record: trimmed with inner whitespace collapsed, case and accents kept.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The display form, or <see langword="null"/> for an empty name.</returns>
    internal static string? TidyName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// Whether two people's names may be the same person: equal last names and first names that are equal, absent on
    /// one side, or one the initial of the other (<c>J.</c> and <c>Jane</c>).
    /// </summary>
    internal static bool NamesCompatible(string? lastA, string? firstA, string? lastB, string? firstB)
    {
        var lastNameA = NormalizeName(lastA);
        if (lastNameA.Length == 0 || !string.Equals(lastNameA, NormalizeName(lastB), StringComparison.Ordinal))
        {
            return false;
        }

        var a = NormalizeName(firstA).TrimEnd('.');
        var b = NormalizeName(firstB).TrimEnd('.');
        if (a.Length == 0 || b.Length == 0 || string.Equals(a, b, StringComparison.Ordinal))
        {
            return true;
        }

        return (a.Length == 1 && b.StartsWith(a, StringComparison.Ordinal)) || (b.Length == 1 && a.StartsWith(b, StringComparison.Ordinal));
    }
}
