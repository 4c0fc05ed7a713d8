using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;

/// <summary>
/// Finds Apaleo's own documents in <c>shared/vendor-specs/apaleo</c> (beside the repository; read at test time, never
/// copied into it). Order: the folder named by <c>HOTELPLATFORM_VENDOR_SPECS</c> (wins even when wrong, so a typo is
/// reported), else the first <c>&lt;ancestor&gt;/shared/vendor-specs</c> above the test's base directory, this project's
/// source directory or the working directory. Tests that need the documents skip, naming the variable and the expected
/// path, when they are absent.
/// </summary>
internal static class VendorSpecs
{
    public const string EnvironmentVariable = "HOTELPLATFORM_VENDOR_SPECS";

    private static readonly Lazy<(string? Root, string Reason)> Located = new(Locate);

    /// <summary>Gets the <c>vendor-specs</c> folder, or <see langword="null"/> when absent.</summary>
    public static string? Root => Located.Value.Root;

    /// <summary>Returns the path of an Apaleo document, skipping the test when the folder is absent.</summary>
    /// <param name="segments">The path below <c>vendor-specs/apaleo</c>.</param>
    /// <returns>The full path.</returns>
    /// <exception cref="FileNotFoundException">The folder exists but the document does not: a renamed document must fail, not skip.</exception>
    public static string ApaleoPath(params string[] segments)
    {
        var (root, reason) = Located.Value;
        if (root is null)
        {
            Assert.Skip(reason);
        }

        var path = Path.Combine([root, "apaleo", .. segments]);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Apaleo document '{Path.Combine(segments)}' is not in {root}.", path);
    }

    /// <summary>Reads an Apaleo example payload (<c>examples/&lt;name&gt;.example.json</c>).</summary>
    /// <param name="name">The example, for example <c>booking.ReservationModel</c>.</param>
    /// <returns>The JSON text.</returns>
    public static string Example(string name) => File.ReadAllText(ApaleoPath("examples", name + ".example.json"));

    /// <summary>Reads an Apaleo example as a JSON node.</summary>
    /// <param name="name">The example.</param>
    /// <returns>The node.</returns>
    public static JsonNode ExampleNode(string name) => JsonNode.Parse(Example(name))!;

    /// <summary>Loads one of the saved Swagger documents (<c>openapi/&lt;api&gt;-v1.swagger.json</c>).</summary>
    /// <param name="api">booking, inventory or finance.</param>
    /// <returns>The document.</returns>
    public static JsonDocument Swagger(string api) => JsonDocument.Parse(File.ReadAllText(ApaleoPath("openapi", $"{api}-v1.swagger.json")));

    private static (string? Root, string Reason) Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            var full = Path.GetFullPath(fromEnvironment);
            return Directory.Exists(full)
                ? (full, $"{EnvironmentVariable}={full}")
                : (null, $"Apaleo vendor documents not found: {EnvironmentVariable} is '{full}', which does not exist. Point it at the vendor-specs folder (containing apaleo/examples and apaleo/openapi) or unset it.");
        }

        var starts = new[] { AppContext.BaseDirectory, ProjectDirectory(), Environment.CurrentDirectory }
            .Where(d => !string.IsNullOrEmpty(d))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var start in starts)
        {
            for (var directory = new DirectoryInfo(start!); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "shared", "vendor-specs");
                if (Directory.Exists(candidate))
                {
                    return (candidate, $"found at {candidate}");
                }
            }
        }

        return (null,
            $"Apaleo vendor documents not found: set {EnvironmentVariable} to the vendor-specs folder, or place it at '{ExpectedPath() ?? "<repository>/../shared/vendor-specs"}' "
            + $"(searched upward from {string.Join(", ", starts)}). They are read at test time and never copied into the repository.");
    }

    private static string? ProjectDirectory() => typeof(VendorSpecs).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "HotelPlatform.ProjectDirectory")?.Value;

    private static string? ExpectedPath()
    {
        for (var directory = ProjectDirectory() is { } p ? new DirectoryInfo(p) : null; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HotelPlatform.Connectors.sln")) && directory.Parent is { } parent)
            {
                return Path.Combine(parent.FullName, "shared", "vendor-specs");
            }
        }

        return null;
    }
}
