using System.Text.Json;
using System.Text.Json.Serialization;

namespace HotelPlatform.Connectors.Mirror;

/// <summary>The source-generated serialisation of mirrored reservations and freshness reports.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(Reservation))]
[JsonSerializable(typeof(PmsMirrorFreshness))]
[JsonSerializable(typeof(IReadOnlyList<PmsMirrorFreshness>))]
internal sealed partial class PmsMirrorJson : JsonSerializerContext;
