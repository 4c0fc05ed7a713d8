using System.ComponentModel;
using HotelPlatform.Connectors.Cli.Hotels;
using HotelPlatform.Connectors.GuestSync;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HotelPlatform.Connectors.Cli.Commands.GuestSync;

/// <summary>
/// <c>hotelpms guests sync</c>: syncs one guest across the chain's PMSs named in a configuration file (the sample
/// host's <c>Hotels</c> shape, plus <c>PhoneRegion</c> per hotel) into a SQLite golden store, or with
/// <c>--dry-run</c> prints what would change; <c>--all</c> syncs every guest of the chain (GuestSyncCommand.All.cs).
/// </summary>
internal sealed partial class GuestSyncCommand(IAnsiConsole console) : AsyncCommand<GuestSyncCommand.Settings>
{
    /// <summary>The command line of <c>guests sync</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Gets or sets the JSON file with the chain's <c>Hotels</c>.</summary>
        [CommandOption("-c|--config <FILE>")]
        [Description("JSON file with a \"Hotels\" section (as the sample host's), each hotel with its Vendor settings and a \"PhoneRegion\" (ISO 3166-1 alpha-2).")]
        public string ConfigFile { get; set; } = string.Empty;

        /// <summary>Gets or sets the guest's e-mail address.</summary>
        [CommandOption("--email <EMAIL>")]
        [Description("The guest's e-mail address.")]
        public string? Email { get; set; }

        /// <summary>Gets or sets the guest's phone number.</summary>
        [CommandOption("--phone <PHONE>")]
        [Description("The guest's phone number (E.164, or national in the first hotel's region).")]
        public string? Phone { get; set; }

        /// <summary>Gets or sets the golden store file.</summary>
        [CommandOption("--store <FILE>")]
        [Description("The SQLite file of golden records (created when absent). Default: guests.db.")]
        public string Store { get; set; } = "guests.db";

        /// <summary>Gets or sets a value indicating whether to only report.</summary>
        [CommandOption("--dry-run")]
        [Description("Report what would change; write nothing to any PMS or the store.")]
        public bool DryRun { get; set; }

        /// <summary>Gets or sets a value indicating whether to sync every guest of the chain.</summary>
        [CommandOption("--all")]
        [Description("Sync every guest of the chain's reservations (changed since --since; or, with --mirror, staying from --since to --until) as a resumable bulk job.")]
        public bool All { get; set; }

        /// <summary>Gets or sets the start of the window of <c>--all</c>.</summary>
        [CommandOption("--since <DATE>")]
        [Description("With --all: reservations changed since this date (yyyy-MM-dd, UTC), or with --mirror the first night. Default 90 days ago.")]
        public DateOnly? Since { get; set; }

        /// <summary>Gets or sets the last night of the mirror's window.</summary>
        [CommandOption("--until <DATE>")]
        [Description("With --all --mirror: the last night of the window (yyyy-MM-dd). Default a year from today.")]
        public DateOnly? Until { get; set; }

        /// <summary>Gets or sets the reservation mirror to read the guests from.</summary>
        [CommandOption("--mirror <FILE>")]
        [Description("With --all: read the guests from this SQLite reservation mirror (no vendor call) instead of the PMSs.")]
        public string? Mirror { get; set; }

        /// <summary>Gets or sets the checkpoint file of <c>--all</c>.</summary>
        [CommandOption("--checkpoint <FILE>")]
        [Description("With --all: a rerun with the same file skips the guests synced before (not with --dry-run).")]
        public string? Checkpoint { get; set; }

