using HotelPlatform.Connectors.Apaleo.Mapping;
using HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;

namespace HotelPlatform.Connectors.Apaleo.Tests.Mapping;

/// <summary>ReservationQuery → dateFilter/from/to/status, paging, and exact external-code matches.</summary>
public sealed class ReservationQueryTests
{
    private static readonly DateOnly Today = new(2025, 3, 10);
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);

    [Fact]
    public void Todays_arrivals_are_the_property_local_day_from_midnight_to_midnight_without_cancellations()
    {
        var filter = ApaleoReservationQueryMapper.ToListFilter(ReservationQuery.ArrivalsToday(), Today, Zones.Berlin);

        Assert.Equal("Arrival", filter.DateFilter);
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 0, 0, 0, Cet), filter.From);
        Assert.Equal(new DateTimeOffset(2025, 3, 11, 0, 0, 0, Cet), filter.To);
        Assert.Equal(["Confirmed", "InHouse", "CheckedOut", "NoShow"], filter.Statuses!);
    }

    [Fact]
    public void A_day_that_changes_to_summer_time_ends_at_the_summer_offset()
    {
        var filter = ApaleoReservationQueryMapper.ToListFilter(ReservationQuery.Departures(new DateOnly(2025, 3, 30)), Today, Zones.Berlin);

        Assert.Equal("Departure", filter.DateFilter);
        Assert.Equal(new DateTimeOffset(2025, 3, 30, 0, 0, 0, Cet), filter.From);
        Assert.Equal(new DateTimeOffset(2025, 3, 31, 0, 0, 0, TimeSpan.FromHours(2)), filter.To);
        Assert.Equal(TimeSpan.FromHours(23), filter.To - filter.From);
    }

    [Fact]
    public void In_house_guests_are_the_stays_overlapping_the_last_second_before_the_next_midnight()
    {
        var filter = ApaleoReservationQueryMapper.ToListFilter(ReservationQuery.InHouse(Today), Today, Zones.Berlin);

        Assert.Equal("Stay", filter.DateFilter);
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 23, 59, 59, Cet), filter.From);
        Assert.Equal(new DateTimeOffset(2025, 3, 11, 0, 0, 0, Cet), filter.To);
        Assert.Equal(["Confirmed", "InHouse", "CheckedOut"], filter.Statuses!);
    }

    [Fact]
    public void Changed_since_filters_by_modification_from_the_instant_and_includes_cancellations()
    {
        var since = new DateTimeOffset(2025, 3, 9, 12, 0, 0, TimeSpan.Zero);

        var filter = ApaleoReservationQueryMapper.ToListFilter(ReservationQuery.ChangedSince(since), Today, Zones.Berlin);

        Assert.Equal(("Modification", since, (DateTimeOffset?)null), (filter.DateFilter, filter.From!.Value, filter.To));
        Assert.Null(filter.Statuses);
    }

    [Fact]
    public void Arrivals_including_cancellations_send_no_status_filter()
    {
        var filter = ApaleoReservationQueryMapper.ToListFilter(ReservationQuery.Arrivals(Today) with { IncludeCancelled = true }, Today, Zones.Berlin);

        Assert.Null(filter.Statuses);
    }

    [Theory]
    [InlineData(null, 100)]
    [InlineData(500, 200)]
    [InlineData(0, 1)]
    [InlineData(50, 50)]
    public void The_page_size_is_the_callers_within_apaleos_limit(int? requested, int expected)
    {
        Assert.Equal(expected, ApaleoReservationQueryMapper.ToPageSize(requested));
    }

    [Theory]
    [InlineData(0, 100, false)]
    [InlineData(37, 100, false)]
    [InlineData(100, 100, true)]
    public void Paging_stops_at_a_204_or_a_short_page(int items, int pageSize, bool expected)
    {
        Assert.Equal(expected, ApaleoReservationQueryMapper.HasNextPage(items, pageSize));
    }

    [Fact]
    public void The_prefix_matching_external_code_filter_is_narrowed_to_exact_matches()
    {
        var sample = RequestSamples.CurrentReservation();
        var hits = new[]
        {
            sample with { Id = "A-1", ExternalCode = "voice-7Q2K" },
            sample with { Id = "A-2", ExternalCode = "voice-7Q2K-2" },
            sample with { Id = "A-3", ExternalCode = "VOICE-7q2k " },
            sample with { Id = "A-4", ExternalCode = null },
        };

        Assert.Equal(["A-1", "A-3"], ApaleoReservationQueryMapper.WithExternalCode(hits, "voice-7Q2K").Select(r => r.Id));
    }
}
