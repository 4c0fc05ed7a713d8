using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using HotelPlatform.Connectors.Bulk;
using HotelPlatform.Connectors.Cli.Hotels;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace HotelPlatform.Connectors.Cli.Commands.Bulk;

/// <summary>A hotel of the configuration file.</summary>
/// <param name="Id">Its key.</param>
/// <param name="Vendor">Its vendor.</param>
/// <param name="AccountKey">The vendor account it spends quota of (<c>AccountKey</c>, default <c>vendor:hotel</c>).</param>
/// <param name="Configuration">Its section.</param>
internal sealed record BulkHotel(string Id, string Vendor, string AccountKey, IConfigurationSection Configuration)
{
    /// <summary>Gets the hotel as a bulk job sees it.</summary>
    public PmsBulkHotel ForJob => new(Id, AccountKey);
}

/// <summary>What every job of <c>hotelpms bulk</c> runs with, and the progress bar and result table they share.</summary>
internal sealed class BulkJobContext(IAnsiConsole console, BulkCommand.Settings settings, IReadOnlyList<BulkHotel> hotels, IPmsConnectorRegistry registry, CancellationToken cancellationToken)
{
    public IAnsiConsole Console { get; } = console;

    public BulkCommand.Settings Settings { get; } = settings;

    public IReadOnlyList<BulkHotel> Hotels { get; } = hotels;

    public IPmsConnectorRegistry Registry { get; } = registry;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The runner's options from the command line; <paramref name="parameters"/> joins the checkpoint's fingerprint.</summary>
    public PmsBulkOptions Options(string? parameters = null) =>
        new() { MaxParallelismPerAccount = Settings.Parallelism, CheckpointPath = Settings.Checkpoint, StartAfresh = Settings.Fresh, Parameters = parameters };

    /// <summary>Runs a job under a progress bar.</summary>
    public async Task<PmsBulkReport<T>> RunWithProgressAsync<T>(string title, int total, Func<IProgress<PmsBulkProgress>, Task<PmsBulkReport<T>>> run)
    {
        PmsBulkReport<T> report = null!;
        await Console.Progress().AutoClear(false).StartAsync(async progress =>
        {
            var bar = progress.AddTask(Markup.Escape(title), maxValue: Math.Max(total, 1));
            report = await run(new BarProgress(bar)).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return report;
    }

    /// <summary>Writes one row per item and the totals; returns the exit code (success only when every item succeeded).</summary>
    public int Render<T>(PmsBulkReport<T> report, string itemColumn, Func<T, string?> describe)
    {
        var table = new Table().AddColumn(itemColumn).AddColumn("Account").AddColumn("Status").AddColumn("Result");
        foreach (var item in report.Items)
        {
            var status = item.Status switch
            {
                PmsBulkItemStatus.Succeeded => item.FromCheckpoint ? "[green]done earlier[/]" : "[green]succeeded[/]",
                PmsBulkItemStatus.Failed => "[red]failed[/]",
                PmsBulkItemStatus.NotSupported => "[grey]not supported[/]",
                _ => "[yellow]not run[/]",
            };
            var result = item.Status == PmsBulkItemStatus.Succeeded && !item.FromCheckpoint ? describe(item.Value!) : item.Error;
            table.AddRow(Markup.Escape(item.ItemId), Markup.Escape(item.AccountKey), status, Markup.Escape(result ?? string.Empty));
        }

        Console.Write(table);
        Console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"{report.Succeeded} succeeded, {report.Failed} failed, {report.NotSupported} not supported, {report.NotRun} not run."));
        return report.Failed == 0 && !report.Cancelled ? HotelPmsCli.Success : HotelPmsCli.Failed;
    }

    /// <summary>Moves the progress bar as items finish.</summary>
    private sealed class BarProgress(ProgressTask bar) : IProgress<PmsBulkProgress>
    {
        public void Report(PmsBulkProgress value)
        {
            bar.MaxValue = Math.Max(value.Total, 1);
            bar.Value = value.Done;
            bar.Description = string.Create(CultureInfo.InvariantCulture, $"{value.Done}/{value.Total} done, {value.Failed} failed");
        }
    }
}

/// <summary>
/// The registry of the hotels the tool carries; a hotel of another vendor is that item's failure ("vendor 'protel' is
/// not carried by hotelpms"), not the job's.
/// </summary>
internal sealed class CarriedHotels(IPmsConnectorRegistry inner, IReadOnlyList<BulkHotel> hotels) : IPmsConnectorRegistry
{
    public IReadOnlyList<PmsHotelRegistration> Hotels => inner.Hotels;

    public IPmsConnector Get(string hotelId) =>
        hotels.FirstOrDefault(h => h.Id == hotelId) is { } hotel && !HotelConnectors.IsKnown(hotel.Vendor)
            ? throw new NotSupportedException($"vendor '{hotel.Vendor}' is not carried by hotelpms (available: {string.Join(", ", HotelConnectors.Vendors)}).")
            : inner.Get(hotelId);

    public bool TryGet(string hotelId, [NotNullWhen(true)] out IPmsConnector? connector) => inner.TryGet(hotelId, out connector);
}
