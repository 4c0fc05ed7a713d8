using System.Globalization;
using HotelPlatform.Connectors.Bulk;

namespace HotelPlatform.Connectors.Cli.Commands.Bulk;

/// <summary>
/// <c>hotelpms bulk guests --from 2026-03-01 --to 2026-03-31 --output exports/</c>: writes per hotel the guests of the
/// range's arrivals to <c>&lt;hotel&gt;.guests.csv</c> (or <c>.json</c>) with <see cref="PmsBulkJobs.ExportGuestsAsync"/>.
/// The console shows counts and file names only, never guest data.
/// </summary>
internal static class BulkGuestExportJob
{
    public static async Task<int> RunAsync(BulkJobContext job)
    {
        var from = job.Settings.From!.Value;
        var export = new PmsGuestExport(from, job.Settings.To ?? from, job.Settings.Output!, job.Settings.Format);
        var hotels = job.Hotels.Select(h => h.ForJob).ToList();
        var report = await job.RunWithProgressAsync($"guests ({hotels.Count} hotels)", hotels.Count, progress =>
            PmsBulkJobs.ExportGuestsAsync(job.Registry, hotels, export, job.Options(), progress, job.CancellationToken)).ConfigureAwait(false);
        return job.Render(report, "Hotel", r => string.Create(CultureInfo.InvariantCulture, $"{r.Guests} guests of {r.Reservations} reservations → {Path.GetFileName(r.FilePath)}"));
    }
}
