namespace HotelPlatform.Connectors.InMemory;

/// <summary>How a fee of an in-memory rate plan (<see cref="InMemoryRatePlanBuilder.Fee"/>) is computed for a stay.</summary>
public enum InMemoryFeeBasis
{
    /// <summary>The amount once per stay.</summary>
    PerStay,

    /// <summary>The amount once per night.</summary>
    PerNight,

    /// <summary>The amount per person (adults and children) per night, as most city taxes are.</summary>
    PerPersonPerNight,

    /// <summary>A percentage of the room rate net of VAT, as Berlin's or Amsterdam's city tax is; the amount is the percentage.</summary>
    PercentOfNetRoomRate,
}
