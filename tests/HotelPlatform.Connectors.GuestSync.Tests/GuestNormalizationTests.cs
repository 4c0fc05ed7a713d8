namespace HotelPlatform.Connectors.GuestSync.Tests;

public sealed class GuestNormalizationTests
{
    [Theory]
    [InlineData("+49 30 12345678", "DE")]
    [InlineData("+49-30-1234-5678", "DE")]
    [InlineData("030 12345678", "DE")]
    [InlineData("(030) 1234 5678", "DE")]
    [InlineData("0049 30 12345678", "DE")]
    [InlineData("+493012345678", "GB")]
    public void Phone_numbers_in_any_format_become_one_E164_number(string phone, string region)
    {
        Assert.True(GuestNormalization.TryNormalizePhone(phone, region, out var normalized));
        Assert.Equal("+493012345678", normalized);
    }

    [Fact]
    public void A_national_number_is_read_in_the_hotels_region()
    {
        Assert.True(GuestNormalization.TryNormalizePhone("020 7946 0018", "GB", out var london));
        Assert.Equal("+442079460018", london);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("not a phone")]
    [InlineData("+49 30")]
    public void An_invalid_phone_number_is_refused(string phone)
    {
        Assert.False(GuestNormalization.TryNormalizePhone(phone, "DE", out var normalized));
        Assert.Null(normalized);
    }

    [Fact]
    public void An_empty_phone_number_is_no_value_and_no_error()
    {
        Assert.True(GuestNormalization.TryNormalizePhone("  ", "DE", out var normalized));
        Assert.Null(normalized);
    }

    [Theory]
    [InlineData(" Ada.Lovelace@Example.COM ", "ada.lovelace@example.com")]
    [InlineData("ADA@EXAMPLE.COM", "ada@example.com")]
    public void E_mail_addresses_lose_case_and_surrounding_whitespace(string email, string expected)
    {
        Assert.True(GuestNormalization.TryNormalizeEmail(email, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Fact]
    public void Gmail_dots_and_plus_tags_are_kept_because_they_may_be_different_people()
    {
        Assert.True(GuestNormalization.TryNormalizeEmail("ada.lovelace+hotel@gmail.com", out var tagged));
        Assert.True(GuestNormalization.TryNormalizeEmail("adalovelace@gmail.com", out var plain));
        Assert.Equal("ada.lovelace+hotel@gmail.com", tagged);
        Assert.NotEqual(tagged, plain);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("ada@localhost")]
    [InlineData("Ada <ada@example.com>")]
    [InlineData("ada lovelace@example.com")]
    public void An_invalid_e_mail_address_is_refused(string email)
    {
        Assert.False(GuestNormalization.TryNormalizeEmail(email, out var normalized));
        Assert.Null(normalized);
    }

    [Theory]
    [InlineData("Müller", "muller")]
    [InlineData("  MÜLLER  ", "muller")]
    [InlineData("José  María", "jose maria")]
    [InlineData("", "")]
    public void Names_compare_without_case_diacritics_or_extra_whitespace(string name, string expected) =>
        Assert.Equal(expected, GuestNormalization.NormalizeName(name));

    [Theory]
    [InlineData("Müller", "Anna", "MULLER", "anna", true)]
    [InlineData("Müller", "Anna", "Müller", null, true)]
    [InlineData("Müller", "A.", "Müller", "Anna", true)]
    [InlineData("Müller", "Anna", "Müller", "Jonas", false)]
    [InlineData("Müller", "Anna", "Schmidt", "Anna", false)]
    [InlineData("Müller", "Anna", "Mueller", "Anna", false)]
    public void Names_are_compatible_only_with_equal_last_names_and_agreeing_first_names(string lastA, string? firstA, string lastB, string? firstB, bool compatible) =>
        Assert.Equal(compatible, GuestNormalization.NamesCompatible(lastA, firstA, lastB, firstB));
}
