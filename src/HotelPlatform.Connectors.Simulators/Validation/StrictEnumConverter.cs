using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HotelPlatform.Connectors.Simulators;

/// <summary>
/// Converts every enum to and from exactly its declared wire names. Unlike <see cref="JsonStringEnumConverter"/>, which
/// matches names case-insensitively and may accept integers and comma lists, a value that is not one of the names,
/// spelled exactly, is refused with a message listing the allowed values.
/// </summary>
/// <param name="namingPolicy">How member names are spelled on the wire, unless <see cref="JsonStringEnumMemberNameAttribute"/> says otherwise; as declared when <see langword="null"/>.</param>
public sealed class StrictEnumConverterFactory(JsonNamingPolicy? namingPolicy) : JsonConverterFactory
{
    /// <summary>Initializes a new instance of the <see cref="StrictEnumConverterFactory"/> class with names as declared.</summary>
    public StrictEnumConverterFactory()
        : this(null)
    {
    }

    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    /// <inheritdoc />
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "The converter type is closed over an enum the caller already uses.")]
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert), namingPolicy)!;
}

/// <summary>Converts one enum to and from exactly its declared wire names; see <see cref="StrictEnumConverterFactory"/>.</summary>
/// <typeparam name="TEnum">The enum.</typeparam>
public sealed class StrictEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private readonly FrozenDictionary<string, TEnum> _byName;
    private readonly FrozenDictionary<TEnum, string> _byValue;

    /// <summary>Initializes a new instance of the <see cref="StrictEnumConverter{TEnum}"/> class with names as declared.</summary>
    public StrictEnumConverter()
        : this(null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="StrictEnumConverter{TEnum}"/> class.</summary>
    /// <param name="namingPolicy">How member names are spelled on the wire, unless <see cref="JsonStringEnumMemberNameAttribute"/> says otherwise.</param>
    public StrictEnumConverter(JsonNamingPolicy? namingPolicy)
    {
        var byName = new Dictionary<string, TEnum>(StringComparer.Ordinal);
        var byValue = new Dictionary<TEnum, string>();
        foreach (FieldInfo field in typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var value = (TEnum)field.GetValue(null)!;
            string name = field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
                ?? namingPolicy?.ConvertName(field.Name)
                ?? field.Name;
            byName[name] = value;
            byValue.TryAdd(value, name);
        }

        _byName = byName.ToFrozenDictionary(StringComparer.Ordinal);
        _byValue = byValue.ToFrozenDictionary();
        AllowedValues = [.. byName.Keys];
    }

    /// <summary>Gets the accepted wire names, in declaration order.</summary>
    public IReadOnlyList<string> AllowedValues { get; }

    /// <summary>Looks up a wire name.</summary>
    /// <param name="name">The name as sent.</param>
    /// <param name="value">The enum value.</param>
    /// <returns><see langword="true"/> when the name is exactly one of <see cref="AllowedValues"/>.</returns>
    public bool TryParse(string name, out TEnum value) => _byName.TryGetValue(name, out value);

    /// <inheritdoc />
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected one of {Describe()} as a JSON string, not {reader.TokenType}; numeric enum values are not accepted.");
        }

        string name = reader.GetString()!;
        return TryParse(name, out TEnum value)
            ? value
            : throw new JsonException($"'{name}' is not one of {Describe()}.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(GetName(value));
    }

    /// <inheritdoc />
    public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string name = reader.GetString()!;
        return TryParse(name, out TEnum value) ? value : throw new JsonException($"Property name '{name}' is not one of {Describe()}.");
    }

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(GetName(value));
    }

    private string GetName(TEnum value) =>
        _byValue.TryGetValue(value, out string? name) ? name : throw new JsonException($"{typeof(TEnum).Name} value {value} has no wire name.");

    private string Describe() => string.Join(", ", AllowedValues.Select(v => $"'{v}'"));
}
