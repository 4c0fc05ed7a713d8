using HotelPlatform.Connectors.Opera.Wire;

namespace HotelPlatform.Connectors.Opera.Mapping;

/// <summary>Maps OPERA profiles (<c>profileType</c>: customer name, e-mails, telephones, addresses) to and from <see cref="GuestProfile"/>.</summary>
internal static class OperaGuestMapper
{
    /// <summary>The <c>type</c> of a profile id in <c>profileIdList</c>.</summary>
    public const string ProfileIdType = "Profile";

    public static GuestProfile ToGuest(GuestProfileInfo? info)
    {
        var guest = ToGuest(info?.Profile);
        return guest with { VendorId = OperaReservationMapper.IdOf(info?.ProfileIdList, ProfileIdType) ?? info?.ProfileIdList?.FirstOrDefault()?.Id };
    }

    public static GuestProfile ToGuest(ProfileDetails? profile)
    {
        var names = profile?.Customer?.PersonName ?? [];
        var name = names.FirstOrDefault(n => n.NameType == "Primary") ?? names.FirstOrDefault();
        var address = profile?.Addresses?.AddressInfo?.FirstOrDefault()?.Address;
        return new GuestProfile(name?.Surname ?? string.Empty)
        {
            FirstName = name?.GivenName,
            Email = profile?.Emails?.EmailInfo?.Select(e => e.Email?.EmailAddress).FirstOrDefault(e => e is not null),
            Phone = profile?.Telephones?.TelephoneInfo?.Select(t => t.Telephone?.PhoneNumber).FirstOrDefault(p => p is not null),
            Language = profile?.Customer?.Language,
            Consents = ToConsents(profile?.PrivacyInfo),
            NationalityCountryCode = profile?.Customer?.Nationality,
            Address = address?.Country?.Code is { Length: > 0 } country
                ? new PostalAddress(country)
                {
                    Line1 = address.AddressLine?.ElementAtOrDefault(0),
                    Line2 = address.AddressLine?.ElementAtOrDefault(1),
                    City = address.CityName,
                    PostalCode = address.PostalCode,
                }
                : null,
        };
    }

    /// <summary>
    /// A guest of a reservation (rsv's <c>profileType</c> has no <c>privacyInfo</c>: consents are kept on crm profiles only): the existing profile by id when it has one (with its details too when
    /// <paramref name="withDetails"/>, so a change of name reaches the reservation), else an inline new profile.
    /// </summary>
    public static GuestProfileInfo ToProfileInfo(GuestProfile guest, bool withDetails = false) =>
        guest.VendorId is { } id
            ? new GuestProfileInfo { ProfileIdList = [new UniqueId(id, ProfileIdType)], Profile = withDetails ? ToProfile(guest) with { PrivacyInfo = null } : null }
            : new GuestProfileInfo { Profile = ToProfile(guest) with { PrivacyInfo = null } };

    /// <summary>OPERA's opt-ins; <see cref="GuestConsents.ProfileRetention"/> has no OPERA counterpart and is not stored.</summary>
    public static GuestConsents ToConsents(PrivacyInfo? privacy) =>
        (privacy?.OptInEmail == true ? GuestConsents.MarketingEmail : GuestConsents.None)
        | (privacy?.OptInSms == true ? GuestConsents.MarketingSms : GuestConsents.None)
        | (privacy?.OptInMailingList == true ? GuestConsents.Newsletter : GuestConsents.None)
        | (privacy?.OptInThirdParty == true ? GuestConsents.ThirdPartySharing : GuestConsents.None);

    public static PrivacyInfo ToPrivacy(GuestConsents consents) => new()
    {
        OptInEmail = consents.HasFlag(GuestConsents.MarketingEmail),
        OptInSms = consents.HasFlag(GuestConsents.MarketingSms),
        OptInMailingList = consents.HasFlag(GuestConsents.Newsletter),
        OptInThirdParty = consents.HasFlag(GuestConsents.ThirdPartySharing),
    };

    public static ProfileDetails ToProfile(GuestProfile guest) => new()
    {
        ProfileType = "Guest",
        PrivacyInfo = ToPrivacy(guest.Consents),
        Customer = new Customer
        {
            PersonName = [new PersonName { GivenName = guest.FirstName, Surname = guest.LastName, NameType = "Primary" }],
            Language = guest.Language,
            Nationality = guest.NationalityCountryCode,
        },
        Emails = guest.Email is null ? null : new Emails([new EmailInfo(new EmailModel(guest.Email, "EMAIL"))]),
        Telephones = guest.Phone is null ? null : new Telephones([new TelephoneInfo(new Telephone(guest.Phone, "PHONE", "HOME"))]),
        Addresses = guest.Address is null ? null : new Addresses([new AddressInfo(new AddressModel
        {
            AddressLine = [.. new[] { guest.Address.Line1, guest.Address.Line2 }.OfType<string>()],
            CityName = guest.Address.City,
            PostalCode = guest.Address.PostalCode,
            Country = new CountryName(guest.Address.CountryCode),
        })]),
    };
}
