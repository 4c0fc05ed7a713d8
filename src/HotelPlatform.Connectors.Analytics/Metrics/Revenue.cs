namespace HotelPlatform.Connectors.Analytics;

/// <summary>
/// The stated exchange rates of a cross-hotel view: how many units of <see cref="ReportingCurrency"/> one unit of each
/// currency is worth. Always given by the caller (never fetched), and named in every report that used them.
/// </summary>
/// <param name="ReportingCurrency">The ISO 4217 currency of the converted figures (worth 1 of itself).</param>
/// <param name="Rates">Reporting-currency units per unit of each other currency (ISO 4217 codes, case-insensitive).</param>
/// <param name="Source">Where the rates come from and their date, stated in the report (e.g. "ECB reference rates 2030-06-10").</param>
public sealed record CurrencyRates(string ReportingCurrency, IReadOnlyDictionary<string, decimal> Rates, string Source)
{
    /// <summary>Converts an amount to the reporting currency.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="currency">Its currency.</param>
    /// <returns>The amount in <see cref="ReportingCurrency"/>.</returns>
    /// <exception cref="ArgumentException">No rate is stated for <paramref name="currency"/>.</exception>
    public decimal Convert(decimal amount, string currency) => amount * RateOf(currency);

    /// <summary>Gets the rate of a currency: reporting-currency units per unit.</summary>
    /// <param name="currency">The ISO 4217 code.</param>
    /// <returns>The stated rate (1 for the reporting currency).</returns>
    /// <exception cref="ArgumentException">No rate is stated for <paramref name="currency"/>.</exception>
    public decimal RateOf(string currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        if (string.Equals(currency, ReportingCurrency, StringComparison.OrdinalIgnoreCase))
        {
            return 1m;
        }

        foreach (var (code, rate) in Rates)
        {
            if (string.Equals(code, currency, StringComparison.OrdinalIgnoreCase))
            {
                return rate;
            }
        }

        throw new ArgumentException($"No exchange rate to {ReportingCurrency} is stated for '{currency}' ({Source}); add it to the rates.", nameof(currency));
    }
}

/// <summary>An amount in one currency.</summary>
/// <param name="Currency">The ISO 4217 code.</param>
/// <param name="Amount">The amount.</param>
public sealed record CurrencyAmount(string Currency, decimal Amount);

/// <summary>Revenue attributed to one hotel's calls.</summary>
/// <param name="HotelId">The hotel.</param>
/// <param name="Calls">Calls started.</param>
/// <param name="Bookings">Bookings made in them.</param>
/// <param name="OfferBookings">Of those, bookings made after the guest accepted an offer in the same call (upsells and follow-on offers).</param>
/// <param name="Revenue">Booking value in each currency booked (the hotel's own), by currency.</param>
/// <param name="OfferRevenue">The value of <paramref name="OfferBookings"/>, by currency.</param>
/// <param name="Converted">All booking value in the reporting currency.</param>
/// <param name="OfferConverted">Offer booking value in the reporting currency.</param>
public sealed record HotelRevenue(
    string HotelId,
    long Calls,
    long Bookings,
    long OfferBookings,
    IReadOnlyList<CurrencyAmount> Revenue,
    IReadOnlyList<CurrencyAmount> OfferRevenue,
    decimal Converted,
    decimal OfferConverted)
{
    /// <summary>Gets converted revenue per call, or <see langword="null"/> with no call.</summary>
    public decimal? ConvertedPerCall => Calls == 0 ? null : Converted / Calls;
}

/// <summary>Revenue attributed to calls, per hotel in its own currency and converted with stated rates.</summary>
/// <param name="Rates">The rates used.</param>
/// <param name="Hotels">Per hotel, by id (ordinal).</param>
/// <param name="TotalConverted">The sum of every hotel's <see cref="HotelRevenue.Converted"/>.</param>
public sealed record RevenueReport(CurrencyRates Rates, IReadOnlyList<HotelRevenue> Hotels, decimal TotalConverted);
