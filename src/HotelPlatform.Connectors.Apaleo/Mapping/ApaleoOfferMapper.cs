using System.Globalization;
using HotelPlatform.Connectors.Apaleo.Wire;

namespace HotelPlatform.Connectors.Apaleo.Mapping;

/// <summary>Maps <c>GET /booking/v1/offers</c> (<c>StayOffersModel</c>) to normalised <see cref="RateQuote"/>s.</summary>
internal static class ApaleoOfferMapper
{
    /// <summary>The fee name used for <c>OfferModel.cityTax</c>.</summary>
    public const string CityTaxFeeName = "City tax";

    /// <summary>
    /// One quote per offer. Offers that carry <c>validationMessages</c> ("the reason why the offer is not bookable") are
    /// left out, as are offers outside the request's rate plan or room types (the offers endpoint filters room types but
    /// has no rate-plan filter).
    /// </summary>
    /// <param name="model">The answer, or <see langword="null"/> for a 204 ("There are no available offers").</param>
    /// <param name="request">The quote request.</param>
    /// <param name="propertyZone">The property's time zone, when known.</param>
    /// <returns>The quotes.</returns>
    public static IReadOnlyList<RateQuote> ToRateQuotes(StayOffersModel? model, QuoteRequest request, TimeZoneInfo? propertyZone = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (model is null)
        {
            return [];
        }

        var roomTypes = request.RoomTypeIds.Count == 0 ? null : new HashSet<string>(request.RoomTypeIds, StringComparer.Ordinal);
        return [.. model.Offers
            .Where(o => o.ValidationMessages is not { Count: > 0 })
            .Where(o => request.RatePlanId is null || string.Equals(o.RatePlan.Id, request.RatePlanId, StringComparison.Ordinal))
            .Where(o => roomTypes is null || roomTypes.Contains(o.UnitGroup.Id))
            .Select(o => ToRateQuote(o, propertyZone))];
    }

    /// <summary>
    /// One offer → <see cref="RateQuote"/>:
    /// <list type="bullet">
    /// <item><see cref="RateQuote.Total"/> = <c>totalGrossAmount</c> plus every <c>fees[].totalAmount.grossAmount</c>,
    /// because booking-v1 says fees "will be added on top of the TotalGrossAmount when creating the booking".</item>
    /// <item><c>cityTax</c> becomes a <see cref="Fee"/> with <see cref="Fee.IncludedInTotal"/> false and is not added:
    /// booking-v1 does not say whether it is inside <c>totalGrossAmount</c>, so the total never claims it.</item>
    /// <item><see cref="RateQuote.Nights"/> from <c>timeSlices[]</c> (<c>from</c>'s property date, <c>totalGrossAmount</c>).</item>
    /// <item><see cref="RateQuote.Taxes"/> from <c>taxDetails[].tax</c>; <see cref="RateQuote.TotalBeforeTax"/> is the sum of <c>taxDetails[].net</c>.</item>
    /// <item><see cref="RateQuote.CancellationPolicy"/> from <c>cancellationFee</c>: free until <c>dueDateTime</c> ("After that time this fee will be charged"), then <c>fee</c>.</item>
    /// </list>
    /// </summary>
    /// <param name="offer">The offer.</param>
    /// <param name="propertyZone">The property's time zone, when known.</param>
    /// <returns>The quote.</returns>
    public static RateQuote ToRateQuote(OfferModel offer, TimeZoneInfo? propertyZone = null)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var currency = offer.TotalGrossAmount.Currency;
        var fees = new List<Fee>();
        var total = ApaleoValues.ToMoney(offer.TotalGrossAmount);
        foreach (var fee in offer.Fees ?? [])
        {
            var amount = ApaleoValues.ToMoney(fee.TotalAmount.GrossAmount, fee.TotalAmount.Currency);
            fees.Add(new Fee(ApaleoValues.FirstText(fee.Name, fee.Code, fee.Id)!, amount) { IncludedInTotal = true });
            total += amount;
        }

        if (offer.CityTax is { } cityTax)
        {
            fees.Add(new Fee(CityTaxFeeName, ApaleoValues.ToMoney(cityTax.GrossAmount, cityTax.Currency)) { IncludedInTotal = false });
        }

        var taxDetails = offer.TaxDetails ?? [];
        return new RateQuote(
            offer.UnitGroup.Id,
            offer.RatePlan.Id,
            total,
            [.. offer.TimeSlices.Select(s => new NightlyRate(ApaleoValues.ToPropertyDate(s.From, propertyZone), ApaleoValues.ToMoney(s.TotalGrossAmount)))])
        {
            RoomTypeName = offer.UnitGroup.Name,
            RatePlanName = offer.RatePlan.Name,
            TotalBeforeTax = taxDetails.Count == 0
                ? null
                : taxDetails.Select(t => ApaleoValues.ToMoney(t.Net)).Aggregate(Money.Zero(currency), (sum, net) => sum + net),
            Taxes = [.. taxDetails.Select(ToTax)],
            Fees = fees,
            CancellationPolicy = offer.CancellationFee is { } cancellation ? ToCancellationPolicy(cancellation) : null,
            Available = offer.AvailableUnits,
        };
    }

    /// <summary>booking-v1 <c>OfferCancellationFeeModel</c> → <see cref="CancellationPolicy"/>.</summary>
    /// <param name="fee">The cancellation fee of an offer.</param>
    /// <returns>The policy.</returns>
    public static CancellationPolicy ToCancellationPolicy(OfferCancellationFeeModel fee)
    {
        ArgumentNullException.ThrowIfNull(fee);
        return new CancellationPolicy(ApaleoValues.FirstText(fee.Name, fee.Code) ?? "Cancellation")
        {
            Description = fee.Description,
            FreeCancellationUntil = fee.DueDateTime,
            Fee = ApaleoValues.ToMoney(fee.Fee),
        };
    }

    private static TaxAmount ToTax(TaxDetailModel detail) =>
        new(string.Create(CultureInfo.InvariantCulture, $"VAT {detail.VatType ?? "?"} {detail.VatPercent:0.##}%"), ApaleoValues.ToMoney(detail.Tax))
        {
            Percent = detail.VatPercent,
        };
}
