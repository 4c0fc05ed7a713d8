namespace HotelPlatform.Connectors.Analytics.Forecasting;

/// <summary>What a PMS's reservations gave as booking history.</summary>
/// <param name="Bookings">One record per reservation on the books (one room each), booked on the property-local date of its creation.</param>
/// <param name="Cancelled">Cancelled reservations left out (the books hold net bookings).</param>
/// <param name="WithoutCreationTime">Reservations left out because the PMS gave no creation time (no lead time without it).</param>
public sealed record PmsBookingHistory(IReadOnlyList<BookingRecord> Bookings, int Cancelled, int WithoutCreationTime);

/// <summary>
/// Demand forecasting from a hotel's PMS: its reservations (through <see cref="IPmsConnector.GetReservationsAsync"/>,
/// changed since the start of the history) become the booking history, whose booking curves feed the
/// <see cref="PickupForecaster"/>: occupancy and room nights per stay date with prediction intervals.
/// </summary>
public static class PmsDemandForecaster
{
    /// <summary>Reads a hotel's reservations created or changed since a time as booking history.</summary>
    /// <param name="connector">The hotel's connector.</param>
    /// <param name="since">The start of the history.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The history, with what was left out and why.</returns>
    public static async Task<PmsBookingHistory> ReadHistoryAsync(IPmsConnector connector, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connector);
        var property = await connector.GetPropertyAsync(cancellationToken).ConfigureAwait(false);
        var bookings = new List<BookingRecord>();
        int cancelled = 0, undated = 0;
        await foreach (var reservation in connector.GetReservationsAsync(ReservationQuery.ChangedSince(since), cancellationToken).ConfigureAwait(false))
        {
            if (reservation.Status is ReservationStatus.Cancelled)
            {
                cancelled++;
            }
            else if (reservation.CreatedAt is not { } created)
            {
                undated++;
            }
            else
            {
                bookings.Add(new BookingRecord(property.LocalDate(created), reservation.Arrival, reservation.Departure));
            }
        }

        return new PmsBookingHistory(bookings, cancelled, undated);
    }

    /// <summary>Forecasts the next nights of a hotel from its PMS.</summary>
    /// <param name="connector">The hotel's connector.</param>
    /// <param name="capacity">Rooms for sale per night.</param>
    /// <param name="asOf">The forecast date's instant (the books as they are then; the nights from the next property-local day on).</param>
    /// <param name="horizonDays">Nights ahead (90 by default); also the longest lead tracked.</param>
    /// <param name="historyDays">Days of history read before <paramref name="asOf"/>; the seasonal pickup needs a year plus the horizon, the intervals another year (800 by default).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One forecast per night, in order.</returns>
    public static async Task<IReadOnlyList<DemandForecast>> ForecastAsync(
        IPmsConnector connector, int capacity, DateTimeOffset asOf, int horizonDays = 90, int historyDays = 800, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(horizonDays);
        var history = await ReadHistoryAsync(connector, asOf.AddDays(-historyDays), cancellationToken).ConfigureAwait(false);
        var property = await connector.GetPropertyAsync(cancellationToken).ConfigureAwait(false);
        return new PickupForecaster(new BookingCurves(history.Bookings, property.LocalDate(asOf), horizonDays), capacity).Forecast(horizonDays);
    }
}
