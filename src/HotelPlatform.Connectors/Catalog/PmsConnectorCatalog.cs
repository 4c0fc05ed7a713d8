using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.Catalog;

/// <summary>
/// The connector catalog: one <see cref="PmsCatalogEntry"/> per connector package, built from what each package declares
/// (<see cref="PmsConnectorDescriptorAttribute"/>) and its assembly's name and version, with the contract kit's live
/// certification of the vendor where one is given. Nothing in it is kept by hand.
/// </summary>
public sealed class PmsConnectorCatalog
{
    private PmsConnectorCatalog(IReadOnlyList<PmsCatalogEntry> entries) => Entries = entries;

    /// <summary>Gets the entries, by vendor name.</summary>
    public IReadOnlyList<PmsCatalogEntry> Entries { get; }

    /// <summary>Returns the entry of a vendor (case-insensitive), or <see langword="null"/>.</summary>
    /// <param name="vendor">The vendor name.</param>
    /// <returns>The entry.</returns>
    public PmsCatalogEntry? Find(string vendor) =>
        Entries.FirstOrDefault(e => string.Equals(e.Vendor, vendor, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Builds the catalog of the vendors registered on the container (<c>AddApaleoVendor()</c>, <c>AddApaleo(...)</c>,
    /// <c>AddFromConfiguration</c>): the packages the application really uses.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="certificationsDirectory">A folder of live contract-kit certifications (<c>&lt;vendor&gt;.json</c>), or <see langword="null"/>.</param>
    /// <returns>The catalog.</returns>
    public static PmsConnectorCatalog FromServices(IServiceProvider services, string? certificationsDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        IEnumerable<IPmsConnectorVendor> vendors = services.GetService<PmsVendorCatalog>()?.Vendors.Values ?? Enumerable.Empty<IPmsConnectorVendor>();
        return FromAssemblies(vendors.Select(v => v.GetType().Assembly), certificationsDirectory);
    }

    /// <summary>Builds the catalog of the connector packages among <paramref name="assemblies"/> (assemblies without a descriptor are passed over).</summary>
    /// <param name="assemblies">The assemblies.</param>
    /// <param name="certificationsDirectory">A folder of live contract-kit certifications (<c>*.json</c>), or <see langword="null"/>.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="InvalidOperationException">A descriptor cannot be made, or two packages declare the same vendor.</exception>
    /// <exception cref="InvalidDataException">A file in <paramref name="certificationsDirectory"/> is not a certification.</exception>
    public static PmsConnectorCatalog FromAssemblies(IEnumerable<Assembly> assemblies, string? certificationsDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        var certifications = certificationsDirectory is null ? [] : PmsCatalogCertification.LoadAll(certificationsDirectory);
        var entries = new List<PmsCatalogEntry>();
        foreach (var assembly in assemblies.Distinct())
        {
            if (assembly.GetCustomAttribute<PmsConnectorDescriptorAttribute>() is not { } attribute)
            {
                continue;
            }

            var descriptor = Create(attribute.DescriptorType, assembly);
            if (entries.Find(e => string.Equals(e.Vendor, descriptor.Vendor, StringComparison.OrdinalIgnoreCase)) is { } twin)
            {
                throw new InvalidOperationException($"Packages {twin.Package} and {assembly.GetName().Name} both declare vendor '{descriptor.Vendor}'.");
            }

            var version = PackageVersion(assembly);
            var certification = certifications
                .Where(c => string.Equals(c.Vendor, descriptor.Vendor, StringComparison.OrdinalIgnoreCase))
                .MaxBy(c => c.CompletedAt);
            entries.Add(PmsCatalogEntry.From(descriptor, assembly.GetName().Name!, version, certification));
        }

        return new PmsConnectorCatalog([.. entries.OrderBy(e => e.Vendor, StringComparer.OrdinalIgnoreCase)]);
    }

    /// <summary>Writes the catalog as JSON (camelCase, enums as words): the shape of the sample host's <c>/api/catalog</c> and <c>hotelpms catalog --json</c>.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => ToJson(Entries);

    /// <summary>Writes catalog entries (a filtered part of a catalog) as JSON, in the shape of <see cref="ToJson()"/>.</summary>
    /// <param name="entries">The entries.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(IEnumerable<PmsCatalogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return JsonSerializer.Serialize<IReadOnlyList<PmsCatalogEntry>>([.. entries], PmsCatalogJson.Default.IReadOnlyListPmsCatalogEntry);
    }

    /// <summary>The package version an assembly was built as: its informational version without the source revision (<c>+sha</c>).</summary>
    internal static string PackageVersion(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }

    private static PmsConnectorDescriptor Create(Type type, Assembly assembly)
    {
        if (!typeof(PmsConnectorDescriptor).IsAssignableFrom(type) || type.IsAbstract)
        {
            throw new InvalidOperationException($"{assembly.GetName().Name} names {type.FullName} as its connector descriptor, which is not a concrete {nameof(PmsConnectorDescriptor)}.");
        }

        try
        {
            return (PmsConnectorDescriptor)Activator.CreateInstance(type, nonPublic: true)!;
        }
        catch (MissingMethodException ex)
        {
            throw new InvalidOperationException($"{type.FullName} (the connector descriptor of {assembly.GetName().Name}) needs a parameterless constructor.", ex);
        }
    }
}
