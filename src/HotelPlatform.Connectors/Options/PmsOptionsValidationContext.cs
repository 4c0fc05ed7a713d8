namespace HotelPlatform.Connectors;

/// <summary>
/// Collects the problems a <see cref="PmsConnectorOptionsValidator{TOptions}"/> finds in one hotel's options, each as a
/// message that names the hotel, the vendor and the setting (with its configuration path when the options were bound
/// from configuration), for example
/// <c>Hotel 'berlin-mitte' (apaleo): ClientSecret is required (Hotels:berlin-mitte:ClientSecret).</c>
/// Messages never contain a setting's value: the value may be a secret.
/// </summary>
public sealed class PmsOptionsValidationContext
{
    private readonly List<string> _failures = [];

    /// <summary>Initializes a new instance of the <see cref="PmsOptionsValidationContext"/> class.</summary>
    /// <param name="hotelId">The hotel's key.</param>
    /// <param name="vendor">The vendor name.</param>
    /// <param name="configurationPath">The path of the configuration section the options were bound from, if any.</param>
    public PmsOptionsValidationContext(string hotelId, string vendor, string? configurationPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hotelId);
        ArgumentException.ThrowIfNullOrWhiteSpace(vendor);
        HotelId = hotelId;
        Vendor = vendor;
        ConfigurationPath = string.IsNullOrEmpty(configurationPath) ? null : configurationPath;
    }

    /// <summary>Gets the hotel's key.</summary>
    public string HotelId { get; }

    /// <summary>Gets the vendor name.</summary>
    public string Vendor { get; }

    /// <summary>Gets the path of the configuration section the options were bound from; <see langword="null"/> when they were set in code.</summary>
    public string? ConfigurationPath { get; }

    /// <summary>Gets the failure messages collected so far.</summary>
    public IReadOnlyList<string> Failures => _failures;

    /// <summary>Records a problem with a setting.</summary>
    /// <param name="setting">The setting's name as it appears in configuration; nested settings use ':' (<c>RateLimit:Burst</c>).</param>
    /// <param name="problem">What is wrong, as a predicate that follows the setting's name ("is required", "must be positive"). Never include the value.</param>
    public void AddFailure(string setting, string problem)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(setting);
        ArgumentException.ThrowIfNullOrWhiteSpace(problem);
        var where = ConfigurationPath is null ? string.Empty : $" ({ConfigurationPath}:{setting})";
        _failures.Add($"Hotel '{HotelId}' ({Vendor}): {setting} {problem.TrimEnd('.')}{where}.");
    }

    /// <summary>Records a failure unless <paramref name="value"/> has text.</summary>
    /// <param name="setting">The setting's name.</param>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when the value is present.</returns>
    public bool RequireText(string setting, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        AddFailure(setting, "is required");
        return false;
    }

    /// <summary>
    /// Records a failure unless <paramref name="value"/> is an absolute <c>http</c> or <c>https</c> address; a missing
    /// value fails only when <paramref name="required"/>.
    /// </summary>
    /// <param name="setting">The setting's name.</param>
    /// <param name="value">The value.</param>
    /// <param name="required">Whether the setting must be present.</param>
    /// <returns><see langword="true"/> when the value is valid (or absent and optional).</returns>
    public bool RequireHttpAddress(string setting, Uri? value, bool required = false)
    {
        if (value is null)
        {
            if (required)
            {
                AddFailure(setting, "is required");
            }

            return !required;
        }

        if (value.IsAbsoluteUri && (value.Scheme == Uri.UriSchemeHttps || value.Scheme == Uri.UriSchemeHttp))
        {
            return true;
        }

        AddFailure(setting, "must be an absolute http or https address");
        return false;
    }

    /// <summary>Records a failure unless <paramref name="value"/> is greater than zero.</summary>
    /// <param name="setting">The setting's name.</param>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when the value is positive.</returns>
    public bool RequirePositive(string setting, TimeSpan value)
    {
        if (value > TimeSpan.Zero)
        {
            return true;
        }

        AddFailure(setting, "must be positive");
        return false;
    }

    /// <summary>Records a failure unless <paramref name="value"/> lies in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    /// <param name="setting">The setting's name.</param>
    /// <param name="value">The value.</param>
    /// <param name="minimum">The smallest allowed value.</param>
    /// <param name="maximum">The largest allowed value.</param>
    /// <returns><see langword="true"/> when the value is in range.</returns>
    public bool RequireRange(string setting, int value, int minimum, int maximum)
    {
        if (value >= minimum && value <= maximum)
        {
            return true;
        }

        AddFailure(setting, $"must be between {minimum} and {maximum}");
        return false;
    }
}
