namespace HotelPlatform.Connectors.Mirror;

/// <summary>Settings of the reservation mirror's freshness report and health check.</summary>
public sealed class PmsMirrorOptions
{
    /// <summary>Gets or sets the lag (age of the oldest event of the hotel still waiting in the inbox) above which a hotel is reported stale. Default 5 minutes.</summary>
    public TimeSpan MaxLag { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets or sets how old the start of a hotel's last completed reconciliation may be before the hotel is reported
    /// stale (webhooks may have been lost since); <see langword="null"/> does not check. Default 1 hour (four runs at the
    /// inbox's default 15-minute interval).
    /// </summary>
    public TimeSpan? MaxReconciliationAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets how many of a hotel's waiting inbox events the freshness report reads to measure the lag. Default 500.</summary>
    public int PendingScanLimit { get; set; } = 500;
}
