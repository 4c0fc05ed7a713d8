namespace HotelPlatform.Connectors.Mews.Tests.Connector;

/// <summary>Resumable listings (IPmsReservationPages): a token holds the listing's window and Mews' cursor in it.</summary>
public sealed class PagesTests : MewsHarness
{
    private IPmsReservationPages Pages => Connector.GetService<IPmsReservationPages>() ?? throw new InvalidOperationException("Mews offers no resumable listings.");

    [Fact]
    public async Task A_listing_resumed_from_its_second_page_token_reads_the_rest_exactly_once()
    {
        var night = Seeded.Today.AddDays(45);
        var booked = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            booked.Add((await Connector.CreateReservationAsync(Draft(night, lastName: $"Paged{i}"), Ct)).VendorId);
        }

        var query = ReservationQuery.Arrivals(night) with { PageSize = 2 };
        var first = await ToListAsync(Pages.GetReservationPagesAsync(query, null, Ct));
        var before = Requests("reservations/getAll/2023-06-06").Count;
        var resumed = await ToListAsync(Pages.GetReservationPagesAsync(query, first[0].ContinuationToken, Ct));

        Assert.True(first.Count >= 3, $"5 arrivals came in {first.Count} page(s) of 2.");
        Assert.All(first.SkipLast(1), p => Assert.NotNull(p.ContinuationToken));
        Assert.Null(first[^1].ContinuationToken);
        Assert.Equal(booked.Order(), first.SelectMany(p => p.Items).Select(r => r.VendorId).Order());
        Assert.Equal(first.Skip(1).SelectMany(p => p.Items).Select(r => r.VendorId), resumed.SelectMany(p => p.Items).Select(r => r.VendorId));

        // The resumed listing asks Mews for the page after the first one's last reservation: its Cursor.
        var resumedFirst = Requests("reservations/getAll/2023-06-06").Skip(before).First().ReadBodyAsJson()!;
        Assert.Equal(first[0].Items[^1].VendorId, (string?)resumedFirst["Limitation"]!["Cursor"]);
    }

    [Fact]
    public async Task A_changed_since_listing_resumes_in_the_window_it_stopped_in_and_ends_where_it_first_ended()
    {
        var start = Mews.Clock.GetUtcNow();
        var booked = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            Mews.Clock.SetUtcNow(start.AddDays(30 * i));
            booked.Add((await Connector.CreateReservationAsync(Draft(Seeded.Today.AddDays(300 + (2 * i)), lastName: $"Window{i}"), Ct)).VendorId);
        }

        var query = ReservationQuery.ChangedSince(start.AddMinutes(-1)) with { PageSize = 1 };
        var pages = await ToListAsync(Pages.GetReservationPagesAsync(query, null, Ct));
        var middle = pages.FindIndex(p => p.Items.Count > 0 && p.Items[0].VendorId == booked[4]);

        // A reservation made after the listing began is not part of it: the resumed listing ends where the first one did.
        Mews.Clock.SetUtcNow(start.AddDays(30 * 8));
        await Connector.CreateReservationAsync(Draft(Seeded.Today.AddDays(330), lastName: "Later"), Ct);
        var resumed = await ToListAsync(Pages.GetReservationPagesAsync(query, pages[middle].ContinuationToken, Ct));

        Assert.Equal(booked.Order(), pages.SelectMany(p => p.Items).Select(r => r.VendorId).Order());
        Assert.Equal(pages.Skip(middle + 1).SelectMany(p => p.Items).Select(r => r.VendorId), resumed.SelectMany(p => p.Items).Select(r => r.VendorId));
    }

    [Fact]
    public async Task A_token_of_another_query_or_a_malformed_token_is_refused()
    {
        for (var i = 0; i < 3; i++)
        {
            await Connector.CreateReservationAsync(Draft(Seeded.Today.AddDays(46), lastName: $"Token{i}"), Ct);
        }

        var token = (await ToListAsync(Pages.GetReservationPagesAsync(ReservationQuery.Arrivals(Seeded.Today.AddDays(46)) with { PageSize = 1 }, null, Ct)))[0].ContinuationToken!;

        await Assert.ThrowsAsync<ArgumentException>(() => ToListAsync(Pages.GetReservationPagesAsync(ReservationQuery.Arrivals(Seeded.Today.AddDays(47)), token, Ct)));
        await Assert.ThrowsAsync<ArgumentException>(() => ToListAsync(Pages.GetReservationPagesAsync(ReservationQuery.Arrivals(Seeded.Today.AddDays(46)), "not-a-token", Ct)));
    }
}
