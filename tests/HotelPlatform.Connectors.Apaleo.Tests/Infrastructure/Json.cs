using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using HotelPlatform.Connectors.Apaleo.Wire;

namespace HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;

/// <summary>JSON helpers over the connector's own source-generated context.</summary>
internal static class Json
{
    public static T Read<T>(string json, JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.Deserialize(json, typeInfo) ?? throw new InvalidOperationException("The JSON was null.");

    public static JsonNode Write<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToNode(value, typeInfo)!;

    public static ApaleoJsonContext Context => ApaleoJsonContext.Default;

    /// <summary>Asserts two JSON documents are equal, showing both when they are not.</summary>
    public static void AssertEquivalent(string expected, JsonNode actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        Assert.True(JsonNode.DeepEquals(expectedNode, actual), $"Expected:\n{expectedNode?.ToJsonString()}\nActual:\n{actual.ToJsonString()}");
    }
}
