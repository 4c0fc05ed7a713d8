namespace HotelPlatform.Connectors.InMemory;

/// <summary>Rounds amounts to a currency's minor unit (ISO 4217 exponent), so that yen are never quoted with cents.</summary>
internal static class CurrencyPrecision
{
    // ISO 4217 currencies whose minor unit is not 2; every other active code has 2 decimals.
    private static readonly Dictionary<string, int> Exceptions = new(StringComparer.Ordinal)
    {
        ["BIF"] = 0, ["CLP"] = 0, ["DJF"] = 0, ["GNF"] = 0, ["ISK"] = 0, ["JPY"] = 0, ["KMF"] = 0, ["KRW"] = 0,
        ["PYG"] = 0, ["RWF"] = 0, ["UGX"] = 0, ["UYI"] = 0, ["VND"] = 0, ["VUV"] = 0, ["XAF"] = 0, ["XOF"] = 0,
        ["XPF"] = 0, ["BHD"] = 3, ["IQD"] = 3, ["JOD"] = 3, ["KWD"] = 3, ["LYD"] = 3, ["OMR"] = 3, ["TND"] = 3,
        ["CLF"] = 4, ["UYW"] = 4,
    };

    /// <summary>Gets the number of decimals of a currency.</summary>
    public static int Decimals(string currency) => Exceptions.GetValueOrDefault(currency, 2);

    /// <summary>Rounds an amount half away from zero to the currency's minor unit, as invoices are.</summary>
    public static decimal Round(decimal amount, string currency) =>
        Math.Round(amount, Decimals(currency), MidpointRounding.AwayFromZero);
}
