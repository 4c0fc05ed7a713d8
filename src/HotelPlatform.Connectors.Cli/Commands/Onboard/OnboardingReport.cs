using System.Globalization;
using System.Text;

namespace HotelPlatform.Connectors.Cli.Commands.Onboard;

/// <summary>What an onboarding run found, written as a Markdown report for the people who run the platform.</summary>
internal sealed record OnboardingReport
{
    /// <summary>Gets the hotel's id.</summary>
    public required string HotelId { get; init; }

    /// <summary>Gets the vendor.</summary>
    public required string Vendor { get; init; }

    /// <summary>Gets how the vendor was chosen (given, or detected and why).</summary>
    public required string VendorSource { get; init; }

    /// <summary>Gets when the run started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Gets the property read, when it was.</summary>
    public PmsProperty? Property { get; init; }

    /// <summary>Gets the checks, in order.</summary>
    public required IReadOnlyList<OnboardingCheck> Checks { get; init; }

    /// <summary>Gets the quota headroom seen.</summary>
    public string? Quota { get; init; }

    /// <summary>Gets the settings written (secret values never appear: only their names).</summary>
    public required IReadOnlyList<string> SettingsWritten { get; init; }

    /// <summary>Gets the secret settings left out of the file.</summary>
    public required IReadOnlyList<string> SecretsNotWritten { get; init; }

    /// <summary>Gets the configuration file written, or <see langword="null"/>.</summary>
    public string? ConfigurationFile { get; init; }

    /// <summary>Gets the run's verdict.</summary>
    public required string Verdict { get; init; }

    /// <summary>Gets what the run did at the PMS. Default: read-only.</summary>
    public string RunMode { get; init; } = "read-only (nothing booked, changed or cancelled)";

    /// <summary>Gets the report's title.</summary>
    public string Title => $"Onboarding report: {HotelId}";

    /// <summary>Gets the summary, label and text (Markdown code spans in backticks), as both renderings show it.</summary>
    public IReadOnlyList<(string Label, string Text)> Summary =>
    [
        ("Vendor", $"{Vendor} ({VendorSource})"),
        .. Property is { } property ? [("Property", $"{property.Name} (`{property.VendorId}`), time zone {property.TimeZone}, currency {property.Currency}")] : Array.Empty<(string, string)>(),
        ("Run", string.Create(CultureInfo.InvariantCulture, $"{StartedAt:yyyy-MM-dd HH:mm:ss} UTC, {RunMode}")),
        ("Quota headroom", Quota ?? "not measured"),
        ("Verdict", Verdict),
    ];

    /// <summary>Gets the paragraphs of the configuration section (Markdown code spans in backticks).</summary>
    public IReadOnlyList<string> ConfigurationParagraphs =>
    [
        ConfigurationFile is null ? "No configuration written." : $"Section `Hotels:{HotelId}` written to `{Path.GetFileName(ConfigurationFile)}` with: {string.Join(", ", SettingsWritten.Select(s => $"`{s}`"))}.",
        .. SecretsNotWritten.Count > 0
            ? [$"Secrets not written (supply them from a secret store or environment variables, e.g. `Hotels__{HotelId}__{SecretsNotWritten[0].Replace(":", "__", StringComparison.Ordinal)}`): {string.Join(", ", SecretsNotWritten.Select(s => $"`{s}`"))}."]
            : Array.Empty<string>(),
    ];

    /// <summary>Renders the report as Markdown.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        Line(text, $"# {Title}");
        Line(text, string.Empty);
        foreach (var (label, value) in Summary)
        {
            Line(text, $"- **{label}:** {value}");
        }

        Line(text, string.Empty);
        Line(text, "## Checks");
        Line(text, string.Empty);
        Line(text, "| Check | Result | Detail | Time |");
        Line(text, "|---|---|---|---|");
        foreach (var check in Checks)
        {
            Line(text, $"| {Cell(check.Name)} | {check.Outcome} | {Cell(check.Detail)} | {check.Duration.TotalMilliseconds:0} ms |");
        }

        Line(text, string.Empty);
        Line(text, "## Configuration");
        foreach (var paragraph in ConfigurationParagraphs)
        {
            Line(text, string.Empty);
            Line(text, paragraph);
        }

        return text.ToString();
    }

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    private static void Line(StringBuilder text, FormattableString line) => text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
