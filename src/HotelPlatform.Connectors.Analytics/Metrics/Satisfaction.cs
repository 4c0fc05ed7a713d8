namespace HotelPlatform.Connectors.Analytics;

/// <summary>
/// The weights of the satisfaction score: a call starts at <see cref="Base"/> and each signal adds its points; the sum is
/// clamped to [<see cref="Minimum"/>, <see cref="Maximum"/>] (a 1–5 scale like most post-call surveys). The defaults
/// are stated in docs/analytics.md; every call's score lists the points each signal added.
/// </summary>
public sealed record SatisfactionModel
{
    /// <summary>Gets the default weights.</summary>
    public static SatisfactionModel Default { get; } = new();

    /// <summary>Gets the score of a call with no signal.</summary>
    public double Base { get; init; } = 3.0;

    /// <summary>Gets the points for a call whose goal was reached (a booking).</summary>
    public double GoalReached { get; init; } = 1.0;

    /// <summary>Gets the points for each user turn repeating an earlier one.</summary>
    public double PerRepeat { get; init; } = -0.5;

    /// <summary>Gets the points for each user turn with a negation.</summary>
    public double PerNegation { get; init; } = -0.25;

    /// <summary>Gets the points for each user turn asking for an alternative.</summary>
    public double PerAlternativeRequested { get; init; } = -0.25;

    /// <summary>Gets the points for a last user turn that thanks.</summary>
    public double ClosingThanks { get; init; } = 0.5;

    /// <summary>Gets the lowest score.</summary>
    public double Minimum { get; init; } = 1.0;

    /// <summary>Gets the highest score.</summary>
    public double Maximum { get; init; } = 5.0;
}

/// <summary>The conversation signals of one call (user turns only; see docs/analytics.md for the word lists).</summary>
/// <param name="GoalReached">The call has a booking.</param>
/// <param name="Repeats">User turns whose words are at least 80 % the same as an earlier user turn's (Jaccard, three words or more).</param>
/// <param name="Negations">User turns with a negation word.</param>
/// <param name="AlternativesRequested">User turns asking for another or a different option.</param>
/// <param name="ClosingThanks">The last user turn thanks.</param>
public sealed record SatisfactionSignals(bool GoalReached, int Repeats, int Negations, int AlternativesRequested, bool ClosingThanks);

/// <summary>What one signal added to a call's score.</summary>
/// <param name="Signal">The signal: <c>goal_reached</c>, <c>repeats</c>, <c>negations</c>, <c>alternatives_requested</c>, <c>closing_thanks</c>.</param>
/// <param name="Count">How often it occurred (1 for a yes/no signal).</param>
/// <param name="Points">The points it added.</param>
public sealed record SatisfactionContribution(string Signal, int Count, double Points);

/// <summary>One call's satisfaction score, explained.</summary>
/// <param name="ConversationId">The call.</param>
/// <param name="HotelId">Its hotel.</param>
/// <param name="Signals">The signals found.</param>
/// <param name="Contributions">The points each signal added to the model's base (signals that did not occur are left out).</param>
/// <param name="RawScore">Base plus contributions, clamped.</param>
/// <param name="Score">The calibrated score where a calibration was applied, else <paramref name="RawScore"/>.</param>
/// <param name="SurveyScore">The guest's survey score, where supplied.</param>
public sealed record CallSatisfaction(
    string ConversationId,
    string HotelId,
    SatisfactionSignals Signals,
    IReadOnlyList<SatisfactionContribution> Contributions,
    double RawScore,
    double Score,
    double? SurveyScore);

/// <summary>
/// How the signal score compares with survey scores (calls with a <see cref="ConversationEventKind.SurveyScored"/>): a
/// least-squares line survey ≈ <see cref="Intercept"/> + <see cref="Slope"/> × raw score, applied (and clamped to the
/// model's range) when at least <see cref="MinimumSurveys"/> surveyed calls have differing raw scores.
/// </summary>
/// <param name="SurveyedCalls">Calls with both a score and a survey.</param>
/// <param name="Applied">Whether <see cref="CallSatisfaction.Score"/> is the calibrated score.</param>
/// <param name="Intercept">The fitted intercept, or <see langword="null"/> when not fitted.</param>
/// <param name="Slope">The fitted slope, or <see langword="null"/> when not fitted.</param>
/// <param name="Correlation">Pearson correlation of raw score and survey, or <see langword="null"/> when undefined.</param>
/// <param name="MeanAbsoluteErrorRaw">Mean |survey − raw score| over the surveyed calls, or <see langword="null"/> with none.</param>
/// <param name="MeanAbsoluteErrorCalibrated">Mean |survey − calibrated score|, or <see langword="null"/> when not fitted.</param>
public sealed record SatisfactionCalibration(
    long SurveyedCalls,
    bool Applied,
    double? Intercept,
    double? Slope,
    double? Correlation,
    double? MeanAbsoluteErrorRaw,
    double? MeanAbsoluteErrorCalibrated)
{
    /// <summary>The fewest surveyed calls a calibration is fitted on.</summary>
    public const int MinimumSurveys = 3;
}

/// <summary>The satisfaction scores of the selected calls.</summary>
/// <param name="Calls">Each call's score, by start time.</param>
/// <param name="AverageScore">The mean <see cref="CallSatisfaction.Score"/>, or <see langword="null"/> with no call.</param>
/// <param name="Calibration">How the score was calibrated against surveys.</param>
public sealed record SatisfactionReport(IReadOnlyList<CallSatisfaction> Calls, double? AverageScore, SatisfactionCalibration Calibration);
