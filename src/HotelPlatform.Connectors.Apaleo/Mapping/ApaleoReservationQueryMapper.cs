using HotelPlatform.Connectors.Apaleo.Wire;

namespace HotelPlatform.Connectors.Apaleo.Mapping;

/// <summary>The filter of one <c>GET /booking/v1/reservations</c> listing (paging is added per page).</summary>
/// <param name="DateFilter">The <c>dateFilter</c> value, or <see langword="null"/>.</param>
/// <param name="From">The <c>from</c> instant (included), or <see langword="null"/>.</param>
/// <param name="To">The <c>to</c> instant (excluded), or <see langword="null"/>.</param>
/// <param name="Statuses">The <c>status</c> values, or <see langword="null"/> for every status.</param>
internal sealed record ReservationListFilter(string? DateFilter, DateTimeOffset? From, DateTimeOffset? To, IReadOnlyList<string>? Statuses);

/// <summary>Maps a <see cref="ReservationQuery"/> and lookups by number to Apaleo's reservation list parameters.</summary>
internal static class ApaleoReservationQueryMapper
{
    /// <summary>Every status but Canceled.</summary>
    public static readonly IReadOnlyList<string> NotCancelled =
    [
        ApaleoQueryValues.Status.Confirmed, ApaleoQueryValues.Status.InHouse, ApaleoQueryValues.Status.CheckedOut, ApaleoQueryValues.Status.NoShow,
    ];

    /// <summary>The statuses of a stay that occupies a night: booked, in house or already gone (not cancelled, not a no-show).</summary>
    public static readonly IReadOnlyList<string> Staying =
    [
        ApaleoQueryValues.Status.Confirmed, ApaleoQueryValues.Status.InHouse, ApaleoQueryValues.Status.CheckedOut,
    ];

    /// <summary>
    /// The list filter for a query. Apaleo filters "if the date specified by the filter type is between from (included)
    /// and to (excluded)", with date-times, so a property-local day is [local midnight, next local midnight):
    /// <list type="bullet">
    /// <item>Arrivals / departures: <c>dateFilter=Arrival|Departure</c> over that day; cancelled ones only when asked.</item>
    /// <item>In house: <c>dateFilter=Stay</c> ("all reservations that are overlapping with the interval") over the last
    /// second before the next local midnight — a stay covering the night covers that second, one departing that morning
    /// or arriving the next day does not — with the statuses of a stay that occupies a night.</item>
    /// <item>Changed since: <c>dateFilter=Modification</c> from the instant, open-ended (the spec needs one of from/to).</item>
    /// </list>
    /// </summary>
    /// <param name="query">The query, already validated.</param>
    /// <param name="propertyToday">Today in the property's time zone, used when the query names no day.</param>
    /// <param name="propertyZone">The property's time zone.</param>
    /// <returns>The filter.</returns>
    public static ReservationListFilter ToListFilter(ReservationQuery query, DateOnly propertyToday, TimeZoneInfo propertyZone)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(propertyZone);
        var day = query.Date ?? propertyToday;
        var start = ApaleoValues.StartOfDay(day, propertyZone);
        var end = ApaleoValues.StartOfDay(day.AddDays(1), propertyZone);
        var statuses = query.IncludeCancelled ? null : NotCancelled;
        return query.Kind switch
        {
            ReservationQueryKind.Arrivals => new(ApaleoQueryValues.DateFilter.Arrival, start, end, statuses),
            ReservationQueryKind.Departures => new(ApaleoQueryValues.DateFilter.Departure, start, end, statuses),
            ReservationQueryKind.InHouse => new(ApaleoQueryValues.DateFilter.Stay, end.AddSeconds(-1), end, Staying),
            ReservationQueryKind.ChangedSince => new(
                ApaleoQueryValues.DateFilter.Modification,
                query.Since ?? throw new ArgumentException("A changed-since query needs Since.", nameof(query)),
                null,
                statuses),
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Kind, "Unknown reservation query kind."),
        };
    }

    /// <summary>The page size to ask for: the caller's, else the default, never above <see cref="ApaleoQueryValues.MaxPageSize"/>.</summary>
    /// <param name="requested">The caller's page size.</param>
    /// <returns>The page size.</returns>
    public static int ToPageSize(int? requested) =>
        Math.Clamp(requested ?? ApaleoQueryValues.DefaultPageSize, 1, ApaleoQueryValues.MaxPageSize);

    /// <summary>
    /// Whether another page may follow: Apaleo answers 204 for a page past the end, and a page shorter than the page
    /// size is the last. The <c>count</c> member is not trusted for this (Apaleo's own list examples say
    /// <c>"count": 0</c> beside two items).
    /// </summary>
    /// <param name="itemsOnPage">The items the page held (0 for a 204).</param>
    /// <param name="pageSize">The page size asked for.</param>
    /// <returns><see langword="true"/> when the next page should be fetched.</returns>
    public static bool HasNextPage(int itemsOnPage, int pageSize) => itemsOnPage > 0 && itemsOnPage >= pageSize;

    /// <summary>
    /// The reservations whose <c>externalCode</c> equals <paramref name="code"/>: the <c>externalCode</c> query filter
    /// matches "all reservations that have an external code starting with the provided value", so its answer is
    /// narrowed to exact matches (ordinal, ignoring case).
    /// </summary>
    /// <param name="reservations">The reservations Apaleo returned.</param>
    /// <param name="code">The external code or client reference looked up.</param>
    /// <returns>The exact matches.</returns>
    public static IReadOnlyList<ReservationModel> WithExternalCode(IEnumerable<ReservationModel> reservations, string code)
    {
        ArgumentNullException.ThrowIfNull(reservations);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        return [.. reservations.Where(r => string.Equals(r.ExternalCode?.Trim(), code.Trim(), StringComparison.OrdinalIgnoreCase))];
    }
}
