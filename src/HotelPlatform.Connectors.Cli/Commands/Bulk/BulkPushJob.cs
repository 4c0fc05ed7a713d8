using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using HotelPlatform.Connectors.Bulk;
using Spectre.Console;

namespace HotelPlatform.Connectors.Cli.Commands.Bulk;

/// <summary>
/// <c>hotelpms bulk push --values ari.json</c>: pushes each listed hotel's availability, restrictions and rates
/// (<see cref="PmsBulkJobs.PushRatesAndAvailabilityAsync"/>); a hotel whose PMS takes no such push is "not supported".
/// </summary>
internal static class BulkPushJob
{
    public static async Task<int> RunAsync(BulkJobContext job)
    {
        Dictionary<string, PmsRatesAndAvailabilityUpdate>? values;
        try
        {
            var stream = File.OpenRead(job.Settings.ValuesFile!);
            await using (stream.ConfigureAwait(false))
            {
                values = await JsonSerializer.DeserializeAsync(stream, BulkPushJson.Default.DictionaryStringPmsRatesAndAvailabilityUpdate, job.CancellationToken).ConfigureAwait(false);
            }
        }
        catch (JsonException exception)
        {
            job.Console.MarkupLine($"[red]error:[/] {Markup.Escape(job.Settings.ValuesFile!)} is not a values file: {Markup.Escape(exception.Message)}");
            return HotelPmsCli.Failed;
        }

        var unknown = (values ?? []).Keys.Where(id => job.Hotels.All(h => h.Id != id)).ToList();
        if (values is not { Count: > 0 } || unknown.Count > 0)
        {
            job.Console.MarkupLine(unknown.Count > 0
                ? $"[red]error:[/] {Markup.Escape(job.Settings.ValuesFile!)} names hotels the configuration does not have: {Markup.Escape(string.Join(", ", unknown))}."
                : $"[red]error:[/] {Markup.Escape(job.Settings.ValuesFile!)} lists no hotel.");
            return HotelPmsCli.Failed;
        }

        var pushes = job.Hotels.Where(h => values.ContainsKey(h.Id)).Select(h => new PmsBulkPush(h.ForJob, values[h.Id])).ToList();
        var report = await job.RunWithProgressAsync($"push ({pushes.Count} hotels)", pushes.Count, progress =>
            PmsBulkJobs.PushRatesAndAvailabilityAsync(job.Registry, pushes, job.Options(), progress, job.CancellationToken)).ConfigureAwait(false);
        return job.Render(report, "Hotel", r => string.Create(CultureInfo.InvariantCulture, $"{r.Requests} requests sent{(r.Warnings.Count > 0 ? "; warnings: " + string.Join("; ", r.Warnings) : string.Empty)}"));
    }
}

/// <summary>The values file of <c>bulk push</c>: per hotel id, a <see cref="PmsRatesAndAvailabilityUpdate"/>; unknown members are refused.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true)]
[JsonSerializable(typeof(Dictionary<string, PmsRatesAndAvailabilityUpdate>))]
internal sealed partial class BulkPushJson : JsonSerializerContext;
