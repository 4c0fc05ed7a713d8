using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace HotelPlatform.Connectors.Simulators;

/// <summary>
/// Reads a PHP-style form body (<see cref="FormBodyReader"/>) and holds its nested structure to a strict wire model:
/// unknown keys, missing required members and values that do not parse are refused, named as form keys
/// (<c>form:rooms[0][adults]</c>).
/// </summary>
/// <typeparam name="T">The wire model.</typeparam>
/// <remarks>
/// Every leaf of a form is a string, so the model's metadata comes from <see cref="StrictJson.CreateFormOptions"/>, which
/// reads numbers and <c>true</c>/<c>false</c> from strings and is otherwise as strict as <see cref="StrictJson.CreateOptions"/>.
/// </remarks>
public sealed class FormBodyReader<T> : IRequestBodyReader<T>
{
    private readonly JsonTypeInfo<T> _typeInfo;
    private readonly FormBodyReader _structure;

    /// <summary>Initializes a new instance of the <see cref="FormBodyReader{T}"/> class.</summary>
    /// <param name="typeInfo">The metadata, from options made by <see cref="StrictJson.CreateFormOptions"/>.</param>
    /// <param name="structure">The reader of the nested structure (limits); <see cref="FormBodyReader.Default"/> when omitted.</param>
    /// <exception cref="ArgumentNullException"><paramref name="typeInfo"/> is <see langword="null"/>.</exception>
    public FormBodyReader(JsonTypeInfo<T> typeInfo, FormBodyReader? structure = null)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        _typeInfo = typeInfo;
        _structure = structure ?? FormBodyReader.Default;
    }

    /// <inheritdoc />
    public int MaxBodyBytes => _structure.MaxBodyBytes;

    /// <inheritdoc />
    public IEnumerable<ValidationViolation> CheckHeaders(HttpRequest request) => _structure.CheckHeaders(request);

    /// <inheritdoc />
    public T? Read(ReadOnlySpan<byte> body, ICollection<ValidationViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        if (_structure.Read(body, violations) is not JsonObject form)
        {
            return default;
        }

        T? value;
        try
        {
            value = form.Deserialize(_typeInfo);
        }
        catch (JsonException ex)
        {
            ValidationViolation described = StrictJsonReader.Describe(ex);
            violations.Add(new(FormBodyReader.ToFormMember(described.Member), described.Message));
            return default;
        }

        if (value is IValidatableWireModel validatable)
        {
            foreach (ValidationViolation violation in validatable.Validate("$"))
            {
                violations.Add(violation with { Member = FormBodyReader.ToFormMember(violation.Member) });
            }
        }

        return value;
    }
}
