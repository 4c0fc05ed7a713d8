using System.Text.Json;
using System.Text.Json.Serialization;

namespace HotelPlatform.Connectors.Catalog;

/// <summary>The catalog's JSON: camelCase, enums as words, certifications read leniently about extra members (the kit writes per-test detail).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, UseStringEnumConverter = true, IgnoreReadOnlyProperties = false)]
[JsonSerializable(typeof(IReadOnlyList<PmsCatalogEntry>))]
[JsonSerializable(typeof(PmsCatalogCertification))]
internal sealed partial class PmsCatalogJson : JsonSerializerContext;
