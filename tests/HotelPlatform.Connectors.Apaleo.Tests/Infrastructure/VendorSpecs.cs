using System.Text.Json;
using System.Text.Json.Nodes;

namespace HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;

/// <summary>
/// Reads Apaleo's own documents in <c>shared/vendor-specs/apaleo</c> (beside the repository; read at test time, never
/// copied into it), found by the shared <see cref="VendorSpecsLocator"/>. Tests that need them skip, naming the
/// variable and the expected path, when they are absent.
/// </summary>
internal static class VendorSpecs
{
    public const string EnvironmentVariable = VendorSpecsLocator.EnvironmentVariable;

    private static readonly Lazy<VendorSpecsLocation> Located = new(VendorSpecsLocator.LocateForThisProcess);

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
            Assert.Skip($"Apaleo's documents (apaleo/examples, apaleo/openapi) are needed. {reason}");
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
}
