namespace HotelPlatform.Connectors;

/// <summary>Settings every connector has. Vendor options classes derive from it.</summary>
public class PmsConnectorOptions
{
    /// <summary>Gets or sets the vendor's identifier of the property the hotel is (required).</summary>
    public string PropertyId { get; set; } = string.Empty;

    /// <summary>Gets or sets the vendor API's base address; the vendor's production address when <see langword="null"/>. Point it at a sandbox or a simulator.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// Gets or sets how long the hotel's reference data (its property, room types, rate plans, the vendor's
    /// configuration) is kept before it is read again: every request counts against the account's quota, and concurrent
    /// callers share one read. <see cref="TimeSpan.Zero"/> reads it on every call. Default 10 minutes.
    /// </summary>
    public TimeSpan ReferenceDataLifetime { get; set; } = TimeSpan.FromMinutes(10);
}
