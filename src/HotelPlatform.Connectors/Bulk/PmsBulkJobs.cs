using System.Text.Json;

namespace HotelPlatform.Connectors.Bulk;

/// <summary>
/// Ready-made chain-wide jobs on <see cref="PmsBulkRunner"/>: a rate and availability push, a guest export and a bulk
/// cancel. Each runs with the runner's guarantees (bounded parallelism per vendor account, the bulk lane, cancellable,
/// resumable from <see cref="PmsBulkOptions.CheckpointPath"/>, progress, one result per item) and fingerprints its items
/// and parameters into the checkpoint. A hotel whose connector cannot do the work is a
/// <see cref="PmsBulkItemStatus.NotSupported"/> item, not an exception.
/// </summary>
public static class PmsBulkJobs
{
    /// <summary>The longest date range a job lists, in days: a year and a day.</summary>
    public const int MaxDays = 366;

    /// <summary>
    /// Pushes each hotel's availability, restrictions and rates through its connector's
    /// <see cref="IPmsRatesAndAvailabilityPush"/>; a hotel whose connector offers none is <see cref="PmsBulkItemStatus.NotSupported"/>.
    /// </summary>
    /// <param name="registry">The hotels' connectors.</param>
    /// <param name="pushes">One push per hotel; hotel ids must be unique.</param>
    /// <param name="options">Parallelism and checkpoint; the values pushed are part of the checkpoint's fingerprint.</param>
    /// <param name="progress">Receives progress after every hotel; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the job.</param>
    /// <returns>One result per hotel.</returns>
    public static Task<PmsBulkReport<PmsPushResult>> PushRatesAndAvailabilityAsync(
        IPmsConnectorRegistry registry,
        IReadOnlyList<PmsBulkPush> pushes,
        PmsBulkOptions options,
        IProgress<PmsBulkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(pushes);
        ArgumentNullException.ThrowIfNull(options);
        var parameters = "push " + JsonSerializer.Serialize(pushes, PmsBulkJobsJson.Default.IReadOnlyListPmsBulkPush);
        return PmsBulkRunner.RunAsync(
            pushes,
            p => p.Hotel.HotelId,
            p => p.Hotel.AccountKey,
            (p, token) => registry.Get(p.Hotel.HotelId).GetRequiredService<IPmsRatesAndAvailabilityPush>().PushAsync(p.Update, token),
            With(options, parameters, options.CheckpointPath),
            progress,
            cancellationToken);
    }

    /// <summary>
    /// Writes, per hotel, the guests of the reservations arriving in a date range to a file of its own
    /// (<c>&lt;hotel&gt;.guests.csv</c> or <c>.json</c>, written to a temporary name and renamed when complete, so a file
    /// is never half written). Guest data goes only to the files: results, progress and errors carry counts and paths.
    /// </summary>
    /// <param name="registry">The hotels' connectors.</param>
    /// <param name="hotels">The hotels; ids must be unique.</param>
    /// <param name="export">The date range, folder and format (part of the checkpoint's fingerprint).</param>
    /// <param name="options">Parallelism and checkpoint.</param>
    /// <param name="progress">Receives progress after every hotel; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the job.</param>
    /// <returns>One result per hotel.</returns>
    public static Task<PmsBulkReport<PmsGuestExportResult>> ExportGuestsAsync(
        IPmsConnectorRegistry registry,
        IReadOnlyList<PmsBulkHotel> hotels,
        PmsGuestExport export,
        PmsBulkOptions options,
        IProgress<PmsBulkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(hotels);
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(export.OutputDirectory, nameof(export));
        var dates = Dates(export.From, export.To, nameof(export));
        var directory = Path.GetFullPath(export.OutputDirectory);
        PmsGuestExportWriter.CreatePrivateDirectory(directory);
        var parameters = $"guests {export.From:yyyy-MM-dd} {export.To:yyyy-MM-dd} {export.Format} {directory}";
        return PerHotelAsync(
            hotels,
            async (h, token) =>
            {
                var reservations = await ArrivalsAsync(registry.Get(h.HotelId), dates, includeCancelled: false, token).ConfigureAwait(false);
                return await PmsGuestExportWriter.WriteAsync(directory, h.HotelId, export.Format, reservations, token).ConfigureAwait(false);
            },
            With(options, parameters, options.CheckpointPath),
            progress,
            cancellationToken);
    }

    /// <summary>
    /// Lists, per hotel, the reservations a bulk cancel by <paramref name="filter"/> is about: the arrivals of the range
    /// (cancelled ones included, so a rerun after a partial cancel finds the same list and reports them as already
    /// cancelled). Runs without a checkpoint; a hotel whose listing fails is a failed item.
    /// </summary>
    /// <param name="registry">The hotels' connectors.</param>
    /// <param name="hotels">The hotels; ids must be unique.</param>
    /// <param name="filter">The arrival dates and optional room type and rate plan.</param>
    /// <param name="options">Parallelism (its checkpoint is not used).</param>
    /// <param name="progress">Receives progress after every hotel; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the listing.</param>
    /// <returns>Per hotel, the reservations found.</returns>
    public static Task<PmsBulkReport<IReadOnlyList<PmsBulkCancellation>>> FindReservationsAsync(
        IPmsConnectorRegistry registry,
        IReadOnlyList<PmsBulkHotel> hotels,
        PmsReservationFilter filter,
        PmsBulkOptions options,
        IProgress<PmsBulkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(hotels);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(options);
        var dates = Dates(filter.From, filter.To, nameof(filter));
        return PerHotelAsync(
            hotels,
            async (h, token) =>
            {
                var reservations = await ArrivalsAsync(registry.Get(h.HotelId), dates, includeCancelled: true, token).ConfigureAwait(false);
                return (IReadOnlyList<PmsBulkCancellation>)[.. reservations
                    .Where(r => (filter.RoomTypeId is null || r.RoomTypeId == filter.RoomTypeId) && (filter.RatePlanId is null || r.RatePlanId == filter.RatePlanId))
                    .Select(r => new PmsBulkCancellation(h, r.VendorId))];
            },
            With(options, parameters: null, checkpointPath: null),
            progress,
            cancellationToken);
    }

