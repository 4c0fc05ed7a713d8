namespace HotelPlatform.Connectors.Analytics;

/// <summary>How offers of one kind fared. An answer belongs to the latest unanswered offer of its call.</summary>
/// <param name="Intent">What was offered (the offer's <see cref="ConversationEvent.Intent"/>; <c>(none)</c> where unnamed), or <c>(all)</c> for the total.</param>
/// <param name="Made">Offers made.</param>
/// <param name="Accepted">Offers accepted.</param>
/// <param name="Declined">Offers declined.</param>
/// <param name="Booked">Accepted offers followed by a booking in the same call (upsell success).</param>
public sealed record OfferOutcome(string Intent, long Made, long Accepted, long Declined, long Booked)
{
    /// <summary>Gets accepted over made, or <see langword="null"/> with no offer.</summary>
    public double? AcceptanceRate => Made == 0 ? null : (double)Accepted / Made;

    /// <summary>Gets booked over made, or <see langword="null"/> with no offer.</summary>
    public double? SuccessRate => Made == 0 ? null : (double)Booked / Made;
}

/// <summary>Offer (upsell) success of the selected calls.</summary>
/// <param name="ByIntent">Per offered intent, by intent (ordinal).</param>
/// <param name="Total">All offers.</param>
public sealed record OfferReport(IReadOnlyList<OfferOutcome> ByIntent, OfferOutcome Total);
