using System.Globalization;
using System.Runtime.CompilerServices;

namespace HotelPlatform.Connectors.Paging;

/// <summary>
/// The three ways vendors page their listings, each fetching a page only when the previous one has been consumed and
/// handing out a continuation token (<see cref="PmsContinuationToken"/>) after every page but the last:
/// <list type="bullet">
/// <item><see cref="ByPageNumberAsync"/>: <c>pageNumber</c> + <c>pageSize</c> until an empty or short page (Apaleo, Cloudbeds);</item>
/// <item><see cref="ByOffsetAsync"/>: <c>offset</c> + <c>limit</c> while the vendor says <c>hasMore</c> (OPERA Cloud);</item>
/// <item><see cref="ByCursorAsync"/>: the vendor's cursor + a count until it gives no cursor or a short page (Mews <c>Limitation</c>).</item>
/// </list>
/// A fetch returns <see langword="null"/> for "no content" (Apaleo's 204). Failures are the fetch's to throw (a
/// <see cref="Http.PmsResponseReader"/> turns them into <see cref="PmsException"/>s).
/// </summary>
public static class PmsPager
{
    /// <summary>The kind of a page-number token.</summary>
    public const string PageNumberKind = "page";

    /// <summary>The kind of an offset token.</summary>
    public const string OffsetKind = "offset";

    /// <summary>The kind of a cursor token.</summary>
    public const string CursorKind = "cursor";

    /// <summary>Walks a listing paged by page number.</summary>
    /// <typeparam name="TPage">The vendor's page model.</typeparam>
    /// <typeparam name="TItem">An item of a page.</typeparam>
    /// <param name="fetch">Fetches one page: page number, page size, token.</param>
    /// <param name="items">The items of a page.</param>
    /// <param name="pageSize">The page size (at least 1).</param>
    /// <param name="scope">What the listing is, for its continuation tokens (see <see cref="PmsContinuationToken"/>).</param>
    /// <param name="continuationToken">Where to resume; the first page when <see langword="null"/>.</param>
    /// <param name="firstPage">The number of the first page (1 unless the vendor counts from 0).</param>
    /// <param name="cancellationToken">A token that cancels the enumeration.</param>
    /// <returns>The pages.</returns>
    public static async IAsyncEnumerable<PmsPage<TItem>> ByPageNumberAsync<TPage, TItem>(
        Func<int, int, CancellationToken, Task<TPage?>> fetch,
        Func<TPage, IReadOnlyList<TItem>> items,
        int pageSize,
        string scope,
        string? continuationToken = null,
        int firstPage = 1,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TPage : class
    {
        ArgumentNullException.ThrowIfNull(fetch);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);

        // Page n of one page size is not page n of another: the size is part of what the token belongs to.
        scope = string.Create(CultureInfo.InvariantCulture, $"{scope}|size={pageSize}");
        var pageNumber = continuationToken is null ? firstPage : PmsContinuationToken.ReadNumber(continuationToken, scope, PageNumberKind, firstPage);
        for (; ; pageNumber++)
        {
            var page = await fetch(pageNumber, pageSize, cancellationToken).ConfigureAwait(false);
            var pageItems = page is null ? [] : items(page);

            // A full page may be followed by more; an empty or short one is the last (a vendor's total is not trusted).
            var more = pageItems.Count >= pageSize;
            yield return new PmsPage<TItem>(pageItems, more ? Token(scope, PageNumberKind, pageNumber + 1) : null);
            if (!more)
            {
                yield break;
            }
        }
    }

