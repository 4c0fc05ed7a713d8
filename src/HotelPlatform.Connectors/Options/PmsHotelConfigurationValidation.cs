using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Connectors;

/// <summary>
/// Checks hotel configuration the host is about to adopt (a change an operator made at run time) with exactly the
/// validation the host ran at start: the same vendor registration, the same vendor validators, the same unknown-key check.
/// </summary>
public static class PmsHotelConfigurationValidation
{
    /// <summary>
    /// Validates a hotels section as <see cref="PmsConnectorsBuilderExtensions.AddFromConfiguration"/> and
    /// <c>ValidateOnStart</c> would at start: each child is registered, in a scratch container, with the vendors and
    /// allowed configuration keys known to <paramref name="services"/>, and the options validation that runs at start is
    /// run there. Nothing is changed in <paramref name="services"/>. The messages are the start-up messages (hotel,
    /// vendor, setting and configuration path; never a value), for example
    /// <c>Hotel 'berlin' (apaleo): ClientSecret is required (Hotels:berlin:ClientSecret).</c>
    /// </summary>
    /// <param name="services">The host's provider: the vendors and allowed keys registered with <c>AddPmsConnectors()</c>.</param>
    /// <param name="hotels">The section whose children are the hotels to check (typically one hotel's candidate settings under <c>Hotels</c>).</param>
    /// <returns>The failures; empty when the hotels would start.</returns>
    public static IReadOnlyList<string> ValidateHotelConfiguration(this IServiceProvider services, IConfiguration hotels)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(hotels);
        var scratch = new ServiceCollection();
        var builder = scratch.AddPmsConnectors();
        foreach (var vendor in services.GetService<PmsVendorCatalog>()?.Vendors.Values.ToList() ?? [])
        {
            builder.AddVendor(vendor);
        }

        foreach (var key in services.GetServices<PmsAllowedConfigurationKey>())
        {
            scratch.AddSingleton(key);
        }

        try
        {
            // The registration's own failures (no Vendor, a vendor no package registered) are start-up failures too.
            builder.AddFromConfiguration(hotels);
        }
        catch (InvalidOperationException ex)
        {
            return [ex.Message];
        }

        using var provider = scratch.BuildServiceProvider();
        return provider.GetStartupValidationFailures();
    }

    /// <summary>
    /// Runs the validation a host runs at start (<c>ValidateOnStart</c>: the vendors' option rules and the unknown-key
    /// check) over <paramref name="services"/> and returns its failures instead of throwing them.
    /// </summary>
    /// <param name="services">A provider built from a collection with <c>AddPmsConnectors()</c> and its hotels.</param>
    /// <returns>The start-up messages; empty when every hotel would start.</returns>
    public static IReadOnlyList<string> GetStartupValidationFailures(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return [];
        }
        catch (OptionsValidationException ex)
        {
            return [.. ex.Failures];
        }
        catch (AggregateException ex)
        {
            return [.. ex.InnerExceptions.SelectMany(e => e is OptionsValidationException o ? o.Failures : [e.Message])];
        }
    }
}
