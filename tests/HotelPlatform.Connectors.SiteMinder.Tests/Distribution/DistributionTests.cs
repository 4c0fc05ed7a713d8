using System.Xml.Linq;
using HotelPlatform.Connectors.SiteMinder.Distribution;
using HotelPlatform.Connectors.SiteMinder.Tests.Infrastructure;

namespace HotelPlatform.Connectors.SiteMinder.Tests.Distribution;

/// <summary>ARI pushes: deltas, ranges, separate availability and restriction requests, 2 MB parts, one request in flight.</summary>
public sealed class DistributionTests
{
    private static readonly XNamespace Ota = "http://www.opentravel.org/OTA/2003/05";
    private static readonly DateOnly Day = new(2026, 4, 1);

    private static CancellationToken Ct => SiteMinderHarness.Ct;

    [Fact]
    public async Task Equal_consecutive_nights_are_sent_as_one_range_and_unchanged_nights_are_not_sent_again()
    {
        await using var harness = await SiteMinderHarness.StartAsync();
        var week = Enumerable.Range(0, 7).Select(i => new SiteMinderAvailability("DBL", Day.AddDays(i), i < 4 ? 5 : 3)).ToList();

        var first = await harness.Distribution.PushAvailabilityAsync(week, Ct);
        var again = await harness.Distribution.PushAvailabilityAsync(week, Ct);
        var changed = await harness.Distribution.PushAvailabilityAsync([.. week.Take(6), week[6] with { BookingLimit = 0 }], Ct);

        Assert.Equal((1, 2), (first.Messages, first.Ranges));
        Assert.Equal((0, 0), (again.Messages, again.Ranges));
        Assert.Empty(first.Warnings);
        Assert.Equal(1, changed.Ranges);
        var pushes = harness.Simulator.AriPushes.Snapshot();
        Assert.Equal(2, pushes.Count);
        var ranges = pushes[0].Message.Descendants(Ota + "AvailStatusMessage").Select(Describe).ToList();
        Assert.Equal(["DBL 2026-04-01..2026-04-04 = 5", "DBL 2026-04-05..2026-04-07 = 3"], ranges);
        Assert.Equal(["DBL 2026-04-07..2026-04-07 = 0"], pushes[1].Message.Descendants(Ota + "AvailStatusMessage").Select(Describe));
        Assert.Empty(harness.Simulator.ValidationFailures);
    }

    [Fact]
    public async Task Restrictions_go_in_their_own_request_one_message_per_kind()
    {
        await using var harness = await SiteMinderHarness.StartAsync();
        await harness.Distribution.PushAvailabilityAsync([new SiteMinderAvailability("DBL", Day, 4)], Ct);

        var result = await harness.Distribution.PushRestrictionsAsync(
            [
                new SiteMinderRestriction("DBL", "BAR", Day) { Closed = false, ClosedToArrival = true, ClosedToDeparture = false, MinStay = 2, MaxStay = 14 },
                new SiteMinderRestriction("DBL", "BAR", Day.AddDays(1)) { Closed = false, ClosedToArrival = true, ClosedToDeparture = false, MinStay = 3, MaxStay = 14 },
            ],
            Ct);

        Assert.Equal(1, result.Messages);
        var push = harness.Simulator.AriPushes.Snapshot()[^1];
        var messages = push.Message.Descendants(Ota + "AvailStatusMessage").ToList();
        Assert.All(messages, m => Assert.Null(m.Attribute("BookingLimit")));
        Assert.Equal(6, messages.Count);
        Assert.Contains(messages, m => m.Element(Ota + "RestrictionStatus") is { } s && (string?)s.Attribute("Restriction") == "Arrival" && (string?)s.Attribute("Status") == "Close");
        Assert.Contains(messages, m => m.Element(Ota + "RestrictionStatus") is { } s && s.Attribute("Restriction") is null && (string?)s.Attribute("Status") == "Open");
        Assert.Equal(2, messages.Count(m => (string?)m.Descendants(Ota + "LengthOfStay").SingleOrDefault()?.Attribute("MinMaxMessageType") == "SetMinLOS"));
        Assert.All(messages, m => Assert.Equal("BAR", (string?)m.Element(Ota + "StatusApplicationControl")!.Attribute("RatePlanCode")));
        Assert.Empty(harness.Simulator.ValidationFailures);
    }

    [Fact]
    public async Task Rates_carry_their_currency_and_an_amount_per_number_of_adults()
    {
        await using var harness = await SiteMinderHarness.StartAsync();

        await harness.Distribution.PushRatesAsync(
            [new SiteMinderRate("DBL", "BAR", Day, "AUD", new Dictionary<int, decimal> { [2] = 180m, [1] = 160.5m })],
            Ct);

        var rate = Assert.Single(harness.Simulator.AriPushes.Snapshot()).Message.Descendants(Ota + "Rate").Single();
        Assert.Equal("AUD", (string?)rate.Attribute("CurrencyCode"));
        Assert.Equal(
            ["1:160.50", "2:180.00"],
            rate.Descendants(Ota + "BaseByGuestAmt").Select(a => $"{(string?)a.Attribute("NumberOfGuests")}:{(string?)a.Attribute("AmountAfterTax")}"));
        Assert.Empty(harness.Simulator.ValidationFailures);
    }

