using System.Net.Http.Headers;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace HotelPlatform.Connectors.Simulators;

/// <summary>
/// Reads a SOAP 1.1 request (<c>text/xml</c>, a <c>SOAPAction</c> header, an <c>Envelope</c> with an optional
/// <c>Header</c> and a <c>Body</c> holding one element) safely: no DTD, no external entities or resolver, a size cap.
/// </summary>
/// <remarks>
/// A DTD is refused outright (<see cref="DtdProcessing.Prohibit"/>), so neither entity expansion ("billion laughs") nor
/// an external entity can be smuggled in; <see cref="XmlReaderSettings.XmlResolver"/> is <see langword="null"/>. A SOAP
/// 1.2 envelope or media type is named as such, since it is the usual mistake of a client speaking the wrong version.
/// </remarks>
public sealed class SoapBodyReader : IRequestBodyReader<SoapEnvelope>
{
    /// <summary>The SOAP 1.1 envelope namespace.</summary>
    public const string EnvelopeNamespace = "http://schemas.xmlsoap.org/soap/envelope/";

    /// <summary>The SOAP 1.2 envelope namespace, recognised only to be refused by name.</summary>
    private const string Soap12Namespace = "http://www.w3.org/2003/05/soap-envelope";

    private static readonly XNamespace Soap = EnvelopeNamespace;

    /// <summary>Gets a reader with the default limits.</summary>
    public static SoapBodyReader Default { get; } = new();

    /// <inheritdoc />
    public int MaxBodyBytes { get; init; } = 1024 * 1024;

    /// <inheritdoc />
    public IEnumerable<ValidationViolation> CheckHeaders(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var violations = new List<ValidationViolation>();
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out MediaTypeHeaderValue? media)
            || !string.Equals(media.MediaType, "text/xml", StringComparison.OrdinalIgnoreCase)
            || (media.CharSet is not null && !string.Equals(media.CharSet.Trim('"'), "utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            string hint = media?.MediaType is { } type && type.Equals("application/soap+xml", StringComparison.OrdinalIgnoreCase)
                ? " (application/soap+xml is SOAP 1.2; this endpoint speaks SOAP 1.1)"
                : string.Empty;
            violations.Add(new(StrictRequestValidator.ContentTypeMember, $"'{request.ContentType}' is not text/xml (UTF-8){hint}."));
        }

        if (!request.Headers.TryGetValue("SOAPAction", out var action) || action.Count != 1)
        {
            violations.Add(new("header:SOAPAction", "SOAP 1.1 requires one SOAPAction header (it may be \"\")."));
        }

        return violations;
    }

    /// <inheritdoc />
    public SoapEnvelope? Read(ReadOnlySpan<byte> body, ICollection<ValidationViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        if (body.IsEmpty)
        {
            violations.Add(new("soap:Envelope", "A SOAP envelope is required."));
            return null;
        }

        XDocument document;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = MaxBodyBytes,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var stream = new MemoryStream(body.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            violations.Add(new("xml", $"The body is not XML this reader accepts: {ex.Message}"));
            return null;
        }

        XElement envelope = document.Root!;
        if (envelope.Name != Soap + "Envelope")
        {
            violations.Add(new("soap:Envelope", envelope.Name.NamespaceName == Soap12Namespace
                ? "This is a SOAP 1.2 envelope; the endpoint speaks SOAP 1.1 (http://schemas.xmlsoap.org/soap/envelope/)."
                : $"The root element is {envelope.Name}, not {{{EnvelopeNamespace}}}Envelope."));
            return null;
        }

        List<XElement> parts = [.. envelope.Elements()];
        XElement? header = parts.FirstOrDefault()?.Name == Soap + "Header" ? parts[0] : null;
        List<XElement> rest = header is null ? parts : parts[1..];
        if (rest.Count != 1 || rest[0].Name != Soap + "Body")
        {
            violations.Add(new("soap:Body", $"The envelope must hold an optional Header, then one Body, and nothing else; found {string.Join(", ", parts.Select(p => p.Name.LocalName))}."));
            return null;
        }

        List<XElement> payload = [.. rest[0].Elements()];
        if (payload.Count != 1)
        {
            violations.Add(new("soap:Body", $"The Body must hold exactly one element (the operation's request); found {payload.Count}."));
            return null;
        }

        SoapUsernameToken? token = SoapUsernameToken.Find(header, violations);
        return token is null && violations.Count > 0 ? null : new SoapEnvelope(payload[0], header, token);
    }
}
