namespace HotelPlatform.Connectors.Analytics.Replay;

/// <summary>How SGD dialogues become calls against a hotel.</summary>
public sealed class SgdReplayOptions
{
    /// <summary>Gets or sets the room type searched, quoted and booked when the dialogue's booking succeeded.</summary>
    public string RoomTypeId { get; set; } = "STD";

    /// <summary>Gets or sets the rate plan booked.</summary>
    public string RatePlanId { get; set; } = "FLEX";

    /// <summary>
    /// Gets or sets the room type requested when the dialogue's booking failed (<c>NOTIFY_FAILURE</c>): one the hotel has
    /// closed or sold out, so that the PMS itself refuses the booking and the failure recorded is the PMS's answer.
    /// </summary>
    public string UnavailableRoomTypeId { get; set; } = "SOLDOUT";

    /// <summary>
    /// Gets or sets the rate plan requested when the dialogue's booking failed, or <see langword="null"/> for
    /// <see cref="RatePlanId"/>. Needed where a rate plan implies its room type (Apaleo: a rate plan sells one unit
    /// group), so that the refused booking asks for a rate plan the hotel does not sell.
    /// </summary>
    public string? UnavailableRatePlanId { get; set; }

    /// <summary>Gets or sets the channel recorded on each call.</summary>
    public string Channel { get; set; } = "voice";

    /// <summary>Gets or sets the language recorded on each call (SGD is English).</summary>
    public string Language { get; set; } = "en";

    /// <summary>Gets or sets the speaking rate that turns an utterance into a turn's duration (SGD has no timing).</summary>
    public double WordsPerSecond { get; set; } = 2.5;

    /// <summary>Gets or sets the pause added to every turn.</summary>
    public TimeSpan PausePerTurn { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Gets or sets how many days ahead of the call the stays fall, at most: SGD's dates are free text without a year
    /// ("March 3rd", "next Friday"), so each dialogue's stay is placed 1 to this many days after its call, fixed by its id.
    /// </summary>
    public int MaxLeadDays { get; set; } = 60;

    /// <summary>
    /// Gets or sets whether a call's stay dates come from the dialogue itself: SGD normalises every date to a calendar on
    /// which the dialogue takes place on <see cref="DialogueDay"/> ("today" is 2019-03-01, "tomorrow" 2019-03-02), so a
    /// service call's <c>check_in_date</c> gives the lead time from the call to the arrival (0 to 13 days in the dataset),
    /// and its <c>check_out_date</c>, where given, the nights. A call without a recorded check-in falls back to the stay
    /// placed by <see cref="MaxLeadDays"/>. Off by default: the stay is then always placed by <see cref="MaxLeadDays"/>.
    /// </summary>
    public bool StayDatesFromDialogue { get; set; }

    /// <summary>The date SGD's normalised dates count from: the day every dialogue takes place on.</summary>
    public static DateOnly DialogueDay { get; } = new(2019, 3, 1);
}
