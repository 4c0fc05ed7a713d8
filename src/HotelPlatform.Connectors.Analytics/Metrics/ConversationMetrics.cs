namespace HotelPlatform.Connectors.Analytics;

/// <summary>
/// What a set of calls achieved. Every figure is computed from stored events (see docs/analytics.md for the definitions):
/// a call is <em>completed</em> when it has a <see cref="ConversationEventKind.BookingMade"/>, <em>transferred</em> when
/// it was handed to staff without a booking, and <em>abandoned</em> otherwise.
/// </summary>
/// <param name="Calls">Calls started.</param>
/// <param name="Completed">Calls with a booking.</param>
/// <param name="Transferred">Calls handed to staff without a booking.</param>
/// <param name="OffersMade">Offers the agent made.</param>
/// <param name="OffersAccepted">Offers the guest accepted.</param>
/// <param name="OffersDeclined">Offers the guest declined.</param>
/// <param name="IntentTurns">User turns with both a detected and a confirmed intent.</param>
/// <param name="IntentCorrect">Those whose detected intent equals the confirmed one.</param>
/// <param name="Funnel">Calls reaching each funnel stage, in order.</param>
/// <param name="HandlingTime">Handling time of the calls that ended.</param>
public sealed record ConversationMetrics(
    long Calls,
    long Completed,
    long Transferred,
    long OffersMade,
    long OffersAccepted,
    long OffersDeclined,
    long IntentTurns,
    long IntentCorrect,
    IReadOnlyList<FunnelStage> Funnel,
    HandlingTimeSummary HandlingTime)
{
    /// <summary>Gets calls neither completed nor transferred.</summary>
    public long Abandoned => Calls - Completed - Transferred;

    /// <summary>Gets completed calls over calls, or <see langword="null"/> with no call.</summary>
    public double? CompletionRate => Ratio(Completed, Calls);

    /// <summary>Gets accepted offers over offers made, or <see langword="null"/> with no offer.</summary>
    public double? OfferAcceptanceRate => Ratio(OffersAccepted, OffersMade);

    /// <summary>Gets correct intents over scored user turns, or <see langword="null"/> with none.</summary>
    public double? IntentAccuracy => Ratio(IntentCorrect, IntentTurns);

    /// <summary>Gets the drop-off between consecutive funnel stages, starting from the calls themselves.</summary>
    public IReadOnlyList<FunnelDropOff> FunnelDropOffs =>
    [
        .. Funnel.Select((stage, i) =>
        {
            var (from, at) = i == 0 ? ("calls", Calls) : (Funnel[i - 1].Name, Funnel[i - 1].Calls);
            return new FunnelDropOff(from, stage.Name, at - stage.Calls, Ratio(at - stage.Calls, at));
        }),
    ];

    private static double? Ratio(long part, long whole) => whole == 0 ? null : (double)part / whole;
}

/// <summary>One stage of the call funnel.</summary>
/// <param name="Name">The stage: <c>search</c>, <c>offer</c>, <c>reservation</c>, <c>confirmation</c>.</param>
/// <param name="Calls">Calls that reached it.</param>
public sealed record FunnelStage(string Name, long Calls);

/// <summary>How long ended calls took, from <see cref="ConversationEventKind.CallStarted"/> to <see cref="ConversationEventKind.CallEnded"/>.</summary>
/// <param name="Calls">Calls that ended.</param>
/// <param name="Average">The mean, or <see langword="null"/> with no ended call.</param>
/// <param name="Median">The median (continuous quantile).</param>
/// <param name="P90">The 90th percentile (continuous quantile).</param>
/// <param name="Maximum">The longest.</param>
public sealed record HandlingTimeSummary(long Calls, TimeSpan? Average, TimeSpan? Median, TimeSpan? P90, TimeSpan? Maximum);
