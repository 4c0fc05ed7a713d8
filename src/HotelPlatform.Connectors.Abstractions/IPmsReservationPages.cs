namespace HotelPlatform.Connectors;

/// <summary>One page of a listing, and where the next one starts.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items of the page, in order.</param>
/// <param name="ContinuationToken">
/// Where the listing resumes after this page: pass it back to start at the next page (after a crash, a restart, a
/// deployment). <see langword="null"/> on the last page. Opaque: its content is the connector's.
/// </param>
public sealed record PmsPage<T>(IReadOnlyList<T> Items, string? ContinuationToken);

/// <summary>
/// Reservation listings page by page, resumable from a continuation token (the model is the Azure SDK's
/// <c>AsPages(continuationToken, pageSizeHint)</c>): a reconciliation interrupted after page 40 restarts at page 41.
/// A sub-client reached through <see cref="IPmsConnector.GetService"/>
/// (<c>connector.GetService&lt;IPmsReservationPages&gt;()</c>); connectors that cannot resume do not offer it.
/// </summary>
public interface IPmsReservationPages
{
    /// <summary>
    /// Lists reservations as <see cref="IPmsConnector.GetReservationsAsync"/> does, page by page, starting where
    /// <paramref name="continuationToken"/> says (the first page when <see langword="null"/>).
    /// <see cref="ReservationQuery.PageSize"/> is the page size hint.
    /// </summary>
    /// <param name="query">The query; the same query the token was issued for.</param>
    /// <param name="continuationToken">A <see cref="PmsPage{T}.ContinuationToken"/> of an earlier enumeration of the same query, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">A token that cancels the enumeration.</param>
    /// <returns>The pages, fetched lazily.</returns>
    /// <exception cref="ArgumentException">The token is malformed or was issued for another query or connector.</exception>
    IAsyncEnumerable<PmsPage<Reservation>> GetReservationPagesAsync(ReservationQuery query, string? continuationToken = null, CancellationToken cancellationToken = default);
}
