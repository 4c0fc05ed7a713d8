namespace HotelPlatform.Connectors.Opera.Tests.Connector;

/// <summary>Quotes over par's limits: stays longer than 90 nights in windows, answers in pages followed by <c>pagePointerKey</c>.</summary>
public sealed class QuoteWindowTests
{
    private static readonly DateOnly Arrival = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);

    [Fact]
    public async Task A_stay_of_100_nights_is_quoted_in_two_windows_of_at_most_90_nights_with_totals_and_nights_added_up()
    {
        await using var host = await OperaTestHost.StartAsync(["LDN01"]);

        var quotes = await host["LDN01"].QuoteAsync(new QuoteRequest(Arrival, Arrival.AddDays(100), 1) { RoomTypeIds = ["KING"] }, TestContext.Current.CancellationToken);

        var bar = quotes.Single(q => q.RatePlanId == "BAR");
        Assert.Equal(new Money(15_000m, "GBP"), bar.Total);
        Assert.Equal(Enumerable.Range(0, 100).Select(Arrival.AddDays), bar.Nights.Select(n => n.Date));
        Assert.Equal(["BAR", "NONREF"], quotes.Select(q => q.RatePlanId).Order());
        var windows = host.Simulator.Requests.Where(r => r.Path == "/par/v1/hotels/LDN01/availability").Select(r => (r.GetQueryValue("roomStayStartDate"), r.GetQueryValue("roomStayEndDate"))).Distinct().ToList();
        Assert.Equal([(Iso(Arrival), Iso(Arrival.AddDays(90))), (Iso(Arrival.AddDays(90)), Iso(Arrival.AddDays(100)))], windows);
    }

    [Fact]
    public async Task A_room_rate_missing_from_one_window_is_not_quoted_for_the_whole_stay()
    {
        await using var host = await OperaTestHost.StartAsync(["LDN01"]);
        host.Simulator.SetRestriction("LDN01", Arrival.AddDays(95), Arrival.AddDays(95), "Closed", roomType: "TWIN", ratePlanCode: "NONREF");

        var quotes = await host["LDN01"].QuoteAsync(new QuoteRequest(Arrival, Arrival.AddDays(100), 1), TestContext.Current.CancellationToken);

        Assert.DoesNotContain(quotes, q => q.RoomTypeId == "TWIN" && q.RatePlanId == "NONREF");
        Assert.Contains(quotes, q => q.RoomTypeId == "TWIN" && q.RatePlanId == "BAR");
        Assert.Equal(6 - 1, quotes.Count);
    }

    [Fact]
    public async Task An_answer_in_pages_is_followed_by_its_paging_key_until_OHIP_says_there_is_no_more()
    {
        await using var host = await OperaTestHost.StartAsync(["LDN01"], configure: o => o.AvailabilityPageSize = 4);

        var quotes = await host["LDN01"].QuoteAsync(new QuoteRequest(Arrival, Arrival.AddDays(2), 1), TestContext.Current.CancellationToken);

        Assert.Equal(6, quotes.Count);
        Assert.Equal(6, quotes.Select(q => (q.RoomTypeId, q.RatePlanId)).Distinct().Count());
        var pages = host.Simulator.Requests.Where(r => r.Path == "/par/v1/hotels/LDN01/availability").Select(r => r.GetQueryValue("pagePointerKey")).ToList();
        Assert.Equal([null, "TWIN,NONREF"], pages);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
