using System.Globalization;
using HotelPlatform.Connectors.Bulk;
using Spectre.Console;

namespace HotelPlatform.Connectors.Cli.Commands.Bulk;

/// <summary>
/// <c>hotelpms bulk cancel (--ids ids.csv | --from 2026-03-01 [--to …] [--room-type …] [--rate-plan …]) [--dry-run] [--yes]</c>:
/// cancels reservations with <see cref="PmsBulkJobs.CancelReservationsAsync"/>, each at most once. Without
/// <c>--yes</c> it asks first (and refuses when it cannot ask); <c>--dry-run</c> reads only.
/// </summary>
internal static class BulkCancelJob
{
    public static async Task<int> RunAsync(BulkJobContext job)
    {
        var settings = job.Settings;
        var exit = HotelPmsCli.Success;
        List<PmsBulkCancellation> reservations;
        if (settings.IdsFile is not null)
        {
            var (read, error) = await ReadIdsAsync(job).ConfigureAwait(false);
            if (error is not null)
            {
                job.Console.MarkupLine($"[red]error:[/] {Markup.Escape(error)}");
                return HotelPmsCli.Failed;
            }

            reservations = read;
        }
        else
        {
            var filter = new PmsReservationFilter(settings.From!.Value, settings.To ?? settings.From!.Value) { RoomTypeId = settings.RoomType, RatePlanId = settings.RatePlan };
            var hotels = job.Hotels.Select(h => h.ForJob).ToList();
            var found = await job.RunWithProgressAsync($"finding reservations ({hotels.Count} hotels)", hotels.Count, progress =>
                PmsBulkJobs.FindReservationsAsync(job.Registry, hotels, filter, job.Options(), progress, job.CancellationToken)).ConfigureAwait(false);
            if (found.Items.Any(i => i.Status != PmsBulkItemStatus.Succeeded))
            {
                // The hotels whose reservations could not be listed are reported; the others go on.
                job.Console.MarkupLine("Hotels whose reservations could not be listed:");
                exit = job.Render(found with { Items = [.. found.Items.Where(i => i.Status != PmsBulkItemStatus.Succeeded)] }, "Hotel", _ => null);
            }

            if (found.Cancelled)
            {
                return HotelPmsCli.Failed;
            }

            reservations = [.. found.Items.Where(i => i.Status == PmsBulkItemStatus.Succeeded).SelectMany(i => i.Value!)];
        }

        if (reservations.Count == 0)
        {
            job.Console.MarkupLine("No reservation to cancel.");
            return exit;
        }

        if (!settings.DryRun && !settings.Yes && !Confirmed(job, reservations))
        {
            return HotelPmsCli.Failed;
        }

        var title = settings.DryRun ? $"dry run: cancel ({reservations.Count} reservations)" : $"cancel ({reservations.Count} reservations)";
        var report = await job.RunWithProgressAsync(title, reservations.Count, progress =>
            PmsBulkJobs.CancelReservationsAsync(job.Registry, reservations, settings.Reason, settings.DryRun, job.Options(), progress, job.CancellationToken)).ConfigureAwait(false);
        var rendered = job.Render(report, "Hotel/reservation", r => r.Outcome switch
        {
            PmsCancelOutcome.Cancelled => $"cancelled (was {r.StatusBefore})",
            PmsCancelOutcome.AlreadyCancelled => "already cancelled",
            _ => $"would cancel (now {r.StatusBefore})",
        });
        if (settings.DryRun)
        {
            job.Console.MarkupLine("[grey]Dry run: nothing was cancelled and no checkpoint was written.[/]");
        }

        return exit == HotelPmsCli.Success ? rendered : exit;
    }

    private static bool Confirmed(BulkJobContext job, List<PmsBulkCancellation> reservations)
    {
        var question = string.Create(CultureInfo.InvariantCulture, $"Cancel {reservations.Count} reservations in {reservations.Select(r => r.Hotel.HotelId).Distinct(StringComparer.Ordinal).Count()} hotels?");
        if (!job.Console.Profile.Capabilities.Interactive)
        {
            job.Console.MarkupLine($"[red]error:[/] {Markup.Escape(question)} Confirm with --yes (or look first with --dry-run); this console cannot ask.");
            return false;
        }

        if (job.Console.Confirm(Markup.Escape(question), defaultValue: false))
        {
            return true;
        }

        job.Console.MarkupLine("Nothing was cancelled.");
        return false;
    }

    /// <summary>Reads <c>hotel,reservation id</c> lines (blank lines and <c>#</c> comments skipped), each reservation once.</summary>
    private static async Task<(List<PmsBulkCancellation> Reservations, string? Error)> ReadIdsAsync(BulkJobContext job)
    {
        var reservations = new List<PmsBulkCancellation>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(job.Settings.IdsFile!, job.CancellationToken).ConfigureAwait(false))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                return ([], string.Create(CultureInfo.InvariantCulture, $"{job.Settings.IdsFile} line {number}: expected 'hotel,reservation id'."));
            }

            if (job.Hotels.FirstOrDefault(h => h.Id == parts[0]) is not { } hotel)
            {
                return ([], string.Create(CultureInfo.InvariantCulture, $"{job.Settings.IdsFile} line {number}: no hotel '{parts[0]}' in the configuration."));
            }

            var reservation = new PmsBulkCancellation(hotel.ForJob, parts[1]);
            if (seen.Add(reservation.ItemId))
            {
                reservations.Add(reservation);
            }
        }

        return (reservations, null);
    }
}
