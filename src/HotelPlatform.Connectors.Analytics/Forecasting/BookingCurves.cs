namespace HotelPlatform.Connectors.Analytics.Forecasting;

/// <summary>A booking as the forecaster sees it: when it was made and the nights it holds.</summary>
/// <param name="BookedOn">The hotel-local date the booking was made.</param>
/// <param name="Arrival">The first night.</param>
/// <param name="Departure">The departure date (the night before it is the last one).</param>
/// <param name="Rooms">Rooms booked.</param>
public sealed record BookingRecord(DateOnly BookedOn, DateOnly Arrival, DateOnly Departure, int Rooms = 1);

/// <summary>
/// The booking curves of a hotel: for each stay night, the room nights on the books at each lead time (days before the
/// night), cumulative, as they were known on <see cref="AsOf"/>. Only bookings made on or before that date are counted.
/// </summary>
public sealed class BookingCurves
{
    private readonly Dictionary<DateOnly, int[]> _curves = [];

    /// <summary>Builds the curves.</summary>
    /// <param name="bookings">The bookings (later ones are ignored).</param>
    /// <param name="asOf">The date the books are read on.</param>
    /// <param name="maxLeadDays">The longest lead time tracked; bookings made earlier count at this lead.</param>
    public BookingCurves(IEnumerable<BookingRecord> bookings, DateOnly asOf, int maxLeadDays)
    {
        ArgumentNullException.ThrowIfNull(bookings);
        ArgumentOutOfRangeException.ThrowIfNegative(maxLeadDays);
        AsOf = asOf;
        MaxLeadDays = maxLeadDays;
        foreach (var booking in bookings)
        {
            if (booking.BookedOn > asOf)
            {
                continue;
            }

            for (var night = booking.Arrival; night < booking.Departure; night = night.AddDays(1))
            {
                if (!_curves.TryGetValue(night, out var curve))
                {
                    _curves[night] = curve = new int[maxLeadDays + 1];
                }

                int lead = Math.Clamp(night.DayNumber - booking.BookedOn.DayNumber, 0, maxLeadDays);
                curve[lead] += booking.Rooms;
            }
        }

        // Cumulative from the longest lead down: curve[l] = room nights booked at least l days ahead.
        foreach (var curve in _curves.Values)
        {
            for (int lead = maxLeadDays - 1; lead >= 0; lead--)
            {
                curve[lead] += curve[lead + 1];
            }
        }
    }

    /// <summary>Gets the date the books were read on.</summary>
    public DateOnly AsOf { get; }

    /// <summary>Gets the longest lead time tracked.</summary>
    public int MaxLeadDays { get; }

    /// <summary>Room nights on the books for a night, booked at least <paramref name="leadDays"/> days ahead.</summary>
    /// <param name="night">The stay night.</param>
    /// <param name="leadDays">The lead time, clamped to [0, <see cref="MaxLeadDays"/>].</param>
    /// <returns>The room nights (0 for a night nobody booked).</returns>
    public int OnTheBooks(DateOnly night, int leadDays) =>
        _curves.TryGetValue(night, out var curve) ? curve[Math.Clamp(leadDays, 0, MaxLeadDays)] : 0;

    /// <summary>The room nights a past night finally held (everything booked up to the night itself).</summary>
    /// <param name="night">A night before <see cref="AsOf"/>.</param>
    /// <returns>The final room nights.</returns>
    public int Final(DateOnly night) => OnTheBooks(night, 0);
}
