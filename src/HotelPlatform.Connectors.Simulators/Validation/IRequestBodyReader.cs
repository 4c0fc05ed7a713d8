using Microsoft.AspNetCore.Http;

namespace HotelPlatform.Connectors.Simulators;

/// <summary>
/// Reads one wire format of request bodies strictly: what <see cref="StrictRequestValidator.ReadBodyAsync{T}"/> uses to
/// check the headers a format prescribes, cap the size and turn the bytes into a model, naming every offending member.
/// </summary>
/// <typeparam name="T">What the body is read into.</typeparam>
/// <remarks>
/// Built in: <see cref="JsonBodyReader{T}"/> (JSON into a strict wire model), <see cref="FormBodyReader"/> and
/// <see cref="FormBodyReader{T}"/> (<c>application/x-www-form-urlencoded</c> with PHP-style brackets) and
/// <see cref="SoapBodyReader"/> (a SOAP 1.1 envelope). A vendor with another dialect implements this interface.
/// </remarks>
public interface IRequestBodyReader<T>
{
    /// <summary>Gets the largest body the reader accepts, in bytes; a larger one is refused without being read further.</summary>
    int MaxBodyBytes { get; }

    /// <summary>
    /// Checks the headers before the body is read. A violation on <see cref="StrictRequestValidator.ContentTypeMember"/>
    /// is answered as the vendor answers an unsupported media type (<see cref="VendorSimulator.AnswerUnsupportedMediaType"/>).
    /// </summary>
    /// <param name="request">The request.</param>
    /// <returns>The violations; empty when the headers fit the format.</returns>
    IEnumerable<ValidationViolation> CheckHeaders(HttpRequest request);

    /// <summary>Reads the body.</summary>
    /// <param name="body">The body, at most <see cref="MaxBodyBytes"/> long.</param>
    /// <param name="violations">Where to add what is wrong, each naming the member concerned.</param>
    /// <returns>The model; ignored when a violation was added.</returns>
    T? Read(ReadOnlySpan<byte> body, ICollection<ValidationViolation> violations);
}
