using HotelPlatform.Connectors.Apaleo.Mapping;
using HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;
using HotelPlatform.Connectors.Apaleo.Wire;

namespace HotelPlatform.Connectors.Apaleo.Tests.Mapping;

/// <summary>The rates a push sends, from Apaleo's current rates (shape of the current rateplan-v1 <c>RateListModel</c>, not among the saved specs).</summary>
public sealed class RateMappingTests
{
    private static readonly DateOnly Night = new(2026, 9, 29);

    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void Restrictions_set_on_a_rate_that_had_none_start_open_and_keep_its_slice_and_a_later_value_wins()
    {
        var current = Rates("""{ "rates": [ { "from": "2026-09-29T17:00:00+02:00", "to": "2026-09-30T11:00:00+02:00" } ], "count": 1 }""");
        var changes = ApaleoRateMapper.ByRatePlan(new PmsRatesAndAvailabilityUpdate
        {
            Restrictions =
            [
                new PmsRestrictionValue("MUC-DBL", "MUC-FLEX-DBL", Night) { MinStay = 2, Closed = true },
                new PmsRestrictionValue("MUC-DBL", "MUC-FLEX-DBL", Night) { Closed = false },
            ],
        });

        var rate = Assert.Single(ApaleoRateMapper.ToReplacements("MUC-FLEX-DBL", changes["MUC-FLEX-DBL"], current));

        Assert.Equal(new DateTimeOffset(2026, 9, 29, 17, 0, 0, TimeSpan.FromHours(2)), rate.From);
        Assert.Equal(new DateTimeOffset(2026, 9, 30, 11, 0, 0, TimeSpan.FromHours(2)), rate.To);
        Assert.Null(rate.Price);
        Assert.Equal(new RateRestrictionsModel { MinLengthOfStay = 2 }, rate.Restrictions);
    }

    [Fact]
    public void A_price_keeps_the_restrictions_Apaleo_has_and_an_unchanged_night_is_left_out()
    {
        var current = Rates(
            """
            { "rates": [
              { "from": "2026-09-29T17:00:00+02:00", "to": "2026-09-30T11:00:00+02:00", "price": { "amount": 123.0, "currency": "EUR" },
                "restrictions": { "minLengthOfStay": 2, "maxLengthOfStay": 30, "closed": false, "closedOnArrival": true, "closedOnDeparture": true } },
              { "from": "2026-09-30T17:00:00+02:00", "to": "2026-10-01T11:00:00+02:00", "price": { "amount": 90.0, "currency": "EUR" } } ], "count": 2 }
            """);
        var changes = ApaleoRateMapper.ByRatePlan(new PmsRatesAndAvailabilityUpdate
        {
            Rates =
            [
                new PmsRateValue("MUC-DBL", "MUC-FLEX-DBL", Night, "EUR", new Dictionary<int, decimal> { [1] = 130m }),
                new PmsRateValue("MUC-DBL", "MUC-FLEX-DBL", Night.AddDays(1), "EUR", new Dictionary<int, decimal> { [1] = 90.00m }),
            ],
        });

        var rate = Assert.Single(ApaleoRateMapper.ToReplacements("MUC-FLEX-DBL", changes["MUC-FLEX-DBL"], current));

        Assert.Equal(new MonetaryValueModel(130m, "EUR"), rate.Price);
        Assert.Equal(new RateRestrictionsModel { MinLengthOfStay = 2, MaxLengthOfStay = 30, ClosedOnArrival = true, ClosedOnDeparture = true }, rate.Restrictions);
    }

    [Fact]
    public void A_night_Apaleo_has_no_rate_for_is_refused_naming_the_plan_and_the_night()
    {
        var changes = ApaleoRateMapper.ByRatePlan(new PmsRatesAndAvailabilityUpdate
        {
            Restrictions = [new PmsRestrictionValue("MUC-DBL", "MUC-FLEX-DBL", Night) { Closed = true }],
        });

        var refused = Assert.Throws<PmsValidationException>(() => ApaleoRateMapper.ToReplacements("MUC-FLEX-DBL", changes["MUC-FLEX-DBL"], new Dictionary<DateOnly, RateItemModel>()));

        Assert.Contains("MUC-FLEX-DBL", refused.Message, StringComparison.Ordinal);
        Assert.Contains("2026-09-29", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rate_with_no_amount_for_one_adult_is_refused_as_not_supported()
    {
        var update = new PmsRatesAndAvailabilityUpdate
        {
            Rates = [new PmsRateValue("MUC-DBL", "MUC-FLEX-DBL", Night, "EUR", new Dictionary<int, decimal> { [2] = 140m })],
        };

        var refused = Assert.Throws<PmsNotSupportedException>(() => ApaleoRateMapper.EnsureExpressible(update));

        Assert.Contains("2 adults", refused.Message, StringComparison.Ordinal);
        Assert.Equal(IPmsRatesAndAvailabilityPush.FeatureName, refused.Feature);
    }

    [Fact]
    public void A_rate_is_for_the_property_local_date_its_start_falls_on_even_when_written_in_UTC()
    {
        var rate = new RateItemModel { From = new DateTimeOffset(2026, 9, 29, 22, 30, 0, TimeSpan.Zero), To = new DateTimeOffset(2026, 9, 30, 9, 0, 0, TimeSpan.Zero) };

        Assert.Equal(Night.AddDays(1), ApaleoRateMapper.NightOf(rate, Berlin));
        Assert.Equal(Night, ApaleoRateMapper.NightOf(rate with { From = new DateTimeOffset(2026, 9, 29, 15, 0, 0, TimeSpan.Zero) }, Berlin));
    }

    private static Dictionary<DateOnly, RateItemModel> Rates(string json) =>
        Json.Read(json, Json.Context.RateListModel).Rates.ToDictionary(r => ApaleoRateMapper.NightOf(r, Berlin));
}
