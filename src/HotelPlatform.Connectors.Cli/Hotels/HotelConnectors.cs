using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.Cli.Hotels;

/// <summary>
/// The tool's hotel wiring: every vendor connector the SDK ships, registered from a <c>Hotels</c>-shaped configuration
/// section through the SDK's own path (<c>AddPmsConnectors().Add…Vendor().AddFromConfiguration(…)</c>), exactly as the
/// sample host does, so a hotel the tool accepts is a hotel a host accepts.
/// </summary>
internal static class HotelConnectors
{
    /// <summary>The vendors the tool carries a connector for.</summary>
    public static IReadOnlyList<string> Vendors { get; } =
        [PmsVendors.Apaleo, PmsVendors.Cloudbeds, PmsVendors.InMemory, PmsVendors.Mews, PmsVendors.Opera, PmsVendors.SiteMinder];

    /// <summary>
    /// Settings a hotel section may carry that no vendor's options read (the sample host's seeding keys, the bulk
    /// runner's account, the guest sync's phone region).
    /// </summary>
    public static IReadOnlyList<string> ApplicationKeys { get; } = ["Embedded", "Name", "TimeZone", "Currency", "AccountKey", "PhoneRegion"];

    /// <summary>Returns whether the tool carries a connector for <paramref name="vendor"/>.</summary>
    public static bool IsKnown(string? vendor) => vendor is not null && Vendors.Contains(vendor.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Registers every hotel of <paramref name="hotels"/> (its children) with every vendor the tool carries.</summary>
    /// <param name="hotels">The section whose children are hotels.</param>
    /// <param name="configure">Adds services before the hotels (a rate-limiter provider, for example).</param>
    /// <returns>The services; the caller disposes them.</returns>
    public static ServiceProvider Build(IConfiguration hotels, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection().AddLogging();
        configure?.Invoke(services);
        services.AddPmsConnectors()
            .AddInMemoryVendor()
            .AddApaleoVendor()
            .AddSiteMinderVendor()
            .AddCloudbedsVendor()
            .AddOperaVendor()
            .AddMewsVendor()
            .AllowConfigurationKeys([.. ApplicationKeys])
            .AddFromConfiguration(hotels);
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Runs the validation a host runs at start (<c>ValidateOnStart</c>: the vendor's option rules and unknown keys) and
    /// returns its failures; empty when every hotel is valid.
    /// </summary>
    public static IReadOnlyList<string> Validate(IServiceProvider services) => services.GetStartupValidationFailures();
}
