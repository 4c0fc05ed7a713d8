using HotelPlatform.Connectors.Apaleo.Mapping;
using HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;
using HotelPlatform.Connectors.Apaleo.Wire;

namespace HotelPlatform.Connectors.Apaleo.Tests.Mapping;

/// <summary>GuestModel ↔ GuestProfile and guest search over reservations.</summary>
public sealed class GuestMappingTests
{
    [Fact]
    public void A_guest_maps_to_a_profile_without_an_id_and_blank_members_become_null()
    {
        var profile = ApaleoGuestMapper.ToGuestProfile(new GuestModel
        {
            LastName = "Doe",
            FirstName = " ",
            Email = "jon@example.com",
            PreferredLanguage = "en",
            NationalityCountryCode = "GB",
            Address = new PersonAddressModel { AddressLine1 = "My Street 1", City = "MyCity" },
        });

        Assert.Null(profile.VendorId);
        Assert.Null(profile.FirstName);
        Assert.Equal(("jon@example.com", "en", "GB"), (profile.Email, profile.Language, profile.NationalityCountryCode));
        Assert.Null(profile.Address); // an address without a country cannot be a PostalAddress
        Assert.Equal(GuestConsents.None, profile.Consents);
    }

    [Fact]
    public void A_new_guest_carries_only_what_the_profile_sets()
    {
        Json.AssertEquivalent(
            """{"lastName":"Doe","phone":"+4930123"}""",
            Json.Write(ApaleoGuestMapper.ToGuestModel(new GuestProfile("Doe") { Phone = "+4930123" }), Json.Context.GuestModel));
    }

    [Theory]
    [InlineData("erika@example.com", "Musterfrau", null, "erika@example.com")]
    [InlineData(null, "Musterfrau", null, "Musterfrau")]
    [InlineData(null, null, "+49 89 1234567", null)]
    public void The_text_search_uses_the_email_else_the_last_name_and_never_a_phone(string? email, string? lastName, string? phone, string? expected)
    {
        Assert.Equal(expected, ApaleoGuestMapper.ToTextSearch(new GuestSearch { Email = email, LastName = lastName, Phone = phone }));
    }

    [Fact]
    public void Search_results_are_exact_matches_among_primary_guests_and_bookers_without_duplicates()
    {
        var sample = RequestSamples.CurrentReservation();
        GuestModel Guest(string first, string last, string? email, string? phone = null) => new() { FirstName = first, LastName = last, Email = email, Phone = phone };
        var reservations = new[]
        {
            sample with { PrimaryGuest = Guest("Erika", "Musterfrau", "erika@example.com", "+49 (89) 1234-567") },
            sample with { PrimaryGuest = Guest("Erika", "MUSTERFRAU", "ERIKA@example.com"), Booker = Guest("Max", "Musterfrau", "max@example.com") },
            sample with { PrimaryGuest = Guest("Erik", "Mustermann", "erik@example.com") }, // "contains" hit that is no match
        };

        var byLastName = ApaleoGuestMapper.ToSearchResults(reservations, new GuestSearch { LastName = "musterfrau" });
        var byPhone = ApaleoGuestMapper.ToSearchResults(reservations, new GuestSearch { LastName = "Musterfrau", Phone = "+49891234567" });
        var limited = ApaleoGuestMapper.ToSearchResults(reservations, new GuestSearch { LastName = "Musterfrau", MaxResults = 1 });

        Assert.Equal(["erika@example.com", "max@example.com"], byLastName.Select(g => g.Email));
        Assert.Equal("erika@example.com", Assert.Single(byPhone).Email);
        Assert.Single(limited);
    }
}
