namespace HotelPlatform.Connectors;

/// <summary>A request for the availability grid of a stay.</summary>
/// <param name="Arrival">The first night.</param>
/// <param name="Departure">The departure day; the last night is the day before.</param>
public sealed record AvailabilityRequest(DateOnly Arrival, DateOnly Departure)
{
    /// <summary>Gets the room types to include; empty for all.</summary>
    public IReadOnlyList<string> RoomTypeIds { get; init; } = [];

    /// <summary>Gets the nights from <see cref="Arrival"/> to the day before <see cref="Departure"/>.</summary>
    public int Nights => Departure.DayNumber - Arrival.DayNumber;
}

/// <summary>Per room type and night: how many rooms can be sold and the restrictions in force.</summary>
/// <param name="PropertyId">The vendor's property identifier.</param>
/// <param name="Arrival">The first night covered.</param>
/// <param name="Departure">The day after the last night covered.</param>
/// <param name="RoomTypes">One row per room type.</param>
public sealed record AvailabilityGrid(string PropertyId, DateOnly Arrival, DateOnly Departure, IReadOnlyList<RoomTypeAvailability> RoomTypes)
{
    /// <summary>Gets the row of one room type, or <see langword="null"/>.</summary>
    /// <param name="roomTypeId">The room type's vendor identifier.</param>
    /// <returns>The row, or <see langword="null"/> when the grid has none for that room type.</returns>
    public RoomTypeAvailability? this[string roomTypeId] =>
        RoomTypes.FirstOrDefault(r => string.Equals(r.RoomTypeId, roomTypeId, StringComparison.Ordinal));
}

/// <summary>The availability of one room type, night by night.</summary>
/// <param name="RoomTypeId">The room type's vendor identifier.</param>
/// <param name="Nights">One entry per night, in date order.</param>
public sealed record RoomTypeAvailability(string RoomTypeId, IReadOnlyList<NightAvailability> Nights)
{
    /// <summary>Gets the number of rooms that can be sold for every night of the range: the minimum over the nights.</summary>
    public int AvailableForWholeStay => Nights.Count == 0 ? 0 : Nights.Min(n => n.Available);
}

/// <summary>One night of one room type.</summary>
/// <param name="Date">The night (the date the night starts).</param>
/// <param name="Available">Rooms that can still be sold; never negative.</param>
public sealed record NightAvailability(DateOnly Date, int Available)
{
    /// <summary>Gets the stay restrictions in force for an arrival, stay-through or departure on this date.</summary>
    public StayRestrictions Restrictions { get; init; } = StayRestrictions.None;
}

/// <summary>Stay restrictions of a night.</summary>
public sealed record StayRestrictions
{
    /// <summary>Gets the instance with no restriction.</summary>
    public static StayRestrictions None { get; } = new();

    /// <summary>Gets the minimum length of stay in nights for a stay arriving on the night, or <see langword="null"/>.</summary>
    public int? MinStay { get; init; }

    /// <summary>Gets the maximum length of stay in nights for a stay arriving on the night, or <see langword="null"/>.</summary>
    public int? MaxStay { get; init; }

    /// <summary>Gets a value indicating whether no stay may arrive on the night.</summary>
    public bool ClosedToArrival { get; init; }

    /// <summary>Gets a value indicating whether no stay may depart on the date.</summary>
    public bool ClosedToDeparture { get; init; }

    /// <summary>Gets a value indicating whether the night cannot be sold at all (stop sell).</summary>
    public bool Closed { get; init; }

    /// <summary>Gets a value indicating whether any restriction is set.</summary>
    public bool IsRestricted => MinStay is not null || MaxStay is not null || ClosedToArrival || ClosedToDeparture || Closed;
}
