namespace HotelPlatform.Connectors.Bulk;

/// <summary>A hotel of a chain-wide job.</summary>
/// <param name="HotelId">The hotel's key in the <see cref="IPmsConnectorRegistry"/>.</param>
/// <param name="AccountKey">The vendor account whose quota its calls spend (parallelism is bounded per account).</param>
public sealed record PmsBulkHotel(string HotelId, string AccountKey);

/// <summary>The availability, restrictions and rates to push to one hotel.</summary>
/// <param name="Hotel">The hotel.</param>
/// <param name="Update">What to push.</param>
public sealed record PmsBulkPush(PmsBulkHotel Hotel, PmsRatesAndAvailabilityUpdate Update);

/// <summary>What a guest export writes: the guests of the reservations arriving from <paramref name="From"/> to <paramref name="To"/>, one file per hotel.</summary>
/// <param name="From">The first arrival date.</param>
/// <param name="To">The last arrival date (included); at most 366 days after <paramref name="From"/>.</param>
/// <param name="OutputDirectory">The folder the files are written to (created readable by the current user only where the OS allows).</param>
/// <param name="Format">CSV or JSON.</param>
public sealed record PmsGuestExport(DateOnly From, DateOnly To, string OutputDirectory, PmsGuestExportFormat Format);

/// <summary>The format of a guest export file.</summary>
public enum PmsGuestExportFormat
{
    /// <summary>RFC 4180 CSV with a header row; a text cell a spreadsheet would run as a formula is prefixed with an apostrophe.</summary>
    Csv = 0,

    /// <summary>A JSON array of guest rows.</summary>
    Json,
}

/// <summary>What the export wrote for one hotel. It carries no guest data, so it can be shown and logged.</summary>
/// <param name="FilePath">The hotel's file.</param>
/// <param name="Reservations">The reservations exported.</param>
/// <param name="Guests">The guest rows written (primary and additional guests).</param>
public sealed record PmsGuestExportResult(string FilePath, int Reservations, int Guests);

/// <summary>Which reservations a bulk cancel looks for in each hotel: arrivals in a date range, optionally of one room type or rate plan.</summary>
/// <param name="From">The first arrival date.</param>
/// <param name="To">The last arrival date (included); at most 366 days after <paramref name="From"/>.</param>
public sealed record PmsReservationFilter(DateOnly From, DateOnly To)
{
    /// <summary>Gets the room type a reservation must have, or <see langword="null"/> for any.</summary>
    public string? RoomTypeId { get; init; }

    /// <summary>Gets the rate plan a reservation must have, or <see langword="null"/> for any.</summary>
    public string? RatePlanId { get; init; }
}

/// <summary>One reservation of a bulk cancel.</summary>
/// <param name="Hotel">The hotel the reservation is at.</param>
/// <param name="ReservationId">The vendor's reservation identifier.</param>
public sealed record PmsBulkCancellation(PmsBulkHotel Hotel, string ReservationId)
{
    /// <summary>Gets the item id of the job: <c>hotel/reservation</c>.</summary>
    public string ItemId => $"{Hotel.HotelId}/{ReservationId}";
}

/// <summary>What a bulk cancel did to a reservation.</summary>
public enum PmsCancelOutcome
{
    /// <summary>The reservation was cancelled by this job.</summary>
    Cancelled = 0,

    /// <summary>The reservation was already cancelled; nothing was sent.</summary>
    AlreadyCancelled,

    /// <summary>Dry run: the reservation would be cancelled; nothing was sent.</summary>
    WouldCancel,
}

/// <summary>The result of one reservation of a bulk cancel.</summary>
/// <param name="Outcome">What was done.</param>
/// <param name="StatusBefore">The reservation's status when the job read it.</param>
public sealed record PmsCancelResult(PmsCancelOutcome Outcome, ReservationStatus StatusBefore);
