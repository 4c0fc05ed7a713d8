using System.Globalization;

namespace HotelPlatform.Connectors.Analytics.Reports;

/// <summary>How report values read as text: invariant for files (CSV), formatted for people (PDF, dashboard).</summary>
public static class ReportValues
{
    /// <summary>Formats a value for a machine: invariant culture, timestamps ISO 8601 UTC, days <c>yyyy-MM-dd</c>, ratios as fractions.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text, or <see langword="null"/> for an absent value.</returns>
    public static string? Invariant(object? value) => value switch
    {
        null => null,
        string text => text,
        DateTimeOffset at => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Formats a value for a reader: ratios as percentages, numbers with up to two decimals, timestamps to the second.</summary>
    /// <param name="value">The value.</param>
    /// <param name="kind">Its column's kind.</param>
    /// <returns>The text; empty for an absent value.</returns>
    public static string Display(object? value, ReportColumnKind kind) => value switch
    {
        null => string.Empty,
        double ratio when kind == ReportColumnKind.Ratio => ratio.ToString("P1", CultureInfo.InvariantCulture),
        double number => number.ToString("#,0.##", CultureInfo.InvariantCulture),
        decimal number => number.ToString("#,0.##", CultureInfo.InvariantCulture),
        long count => count.ToString("#,0", CultureInfo.InvariantCulture),
        DateTimeOffset at => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        _ => Invariant(value) ?? string.Empty,
    };

    /// <summary>Reads a value as a number for charts and spreadsheets.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The number, or <see langword="null"/> when the value is absent or not numeric.</returns>
    public static double? Number(object? value) => value switch
    {
        double number => number,
        long count => count,
        int count => count,
        decimal amount => (double)amount,
        float number => number,
        _ => null,
    };
}
