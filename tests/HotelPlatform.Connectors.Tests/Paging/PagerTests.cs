using HotelPlatform.Connectors.Paging;

namespace HotelPlatform.Connectors.Tests.Paging;

public sealed class PagerTests
{
    private const string Scope = "acme|P1|ChangedSince";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Page(IReadOnlyList<int> Items, bool HasMore = false, string? Cursor = null);

    /// <summary>A vendor listing of <paramref name="total"/> items, paged by number from 1; null (204) past the end.</summary>
    private static Func<int, int, CancellationToken, Task<Page?>> Numbered(int total, List<int> asked) => (number, size, _) =>
    {
        asked.Add(number);
        var items = Enumerable.Range(((number - 1) * size) + 1, size).Where(i => i <= total).ToList();
        return Task.FromResult(items.Count == 0 ? null : new Page(items));
    };

    [Fact]
    public async Task Page_numbers_are_fetched_lazily_until_a_short_page()
    {
        var asked = new List<int>();
        var pages = PmsPager.ByPageNumberAsync(Numbered(25, asked), p => p.Items, 10, Scope, cancellationToken: Ct);

        var items = await pages.ItemsAsync(Ct).Take(11).ToListAsync(Ct);
        Assert.Equal([1, 2], asked);
        Assert.Equal(Enumerable.Range(1, 11), items);

        var all = await pages.ToListAsync(Ct);
        Assert.Equal([10, 10, 5], all.Select(p => p.Items.Count));
        Assert.Null(all[^1].ContinuationToken);
    }

    [Fact]
    public async Task A_listing_interrupted_after_page_40_resumes_at_page_41()
    {
        var asked = new List<int>();
        string? token = null;
        var read = new List<int>();
        await foreach (var page in PmsPager.ByPageNumberAsync(Numbered(500, asked), p => p.Items, 10, Scope, cancellationToken: Ct))
        {
            read.AddRange(page.Items);
            token = page.ContinuationToken;
            if (asked[^1] == 40)
            {
                break;
            }
        }

        asked.Clear();
        var rest = await PmsPager.ByPageNumberAsync(Numbered(500, asked), p => p.Items, 10, Scope, token, cancellationToken: Ct).ItemsAsync(Ct).ToListAsync(Ct);

        Assert.Equal(41, asked[0]);
        Assert.Equal(Enumerable.Range(1, 500), read.Concat(rest));
    }

    [Fact]
    public async Task A_full_last_page_is_followed_by_one_empty_fetch()
    {
        var asked = new List<int>();
        var pages = await PmsPager.ByPageNumberAsync(Numbered(20, asked), p => p.Items, 10, Scope, cancellationToken: Ct).ToListAsync(Ct);

        Assert.Equal([1, 2, 3], asked);
        Assert.Empty(pages[^1].Items);
    }

    [Fact]
    public async Task A_token_of_another_listing_or_page_size_or_a_forged_one_is_refused()
    {
        var first = await PmsPager.ByPageNumberAsync(Numbered(30, []), p => p.Items, 10, Scope, cancellationToken: Ct).FirstAsync(Ct);
        var token = first.ContinuationToken!;

        var otherQuery = await Assert.ThrowsAsync<ArgumentException>(() => PmsPager.ByPageNumberAsync(Numbered(30, []), p => p.Items, 10, "acme|P1|Arrivals", token, cancellationToken: Ct).ToListAsync(Ct).AsTask());
        Assert.Contains("another listing", otherQuery.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => PmsPager.ByPageNumberAsync(Numbered(30, []), p => p.Items, 20, Scope, token, cancellationToken: Ct).ToListAsync(Ct).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => PmsPager.ByOffsetAsync((_, _, _) => Task.FromResult<Page?>(null), p => p.Items, p => p.HasMore, 10, Scope, token, Ct).ToListAsync(Ct).AsTask());
        var forged = await Assert.ThrowsAsync<ArgumentException>(() => PmsPager.ByPageNumberAsync(Numbered(30, []), p => p.Items, 10, Scope, "not a token!", cancellationToken: Ct).ToListAsync(Ct).AsTask());
        Assert.Contains("malformed", forged.Message, StringComparison.Ordinal);
        var negative = PmsContinuationToken.Create(Scope + "|size=10", PmsPager.PageNumberKind, "-3");
        await Assert.ThrowsAsync<ArgumentException>(() => PmsPager.ByPageNumberAsync(Numbered(30, []), p => p.Items, 10, Scope, negative, cancellationToken: Ct).ToListAsync(Ct).AsTask());
    }

