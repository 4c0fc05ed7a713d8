using System.Text.Json.Nodes;
using HotelPlatform.Connectors.Simulators;

namespace HotelPlatform.Connectors.VendorConformance.Apaleo;

/// <summary>Apaleo's saved Swagger documents and how a recorded request is validated against them.</summary>
internal static class ApaleoSwagger
{
    /// <summary>APIs whose current Swagger documents are not saved (read at Altricch/ApaleoOnPrem, see SOURCES.md): nothing to validate against.</summary>
    public static readonly string[] UnsavedApis = ["/rateplan/v1/", "/availability/v1/"];

    /// <summary>The saved documents of the APIs the connector and the simulator speak.</summary>
    public static Task<OpenApiSpec> LoadAsync() =>
        VendorSpecs.LoadOpenApiAsync("apaleo/openapi/booking-v1.swagger.json", "apaleo/openapi/inventory-v1.swagger.json");

    /// <summary>The unsaved API a path belongs to, or <see langword="null"/> when its document is saved.</summary>
    /// <param name="path">The request path.</param>
    /// <returns>The API prefix.</returns>
    public static string? UnsavedApiOf(string path) => UnsavedApis.FirstOrDefault(api => path.StartsWith(api, StringComparison.Ordinal));

    /// <summary>
    /// Validates a request. booking-v1 types a JSON Patch <c>value</c> as an untyped schema, which NJsonSchema reads
    /// from Swagger 2.0 as an object that allows no members, so a patch's values are validated against the definition of
    /// the member they replace (<c>/primaryGuest</c>: <c>GuestModel</c>) and left out of the operation's own check.
    /// </summary>
    /// <param name="spec">The documents.</param>
    /// <param name="recorded">The request.</param>
    /// <returns>One result per check.</returns>
    public static IEnumerable<SpecValidationResult> ValidateRequest(OpenApiSpec spec, RecordedRequest recorded)
    {
        if (recorded.Method != "PATCH" || recorded.ReadBodyAsJson() is not JsonArray operations)
        {
            return [spec.ValidateRequest(recorded)];
        }

        var results = new List<SpecValidationResult>();
        foreach (JsonObject operation in operations.OfType<JsonObject>())
        {
            if (operation["path"]?.GetValue<string>() == "/primaryGuest" && operation["value"] is { } guest)
            {
                results.Add(spec.ValidateDefinition("GuestModel", guest.ToJsonString()));
            }

            operation.Remove("value");
        }

        results.Add(spec.ValidateRequest(SpecRequest.From(recorded) with { Body = operations.ToJsonString() }));
        return results;
    }
}
