namespace HotelPlatform.Connectors;

/// <summary>
/// Validates one hotel's connector options. The base checks what every connector has
/// (<see cref="PmsConnectorOptions.PropertyId"/> required, <see cref="PmsConnectorOptions.BaseAddress"/> an absolute
/// http/https address when set, the pipeline's timeouts positive and consistent); a vendor package derives from it, calls the base, and adds its own settings:
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

        ValidateTimeouts(options, context);
    }

    private static void ValidateTimeouts(PmsConnectorOptions options, PmsOptionsValidationContext context)
    {
        var attempt = context.RequirePositive(nameof(PmsConnectorOptions.AttemptTimeout), options.AttemptTimeout);
        var total = context.RequirePositive(nameof(PmsConnectorOptions.TotalTimeout), options.TotalTimeout);
        if (attempt && total && options.AttemptTimeout > options.TotalTimeout)
        {
            context.AddFailure(nameof(PmsConnectorOptions.AttemptTimeout), "must not exceed TotalTimeout: one attempt cannot outlast the whole call");
        }

        if (options.MaxRetryAfter < TimeSpan.Zero)
        {
            context.AddFailure(nameof(PmsConnectorOptions.MaxRetryAfter), "must not be negative");
        }
        else if (total && options.MaxRetryAfter >= options.TotalTimeout)
        {
            context.AddFailure(nameof(PmsConnectorOptions.MaxRetryAfter), "must be less than TotalTimeout: a wait that long leaves no time for the retry");
        }
    }
}