    [Fact]
    public async Task Offsets_advance_by_what_was_returned_while_the_vendor_says_hasMore_and_resume_from_a_token()
    {
        var asked = new List<(int Offset, int Limit)>();
        Task<Page?> Fetch(int offset, int limit, CancellationToken _)
        {
            asked.Add((offset, limit));
            var items = Enumerable.Range(offset + 1, Math.Min(limit, 7)).Where(i => i <= 20).ToList(); // the vendor caps a page at 7
            return Task.FromResult<Page?>(new Page(items, HasMore: offset + items.Count < 20));
        }

        var pages = await PmsPager.ByOffsetAsync(Fetch, p => p.Items, p => p.HasMore, 10, Scope, cancellationToken: Ct).ToListAsync(Ct);
        Assert.Equal([(0, 10), (7, 10), (14, 10)], asked);
        Assert.Equal(Enumerable.Range(1, 20), pages.SelectMany(p => p.Items));

        asked.Clear();
        var resumed = await PmsPager.ByOffsetAsync(Fetch, p => p.Items, p => p.HasMore, 10, Scope, pages[0].ContinuationToken, Ct).ItemsAsync(Ct).ToListAsync(Ct);
        Assert.Equal(7, asked[0].Offset);
        Assert.Equal(Enumerable.Range(8, 13), resumed);
    }

    [Fact]
    public async Task An_empty_page_ends_an_offset_listing_even_if_the_vendor_claims_more()
    {
        var calls = 0;
        var pages = await PmsPager.ByOffsetAsync((_, _, _) => { calls++; return Task.FromResult<Page?>(new Page([], HasMore: true)); }, p => p.Items, p => p.HasMore, 10, Scope, cancellationToken: Ct).ToListAsync(Ct);

        Assert.Equal(1, calls);
        Assert.Null(Assert.Single(pages).ContinuationToken);
    }

    [Fact]
    public async Task Cursors_are_followed_until_a_short_page_and_a_cursor_that_does_not_move_stops_the_listing()
    {
        var asked = new List<string?>();
        Task<Page?> Fetch(string? cursor, int count, CancellationToken _)
        {
            asked.Add(cursor);
            var start = cursor is null ? 0 : int.Parse(cursor, System.Globalization.CultureInfo.InvariantCulture);
            var items = Enumerable.Range(start + 1, count).Where(i => i <= 12).ToList();
            return Task.FromResult<Page?>(new Page(items, Cursor: (start + items.Count).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var pages = await PmsPager.ByCursorAsync(Fetch, p => p.Items, p => p.Cursor, 5, Scope, cancellationToken: Ct).ToListAsync(Ct);
        Assert.Equal([null, "5", "10"], asked);
        Assert.Equal(Enumerable.Range(1, 12), pages.SelectMany(p => p.Items));

        asked.Clear();
        var resumed = await PmsPager.ByCursorAsync(Fetch, p => p.Items, p => p.Cursor, 5, Scope, pages[1].ContinuationToken, Ct).ItemsAsync(Ct).ToListAsync(Ct);
        Assert.Equal(["10"], asked);
        Assert.Equal([11, 12], resumed);

        var stuck = await PmsPager.ByCursorAsync((c, n, _) => Task.FromResult<Page?>(new Page([.. Enumerable.Range(1, n)], Cursor: "same")), p => p.Items, p => p.Cursor, 5, Scope, cancellationToken: Ct).ToListAsync(Ct);
        Assert.Equal(2, stuck.Count);
    }
}
