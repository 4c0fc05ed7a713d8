namespace HotelPlatform.Connectors.InMemory;

/// <summary>
/// One call the in-memory PMS served, as recorded in <see cref="InMemoryPms.Operations"/>: the in-memory counterpart of
/// a request a real vendor receives. Tests use it to assert what an application asked the PMS (for example that a
/// retried booking reached the PMS twice but booked once, or that a list was fetched page by page). It holds
/// identifiers and counts only, never guest data.
/// </summary>
/// <param name="Name">The operation: the <see cref="IPmsConnector"/> member without <c>Async</c> (<c>CreateReservation</c>), or <c>GetReservationsPage</c> for one page of a list.</param>
/// <param name="Timestamp">When the call was served, by the PMS's clock.</param>
public sealed record InMemoryOperation(string Name, DateTimeOffset Timestamp)
{
    /// <summary>Gets the identifier of the reservation or guest the call was about, where it was about one.</summary>
    public string? EntityId { get; init; }

    /// <summary>Gets the client reference of a <c>CreateReservation</c> call.</summary>
    public string? ClientReference { get; init; }

    /// <summary>Gets the query kind of a <c>GetReservationsPage</c> call.</summary>
    public ReservationQueryKind? QueryKind { get; init; }

    /// <summary>Gets the 1-based page number of a <c>GetReservationsPage</c> call.</summary>
    public int? PageNumber { get; init; }

    /// <summary>Gets the page size asked for by a <c>GetReservationsPage</c> call.</summary>
    public int? PageSize { get; init; }

    /// <summary>Gets how many items the call returned, for list and search calls.</summary>
    public int? ResultCount { get; init; }
}
