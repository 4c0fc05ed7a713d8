using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;

namespace HotelPlatform.Connectors.Simulators;

/// <summary>The outcome of <see cref="StrictRequestValidator.ReadBodyAsync{T}"/> (and of its JSON, form and SOAP shortcuts): the value, or the answer to return.</summary>
/// <typeparam name="T">What the body was read into.</typeparam>
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

    /// <summary>Gets the answer naming the offending members (HTTP 400, or the vendor's answer to an unsupported media type), already recorded in <see cref="VendorSimulator.ValidationFailures"/>; return it from the handler.</summary>
    public IResult? Rejection { get; }

    /// <summary>Gets what was wrong; empty when <see cref="IsValid"/>.</summary>
    public IReadOnlyList<ValidationViolation> Violations { get; }
}
