namespace HotelPlatform.Connectors.Analytics.Forecasting;

/// <summary>The forecast of one stay night.</summary>
/// <param name="Night">The stay night.</param>
/// <param name="OnTheBooks">Room nights already booked.</param>
/// <param name="RoomNights">The forecast of the final room nights (never below the books, never above capacity).</param>
/// <param name="Lower">The lower bound of the prediction interval.</param>
/// <param name="Upper">The upper bound of the prediction interval.</param>
/// <param name="Capacity">The rooms the hotel sells.</param>
public sealed record DemandForecast(DateOnly Night, int OnTheBooks, double RoomNights, double Lower, double Upper, int Capacity)
{
    /// <summary>Gets the forecast occupancy, in [0, 1].</summary>
    public double Occupancy => Capacity == 0 ? 0 : RoomNights / Capacity;
}
