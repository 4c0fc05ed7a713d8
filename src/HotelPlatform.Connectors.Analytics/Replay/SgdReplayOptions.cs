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
}
