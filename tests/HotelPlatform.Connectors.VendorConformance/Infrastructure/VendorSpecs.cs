using System.Collections.Concurrent;

namespace HotelPlatform.Connectors.VendorConformance;

/// <summary>
/// Finds the vendors' own documents (<c>../shared/vendor-specs</c>, beside the repository; never copied into it) and
/// loads them for conformance tests. A test that needs them calls <see cref="RequireRoot"/> (or a loader), which skips
/// the test with the reason when they are absent, so a machine without <c>shared/</c> reports skipped, not passed.
/// </summary>
/// <remarks>
/// The folder is, in order: the directory named by <see cref="EnvironmentVariable"/> (if set, it wins even when it does
/// not exist, so a typo is reported rather than silently replaced); else the first <c>&lt;ancestor&gt;/shared/vendor-specs</c>
/// found walking up from the test's base directory, this project's source directory and the working directory. Walking
/// every ancestor covers both <c>&lt;repo&gt;/../shared/vendor-specs</c> and <c>&lt;ancestor&gt;/shared/vendor-specs</c>; the
/// source directory matters when the build output lives outside the repository (<c>--artifacts-path /tmp/...</c>).
/// </remarks>
public static class VendorSpecs
{
    /// <summary>The environment variable that overrides where the vendor documents are.</summary>
    public const string EnvironmentVariable = VendorSpecsLocator.EnvironmentVariable;

    private static readonly Lazy<VendorSpecsLocation> Located = new(VendorSpecsLocator.LocateForThisProcess);

    private static readonly ConcurrentDictionary<string, Lazy<Task<OpenApiSpec>>> OpenApiCache = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Lazy<XmlSchemaValidator>> XmlCache = new(StringComparer.Ordinal);

    /// <summary>Gets where the documents are for this process (resolved once).</summary>
    public static VendorSpecsLocation Location => Located.Value;

    /// <summary>Returns the <c>vendor-specs</c> folder, or skips the calling test with the reason when it is absent.</summary>
    /// <returns>The folder.</returns>
    public static string RequireRoot()
    {
        VendorSpecsLocation location = Location;
        if (location.Root is null)
        {
            Assert.Skip(location.Description);
        }

        return location.Root;
    }

    /// <summary>Returns the full path of a vendor document (skipping the test when the folder is absent).</summary>
    /// <param name="relativeSegments">The path under <c>vendor-specs</c>, such as <c>"apaleo", "openapi", "booking-v1.swagger.json"</c>.</param>
    /// <returns>The full path.</returns>
    /// <exception cref="FileNotFoundException">The folder is there but the document is not: a moved or renamed document must fail, not skip.</exception>
    public static string GetPath(params string[] relativeSegments)
    {
        ArgumentNullException.ThrowIfNull(relativeSegments);
        string path = Path.Combine([RequireRoot(), .. relativeSegments]);
        return File.Exists(path) || Directory.Exists(path)
            ? path
            : throw new FileNotFoundException($"The vendor document '{Path.Combine(relativeSegments)}' is not in {Location.Root}.", path);
    }

    /// <summary>Reads a vendor document as text (skipping the test when the folder is absent).</summary>
    /// <param name="relativeSegments">The path under <c>vendor-specs</c>.</param>
    /// <returns>The text.</returns>
    public static string ReadText(params string[] relativeSegments) => File.ReadAllText(GetPath(relativeSegments));

    /// <summary>Loads (once per process) one or more OpenAPI / Swagger documents as one <see cref="OpenApiSpec"/>.</summary>
    /// <param name="relativePaths">Paths under <c>vendor-specs</c>, such as <c>"apaleo/openapi/booking-v1.swagger.json"</c>.</param>
    /// <returns>The spec.</returns>
    public static Task<OpenApiSpec> LoadOpenApiAsync(params string[] relativePaths)
    {
        ArgumentNullException.ThrowIfNull(relativePaths);
        string[] paths = [.. relativePaths.Select(p => GetPath(p.Split('/')))];
        string key = string.Join('|', paths);
        return OpenApiCache.GetOrAdd(key, _ => new Lazy<Task<OpenApiSpec>>(() => OpenApiSpec.LoadAsync(paths))).Value;
    }

    /// <summary>Loads (once per process) the XML schemas of a folder, such as the OTA XSDs SiteMinder's messages are defined by.</summary>
    /// <param name="relativeDirectory">The folder under <c>vendor-specs</c>, such as <c>"siteminder/ota-xsd/2015B"</c>.</param>
    /// <param name="searchPattern">Which files are root schemas (their includes are followed).</param>
    /// <returns>The validator.</returns>
    public static XmlSchemaValidator LoadXmlSchemas(string relativeDirectory, string searchPattern = "*.xsd")
    {
        ArgumentException.ThrowIfNullOrEmpty(relativeDirectory);
        string directory = GetPath(relativeDirectory.Split('/'));
        return XmlCache.GetOrAdd(directory + "|" + searchPattern, _ => new Lazy<XmlSchemaValidator>(() => XmlSchemaValidator.Load(directory, searchPattern))).Value;
    }
}
