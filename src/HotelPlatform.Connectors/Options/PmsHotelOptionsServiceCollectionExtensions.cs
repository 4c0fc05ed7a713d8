using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Connectors;

/// <summary>Registers a hotel's vendor options as named options (name = hotel key), validated when the host starts.</summary>
public static class PmsHotelOptionsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TOptions"/> for one hotel as named options (the name is <paramref name="hotelId"/>),
    /// bound from <paramref name="configuration"/> and validated at start (<c>ValidateOnStart</c>) by
    /// <paramref name="validator"/>. Failure messages name the hotel, the vendor and the setting's configuration path.
    /// A key of the section that no property of <typeparamref name="TOptions"/> takes (<c>ClientSecert</c>), at any depth,
    /// fails the validation too, naming the key's path and the nearest known setting, instead of being silently ignored;
    /// <c>Vendor</c> and the keys declared with <c>AllowConfigurationKeys</c> are accepted.
    /// Resolve them with <c>IOptionsMonitor&lt;TOptions&gt;.Get(hotelId)</c>.
    /// </summary>
    /// <typeparam name="TOptions">The vendor's options type.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="hotelId">The hotel's key.</param>
    /// <param name="vendor">The vendor name, used in validation messages.</param>
    /// <param name="configuration">The hotel's configuration section.</param>
    /// <param name="validator">The validator; the base <see cref="PmsConnectorOptionsValidator{TOptions}"/> when <see langword="null"/>.</param>
    /// <returns>The options builder, for further configuration or validation.</returns>
    public static OptionsBuilder<TOptions> AddPmsHotelOptions<TOptions>(
        this IServiceCollection services,
        string hotelId,
        string vendor,
        IConfiguration configuration,
        PmsConnectorOptionsValidator<TOptions>? validator = null)
        where TOptions : PmsConnectorOptions
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = configuration is IConfigurationSection section ? section.Path : null;
        var options = services.AddPmsHotelOptionsCore(hotelId, vendor, path, configuration, validator).Bind(configuration);

        // A reload of the section (an operator's change) makes the registry remake the hotel's connector on its next use.
        services.AddSingleton(PmsHotelOptionsChanges.Of<TOptions>(hotelId));
        return options;
    }

    /// <summary>
    /// Registers <typeparamref name="TOptions"/> for one hotel as named options (the name is <paramref name="hotelId"/>),
    /// set by <paramref name="configure"/> and validated at start (<c>ValidateOnStart</c>) by <paramref name="validator"/>.
    /// </summary>
    /// <typeparam name="TOptions">The vendor's options type.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="hotelId">The hotel's key.</param>
    /// <param name="vendor">The vendor name, used in validation messages.</param>
    /// <param name="configure">Sets the options.</param>
    /// <param name="validator">The validator; the base <see cref="PmsConnectorOptionsValidator{TOptions}"/> when <see langword="null"/>.</param>
    /// <returns>The options builder, for further configuration or validation.</returns>
    public static OptionsBuilder<TOptions> AddPmsHotelOptions<TOptions>(
        this IServiceCollection services,
        string hotelId,
        string vendor,
        Action<TOptions> configure,
        PmsConnectorOptionsValidator<TOptions>? validator = null)
        where TOptions : PmsConnectorOptions
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddPmsHotelOptionsCore(hotelId, vendor, configurationPath: null, configuration: null, validator).Configure(configure);
    }

    private static OptionsBuilder<TOptions> AddPmsHotelOptionsCore<TOptions>(
        this IServiceCollection services,
        string hotelId,
        string vendor,
        string? configurationPath,
        IConfiguration? configuration,
        PmsConnectorOptionsValidator<TOptions>? validator)
        where TOptions : PmsConnectorOptions
    {
        ArgumentNullException.ThrowIfNull(services);
        PmsHotelIds.ThrowIfInvalid(hotelId);
        ArgumentException.ThrowIfNullOrWhiteSpace(vendor);

        // One validator instance per hotel: it knows the hotel's vendor and configuration path, which a single
        // IValidateOptions<TOptions> shared by all names could not. The allowed extra keys are read from the container, so
        // AllowConfigurationKeys may be called before or after the hotels are added.
        var hotelValidator = validator ?? new PmsConnectorOptionsValidator<TOptions>();
        services.AddSingleton<IValidateOptions<TOptions>>(sp => new PmsHotelOptionsValidation<TOptions>(
            hotelId,
            vendor,
            configurationPath,
            hotelValidator,
            configuration,
            [.. sp.GetServices<PmsAllowedConfigurationKey>().Select(k => k.Key)]));
        return services.AddOptions<TOptions>(hotelId).ValidateOnStart();
    }
}

/// <summary>Adapts a <see cref="PmsConnectorOptionsValidator{TOptions}"/> to the options validation of one hotel.</summary>
/// <typeparam name="TOptions">The options type.</typeparam>
internal sealed class PmsHotelOptionsValidation<TOptions>(
    string hotelId,
    string vendor,
    string? configurationPath,
    PmsConnectorOptionsValidator<TOptions> validator,
    IConfiguration? configuration = null,
    IReadOnlyCollection<string>? allowedKeys = null) : IValidateOptions<TOptions>
    where TOptions : PmsConnectorOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        if (!string.Equals(name, hotelId, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var context = new PmsOptionsValidationContext(hotelId, vendor, configurationPath);
        validator.Validate(options, context);
        if (configuration is not null)
        {
            PmsConfigurationKeys.ReportUnknown(configuration, options.GetType(), allowedKeys ?? [], context);
        }

        return context.Failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(context.Failures);
    }
}
