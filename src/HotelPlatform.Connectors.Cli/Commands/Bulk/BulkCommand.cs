using System.ComponentModel;
using System.Globalization;
using HotelPlatform.Connectors.Bulk;
using HotelPlatform.Connectors.Cli.Hotels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HotelPlatform.Connectors.Cli.Commands.Bulk;

/// <summary>
/// <c>hotelpms bulk &lt;job&gt; --config appsettings.json</c>: runs a chain-wide job over the hotels of a configuration
/// file (the sample host's <c>Hotels</c> shape) with <see cref="PmsBulkRunner"/>: bounded parallelism per vendor
/// account, the bulk lane, a checkpoint to resume from, a progress bar and one result row per hotel.
/// </summary>
internal sealed class BulkCommand(IAnsiConsole console) : AsyncCommand<BulkCommand.Settings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(settings.ConfigFile), optional: false, reloadOnChange: false).Build();
        var hotels = configuration.GetSection(settings.Section).GetChildren()
            .Select(h => new Hotel(h.Key, h["Vendor"]?.Trim() ?? string.Empty, string.IsNullOrWhiteSpace(h["AccountKey"]) ? $"{h["Vendor"]}:{h.Key}" : h["AccountKey"]!, h))
            .ToList();
        if (hotels.Count == 0)
        {
            console.MarkupLine($"[red]error:[/] no hotels under '{Markup.Escape(settings.Section)}' in {Markup.Escape(settings.ConfigFile)}.");
            return HotelPmsCli.Failed;
        }

        // The hotels of vendors the tool carries, registered the way a host registers them (HotelConnectors); the others
        // are reported per hotel, so one unknown vendor does not stop the job.
        var carried = new ConfigurationBuilder()
            .AddInMemoryCollection(hotels.Where(h => HotelConnectors.IsKnown(h.Vendor)).SelectMany(h => h.Configuration.AsEnumerable()).Where(v => v.Value is not null))
            .Build();
        var services = HotelConnectors.Build(carried.GetSection(settings.Section));
        await using var disposeServices = services.ConfigureAwait(false);
        var registry = services.GetRequiredService<IPmsConnectorRegistry>();
        var date = settings.Date ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var options = new PmsBulkOptions { MaxParallelismPerAccount = settings.Parallelism, CheckpointPath = settings.Checkpoint };

        PmsBulkReport<string> report = null!;
        await console.Progress().AutoClear(false).StartAsync(async progress =>
        {
            var bar = progress.AddTask($"{settings.Job} ({hotels.Count} hotels)", maxValue: hotels.Count);
            report = await PmsBulkRunner.RunAsync(
                hotels,
                h => h.Id,
                h => h.AccountKey,
                (h, token) => RunAsync(settings.Job, h, registry, date, token),
                options,
                new BarProgress(bar),
                cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);

        var table = new Table().AddColumn("Hotel").AddColumn("Account").AddColumn("Status").AddColumn("Result");
        foreach (var item in report.Items)
        {
            var status = item.Status switch
            {
                PmsBulkItemStatus.Succeeded => item.FromCheckpoint ? "[green]done earlier[/]" : "[green]succeeded[/]",
                PmsBulkItemStatus.Failed => "[red]failed[/]",
                _ => "[yellow]not run[/]",
            };
            table.AddRow(Markup.Escape(item.ItemId), Markup.Escape(item.AccountKey), status, Markup.Escape(item.Value ?? item.Error ?? string.Empty));
        }

        console.Write(table);
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"{report.Succeeded} succeeded, {report.Failed} failed, {report.NotRun} not run."));
        return report.Failed == 0 && !report.Cancelled ? HotelPmsCli.Success : HotelPmsCli.Failed;
    }

    private static async Task<string> RunAsync(BulkJob job, Hotel hotel, IPmsConnectorRegistry registry, DateOnly date, CancellationToken cancellationToken)
    {
        if (!HotelConnectors.IsKnown(hotel.Vendor))
        {
            throw new NotSupportedException($"vendor '{hotel.Vendor}' is not carried by hotelpms (available: {string.Join(", ", HotelConnectors.Vendors)}).");
        }

        var connector = registry.Get(hotel.Id);
        switch (job)
        {
            case BulkJob.Arrivals:
                var arrivals = 0;
                await foreach (var _ in connector.GetReservationsAsync(ReservationQuery.Arrivals(date), cancellationToken).ConfigureAwait(false))
                {
                    arrivals++;
                }

                return string.Create(CultureInfo.InvariantCulture, $"{arrivals} arrivals on {date:yyyy-MM-dd}");
            default:
                var health = await connector.CheckHealthAsync(cancellationToken).ConfigureAwait(false);
                return health.Status.ToString();
        }
    }

    /// <summary>The settings of <c>hotelpms bulk</c>.</summary>
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<job>")]
        [Description("The job: arrivals (count each hotel's arrivals on --date) or health (check each hotel's connection).")]
        public BulkJob Job { get; init; }

        [CommandOption("-c|--config <FILE>")]
        [Description("The configuration file with the hotels (the sample host's appsettings.json shape).")]
        public string ConfigFile { get; init; } = "appsettings.json";

        [CommandOption("--section <NAME>")]
        [Description("The section that lists the hotels. Default Hotels.")]
        public string Section { get; init; } = "Hotels";

        [CommandOption("--date <DATE>")]
        [Description("The arrival date (yyyy-MM-dd). Default today (UTC).")]
        public DateOnly? Date { get; init; }

        [CommandOption("-p|--parallel <N>")]
        [Description("Hotels of one vendor account run at the same time (1 to 64). Default 4.")]
        public int Parallelism { get; init; } = 4;

        [CommandOption("--checkpoint <FILE>")]
        [Description("Checkpoint file: a rerun with the same file skips hotels that succeeded and runs the rest.")]
        public string? Checkpoint { get; init; }

        public override ValidationResult Validate() =>
            Parallelism is < 1 or > 64 ? ValidationResult.Error("--parallel must be between 1 and 64.")
            : !File.Exists(ConfigFile) ? ValidationResult.Error($"The configuration file '{ConfigFile}' does not exist.")
            : ValidationResult.Success();
    }

    /// <summary>Moves the progress bar as hotels finish.</summary>
    private sealed class BarProgress(ProgressTask bar) : IProgress<PmsBulkProgress>
    {
        public void Report(PmsBulkProgress value)
        {
            bar.Value = value.Done;
            bar.Description = string.Create(CultureInfo.InvariantCulture, $"{value.Done}/{value.Total} hotels, {value.Failed} failed");
        }
    }

    private sealed record Hotel(string Id, string Vendor, string AccountKey, IConfigurationSection Configuration);
}

/// <summary>The jobs of <c>hotelpms bulk</c>.</summary>
internal enum BulkJob
{
    /// <summary>Counts each hotel's arrivals on a date.</summary>
    Arrivals,

    /// <summary>Checks each hotel's connection.</summary>
    Health,
}
