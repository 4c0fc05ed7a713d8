using System.ServiceModel.Channels;
using System.Xml;
using System.Xml.Linq;

namespace HotelPlatform.Connectors.SiteMinder.Soap;

/// <summary>What a SOAP 1.1 envelope held: the one body element, or a SOAP Fault.</summary>
/// <param name="Payload">The element inside <c>soap:Body</c>; <see langword="null"/> for a fault.</param>
/// <param name="FaultCode">The fault's <c>faultcode</c> (local name, such as <c>Client</c> or <c>Server</c>); <see langword="null"/> unless a fault.</param>
/// <param name="FaultReason">The fault's <c>faultstring</c>.</param>
internal sealed record SoapReply(XElement? Payload, string? FaultCode, string? FaultReason)
{
    /// <summary>Gets the header's <c>wsse:Security/wsse:UsernameToken</c>, where one was sent.</summary>
    public (string Username, string Password, string? PasswordType)? UsernameToken { get; init; }

    public bool IsFault => FaultCode is not null;
}

/// <summary>
/// Reads SOAP 1.1 envelopes safely with WCF's <see cref="Message"/> over a hardened <see cref="XmlReader"/>: no DTD
/// (<see cref="DtdProcessing.Prohibit"/>, so neither entity expansion nor an external entity), no resolver, and at most
/// <see cref="SiteMinderOptions.MaxMessageBytes"/> characters.
/// </summary>
internal static class SoapEnvelopeReader
{
    private const int MaxHeaderBytes = 64 * 1024;

    private static readonly MessageVersion Soap11 = MessageVersion.Soap11;

    /// <summary>Reads an envelope.</summary>
    /// <param name="envelope">The bytes.</param>
    /// <returns>The body element or the fault.</returns>
    /// <exception cref="FormatException">Not a SOAP 1.1 envelope this reader accepts (a DTD, too large, not XML, an empty body).</exception>
    public static SoapReply Read(ReadOnlyMemory<byte> envelope)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = SiteMinderOptions.MaxMessageBytes,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var stream = new MemoryStream(envelope.ToArray(), writable: false);
            using var xml = XmlReader.Create(stream, settings);
            using var reader = XmlDictionaryReader.CreateDictionaryReader(xml);
            using var message = Message.CreateMessage(reader, MaxHeaderBytes, Soap11);
            if (message.IsFault)
            {
                var fault = MessageFault.CreateFault(message, MaxHeaderBytes);
                string reason = fault.Reason.GetMatchingTranslation()?.Text ?? string.Empty;
                return new SoapReply(null, fault.Code.SubCode?.Name ?? fault.Code.Name, reason);
            }

            if (message.IsEmpty)
            {
                throw new FormatException("The SOAP body is empty; an OTA response was expected.");
            }

            var token = UsernameTokenOf(message);
            using var body = message.GetReaderAtBodyContents();
            body.MoveToContent();
            return new SoapReply((XElement)XNode.ReadFrom(body), null, null) { UsernameToken = token };
        }
        catch (Exception exception) when (exception is XmlException or System.ServiceModel.CommunicationException or InvalidOperationException)
        {
            // The reader's message may quote the document; the caller's reason must not carry guest data.
            throw new FormatException($"Not a SOAP 1.1 envelope this connector accepts ({exception.GetType().Name}).", exception);
        }
    }

    private static (string, string, string?)? UsernameTokenOf(Message message)
    {
        int index = message.Headers.FindHeader("Security", UsernameTokenHeader.SecurityNamespace);
        if (index < 0)
        {
            return null;
        }

        XNamespace wsse = UsernameTokenHeader.SecurityNamespace;
        using var reader = message.Headers.GetReaderAtHeader(index);
        reader.MoveToContent();
        var token = ((XElement)XNode.ReadFrom(reader)).Element(wsse + "UsernameToken");
        var password = token?.Element(wsse + "Password");
        return token?.Element(wsse + "Username")?.Value is { } username && password is not null
            ? (username, password.Value, (string?)password.Attribute("Type"))
            : null;
    }
}
