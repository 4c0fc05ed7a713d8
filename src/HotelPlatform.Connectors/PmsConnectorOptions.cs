namespace HotelPlatform.Connectors;

/// <summary>Settings every connector has. Vendor options classes derive from it.</summary>
public class PmsConnectorOptions
{
    /// <summary>Gets or sets the vendor's identifier of the property the hotel is (required).</summary>
    public string PropertyId { get; set; } = string.Empty;

    /// <summary>Gets or sets the vendor API's base address; the vendor's production address when <see langword="null"/>. Point it at a sandbox or a simulator.</summary>
    public Uri? BaseAddress { get; set; }
}
