namespace HotelPlatform.Connectors.Analytics;

/// <summary>How often a confirmed intent was detected as each intent.</summary>
/// <param name="Confirmed">The reviewed (gold) intent.</param>
/// <param name="Detected">The detector's intent.</param>
/// <param name="Turns">User turns with that pair.</param>
public sealed record IntentConfusionCell(string Confirmed, string Detected, long Turns);

/// <summary>Precision and recall of one intent.</summary>
/// <param name="Intent">The intent.</param>
/// <param name="Precision">Turns detected as it that were confirmed as it, over turns detected as it; <see langword="null"/> if never detected.</param>
/// <param name="Recall">Turns confirmed as it that were detected as it, over turns confirmed as it; <see langword="null"/> if never confirmed.</param>
public sealed record IntentScore(string Intent, double? Precision, double? Recall);

/// <summary>The confusion matrix of the intent detector over the scored user turns of the selected calls.</summary>
/// <param name="Cells">The non-empty cells, by confirmed then detected intent (ordinal).</param>
public sealed record IntentConfusion(IReadOnlyList<IntentConfusionCell> Cells)
{
    /// <summary>Gets each intent's precision and recall, by intent (ordinal).</summary>
    public IReadOnlyList<IntentScore> Scores =>
    [
        .. Cells.SelectMany(c => new[] { c.Confirmed, c.Detected }).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(intent =>
        {
            long correct = Cells.Where(c => c.Confirmed == intent && c.Detected == intent).Sum(c => c.Turns);
            long detected = Cells.Where(c => c.Detected == intent).Sum(c => c.Turns);
            long confirmed = Cells.Where(c => c.Confirmed == intent).Sum(c => c.Turns);
            return new IntentScore(intent, detected == 0 ? null : (double)correct / detected, confirmed == 0 ? null : (double)correct / confirmed);
        }),
    ];
}
