namespace HotelPlatform.Connectors;

/// <summary>A kind of room that is sold (Apaleo unit group, Mews resource category, OPERA room type).</summary>
/// <param name="VendorId">The vendor's identifier.</param>
/// <param name="Name">The display name.</param>
public sealed record RoomType(string VendorId, string Name)
{
    /// <summary>Gets the vendor's short code, where it has one.</summary>
    public string? Code { get; init; }

    /// <summary>Gets the description shown to guests.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the most persons the room type sleeps.</summary>
    public int? MaxOccupancy { get; init; }

    /// <summary>Gets the number of physical rooms of this type.</summary>
    public int? RoomCount { get; init; }
}
