using System.Globalization;
using HotelPlatform.Connectors.Analytics;
using HotelPlatform.Connectors.Analytics.Reports;

namespace HotelPlatform.Samples.Host.Analytics;

/// <summary>
/// Reads the analysis reports' settings: <c>Analytics:Rates</c> (<c>ReportingCurrency</c>, <c>Source</c> and
/// <c>Rates:{code}</c> — reporting-currency units per unit) and <c>Analytics:Sla</c> (the <see cref="SlaTargets"/>
/// properties). A section left out leaves its report saying it needs it; nothing is filled in.
/// </summary>
internal static class AnalyticsReportConfiguration
{
    public static AnalyticsReportSettings Read(IConfiguration configuration)
    {
        var analytics = configuration.GetSection("Analytics");
        var sla = analytics.GetSection("Sla");
        return new AnalyticsReportSettings
        {
            Rates = ReadRates(analytics.GetSection("Rates")),
            Sla = sla.Exists() ? sla.Get<SlaTargets>() : null,
        };
    }

    private static CurrencyRates? ReadRates(IConfigurationSection section)
    {
        if (!section.Exists())
        {
            return null;
        }

        string currency = section["ReportingCurrency"] is { Length: > 0 } code ? code : throw new InvalidOperationException("Analytics:Rates:ReportingCurrency is required when Analytics:Rates is set.");
        string source = section["Source"] is { Length: > 0 } stated ? stated : throw new InvalidOperationException("Analytics:Rates:Source is required: the reports state where their rates come from.");
        var rates = section.GetSection("Rates").GetChildren().ToDictionary(
            rate => rate.Key,
            rate => decimal.Parse(rate.Value ?? string.Empty, NumberStyles.Number, CultureInfo.InvariantCulture),
            StringComparer.OrdinalIgnoreCase);
        return new CurrencyRates(currency, rates, source);
    }
}
