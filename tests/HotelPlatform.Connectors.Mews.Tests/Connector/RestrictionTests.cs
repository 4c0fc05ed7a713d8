using HotelPlatform.Connectors.Mews.Mapping;
using HotelPlatform.Connectors.Mews.Wire;
using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.Mews;

namespace HotelPlatform.Connectors.Mews.Tests.Connector;

/// <summary>Mews restrictions (restrictions/getAll) in the availability grid, in quotes and at booking.</summary>
public sealed class RestrictionTests : MewsHarness
{
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;

    [Fact]
    public async Task The_seeded_minimum_stay_shows_on_its_night_only_and_for_the_double_only()
    {
        var night = Seeded.RestrictedArrival;

        var grid = await Connector.GetAvailabilityAsync(new AvailabilityRequest(night.AddDays(-1), night.AddDays(2)), Ct);

        var doubles = grid.RoomTypes.Single(r => r.RoomTypeId == Seeded.DoubleCategoryId).Nights;
        Assert.Equal([null, Seeded.RestrictedMinStay, null], doubles.Select(n => n.Restrictions.MinStay));
        Assert.All(grid.RoomTypes.Where(r => r.RoomTypeId != Seeded.DoubleCategoryId).SelectMany(r => r.Nights), n => Assert.False(n.Restrictions.IsRestricted));
        var asked = Requests("restrictions/getAll").Last().ReadBodyAsJson()!;
        Assert.Null(asked["RateIds"]);
        Assert.NotNull(asked["CollidingUtc"]);
    }

    [Fact]
    public async Task A_stay_shorter_than_the_minimum_is_offered_on_no_rate_and_refused_at_booking()
    {
        var arrival = Seeded.RestrictedArrival;

        var shortStay = await Connector.QuoteAsync(new QuoteRequest(arrival, arrival.AddDays(Seeded.RestrictedMinStay - 1), 1), Ct);
        var longEnough = await Connector.QuoteAsync(new QuoteRequest(arrival, arrival.AddDays(Seeded.RestrictedMinStay), 1), Ct);
        var refused = await Assert.ThrowsAsync<PmsConflictException>(() => Connector.CreateReservationAsync(Draft(arrival, nights: Seeded.RestrictedMinStay - 1), Ct));

        Assert.DoesNotContain(shortStay, q => q.RoomTypeId == Seeded.DoubleCategoryId);
        Assert.Contains(shortStay, q => q.RoomTypeId == Seeded.SingleCategoryId);
        Assert.Equal(new[] { Seeded.FlexibleRateId, Seeded.NonRefundableRateId }.Order(StringComparer.Ordinal), longEnough.Where(q => q.RoomTypeId == Seeded.DoubleCategoryId).Select(q => q.RatePlanId).Order(StringComparer.Ordinal));
        Assert.Equal(PmsConflictReason.NoAvailability, refused.Reason);
        Assert.All(Requests("restrictions/getAll").Select(r => r.ReadBodyAsJson()!).Where(b => b["RateIds"] is not null), b => Assert.Single(b["RateIds"]!.AsArray()));
    }

    [Fact]
    public async Task Availability_fails_as_unavailable_when_the_restrictions_cannot_be_read()
    {
        Simulator.Faults.Enqueue(SimulatedFault.ServerError(503), "POST", MewsSimulator.ApiPrefix + "restrictions/getAll", times: null);

        await Assert.ThrowsAnyAsync<PmsUnavailableException>(() => Connector.GetAvailabilityAsync(new AvailabilityRequest(Seeded.RestrictedArrival, Seeded.RestrictedArrival.AddDays(1)), Ct));
    }

    [Theory]
    [InlineData("Start", null, false, true, false, false)]
    [InlineData("Stay", null, true, false, false, false)]
    [InlineData("End", null, false, false, true, false)]
    [InlineData("Stay", "P0M2DT0H0M0S", false, false, false, true)]
    public void Each_restriction_type_maps_to_its_stay_restriction(string type, string? minLength, bool closed, bool closedToArrival, bool closedToDeparture, bool minStay)
    {
        var day = new DateOnly(2026, 5, 4);
        var restriction = new RestrictionModel("r", "s", new RestrictionConditions(type) { StartUtc = Midnight(day), EndUtc = Midnight(day) })
        {
            Exceptions = minLength is null ? null : new RestrictionExceptions { MinLength = minLength },
        };

        var mapped = MewsRestrictions.ForNight([restriction], day, Setup());

        Assert.Equal((closed, closedToArrival, closedToDeparture, minStay ? 2 : (int?)null), (mapped.Closed, mapped.ClosedToArrival, mapped.ClosedToDeparture, mapped.MinStay));
        Assert.False(MewsRestrictions.ForNight([restriction], day.AddDays(1), Setup()).IsRestricted);
    }

    [Fact]
    public void A_restriction_for_other_weekdays_or_lifted_by_an_advance_exception_is_not_shown()
    {
        var monday = new DateOnly(2026, 5, 4);
        var weekends = new RestrictionModel("r", "s", new RestrictionConditions("Stay") { Days = ["Saturday", "Sunday"] });
        var byAdvance = new RestrictionModel("r", "s", new RestrictionConditions("Stay")) { Exceptions = new RestrictionExceptions { MinAdvance = "P0M1DT0H0M0S" } };

        Assert.False(MewsRestrictions.ForNight([weekends, byAdvance], monday, Setup()).IsRestricted);
        Assert.True(MewsRestrictions.ForNight([weekends], monday.AddDays(-1), Setup()).Closed);
        Assert.False(MewsRestrictions.Forbids([byAdvance], monday, monday.AddDays(1), Setup()));
    }

    [Fact]
    public void A_maximum_length_forbids_longer_stays_only()
    {
        var day = new DateOnly(2026, 5, 4);
        var restriction = new RestrictionModel("r", "s", new RestrictionConditions("Start") { StartUtc = Midnight(day), EndUtc = Midnight(day) }) { Exceptions = new RestrictionExceptions { MaxLength = "P0M3DT0H0M0S" } };

        Assert.Equal(3, MewsRestrictions.ForNight([restriction], day, Setup()).MaxStay);
        Assert.False(MewsRestrictions.Forbids([restriction], day, day.AddDays(3), Setup()));
        Assert.True(MewsRestrictions.Forbids([restriction], day, day.AddDays(4), Setup()));
        Assert.False(MewsRestrictions.Forbids([restriction], day.AddDays(1), day.AddDays(6), Setup()));
    }

    private static DateTimeOffset Midnight(DateOnly day) => MewsTime.ToUtc(day, Utc);

    private static MewsSetup Setup() => new(new PmsProperty("e", "Hotel", "UTC", "EUR"), Utc, "s", TimeSpan.FromHours(15), TimeSpan.FromHours(12), []);
}
