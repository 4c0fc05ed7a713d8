namespace HotelPlatform.Connectors.Tests;

public sealed class RatesAndAvailabilityUpdateTests
{
    private static readonly DateOnly Night = new(2027, 3, 1);

    [Fact]
    public void Parts_names_the_lists_that_hold_values()
    {
        Assert.Equal(PmsPushParts.None, new PmsRatesAndAvailabilityUpdate().Parts);
        Assert.Equal(
            PmsPushParts.Availability | PmsPushParts.Rates,
            new PmsRatesAndAvailabilityUpdate { Availability = [new("DBL", Night, 3)], Rates = [new("DBL", "BAR", Night, "EUR", new Dictionary<int, decimal> { [2] = 120m })] }.Parts);
    }

    [Fact]
    public void A_part_the_vendor_cannot_take_is_refused_naming_it_and_what_it_takes()
    {
        var update = new PmsRatesAndAvailabilityUpdate { Availability = [new("DBL", Night, 3)], Restrictions = [new("DBL", "BAR", Night) { MinStay = 2 }] };

        var refused = Assert.Throws<PmsNotSupportedException>(() => update.EnsureOnly(PmsPushParts.Restrictions | PmsPushParts.Rates, "cloudbeds"));

        Assert.Equal(IPmsRatesAndAvailabilityPush.FeatureName, refused.Feature);
        Assert.Equal("cloudbeds cannot take Availability in a rate and availability push (it takes Restrictions, Rates); push those values another way or leave them out.", refused.Message);
    }

    [Fact]
    public void Parts_the_vendor_takes_and_an_empty_update_pass()
    {
        var update = new PmsRatesAndAvailabilityUpdate { Restrictions = [new("DBL", "BAR", Night) { Closed = true }] };

        update.EnsureOnly(PmsPushParts.Restrictions, "mews");
        new PmsRatesAndAvailabilityUpdate().EnsureOnly(PmsPushParts.None, "mews");
    }
}
