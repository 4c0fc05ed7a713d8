using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using HotelPlatform.Connectors.Catalog;

namespace HotelPlatform.Connectors.VendorConformance.Catalog;

/// <summary>
/// Each connector package declares the vendor API versions it speaks (its <see cref="PmsConnectorDescriptor"/>); these
/// tests hold every declaration to the vendor's own saved documents: OpenAPI <c>info.version</c> and paths, OHIP base
/// paths and release, the Mews changelog and paths, the OTA schemas' namespace.
/// </summary>
public sealed partial class DeclaredApiVersionTests
{
    private static readonly Assembly[] VendorPackages =
    [
        typeof(HotelPlatform.Connectors.Apaleo.ApaleoOptions).Assembly,
        typeof(HotelPlatform.Connectors.Mews.MewsOptions).Assembly,
        typeof(HotelPlatform.Connectors.Opera.OperaOptions).Assembly,
        typeof(HotelPlatform.Connectors.Cloudbeds.CloudbedsOptions).Assembly,
        typeof(HotelPlatform.Connectors.SiteMinder.SiteMinderOptions).Assembly,
    ];

    private static readonly PmsConnectorCatalog Catalog = PmsConnectorCatalog.FromAssemblies(VendorPackages);

    public static TheoryData<string, string> DeclaredApis() =>
        new(Catalog.Entries.SelectMany(e => e.ApiVersions.Select(a => (e.Vendor, a.Api))));

    [Fact]
    public void Every_vendor_package_declares_at_least_one_vendor_api_version()
    {
        Assert.Equal(VendorPackages.Length, Catalog.Entries.Count);
        Assert.All(Catalog.Entries, e => Assert.NotEmpty(e.ApiVersions));
    }

    [Theory]
    [MemberData(nameof(DeclaredApis))]
    public async Task A_declared_vendor_api_version_is_the_version_of_the_vendors_saved_document(string vendor, string api)
    {
        var declared = Catalog.Find(vendor)!.ApiVersions.Single(a => a.Api == api);
        switch (vendor)
        {
            case PmsVendors.Apaleo:
                await CheckApaleoAsync(declared);
                break;
            case PmsVendors.Cloudbeds:
                await CheckCloudbedsAsync(declared);
                break;
            case PmsVendors.Opera:
                await CheckOperaAsync(declared);
                break;
            case PmsVendors.Mews:
                CheckMews(declared);
                break;
            case PmsVendors.SiteMinder:
                CheckSiteMinder(declared);
                break;
            default:
                Assert.Fail($"No check for vendor {vendor}: add one here when a vendor package declares API versions.");
                break;
        }
    }

    /// <summary>Apaleo: <c>{api}-{version}.swagger.json</c>, its <c>info.version</c> and its paths under <c>/{api}/{version}/</c>.</summary>
    private static async Task CheckApaleoAsync(PmsVendorApiVersion declared)
    {
        var file = $"{declared.Api}-{declared.Version}.swagger.json";
        if (!File.Exists(Path.Combine(VendorSpecs.RequireRoot(), "apaleo", "openapi", file)))
        {
            Assert.Skip($"Apaleo's {declared.Api} API document ({file}) is not among the saved vendor documents (apaleo/SOURCES.md says which are).");
        }

        var document = Assert.Single((await VendorSpecs.LoadOpenApiAsync($"apaleo/openapi/{file}")).Documents);
        Assert.Equal(declared.Version, document.Info.Version);
        Assert.Contains(document.Paths.Keys, p => p.StartsWith($"/{declared.Api}/{declared.Version}/", StringComparison.Ordinal));
    }

    /// <summary>Cloudbeds: <c>pms-{version}-openapi.yaml</c>, its <c>info.version</c> and server, and the connector's default address.</summary>
    private static async Task CheckCloudbedsAsync(PmsVendorApiVersion declared)
    {
        var document = Assert.Single((await VendorSpecs.LoadOpenApiAsync($"cloudbeds/openapi-specs/pms-{declared.Version}-openapi.yaml")).Documents);
        Assert.Equal(declared.Version, document.Info.Version);
        Assert.Contains(document.Servers, s => s.Url.Contains($"/api/{declared.Version}", StringComparison.Ordinal));
        Assert.Contains($"/api/{declared.Version}/", HotelPlatform.Connectors.Cloudbeds.CloudbedsOptions.DefaultBaseAddress.AbsolutePath, StringComparison.Ordinal);
    }

    /// <summary>OPERA: the module's <c>basePath</c> is <c>/{api}/{version}</c> and its <c>info.version</c> the declared OHIP release.</summary>
    private static async Task CheckOperaAsync(PmsVendorApiVersion declared)
    {
        var document = Assert.Single((await VendorSpecs.LoadOpenApiAsync($"opera/rest-api-specs/property/{declared.Api}.json")).Documents);
        Assert.Equal($"/{declared.Api}/{declared.Version}", document.BasePath);
        if (declared.DocumentVersion is { } release)
        {
            Assert.Equal(release, document.Info.Version);
        }
    }

    /// <summary>Mews: operations are documented under <c>/api/connector/{version}/</c>; the changelog's newest entry is the declared document date.</summary>
    private static void CheckMews(PmsVendorApiVersion declared)
    {
        var operations = Path.GetDirectoryName(VendorSpecs.GetPath("mews", "connector-api-docs", "operations", "reservations.md"))!;
        Assert.Contains(Directory.EnumerateFiles(operations, "*.md"), page => File.ReadAllText(page).Contains($"/api/connector/{declared.Version}/", StringComparison.Ordinal));
        var newest = ChangelogDate().Match(VendorSpecs.ReadText("mews", "connector-api-docs", "changelog", "README.md"));
        Assert.True(newest.Success, "The Mews changelog has no dated entry.");
        Assert.Equal(declared.DocumentVersion, newest.Groups["date"].Value);
    }

    /// <summary>SiteMinder: the message's OTA schema is saved, and its target namespace is the one the connector writes.</summary>
    private static void CheckSiteMinder(PmsVendorApiVersion declared)
    {
        var schema = XDocument.Load(VendorSpecs.GetPath("siteminder", "ota-xsd", "2015B", $"{declared.Api}.xsd"));
        var targetNamespace = (string?)schema.Root?.Attribute("targetNamespace");
        Assert.NotNull(declared.DocumentVersion);
        Assert.StartsWith($"{targetNamespace} ", declared.DocumentVersion, StringComparison.Ordinal);
        XNamespace xs = "http://www.w3.org/2001/XMLSchema";
        Assert.Contains(schema.Root!.Elements(xs + "element"), e => (string?)e.Attribute("name") == declared.Api);
    }

    [GeneratedRegex("""\{% update date="(?<date>\d{4}-\d{2}-\d{2})" %\}""")]
    private static partial Regex ChangelogDate();
}