    /// <summary>
    /// Cancels reservations, each at most once: the reservation is read first, and one already cancelled is reported as
    /// <see cref="PmsCancelOutcome.AlreadyCancelled"/> without a write; with the checkpoint a resumed job never touches a
    /// reservation it cancelled before. A dry run reads only, writes no checkpoint, and reports
    /// <see cref="PmsCancelOutcome.WouldCancel"/> (or the failure a reservation past cancelling would give).
    /// </summary>
    /// <param name="registry">The hotels' connectors.</param>
    /// <param name="reservations">The reservations; each at most once.</param>
    /// <param name="reason">The reason stored where the vendor has a field for it, or <see langword="null"/>.</param>
    /// <param name="dryRun">Whether to report only.</param>
    /// <param name="options">Parallelism and checkpoint (ignored by a dry run); the reason is part of the fingerprint.</param>
    /// <param name="progress">Receives progress after every reservation; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the job.</param>
    /// <returns>One result per reservation.</returns>
    public static Task<PmsBulkReport<PmsCancelResult>> CancelReservationsAsync(
        IPmsConnectorRegistry registry,
        IReadOnlyList<PmsBulkCancellation> reservations,
        string? reason,
        bool dryRun,
        PmsBulkOptions options,
        IProgress<PmsBulkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(reservations);
        ArgumentNullException.ThrowIfNull(options);
        return PmsBulkRunner.RunAsync(
            reservations,
            r => r.ItemId,
            r => r.Hotel.AccountKey,
            async (r, token) =>
            {
                var connector = registry.Get(r.Hotel.HotelId);
                var before = await connector.GetReservationAsync(r.ReservationId, token).ConfigureAwait(false);
                if (before.Status == ReservationStatus.Cancelled)
                {
                    return new PmsCancelResult(PmsCancelOutcome.AlreadyCancelled, before.Status);
                }

                if (dryRun)
                {
                    return before.Status is ReservationStatus.Confirmed or ReservationStatus.Tentative or ReservationStatus.Waitlisted
                        ? new PmsCancelResult(PmsCancelOutcome.WouldCancel, before.Status)
                        : throw new PmsConflictException($"The reservation is {before.Status}; it cannot be cancelled.") { Vendor = connector.Vendor, Operation = "CancelReservation" };
                }

                await connector.CancelReservationAsync(r.ReservationId, reason, token).ConfigureAwait(false);
                return new PmsCancelResult(PmsCancelOutcome.Cancelled, before.Status);
            },
            With(options, $"cancel {reason}", dryRun ? null : options.CheckpointPath),
            progress,
            cancellationToken);
    }

    private static Task<PmsBulkReport<TResult>> PerHotelAsync<TResult>(
        IReadOnlyList<PmsBulkHotel> hotels,
        Func<PmsBulkHotel, CancellationToken, Task<TResult>> work,
        PmsBulkOptions options,
        IProgress<PmsBulkProgress>? progress,
        CancellationToken cancellationToken) =>
        PmsBulkRunner.RunAsync(hotels, h => h.HotelId, h => h.AccountKey, work, options, progress, cancellationToken);

    private static PmsBulkOptions With(PmsBulkOptions options, string? parameters, string? checkpointPath) => new()
    {
        MaxParallelismPerAccount = options.MaxParallelismPerAccount,
        CheckpointPath = checkpointPath,
        StartAfresh = options.StartAfresh,
        Parameters = options.Parameters is null ? parameters : $"{parameters}\n{options.Parameters}",
    };

    private static DateOnly[] Dates(DateOnly from, DateOnly to, string parameterName)
    {
        var days = to.DayNumber - from.DayNumber + 1;
        if (days is < 1 or > MaxDays)
        {
            throw new ArgumentException($"The range {from:yyyy-MM-dd} to {to:yyyy-MM-dd} must run forwards and span at most {MaxDays} days.", parameterName);
        }

        return [.. Enumerable.Range(0, days).Select(from.AddDays)];
    }

    /// <summary>The arrivals of every date, each reservation once, in arrival order.</summary>
    private static async Task<List<Reservation>> ArrivalsAsync(IPmsConnector connector, DateOnly[] dates, bool includeCancelled, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var reservations = new List<Reservation>();
        foreach (var date in dates)
        {
            await foreach (var reservation in connector.GetReservationsAsync(ReservationQuery.Arrivals(date) with { IncludeCancelled = includeCancelled }, cancellationToken).ConfigureAwait(false))
            {
                if (seen.Add(reservation.VendorId))
                {
                    reservations.Add(reservation);
                }
            }
        }

        return reservations;
    }
}
