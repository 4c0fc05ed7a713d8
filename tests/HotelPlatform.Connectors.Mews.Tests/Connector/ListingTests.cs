using System.Text.Json.Nodes;

namespace HotelPlatform.Connectors.Mews.Tests.Connector;

/// <summary>Cursor paging and the 3-month window split of reservations/getAll/2023-06-06.</summary>
public sealed class ListingTests : MewsHarness
{
    [Fact]
    public async Task Arrivals_over_four_cursor_pages_list_every_reservation_exactly_once()
    {
        var night = Seeded.Today.AddDays(40);
        var booked = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            booked.Add((await Connector.CreateReservationAsync(Draft(night, lastName: $"Guest{i}"), Ct)).VendorId);
        }

        var before = Requests("reservations/getAll/2023-06-06").Count;
        var listed = await ToListAsync(Connector.GetReservationsAsync(ReservationQuery.Arrivals(night) with { PageSize = 2 }, Ct));

        Assert.Equal(booked.Order(), listed.Select(r => r.VendorId).Order());
        var pages = Requests("reservations/getAll/2023-06-06").Skip(before).Select(r => r.ReadBodyAsJson()!).Where(b => b["ScheduledStartUtc"] is not null).ToList();
        Assert.True(pages.Count >= 4, $"The 7 arrivals came in {pages.Count} page(s) of 2.");
        Assert.All(pages, p => Assert.Equal(2, (int)p["Limitation"]!["Count"]!));
        Assert.Null(pages[0]["Limitation"]!["Cursor"]);
        var cursors = pages.Skip(1).Select(p => (string?)p["Limitation"]!["Cursor"]).ToList();
        Assert.All(cursors, Assert.NotNull);
        Assert.Equal(cursors.Count, cursors.Distinct().Count());
    }

    [Fact]
    public async Task A_seven_month_changed_since_is_split_into_three_month_windows_and_lists_each_reservation_once()
    {
        var start = Mews.Clock.GetUtcNow();
        var booked = new List<string>();
        for (var i = 0; i < 14; i++)
        {
            // A change every 16 days: 14 changes over 7 months, each on a night of its own.
            Mews.Clock.SetUtcNow(start.AddDays(16 * i));
            booked.Add((await Connector.CreateReservationAsync(Draft(Seeded.Today.AddDays(300 + (2 * i)), lastName: $"Month{i}"), Ct)).VendorId);
        }

        // One of them changes again in the last window: still listed once.
        Mews.Clock.SetUtcNow(start.AddDays(16 * 13).AddHours(1));
        await Connector.CancelReservationAsync(booked[0], "changed plans", Ct);
        Mews.Clock.SetUtcNow(start.AddDays(16 * 13).AddHours(2));

        var before = Requests("reservations/getAll/2023-06-06").Count;
        var changed = await ToListAsync(Connector.GetReservationsAsync(ReservationQuery.ChangedSince(start.AddMinutes(-1)), Ct));

        Assert.Equal(booked.Order(), changed.Select(r => r.VendorId).Order());
        var windows = Requests("reservations/getAll/2023-06-06").Skip(before)
            .Select(r => r.ReadBodyAsJson()!["UpdatedUtc"])
            .OfType<JsonObject>()
            .Select(w => (Start: DateTimeOffset.Parse((string)w["StartUtc"]!, System.Globalization.CultureInfo.InvariantCulture), End: DateTimeOffset.Parse((string)w["EndUtc"]!, System.Globalization.CultureInfo.InvariantCulture)))
            .Distinct()
            .OrderBy(w => w.Start)
            .ToList();
        Assert.True(windows.Count >= 3, $"A 7-month change window was asked for in {windows.Count} window(s).");
        Assert.All(windows, w => Assert.True(w.End <= w.Start.AddMonths(3), $"{w.Start:O}..{w.End:O} is longer than Mews' 3 months."));
        Assert.All(windows.Skip(1).Zip(windows), pair => Assert.Equal(pair.Second.End, pair.First.Start));
        Assert.Empty(Simulator.ValidationFailures);
    }

    [Fact]
    public async Task In_house_lists_the_checked_in_reservation_of_the_day()
    {
        var inHouse = await ToListAsync(Connector.GetReservationsAsync(ReservationQuery.InHouse(Seeded.Today), Ct));

        var listed = Assert.Single(inHouse);
        Assert.Equal(Seeded.InHouseReservationId, listed.VendorId);
        Assert.Equal(ReservationStatus.InHouse, listed.Status);
    }
}
