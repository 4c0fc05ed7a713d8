namespace HotelPlatform.Connectors.Simulators;

/// <summary>One thing wrong with a request, named by the member it concerns.</summary>
/// <param name="Member">
/// Where: a JSON path into the body (<c>$.reservations[0].arrival</c>), a query parameter (<c>query:arrival</c>), a header
/// (<c>header:Idempotency-Key</c>) or <c>route</c> for an unknown endpoint.
/// </param>
/// <param name="Message">What is wrong, in words a developer can act on.</param>
public sealed record ValidationViolation(string Member, string Message);

/// <summary>A request the simulator refused because it did not match the vendor's strict wire model: a bug in whatever sent it.</summary>
/// <param name="RequestSequence">The <see cref="RecordedRequest.Sequence"/> of the request (0 when it was not journaled).</param>
/// <param name="At">When it was refused, on the simulator's clock.</param>
/// <param name="Method">The request method.</param>
/// <param name="Path">The request path.</param>
/// <param name="Member">The member concerned (see <see cref="ValidationViolation.Member"/>).</param>
/// <param name="Message">What is wrong.</param>
public sealed record ValidationFailure(long RequestSequence, DateTimeOffset At, string Method, string Path, string Member, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Method} {Path}: {Member}: {Message}";
}

/// <summary>
/// Implemented by a wire model whose rules the JSON shape cannot express (formats inside strings, ranges, one field
/// requiring another). <see cref="StrictRequestValidator.ReadJsonAsync{T}(Microsoft.AspNetCore.Http.HttpContext, System.Text.Json.JsonSerializerOptions)"/>
/// calls it after deserializing, and refuses the request when it yields violations.
/// </summary>
public interface IValidatableWireModel
{
    /// <summary>Checks the model.</summary>
    /// <param name="path">The JSON path of this model in the body (<c>$</c> for the root); prefix member paths with it.</param>
    /// <returns>The violations; empty when the model is valid.</returns>
    IEnumerable<ValidationViolation> Validate(string path);
}
