namespace HotelPlatform.Connectors;

/// <summary>The active ISO 4217 alphabetic currency codes.</summary>
public static class CurrencyCodes
{
    // ISO 4217 list one (active codes), including funds and precious-metal codes vendors do not use.
    private static readonly HashSet<string> Active = new(StringComparer.Ordinal)
    {
        "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN", "BHD",
        "BIF", "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHE", "CHF",
        "CHW", "CLF", "CLP", "CNY", "COP", "COU", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD",
        "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD",
        "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR",
        "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA",
        "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MXV", "MYR", "MZN", "NAD", "NGN", "NIO",
        "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB",
        "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC",
        "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "USN",
        "UYI", "UYU", "UYW", "UZS", "VED", "VES", "VND", "VUV", "WST", "XAF", "XCD", "XCG", "XOF", "XPF", "YER",
        "ZAR", "ZMW", "ZWG",
    };

    /// <summary>Returns whether <paramref name="code"/> is an active ISO 4217 alphabetic code (case-insensitive).</summary>
    /// <param name="code">The code to test.</param>
    /// <returns><see langword="true"/> for a known code.</returns>
    public static bool IsKnown(string? code) =>
        code is { Length: 3 } && Active.Contains(code.ToUpperInvariant());

    /// <summary>Returns the upper-case form of a known code, or throws naming the parameter.</summary>
    /// <param name="code">The code.</param>
    /// <param name="paramName">The name of the parameter that supplied it.</param>
    /// <returns>The upper-case code.</returns>
    /// <exception cref="ArgumentException">The code is not an active ISO 4217 code.</exception>
    public static string Normalize(string? code, string paramName)
    {
        if (!IsKnown(code))
        {
            throw new ArgumentException($"'{code}' is not an active ISO 4217 currency code.", paramName);
        }

        return code!.ToUpperInvariant();
    }
}