        /// <summary>Gets or sets how many guests are synced at a time.</summary>
        [CommandOption("-p|--parallel <N>")]
        [Description("With --all: guests synced at the same time (1 to 64). Default 4.")]
        public int Parallelism { get; set; } = 4;

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(ConfigFile))
            {
                return ValidationResult.Error("--config is required.");
            }

            if (All)
            {
                return !string.IsNullOrWhiteSpace(Email) || !string.IsNullOrWhiteSpace(Phone) ? ValidationResult.Error("--all syncs every guest: leave out --email and --phone.")
                    : DryRun && Checkpoint is not null ? ValidationResult.Error("A dry run writes nothing and keeps no checkpoint: leave out --checkpoint.")
                    : Parallelism is < 1 or > 64 ? ValidationResult.Error("--parallel must be between 1 and 64.")
                    : Mirror is not null && !File.Exists(Mirror) ? ValidationResult.Error($"The mirror file '{Mirror}' does not exist.")
                    : ValidationResult.Success();
            }

            return string.IsNullOrWhiteSpace(Email) && string.IsNullOrWhiteSpace(Phone)
                ? ValidationResult.Error("Give --email or --phone (or --all): a name alone never identifies a guest.")
                : ValidationResult.Success();
        }
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!File.Exists(settings.ConfigFile))
        {
            console.MarkupLine($"[red]error:[/] configuration file {Markup.Escape(settings.ConfigFile)} does not exist.");
            return HotelPmsCli.Failed;
        }

        var hotels = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(settings.ConfigFile)).Build().GetSection("Hotels");
        if (!hotels.GetChildren().Any())
        {
            console.MarkupLine("[red]error:[/] the configuration has no hotel under \"Hotels\".");
            return HotelPmsCli.Failed;
        }

        var provider = HotelConnectors.Build(hotels);
        await using var providerScope = provider.ConfigureAwait(false);
        List<GuestSyncHotel> chain = [];
        foreach (var hotel in hotels.GetChildren())
        {
            if (string.IsNullOrWhiteSpace(hotel["PhoneRegion"]))
            {
                console.MarkupLine($"[red]error:[/] hotel {Markup.Escape(hotel.Key)} has no PhoneRegion (ISO 3166-1 alpha-2, for example DE).");
                return HotelPmsCli.Failed;
            }

            chain.Add(new GuestSyncHotel(hotel.Key, provider.GetRequiredKeyedService<IPmsConnector>(hotel.Key), hotel["PhoneRegion"]!));
        }

        var sync = new GuestSyncService(chain, new SqliteGoldenGuestStore(settings.Store), timeProvider: provider.GetService<TimeProvider>());
        if (settings.All)
        {
            return await SyncAllAsync(sync, settings, provider.GetService<TimeProvider>() ?? TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }

        var report = await sync.SyncAsync(new GuestSyncRequest { Email = settings.Email, Phone = settings.Phone, DryRun = settings.DryRun }, cancellationToken).ConfigureAwait(false);
        Print(report);
        var failed = report.Issues.Any(i => i.Kind == GuestSyncIssueKind.PmsReadFailed) || report.Propagations.Any(p => p.Outcome == GuestPropagationOutcome.Failed);
        return failed ? HotelPmsCli.Failed : HotelPmsCli.Success;
    }

    private void Print(GuestSyncReport report)
    {
        console.MarkupLine(report.GoldenGuestId is null
            ? "No profile of this guest was found in any PMS."
            : $"Golden guest [bold]{Markup.Escape(report.GoldenGuestId)}[/]{(report.DryRun ? " [yellow](dry run: nothing written)[/]" : string.Empty)}");

        if (report.GoldenChanges.Count > 0)
        {
            var changes = new Table().Title("Golden record").AddColumns("Field", "Before", "After", "From");
            foreach (var change in report.GoldenChanges)
            {
                changes.AddRow(change.Field.ToString(), Escape(change.OldValue), Escape(change.NewValue), Markup.Escape(change.SourceHotelId));
            }

            console.Write(changes);
        }

        if (report.Conflicts.Count > 0)
        {
            var conflicts = new Table().Title("Conflicts").AddColumns("Field", "Values", "Kept", "Why");
            foreach (var conflict in report.Conflicts)
            {
                var values = string.Join(", ", conflict.Values.Select(v => $"{v.HotelId}: {v.Value ?? "(empty)"}"));
                conflicts.AddRow(conflict.Field.ToString(), Markup.Escape(values), $"{Escape(conflict.ResolvedValue)} ({Markup.Escape(conflict.ResolvedFrom)})", Markup.Escape(conflict.Resolution));
            }

            console.Write(conflicts);
        }

        var propagations = new Table().Title("PMS profiles").AddColumns("Hotel", "Profile", "Outcome", "Fields", "Reason");
        foreach (var propagation in report.Propagations)
        {
            propagations.AddRow(Markup.Escape(propagation.HotelId), Escape(propagation.VendorId), propagation.Outcome.ToString(),
                string.Join(", ", propagation.Fields), Escape(propagation.Reason));
        }

        console.Write(propagations);
        foreach (var issue in report.Issues)
        {
            console.MarkupLine($"[yellow]{issue.Kind}[/] {Markup.Escape(issue.HotelId)}{(issue.VendorId is null ? string.Empty : "/" + Markup.Escape(issue.VendorId))}: {Markup.Escape(issue.Message)}");
        }
    }

    private static string Escape(string? value) => value is null ? "-" : Markup.Escape(value);
}
