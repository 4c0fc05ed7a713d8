using System.Globalization;
using HotelPlatform.Connectors.Bulk;
using HotelPlatform.Connectors.GuestSync;
using HotelPlatform.Connectors.Mirror.Sqlite;
using Spectre.Console;

namespace HotelPlatform.Connectors.Cli.Commands.GuestSync;

/// <summary><c>hotelpms guests sync --all</c>: every guest of the chain as a resumable bulk job with a progress bar and one row per guest.</summary>
internal sealed partial class GuestSyncCommand
{
    private async Task<int> SyncAllAsync(GuestSyncService sync, Settings settings, TimeProvider time, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var since = settings.Since ?? today.AddDays(-90);
        var run = new GuestSyncChainRun(sync);
        var collected = settings.Mirror is { } mirrorFile
            ? await run.CollectFromMirrorAsync(new SqlitePmsReservationMirror(mirrorFile), since, settings.Until ?? today.AddDays(365), cancellationToken).ConfigureAwait(false)
            : await run.CollectFromPmsAsync(new DateTimeOffset(since.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), cancellationToken).ConfigureAwait(false);
        foreach (var issue in collected.Issues)
        {
            console.MarkupLine($"[yellow]{issue.Kind}[/] {Markup.Escape(issue.HotelId)}: {Markup.Escape(issue.Message)}");
        }

        var options = new PmsBulkOptions { MaxParallelismPerAccount = settings.Parallelism, CheckpointPath = settings.Checkpoint };
        PmsBulkReport<GuestSyncReport> report = null!;
        await console.Progress().AutoClear(false).StartAsync(async progress =>
        {
            var bar = progress.AddTask(string.Create(CultureInfo.InvariantCulture, $"guests ({collected.Guests.Count})"), maxValue: Math.Max(1, collected.Guests.Count));
            report = await run.RunAsync(collected.Guests, options, settings.DryRun, new GuestsDone(bar), cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);

        var table = new Table().Title(settings.DryRun ? "Guests (dry run: nothing written)" : "Guests").AddColumns("Golden guest", "Status", "Golden changes", "PMS writes", "Conflicts", "Error");
        foreach (var item in report.Items)
        {
            var value = item.Value;
            var status = item.Status switch
            {
                PmsBulkItemStatus.Succeeded => item.FromCheckpoint ? "[green]done earlier[/]" : "[green]synced[/]",
                PmsBulkItemStatus.Failed => "[red]failed[/]",
                _ => "[yellow]not run[/]",
            };
            var writes = value?.Propagations.Count(p => p.Outcome is GuestPropagationOutcome.Created or GuestPropagationOutcome.Updated);
            table.AddRow(Escape(value?.GoldenGuestId ?? item.ItemId), status, Count(value?.GoldenChanges.Count), Count(writes), Count(value?.Conflicts.Count), Escape(item.Error));
        }

        console.Write(table);
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"{collected.Guests.Count} guests: {report.Succeeded} synced, {report.Failed} failed, {report.NotRun} not run."));
        return report.Failed == 0 && !report.Cancelled && collected.Issues.Count == 0 ? HotelPmsCli.Success : HotelPmsCli.Failed;
    }

    private static string Count(int? count) => count?.ToString(CultureInfo.InvariantCulture) ?? "-";

    /// <summary>Moves the bar as guests finish, on the reporting thread (Progress&lt;T&gt; would post, and could arrive out of order).</summary>
    private sealed class GuestsDone(ProgressTask bar) : IProgress<PmsBulkProgress>
    {
        public void Report(PmsBulkProgress value) => bar.Value = Math.Max(bar.Value, value.Done);
    }
}