    /// <summary>Walks a listing paged by offset and limit, while the vendor says there is more.</summary>
    /// <typeparam name="TPage">The vendor's page model.</typeparam>
    /// <typeparam name="TItem">An item of a page.</typeparam>
    /// <param name="fetch">Fetches one page: offset, limit, token.</param>
    /// <param name="items">The items of a page.</param>
    /// <param name="hasMore">Whether the vendor says more pages follow (OPERA's <c>hasMore</c>).</param>
    /// <param name="limit">The page size (at least 1; at most the operation's maximum).</param>
    /// <param name="scope">What the listing is, for its continuation tokens.</param>
    /// <param name="continuationToken">Where to resume; offset 0 when <see langword="null"/>.</param>
    /// <param name="cancellationToken">A token that cancels the enumeration.</param>
    /// <returns>The pages.</returns>
    public static async IAsyncEnumerable<PmsPage<TItem>> ByOffsetAsync<TPage, TItem>(
        Func<int, int, CancellationToken, Task<TPage?>> fetch,
        Func<TPage, IReadOnlyList<TItem>> items,
        Func<TPage, bool> hasMore,
        int limit,
        string scope,
        string? continuationToken = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TPage : class
    {
        ArgumentNullException.ThrowIfNull(fetch);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(hasMore);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var offset = continuationToken is null ? 0 : PmsContinuationToken.ReadNumber(continuationToken, scope, OffsetKind, 0);
        while (true)
        {
            var page = await fetch(offset, limit, cancellationToken).ConfigureAwait(false);
            var pageItems = page is null ? [] : items(page);

            // An empty page ends the listing even if the vendor claims more, so a vendor bug cannot loop forever.
            var more = page is not null && pageItems.Count > 0 && hasMore(page);
            offset += pageItems.Count;
            yield return new PmsPage<TItem>(pageItems, more ? Token(scope, OffsetKind, offset) : null);
            if (!more)
            {
                yield break;
            }
        }
    }

    /// <summary>Walks a listing paged by the vendor's cursor.</summary>
    /// <typeparam name="TPage">The vendor's page model.</typeparam>
    /// <typeparam name="TItem">An item of a page.</typeparam>
    /// <param name="fetch">Fetches one page: the cursor (<see langword="null"/> for the first page), the count, token.</param>
    /// <param name="items">The items of a page.</param>
    /// <param name="nextCursor">The cursor the vendor returned for the next page, or <see langword="null"/>.</param>
    /// <param name="count">The page size (at least 1).</param>
    /// <param name="scope">What the listing is, for its continuation tokens.</param>
    /// <param name="continuationToken">Where to resume; the first page when <see langword="null"/>.</param>
    /// <param name="cancellationToken">A token that cancels the enumeration.</param>
    /// <returns>The pages.</returns>
    public static async IAsyncEnumerable<PmsPage<TItem>> ByCursorAsync<TPage, TItem>(
        Func<string?, int, CancellationToken, Task<TPage?>> fetch,
        Func<TPage, IReadOnlyList<TItem>> items,
        Func<TPage, string?> nextCursor,
        int count,
        string scope,
        string? continuationToken = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TPage : class
    {
        ArgumentNullException.ThrowIfNull(fetch);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(nextCursor);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var cursor = continuationToken is null ? null : PmsContinuationToken.Read(continuationToken, scope, CursorKind);
        while (true)
        {
            var page = await fetch(cursor, count, cancellationToken).ConfigureAwait(false);
            var pageItems = page is null ? [] : items(page);
            var next = page is null ? null : nextCursor(page);

            // A short page is the last whatever the cursor says; so is a cursor that does not move (no endless loop).
            var more = pageItems.Count >= count && !string.IsNullOrEmpty(next) && !string.Equals(next, cursor, StringComparison.Ordinal);
            yield return new PmsPage<TItem>(pageItems, more ? Token(scope, CursorKind, next!) : null);
            if (!more)
            {
                yield break;
            }

            cursor = next;
        }
    }

    /// <summary>Flattens pages into their items, fetching each page only when the previous one has been consumed.</summary>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <param name="pages">The pages.</param>
    /// <param name="cancellationToken">A token that cancels the enumeration.</param>
    /// <returns>The items of every page, in order.</returns>
    public static async IAsyncEnumerable<TItem> ItemsAsync<TItem>(this IAsyncEnumerable<PmsPage<TItem>> pages, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pages);
        await foreach (var page in pages.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Items)
            {
                yield return item;
            }
        }
    }

    private static string Token(string scope, string kind, int position) =>
        PmsContinuationToken.Create(scope, kind, position.ToString(CultureInfo.InvariantCulture));

    private static string Token(string scope, string kind, string position) => PmsContinuationToken.Create(scope, kind, position);
}
