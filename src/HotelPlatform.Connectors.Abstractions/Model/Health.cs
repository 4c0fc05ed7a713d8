namespace HotelPlatform.Connectors;

/// <summary>The health of a connection to a PMS.</summary>
public enum PmsHealthStatus
{
    /// <summary>The PMS cannot be used.</summary>
    Unhealthy = 0,

    /// <summary>The PMS answers, but slowly or with restrictions (for example rate limited).</summary>
    Degraded = 1,

    /// <summary>The PMS answers and accepts the credentials.</summary>
    Healthy = 2,
}

/// <summary>The outcome of <see cref="IPmsConnector.CheckHealthAsync"/>.</summary>
/// <param name="Status">The status.</param>
/// <param name="Duration">How long the check took.</param>
public sealed record PmsHealthReport(PmsHealthStatus Status, TimeSpan Duration)
{
    /// <summary>Gets a description, free of secrets and personal data.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the failure, where the check failed.</summary>
    public Exception? Exception { get; init; }

    /// <summary>A healthy report.</summary>
    /// <param name="duration">How long the check took.</param>
    /// <param name="description">An optional description.</param>
    /// <returns>The report.</returns>
    public static PmsHealthReport Healthy(TimeSpan duration, string? description = null) =>
        new(PmsHealthStatus.Healthy, duration) { Description = description };

    /// <summary>An unhealthy report.</summary>
    /// <param name="duration">How long the check took.</param>
    /// <param name="exception">The failure.</param>
    /// <returns>The report.</returns>
    public static PmsHealthReport Unhealthy(TimeSpan duration, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new(exception is PmsRateLimitedException ? PmsHealthStatus.Degraded : PmsHealthStatus.Unhealthy, duration)
        {
            Description = exception.Message,
            Exception = exception,
        };
    }
}