    [Fact]
    public async Task A_rate_without_a_known_currency_is_refused_before_anything_is_sent()
    {
        await using var harness = await SiteMinderHarness.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Distribution.PushRatesAsync([new SiteMinderRate("DBL", "BAR", Day, "XYZ", new Dictionary<int, decimal> { [1] = 1m })], Ct));

        Assert.Empty(harness.Simulator.Requests);
    }

    /// <summary>Done when: an ARI update larger than 2 MB is split and every part arrives.</summary>
    [Fact]
    public async Task An_update_larger_than_2_MB_is_split_into_parts_within_the_limit_and_every_part_arrives()
    {
        await using var harness = await SiteMinderHarness.StartAsync();

        // Alternating values never bundle: 3 room types x 9,000 nights is about 5 MB of AvailStatusMessages.
        var update = new[] { "DBL", "TWN", "STE" }
            .SelectMany(room => Enumerable.Range(0, 9000).Select(i => new SiteMinderAvailability(room, Day.AddDays(i), (i % 2) + 1)))
            .ToList();

        var result = await harness.Distribution.PushAvailabilityAsync(update, Ct);

        var pushes = harness.Simulator.AriPushes.Snapshot();
        Assert.True(result.Messages >= 3, $"{result.Messages} messages");
        Assert.Equal(result.Messages, pushes.Count);
        Assert.All(pushes, p => Assert.InRange(p.EnvelopeBytes, 1, 2 * 1024 * 1024));
        var arrived = pushes
            .SelectMany(p => p.Message.Descendants(Ota + "AvailStatusMessage"))
            .Select(m => (Room: (string)m.Element(Ota + "StatusApplicationControl")!.Attribute("InvTypeCode")!, Date: DateOnly.Parse((string)m.Element(Ota + "StatusApplicationControl")!.Attribute("Start")!, System.Globalization.CultureInfo.InvariantCulture), Limit: (int)m.Attribute("BookingLimit")!))
            .ToList();
        Assert.Equal(update.Count, arrived.Count);
        Assert.Equal(update.Select(u => (u.RoomTypeCode, u.Date, u.BookingLimit)).Order(), arrived.Select(a => (a.Room, a.Date, a.Limit)).Order());
        Assert.Equal(1, harness.Simulator.MaxConcurrentRequests);
        Assert.Empty(harness.Simulator.ValidationFailures);
    }

    [Fact]
    public async Task Concurrent_pushes_for_one_hotel_reach_siteminder_one_at_a_time()
    {
        await using var harness = await SiteMinderHarness.StartAsync();
        var pushes = Enumerable.Range(0, 8).Select(i => harness.Distribution.PushAvailabilityAsync([new SiteMinderAvailability("DBL", Day.AddDays(i * 10), i)], Ct)).ToList();

        await Task.WhenAll(pushes);

        Assert.Equal(8, harness.Simulator.AriPushes.Count);
        Assert.Equal(1, harness.Simulator.MaxConcurrentRequests);
    }

    [Fact]
    public async Task A_part_refused_by_siteminder_throws_and_the_same_push_again_sends_only_what_is_left()
    {
        await using var harness = await SiteMinderHarness.StartAsync();
        var distribution = (SiteMinderDistribution)harness.Distribution;
        await distribution.PushAvailabilityAsync([new SiteMinderAvailability("DBL", Day, 1)], Ct);

        var error = await Assert.ThrowsAsync<PmsValidationException>(() => distribution.PushAvailabilityAsync([new SiteMinderAvailability("DBL", Day, 2), new SiteMinderAvailability("XXX", Day, 2)], Ct));
        Assert.Equal("402", error.VendorErrorCode);
        await distribution.PushAvailabilityAsync([new SiteMinderAvailability("DBL", Day, 2)], Ct);

        Assert.Equal(2, harness.Simulator.AriPushes.Count);
        Assert.Equal("2", (string?)harness.Simulator.AriPushes.Snapshot()[^1].Message.Descendants(Ota + "AvailStatusMessage").Single().Attribute("BookingLimit"));
    }

    [Fact]
    public async Task Forgetting_what_was_sent_makes_the_next_push_a_full_load()
    {
        await using var harness = await SiteMinderHarness.StartAsync();
        SiteMinderAvailability[] night = [new("DBL", Day, 1)];
        await harness.Distribution.PushAvailabilityAsync(night, Ct);

        harness.Distribution.ForgetSent();
        var again = await harness.Distribution.PushAvailabilityAsync(night, Ct);

        Assert.Equal(1, again.Messages);
        Assert.Equal(2, harness.Simulator.AriPushes.Count);
    }

    private static string Describe(XElement message)
    {
        var control = message.Element(Ota + "StatusApplicationControl")!;
        return $"{(string?)control.Attribute("InvTypeCode")} {(string?)control.Attribute("Start")}..{(string?)control.Attribute("End")} = {(string?)message.Attribute("BookingLimit")}";
    }
}
