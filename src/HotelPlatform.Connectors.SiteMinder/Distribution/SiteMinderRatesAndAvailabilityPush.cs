namespace HotelPlatform.Connectors.SiteMinder.Distribution;

/// <summary>
/// The vendor-neutral <see cref="IPmsRatesAndAvailabilityPush"/> over the hotel's <see cref="ISiteMinderDistribution"/>:
/// availability, then restrictions, then rates, each as SiteMinder's delta push (room type and rate plan identifiers are
/// the codes mapped at SiteMinder).
/// </summary>
internal sealed class SiteMinderRatesAndAvailabilityPush(ISiteMinderDistribution distribution) : IPmsRatesAndAvailabilityPush
{
    public PmsPushParts Parts => PmsPushParts.Availability | PmsPushParts.Restrictions | PmsPushParts.Rates;

    public async Task<PmsPushResult> PushAsync(PmsRatesAndAvailabilityUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        update.EnsureOnly(Parts, PmsVendors.SiteMinder);
        var results = new List<SiteMinderPushResult>(3);
        if (update.Availability.Count > 0)
        {
            results.Add(await distribution.PushAvailabilityAsync(
                update.Availability.Select(a => new SiteMinderAvailability(a.RoomTypeId, a.Date, a.Available)), cancellationToken).ConfigureAwait(false));
        }

        if (update.Restrictions.Count > 0)
        {
            results.Add(await distribution.PushRestrictionsAsync(
                update.Restrictions.Select(r => new SiteMinderRestriction(r.RoomTypeId, r.RatePlanId, r.Date)
                {
                    Closed = r.Closed,
                    ClosedToArrival = r.ClosedToArrival,
                    ClosedToDeparture = r.ClosedToDeparture,
                    MinStay = r.MinStay,
                    MaxStay = r.MaxStay,
                }), cancellationToken).ConfigureAwait(false));
        }

        if (update.Rates.Count > 0)
        {
            results.Add(await distribution.PushRatesAsync(
                update.Rates.Select(r => new SiteMinderRate(r.RoomTypeId, r.RatePlanId, r.Date, r.Currency, r.AmountsByAdults)), cancellationToken).ConfigureAwait(false));
        }

        return new PmsPushResult(results.Sum(r => r.Messages), [.. results.SelectMany(r => r.Warnings)]);
    }
}
