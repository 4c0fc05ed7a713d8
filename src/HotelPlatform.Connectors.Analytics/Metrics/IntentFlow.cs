namespace HotelPlatform.Connectors.Analytics;

/// <summary>One edge of the intent transition graph.</summary>
/// <param name="From">The intent the guest was in, or <see cref="IntentTransitionGraph.Start"/>.</param>
/// <param name="To">The next intent, or the call's end: <see cref="IntentTransitionGraph.Completed"/>, <see cref="IntentTransitionGraph.Transferred"/> or <see cref="IntentTransitionGraph.Abandoned"/>.</param>
/// <param name="Transitions">How often the calls went this way.</param>
public sealed record IntentTransition(string From, string To, long Transitions);

/// <summary>
/// How calls move between intents: each call's user turns, in turn order, labelled with the confirmed intent (the
/// detected one where none was confirmed), repeats of the same intent in a row merged, from <see cref="Start"/> to the
/// call's end state. An edge into <see cref="Abandoned"/> is a drop-off point: the intent the guest gave up in.
/// </summary>
/// <param name="Edges">The edges, by source then target (ordinal).</param>
public sealed record IntentTransitionGraph(IReadOnlyList<IntentTransition> Edges)
{
    /// <summary>The node every call starts from.</summary>
    public const string Start = "(start)";

    /// <summary>The end node of calls with a booking.</summary>
    public const string Completed = "(completed)";

    /// <summary>The end node of calls handed to staff without a booking.</summary>
    public const string Transferred = "(transferred)";

    /// <summary>The end node of the other calls.</summary>
    public const string Abandoned = "(abandoned)";
}

/// <summary>The loss between two consecutive funnel stages.</summary>
/// <param name="From">The earlier stage (<c>calls</c> for the calls themselves).</param>
/// <param name="To">The later stage.</param>
/// <param name="Lost">Calls at <paramref name="From"/> minus calls at <paramref name="To"/> (negative where calls entered a stage without the one before, e.g. a booking without an offer).</param>
/// <param name="Rate"><paramref name="Lost"/> over the calls at <paramref name="From"/>, or <see langword="null"/> when none reached it.</param>
public sealed record FunnelDropOff(string From, string To, long Lost, double? Rate);

/// <summary>Intent-detection accuracy of the calls started in one period.</summary>
/// <param name="PeriodStart">The period's start (UTC).</param>
/// <param name="Turns">Scored user turns (both a detected and a confirmed intent).</param>
/// <param name="Correct">Those detected as confirmed.</param>
public sealed record IntentAccuracyPoint(DateTimeOffset PeriodStart, long Turns, long Correct)
{
    /// <summary>Gets <see cref="Correct"/> over <see cref="Turns"/>, or <see langword="null"/> with none.</summary>
    public double? Accuracy => Turns == 0 ? null : (double)Correct / Turns;
}

/// <summary>The length of the periods of a time series, in UTC.</summary>
public enum AnalyticsPeriod
{
    /// <summary>Calendar days.</summary>
    Day = 0,

    /// <summary>ISO weeks, Monday to Sunday.</summary>
    Week,

    /// <summary>Calendar months.</summary>
    Month,
}
