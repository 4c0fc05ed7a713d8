namespace HotelPlatform.Connectors.Analytics.Reports;

/// <summary>
/// What the analysis reports need from the host: the stated exchange rates of the revenue report and the targets of the
/// SLA report (both left <see langword="null"/> when not configured: those reports then fail with a
/// <see cref="ReportConfigurationException"/> saying what they need rather than guessing), and the period and bin width
/// of the time series.
/// </summary>
public sealed record AnalyticsReportSettings
{
    /// <summary>Gets settings with no rates and no targets.</summary>
    public static AnalyticsReportSettings None { get; } = new();

    /// <summary>Gets the exchange rates of the revenue report (and revenue per call in the hotel benchmarks), or <see langword="null"/>.</summary>
    public CurrencyRates? Rates { get; init; }

    /// <summary>Gets the targets of the SLA compliance report, or <see langword="null"/>.</summary>
    public SlaTargets? Sla { get; init; }

    /// <summary>Gets the period of the intent-accuracy trend.</summary>
    public AnalyticsPeriod AccuracyPeriod { get; init; } = AnalyticsPeriod.Day;

    /// <summary>Gets the bin width of the handling-time histogram.</summary>
    public TimeSpan HandlingTimeBinWidth { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>A report was read without the configuration it needs (exchange rates, SLA targets); the message names it.</summary>
public sealed class ReportConfigurationException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public ReportConfigurationException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What the report needs and where to configure it.</param>
    public ReportConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What the report needs and where to configure it.</param>
    /// <param name="innerException">The cause.</param>
    public ReportConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
