using HotelPlatform.Connectors.Mews.Wire;

namespace HotelPlatform.Connectors.Mews.Mapping;

/// <summary>
/// One resource category's night as <c>services/getAvailability/2024-01-22</c> counts it: <c>UsableResources</c>,
/// <c>Occupied</c> and <c>PublicAvailabilityAdjustment</c> (the relative adjustment <c>services/updateAvailability</c>
/// sets). What can be sold is <c>UsableResources − Occupied + PublicAvailabilityAdjustment</c>: our reading, Mews
/// documents the metrics, not a formula (docs/connectors/mews.md).
/// </summary>
internal sealed record MewsNightCounts(DateOnly Date, int Usable, int Occupied, int Adjustment)
{
    /// <summary>The metrics the connector asks for.</summary>
    public static readonly IReadOnlyList<string> Metrics = ["Occupied", "UsableResources", "PublicAvailabilityAdjustment"];

    /// <summary>Gets what is left to sell without any adjustment.</summary>
    public int Unadjusted => Usable - Occupied;

    /// <summary>Gets what can be sold, never negative.</summary>
    public int Available => Math.Max(0, Unadjusted + Adjustment);

    /// <summary>Reads one answer into counts per resource category and night.</summary>
    public static Dictionary<string, List<MewsNightCounts>> Read(AvailabilityResult? answer, TimeZoneInfo zone)
    {
        var result = new Dictionary<string, List<MewsNightCounts>>(StringComparer.OrdinalIgnoreCase);
        if (answer is null)
        {
            return result;
        }

        var dates = answer.TimeUnitStartsUtc.Select(start => MewsTime.ToLocalDate(start, zone)).ToList();
        foreach (var category in answer.ResourceCategoryAvailabilities)
        {
            int[] Metric(string name) => [.. category.Metrics.GetValueOrDefault(name) ?? []];
            var (usable, occupied, adjustment) = (Metric("UsableResources"), Metric("Occupied"), Metric("PublicAvailabilityAdjustment"));
            result[category.ResourceCategoryId] = [.. dates.Select((date, i) => new MewsNightCounts(date, usable.ElementAtOrDefault(i), occupied.ElementAtOrDefault(i), adjustment.ElementAtOrDefault(i)))];
        }

        return result;
    }
}
