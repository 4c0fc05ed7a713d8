namespace HotelPlatform.Connectors.Webhooks;

/// <summary>Settings of the webhook endpoint, the inbox dispatcher, the pollers and the reconciliation.</summary>
public sealed class PmsWebhooksOptions
{
    /// <summary>Gets or sets the largest body accepted, in bytes; a larger delivery is answered 413 and not read further. Default 1 MiB.</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Gets or sets how far an event's vendor timestamp (<see cref="PmsEvent.OccurredAt"/>) may lie from the time the
    /// delivery was received, either way, before the delivery is refused (401, nothing stored) as a replay;
    /// <see langword="null"/> (the default) checks nothing. Set it where the vendor stamps deliveries and retries for
    /// less than the window.
    /// </summary>
    public TimeSpan? ReplayWindow { get; set; }

    /// <summary>Gets or sets how many failed attempts dead-letter an event. Default 8.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Gets or sets the wait after the first failure; doubled after each further failure up to <see cref="MaxRetryDelay"/>. Default 5 s.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the longest wait between attempts. Default 15 minutes.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Gets or sets how long a dispatcher holds an event before another host may take it (a host that died mid-event). Default 5 minutes.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets how many events one dispatch round leases. Default 64.</summary>
    public int DispatchBatchSize { get; set; } = 64;

    /// <summary>Gets or sets how many events are handled at once (never two of one reservation). Default 8.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>Gets or sets how long the dispatcher waits when the inbox had nothing due (a commit in this host wakes it earlier). Default 1 s.</summary>
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the most deliveries committed in one transaction (group commit). Default 256.</summary>
    public int MaxCommitBatch { get; set; } = 256;

    /// <summary>Gets or sets a value indicating whether this host dispatches events to handlers (a host may only receive). Default <see langword="true"/>.</summary>
    public bool DispatchEnabled { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether this host polls the hotels' event sources. Default <see langword="true"/>.</summary>
    public bool PollingEnabled { get; set; } = true;

    /// <summary>Gets or sets how often each hotel is reconciled (changed-since); <see langword="null"/> turns reconciliation off. Default 15 minutes.</summary>
    public TimeSpan? ReconciliationInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Gets or sets how far before the previous run's start a reconciliation reads again, for clocks and late commits at the vendor. Default 5 minutes.</summary>
    public TimeSpan ReconciliationOverlap { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets the page size hint of the reconciliation's changed-since listing; each page is committed with its continuation token. Default 100.</summary>
    public int ReconciliationPageSize { get; set; } = 100;

    /// <summary>Gets or sets how far back the first reconciliation of a hotel reads. Default 1 day.</summary>
    public TimeSpan InitialReconciliationLookback { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Gets the wait before attempt <paramref name="failedAttempts"/> + 1.</summary>
    /// <param name="failedAttempts">Failures so far, at least 1.</param>
    /// <returns>The delay.</returns>
    public TimeSpan RetryDelay(int failedAttempts)
    {
        var exponent = Math.Clamp(failedAttempts - 1, 0, 30);
        var delay = FirstRetryDelay.TotalMilliseconds * Math.Pow(2, exponent);
        return TimeSpan.FromMilliseconds(Math.Min(delay, MaxRetryDelay.TotalMilliseconds));
    }
}
