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
/// account, the bulk lane, a checkpoint to resume from, a progress bar and one result row per item. The jobs
/// <c>push</c>, <c>guests</c> and <c>cancel</c> are <see cref="PmsBulkJobs"/>, each in a file of its own here.
/// </summary>
internal sealed class BulkCommand(IAnsiConsole console) : AsyncCommand<BulkCommand.Settings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(settings.ConfigFile), optional: false, reloadOnChange: false).Build();
        var hotels = configuration.GetSection(settings.Section).GetChildren()
            .Select(h => new BulkHotel(h.Key, h["Vendor"]?.Trim() ?? string.Empty, string.IsNullOrWhiteSpace(h["AccountKey"]) ? $"{h["Vendor"]}:{h.Key}" : h["AccountKey"]!, h))
            .ToList();
        if (hotels.Count == 0)
        {
            console.MarkupLine($"[red]error:[/] no hotels under '{Markup.Escape(settings.Section)}' in {Markup.Escape(settings.ConfigFile)}.");
            return HotelPmsCli.Failed;
        }

        // The hotels of vendors the tool carries, registered the way a host registers them (HotelConnectors); the others
        // are reported per item, so one unknown vendor does not stop the job.
        var carried = new ConfigurationBuilder()
            .AddInMemoryCollection(hotels.Where(h => HotelConnectors.IsKnown(h.Vendor)).SelectMany(h => h.Configuration.AsEnumerable()).Where(v => v.Value is not null))
            .Build();
        var services = HotelConnectors.Build(carried.GetSection(settings.Section));
        await using var disposeServices = services.ConfigureAwait(false);
        var job = new BulkJobContext(console, settings, hotels, new CarriedHotels(services.GetRequiredService<IPmsConnectorRegistry>(), hotels), cancellationToken);
        try
        {
            return settings.Job switch
            {
                BulkJob.Push => await BulkPushJob.RunAsync(job).ConfigureAwait(false),
                BulkJob.Guests => await BulkGuestExportJob.RunAsync(job).ConfigureAwait(false),
                BulkJob.Cancel => await BulkCancelJob.RunAsync(job).ConfigureAwait(false),
                _ => await RunReadJobAsync(job).ConfigureAwait(false),
            };
        }
        catch (PmsBulkCheckpointMismatchException exception)
        {
            console.MarkupLine($"[red]error:[/] {Markup.Escape(exception.Message)} [grey](--fresh discards it)[/]");
            return HotelPmsCli.Failed;
        }
    }

    /// <summary>The read-only jobs: arrivals (count each hotel's arrivals on --date) and health.</summary>
    private static async Task<int> RunReadJobAsync(BulkJobContext job)
    {
        var date = job.Settings.Date ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var options = job.Options($"{job.Settings.Job} {date:yyyy-MM-dd}");
        var report = await job.RunWithProgressAsync($"{job.Settings.Job} ({job.Hotels.Count} hotels)", job.Hotels.Count, progress => PmsBulkRunner.RunAsync(
            job.Hotels,
            h => h.Id,
            h => h.AccountKey,
            (h, token) => RunAsync(job.Settings.Job, job.Registry.Get(h.Id), date, token),
            options,
            progress,
            job.CancellationToken)).ConfigureAwait(false);
        return job.Render(report, "Hotel", value => value);
    }

    private static async Task<string> RunAsync(BulkJob job, IPmsConnector connector, DateOnly date, CancellationToken cancellationToken)
    {
        if (job == BulkJob.Arrivals)
        {
            var arrivals = 0;
            await foreach (var _ in connector.GetReservationsAsync(ReservationQuery.Arrivals(date), cancellationToken).ConfigureAwait(false))
            {
                arrivals++;
            }

            return string.Create(CultureInfo.InvariantCulture, $"{arrivals} arrivals on {date:yyyy-MM-dd}");
        }

        var health = await connector.CheckHealthAsync(cancellationToken).ConfigureAwait(false);
        return health.Status.ToString();
    }

    /// <summary>The settings of <c>hotelpms bulk</c>.</summary>
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<job>")]
        [Description("The job: arrivals (count each hotel's arrivals on --date), health (check each hotel's connection), push (rates, availability and restrictions from --values), guests (export the guests of --from..--to arrivals to --output), cancel (the reservations of --ids or of --from..--to arrivals).")]
        public BulkJob Job { get; init; }

        [CommandOption("-c|--config <FILE>")]
        [Description("The configuration file with the hotels (the sample host's appsettings.json shape).")]
        public string ConfigFile { get; init; } = "appsettings.json";

        [CommandOption("--section <NAME>")]
        [Description("The section that lists the hotels. Default Hotels.")]
        public string Section { get; init; } = "Hotels";

        [CommandOption("--date <DATE>")]
        [Description("arrivals: the arrival date (yyyy-MM-dd). Default today (UTC).")]
        public DateOnly? Date { get; init; }

        [CommandOption("--from <DATE>")]
        [Description("guests, cancel: the first arrival date (yyyy-MM-dd).")]
        public DateOnly? From { get; init; }

        [CommandOption("--to <DATE>")]
        [Description("guests, cancel: the last arrival date (included). Default --from.")]
        public DateOnly? To { get; init; }

        [CommandOption("--values <FILE>")]
        [Description("push: a JSON file, per hotel id the Availability, Restrictions and Rates to push.")]
        public string? ValuesFile { get; init; }

        [CommandOption("-o|--output <DIR>")]
        [Description("guests: the folder to write one file per hotel to (required: the files hold personal data).")]
        public string? Output { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("guests: csv or json. Default csv.")]
        public PmsGuestExportFormat Format { get; init; } = PmsGuestExportFormat.Csv;

        [CommandOption("--ids <FILE>")]
        [Description("cancel: a file with one 'hotel,reservation id' per line.")]
        public string? IdsFile { get; init; }

        [CommandOption("--room-type <ID>")]
        [Description("cancel with --from: only reservations of this room type.")]
        public string? RoomType { get; init; }

        [CommandOption("--rate-plan <ID>")]
        [Description("cancel with --from: only reservations of this rate plan.")]
        public string? RatePlan { get; init; }

        [CommandOption("--reason <TEXT>")]
        [Description("cancel: the reason stored where the PMS has a field for it.")]
        public string? Reason { get; init; }

        [CommandOption("--dry-run")]
        [Description("cancel: report what would be cancelled; nothing is written.")]
        public bool DryRun { get; init; }

        [CommandOption("-y|--yes")]
        [Description("cancel: do not ask for confirmation.")]
        public bool Yes { get; init; }

        [CommandOption("-p|--parallel <N>")]
        [Description("Items of one vendor account run at the same time (1 to 64). Default 4.")]
        public int Parallelism { get; init; } = 4;

        [CommandOption("--checkpoint <FILE>")]
        [Description("Checkpoint file: a rerun with the same file skips the items done and runs the rest.")]
        public string? Checkpoint { get; init; }

        [CommandOption("--fresh")]
        [Description("Discard the checkpoint and run every item again.")]
        public bool Fresh { get; init; }

        public override ValidationResult Validate() =>
            Parallelism is < 1 or > 64 ? ValidationResult.Error("--parallel must be between 1 and 64.")
            : !File.Exists(ConfigFile) ? ValidationResult.Error($"The configuration file '{ConfigFile}' does not exist.")
            : To is not null && From is null ? ValidationResult.Error("--to needs --from.")
            : Job switch
            {
                BulkJob.Push when ValuesFile is null || !File.Exists(ValuesFile) => ValidationResult.Error("push needs --values with an existing file."),
                BulkJob.Guests when string.IsNullOrWhiteSpace(Output) => ValidationResult.Error("guests needs --output: the folder for the export files (they hold personal data)."),
                BulkJob.Guests when From is null => ValidationResult.Error("guests needs --from (and optionally --to)."),
                BulkJob.Cancel when (IdsFile is null) == (From is null) => ValidationResult.Error("cancel needs either --ids or --from (and optionally --to), not both."),
                BulkJob.Cancel when IdsFile is not null && !File.Exists(IdsFile) => ValidationResult.Error($"The ids file '{IdsFile}' does not exist."),
                _ => ValidationResult.Success(),
            };
    }
}

/// <summary>The jobs of <c>hotelpms bulk</c>.</summary>
internal enum BulkJob
{
    /// <summary>Counts each hotel's arrivals on a date.</summary>
    Arrivals,

    /// <summary>Checks each hotel's connection.</summary>
    Health,

    /// <summary>Pushes rates, availability and restrictions.</summary>
    Push,

    /// <summary>Exports the guests of a date range's arrivals.</summary>
    Guests,

    /// <summary>Cancels reservations.</summary>
    Cancel,
}
