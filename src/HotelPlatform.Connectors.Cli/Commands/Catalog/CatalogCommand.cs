using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using HotelPlatform.Connectors.Catalog;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HotelPlatform.Connectors.Cli.Commands.Catalog;

/// <summary>
/// <c>hotelpms catalog</c>: the connector catalog of the packages this tool carries (docs/catalog.md), as a table or,
/// with <c>--json</c>, as the JSON the sample host serves at <c>/api/catalog</c>.
/// </summary>
internal sealed class CatalogCommand(IAnsiConsole console) : Command<CatalogCommand.Settings>
{
    /// <summary>The connector packages the tool references; the catalog reads what each declares.</summary>
    internal static readonly IReadOnlyList<Assembly> ConnectorAssemblies =
    [
        typeof(InMemory.InMemoryPms).Assembly,
        typeof(Apaleo.ApaleoOptions).Assembly,
        typeof(Mews.MewsOptions).Assembly,
        typeof(Opera.OperaOptions).Assembly,
        typeof(Cloudbeds.CloudbedsOptions).Assembly,
        typeof(SiteMinder.SiteMinderOptions).Assembly,
    ];

    /// <summary>The options of <c>hotelpms catalog</c>.</summary>
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--json")]
        [Description("Writes the catalog as JSON (the shape of the sample host's /api/catalog).")]
        public bool Json { get; init; }

        [CommandOption("--vendor <VENDOR>")]
        [Description("Shows one vendor only (apaleo, mews, opera, cloudbeds, siteminder, inmemory).")]
        public string? Vendor { get; init; }

        [CommandOption("--needs <CAPABILITY>")]
        [Description("Lists only connectors with this capability (repeat the option for several): CreateReservation, UpsertGuest, ...")]
        public string[] Needs { get; init; } = [];

        [CommandOption("--certifications <FOLDER>")]
        [Description("A folder of live contract-kit certifications (<vendor>.json) to show as each connector's certification.")]
        public string? Certifications { get; init; }

        public override ValidationResult Validate()
        {
            var unknown = Needs.Where(n => !Enum.TryParse<ConnectorCapabilities>(n, ignoreCase: true, out var c) || c is ConnectorCapabilities.None or ConnectorCapabilities.All || int.TryParse(n, CultureInfo.InvariantCulture, out _)).ToArray();
            if (unknown.Length > 0)
            {
                var known = string.Join(", ", Enum.GetNames<ConnectorCapabilities>().Where(n => n is not nameof(ConnectorCapabilities.None) and not nameof(ConnectorCapabilities.All)));
                return ValidationResult.Error($"Unknown capability {string.Join(", ", unknown)}. Known: {known}.");
            }

            return Certifications is not null && !Directory.Exists(Certifications)
                ? ValidationResult.Error($"The certifications folder '{Certifications}' does not exist.")
                : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        PmsConnectorCatalog catalog;
        try
        {
            catalog = PmsConnectorCatalog.FromAssemblies(ConnectorAssemblies, settings.Certifications);
        }
        catch (InvalidDataException ex)
        {
            console.MarkupLine($"[red]error:[/] {Markup.Escape(ex.Message)}");
            return HotelPmsCli.Failed;
        }

        var needs = settings.Needs.Aggregate(ConnectorCapabilities.None, (all, n) => all | Enum.Parse<ConnectorCapabilities>(n, ignoreCase: true));
        var entries = catalog.Entries.Where(e => (e.Capabilities & needs) == needs).ToList();
        if (settings.Vendor is { } vendor)
        {
            if (catalog.Find(vendor) is null)
            {
                console.MarkupLine($"[red]error:[/] no connector for vendor '{Markup.Escape(vendor)}'. Known: {Markup.Escape(string.Join(", ", catalog.Entries.Select(e => e.Vendor)))}.");
                return HotelPmsCli.Failed;
            }

            entries = [.. entries.Where(e => string.Equals(e.Vendor, vendor, StringComparison.OrdinalIgnoreCase))];
        }

        if (settings.Json)
        {
            // Raw text, not a Spectre renderable: JSON must not be wrapped at the console's width.
            console.Profile.Out.Writer.Write(PmsConnectorCatalog.ToJson(entries));
            console.Profile.Out.Writer.WriteLine();
            return HotelPmsCli.Success;
        }

        var table = new Table().AddColumns("Vendor", "Package", "Capabilities", "Lacks", "Authentication", "Rate limits", "Vendor API", "Certification");
        foreach (var entry in entries)
        {
            table.AddRow(
                Markup.Escape($"{entry.Vendor}\n{entry.DisplayName}"),
                Markup.Escape($"{entry.Package}\n{entry.Version}"),
                Markup.Escape($"{entry.CapabilityNames.Count} of {entry.CapabilityNames.Count + entry.MissingCapabilityNames.Count}"),
                Markup.Escape(entry.MissingCapabilityNames.Count == 0 ? "-" : string.Join(", ", entry.MissingCapabilityNames)),
                Markup.Escape(string.Join(", ", entry.AuthKinds)),
                Markup.Escape(entry.RateLimits.Count == 0 ? "none documented" : string.Join("; ", entry.RateLimits.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Requests}/{l.Per.TotalSeconds:0.##}s per {l.Scope}")))),
                Markup.Escape(string.Join(", ", entry.ApiVersions.Select(a => $"{a.Api} {a.Version}").DefaultIfEmpty("-"))),
                Markup.Escape(entry.Certification switch
                {
                    null => "none",
                    _ when entry.Certified => $"certified ({entry.Certification.Mode})",
                    { Certified: true } c => $"certified {c.ConnectorVersion} only",
                    _ => "not certified",
                }));
        }

        console.Write(table);
        console.MarkupLine(CultureInfo.InvariantCulture, $"{entries.Count} of {catalog.Entries.Count} connectors");
        return HotelPmsCli.Success;
    }
}
