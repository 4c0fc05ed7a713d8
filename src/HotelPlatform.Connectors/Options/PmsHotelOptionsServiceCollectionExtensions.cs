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
        return services.AddPmsHotelOptionsCore(hotelId, vendor, path, validator).Bind(configuration);
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
        return services.AddPmsHotelOptionsCore(hotelId, vendor, configurationPath: null, validator).Configure(configure);
    }

    private static OptionsBuilder<TOptions> AddPmsHotelOptionsCore<TOptions>(
        this IServiceCollection services,
        string hotelId,
        string vendor,
        string? configurationPath,
        PmsConnectorOptionsValidator<TOptions>? validator)
        where TOptions : PmsConnectorOptions
    {
        ArgumentNullException.ThrowIfNull(services);
        PmsHotelIds.ThrowIfInvalid(hotelId);
        ArgumentException.ThrowIfNullOrWhiteSpace(vendor);

        // One validator instance per hotel: it knows the hotel's vendor and configuration path, which a single
        // IValidateOptions<TOptions> shared by all names could not.
        services.AddSingleton<IValidateOptions<TOptions>>(
            new PmsHotelOptionsValidation<TOptions>(hotelId, vendor, configurationPath, validator ?? new PmsConnectorOptionsValidator<TOptions>()));
        return services.AddOptions<TOptions>(hotelId).ValidateOnStart();
    }
}

/// <summary>Adapts a <see cref="PmsConnectorOptionsValidator{TOptions}"/> to the options validation of one hotel.</summary>
/// <typeparam name="TOptions">The options type.</typeparam>
internal sealed class PmsHotelOptionsValidation<TOptions>(
    string hotelId,
    string vendor,
    string? configurationPath,
    PmsConnectorOptionsValidator<TOptions> validator) : IValidateOptions<TOptions>
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
        return context.Failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(context.Failures);
    }
}
