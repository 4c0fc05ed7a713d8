namespace HotelPlatform.Connectors;

/// <summary>A rate plan: the conditions and pricing a room type is sold under.</summary>
/// <param name="VendorId">The vendor's identifier.</param>
/// <param name="Name">The display name.</param>
public sealed record RatePlan(string VendorId, string Name)
{
    /// <summary>Gets the vendor's short code, where it has one.</summary>
    public string? Code { get; init; }

    /// <summary>Gets the description.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the room types the plan sells; empty when the vendor does not say.</summary>
    public IReadOnlyList<string> RoomTypeIds { get; init; } = [];

    /// <summary>Gets the cancellation policy, where the plan has a fixed one.</summary>
    public CancellationPolicy? CancellationPolicy { get; init; }

    /// <summary>Gets the ISO 4217 currency the plan is priced in, where known.</summary>
    public string? Currency { get; init; }
}
