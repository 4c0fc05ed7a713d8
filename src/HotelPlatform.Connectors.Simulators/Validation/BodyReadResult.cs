using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;

namespace HotelPlatform.Connectors.Simulators;

/// <summary>The outcome of <see cref="StrictRequestValidator.ReadJsonAsync{T}(HttpContext, System.Text.Json.JsonSerializerOptions)"/>: the model, or the 400 answer to return.</summary>
/// <typeparam name="T">The wire model.</typeparam>
public sealed class BodyReadResult<T>
{
    internal BodyReadResult(T value)
    {
        Value = value;
        Violations = [];
    }

    internal BodyReadResult(IResult rejection, IReadOnlyList<ValidationViolation> violations)
    {
        Rejection = rejection;
        Violations = violations;
    }

    /// <summary>Gets a value indicating whether the body matched the wire model.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool IsValid => Rejection is null;

    /// <summary>Gets the model when <see cref="IsValid"/>.</summary>
    public T? Value { get; }

    /// <summary>Gets the HTTP 400 answer naming the offending members, already recorded in <see cref="VendorSimulator.ValidationFailures"/>; return it from the handler.</summary>
    public IResult? Rejection { get; }

    /// <summary>Gets what was wrong; empty when <see cref="IsValid"/>.</summary>
    public IReadOnlyList<ValidationViolation> Violations { get; }
}
