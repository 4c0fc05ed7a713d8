namespace HotelPlatform.Connectors;

/// <summary>
/// Validates one hotel's connector options. The base checks what every connector has
/// (<see cref="PmsConnectorOptions.PropertyId"/> required, <see cref="PmsConnectorOptions.BaseAddress"/> an absolute
/// http/https address when set); a vendor package derives from it, calls the base, and adds its own settings:
/// <code>
/// public sealed class ApaleoOptionsValidator : PmsConnectorOptionsValidator&lt;ApaleoOptions&gt;
/// {
///     public override void Validate(ApaleoOptions options, PmsOptionsValidationContext context)
///     {
///         base.Validate(options, context);
///         context.RequireText(nameof(options.ClientId), options.ClientId);
///         context.RequireText(nameof(options.ClientSecret), options.ClientSecret);
///     }
/// }
/// </code>
/// Register it with <see cref="PmsHotelOptionsServiceCollectionExtensions.AddPmsHotelOptions{TOptions}(Microsoft.Extensions.DependencyInjection.IServiceCollection, string, string, Microsoft.Extensions.Configuration.IConfiguration, PmsConnectorOptionsValidator{TOptions}?)"/>.
/// </summary>
/// <typeparam name="TOptions">The vendor's options type.</typeparam>
public class PmsConnectorOptionsValidator<TOptions>
    where TOptions : PmsConnectorOptions
{
    /// <summary>Adds a failure to <paramref name="context"/> for every problem in <paramref name="options"/>.</summary>
    /// <param name="options">The options to validate.</param>
    /// <param name="context">Where failures are recorded; it knows the hotel, the vendor and the configuration path.</param>
    public virtual void Validate(TOptions options, PmsOptionsValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        context.RequireText(nameof(PmsConnectorOptions.PropertyId), options.PropertyId);
        context.RequireHttpAddress(nameof(PmsConnectorOptions.BaseAddress), options.BaseAddress);
        if (options.ReferenceDataLifetime < TimeSpan.Zero)
        {
            context.AddFailure(nameof(PmsConnectorOptions.ReferenceDataLifetime), "must not be negative");
        }
    }
}
