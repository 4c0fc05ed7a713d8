using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace HotelPlatform.Connectors.Simulators;

/// <summary>Reads a JSON body (<c>application/json</c> or <c>application/*+json</c>, UTF-8) into a strict wire model.</summary>
/// <typeparam name="T">The wire model.</typeparam>
public sealed class JsonBodyReader<T> : IRequestBodyReader<T>
{
    private readonly JsonTypeInfo<T> _typeInfo;

    /// <summary>Initializes a new instance of the <see cref="JsonBodyReader{T}"/> class.</summary>
    /// <param name="typeInfo">The metadata, from options as strict as <see cref="StrictJson.CreateOptions"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="typeInfo"/> is <see langword="null"/>.</exception>
    public JsonBodyReader(JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        _typeInfo = typeInfo;
    }

    /// <inheritdoc />
    public int MaxBodyBytes { get; init; } = StrictRequestValidator.DefaultMaxBodyBytes;

    /// <inheritdoc />
    public IEnumerable<ValidationViolation> CheckHeaders(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return StrictRequestValidator.IsJson(request.ContentType)
            ? []
            : [new ValidationViolation(StrictRequestValidator.ContentTypeMember, $"'{request.ContentType}' is not application/json.")];
    }

    /// <inheritdoc />
    public T? Read(ReadOnlySpan<byte> body, ICollection<ValidationViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var (value, found) = StrictJsonReader.Deserialize(body, _typeInfo);
        foreach (ValidationViolation violation in found)
        {
            violations.Add(violation);
        }

        return value;
    }
}
